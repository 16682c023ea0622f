/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * run_priv.h - the state of the program run in progress on this thread, as helpers see it.
 *
 * Helpers have the kernel's five-argument signature, so what they need beyond their arguments
 * (the XDP context of bpf_redirect, the engine that can call a program's callback for bpf_loop,
 * the checked interpreter's bookkeeping of memory a helper hands out) comes from here.
 */
#ifndef VXBPF_RUN_PRIV_H
#define VXBPF_RUN_PRIV_H

#include <stddef.h>
#include <stdint.h>

struct vx_xdp_ctx;

struct vx_run {
	struct vx_xdp_ctx *xdp; /* the XDP context, NULL outside XDP runs */
	/*
	 * Call the program's function fn (a VX_ARG_FUNC value) with r1-r4; returns its r0. Sets
	 * *failed when the callee faulted (the run is then over).
	 */
	uint64_t (*call)(struct vx_run *run, uint64_t fn, const uint64_t args[4], int *failed);
	/* Tell the engine that the program may now access [p, p + size) (checked interpreter). */
	void (*grant)(struct vx_run *run, void *p, size_t size, unsigned prot);
	/* Whether the program may read [p, p + size): for helpers that take untyped pointers. */
	int (*readable)(struct vx_run *run, const void *p, size_t size);
	void *engine;
};

extern __thread struct vx_run *vx_cur_run;

static inline void vx_run_grant(void *p, size_t size, unsigned prot)
{
	struct vx_run *run = vx_cur_run;

	if (run && run->grant && p)
		run->grant(run, p, size, prot);
}

/* Whether the running program may read [p, p + size); false when nobody can tell. */
static inline int vx_run_readable(const void *p, size_t size)
{
	struct vx_run *run = vx_cur_run;

	return run && run->readable && run->readable(run, p, size);
}

#endif /* VXBPF_RUN_PRIV_H */
