// SPDX-License-Identifier: BSD-2-Clause
/*
 * map.c - what all maps share: the per-CPU slot count and the thread's slot, validation of a
 * definition with the kernel's rules (map_create() and each type's alloc check), the
 * permissions of both sides (BPF_F_RDONLY/WRONLY for the control side, BPF_F_RDONLY_PROG for
 * programs, freezing), and dispatch to the per-type operations.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "map_priv.h"

#define RINGBUF_PAGE 4096u
#define PCPU_MIN_UNIT_SIZE 32768u		  /* the kernel's bound on one per-CPU value */
#define KMALLOC_MAX_SIZE (1u << 22)		  /* x86-64: the kernel's largest kmalloc */
#define HTAB_ELEM_SIZE 48u			  /* sizeof(struct htab_elem) in the kernel */
#define LPM_NODE_SIZE 32u			  /* sizeof(struct lpm_trie_node) in the kernel */
#define LPM_KEY_MIN 5u				  /* u32 prefixlen + 1 data byte */
#define LPM_KEY_MAX 260u			  /* u32 prefixlen + 256 data bytes */

#define ACCESS_FLAGS (VX_F_RDONLY | VX_F_WRONLY | VX_F_RDONLY_PROG | VX_F_WRONLY_PROG)
#define KNOWN_FLAGS (ACCESS_FLAGS | VX_F_NO_PREALLOC | VX_F_NO_COMMON_LRU | VX_F_MMAPABLE)

static unsigned map_ncpus = 1;
static unsigned live_maps;
static __thread unsigned thread_cpu;

int vx_set_ncpus(unsigned n)
{
	if (n == 0 || n > VX_MAX_CPUS)
		return -EINVAL;
	if (__atomic_load_n(&live_maps, __ATOMIC_ACQUIRE))
		return -EBUSY;
	__atomic_store_n(&map_ncpus, n, __ATOMIC_RELEASE);
	return 0;
}

unsigned vx_ncpus(void)
{
	return __atomic_load_n(&map_ncpus, __ATOMIC_ACQUIRE);
}

void vx_set_cpu(unsigned cpu)
{
	thread_cpu = cpu;
}

unsigned vx_cpu(void)
{
	return thread_cpu;
}

/* ---- validation ---- */

/* What map_create() reports about one definition: the map's kind and name prefix every message. */
struct check {
	const struct vx_map_def *def;
	const char *kind;
	struct vx_error *err;
};

static __attribute__((format(printf, 2, 3))) int bad(const struct check *c, const char *fmt, ...)
{
	char msg[VX_ERROR_MSG_MAX];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	return vx_error_set(c->err, -1, "%s '%s': %s", c->kind, c->def->name, msg);
}

static const char *flag_name(uint32_t bit)
{
	switch (bit) {
	case VX_F_NO_PREALLOC:
		return "BPF_F_NO_PREALLOC";
	case VX_F_NO_COMMON_LRU:
		return "BPF_F_NO_COMMON_LRU";
	case VX_F_RDONLY:
		return "BPF_F_RDONLY";
	case VX_F_WRONLY:
		return "BPF_F_WRONLY";
	case VX_F_RDONLY_PROG:
		return "BPF_F_RDONLY_PROG";
	case VX_F_WRONLY_PROG:
		return "BPF_F_WRONLY_PROG";
	case VX_F_MMAPABLE:
		return "BPF_F_MMAPABLE";
	default:
		return NULL;
	}
}

/* Every flag must be one the engine knows and the type accepts. */
static int check_flags(const struct check *c, uint32_t allowed)
{
	uint32_t flags = c->def->flags, bit;

	if (flags & ~KNOWN_FLAGS)
		return bad(c, "unknown flags 0x%x", flags & ~KNOWN_FLAGS);
	for (bit = 1; bit; bit <<= 1) {
		if ((flags & bit) && !(allowed & bit))
			return bad(c, "flag %s is not allowed for this map type", flag_name(bit));
	}
	if ((flags & VX_F_RDONLY) && (flags & VX_F_WRONLY))
		return bad(c, "BPF_F_RDONLY and BPF_F_WRONLY are exclusive");
	if ((flags & VX_F_RDONLY_PROG) && (flags & VX_F_WRONLY_PROG))
		return bad(c, "BPF_F_RDONLY_PROG and BPF_F_WRONLY_PROG are exclusive");
	return 0;
}

