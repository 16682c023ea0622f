/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * vxbpf/helper.h - the helper functions programs may call, by the kernel's numbers.
 *
 * Helpers have the kernel's calling convention: up to five 64-bit arguments (r1-r5), a 64-bit
 * result (r0). One table holds every helper the engine implements; an id missing from it is a
 * helper the engine does not offer.
 */
#ifndef VXBPF_HELPER_H
#define VXBPF_HELPER_H

#include <stdint.h>

typedef uint64_t (*vx_helper_fn)(uint64_t r1, uint64_t r2, uint64_t r3, uint64_t r4,
				 uint64_t r5);

struct vx_helper {
	uint32_t id;	   /* the kernel's helper number (enum bpf_func_id) */
	const char *name;  /* without the bpf_ prefix, e.g. "ktime_get_ns" */
	vx_helper_fn fn;
};

/* The helper with this id, or NULL when the engine does not implement it. */
const struct vx_helper *vx_helper_get(uint32_t id);

#endif /* VXBPF_HELPER_H */
