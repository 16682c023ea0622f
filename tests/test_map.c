// SPDX-License-Identifier: BSD-2-Clause
/*
 * test_map.c - the maps' kernel semantics, type by type: definition checks and their messages,
 * update flags and their error codes, limits, get_next_key walks, LRU eviction order, LPM
 * longest match, per-CPU layouts seen from two CPUs, ring buffer records (wraparound, discard,
 * busy records, a full buffer, several producers), program arrays, devmaps, permissions and
 * freezing.
 */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "test_maps.h"
#include "vxbpf/map.h"

#define EXPECT(got, want, what)                                                          \
	do {                                                                             \
		long g_ = (long)(got), w_ = (long)(want);                                \
		ok(g_ == w_, "%s: %ld (want %ld)", what, g_, w_);                        \
	} while (0)

/* Create must fail with a message containing want. */
static void bad_def(const char *name, uint32_t type, uint32_t ks, uint32_t vs, uint32_t max,
		    uint32_t flags, const char *want)
{
	struct vx_map_def def = { .type = type, .key_size = ks, .value_size = vs,
				  .max_entries = max, .flags = flags };
	struct vx_error err;
	struct vx_map *map;

	snprintf(def.name, sizeof(def.name), "%s", name);
	map = vx_map_create(&def, &err);
	ok(!map && strstr(err.msg, want), "rejected: %s (got '%s')", want,
	   map ? "created" : err.msg);
	vx_map_destroy(map);
}

static void good_def(const char *name, uint32_t type, uint32_t ks, uint32_t vs, uint32_t max,
		     uint32_t flags)
{
	struct vx_map *map = mk(name, type, ks, vs, max, flags);

	ok(map != NULL, "accepted: %s", name);
	vx_map_destroy(map);
}

/* ---- definitions ---- */

static void test_defs_array(void)
{
	bad_def("foo", VX_MAP_HASH, 0, 8, 4, 0, "hash map 'foo': key_size 0 must be > 0");
	bad_def("a", VX_MAP_ARRAY, 8, 8, 4, 0, "array 'a': key_size 8 must be 4");
	bad_def("a", VX_MAP_ARRAY, 4, 0, 4, 0, "value_size 0 must be > 0");
	bad_def("a", VX_MAP_ARRAY, 4, 8, 0, 0, "max_entries 0 must be > 0");
	bad_def("a", VX_MAP_ARRAY, 4, 8, 4, VX_F_NO_PREALLOC,
		"flag BPF_F_NO_PREALLOC is not allowed");
	bad_def("a", VX_MAP_PERCPU_ARRAY, 4, 8, 4, VX_F_MMAPABLE,
		"flag BPF_F_MMAPABLE is not allowed");
	bad_def("a", VX_MAP_PERCPU_ARRAY, 4, 40000, 4, 0, "too large for per-CPU values");
	bad_def("a", VX_MAP_ARRAY, 4, 8, 4, VX_F_RDONLY | VX_F_WRONLY, "exclusive");
	bad_def("a", VX_MAP_ARRAY, 4, 8, 4, VX_F_RDONLY_PROG | VX_F_WRONLY_PROG, "exclusive");
	bad_def("a", VX_MAP_ARRAY, 4, 8, 4, 1u << 2, "unknown flags 0x4");
	bad_def("p", VX_MAP_PROG_ARRAY, 4, 8, 4, 0, "prog array 'p': value_size 8 must be 4");
	bad_def("p", VX_MAP_PROG_ARRAY, 4, 4, 4, VX_F_RDONLY_PROG,
		"flag BPF_F_RDONLY_PROG is not allowed");
	bad_def("x", 99, 4, 4, 4, 0, "unknown map type 99");
	bad_def("bad name", VX_MAP_ARRAY, 4, 4, 4, 0, "character 3");
	good_def("arr.ok_1", VX_MAP_ARRAY, 4, 8, 4, VX_F_MMAPABLE | VX_F_RDONLY_PROG);
	good_def("", VX_MAP_PROG_ARRAY, 4, 4, 4, VX_F_RDONLY);
}

static void test_defs_hash(void)
{
	bad_def("h", VX_MAP_HASH, 4, 0, 4, 0, "value_size 0 must be > 0");
	bad_def("h", VX_MAP_HASH, 4, 8, 0, 0, "max_entries 0 must be > 0");
	bad_def("h", VX_MAP_HASH, 4, 8, 4, VX_F_NO_COMMON_LRU,
		"flag BPF_F_NO_COMMON_LRU is not allowed");
	bad_def("h", VX_MAP_HASH, 4, 8, 4, VX_F_MMAPABLE, "flag BPF_F_MMAPABLE is not allowed");
	bad_def("h", VX_MAP_HASH, 1u << 21, 1u << 21, 4, 0, "too large");
	bad_def("l", VX_MAP_LRU_HASH, 4, 8, 4, VX_F_NO_PREALLOC,
		"LRU maps require preallocation");
	bad_def("l", VX_MAP_LRU_PERCPU_HASH, 4, 40000, 4, 0, "too large for per-CPU values");
	good_def("h_noprealloc", VX_MAP_HASH, 4, 8, 4, VX_F_NO_PREALLOC);
	good_def("pch", VX_MAP_PERCPU_HASH, 3, 5, 1, VX_F_NO_PREALLOC | VX_F_WRONLY_PROG);
	good_def("lru_pcpu", VX_MAP_LRU_PERCPU_HASH, 4, 8, 4, VX_F_NO_COMMON_LRU);
	bad_def("d", VX_MAP_DEVMAP, 4, 12, 4, 0, "devmap 'd': value_size 12 must be 4");
	bad_def("d", VX_MAP_DEVMAP_HASH, 8, 4, 4, 0, "key_size 8 must be 4");
	bad_def("d", VX_MAP_DEVMAP, 4, 8, 4, VX_F_RDONLY_PROG,
		"flag BPF_F_RDONLY_PROG is not allowed");
	bad_def("d", VX_MAP_DEVMAP, 4, 8, 0, 0, "max_entries 0 must be > 0");
}

static void test_defs_lpm_rb(void)
{
	bad_def("t", VX_MAP_LPM_TRIE, 8, 8, 4, 0, "lpm trie 't': BPF_F_NO_PREALLOC is required");
	bad_def("t", VX_MAP_LPM_TRIE, 4, 8, 4, VX_F_NO_PREALLOC, "key_size 4 must be 5..260");
	bad_def("t", VX_MAP_LPM_TRIE, 261, 8, 4, VX_F_NO_PREALLOC, "key_size 261 must be 5..260");
	bad_def("t", VX_MAP_LPM_TRIE, 8, 0, 4, VX_F_NO_PREALLOC, "value_size 0 must be > 0");
	bad_def("t", VX_MAP_LPM_TRIE, 8, 8, 4, VX_F_NO_PREALLOC | VX_F_MMAPABLE,
		"flag BPF_F_MMAPABLE is not allowed");
	good_def("t", VX_MAP_LPM_TRIE, 260, 1, 1, VX_F_NO_PREALLOC);
	bad_def("rb", VX_MAP_RINGBUF, 0, 0, 1000, 0,
		"ring buffer 'rb': size 1000 is not a power of 2 multiple of 4096");
	bad_def("rb", VX_MAP_RINGBUF, 0, 0, 2048, 0, "size 2048 is not a power of 2");
	bad_def("rb", VX_MAP_RINGBUF, 0, 0, 12288, 0, "size 12288 is not a power of 2");
	bad_def("rb", VX_MAP_RINGBUF, 0, 0, 0, 0, "size 0 is not a power of 2");
	bad_def("rb", VX_MAP_RINGBUF, 4, 0, 4096, 0, "key_size 4 must be 0");
	bad_def("rb", VX_MAP_RINGBUF, 0, 4, 4096, 0, "value_size 4 must be 0");
	bad_def("rb", VX_MAP_RINGBUF, 0, 0, 4096, VX_F_RDONLY, "flag BPF_F_RDONLY is not allowed");
	good_def("rb", VX_MAP_RINGBUF, 0, 0, 8192, 0);
}

