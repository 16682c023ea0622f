/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * vxbpf/interp.h - the checked interpreter: the engine's reference semantics.
 *
 * Runs a program that passed vx_check(). Every load and store is checked against the regions the
 * run may touch (its stack, 512 bytes a frame, and the regions in its vx_env); every register
 * read is checked to follow a write; at most VX_MAX_CALL_DEPTH frames; at most env->budget
 * instructions. A violation ends the run with an error naming the instruction; nothing a program
 * does can touch memory outside those regions or keep the caller waiting past its budget.
 */
#ifndef VXBPF_INTERP_H
#define VXBPF_INTERP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "vxbpf/error.h"
#include "vxbpf/isa.h"

#define VX_STACK_SIZE 512	  /* bytes of stack per frame */
#define VX_MAX_CALL_DEPTH 8	  /* frames, the entry function included */
#define VX_MAX_REGIONS 16	  /* memory regions besides the stack */
#define VX_DEFAULT_BUDGET (1u << 24) /* instructions per run */

#define VX_MEM_READ 0x1
#define VX_MEM_WRITE 0x2

struct vx_region {
	uintptr_t base;
	size_t size;
	unsigned prot; /* VX_MEM_READ | VX_MEM_WRITE */
};

struct vx_prog;
struct vx_run;

/* What one run may touch and spend. Set up with vx_env_init() and vx_env_add_region(). */
struct vx_env {
	struct vx_region regions[VX_MAX_REGIONS];
	unsigned nregions;
	uint64_t budget;   /* most instructions the run may execute */
	uint64_t executed; /* instructions the last run executed */
	unsigned helper_class; /* VX_HELPER_TRUSTED (default) or VX_HELPER_GUEST */
	/*
	 * The context: loads from [ctx, ctx + ctx_size) are answered by ctx_load (which may turn a
	 * 32-bit field into a 64-bit pointer, as the kernel's context rewriting does; sext is set
	 * for a sign-extending load, ldxs*); a nonzero return faults the load, stores there fault.
	 * NULL when the program has no context.
	 */
	void *ctx;
	uint32_t ctx_size;
	int (*ctx_load)(const void *ctx, uint32_t off, unsigned size, bool sext, uint64_t *val);
	/* The packet, read-write, between two live pointers (they move with adjust_head/tail). */
	uint8_t *const *pkt_start;
	uint8_t *const *pkt_end;
	struct vx_run *run; /* internal: the helpers' view of this run, or NULL */
};

void vx_env_init(struct vx_env *env);

/* Allow the run to access [base, base + size) with prot. Returns -1 when the table is full. */
int vx_env_add_region(struct vx_env *env, void *base, size_t size, unsigned prot);

/*
 * Run insns[0..len) with r1.. set from args[0..nargs) (nargs <= 5; other registers start
 * unwritten) and r10 at the top of a fresh stack. On success stores r0 in *ret and returns 0;
 * on a run-time violation returns -1 with *err naming the instruction.
 */
int vx_interp_run(const struct vx_insn *insns, size_t len, struct vx_env *env,
		  const uint64_t *args, unsigned nargs, uint64_t *ret, struct vx_error *err);

/*
 * Run a loaded program (its maps, subprograms, tail calls and callbacks) with r1 = r1 and the
 * context described in env. Returns 0 with r0 in *ret, or -1 with *err naming the fault.
 */
int vx_interp_run_prog(const struct vx_prog *prog, struct vx_env *env, uint64_t r1,
		       uint64_t *ret, struct vx_error *err);

#endif /* VXBPF_INTERP_H */
