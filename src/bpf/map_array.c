// SPDX-License-Identifier: BSD-2-Clause
/*
 * map_array.c - the index-keyed maps, with the kernel's semantics (arraymap.c, devmap.c):
 * ARRAY and PERCPU_ARRAY (preallocated zeroed values, updated in place, never deleted),
 * PROG_ARRAY (program pointers for tail calls) and DEVMAP (ifindex entries, RCU-replaced).
 *
 * Keys are u32 indexes. An update with BPF_NOEXIST fails with -EEXIST (every element exists),
 * an index past the end with -E2BIG; get_next_key gives 0 for a NULL or out-of-range key and
 * -ENOENT after the last index.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "map_priv.h"

struct array {
	struct vx_map map;
	unsigned char *values; /* [cpu][index], stride bytes each; one cpu unless per-CPU */
};

struct prog_array {
	struct vx_map map;
	struct vx_prog **progs;
};

struct devmap_entry {
	struct vx_rcu_head rcu;
	struct vx_devmap_val val;
};

struct devmap {
	struct vx_map map;
	pthread_mutex_t lock; /* serialises the control side's reads and writes of entries */
	struct devmap_entry **entries;
};

static uint32_t key_index(const void *key)
{
	uint32_t index;

	memcpy(&index, key, sizeof(index));
	return index;
}

/* The kernel's array_map_get_next_key(), shared by every index-keyed map. */
static int index_get_next_key(struct vx_map *map, const void *key, void *next_key)
{
	uint32_t index = key ? key_index(key) : UINT32_MAX, next = 0;

	if (index < map->def.max_entries) {
		if (index == map->def.max_entries - 1)
			return -ENOENT;
		next = index + 1;
	}
	memcpy(next_key, &next, sizeof(next));
	return 0;
}

/* The checks every array update makes first, in the kernel's order. */
static int index_update_check(const struct vx_map *map, uint32_t index, uint64_t flags)
{
	if (flags > VX_EXIST)
		return -EINVAL;
	if (index >= map->def.max_entries)
		return -E2BIG;
	if (flags == VX_NOEXIST)
		return -EEXIST;
	return 0;
}

/* ---- ARRAY, PERCPU_ARRAY ---- */

static struct array *to_array(struct vx_map *map)
{
	return vx_container_of(map, struct array, map);
}

static unsigned array_slots(const struct vx_map *map)
{
	return map->def.type == VX_MAP_PERCPU_ARRAY ? map->ncpus : 1;
}

static unsigned char *array_value(struct array *a, unsigned cpu, uint32_t index)
{
	return a->values + ((size_t)cpu * a->map.def.max_entries + index) * a->map.stride;
}

static struct vx_map *array_alloc(const struct vx_map *proto, struct vx_error *err)
{
	uint64_t size = (uint64_t)array_slots(proto) * proto->def.max_entries * proto->stride;
	struct array *a;

	if (size > VX_MAP_MAX_BYTES) {
		vx_error_set(err, -1,
			     "array '%s': %llu bytes of values is more than the %llu limit",
			     proto->def.name, (unsigned long long)size, VX_MAP_MAX_BYTES);
		return NULL;
	}
	a = calloc(1, sizeof(*a));
	if (!a)
		return NULL;
	a->map = *proto;
	a->values = calloc(1, size);
	if (!a->values) {
		free(a);
		return NULL;
	}
	return &a->map;
}

static void array_free(struct vx_map *map)
{
	struct array *a = to_array(map);

	free(a->values);
	free(a);
}

static unsigned array_cpu(const struct vx_map *map)
{
	return map->def.type == VX_MAP_PERCPU_ARRAY ? vx_map_cpu(map) : 0;
}

static void *array_lookup_elem(struct vx_map *map, const void *key)
{
	uint32_t index = key_index(key);

	if (index >= map->def.max_entries)
		return NULL;
	return array_value(to_array(map), array_cpu(map), index);
}

static long array_update_elem(struct vx_map *map, const void *key, const void *value,
			      uint64_t flags)
{
	uint32_t index = key_index(key);
	int ret = index_update_check(map, index, flags);

	if (ret)
		return ret;
	memcpy(array_value(to_array(map), array_cpu(map), index), value, map->def.value_size);
	return 0;
}

static long array_delete_elem(struct vx_map *map, const void *key)
{
	(void)map, (void)key;
	return -EINVAL;
}

static long array_for_each(struct vx_map *map, vx_map_elem_fn fn, void *arg)
{
	struct array *a = to_array(map);
	unsigned cpu = array_cpu(map);
	uint32_t i;
	long n = 0;

	for (i = 0; i < map->def.max_entries; i++) {
		n++;
		if (fn(map, &i, array_value(a, cpu, i), arg))
			break;
	}
	return n;
}