static void test_ncpus(void)
{
	struct vx_map *m = mk("a", VX_MAP_ARRAY, 4, 4, 1, 0);

	EXPECT(vx_set_ncpus(0), -EINVAL, "vx_set_ncpus(0)");
	EXPECT(vx_set_ncpus(VX_MAX_CPUS + 1), -EINVAL, "vx_set_ncpus(65)");
	EXPECT(vx_set_ncpus(2), -EBUSY, "vx_set_ncpus with a live map");
	vx_map_destroy(m);
	EXPECT(vx_set_ncpus(2), 0, "vx_set_ncpus(2) with no map");
	EXPECT(vx_ncpus(), 2, "vx_ncpus");
}

/* ---- arrays ---- */

static void test_array_flags(struct vx_map *m)
{
	uint32_t k = 1, big = 4;
	uint64_t v[2] = { 7, 0 };

	EXPECT(vx_map_update_elem(m, &k, v, VX_ANY), 0, "array update ANY");
	EXPECT(vx_map_update_elem(m, &k, v, VX_EXIST), 0, "array update EXIST");
	EXPECT(vx_map_update_elem(m, &k, v, VX_NOEXIST), -EEXIST, "array update NOEXIST");
	EXPECT(vx_map_update_elem(m, &k, v, 3), -EINVAL, "array update flags 3");
	EXPECT(vx_map_update_elem(m, &k, v, 4), -EINVAL, "array update BPF_F_LOCK");
	EXPECT(vx_map_update_elem(m, &big, v, VX_ANY), -E2BIG, "array update index 4 of 4");
	EXPECT(vx_map_update_elem(m, &big, v, 3), -EINVAL, "array: flags checked before index");
	EXPECT(vx_map_update_elem(m, &big, v, VX_NOEXIST), -E2BIG,
	       "array: index checked before NOEXIST");
	EXPECT(vx_map_update(m, &big, v, VX_ANY), -E2BIG, "array control update index 4");
	EXPECT(vx_map_update(m, &k, v, VX_NOEXIST), -EEXIST, "array control update NOEXIST");
	EXPECT(vx_map_delete_elem(m, &k), -EINVAL, "array delete (program)");
	EXPECT(vx_map_delete(m, &k), -EINVAL, "array delete (control)");
	EXPECT(vx_map_lookup(m, &big, v), -ENOENT, "array control lookup index 4");
	ok(vx_map_lookup_elem(m, &big) == NULL, "array program lookup index 4 is NULL");
}

static void test_array_next_key(struct vx_map *m)
{
	uint32_t k, next = 99;

	EXPECT(vx_map_get_next_key(m, NULL, &next), 0, "array next of NULL");
	EXPECT(next, 0, "array next of NULL is 0");
	k = 2;
	EXPECT(vx_map_get_next_key(m, &k, &next), 0, "array next of 2");
	EXPECT(next, 3, "array next of 2 is 3");
	k = 3;
	EXPECT(vx_map_get_next_key(m, &k, &next), -ENOENT, "array next of last");
	k = 100;
	next = 99;
	EXPECT(vx_map_get_next_key(m, &k, &next), 0, "array next of out-of-range key");
	EXPECT(next, 0, "array next of out-of-range key is 0");
}

static uint64_t count_elem(struct vx_map *map, const void *key, void *value, void *arg)
{
	long *n = arg;

	(void)map, (void)key, (void)value;
	return ++*n == 2;
}

static int count_dump(const void *key, const void *value, void *arg)
{
	(void)key, (void)value;
	++*(long *)arg;
	return 0;
}

static long dump_count(struct vx_map *m)
{
	long n = 0;
	int ret = vx_map_dump(m, count_dump, &n);

	return ret ? ret : n;
}

static void test_array(void)
{
	struct vx_map *m = mk("arr", VX_MAP_ARRAY, 4, 12, 4, 0);
	uint32_t k = 2;
	unsigned char zero[12] = { 0 }, val[12] = "hello world", out[12];
	unsigned char *p;
	long n = 0;

	p = vx_map_lookup_elem(m, &k);
	ok(p && !memcmp(p, zero, 12), "array values start zeroed");
	ok(((uintptr_t)p & 7) == 0, "array value is 8-byte aligned");
	EXPECT(vx_map_cp_value_size(m), 12, "array control value size");
	EXPECT(vx_map_update(m, &k, val, VX_ANY), 0, "array control update");
	ok(!memcmp(p, val, 12), "program pointer sees the control update (in place)");
	memset(p, 'x', 12);
	EXPECT(vx_map_lookup(m, &k, out), 0, "array control lookup");
	ok(!memcmp(out, "xxxxxxxxxxxx", 12), "control lookup sees the program's write");
	test_array_flags(m);
	test_array_next_key(m);
	EXPECT(vx_map_for_each_elem(m, count_elem, &n), 2, "array for_each stops at fn's 1");
	EXPECT(dump_count(m), 4, "array dump gives every index");
	vx_map_destroy(m);
}

static void test_array_perms(void)
{
	struct vx_map *m = mk("ro_prog", VX_MAP_ARRAY, 4, 8, 2, VX_F_RDONLY_PROG);
	uint32_t k = 0;
	uint64_t v = 5, out;

	EXPECT(vx_map_update_elem(m, &k, &v, 0), -EPERM, "RDONLY_PROG: program update");
	EXPECT(vx_map_update(m, &k, &v, 0), 0, "RDONLY_PROG: control update");
	ok(vx_map_lookup_elem(m, &k) != NULL, "RDONLY_PROG: program lookup works");
	vx_map_freeze(m);
	ok(vx_map_frozen(m), "frozen");
	EXPECT(vx_map_update(m, &k, &v, 0), -EPERM, "frozen: control update");
	EXPECT(vx_map_delete(m, &k), -EPERM, "frozen: control delete");
	EXPECT(vx_map_lookup(m, &k, &out), 0, "frozen: control lookup");
	vx_map_destroy(m);

	m = mk("rw", VX_MAP_ARRAY, 4, 8, 2, 0);
	vx_map_freeze(m);
	EXPECT(vx_map_update_elem(m, &k, &v, 0), 0, "frozen: program update still works");
	vx_map_destroy(m);

	m = mk("ro", VX_MAP_ARRAY, 4, 8, 2, VX_F_RDONLY);
	EXPECT(vx_map_update(m, &k, &v, 0), -EPERM, "RDONLY: control update");
	EXPECT(vx_map_lookup(m, &k, &out), 0, "RDONLY: control lookup");
	EXPECT(vx_map_update_elem(m, &k, &v, 0), 0, "RDONLY: program update");
	vx_map_destroy(m);

	m = mk("wo", VX_MAP_ARRAY, 4, 8, 2, VX_F_WRONLY);
	EXPECT(vx_map_lookup(m, &k, &out), -EPERM, "WRONLY: control lookup");
	EXPECT(vx_map_get_next_key(m, NULL, &k), -EPERM, "WRONLY: get_next_key");
	EXPECT(vx_map_dump(m, count_dump, &out), -EPERM, "WRONLY: dump");
	EXPECT(vx_map_update(m, &k, &v, 0), 0, "WRONLY: control update");
	vx_map_destroy(m);
}

