// SPDX-License-Identifier: BSD-2-Clause
/*
 * test_map_stress.c - maps under concurrency. Worker threads (online QSBR readers, each its own
 * CPU slot) run program-side lookups, updates, deletes, for_each and ring buffer output in
 * bursts, keep the value pointers they got until the burst ends and check them again before
 * reporting a quiescent state; control threads (one unregistered, one online) update, delete,
 * look up, walk with get_next_key and dump the same hash, LRU and LPM maps and consume the
 * ring buffer. Every value written has eight equal 64-bit words, so a torn, stale-freed or
 * reused value shows; ASan turns a premature free into a report. Runs argv[1] seconds
 * (default 3), then checks the maps' invariants. TAP output.
 */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "tap.h"
#include "test_maps.h"
#include "vxbpf/map.h"

enum {
	WORKERS = 4,
	WORDS = 8,	    /* value: 8 equal u64 */
	KEYS = 1024,	    /* key space of the hash maps */
	HASH_MAX = 512,	    /* so that inserts also meet -E2BIG */
	LRU_MAX = 256,	    /* so that inserts evict */
	LPM_MAX = 1024,
	BURST = 64,
	HELD = 8,	    /* pointers a worker keeps through its burst */
};

struct value {
	uint64_t w[WORDS];
};

struct lpm_key {
	uint32_t prefixlen;
	uint8_t data[4];
};

static struct vx_map *hash, *lru, *lpm, *rb;
static int stop;
static long errors;
static long ops[4]; /* lookups, updates, deletes, records */

static void error(const char *what, long detail)
{
	if (__atomic_fetch_add(&errors, 1, __ATOMIC_RELAXED) < 10)
		printf("# error: %s (%ld)\n", what, detail);
}

