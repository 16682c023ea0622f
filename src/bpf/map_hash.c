// SPDX-License-Identifier: BSD-2-Clause
/*
 * map_hash.c - the hash maps, with the kernel's semantics (hashtab.c, devmap.c): HASH,
 * PERCPU_HASH, LRU_HASH, LRU_PERCPU_HASH and DEVMAP_HASH.
 *
 * One table: a power-of-2 number of buckets (>= max_entries), each an RCU singly linked chain.
 * Programs look up without locks; writers (both sides) take the bucket's lock (striped: at most
 * 1024 locks). An update of an existing key publishes a new element in the old one's place and
 * frees the old one after a grace period, so a program holding the old value keeps valid memory
 * until its next quiescent state; per-CPU maps are the exception, as in the kernel: an existing
 * element's value is written in place (the program side writes its own CPU's slot). Elements
 * are allocated on demand whether or not the map asked for preallocation (BPF_F_NO_PREALLOC is
 * accepted and changes nothing visible except that -ENOMEM is possible on update).
 *
 * LRU maps keep one exact recency list: a program's lookup and every update make an element
 * the most recent, and an insert into a full map evicts the least recent one (the kernel's LRU
 * is approximate: per-CPU free lists and reference bits, and it may evict before the map is
 * full). BPF_F_NO_COMMON_LRU is accepted and uses the same single list.
 *
 * get_next_key walks the buckets in order, each chain from its head (newest insert first); a
 * key that is not in the map restarts the walk at the first element. The hash is seeded with
 * random bits per map, as the kernel's, so the order differs between maps and runs.
 */
#include <pthread.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>

#include "map_priv.h"

#define MAX_LOCKS 1024u
#define EVICT_SCAN 64	   /* least recent elements an eviction tries before retrying */
#define EVICT_RETRIES 1000 /* then the update gives up with -ENOMEM */

struct htab_elem {
	struct vx_rcu_head rcu;
	struct htab_elem *next;			/* bucket chain, read under RCU */
	struct htab_elem *lru_prev, *lru_next;	/* LRU maps, under lru_lock */
	uint32_t hash;
	bool on_lru;
	unsigned char key[] __attribute__((aligned(8)));
};

struct htab {
	struct vx_map map;
	struct htab_elem **buckets;
	pthread_mutex_t *locks;
	uint32_t nbuckets, nlocks;
	uint64_t seed;
	uint32_t count;	    /* elements in the table (atomic; LRU: changed under lru_lock) */
	size_t value_off;   /* from the element's start, 8-byte aligned */
	size_t value_room;  /* stride, or ncpus strides for per-CPU maps */
	bool percpu, lru, devmap;
	pthread_mutex_t lru_lock;
	struct htab_elem *lru_head, *lru_tail; /* most and least recently used */
};

/* Who writes a value: a program (this CPU's slot) or the control side (every slot). */
enum side { PROG, CP };

static struct htab *to_htab(struct vx_map *map)
{
	return vx_container_of(map, struct htab, map);
}

/* ---- hashing ---- */

#define P1 0x9e3779b185ebca87ull
#define P2 0xc2b2ae3d27d4eb4full
#define P4 0x85ebca77c2b2ae63ull

static uint64_t rotl64(uint64_t x, int r)
{
	return (x << r) | (x >> (64 - r));
}

static uint64_t hash_round(uint64_t h, uint64_t w)
{
	w *= P2;
	w = rotl64(w, 31) * P1;
	h ^= w;
	return rotl64(h, 27) * P1 + P4;
}

static uint64_t hash_final(uint64_t h)
{
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdull;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ull;
	return h ^ (h >> 33);
}

/* An xxhash-style hash of the key's bytes: 8 bytes a round, the length in the seed. */
static uint32_t htab_hash(const struct htab *h, const void *key)
{
	const unsigned char *p = key;
	uint32_t len = h->map.def.key_size;
	uint64_t acc = h->seed ^ ((uint64_t)len * P1), w;

	for (; len >= 8; len -= 8, p += 8) {
		memcpy(&w, p, 8);
		acc = hash_round(acc, w);
	}
	if (len) {
		w = 0;
		memcpy(&w, p, len);
		acc = hash_round(acc, w);
	}
	return (uint32_t)hash_final(acc);
}