/* ---- per-CPU ---- */

struct cpu_job {
	struct vx_map *map;
	unsigned cpu;
	const void *key;
	uint32_t value;
	int update_ret;
	uint32_t seen;		/* this CPU's value after its update */
	uint32_t seen_after;	/* the same pointer, after a second in-place update */
};

static void *cpu_thread(void *arg)
{
	struct cpu_job *j = arg;
	uint32_t *p, v2 = j->value + 100;

	vx_rcu_thread_online();
	vx_set_cpu(j->cpu);
	j->update_ret = (int)vx_map_update_elem(j->map, j->key, &j->value, VX_ANY);
	p = vx_map_lookup_elem(j->map, j->key);
	j->seen = p ? *p : 0xdead;
	vx_map_update_elem(j->map, j->key, &v2, VX_EXIST);
	j->seen_after = p ? *p : 0xdead;
	vx_rcu_thread_offline();
	return NULL;
}

static void run_on_cpu(struct cpu_job *j)
{
	pthread_t t;

	pthread_create(&t, NULL, cpu_thread, j);
	pthread_join(t, NULL);
}

/* Control-side value of a per-CPU map with value_size 4: ncpus slots of 8 bytes. */
static void check_percpu_layout(struct vx_map *m, const void *key, uint32_t v0, uint32_t v1,
				const char *what)
{
	uint32_t out[4] = { 1, 1, 1, 1 };
	int ret = vx_map_lookup(m, key, out);

	ok(ret == 0 && out[0] == v0 && out[2] == v1, "%s: cpu0 %u cpu1 %u (want %u %u)", what,
	   out[0], out[2], v0, v1);
}

static void test_percpu(uint32_t type, const char *name)
{
	struct vx_map *m = mk(name, type, 4, 4, 4, 0);
	uint32_t k = 1, in[4] = { 11, 0, 22, 0 };
	struct cpu_job a = { m, 0, &k, 5, 0, 0, 0 }, b = { m, 1, &k, 7, 0, 0, 0 };
	char what[64];

	EXPECT(vx_map_cp_value_size(m), 16, "per-CPU control value: 2 slots of 8");
	run_on_cpu(&b);
	snprintf(what, sizeof(what), "%s: cpu 1 update", name);
	EXPECT(b.update_ret, 0, what);
	ok(b.seen == 7 && b.seen_after == 107, "%s: cpu 1 sees its value, updated in place (%u %u)",
	   name, b.seen, b.seen_after);
	check_percpu_layout(m, &k, 0, 107, name);
	run_on_cpu(&a);
	ok(a.seen == 5 && a.seen_after == 105, "%s: cpu 0 sees its own value (%u %u)", name,
	   a.seen, a.seen_after);
	check_percpu_layout(m, &k, 105, 107, name);
	EXPECT(vx_map_update(m, &k, in, VX_ANY), 0, "per-CPU control update of every slot");
	check_percpu_layout(m, &k, 11, 22, name);
	vx_set_cpu(1);
	ok(*(uint32_t *)vx_map_lookup_elem(m, &k) == 22, "%s: program lookup on cpu 1", name);
	vx_set_cpu(5);
	ok(*(uint32_t *)vx_map_lookup_elem(m, &k) == 22, "%s: cpu 5 folds into 2 slots", name);
	vx_set_cpu(0);
	ok(*(uint32_t *)vx_map_lookup_elem(m, &k) == 11, "%s: program lookup on cpu 0", name);
	vx_map_destroy(m);
}

/* ---- program arrays ---- */

static void test_prog_array(void)
{
	struct vx_map *m = mk("jmp", VX_MAP_PROG_ARRAY, 4, 4, 3, 0), *arr;
	static char p1, p2;
	struct vx_prog *a = (struct vx_prog *)&p1, *b = (struct vx_prog *)&p2;
	uint32_t k = 1, next, v = 0;

	ok(vx_prog_array_get(m, 1) == NULL, "prog array starts empty");
	EXPECT(vx_prog_array_set(m, 1, a), 0, "prog array set");
	ok(vx_prog_array_get(m, 1) == a, "prog array get");
	EXPECT(vx_prog_array_set(m, 1, b), 0, "prog array replace");
	ok(vx_prog_array_get(m, 1) == b, "prog array get after replace");
	EXPECT(vx_prog_array_set(m, 3, a), -E2BIG, "prog array set index 3 of 3");
	ok(vx_prog_array_get(m, 3) == NULL, "prog array get out of range");
	EXPECT(vx_prog_array_set(m, 1, NULL), 0, "prog array set NULL");
	ok(vx_prog_array_get(m, 1) == NULL, "prog array cleared");
	EXPECT(vx_map_delete(m, &k), -ENOENT, "prog array delete empty slot");
	vx_prog_array_set(m, 1, a);
	EXPECT(vx_map_delete(m, &k), 0, "prog array delete");
	ok(vx_prog_array_get(m, 1) == NULL, "prog array deleted");
	k = 3;
	EXPECT(vx_map_delete(m, &k), -E2BIG, "prog array delete out of range");
	EXPECT(vx_map_lookup(m, &k, &v), -EOPNOTSUPP, "prog array control lookup");
	EXPECT(vx_map_update(m, &k, &v, 0), -EOPNOTSUPP, "prog array control update");
	ok(vx_map_lookup_elem(m, &k) == NULL, "prog array program lookup");
	EXPECT(vx_map_get_next_key(m, NULL, &next), 0, "prog array next of NULL");
	EXPECT(vx_map_for_each_elem(m, count_elem, &v), -EINVAL, "prog array for_each");
	vx_map_freeze(m);
	EXPECT(vx_prog_array_set(m, 0, a), -EPERM, "frozen prog array set");
	arr = mk("arr", VX_MAP_ARRAY, 4, 4, 3, 0);
	EXPECT(vx_prog_array_set(arr, 0, a), -EINVAL, "prog array set on an array");
	ok(vx_prog_array_get(arr, 0) == NULL, "prog array get on an array");
	vx_map_destroy(arr);
	vx_map_destroy(m);
}

/* ---- devmaps ---- */