static int check_nonzero(const struct check *c)
{
	if (c->def->max_entries == 0)
		return bad(c, "max_entries 0 must be > 0");
	return 0;
}

static int check_array(const struct check *c)
{
	const struct vx_map_def *d = c->def;
	uint32_t allowed = ACCESS_FLAGS;

	if (d->type == VX_MAP_ARRAY)
		allowed |= VX_F_MMAPABLE;
	if (check_flags(c, allowed) || check_nonzero(c))
		return -1;
	if (d->key_size != 4)
		return bad(c, "key_size %u must be 4", d->key_size);
	if (d->value_size == 0)
		return bad(c, "value_size 0 must be > 0");
	if (d->value_size > INT32_MAX)
		return bad(c, "value_size %u is too large", d->value_size);
	if (d->type == VX_MAP_PERCPU_ARRAY && VX_ROUND_UP(d->value_size, 8) > PCPU_MIN_UNIT_SIZE)
		return bad(c, "value_size %u is too large for per-CPU values (max %u)",
			   d->value_size, PCPU_MIN_UNIT_SIZE);
	return 0;
}

static int check_prog_array(const struct check *c)
{
	const struct vx_map_def *d = c->def;

	if (check_flags(c, VX_F_RDONLY | VX_F_WRONLY) || check_nonzero(c))
		return -1;
	if (d->key_size != 4)
		return bad(c, "key_size %u must be 4", d->key_size);
	if (d->value_size != 4)
		return bad(c, "value_size %u must be 4", d->value_size);
	return 0;
}

static int check_hash(const struct check *c)
{
	const struct vx_map_def *d = c->def;
	bool lru = d->type == VX_MAP_LRU_HASH || d->type == VX_MAP_LRU_PERCPU_HASH;
	uint32_t allowed = ACCESS_FLAGS | VX_F_NO_PREALLOC;

	if (lru)
		allowed |= VX_F_NO_COMMON_LRU;
	if (check_flags(c, allowed))
		return -1;
	if (lru && (d->flags & VX_F_NO_PREALLOC))
		return bad(c, "LRU maps require preallocation (no BPF_F_NO_PREALLOC)");
	if (check_nonzero(c))
		return -1;
	if (d->key_size == 0)
		return bad(c, "key_size 0 must be > 0");
	if (d->value_size == 0)
		return bad(c, "value_size 0 must be > 0");
	if ((uint64_t)d->key_size + d->value_size >= KMALLOC_MAX_SIZE - HTAB_ELEM_SIZE)
		return bad(c, "key_size %u + value_size %u is too large", d->key_size,
			   d->value_size);
	if (vx_map_type_percpu(d->type) && VX_ROUND_UP(d->value_size, 8) > PCPU_MIN_UNIT_SIZE)
		return bad(c, "value_size %u is too large for per-CPU values (max %u)",
			   d->value_size, PCPU_MIN_UNIT_SIZE);
	if (d->max_entries > (1u << 31))
		return bad(c, "max_entries %u is too large (max 2^31)", d->max_entries);
	return 0;
}

static int check_lpm(const struct check *c)
{
	const struct vx_map_def *d = c->def;

	if (check_flags(c, ACCESS_FLAGS | VX_F_NO_PREALLOC))
		return -1;
	if (!(d->flags & VX_F_NO_PREALLOC))
		return bad(c, "BPF_F_NO_PREALLOC is required");
	if (check_nonzero(c))
		return -1;
	if (d->key_size < LPM_KEY_MIN || d->key_size > LPM_KEY_MAX)
		return bad(c, "key_size %u must be %u..%u (u32 prefixlen + 1..256 data bytes)",
			   d->key_size, LPM_KEY_MIN, LPM_KEY_MAX);
	if (d->value_size == 0)
		return bad(c, "value_size 0 must be > 0");
	if (d->value_size > KMALLOC_MAX_SIZE - 256 - LPM_NODE_SIZE)
		return bad(c, "value_size %u is too large", d->value_size);
	return 0;
}