static uint64_t random_seed(void)
{
	uint64_t seed;
	struct timespec ts;

	if (getrandom(&seed, sizeof(seed), GRND_NONBLOCK) == sizeof(seed))
		return seed;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return hash_final((uint64_t)ts.tv_nsec ^ ((uint64_t)ts.tv_sec << 32) ^
			  (uint64_t)(uintptr_t)&seed);
}

/* ---- elements and chains ---- */

static struct htab_elem **bucket(struct htab *h, uint32_t hash)
{
	return &h->buckets[hash & (h->nbuckets - 1)];
}

static pthread_mutex_t *bucket_lock(struct htab *h, uint32_t hash)
{
	return &h->locks[hash & (h->nlocks - 1)];
}

static unsigned char *elem_value(const struct htab *h, struct htab_elem *e)
{
	return (unsigned char *)e + h->value_off;
}

static unsigned char *elem_slot(const struct htab *h, struct htab_elem *e, unsigned cpu)
{
	return elem_value(h, e) + (size_t)cpu * h->map.stride;
}

/* The value a program sees: its CPU's slot in per-CPU maps. */
static void *elem_prog_value(const struct htab *h, struct htab_elem *e)
{
	return elem_slot(h, e, h->percpu ? vx_map_cpu(&h->map) : 0);
}

static bool elem_is(const struct htab *h, const struct htab_elem *e, uint32_t hash,
		    const void *key)
{
	return e->hash == hash && !memcmp(e->key, key, h->map.def.key_size);
}

/* RCU walk: for programs, or for writers holding the bucket's lock. */
static struct htab_elem *chain_find(struct htab *h, uint32_t hash, const void *key)
{
	struct htab_elem *e;

	for (e = vx_rcu_load(*bucket(h, hash)); e; e = vx_rcu_load(e->next)) {
		if (elem_is(h, e, hash, key))
			return e;
	}
	return NULL;
}

/* Under the bucket's lock: the link that points at the key's element, or NULL. */
static struct htab_elem **chain_link(struct htab *h, uint32_t hash, const void *key)
{
	struct htab_elem **link;

	for (link = bucket(h, hash); *link; link = &(*link)->next) {
		if (elem_is(h, *link, hash, key))
			return link;
	}
	return NULL;
}

/* Under the element's bucket lock: unlink it; readers already on it can still walk on. */
static void chain_unlink(struct htab *h, struct htab_elem *e)
{
	struct htab_elem **link;

	for (link = bucket(h, e->hash); *link != e; link = &(*link)->next)
		;
	vx_rcu_store(*link, e->next);
}

static void chain_push(struct htab *h, struct htab_elem *e)
{
	struct htab_elem **head = bucket(h, e->hash);

	e->next = *head;
	vx_rcu_store(*head, e);
}

/* Write a new element's value. A program's insert into a per-CPU map zeroes the other CPUs. */
static void value_fill(struct htab *h, struct htab_elem *e, const void *value, enum side side)
{
	unsigned cpu;

	if (!h->percpu) {
		memcpy(elem_value(h, e), value, h->map.def.value_size);
		return;
	}
	if (side == PROG) {
		memcpy(elem_slot(h, e, vx_map_cpu(&h->map)), value, h->map.def.value_size);
		return;
	}
	for (cpu = 0; cpu < h->map.ncpus; cpu++)
		memcpy(elem_slot(h, e, cpu),
		       (const unsigned char *)value + (size_t)cpu * h->map.stride, h->map.stride);
}

/* Copy a value out in the control-side layout. */
static void value_copy_out(struct htab *h, struct htab_elem *e, void *value)
{
	if (h->percpu)
		memcpy(value, elem_value(h, e), (size_t)h->map.ncpus * h->map.stride);
	else
		memcpy(value, elem_value(h, e), h->map.def.value_size);
}

static struct htab_elem *elem_new(struct htab *h, uint32_t hash, const void *key,
				  const void *value, enum side side)
{
	struct htab_elem *e = calloc(1, h->value_off + h->value_room);

	if (!e)
		return NULL;
	e->hash = hash;
	memcpy(e->key, key, h->map.def.key_size);
	value_fill(h, e, value, side);
	return e;
}

/* ---- LRU list (lru_lock held) ---- */

