/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * map_priv.h - the maps' internals shared by map.c (validation, dispatch, permissions) and the
 * per-type implementations (map_array.c, map_hash.c, map_lpm.c, map_ringbuf.c): struct vx_map,
 * the per-type operations table, and RCU deferral (rcu.c). Not a public header.
 */
#ifndef VXBPF_MAP_PRIV_H
#define VXBPF_MAP_PRIV_H

#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "vxbpf/map.h"

#define VX_ROUND_UP(x, a) (((x) + (a) - 1) / (a) * (a))
#define vx_container_of(ptr, type, member) ((type *)((char *)(ptr) - offsetof(type, member)))

/* The largest single allocation a map may ask for: the engine-wide limit (vx_map_set_max_bytes). */
#define VX_MAP_MAX_BYTES vx_map_max_bytes()

/*
 * Publishing a pointer to RCU readers and reading it: release store / acquire load, the memory
 * ordering of rcu_assign_pointer() and rcu_dereference().
 */
#define vx_rcu_load(p) __atomic_load_n(&(p), __ATOMIC_ACQUIRE)
#define vx_rcu_store(p, v) __atomic_store_n(&(p), (v), __ATOMIC_RELEASE)

/* Deferred reclamation (rcu.c). Embed a head in the object; fn frees the object. */
struct vx_rcu_head {
	struct vx_rcu_head *next;
	void (*fn)(struct vx_rcu_head *head);
};

/*
 * Run fn(head) once every thread online now has passed a quiescent state. Never blocks on a
 * grace period: callable from any thread, program side (online) or control side (any).
 */
void vx_rcu_call(struct vx_rcu_head *head, void (*fn)(struct vx_rcu_head *head));
/* vx_rcu_call() with free(): head must be the start of the malloc'd object. NULL is ignored. */
void vx_rcu_free(struct vx_rcu_head *head);

/*
 * Per-type operations. map.c checks permissions (VX_F_RDONLY*, frozen) and the map type before
 * calling them; a NULL entry means the operation is not supported for the type (program-side
 * lookup gives NULL, for_each -EINVAL, everything else -EOPNOTSUPP).
 */
struct vx_map_ops {
	/* Allocate the type's structure, starting with a copy of *proto (def, ops, ncpus...). */
	struct vx_map *(*alloc)(const struct vx_map *proto, struct vx_error *err);
	/* Free everything at once: nothing can reach the map any more. */
	void (*free)(struct vx_map *map);

	/* Program side: the caller is an online RCU reader. */
	void *(*lookup_elem)(struct vx_map *map, const void *key);
	long (*update_elem)(struct vx_map *map, const void *key, const void *value, uint64_t flags);
	long (*delete_elem)(struct vx_map *map, const void *key);
	long (*for_each)(struct vx_map *map, vx_map_elem_fn fn, void *arg);

	/* Control side: any thread, values in the control-side layout. */
	int (*cp_lookup)(struct vx_map *map, const void *key, void *value);
	int (*cp_update)(struct vx_map *map, const void *key, const void *value, uint64_t flags);
	int (*cp_delete)(struct vx_map *map, const void *key);
	int (*get_next_key)(struct vx_map *map, const void *key, void *next_key);
	/* NULL: map.c walks with get_next_key and lookup. */
	int (*dump)(struct vx_map *map, vx_map_dump_fn fn, void *arg);
};

struct vx_map {
	struct vx_map_def def; /* as created, with the kernel's adjustments (devmap RDONLY_PROG) */
	const struct vx_map_ops *ops;
	unsigned ncpus;	       /* per-CPU slots, fixed when the map was created */
	uint32_t stride;       /* round_up(value_size, 8): one value's room, 8-byte aligned */
	bool frozen;	       /* read and written atomically */
	unsigned refs;	       /* references (vx_map_create's, vx_map_ref's); atomic */
};

extern const struct vx_map_ops vx_array_ops;
extern const struct vx_map_ops vx_percpu_array_ops;
extern const struct vx_map_ops vx_prog_array_ops;
extern const struct vx_map_ops vx_devmap_ops;
extern const struct vx_map_ops vx_hash_ops;
extern const struct vx_map_ops vx_percpu_hash_ops;
extern const struct vx_map_ops vx_lru_hash_ops;
extern const struct vx_map_ops vx_lru_percpu_hash_ops;
extern const struct vx_map_ops vx_devmap_hash_ops;
extern const struct vx_map_ops vx_lpm_ops;
extern const struct vx_map_ops vx_ringbuf_ops;

/* The calling thread's slot in this map's per-CPU values (vx_cpu() folded into ncpus). */
static inline unsigned vx_map_cpu(const struct vx_map *map)
{
	unsigned cpu = vx_cpu();

	return cpu < map->ncpus ? cpu : cpu % map->ncpus;
}

/* Whether the map's type stores one value per CPU. */
static inline bool vx_map_type_percpu(uint32_t type)
{
	return type == VX_MAP_PERCPU_ARRAY || type == VX_MAP_PERCPU_HASH ||
	       type == VX_MAP_LRU_PERCPU_HASH;
}

/* Devmap entries as programs and the control side see them (struct bpf_devmap_val). */
struct vx_devmap_val {
	uint32_t ifindex;
	uint32_t prog_id; /* the update's prog fd; always 0 here */
};

/*
 * Decode a devmap update value (value_size 4 or 8): -EINVAL when it names a program (fd > 0,
 * not supported: a devmap entry cannot carry a program here).
 */
int vx_devmap_parse(const struct vx_map *map, const void *value, struct vx_devmap_val *val);

#endif /* VXBPF_MAP_PRIV_H */