static uint64_t rnd(uint64_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

static bool stopped(void)
{
	return __atomic_load_n(&stop, __ATOMIC_ACQUIRE);
}

static void fill(struct value *v, uint64_t stamp)
{
	int i;

	for (i = 0; i < WORDS; i++)
		v->w[i] = stamp;
}

static bool consistent(const void *p)
{
	const volatile uint64_t *w = p;
	uint64_t first = w[0];
	int i;

	for (i = 1; i < WORDS; i++) {
		if (w[i] != first)
			return false;
	}
	return first != 0;
}

static struct lpm_key random_prefix(uint64_t *s)
{
	uint64_t r = rnd(s);
	uint32_t len = (uint32_t)(r % 33), a = (uint32_t)(r >> 8) & 0x0303030f;
	struct lpm_key k = { len, { 0 } };

	a = len ? a & (~0u << (32 - len)) : 0;
	a = __builtin_bswap32(a);
	memcpy(k.data, &a, 4);
	return k;
}

/* The update results the kernel's semantics allow for random keys and flags. */
static bool update_ok(long ret)
{
	return ret == 0 || ret == -EEXIST || ret == -ENOENT || ret == -E2BIG || ret == -ENOSPC;
}

/* ---- workers ---- */

struct worker {
	int id;
	uint64_t seed, stamp;
	const void *held[HELD];
	int nheld;
	uint32_t seq;
};

static void hold(struct worker *w, const void *p)
{
	if (!consistent(p))
		error("worker read a torn value", (long)w->id);
	if (w->nheld < HELD)
		w->held[w->nheld++] = p;
}

static uint64_t check_elem(struct vx_map *map, const void *key, void *value, void *arg)
{
	(void)map, (void)key, (void)arg;
	if (!consistent(value))
		error("for_each saw a torn value", 0);
	return 0;
}

static struct vx_map *pick_map(struct worker *w, const void **key, uint32_t *k,
			       struct lpm_key *lk)
{
	uint64_t r = rnd(&w->seed);

	*k = (uint32_t)(r >> 16) % KEYS;
	*key = k;
	if (r % 3 == 0)
		return hash;
	if (r % 3 == 1)
		return lru;
	*lk = random_prefix(&w->seed);
	if (r % 2)
		lk->prefixlen = 32;
	*key = lk;
	return lpm;
}

static void worker_op(struct worker *w)
{
	struct lpm_key lk;
	const void *key;
	uint32_t k;
	struct vx_map *map = pick_map(w, &key, &k, &lk);
	uint64_t r = rnd(&w->seed);
	struct value v;
	void *p;
	long ret;

	if (r % 8 < 4) {
		p = vx_map_lookup_elem(map, key);
		if (p)
			hold(w, p);
		__atomic_fetch_add(&ops[0], 1, __ATOMIC_RELAXED);
	} else if (r % 8 < 7) {
		fill(&v, ++w->stamp);
		ret = vx_map_update_elem(map, key, &v, (r >> 8) % 3);
		if (!update_ok(ret))
			error("worker update", ret);
		__atomic_fetch_add(&ops[1], 1, __ATOMIC_RELAXED);
	} else {
		ret = vx_map_delete_elem(map, key);
		if (ret && ret != -ENOENT)
			error("worker delete", ret);
		__atomic_fetch_add(&ops[2], 1, __ATOMIC_RELAXED);
	}
}

static void worker_output(struct worker *w)
{
	uint32_t rec[2] = { (uint32_t)w->id, w->seq };

	if (!vx_ringbuf_output(rb, rec, sizeof(rec), 0))
		w->seq++;
}

static void worker_burst(struct worker *w)
{
	int i;

	for (i = 0; i < BURST; i++)
		worker_op(w);
	if (rnd(&w->seed) % 64 == 0)
		vx_map_for_each_elem(rnd(&w->seed) % 2 ? hash : lru, check_elem, NULL);
	worker_output(w);
	/* Everything held must still be intact: nothing is freed before a quiescent state. */
	for (i = 0; i < w->nheld; i++) {
		if (!consistent(w->held[i]))
			error("held value changed or freed before a quiescent state", w->id);
	}
	w->nheld = 0;
	vx_rcu_quiescent();
}

static void *worker(void *arg)
{
	struct worker *w = arg;

	vx_rcu_thread_online();
	vx_set_cpu((unsigned)w->id);
	while (!stopped())
		worker_burst(w);
	vx_rcu_thread_offline();
	return NULL;
}

/* ---- control side ---- */

struct control {
	uint64_t seed, stamp;
	bool online;
	uint32_t next_seq[WORKERS];
	long records;
};

static int check_dump(const void *key, const void *value, void *arg)
{
	(void)key;
	if (!consistent(value))
		error("dump saw a torn value", 0);
	++*(long *)arg;
	return 0;
}

/* A bounded walk: under churn a deleted key restarts it, as in the kernel. */
static void walk(struct vx_map *map)
{
	unsigned char k[2][8];
	const void *prev = NULL;
	int n, ret = 0;

	for (n = 0; n < 200; n++) {
		ret = vx_map_get_next_key(map, prev, k[n % 2]);
		if (ret)
			break;
		prev = k[n % 2];
	}
	if (ret && ret != -ENOENT)
		error("get_next_key", ret);
}

static void control_op(struct control *c)
{
	uint64_t r = rnd(&c->seed);
	uint32_t k = (uint32_t)(r >> 16) % KEYS;
	struct lpm_key lk = random_prefix(&c->seed);
	struct vx_map *map = r % 3 == 0 ? hash : r % 3 == 1 ? lru : lpm;
	const void *key = map == lpm ? (const void *)&lk : &k;
	struct value v;
	long n = 0;
	int ret;

	switch ((r >> 8) % 8) {
	case 0: case 1: case 2:
		fill(&v, ++c->stamp);
		ret = vx_map_update(map, key, &v, (r >> 12) % 3);
		if (!update_ok(ret))
			error("control update", ret);
		break;
	case 3:
		ret = vx_map_delete(map, key);
		if (ret && ret != -ENOENT)
			error("control delete", ret);
		break;
	case 4: case 5:
		ret = vx_map_lookup(map, key, &v);
		if (ret == 0 && !consistent(&v))
			error("control lookup saw a torn value", 0);
		else if (ret && ret != -ENOENT)
			error("control lookup", ret);
		break;
	case 6:
		walk(map);
		break;
	default:
		if (r % 16 == 7 && vx_map_dump(map, check_dump, &n))
			error("dump", 0);
		break;
	}
}

static int check_record(const void *data, size_t size, void *arg)
{
	struct control *c = arg;
	uint32_t rec[2];

	memcpy(rec, data, sizeof(rec));
	if (size != sizeof(rec) || rec[0] >= WORKERS || rec[1] != c->next_seq[rec[0]])
		error("ring buffer record out of order", (long)rec[0]);
	else
		c->next_seq[rec[0]]++;
	c->records++;
	return 0;
}

static void *control(void *arg)
{
	struct control *c = arg;
	int i;

	if (c->online)
		vx_rcu_thread_online();
	while (!stopped()) {
		for (i = 0; i < 32; i++)
			control_op(c);
		if (!c->online)
			vx_ringbuf_consume(rb, check_record, c);
		vx_rcu_quiescent();
	}
	if (c->online)
		vx_rcu_thread_offline();
	return NULL;
}

/* ---- setup and final checks ---- */

static void check_final(struct vx_map *map, const char *name, long max)
{
	long n = 0;
	int ret = vx_map_dump(map, check_dump, &n);

	ok(ret == 0 && n <= max, "%s: %ld entries, at most %ld, every value intact", name, n, max);
}

static void run(double seconds, struct worker *w, struct control *c)
{
	pthread_t tw[WORKERS], tc[2];
	struct timespec ts = { (time_t)seconds, (long)((seconds - (time_t)seconds) * 1e9) };
	int i;

	for (i = 0; i < WORKERS; i++)
		pthread_create(&tw[i], NULL, worker, &w[i]);
	for (i = 0; i < 2; i++)
		pthread_create(&tc[i], NULL, control, &c[i]);
	nanosleep(&ts, NULL);
	__atomic_store_n(&stop, 1, __ATOMIC_RELEASE);
	for (i = 0; i < WORKERS; i++)
		pthread_join(tw[i], NULL);
	for (i = 0; i < 2; i++)
		pthread_join(tc[i], NULL);
}

int main(int argc, char **argv)
{
	double seconds = argc > 1 ? atof(argv[1]) : 3.0;
	struct worker w[WORKERS];
	struct control c[2] = { { .seed = 0x1234567, .online = false },
				{ .seed = 0x7654321, .online = true } };
	long sent = 0;
	int i;

	ok(vx_set_ncpus(WORKERS) == 0, "%d CPU slots", WORKERS);
	hash = mk("hash", VX_MAP_HASH, 4, sizeof(struct value), HASH_MAX, 0);
	lru = mk("lru", VX_MAP_LRU_HASH, 4, sizeof(struct value), LRU_MAX, 0);
	lpm = mk("lpm", VX_MAP_LPM_TRIE, sizeof(struct lpm_key), sizeof(struct value), LPM_MAX,
		 VX_F_NO_PREALLOC);
	rb = mk("rb", VX_MAP_RINGBUF, 0, 0, 16384, 0);
	if (!hash || !lru || !lpm || !rb)
		return 1;
	for (i = 0; i < WORKERS; i++)
		w[i] = (struct worker){ .id = i, .seed = 0x9e3779b97f4a7c15ull * (i + 1),
					.stamp = (uint64_t)(i + 1) << 48 };
	c[0].stamp = 100ull << 48;
	c[1].stamp = 200ull << 48;
	run(seconds > 0 ? seconds : 3.0, w, c);
	vx_ringbuf_consume(rb, check_record, &c[0]);
	for (i = 0; i < WORKERS; i++)
		sent += w[i].seq;
	printf("# %ld lookups, %ld updates, %ld deletes, %ld records\n", ops[0], ops[1], ops[2],
	       c[0].records);
	ok(ops[0] > 0 && ops[1] > 0 && ops[2] > 0, "workers ran");
	ok(c[0].records == sent, "ring buffer: %ld records sent, %ld consumed in order", sent,
	   c[0].records);
	ok(errors == 0, "no torn, freed or unexpected result seen (%ld)", errors);
	check_final(hash, "hash", HASH_MAX);
	check_final(lru, "lru", LRU_MAX);
	check_final(lpm, "lpm", LPM_MAX);
	vx_rcu_synchronize();
	vx_map_destroy(hash);
	vx_map_destroy(lru);
	vx_map_destroy(lpm);
	vx_map_destroy(rb);
	vx_rcu_barrier();
	return tap_done();
}