static void lru_unlink(struct htab *h, struct htab_elem *e)
{
	if (e->lru_prev)
		e->lru_prev->lru_next = e->lru_next;
	else
		h->lru_head = e->lru_next;
	if (e->lru_next)
		e->lru_next->lru_prev = e->lru_prev;
	else
		h->lru_tail = e->lru_prev;
	e->lru_prev = e->lru_next = NULL;
	e->on_lru = false;
}

static void lru_push(struct htab *h, struct htab_elem *e)
{
	e->lru_prev = NULL;
	e->lru_next = h->lru_head;
	if (h->lru_head)
		h->lru_head->lru_prev = e;
	else
		h->lru_tail = e;
	h->lru_head = e;
	e->on_lru = true;
}

/* Mark use: the element becomes the most recent (unless it is already gone). */
static void lru_touch(struct htab *h, struct htab_elem *e)
{
	pthread_mutex_lock(&h->lru_lock);
	if (e->on_lru && h->lru_head != e) {
		lru_unlink(h, e);
		lru_push(h, e);
	}
	pthread_mutex_unlock(&h->lru_lock);
}

/*
 * Take the least recently used element out of the table. The caller holds the lock `held` and
 * lru_lock; other buckets' locks are only tried (lock order is bucket, then LRU), so an element
 * whose bucket is busy is passed over for the next least recent one. NULL: all were busy.
 */
static struct htab_elem *lru_evict(struct htab *h, pthread_mutex_t *held)
{
	struct htab_elem *v;
	pthread_mutex_t *lock;
	int n;

	for (v = h->lru_tail, n = 0; v && n < EVICT_SCAN; v = v->lru_prev, n++) {
		lock = bucket_lock(h, v->hash);
		if (lock != held && pthread_mutex_trylock(lock))
			continue;
		chain_unlink(h, v);
		lru_unlink(h, v);
		if (lock != held)
			pthread_mutex_unlock(lock);
		return v;
	}
	return NULL;
}

/* ---- update ---- */

/* The state of one update, under the key's bucket lock. */
struct upd {
	struct htab *h;
	uint32_t hash;
	const void *key;
	const void *value;
	uint64_t flags;
	enum side side;
	pthread_mutex_t *lock;
	struct htab_elem *gone; /* replaced or evicted: freed after a grace period */
};

static int check_update_flags(const struct htab_elem *old, uint64_t flags)
{
	if (old && flags == VX_NOEXIST)
		return -EEXIST;
	if (!old && flags == VX_EXIST)
		return -ENOENT;
	return 0;
}

/* Per-CPU maps change an existing value in place, as the kernel does. */
static void update_in_place(struct upd *u, struct htab_elem *old)
{
	struct htab *h = u->h;
	unsigned cpu;

	if (u->side == PROG) {
		memcpy(elem_slot(h, old, vx_map_cpu(&h->map)), u->value, h->map.def.value_size);
	} else {
		for (cpu = 0; cpu < h->map.ncpus; cpu++)
			memcpy(elem_slot(h, old, cpu),
			       (const unsigned char *)u->value + (size_t)cpu * h->map.stride,
			       h->map.stride);
	}
	if (h->lru)
		lru_touch(h, old);
}

static void replace(struct upd *u, struct htab_elem **link, struct htab_elem *e)
{
	struct htab *h = u->h;
	struct htab_elem *old = *link;

	if (h->lru) {
		pthread_mutex_lock(&h->lru_lock);
		lru_unlink(h, old);
		lru_push(h, e);
		pthread_mutex_unlock(&h->lru_lock);
	}
	e->next = old->next;
	vx_rcu_store(*link, e);
	u->gone = old;
}

/* A new key in a non-LRU map: -E2BIG when the map is full. */
static int insert(struct upd *u, struct htab_elem *e)
{
	struct htab *h = u->h;

	if (__atomic_add_fetch(&h->count, 1, __ATOMIC_RELAXED) > h->map.def.max_entries) {
		__atomic_sub_fetch(&h->count, 1, __ATOMIC_RELAXED);
		return -E2BIG;
	}
	chain_push(h, e);
	return 0;
}