static void test_devmap_updates(struct vx_map *m)
{
	uint32_t k = 1, big = 4, val[2] = { 5, 0 }, out[2];
	int32_t fdval[2] = { 6, 3 }, neg[2] = { 6, -1 };
	uint32_t *p;

	EXPECT(vx_map_update(m, &k, val, VX_ANY), 0, "devmap update");
	EXPECT(vx_map_update(m, &k, val, VX_NOEXIST), -EEXIST, "devmap update NOEXIST");
	EXPECT(vx_map_update(m, &k, val, VX_EXIST), 0, "devmap update EXIST");
	EXPECT(vx_map_update(m, &k, val, 3), -EINVAL, "devmap update flags 3");
	EXPECT(vx_map_update(m, &big, val, VX_ANY), -E2BIG, "devmap update index 4 of 4");
	EXPECT(vx_map_update(m, &k, fdval, VX_ANY), -EINVAL, "devmap update with a prog fd");
	p = vx_map_lookup_elem(m, &k);
	ok(p && p[0] == 5 && p[1] == 0, "devmap program lookup {ifindex 5, prog id 0}");
	EXPECT(vx_map_update(m, &k, neg, VX_ANY), 0, "devmap update with prog fd -1");
	ok(vx_map_lookup(m, &k, out) == 0 && out[0] == 6 && out[1] == 0,
	   "devmap control lookup {6, 0}");
	ok(p[0] == 5, "the old entry stays readable until a quiescent state");
	vx_rcu_quiescent();
}

static void test_devmap(void)
{
	struct vx_map *m = mk("dev", VX_MAP_DEVMAP, 4, 8, 4, 0);
	uint32_t k = 1, zero[2] = { 0, 0 }, val[2] = { 9, 0 }, out[2], next;

	ok(m && (vx_map_get_def(m)->flags & VX_F_RDONLY_PROG), "devmap is read-only to programs");
	test_devmap_updates(m);
	EXPECT(vx_map_update_elem(m, &k, val, 0), -EOPNOTSUPP, "devmap program update");
	EXPECT(vx_map_delete_elem(m, &k), -EOPNOTSUPP, "devmap program delete");
	EXPECT(vx_map_update(m, &k, zero, VX_ANY), 0, "devmap update ifindex 0");
	EXPECT(vx_map_lookup(m, &k, out), -ENOENT, "ifindex 0 cleared the entry");
	ok(vx_map_lookup_elem(m, &k) == NULL, "cleared entry: program lookup NULL");
	vx_map_update(m, &k, val, VX_ANY);
	EXPECT(vx_map_delete(m, &k), 0, "devmap delete");
	ok(vx_map_lookup_elem(m, &k) == NULL, "deleted entry: program lookup NULL");
	EXPECT(vx_map_delete(m, &k), 0, "devmap delete of a cleared entry");
	k = 4;
	EXPECT(vx_map_delete(m, &k), -EINVAL, "devmap delete out of range");
	k = 3;
	EXPECT(vx_map_get_next_key(m, &k, &next), -ENOENT, "devmap next of last");
	EXPECT(vx_map_get_next_key(m, NULL, &next), 0, "devmap next of NULL");
	EXPECT(next, 0, "devmap walks every index, set or not");
	vx_map_update(m, &k, val, VX_ANY);
	EXPECT(dump_count(m), 1, "devmap dump skips cleared entries");
	EXPECT(vx_map_for_each_elem(m, count_elem, &next), -EINVAL, "devmap for_each");
	vx_map_destroy(m);
	m = mk("dev4", VX_MAP_DEVMAP, 4, 4, 2, 0);
	k = 0;
	EXPECT(vx_map_update(m, &k, val, VX_ANY), 0, "devmap value_size 4 update");
	out[0] = 0;
	ok(vx_map_lookup(m, &k, out) == 0 && out[0] == 9, "devmap value_size 4 lookup");
	vx_map_destroy(m);
}

static void test_devmap_hash(void)
{
	struct vx_map *m = mk("devh", VX_MAP_DEVMAP_HASH, 4, 8, 2, 0);
	uint32_t k = 100, val[2] = { 3, 0 }, zero[2] = { 0, 0 }, out[2], *p;

	EXPECT(vx_map_update(m, &k, zero, VX_ANY), -EINVAL, "devmap hash ifindex 0");
	EXPECT(vx_map_update(m, &k, val, VX_EXIST), 0, "devmap hash EXIST adds (as the kernel)");
	EXPECT(vx_map_update(m, &k, val, VX_NOEXIST), -EEXIST, "devmap hash NOEXIST");
	EXPECT(vx_map_update(m, &k, val, 3), -EINVAL, "devmap hash flags 3");
	p = vx_map_lookup_elem(m, &k);
	ok(p && p[0] == 3 && p[1] == 0, "devmap hash program lookup");
	k = 200;
	EXPECT(vx_map_update(m, &k, val, VX_ANY), 0, "devmap hash second key");
	k = 300;
	EXPECT(vx_map_update(m, &k, val, VX_ANY), -E2BIG, "devmap hash full");
	EXPECT(vx_map_delete(m, &k), -ENOENT, "devmap hash delete missing");
	k = 200;
	EXPECT(vx_map_delete(m, &k), 0, "devmap hash delete");
	EXPECT(vx_map_lookup(m, &k, out), -ENOENT, "devmap hash deleted");
	EXPECT(vx_map_update_elem(m, &k, val, 0), -EOPNOTSUPP, "devmap hash program update");
	EXPECT(dump_count(m), 1, "devmap hash dump");
	vx_map_destroy(m);
}

/* ---- hash maps ---- */

static void test_hash_flags(struct vx_map *m)
{
	uint32_t k;
	uint64_t v = 1;

	k = 1;
	EXPECT(vx_map_update(m, &k, &v, VX_EXIST), -ENOENT, "hash EXIST on a missing key");
	EXPECT(vx_map_update(m, &k, &v, VX_NOEXIST), 0, "hash NOEXIST on a new key");
	EXPECT(vx_map_update(m, &k, &v, VX_NOEXIST), -EEXIST, "hash NOEXIST on an existing key");
	EXPECT(vx_map_update(m, &k, &v, VX_EXIST), 0, "hash EXIST on an existing key");
	EXPECT(vx_map_update(m, &k, &v, 3), -EINVAL, "hash flags 3");
	EXPECT(vx_map_update_elem(m, &k, &v, 4), -EINVAL, "hash BPF_F_LOCK");
	for (k = 2; k <= 4; k++)
		vx_map_update_elem(m, &k, &v, VX_ANY);
	k = 5;
	EXPECT(vx_map_update_elem(m, &k, &v, VX_ANY), -E2BIG, "hash full: new key");
	EXPECT(vx_map_update_elem(m, &k, &v, VX_EXIST), -ENOENT, "hash full: EXIST on a new key");
	k = 4;
	EXPECT(vx_map_update_elem(m, &k, &v, VX_ANY), 0, "hash full: existing key");
	EXPECT(vx_map_delete(m, &k), 0, "hash delete");
	EXPECT(vx_map_delete(m, &k), -ENOENT, "hash delete missing");
	EXPECT(vx_map_delete_elem(m, &k), -ENOENT, "hash program delete missing");
	k = 5;
	EXPECT(vx_map_update_elem(m, &k, &v, VX_ANY), 0, "hash: room again after a delete");
}

