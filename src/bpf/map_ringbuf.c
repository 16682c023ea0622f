// SPDX-License-Identifier: BSD-2-Clause
/*
 * map_ringbuf.c - RINGBUF, the multi-producer single-consumer ring buffer, with the kernel's
 * record semantics (ringbuf.c) and libbpf's consumer loop.
 *
 * max_entries is the data size, a power of 2 and a multiple of 4096. Producer and consumer
 * positions only grow; a record starts at position & mask with an 8-byte header
 * { u32 len; u32 pg_off; } and its data, and takes round_up(len + 8, 8) bytes. While reserved,
 * len has the busy bit (1 << 31); submit clears it, discard clears it and sets the discard bit
 * (1 << 30). A reservation fails (NULL) when it would put the producer more than size - 1 bytes
 * ahead of the consumer, when its flags are not 0, or when the record would not fit at all.
 *
 * The kernel maps the data pages twice in a row so that a record running past the end stays
 * contiguous; here the data area is simply twice the ring size and a record is always read and
 * written from its start position, so the second half holds the tails of wrapping records.
 * pg_off holds the header's distance from the ring buffer's start in 8-byte units, which is how
 * submit and discard find the ring from a sample alone (the kernel counts pages).
 *
 * Reservations are serialised by a mutex (the kernel's spinlock); commits are lock-free. The
 * control side consumes in order, skipping discarded records and stopping at a busy one;
 * consumers are serialised by their own mutex. Wakeup flags are accepted and have no effect:
 * there is no waiting consumer to wake.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "map_priv.h"

#define RB_BUSY_BIT (1u << 31)
#define RB_DISCARD_BIT (1u << 30)
#define RB_HDR_SIZE 8u
#define RB_MAX_RECORD (UINT32_MAX / 4) /* the kernel's RINGBUF_MAX_RECORD_SZ */

struct rb_hdr {
	uint32_t len;
	uint32_t pg_off;
};

struct ringbuf {
	struct vx_map map;
	uint64_t mask;
	uint64_t producer_pos;	 /* written under reserve_lock, read with acquire */
	uint64_t consumer_pos;	 /* written under consume_lock, read with acquire */
	pthread_mutex_t reserve_lock;
	pthread_mutex_t consume_lock;
};

/* The data area follows the structure in the same allocation, cache-line aligned. */
#define RB_ALIGN 64u
#define RB_DATA_OFF VX_ROUND_UP(sizeof(struct ringbuf), RB_ALIGN)

static struct ringbuf *to_ringbuf(struct vx_map *map)
{
	return vx_container_of(map, struct ringbuf, map);
}

static unsigned char *rb_data(struct ringbuf *rb)
{
	return (unsigned char *)rb + RB_DATA_OFF;
}

static struct rb_hdr *rb_hdr_at(struct ringbuf *rb, uint64_t pos)
{
	return (struct rb_hdr *)(rb_data(rb) + (pos & rb->mask));
}

static uint64_t record_size(uint32_t len)
{
	return VX_ROUND_UP((uint64_t)(len & ~(RB_BUSY_BIT | RB_DISCARD_BIT)) + RB_HDR_SIZE, 8);
}

static struct vx_map *ringbuf_alloc(const struct vx_map *proto, struct vx_error *err)
{
	uint64_t size = proto->def.max_entries;
	struct ringbuf *rb;

	if (2 * size > VX_MAP_MAX_BYTES) {
		vx_error_set(err, -1, "ring buffer '%s': size %llu is more than the %llu limit",
			     proto->def.name, (unsigned long long)size, VX_MAP_MAX_BYTES / 2);
		return NULL;
	}
	rb = aligned_alloc(RB_ALIGN, RB_DATA_OFF + 2 * size);
	if (!rb)
		return NULL;
	memset(rb, 0, RB_DATA_OFF + 2 * size);
	rb->map = *proto;
	rb->mask = size - 1;
	pthread_mutex_init(&rb->reserve_lock, NULL);
	pthread_mutex_init(&rb->consume_lock, NULL);
	return &rb->map;
}

static void ringbuf_free(struct vx_map *map)
{
	struct ringbuf *rb = to_ringbuf(map);

	pthread_mutex_destroy(&rb->reserve_lock);
	pthread_mutex_destroy(&rb->consume_lock);
	free(rb);
}

/* Lookup, update, delete and get_next_key are not supported: -EOPNOTSUPP / NULL. */
const struct vx_map_ops vx_ringbuf_ops = {
	.alloc = ringbuf_alloc,
	.free = ringbuf_free,
};

/* ---- producers ---- */

static struct rb_hdr *reserve(struct ringbuf *rb, uint32_t size)
{
	uint64_t len = VX_ROUND_UP((uint64_t)size + RB_HDR_SIZE, 8), cons, prod;
	struct rb_hdr *hdr = NULL;