/* Control-side copy: value_size bytes, or every CPU's stride bytes (the kernel's layout). */
static void array_copy_out(struct vx_map *map, uint32_t index, void *value)
{
	struct array *a = to_array(map);
	unsigned cpu;

	if (map->def.type != VX_MAP_PERCPU_ARRAY) {
		memcpy(value, array_value(a, 0, index), map->def.value_size);
		return;
	}
	for (cpu = 0; cpu < map->ncpus; cpu++)
		memcpy((unsigned char *)value + (size_t)cpu * map->stride,
		       array_value(a, cpu, index), map->stride);
}

static int array_lookup(struct vx_map *map, const void *key, void *value)
{
	uint32_t index = key_index(key);

	if (index >= map->def.max_entries)
		return -ENOENT;
	array_copy_out(map, index, value);
	return 0;
}

static int array_update(struct vx_map *map, const void *key, const void *value, uint64_t flags)
{
	struct array *a = to_array(map);
	uint32_t index = key_index(key);
	int ret = index_update_check(map, index, flags);
	unsigned cpu;

	if (ret)
		return ret;
	if (map->def.type != VX_MAP_PERCPU_ARRAY) {
		memcpy(array_value(a, 0, index), value, map->def.value_size);
		return 0;
	}
	for (cpu = 0; cpu < map->ncpus; cpu++)
		memcpy(array_value(a, cpu, index),
		       (const unsigned char *)value + (size_t)cpu * map->stride, map->stride);
	return 0;
}

static int array_delete(struct vx_map *map, const void *key)
{
	return (int)array_delete_elem(map, key);
}

static int array_dump(struct vx_map *map, vx_map_dump_fn fn, void *arg)
{
	void *value = malloc(vx_map_cp_value_size(map));
	uint32_t i;
	int ret = 0;

	if (!value)
		return -ENOMEM;
	for (i = 0; i < map->def.max_entries && !ret; i++) {
		array_copy_out(map, i, value);
		ret = fn(&i, value, arg);
	}
	free(value);
	return ret;
}

const struct vx_map_ops vx_array_ops = {
	.alloc = array_alloc,
	.free = array_free,
	.lookup_elem = array_lookup_elem,
	.update_elem = array_update_elem,
	.delete_elem = array_delete_elem,
	.for_each = array_for_each,
	.cp_lookup = array_lookup,
	.cp_update = array_update,
	.cp_delete = array_delete,
	.get_next_key = index_get_next_key,
	.dump = array_dump,
};

const struct vx_map_ops vx_percpu_array_ops = {
	.alloc = array_alloc,
	.free = array_free,
	.lookup_elem = array_lookup_elem,
	.update_elem = array_update_elem,
	.delete_elem = array_delete_elem,
	.for_each = array_for_each,
	.cp_lookup = array_lookup,
	.cp_update = array_update,
	.cp_delete = array_delete,
	.get_next_key = index_get_next_key,
	.dump = array_dump,
};

/* ---- PROG_ARRAY ---- */

static struct prog_array *to_prog_array(struct vx_map *map)
{
	return vx_container_of(map, struct prog_array, map);
}

static struct vx_map *prog_array_alloc(const struct vx_map *proto, struct vx_error *err)
{
	struct prog_array *pa = calloc(1, sizeof(*pa));

	(void)err;
	if (!pa)
		return NULL;
	pa->map = *proto;
	pa->progs = calloc(proto->def.max_entries, sizeof(*pa->progs));
	if (!pa->progs) {
		free(pa);
		return NULL;
	}
	return &pa->map;
}

static void prog_array_free(struct vx_map *map)
{
	struct prog_array *pa = to_prog_array(map);

	free(pa->progs);
	free(pa);
}

/* The kernel's fd_array_map_delete_elem(): an empty slot is -ENOENT. */
static int prog_array_delete(struct vx_map *map, const void *key)
{
	uint32_t index = key_index(key);

	if (index >= map->def.max_entries)
		return -E2BIG;
	if (!__atomic_exchange_n(&to_prog_array(map)->progs[index], NULL, __ATOMIC_ACQ_REL))
		return -ENOENT;
	return 0;
}

int vx_prog_array_set(struct vx_map *map, uint32_t index, struct vx_prog *prog)
{
	if (map->def.type != VX_MAP_PROG_ARRAY)
		return -EINVAL;
	if ((map->def.flags & VX_F_RDONLY) || vx_map_frozen(map))
		return -EPERM;
	if (index >= map->def.max_entries)
		return -E2BIG;
	vx_rcu_store(to_prog_array(map)->progs[index], prog);
	return 0;
}

