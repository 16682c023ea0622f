/* SPDX-License-Identifier: BSD-2-Clause */
/* test_maps.h - creating a map in one call for the C tests; a failure is printed as a TAP note. */
#ifndef VXDP_TESTS_TEST_MAPS_H
#define VXDP_TESTS_TEST_MAPS_H

#include <stdio.h>

#include "vxbpf/map.h"

static inline struct vx_map *mk(const char *name, uint32_t type, uint32_t ks, uint32_t vs,
				uint32_t max, uint32_t flags)
{
	struct vx_map_def def = { .type = type, .key_size = ks, .value_size = vs,
				  .max_entries = max, .flags = flags };
	struct vx_error err;
	struct vx_map *map;

	snprintf(def.name, sizeof(def.name), "%s", name);
	map = vx_map_create(&def, &err);
	if (!map)
		printf("# cannot create %s: %s\n", name, err.msg);
	return map;
}

#endif /* VXDP_TESTS_TEST_MAPS_H */