/* get_next_key from NULL to -ENOENT: every key once. */
static int walk_hash(struct vx_map *m, uint32_t *seen, uint32_t nseen)
{
	uint32_t key, next, n = 0;
	const uint32_t *prev = NULL;
	int ret;

	memset(seen, 0, nseen * sizeof(*seen));
	while (!(ret = vx_map_get_next_key(m, prev, &next))) {
		if (next < nseen)
			seen[next]++;
		key = next;
		prev = &key;
		if (++n > 10 * nseen)
			return -1;
	}
	return ret == -ENOENT ? (int)n : ret;
}

static void test_hash_walk(struct vx_map *m)
{
	uint32_t seen[8], k = 77, first, next;
	int n = walk_hash(m, seen, 8);

	ok(n == 4 && seen[1] == 1 && seen[2] == 1 && seen[3] == 1 && seen[5] == 1,
	   "hash walk gives each key once (%d keys)", n);
	EXPECT(vx_map_get_next_key(m, NULL, &first), 0, "hash next of NULL");
	EXPECT(vx_map_get_next_key(m, &k, &next), 0, "hash next of a missing key");
	EXPECT(next, first, "missing key restarts at the first key");
}

static void test_hash_rcu(struct vx_map *m)
{
	uint32_t k = 2;
	uint64_t v = 1234, w = 5678, *p, out;

	vx_map_update_elem(m, &k, &v, VX_ANY);
	p = vx_map_lookup_elem(m, &k);
	ok(p && *p == 1234 && ((uintptr_t)p & 7) == 0, "hash program lookup, 8-byte aligned");
	EXPECT(vx_map_update(m, &k, &w, VX_EXIST), 0, "hash replace while a program holds it");
	ok(*p == 1234, "the replaced value stays intact until a quiescent state");
	ok(*(uint64_t *)vx_map_lookup_elem(m, &k) == 5678, "a new lookup finds the new value");
	EXPECT(vx_map_delete(m, &k), 0, "hash delete while a program holds it");
	ok(*p == 1234, "the deleted value stays readable until a quiescent state");
	ok(vx_map_lookup_elem(m, &k) == NULL && vx_map_lookup(m, &k, &out) == -ENOENT,
	   "a deleted key is gone");
	vx_rcu_quiescent();
}

/* Keys from get_next_key until -ENOENT, any key size up to 64. */
static int count_walk(struct vx_map *m)
{
	unsigned char k[2][64];
	const void *prev = NULL;
	int n = 0;

	while (!vx_map_get_next_key(m, prev, k[n % 2]) && n < 1000000)
		prev = k[n++ % 2];
	return n;
}

static void test_hash_many(void)
{
	struct vx_map *m = mk("big", VX_MAP_HASH, 13, 8, 1000, VX_F_NO_PREALLOC);
	unsigned char key[13] = { 0 };
	uint64_t v, out;
	int i, bad = 0;

	for (i = 0; i < 1000; i++) {
		memcpy(key + 5, &i, sizeof(i));
		v = (uint64_t)i * 3;
		bad += vx_map_update(m, key, &v, VX_NOEXIST) != 0;
	}
	EXPECT(bad, 0, "1000 inserts with 13-byte keys");
	for (i = 0; i < 1000; i++) {
		memcpy(key + 5, &i, sizeof(i));
		bad += vx_map_lookup(m, key, &out) || out != (uint64_t)i * 3;
	}
	EXPECT(bad, 0, "1000 lookups");
	key[0] = 1;
	EXPECT(vx_map_update(m, key, &v, VX_ANY), -E2BIG, "1001st key");
	EXPECT(count_walk(m), 1000, "walk of 1000 keys");
	EXPECT(dump_count(m), 1000, "dump of 1000 keys");
	vx_map_destroy(m);
}

static void test_hash(void)
{
	struct vx_map *m = mk("h", VX_MAP_HASH, 4, 8, 4, 0);
	long n = 0;

	EXPECT(vx_map_cp_value_size(m), 8, "hash control value size");
	test_hash_flags(m);
	test_hash_walk(m);
	EXPECT(vx_map_for_each_elem(m, count_elem, &n), 2, "hash for_each stops at fn's 1");
	EXPECT(dump_count(m), 4, "hash dump");
	test_hash_rcu(m);
	vx_map_destroy(m);
	test_hash_many();
}

/* ---- LRU ---- */

static bool has(struct vx_map *m, uint32_t k)
{
	uint64_t out[2];

	return vx_map_lookup(m, &k, out) == 0;
}

static void put(struct vx_map *m, uint32_t k)
{
	uint64_t v[2] = { k, k };

	vx_map_update_elem(m, &k, v, VX_ANY);
}

static void test_lru(void)
{
	struct vx_map *m = mk("lru", VX_MAP_LRU_HASH, 4, 8, 3, 0);
	uint32_t k, seen[8];
	uint64_t v = 0;

	put(m, 1), put(m, 2), put(m, 3);
	k = 1;
	ok(vx_map_lookup_elem(m, &k) != NULL, "lru program lookup of 1 marks it used");
	put(m, 4); /* recency 4 1 3 2: evicts 2 */
	ok(has(m, 1) && !has(m, 2) && has(m, 3) && has(m, 4), "lru evicts 2, the least recent");
	put(m, 3); /* update marks use: 3 4 1 */
	has(m, 1); /* control lookup does not mark use */
	put(m, 5); /* evicts 1 */
	ok(!has(m, 1) && has(m, 3) && has(m, 4) && has(m, 5),
	   "lru: updates mark use, control lookups do not");
	EXPECT(walk_hash(m, seen, 8), 3, "lru never holds more than max_entries");
	k = 3;
	EXPECT(vx_map_update(m, &k, &v, VX_NOEXIST), -EEXIST, "lru NOEXIST on an existing key");
	k = 9;
	EXPECT(vx_map_update(m, &k, &v, VX_EXIST), -ENOENT, "lru EXIST on a missing key");
	EXPECT(vx_map_delete(m, &k), -ENOENT, "lru delete missing");
	k = 4;
	EXPECT(vx_map_delete(m, &k), 0, "lru delete");
	put(m, 6); /* room: nothing evicted */
	ok(has(m, 3) && has(m, 5) && has(m, 6), "lru: no eviction with room left");
	vx_map_destroy(m);

	m = mk("lru_common", VX_MAP_LRU_HASH, 4, 8, 3, VX_F_NO_COMMON_LRU);
	EXPECT(vx_map_get_def(m)->max_entries, 4, "NO_COMMON_LRU rounds max_entries to ncpus");
	vx_map_destroy(m);
}

/* ---- LPM trie ---- */

struct lpm4 {
	uint32_t prefixlen;
	uint8_t data[4];
};

static struct lpm4 pfx(unsigned a, unsigned b, unsigned c, unsigned d, uint32_t len)
{
	struct lpm4 k = { len, { (uint8_t)a, (uint8_t)b, (uint8_t)c, (uint8_t)d } };

	return k;
}

static long lpm_get(struct vx_map *m, struct lpm4 k)
{
	uint64_t *p = vx_map_lookup_elem(m, &k), v;

	if (!p)
		return -1;
	v = *p;
	if (vx_map_lookup(m, &k, &v) || v != *p)
		return -2; /* the two sides disagree */
	return (long)v;
}