static int check_devmap(const struct check *c)
{
	const struct vx_map_def *d = c->def;

	if (check_flags(c, VX_F_RDONLY | VX_F_WRONLY) || check_nonzero(c))
		return -1;
	if (d->key_size != 4)
		return bad(c, "key_size %u must be 4", d->key_size);
	if (d->value_size != 4 && d->value_size != 8)
		return bad(c, "value_size %u must be 4 (ifindex) or 8 (ifindex, prog fd)",
			   d->value_size);
	if (d->type == VX_MAP_DEVMAP_HASH && d->max_entries > (1u << 31))
		return bad(c, "max_entries %u is too large (max 2^31)", d->max_entries);
	return 0;
}

static int check_ringbuf(const struct check *c)
{
	const struct vx_map_def *d = c->def;
	uint32_t n = d->max_entries;

	if (check_flags(c, 0))
		return -1;
	if (d->key_size != 0)
		return bad(c, "key_size %u must be 0", d->key_size);
	if (d->value_size != 0)
		return bad(c, "value_size %u must be 0", d->value_size);
	if (n == 0 || (n & (n - 1)) || n % RINGBUF_PAGE)
		return bad(c, "size %u is not a power of 2 multiple of %u", n, RINGBUF_PAGE);
	return 0;
}

struct map_kind {
	uint32_t type;
	const char *name;
	const struct vx_map_ops *ops;
	int (*check)(const struct check *c);
};

static const struct map_kind map_kinds[] = {
	{ VX_MAP_HASH, "hash map", &vx_hash_ops, check_hash },
	{ VX_MAP_ARRAY, "array", &vx_array_ops, check_array },
	{ VX_MAP_PROG_ARRAY, "prog array", &vx_prog_array_ops, check_prog_array },
	{ VX_MAP_PERCPU_HASH, "per-CPU hash map", &vx_percpu_hash_ops, check_hash },
	{ VX_MAP_PERCPU_ARRAY, "per-CPU array", &vx_percpu_array_ops, check_array },
	{ VX_MAP_LRU_HASH, "LRU hash map", &vx_lru_hash_ops, check_hash },
	{ VX_MAP_LRU_PERCPU_HASH, "LRU per-CPU hash map", &vx_lru_percpu_hash_ops, check_hash },
	{ VX_MAP_LPM_TRIE, "lpm trie", &vx_lpm_ops, check_lpm },
	{ VX_MAP_DEVMAP, "devmap", &vx_devmap_ops, check_devmap },
	{ VX_MAP_DEVMAP_HASH, "devmap hash", &vx_devmap_hash_ops, check_devmap },
	{ VX_MAP_RINGBUF, "ring buffer", &vx_ringbuf_ops, check_ringbuf },
};

/* The kernel's map types the engine lacks, by name (enum bpf_map_type), for messages. */
static const char *const kernel_types[] = {
	[4] = "perf_event_array", [7] = "stack_trace", [8] = "cgroup_array",
	[12] = "array_of_maps", [13] = "hash_of_maps", [15] = "sockmap", [16] = "cpumap",
	[17] = "xskmap", [18] = "sockhash", [19] = "cgroup_storage",
	[20] = "reuseport_sockarray", [21] = "percpu_cgroup_storage", [22] = "queue",
	[23] = "stack", [24] = "sk_storage", [26] = "struct_ops", [28] = "inode_storage",
	[29] = "task_storage", [30] = "bloom_filter", [31] = "user_ringbuf",
	[32] = "cgrp_storage",
};

static const char *kernel_type_name(uint32_t type)
{
	if (type >= sizeof(kernel_types) / sizeof(kernel_types[0]))
		return NULL;
	return kernel_types[type];
}

static const struct map_kind *find_kind(uint32_t type)
{
	size_t i;

	for (i = 0; i < sizeof(map_kinds) / sizeof(map_kinds[0]); i++) {
		if (map_kinds[i].type == type)
			return &map_kinds[i];
	}
	return NULL;
}

/* The kernel's object names: letters, digits, '_' and '.'; here up to 63 of them. */
static int check_name(const char *name, struct vx_error *err)
{
	size_t len = strnlen(name, VX_MAP_NAME_MAX), i;

	if (len == VX_MAP_NAME_MAX)
		return vx_error_set(err, -1, "map name is not terminated within %d bytes",
				    VX_MAP_NAME_MAX);
	for (i = 0; i < len; i++) {
		if (!isalnum((unsigned char)name[i]) && name[i] != '_' && name[i] != '.')
			return vx_error_set(
				err, -1,
				"map name '%s': character %zu is not a letter, digit, '_' or '.'",
				name, i);
	}
	return 0;
}