/* A new key in an LRU map: a full map makes room by evicting. -EAGAIN: try again. */
static int insert_lru(struct upd *u, struct htab_elem *e)
{
	struct htab *h = u->h;

	pthread_mutex_lock(&h->lru_lock);
	if (__atomic_load_n(&h->count, __ATOMIC_RELAXED) < h->map.def.max_entries) {
		__atomic_add_fetch(&h->count, 1, __ATOMIC_RELAXED);
	} else {
		u->gone = lru_evict(h, u->lock);
		if (!u->gone) {
			pthread_mutex_unlock(&h->lru_lock);
			return -EAGAIN;
		}
	}
	lru_push(h, e);
	pthread_mutex_unlock(&h->lru_lock);
	chain_push(h, e);
	return 0;
}

/* Called with the bucket lock held. */
static int update_locked(struct upd *u)
{
	struct htab *h = u->h;
	struct htab_elem **link = chain_link(h, u->hash, u->key);
	struct htab_elem *old = link ? *link : NULL, *e;
	int ret = check_update_flags(old, u->flags);

	if (ret)
		return ret;
	if (old && h->percpu) {
		update_in_place(u, old);
		return 0;
	}
	e = elem_new(h, u->hash, u->key, u->value, u->side);
	if (!e)
		return -ENOMEM;
	if (old) {
		replace(u, link, e);
		return 0;
	}
	ret = h->lru ? insert_lru(u, e) : insert(u, e);
	if (ret)
		free(e);
	return ret;
}

static int update(struct htab *h, const void *key, const void *value, uint64_t flags,
		  enum side side)
{
	struct upd u = { h, htab_hash(h, key), key, value, flags, side, NULL, NULL };
	int tries, ret;

	if (flags > VX_EXIST)
		return -EINVAL;
	u.lock = bucket_lock(h, u.hash);
	for (tries = 0; tries < EVICT_RETRIES; tries++) {
		pthread_mutex_lock(u.lock);
		ret = update_locked(&u);
		pthread_mutex_unlock(u.lock);
		if (ret != -EAGAIN)
			break;
		sched_yield();
	}
	if (u.gone)
		vx_rcu_free(&u.gone->rcu);
	return ret == -EAGAIN ? -ENOMEM : ret;
}

/* ---- delete ---- */

/* An element left the table: off the LRU list too. */
static void uncount(struct htab *h, struct htab_elem *e)
{
	if (!h->lru) {
		__atomic_sub_fetch(&h->count, 1, __ATOMIC_RELAXED);
		return;
	}
	pthread_mutex_lock(&h->lru_lock);
	lru_unlink(h, e);
	__atomic_sub_fetch(&h->count, 1, __ATOMIC_RELAXED);
	pthread_mutex_unlock(&h->lru_lock);
}

static int htab_remove(struct htab *h, const void *key)
{
	uint32_t hash = htab_hash(h, key);
	pthread_mutex_t *lock = bucket_lock(h, hash);
	struct htab_elem **link, *e = NULL;

	pthread_mutex_lock(lock);
	link = chain_link(h, hash, key);
	if (link) {
		e = *link;
		vx_rcu_store(*link, e->next);
		uncount(h, e);
	}
	pthread_mutex_unlock(lock);
	if (!e)
		return -ENOENT;
	vx_rcu_free(&e->rcu);
	return 0;
}

/* ---- map operations ---- */

static size_t lock_count(uint32_t nbuckets)
{
	return nbuckets < MAX_LOCKS ? nbuckets : MAX_LOCKS;
}

static int htab_init(struct htab *h, struct vx_error *err)
{
	uint64_t nb = 1;
	uint32_t i;

	while (nb < h->map.def.max_entries)
		nb <<= 1;
	if (nb * sizeof(*h->buckets) > VX_MAP_MAX_BYTES)
		return vx_error_set(err, -1,
				    "map '%s': %llu buckets is more than the %llu-byte limit",
				    h->map.def.name, (unsigned long long)nb, VX_MAP_MAX_BYTES);
	h->nbuckets = (uint32_t)nb;
	h->nlocks = (uint32_t)lock_count(h->nbuckets);
	h->buckets = calloc(h->nbuckets, sizeof(*h->buckets));
	h->locks = calloc(h->nlocks, sizeof(*h->locks));
	if (!h->buckets || !h->locks)
		return -1;
	for (i = 0; i < h->nlocks; i++)
		pthread_mutex_init(&h->locks[i], NULL);
	pthread_mutex_init(&h->lru_lock, NULL);
	return 0;
}

static struct vx_map *htab_alloc(const struct vx_map *proto, struct vx_error *err)
{
	struct htab *h = calloc(1, sizeof(*h));
	uint32_t type = proto->def.type;