static void lpm_put(struct vx_map *m, struct lpm4 k, uint64_t v)
{
	long ret = vx_map_update_elem(m, &k, &v, VX_ANY);

	if (ret)
		printf("# lpm update %u.%u.%u.%u/%u: %ld\n", k.data[0], k.data[1], k.data[2],
		       k.data[3], k.prefixlen, ret);
}

static void test_lpm_match(struct vx_map *m)
{
	struct lpm4 k;
	uint64_t v = 9;

	lpm_put(m, pfx(10, 0, 0, 0, 8), 1);
	lpm_put(m, pfx(10, 1, 0, 0, 16), 2);
	lpm_put(m, pfx(10, 1, 2, 3, 32), 3);
	EXPECT(lpm_get(m, pfx(10, 1, 2, 3, 32)), 3, "10.1.2.3 matches /32");
	EXPECT(lpm_get(m, pfx(10, 1, 2, 4, 32)), 2, "10.1.2.4 matches 10.1/16");
	EXPECT(lpm_get(m, pfx(10, 2, 0, 0, 32)), 1, "10.2.0.0 matches 10/8");
	EXPECT(lpm_get(m, pfx(11, 0, 0, 0, 32)), -1, "11.0.0.0 matches nothing");
	EXPECT(lpm_get(m, pfx(10, 1, 2, 3, 16)), 2, "10.1.2.3/16 key: no longer match than /16");
	EXPECT(lpm_get(m, pfx(10, 1, 2, 3, 7)), -1, "a /7 key matches nothing");
	lpm_put(m, pfx(0, 0, 0, 0, 0), 4);
	EXPECT(lpm_get(m, pfx(11, 0, 0, 0, 32)), 4, "/0 is the default route");
	EXPECT(lpm_get(m, pfx(10, 1, 2, 3, 0)), 4, "a /0 key matches /0");
	k = pfx(10, 1, 0, 0, 16);
	EXPECT(vx_map_delete(m, &k), 0, "delete 10.1/16");
	EXPECT(lpm_get(m, pfx(10, 1, 2, 4, 32)), 1, "10.1.2.4 falls back to 10/8");
	EXPECT(lpm_get(m, pfx(10, 1, 2, 3, 32)), 3, "10.1.2.3/32 still there");
	EXPECT(vx_map_delete(m, &k), -ENOENT, "delete 10.1/16 again");
	k = pfx(10, 1, 2, 3, 33);
	EXPECT(vx_map_delete(m, &k), -EINVAL, "delete prefixlen 33");
	EXPECT(vx_map_update(m, &k, &v, VX_ANY), -EINVAL, "update prefixlen 33");
	ok(vx_map_lookup_elem(m, &k) == NULL, "lookup prefixlen 33");
	k = pfx(10, 9, 9, 9, 8);
	EXPECT(vx_map_update(m, &k, &v, VX_NOEXIST), -EEXIST, "NOEXIST on 10/8 (other host bits)");
	EXPECT(vx_map_update(m, &k, &v, 3), -EINVAL, "lpm flags 3");
	k = pfx(12, 0, 0, 0, 8);
	EXPECT(vx_map_update(m, &k, &v, VX_EXIST), -ENOENT, "EXIST on a missing prefix");
	EXPECT(vx_map_delete(m, &k), -ENOENT, "delete a missing prefix");
	k = pfx(10, 1, 0, 0, 24);
	EXPECT(vx_map_delete(m, &k), -ENOENT, "delete a prefix that only an intermediate covers");
}

static void test_lpm_limits(void)
{
	struct vx_map *m = mk("lpm2", VX_MAP_LPM_TRIE, 8, 8, 2, VX_F_NO_PREALLOC);
	struct lpm4 k = pfx(1, 0, 0, 0, 8);
	uint64_t v = 1, *p;

	vx_map_update(m, &k, &v, VX_ANY);
	k = pfx(2, 0, 0, 0, 8);
	vx_map_update(m, &k, &v, VX_ANY);
	k = pfx(3, 0, 0, 0, 8);
	EXPECT(vx_map_update(m, &k, &v, VX_ANY), -ENOSPC, "full trie: new prefix");
	k = pfx(2, 0, 0, 0, 8);
	p = vx_map_lookup_elem(m, &k);
	v = 2;
	EXPECT(vx_map_update(m, &k, &v, VX_EXIST), 0, "full trie: replace");
	ok(*p == 1, "the replaced value stays readable until a quiescent state");
	EXPECT(lpm_get(m, k), 2, "the replacement is found");
	vx_rcu_quiescent();
	EXPECT(vx_map_for_each_elem(m, count_elem, &v), -EINVAL, "lpm for_each");
	vx_map_destroy(m);
}

static int walk_lpm(struct vx_map *m, struct lpm4 *out, int max)
{
	struct lpm4 key, next;
	const struct lpm4 *prev = NULL;
	int n = 0;

	while (n < max && !vx_map_get_next_key(m, prev, &next)) {
		out[n++] = next;
		key = next;
		prev = &key;
	}
	return n;
}

static bool same(struct lpm4 a, struct lpm4 b)
{
	return a.prefixlen == b.prefixlen && !memcmp(a.data, b.data, 4);
}

struct order {
	const struct lpm4 *want;
	int pos;
};

static int check_dump_order(const void *key, const void *value, void *arg)
{
	struct order *o = arg;
	struct lpm4 k;
	uint64_t v;

	memcpy(&k, key, sizeof(k));
	memcpy(&v, value, sizeof(v));
	if (!same(k, o->want[o->pos]) || v != (uint64_t)o->pos)
		return 100 + o->pos;
	o->pos++;
	return 0;
}

static void test_lpm_walk(void)
{
	struct vx_map *m = mk("lpmw", VX_MAP_LPM_TRIE, 8, 8, 16, VX_F_NO_PREALLOC);
	struct lpm4 w[8], order[4] = { pfx(192, 168, 0, 0, 24), pfx(192, 168, 1, 0, 24),
				       pfx(192, 168, 128, 0, 24), pfx(192, 168, 0, 0, 16) };
	struct lpm4 k = pfx(1, 2, 3, 4, 32), next;
	struct order o = { order, 0 };
	int n;

	EXPECT(vx_map_get_next_key(m, NULL, &next), -ENOENT, "empty trie: no first key");
	lpm_put(m, order[3], 3);
	lpm_put(m, order[0], 0);
	lpm_put(m, order[2], 2);
	lpm_put(m, order[1], 1);
	n = walk_lpm(m, w, 8);
	ok(n == 4 && same(w[0], order[0]) && same(w[1], order[1]) && same(w[2], order[2]) &&
		   same(w[3], order[3]),
	   "lpm walk in post-order: /24s left to right, then /16 (%d keys)", n);
	EXPECT(vx_map_get_next_key(m, &k, &next), 0, "lpm next of a missing key");
	ok(same(next, order[0]), "a missing key restarts at the first key");
	EXPECT(vx_map_dump(m, check_dump_order, &o), 0, "lpm dump in the same order");
	EXPECT(o.pos, 4, "lpm dump gives all four");
	EXPECT(vx_map_delete(m, &order[3]), 0, "delete the /16 (two children: kept as a joint)");
	EXPECT(lpm_get(m, pfx(192, 168, 5, 5, 32)), -1, "192.168.5.5 no longer matches");
	EXPECT(lpm_get(m, pfx(192, 168, 1, 9, 32)), 1, "192.168.1.9 still matches its /24");
	EXPECT(vx_map_delete(m, &order[0]), 0, "delete 192.168.0/24");
	n = walk_lpm(m, w, 8);
	ok(n == 2 && same(w[0], order[1]) && same(w[1], order[2]), "walk after deletes (%d)", n);
	lpm_put(m, pfx(192, 168, 0, 0, 23), 7);
	EXPECT(lpm_get(m, pfx(192, 168, 0, 1, 32)), 7, "a /23 over the /24 pair");
	EXPECT(lpm_get(m, pfx(192, 168, 1, 1, 32)), 1, "the /24 under it still wins");
	k = pfx(10, 1, 2, 3, 8);
	lpm_put(m, k, 8);
	n = walk_lpm(m, w, 8);
	ok(n == 4 && same(w[0], k), "get_next_key gives the data bits past the prefix as stored");
	vx_map_destroy(m);
}

