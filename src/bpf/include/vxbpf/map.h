/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * vxbpf/map.h - eBPF maps with the kernel's semantics.
 *
 * Types, flags and error codes keep the kernel's numbers. Two faces:
 * - the program side (vx_map_lookup_elem & co.), called by helpers on worker threads inside an
 *   RCU read-side section (liburcu QSBR: a worker reports a quiescent state between bursts and
 *   never holds a pointer across one);
 * - the control side (vx_map_lookup & co.), the bpf(2) syscall's semantics, callable from any
 *   thread at any time, concurrently with programs.
 * Per-CPU means per worker: each thread that runs programs says which slot it is with
 * vx_set_cpu(); vx_set_ncpus() fixes the number of slots before the first map is created.
 */
#ifndef VXBPF_MAP_H
#define VXBPF_MAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "vxbpf/error.h"

/* Map types (enum bpf_map_type). */
#define VX_MAP_HASH 1
#define VX_MAP_ARRAY 2
#define VX_MAP_PROG_ARRAY 3
#define VX_MAP_PERCPU_HASH 5
#define VX_MAP_PERCPU_ARRAY 6
#define VX_MAP_LRU_HASH 9
#define VX_MAP_LRU_PERCPU_HASH 10
#define VX_MAP_LPM_TRIE 11
#define VX_MAP_DEVMAP 14
#define VX_MAP_DEVMAP_HASH 25
#define VX_MAP_RINGBUF 27

/* Map creation flags (BPF_F_*). */
#define VX_F_NO_PREALLOC (1u << 0)
#define VX_F_NO_COMMON_LRU (1u << 1)
#define VX_F_RDONLY (1u << 3)
#define VX_F_WRONLY (1u << 4)
#define VX_F_RDONLY_PROG (1u << 7)
#define VX_F_WRONLY_PROG (1u << 8)
#define VX_F_MMAPABLE (1u << 10)

/* Update flags. */
#define VX_ANY 0
#define VX_NOEXIST 1
#define VX_EXIST 2

#define VX_MAP_NAME_MAX 64
#define VX_MAX_CPUS 64

struct vx_map_def {
	char name[VX_MAP_NAME_MAX];
	uint32_t type;
	uint32_t key_size;
	uint32_t value_size;
	uint32_t max_entries;
	uint32_t flags;
};

struct vx_map;
struct vx_prog;

/* Number of per-CPU slots (1..VX_MAX_CPUS); call before creating maps. Default 1. */
int vx_set_ncpus(unsigned n);
unsigned vx_ncpus(void);
/* The calling thread's per-CPU slot (default 0). */
void vx_set_cpu(unsigned cpu);
unsigned vx_cpu(void);

/*
 * The most memory one map may come to use (values, keys, bookkeeping at max_entries): creating
 * a larger one fails with a message. The kernel's only limit is the machine's memory; the
 * engine's protects the host from an object that asks for too much. Default 256 MiB.
 */
#define VX_MAP_DEFAULT_MAX_BYTES (256ull << 20)
void vx_map_set_max_bytes(unsigned long long bytes);
unsigned long long vx_map_max_bytes(void);

/*
 * Create a map. Validates the definition as the kernel does (sizes, max_entries, flags allowed
 * for the type) and names the problem in *err. Returns NULL on failure.
 */
struct vx_map *vx_map_create(const struct vx_map_def *def, struct vx_error *err);

/*
 * Drop a reference to a map: vx_map_create() gives the first, vx_map_ref() adds one (an object
 * sharing a map pinned by name holds one). The last frees the map; the caller then guarantees
 * no program can still reach it (after an RCU grace period). Returns map.
 */
struct vx_map *vx_map_ref(struct vx_map *map);
void vx_map_destroy(struct vx_map *map);

/*
 * Apply to def the adjustments vx_map_create() makes (devmaps read-only to programs, LRU sizes
 * rounded to the CPUs), so that a declaration compares with an existing map's vx_map_get_def().
 */
void vx_map_def_normalize(struct vx_map_def *def);

const struct vx_map_def *vx_map_get_def(const struct vx_map *map);

/* Freeze: from now on the control side cannot change it either (as BPF_MAP_FREEZE). */
void vx_map_freeze(struct vx_map *map);
bool vx_map_frozen(const struct vx_map *map);

/*
 * Program side. lookup returns the value (for per-CPU maps, this CPU's) or NULL; update and
 * delete return 0 or a negative errno (-ENOENT, -EEXIST, -E2BIG, -EINVAL, -ENOMEM). Not for
 * program arrays (use vx_prog_array_get), ring buffers, or devmaps' updates.
 */