/* The kernel's adjustments to a valid definition, visible in what vx_map_get_def() gives. */
static void adjust_def(struct vx_map_def *d, unsigned ncpus)
{
	uint64_t up;

	/* Programs get a pointer to the entry itself: the kernel makes devmaps read-only. */
	if (d->type == VX_MAP_DEVMAP || d->type == VX_MAP_DEVMAP_HASH)
		d->flags |= VX_F_RDONLY_PROG;
	/* One LRU list per CPU, of equal length: max_entries becomes a multiple of ncpus. */
	if (d->flags & VX_F_NO_COMMON_LRU) {
		up = VX_ROUND_UP((uint64_t)d->max_entries, ncpus);
		d->max_entries = up <= UINT32_MAX ? (uint32_t)up : d->max_entries / ncpus * ncpus;
	}
}

static unsigned long long max_bytes = VX_MAP_DEFAULT_MAX_BYTES;

void vx_map_set_max_bytes(unsigned long long bytes)
{
	max_bytes = bytes;
}

unsigned long long vx_map_max_bytes(void)
{
	return max_bytes;
}

/* The most memory the map can come to hold: its values, keys and per-entry bookkeeping. */
static unsigned long long worst_case_bytes(const struct vx_map *m)
{
	const struct vx_map_def *d = &m->def;
	bool percpu = d->type == VX_MAP_PERCPU_ARRAY || d->type == VX_MAP_PERCPU_HASH ||
		      d->type == VX_MAP_LRU_PERCPU_HASH;
	unsigned long long per = (unsigned long long)m->stride * (percpu ? m->ncpus : 1);

	if (d->type == VX_MAP_RINGBUF)
		return 2ull * d->max_entries;
	if (d->type != VX_MAP_ARRAY && d->type != VX_MAP_PERCPU_ARRAY)
		per += VX_ROUND_UP(d->key_size, 8) + 64; /* element header, hash and trie nodes */
	return per * d->max_entries;
}

struct vx_map *vx_map_create(const struct vx_map_def *def, struct vx_error *err)
{
	const struct map_kind *kind;
	struct vx_map proto = { 0 };
	struct check c = { def, NULL, err };
	struct vx_map *map;

	vx_error_clear(err);
	if (check_name(def->name, err))
		return NULL;
	kind = find_kind(def->type);
	if (!kind) {
		const char *known = kernel_type_name(def->type);

		if (known)
			vx_error_set(err, -1, "map '%s': map type %u (%s) is not supported",
				     def->name, def->type, known);
		else
			vx_error_set(err, -1, "map '%s': unknown map type %u", def->name,
				     def->type);
		return NULL;
	}
	c.kind = kind->name;
	if (kind->check(&c))
		return NULL;
	proto.def = *def;
	proto.ops = kind->ops;
	proto.ncpus = vx_ncpus();
	proto.stride = VX_ROUND_UP(def->value_size, 8);
	proto.refs = 1;
	adjust_def(&proto.def, proto.ncpus);
	if (worst_case_bytes(&proto) > max_bytes) {
		vx_error_set(err, -1, "map '%s': may grow to %llu bytes, over the limit of %llu",
			     def->name, worst_case_bytes(&proto), max_bytes);
		return NULL;
	}
	map = kind->ops->alloc(&proto, err);
	if (!map) {
		if (err && !err->msg[0])
			bad(&c, "cannot allocate the map");
		return NULL;
	}
	__atomic_add_fetch(&live_maps, 1, __ATOMIC_ACQ_REL);
	return map;
}

struct vx_map *vx_map_ref(struct vx_map *map)
{
	__atomic_add_fetch(&map->refs, 1, __ATOMIC_ACQ_REL);
	return map;
}

void vx_map_def_normalize(struct vx_map_def *def)
{
	adjust_def(def, vx_ncpus());
}

void vx_map_destroy(struct vx_map *map)
{
	if (!map || __atomic_sub_fetch(&map->refs, 1, __ATOMIC_ACQ_REL))
		return;
	map->ops->free(map);
	__atomic_sub_fetch(&live_maps, 1, __ATOMIC_ACQ_REL);
}

const struct vx_map_def *vx_map_get_def(const struct vx_map *map)
{
	return &map->def;
}

void vx_map_freeze(struct vx_map *map)
{
	__atomic_store_n(&map->frozen, true, __ATOMIC_RELEASE);
}