	if (!h)
		return NULL;
	h->map = *proto;
	h->percpu = vx_map_type_percpu(type);
	h->lru = type == VX_MAP_LRU_HASH || type == VX_MAP_LRU_PERCPU_HASH;
	h->devmap = type == VX_MAP_DEVMAP_HASH;
	h->seed = random_seed();
	h->value_off = offsetof(struct htab_elem, key) + VX_ROUND_UP(proto->def.key_size, 8);
	h->value_room = h->percpu ? (size_t)proto->ncpus * proto->stride : proto->stride;
	if (htab_init(h, err)) {
		free(h->buckets);
		free(h->locks);
		free(h);
		return NULL;
	}
	return &h->map;
}

static void htab_free(struct vx_map *map)
{
	struct htab *h = to_htab(map);
	struct htab_elem *e, *next;
	uint32_t i;

	for (i = 0; i < h->nbuckets; i++) {
		for (e = h->buckets[i]; e; e = next) {
			next = e->next;
			free(e);
		}
	}
	for (i = 0; i < h->nlocks; i++)
		pthread_mutex_destroy(&h->locks[i]);
	pthread_mutex_destroy(&h->lru_lock);
	free(h->buckets);
	free(h->locks);
	free(h);
}

static void *htab_lookup_elem(struct vx_map *map, const void *key)
{
	struct htab *h = to_htab(map);
	struct htab_elem *e = chain_find(h, htab_hash(h, key), key);

	if (!e)
		return NULL;
	if (h->lru)
		lru_touch(h, e);
	return elem_prog_value(h, e);
}

static long htab_update_elem(struct vx_map *map, const void *key, const void *value,
			     uint64_t flags)
{
	return update(to_htab(map), key, value, flags, PROG);
}

static long htab_delete_elem(struct vx_map *map, const void *key)
{
	return htab_remove(to_htab(map), key);
}

static long htab_for_each(struct vx_map *map, vx_map_elem_fn fn, void *arg)
{
	struct htab *h = to_htab(map);
	struct htab_elem *e;
	uint32_t i;
	long n = 0;

	for (i = 0; i < h->nbuckets; i++) {
		for (e = vx_rcu_load(h->buckets[i]); e; e = vx_rcu_load(e->next)) {
			n++;
			if (fn(map, e->key, elem_prog_value(h, e), arg))
				return n;
		}
	}
	return n;
}

/* Control-side lookup: no recency mark, as the kernel's syscall lookup of LRU maps. */
static int htab_lookup(struct vx_map *map, const void *key, void *value)
{
	struct htab *h = to_htab(map);
	uint32_t hash = htab_hash(h, key);
	pthread_mutex_t *lock = bucket_lock(h, hash);
	struct htab_elem **link;

	pthread_mutex_lock(lock);
	link = chain_link(h, hash, key);
	if (link)
		value_copy_out(h, *link, value);
	pthread_mutex_unlock(lock);
	return link ? 0 : -ENOENT;
}

static int htab_update(struct vx_map *map, const void *key, const void *value, uint64_t flags)
{
	return update(to_htab(map), key, value, flags, CP);
}

static int htab_delete(struct vx_map *map, const void *key)
{
	return htab_remove(to_htab(map), key);
}

/* The first key of bucket i into next_key; false when the bucket is empty. */
static bool bucket_first_key(struct htab *h, uint32_t i, void *next_key)
{
	struct htab_elem *e;

	if (!vx_rcu_load(h->buckets[i]))
		return false;
	pthread_mutex_lock(&h->locks[i & (h->nlocks - 1)]);
	e = h->buckets[i];
	if (e)
		memcpy(next_key, e->key, h->map.def.key_size);
	pthread_mutex_unlock(&h->locks[i & (h->nlocks - 1)]);
	return e != NULL;
}

/* The key after key in its chain; *from is where the bucket walk goes on if there is none. */
static bool chain_next_key(struct htab *h, const void *key, void *next_key, uint32_t *from)
{
	uint32_t hash = htab_hash(h, key);
	pthread_mutex_t *lock = bucket_lock(h, hash);
	struct htab_elem **link, *next = NULL;

	pthread_mutex_lock(lock);
	link = chain_link(h, hash, key);
	if (link) {
		next = (*link)->next;
		if (next)
			memcpy(next_key, next->key, h->map.def.key_size);
		else
			*from = (hash & (h->nbuckets - 1)) + 1;
	}
	pthread_mutex_unlock(lock);
	return next != NULL;
}

