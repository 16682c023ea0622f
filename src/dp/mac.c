// SPDX-License-Identifier: BSD-2-Clause
/* mac.c - the MAC learning table: lock-free, 4-way buckets, aging, oldest entry replaced. */
#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>

#include <vxdp/mac.h>

#define WAYS		4
/* Refresh a live entry's time at most this often (keeps the cache line quiet). */
#define REFRESH_NS	100000000ULL

static uint64_t mac_u64(const uint8_t m[6])
{
	return (uint64_t)m[0] << 40 | (uint64_t)m[1] << 32 | (uint64_t)m[2] << 24 |
	       (uint64_t)m[3] << 16 | (uint64_t)m[4] << 8 | m[5];
}

static unsigned int bucket(const struct vx_mac_table *t, uint64_t mac)
{
	uint64_t h = mac * 0x9e3779b97f4a7c15ULL;

	return (unsigned int)(h >> 40) & t->mask;
}

static struct vx_mac_entry *slot(const struct vx_mac_table *t, unsigned int b, unsigned int w)
{
	return &t->e[((b + w) & t->mask)];
}

int vx_mac_init(struct vx_mac_table *t, unsigned int buckets, uint64_t age_ns)
{
	unsigned int n = 16;

	while (n < buckets && n < (1u << 24))
		n <<= 1;
	t->e = calloc(n, sizeof(*t->e));
	if (!t->e)
		return -ENOMEM;
	t->mask = n - 1;
	t->age_ns = age_ns;
	return 0;
}

void vx_mac_fini(struct vx_mac_table *t)
{
	free(t->e);
	t->e = NULL;
}

static bool live(const struct vx_mac_table *t, const struct vx_mac_entry *e, uint64_t now)
{
	uint64_t s = __atomic_load_n(&e->seen_ns, __ATOMIC_RELAXED);

	return now < s || now - s < t->age_ns;
}

static void set(struct vx_mac_entry *e, uint64_t key, uint64_t now)
{
	__atomic_store_n(&e->seen_ns, now, __ATOMIC_RELAXED);
	__atomic_store_n(&e->key, key, __ATOMIC_RELEASE);
}

static uint64_t seen(const struct vx_mac_entry *e)
{
	return __atomic_load_n(&e->seen_ns, __ATOMIC_RELAXED);
}

void vx_mac_learn(struct vx_mac_table *t, const uint8_t mac[6], unsigned int port,
		  uint64_t now_ns)
{
	uint64_t m = mac_u64(mac), key = m << 16 | ((port + 1) & 0xffff);
	struct vx_mac_entry *free_e = NULL, *oldest = NULL;
	unsigned int b = bucket(t, m), w;

	for (w = 0; w < WAYS; w++) {
		struct vx_mac_entry *e = slot(t, b, w);
		uint64_t k = __atomic_load_n(&e->key, __ATOMIC_ACQUIRE);

		if (k && k >> 16 == m) {
			if (k != key || now_ns - seen(e) > REFRESH_NS || !live(t, e, now_ns))
				set(e, key, now_ns);
			return;
		}
		if (!k || !live(t, e, now_ns)) {
			free_e = free_e ? free_e : e;
			continue;
		}
		if (!oldest || seen(e) < seen(oldest))
			oldest = e;
	}
	set(free_e ? free_e : oldest, key, now_ns);
}

unsigned int vx_mac_lookup(const struct vx_mac_table *t, const uint8_t mac[6], uint64_t now_ns)
{
	uint64_t m = mac_u64(mac);
	unsigned int b = bucket(t, m), w;

	for (w = 0; w < WAYS; w++) {
		const struct vx_mac_entry *e = slot(t, b, w);
		uint64_t k = __atomic_load_n(&e->key, __ATOMIC_ACQUIRE);

		if (k && k >> 16 == m)
			return live(t, e, now_ns) ? (unsigned int)(k & 0xffff) - 1 : VX_MAC_NONE;
	}
	return VX_MAC_NONE;
}

unsigned int vx_mac_count(const struct vx_mac_table *t, uint64_t now_ns)
{
	unsigned int i, n = 0;

	for (i = 0; i <= t->mask; i++) {
		if (__atomic_load_n(&t->e[i].key, __ATOMIC_ACQUIRE) && live(t, &t->e[i], now_ns))
			n++;
	}
	return n;
}