/* Random prefixes against a brute-force longest match. */
static long brute(const struct lpm4 *set, const bool *live, int n, struct lpm4 k)
{
	long best = -1;
	uint32_t bestlen = 0, a, b, mask;
	int i;

	memcpy(&a, k.data, 4);
	a = __builtin_bswap32(a);
	for (i = 0; i < n; i++) {
		if (!live[i] || set[i].prefixlen > k.prefixlen)
			continue;
		memcpy(&b, set[i].data, 4);
		b = __builtin_bswap32(b);
		mask = set[i].prefixlen ? ~0u << (32 - set[i].prefixlen) : 0;
		if ((a & mask) == (b & mask) && (best < 0 || set[i].prefixlen >= bestlen))
			best = i, bestlen = set[i].prefixlen;
	}
	return best;
}

static struct lpm4 random_prefix(unsigned *seed)
{
	uint32_t a = (uint32_t)rand_r(seed) & 0x0f0f0f0f, len = (uint32_t)rand_r(seed) % 33;
	struct lpm4 k = { len, { 0 } };

	/* Few distinct values, so that prefixes nest and collide. */
	a = len ? a & (~0u << (32 - len)) : 0;
	a = __builtin_bswap32(a);
	memcpy(k.data, &a, 4);
	return k;
}

static void test_lpm_random(void)
{
	enum { N = 300 };
	struct vx_map *m = mk("lpmr", VX_MAP_LPM_TRIE, 8, 8, N, VX_F_NO_PREALLOC);
	struct lpm4 set[N], k, w[N + 1];
	bool live[N] = { false };
	unsigned seed = 42;
	int i, j, bad = 0, nlive = 0;

	for (i = 0; i < N; i++) {
		set[i] = random_prefix(&seed);
		for (j = 0; j < i; j++)
			if (live[j] && same(set[j], set[i]))
				live[j] = false, nlive--;
		live[i] = true, nlive++;
		lpm_put(m, set[i], (uint64_t)i);
		if (rand_r(&seed) % 3 == 0) {
			j = rand_r(&seed) % (i + 1);
			bad += live[j] ? vx_map_delete(m, &set[j]) != 0 : 0;
			nlive -= live[j];
			live[j] = false;
		}
	}
	for (i = 0; i < 2000; i++) {
		k = random_prefix(&seed);
		k.prefixlen = (uint32_t)rand_r(&seed) % 33;
		j = (int)brute(set, live, N, k);
		bad += lpm_get(m, k) != (j < 0 ? -1 : j);
	}
	EXPECT(bad, 0, "2000 random lookups agree with a brute-force longest match");
	EXPECT(walk_lpm(m, w, N + 1), nlive, "the walk gives every live prefix once");
	EXPECT(dump_count(m), nlive, "the dump too");
	vx_map_destroy(m);
}

static void test_lpm(void)
{
	struct vx_map *m = mk("lpm", VX_MAP_LPM_TRIE, 8, 8, 16, VX_F_NO_PREALLOC);

	test_lpm_match(m);
	vx_map_destroy(m);
	test_lpm_limits();
	test_lpm_walk();
	test_lpm_random();
}

/* ---- ring buffer ---- */

struct rec_log {
	int n;
	size_t size[64];
	unsigned char first[64];
	int stop_at;
};

static int log_rec(const void *data, size_t size, void *arg)
{
	struct rec_log *l = arg;

	if (l->n < 64) {
		l->size[l->n] = size;
		l->first[l->n] = size ? *(const unsigned char *)data : 0;
	}
	l->n++;
	return l->n == l->stop_at ? 77 : 0;
}

static int consume(struct vx_map *m, struct rec_log *l)
{
	memset(l, 0, sizeof(*l));
	return vx_ringbuf_consume(m, log_rec, l);
}

static void test_ringbuf_basic(struct vx_map *m)
{
	struct rec_log l;
	unsigned char *a, *b;

	a = vx_ringbuf_reserve(m, 100, 0);
	ok(a && ((uintptr_t)a & 7) == 0, "reserve 100 bytes, 8-byte aligned");
	EXPECT(vx_ringbuf_query(m, VX_RB_AVAIL_DATA), 112, "avail data: 8 + 100 rounded up");
	EXPECT(vx_ringbuf_query(m, VX_RB_PROD_POS), 112, "producer position");
	EXPECT(vx_ringbuf_query(m, VX_RB_CONS_POS), 0, "consumer position");
	EXPECT(vx_ringbuf_query(m, VX_RB_RING_SIZE), 4096, "ring size");
	EXPECT(vx_ringbuf_query(m, 4), 0, "unknown query");
	EXPECT(consume(m, &l), 0, "a busy record stops the consumer");
	b = vx_ringbuf_reserve(m, 5, 0);
	memset(a, 'A', 100);
	memset(b, 'B', 5);
	vx_ringbuf_submit(b, 0);
	EXPECT(consume(m, &l), 0, "a busy record before a submitted one still stops it");
	vx_ringbuf_submit(a, VX_RB_NO_WAKEUP);
	EXPECT(consume(m, &l), 2, "both records once the first is submitted");
	ok(l.size[0] == 100 && l.first[0] == 'A' && l.size[1] == 5 && l.first[1] == 'B',
	   "records in order with their sizes");
	EXPECT(vx_ringbuf_query(m, VX_RB_AVAIL_DATA), 0, "nothing left");
	EXPECT(vx_ringbuf_query(m, VX_RB_CONS_POS), 128, "consumer caught up (112 + 16)");
	a = vx_ringbuf_reserve(m, 8, 0);
	vx_ringbuf_discard(a, VX_RB_FORCE_WAKEUP);
	EXPECT(vx_ringbuf_output(m, "xyz", 3, 0), 0, "output");
	EXPECT(consume(m, &l), 1, "a discarded record is skipped");
	ok(l.size[0] == 3 && l.first[0] == 'x', "the output record");
	ok(vx_ringbuf_reserve(m, 8, 1) == NULL, "reserve with flags fails");
	EXPECT(vx_ringbuf_output(m, "x", 1, 4), -EINVAL, "output with an unknown flag");
	EXPECT(vx_ringbuf_output(m, "x", 1, VX_RB_NO_WAKEUP | VX_RB_FORCE_WAKEUP), 0,
	       "output with wakeup flags");
	vx_ringbuf_output(m, "y", 1, 0);
	memset(&l, 0, sizeof(l));
	l.stop_at = 1;
	EXPECT(vx_ringbuf_consume(m, log_rec, &l), 77, "consume returns fn's non-zero result");
	memset(&l, 0, sizeof(l));
	EXPECT(vx_ringbuf_consume(m, log_rec, &l), 1, "the record fn stopped at was consumed");
}