struct vx_prog *vx_prog_array_get(struct vx_map *map, uint32_t index)
{
	if (map->def.type != VX_MAP_PROG_ARRAY || index >= map->def.max_entries)
		return NULL;
	return vx_rcu_load(to_prog_array(map)->progs[index]);
}

/* Programs only tail-call through it; the control side has no program fds to store or show. */
const struct vx_map_ops vx_prog_array_ops = {
	.alloc = prog_array_alloc,
	.free = prog_array_free,
	.cp_delete = prog_array_delete,
	.get_next_key = index_get_next_key,
};

/* ---- DEVMAP ---- */

static struct devmap *to_devmap(struct vx_map *map)
{
	return vx_container_of(map, struct devmap, map);
}

int vx_devmap_parse(const struct vx_map *map, const void *value, struct vx_devmap_val *val)
{
	int32_t fd = 0;

	memcpy(&val->ifindex, value, sizeof(val->ifindex));
	if (map->def.value_size >= 8)
		memcpy(&fd, (const unsigned char *)value + 4, sizeof(fd));
	val->prog_id = 0;
	/* The kernel would attach the program fd names; there are no program fds here. */
	if (fd > 0)
		return -EINVAL;
	return 0;
}

static struct vx_map *devmap_alloc(const struct vx_map *proto, struct vx_error *err)
{
	struct devmap *dm = calloc(1, sizeof(*dm));

	(void)err;
	if (!dm)
		return NULL;
	dm->map = *proto;
	dm->entries = calloc(proto->def.max_entries, sizeof(*dm->entries));
	if (!dm->entries) {
		free(dm);
		return NULL;
	}
	pthread_mutex_init(&dm->lock, NULL);
	return &dm->map;
}

static void devmap_free(struct vx_map *map)
{
	struct devmap *dm = to_devmap(map);
	uint32_t i;

	for (i = 0; i < map->def.max_entries; i++)
		free(dm->entries[i]);
	pthread_mutex_destroy(&dm->lock);
	free(dm->entries);
	free(dm);
}

static void *devmap_lookup_elem(struct vx_map *map, const void *key)
{
	uint32_t index = key_index(key);
	struct devmap_entry *e;

	if (index >= map->def.max_entries)
		return NULL;
	e = vx_rcu_load(to_devmap(map)->entries[index]);
	return e ? &e->val : NULL;
}

static int devmap_lookup(struct vx_map *map, const void *key, void *value)
{
	struct devmap *dm = to_devmap(map);
	uint32_t index = key_index(key);
	struct devmap_entry *e;
	int ret = -ENOENT;

	if (index >= map->def.max_entries)
		return -ENOENT;
	pthread_mutex_lock(&dm->lock);
	e = dm->entries[index];
	if (e) {
		memcpy(value, &e->val, map->def.value_size);
		ret = 0;
	}
	pthread_mutex_unlock(&dm->lock);
	return ret;
}

/* Swap an entry in; the old one is freed once no program can hold it. */
static void devmap_set(struct devmap *dm, uint32_t index, struct devmap_entry *e)
{
	struct devmap_entry *old;

	pthread_mutex_lock(&dm->lock);
	old = dm->entries[index];
	vx_rcu_store(dm->entries[index], e);
	pthread_mutex_unlock(&dm->lock);
	if (old)
		vx_rcu_free(&old->rcu);
}

/* The kernel's dev_map_update_elem(): ifindex 0 clears the entry. */
static int devmap_update(struct vx_map *map, const void *key, const void *value, uint64_t flags)
{
	uint32_t index = key_index(key);
	struct devmap_entry *e = NULL;
	struct vx_devmap_val val;
	int ret = index_update_check(map, index, flags);

	if (ret)
		return ret;
	if (vx_devmap_parse(map, value, &val))
		return -EINVAL;
	if (val.ifindex) {
		e = calloc(1, sizeof(*e));
		if (!e)
			return -ENOMEM;
		e->val = val;
	}
	devmap_set(to_devmap(map), index, e);
	return 0;
}

/* The kernel's dev_map_delete_elem(): clearing an empty entry is not an error. */
static int devmap_delete(struct vx_map *map, const void *key)
{
	uint32_t index = key_index(key);

	if (index >= map->def.max_entries)
		return -EINVAL;
	devmap_set(to_devmap(map), index, NULL);
	return 0;
}

/* Programs look entries up (bpf_redirect_map); only the control side changes them. */
const struct vx_map_ops vx_devmap_ops = {
	.alloc = devmap_alloc,
	.free = devmap_free,
	.lookup_elem = devmap_lookup_elem,
	.cp_lookup = devmap_lookup,
	.cp_update = devmap_update,
	.cp_delete = devmap_delete,
	.get_next_key = index_get_next_key,
};