static int htab_get_next_key(struct vx_map *map, const void *key, void *next_key)
{
	struct htab *h = to_htab(map);
	uint32_t from = 0;
	uint64_t i;

	if (key && chain_next_key(h, key, next_key, &from))
		return 0;
	for (i = from; i < h->nbuckets; i++) {
		if (bucket_first_key(h, (uint32_t)i, next_key))
			return 0;
	}
	return -ENOENT;
}

/* A bucket's entries copied out under its lock, so fn runs with no lock held. */
struct snap {
	unsigned char *buf;
	size_t n, cap, rec, key_room;
};

static int snap_bucket(struct htab *h, uint32_t i, struct snap *s)
{
	struct htab_elem *e;
	unsigned char *p;
	int ret = 0;

	s->n = 0;
	pthread_mutex_lock(&h->locks[i & (h->nlocks - 1)]);
	for (e = h->buckets[i]; e && !ret; e = e->next) {
		if (s->n == s->cap) {
			p = realloc(s->buf, (s->cap * 2 + 4) * s->rec);
			if (!p) {
				ret = -ENOMEM;
				break;
			}
			s->buf = p;
			s->cap = s->cap * 2 + 4;
		}
		p = s->buf + s->n++ * s->rec;
		memcpy(p, e->key, h->map.def.key_size);
		value_copy_out(h, e, p + s->key_room);
	}
	pthread_mutex_unlock(&h->locks[i & (h->nlocks - 1)]);
	return ret;
}

static int htab_dump(struct vx_map *map, vx_map_dump_fn fn, void *arg)
{
	struct htab *h = to_htab(map);
	struct snap s = { 0 };
	uint32_t i;
	size_t j;
	int ret = 0;

	s.key_room = VX_ROUND_UP((size_t)map->def.key_size, 8);
	s.rec = s.key_room + VX_ROUND_UP(vx_map_cp_value_size(map), 8);
	for (i = 0; i < h->nbuckets && !ret; i++) {
		if (!vx_rcu_load(h->buckets[i]))
			continue;
		ret = snap_bucket(h, i, &s);
		for (j = 0; j < s.n && !ret; j++)
			ret = fn(s.buf + j * s.rec, s.buf + j * s.rec + s.key_room, arg);
	}
	free(s.buf);
	return ret;
}

/* ---- DEVMAP_HASH: control-side updates only, with the kernel's checks ---- */

static int devmap_hash_update(struct vx_map *map, const void *key, const void *value,
			      uint64_t flags)
{
	struct vx_devmap_val val;

	if (flags > VX_EXIST || vx_devmap_parse(map, value, &val) || !val.ifindex)
		return -EINVAL;
	/* The kernel's __dev_map_hash_update_elem() ignores BPF_EXIST: a new key is added. */
	if (flags == VX_EXIST)
		flags = VX_ANY;
	return update(to_htab(map), key, &val, flags, CP);
}

#define HTAB_OPS                                                                                   \
	.alloc = htab_alloc, .free = htab_free, .lookup_elem = htab_lookup_elem,                   \
	.update_elem = htab_update_elem, .delete_elem = htab_delete_elem,                          \
	.for_each = htab_for_each, .cp_lookup = htab_lookup,                                       \
	.cp_update = htab_update, .cp_delete = htab_delete,                                        \
	.get_next_key = htab_get_next_key, .dump = htab_dump

const struct vx_map_ops vx_hash_ops = { HTAB_OPS };
const struct vx_map_ops vx_percpu_hash_ops = { HTAB_OPS };
const struct vx_map_ops vx_lru_hash_ops = { HTAB_OPS };
const struct vx_map_ops vx_lru_percpu_hash_ops = { HTAB_OPS };

/* Programs look entries up (bpf_redirect_map); only the control side changes them. */
const struct vx_map_ops vx_devmap_hash_ops = {
	.alloc = htab_alloc,
	.free = htab_free,
	.lookup_elem = htab_lookup_elem,
	.cp_lookup = htab_lookup,
	.cp_update = devmap_hash_update,
	.cp_delete = htab_delete,
	.get_next_key = htab_get_next_key,
	.dump = htab_dump,
};