static void test_ringbuf_full(struct vx_map *m)
{
	struct rec_log l;
	unsigned char *a, big[64] = { 0 };
	int n, i, bad = 0;
	uint64_t cons = vx_ringbuf_query(m, VX_RB_CONS_POS);

	ok(vx_ringbuf_reserve(m, 4089, 0) == NULL, "a record larger than the ring fails");
	a = vx_ringbuf_reserve(m, 4080, 0);
	ok(a != NULL, "the largest record (4080 + 8 bytes) fits an empty ring");
	ok(vx_ringbuf_reserve(m, 0, 0) == NULL, "then even an empty record does not");
	vx_ringbuf_submit(a, 0);
	EXPECT(consume(m, &l), 1, "consume the large record");
	for (n = 0; (a = vx_ringbuf_reserve(m, 1000, 0)); n++) {
		memset(a, 'a' + n, 1000);
		vx_ringbuf_submit(a, 0);
	}
	EXPECT(n, 4, "four 1008-byte records fill a 4096-byte ring");
	EXPECT(vx_ringbuf_output(m, big, sizeof(big), 0), -EAGAIN,
	       "output of 64 bytes when 56 are left");
	EXPECT(vx_ringbuf_output(m, big, 48, 0), 0, "output of 48 bytes when 56 are left");
	EXPECT(consume(m, &l), 5, "consume them");
	for (i = 0; i < 4; i++)
		bad += l.size[i] != 1000 || l.first[i] != 'a' + i;
	bad += l.size[4] != 48;
	EXPECT(bad, 0, "their contents");
	for (i = 0; i < 40; i++) {
		a = vx_ringbuf_reserve(m, 1000 + (unsigned)i, 0);
		if (!a)
			break;
		memset(a, 'a' + i % 26, 1000 + (size_t)i);
		vx_ringbuf_submit(a, 0);
		memset(&l, 0, sizeof(l));
		bad += vx_ringbuf_consume(m, log_rec, &l) != 1 || l.size[0] != 1000 + (size_t)i ||
		       l.first[0] != 'a' + i % 26;
	}
	ok(i == 40 && bad == 0, "40 records wrapping around the end, intact (%d, %d bad)", i, bad);
	ok(vx_ringbuf_query(m, VX_RB_CONS_POS) > cons + 4096 * 2, "positions only grow");
}

enum { PRODUCERS = 4, PER_PRODUCER = 20000 };

struct rb_stress {
	struct vx_map *m;
	int id;
	uint32_t next_seq[PRODUCERS];
	int bad, got;
	bool done;
};

static void *producer(void *arg)
{
	struct rb_stress *s = arg;
	uint32_t rec[2] = { (uint32_t)s->id, 0 };
	struct rb_stress *shared = s - s->id;

	vx_rcu_thread_online();
	while (rec[1] < PER_PRODUCER) {
		if (rec[1] % 2) {
			uint32_t *p = vx_ringbuf_reserve(shared->m, sizeof(rec), 0);

			if (!p)
				continue;
			memcpy(p, rec, sizeof(rec));
			vx_ringbuf_submit(p, 0);
		} else if (vx_ringbuf_output(shared->m, rec, sizeof(rec), 0)) {
			continue;
		}
		rec[1]++;
		if (rec[1] % 64 == 0)
			vx_rcu_quiescent();
	}
	vx_rcu_thread_offline();
	return NULL;
}

static int check_rec(const void *data, size_t size, void *arg)
{
	struct rb_stress *s = arg;
	uint32_t rec[2];

	memcpy(rec, data, sizeof(rec));
	if (size != sizeof(rec) || rec[0] >= PRODUCERS || rec[1] != s->next_seq[rec[0]]) {
		s->bad++;
		return 0;
	}
	s->next_seq[rec[0]]++;
	s->got++;
	return 0;
}

static void test_ringbuf_producers(void)
{
	struct rb_stress s[PRODUCERS];
	pthread_t t[PRODUCERS];
	int i;

	memset(s, 0, sizeof(s));
	s[0].m = mk("rbmp", VX_MAP_RINGBUF, 0, 0, 4096, 0);
	for (i = 0; i < PRODUCERS; i++) {
		s[i].id = i;
		pthread_create(&t[i], NULL, producer, &s[i]);
	}
	while (s[0].got < PRODUCERS * PER_PRODUCER && !s[0].bad)
		vx_ringbuf_consume(s[0].m, check_rec, &s[0]);
	for (i = 0; i < PRODUCERS; i++)
		pthread_join(t[i], NULL);
	ok(s[0].got == PRODUCERS * PER_PRODUCER && s[0].bad == 0,
	   "%d producers, %d records each: all consumed in per-producer order (%d, %d bad)",
	   PRODUCERS, PER_PRODUCER, s[0].got, s[0].bad);
	vx_map_destroy(s[0].m);
}

static void test_ringbuf(void)
{
	struct vx_map *m = mk("rb", VX_MAP_RINGBUF, 0, 0, 4096, 0), *arr;
	uint32_t k = 0;

	test_ringbuf_basic(m);
	test_ringbuf_full(m);
	ok(vx_map_lookup_elem(m, &k) == NULL, "ring buffer program lookup");
	EXPECT(vx_map_update_elem(m, &k, &k, 0), -EOPNOTSUPP, "ring buffer program update");
	EXPECT(vx_map_lookup(m, &k, &k), -EOPNOTSUPP, "ring buffer control lookup");
	EXPECT(vx_map_get_next_key(m, NULL, &k), -EOPNOTSUPP, "ring buffer get_next_key");
	EXPECT(vx_map_cp_value_size(m), 0, "ring buffer control value size");
	EXPECT(vx_map_for_each_elem(m, count_elem, &k), -EINVAL, "ring buffer for_each");
	arr = mk("arr", VX_MAP_ARRAY, 4, 4, 1, 0);
	ok(vx_ringbuf_reserve(arr, 8, 0) == NULL, "reserve on an array");
	EXPECT(vx_ringbuf_output(arr, "x", 1, 0), -EINVAL, "output on an array");
	vx_map_destroy(arr);
	vx_map_destroy(m);
	test_ringbuf_producers();
}

int main(void)
{
	vx_rcu_thread_online();
	test_defs_array();
	test_defs_hash();
	test_defs_lpm_rb();
	test_ncpus();
	test_array();
	test_array_perms();
	test_percpu(VX_MAP_PERCPU_ARRAY, "percpu_array");
	test_percpu(VX_MAP_PERCPU_HASH, "percpu_hash");
	test_percpu(VX_MAP_LRU_PERCPU_HASH, "lru_percpu_hash");
	test_prog_array();
	test_devmap();
	test_devmap_hash();
	test_hash();
	test_lru();
	test_lpm();
	test_ringbuf();
	vx_rcu_barrier();
	vx_rcu_thread_offline();
	return tap_done();
}