bool vx_map_frozen(const struct vx_map *map)
{
	return __atomic_load_n(&map->frozen, __ATOMIC_ACQUIRE);
}

/* ---- program side ---- */

void *vx_map_lookup_elem(struct vx_map *map, const void *key)
{
	if (!map->ops->lookup_elem)
		return NULL;
	return map->ops->lookup_elem(map, key);
}

long vx_map_update_elem(struct vx_map *map, const void *key, const void *value, uint64_t flags)
{
	if (!map->ops->update_elem)
		return -EOPNOTSUPP;
	if (map->def.flags & VX_F_RDONLY_PROG)
		return -EPERM;
	return map->ops->update_elem(map, key, value, flags);
}

long vx_map_delete_elem(struct vx_map *map, const void *key)
{
	if (!map->ops->delete_elem)
		return -EOPNOTSUPP;
	if (map->def.flags & VX_F_RDONLY_PROG)
		return -EPERM;
	return map->ops->delete_elem(map, key);
}

long vx_map_for_each_elem(struct vx_map *map, vx_map_elem_fn fn, void *arg)
{
	if (!map->ops->for_each)
		return -EINVAL;
	return map->ops->for_each(map, fn, arg);
}

/* ---- control side ---- */

/* The syscall's file permissions: reads need !WRONLY, writes need !RDONLY and not frozen. */
static bool cp_can_read(const struct vx_map *map)
{
	return !(map->def.flags & VX_F_WRONLY);
}

static bool cp_can_write(const struct vx_map *map)
{
	return !(map->def.flags & VX_F_RDONLY) && !vx_map_frozen(map);
}

size_t vx_map_cp_value_size(const struct vx_map *map)
{
	if (vx_map_type_percpu(map->def.type))
		return (size_t)map->ncpus * map->stride;
	return map->def.value_size;
}

int vx_map_lookup(struct vx_map *map, const void *key, void *value)
{
	if (!cp_can_read(map))
		return -EPERM;
	if (!map->ops->cp_lookup)
		return -EOPNOTSUPP;
	return map->ops->cp_lookup(map, key, value);
}

int vx_map_update(struct vx_map *map, const void *key, const void *value, uint64_t flags)
{
	if (!cp_can_write(map))
		return -EPERM;
	if (!map->ops->cp_update)
		return -EOPNOTSUPP;
	return map->ops->cp_update(map, key, value, flags);
}

int vx_map_delete(struct vx_map *map, const void *key)
{
	if (!cp_can_write(map))
		return -EPERM;
	if (!map->ops->cp_delete)
		return -EOPNOTSUPP;
	return map->ops->cp_delete(map, key);
}

int vx_map_get_next_key(struct vx_map *map, const void *key, void *next_key)
{
	if (!cp_can_read(map))
		return -EPERM;
	if (!map->ops->get_next_key)
		return -EOPNOTSUPP;
	return map->ops->get_next_key(map, key, next_key);
}

/* Walk with get_next_key and lookup; an entry deleted between the two is skipped. */
static int dump_generic(struct vx_map *map, vx_map_dump_fn fn, void *arg)
{
	size_t ks = VX_ROUND_UP((size_t)map->def.key_size + 1, 8);
	unsigned char *buf = malloc(2 * ks + vx_map_cp_value_size(map));
	unsigned char *key = buf, *next = buf + ks, *value = buf + 2 * ks, *tmp;
	const void *prev = NULL;
	int ret;

	if (!buf)
		return -ENOMEM;
	for (;;) {
		ret = map->ops->get_next_key(map, prev, next);
		if (ret) {
			ret = ret == -ENOENT ? 0 : ret;
			break;
		}
		tmp = key, key = next, next = tmp;
		prev = key;
		ret = map->ops->cp_lookup(map, key, value);
		if (ret == -ENOENT)
			continue;
		if (ret || (ret = fn(key, value, arg)))
			break;
	}
	free(buf);
	return ret;
}

int vx_map_dump(struct vx_map *map, vx_map_dump_fn fn, void *arg)
{
	if (!cp_can_read(map))
		return -EPERM;
	if (map->ops->dump)
		return map->ops->dump(map, fn, arg);
	if (!map->ops->get_next_key || !map->ops->cp_lookup)
		return -EOPNOTSUPP;
	return dump_generic(map, fn, arg);
}