void *vx_map_lookup_elem(struct vx_map *map, const void *key);
long vx_map_update_elem(struct vx_map *map, const void *key, const void *value, uint64_t flags);
long vx_map_delete_elem(struct vx_map *map, const void *key);

/*
 * Control side: the syscall's semantics. For per-CPU maps a value is vx_ncpus() slots of
 * round_up(value_size, 8) bytes; vx_map_cp_value_size() gives the size. Returns 0 or a negative
 * errno. get_next_key with key NULL gives the first key; -ENOENT after the last.
 */
size_t vx_map_cp_value_size(const struct vx_map *map);
int vx_map_lookup(struct vx_map *map, const void *key, void *value);
int vx_map_update(struct vx_map *map, const void *key, const void *value, uint64_t flags);
int vx_map_delete(struct vx_map *map, const void *key);
int vx_map_get_next_key(struct vx_map *map, const void *key, void *next_key);

/* Batch dump: fn is called for every entry (control-side value layout); stops when fn != 0. */
typedef int (*vx_map_dump_fn)(const void *key, const void *value, void *arg);
int vx_map_dump(struct vx_map *map, vx_map_dump_fn fn, void *arg);

/*
 * Program-side iteration (bpf_for_each_map_elem): fn gets each entry (this CPU's value for
 * per-CPU maps) and returns 0 to go on, 1 to stop. Returns the number of entries visited, or
 * -EINVAL for map types that cannot be iterated.
 */
typedef uint64_t (*vx_map_elem_fn)(struct vx_map *map, const void *key, void *value, void *arg);
long vx_map_for_each_elem(struct vx_map *map, vx_map_elem_fn fn, void *arg);

/*
 * Ring buffers (VX_MAP_RINGBUF, max_entries = data size in bytes, a power of 2 and a multiple
 * of 4096). Program side as the helpers: reserve returns a sample or NULL; submit and discard
 * take that sample; output copies; query answers BPF_RB_AVAIL_DATA (0), RB_RING_SIZE (1),
 * RB_CONS_POS (2), RB_PROD_POS (3). Control side: consume calls fn for each submitted record in
 * order (discarded ones skipped) and returns how many, or the first non-zero fn result.
 */
#define VX_RB_NO_WAKEUP (1u << 0)
#define VX_RB_FORCE_WAKEUP (1u << 1)
#define VX_RB_AVAIL_DATA 0
#define VX_RB_RING_SIZE 1
#define VX_RB_CONS_POS 2
#define VX_RB_PROD_POS 3

void *vx_ringbuf_reserve(struct vx_map *map, uint64_t size, uint64_t flags);
void vx_ringbuf_submit(void *sample, uint64_t flags);
void vx_ringbuf_discard(void *sample, uint64_t flags);
long vx_ringbuf_output(struct vx_map *map, const void *data, uint64_t size, uint64_t flags);
uint64_t vx_ringbuf_query(struct vx_map *map, uint64_t flags);
int vx_ringbuf_consume(struct vx_map *map, int (*fn)(const void *data, size_t size, void *arg),
		       void *arg);

/* Program arrays: entries hold programs. */
int vx_prog_array_set(struct vx_map *map, uint32_t index, struct vx_prog *prog);
struct vx_prog *vx_prog_array_get(struct vx_map *map, uint32_t index);

/*
 * RCU. Maps free what programs may still be reading (a deleted or replaced element, a cleared
 * devmap entry) only after a grace period: once every thread that runs programs has passed a
 * quiescent state. liburcu's QSBR flavour does the work; callers need not include it.
 * - A thread that runs programs (calls the program-side functions, or uses a pointer they
 *   returned) calls vx_rcu_thread_online() once before its first program, vx_rcu_quiescent()
 *   between bursts (it must not keep any map pointer across that call), and
 *   vx_rcu_thread_offline() before it exits. Calling online/offline again is harmless.
 * - vx_rcu_thread_pause() and vx_rcu_thread_resume() bracket a long wait (poll, sleep) of such a
 *   thread, so that it does not hold up reclamation; it must not use map pointers while paused.
 * - vx_rcu_synchronize() waits for a grace period; vx_rcu_barrier() waits until everything the
 *   maps deferred before the call has been freed (call it before exit, and before checking for
 *   leaks). Both work from any thread; called from an online thread they are its quiescent state.
 * The control-side functions (vx_map_lookup & co., vx_map_create/destroy, vx_ringbuf_consume,
 * vx_prog_array_set) need no registration and never wait for a grace period.
 */
void vx_rcu_thread_online(void);
void vx_rcu_quiescent(void);
void vx_rcu_thread_offline(void);
void vx_rcu_thread_pause(void);
void vx_rcu_thread_resume(void);
void vx_rcu_synchronize(void);
void vx_rcu_barrier(void);

#endif /* VXBPF_MAP_H */
