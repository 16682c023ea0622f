// SPDX-License-Identifier: BSD-2-Clause
/*
 * helpers_map.c - the map and ring buffer helpers, and bpf_for_each_map_elem: thin adapters
 * from the kernel's helper signature to the map API.
 */
#include <errno.h>

#include "helpers_priv.h"
#include "run_priv.h"
#include "vxbpf/interp.h"
#include "vxbpf/map.h"

#define MAP(r) ((struct vx_map *)(uintptr_t)(r))
#define PTR(r) ((void *)(uintptr_t)(r))

uint64_t vx_h_map_lookup_elem(uint64_t map, uint64_t key, uint64_t r3, uint64_t r4, uint64_t r5)
{
	(void)r3, (void)r4, (void)r5;
	return (uint64_t)(uintptr_t)vx_map_lookup_elem(MAP(map), PTR(key));
}

uint64_t vx_h_map_update_elem(uint64_t map, uint64_t key, uint64_t value, uint64_t flags,
			      uint64_t r5)
{
	(void)r5;
	return (uint64_t)vx_map_update_elem(MAP(map), PTR(key), PTR(value), flags);
}

uint64_t vx_h_map_delete_elem(uint64_t map, uint64_t key, uint64_t r3, uint64_t r4, uint64_t r5)
{
	(void)r3, (void)r4, (void)r5;
	return (uint64_t)vx_map_delete_elem(MAP(map), PTR(key));
}

struct for_each {
	struct vx_run *run;
	uint64_t fn;
	uint64_t ctx;
	int failed;
};

static uint64_t for_each_one(struct vx_map *map, const void *key, void *value, void *arg)
{
	struct for_each *fe = arg;
	uint64_t args[4] = { (uintptr_t)map, (uintptr_t)key, (uintptr_t)value, fe->ctx };
	uint64_t ret;

	/* The callback may read the key and read/write the value, as in the kernel. */
	vx_run_grant((void *)key, vx_map_get_def(map)->key_size, VX_MEM_READ);
	vx_run_grant(value, vx_map_get_def(map)->value_size, VX_MEM_READ | VX_MEM_WRITE);
	ret = fe->run->call(fe->run, fe->fn, args, &fe->failed);
	return fe->failed ? 1 : ret;
}

uint64_t vx_h_for_each_map_elem(uint64_t map, uint64_t fn, uint64_t ctx, uint64_t flags,
				uint64_t r5)
{
	struct for_each fe = { vx_cur_run, fn, ctx, 0 };
	long n;

	(void)r5;
	if (flags)
		return (uint64_t)-EINVAL;
	n = vx_map_for_each_elem(MAP(map), for_each_one, &fe);
	return (uint64_t)n;
}

uint64_t vx_h_ringbuf_output(uint64_t map, uint64_t data, uint64_t size, uint64_t flags,
			     uint64_t r5)
{
	(void)r5;
	return (uint64_t)vx_ringbuf_output(MAP(map), PTR(data), size, flags);
}

uint64_t vx_h_ringbuf_reserve(uint64_t map, uint64_t size, uint64_t flags, uint64_t r4,
			      uint64_t r5)
{
	(void)r4, (void)r5;
	return (uint64_t)(uintptr_t)vx_ringbuf_reserve(MAP(map), size, flags);
}

uint64_t vx_h_ringbuf_submit(uint64_t sample, uint64_t flags, uint64_t r3, uint64_t r4,
			     uint64_t r5)
{
	(void)r3, (void)r4, (void)r5;
	vx_ringbuf_submit(PTR(sample), flags);
	return 0;
}

uint64_t vx_h_ringbuf_discard(uint64_t sample, uint64_t flags, uint64_t r3, uint64_t r4,
			      uint64_t r5)
{
	(void)r3, (void)r4, (void)r5;
	vx_ringbuf_discard(PTR(sample), flags);
	return 0;
}

uint64_t vx_h_ringbuf_query(uint64_t map, uint64_t flags, uint64_t r3, uint64_t r4, uint64_t r5)
{
	(void)r3, (void)r4, (void)r5;
	return vx_ringbuf_query(MAP(map), flags);
}