	if (len > rb->mask + 1)
		return NULL;
	cons = __atomic_load_n(&rb->consumer_pos, __ATOMIC_ACQUIRE);
	pthread_mutex_lock(&rb->reserve_lock);
	prod = rb->producer_pos;
	if (prod + len - cons <= rb->mask) {
		hdr = rb_hdr_at(rb, prod);
		__atomic_store_n(&hdr->len, size | RB_BUSY_BIT, __ATOMIC_RELAXED);
		hdr->pg_off = (uint32_t)(((unsigned char *)hdr - (unsigned char *)rb) / 8);
		__atomic_store_n(&rb->producer_pos, prod + len, __ATOMIC_RELEASE);
	}
	pthread_mutex_unlock(&rb->reserve_lock);
	return hdr;
}

void *vx_ringbuf_reserve(struct vx_map *map, uint64_t size, uint64_t flags)
{
	struct rb_hdr *hdr;

	if (map->def.type != VX_MAP_RINGBUF || flags || size > RB_MAX_RECORD)
		return NULL;
	hdr = reserve(to_ringbuf(map), (uint32_t)size);
	return hdr ? hdr + 1 : NULL;
}

static void commit(void *sample, bool discard)
{
	struct rb_hdr *hdr = (struct rb_hdr *)sample - 1;
	uint32_t len = __atomic_load_n(&hdr->len, __ATOMIC_RELAXED) & ~RB_BUSY_BIT;

	if (discard)
		len |= RB_DISCARD_BIT;
	/* Release: the consumer that sees the busy bit clear sees the data too. */
	__atomic_store_n(&hdr->len, len, __ATOMIC_RELEASE);
}

void vx_ringbuf_submit(void *sample, uint64_t flags)
{
	(void)flags;
	commit(sample, false);
}

void vx_ringbuf_discard(void *sample, uint64_t flags)
{
	(void)flags;
	commit(sample, true);
}

long vx_ringbuf_output(struct vx_map *map, const void *data, uint64_t size, uint64_t flags)
{
	void *sample;

	if (map->def.type != VX_MAP_RINGBUF)
		return -EINVAL;
	if (flags & ~(uint64_t)(VX_RB_NO_WAKEUP | VX_RB_FORCE_WAKEUP))
		return -EINVAL;
	sample = vx_ringbuf_reserve(map, size, 0);
	if (!sample)
		return -EAGAIN;
	memcpy(sample, data, size);
	commit(sample, false);
	return 0;
}

uint64_t vx_ringbuf_query(struct vx_map *map, uint64_t flags)
{
	struct ringbuf *rb;
	uint64_t cons, prod;

	if (map->def.type != VX_MAP_RINGBUF)
		return 0;
	rb = to_ringbuf(map);
	cons = __atomic_load_n(&rb->consumer_pos, __ATOMIC_ACQUIRE);
	prod = __atomic_load_n(&rb->producer_pos, __ATOMIC_ACQUIRE);
	switch (flags) {
	case VX_RB_AVAIL_DATA:
		return prod - cons;
	case VX_RB_RING_SIZE:
		return rb->mask + 1;
	case VX_RB_CONS_POS:
		return cons;
	case VX_RB_PROD_POS:
		return prod;
	default:
		return 0;
	}
}

/* ---- consumer ---- */

static int consume_locked(struct ringbuf *rb, int (*fn)(const void *data, size_t size, void *arg),
			  void *arg)
{
	uint64_t cons = rb->consumer_pos, prod;
	struct rb_hdr *hdr;
	uint32_t len;
	int n = 0, ret;

	prod = __atomic_load_n(&rb->producer_pos, __ATOMIC_ACQUIRE);
	while (cons < prod) {
		hdr = rb_hdr_at(rb, cons);
		len = __atomic_load_n(&hdr->len, __ATOMIC_ACQUIRE);
		if (len & RB_BUSY_BIT)
			break;
		cons += record_size(len);
		if (!(len & RB_DISCARD_BIT)) {
			ret = fn(hdr + 1, len, arg);
			if (ret) {
				__atomic_store_n(&rb->consumer_pos, cons, __ATOMIC_RELEASE);
				return ret;
			}
			n++;
		}
		/* Release: producers may reuse the space only after fn is done with it. */
		__atomic_store_n(&rb->consumer_pos, cons, __ATOMIC_RELEASE);
	}
	return n;
}

int vx_ringbuf_consume(struct vx_map *map, int (*fn)(const void *data, size_t size, void *arg),
		       void *arg)
{
	struct ringbuf *rb;
	int ret;

	if (map->def.type != VX_MAP_RINGBUF)
		return -EINVAL;
	rb = to_ringbuf(map);
	pthread_mutex_lock(&rb->consume_lock);
	ret = consume_locked(rb, fn, arg);
	pthread_mutex_unlock(&rb->consume_lock);
	return ret;
}
