/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * interp_priv.h - the checked interpreter's machine state, shared by its core (interp.c) and its
 * call machinery (interp_call.c: helpers, tail calls, callbacks).
 */
#ifndef VXBPF_INTERP_PRIV_H
#define VXBPF_INTERP_PRIV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "run_priv.h"
#include "vxbpf/interp.h"

#define R(n) (1u << (n))
#define ARG_REGS (R(1) | R(2) | R(3) | R(4) | R(5))
#define SAVED_REGS (R(6) | R(7) | R(8) | R(9))

#define VX_MAX_DYN 64	  /* memory granted at run time (map values, samples), most recent */
#define VX_MAX_SAMPLES 32  /* ring buffer samples reserved and not yet submitted */
#define VX_MAX_TAIL_CALLS 33

struct frame {
	uint64_t saved[4]; /* the caller's r6-r9 */
	uint64_t fp;	   /* the caller's r10 */
	uint16_t init;	   /* the caller's written-register mask */
	bool callback;	   /* this frame was entered by a helper calling back */
	size_t ret_pc;
	const struct vx_insn *insns; /* the caller's program (tail calls change programs) */
	size_t len;
	const struct vx_prog *prog;
};

struct vm {
	const struct vx_insn *insns;
	size_t len;
	const struct vx_prog *prog; /* NULL for raw programs */
	size_t pc;
	struct vx_env *env;
	struct vx_error *err;
	uint64_t reg[16]; /* 16 so that any 4-bit register field indexes inside */
	uint16_t init;	  /* bit n set: rn has been written */
	int depth;	  /* frames in use beyond the entry function's */
	int tail_calls;
	bool faulted;	  /* a fault inside a callback: unwind */
	struct frame frames[VX_MAX_CALL_DEPTH];
	struct vx_region dyn[VX_MAX_DYN];
	unsigned dyn_next;
	void *samples[VX_MAX_SAMPLES];
	unsigned nsamples;
	struct vx_run own_run;
	struct vx_run *run;
	uint8_t *stack_top;
	_Alignas(8) uint8_t stack[VX_MAX_CALL_DEPTH * VX_STACK_SIZE];
};

/* The host address of a checked access, or NULL when it is outside everything the run may use. */
void *vm_mem(struct vm *vm, uint64_t addr, uint64_t size, unsigned prot);
bool vm_in_stack(struct vm *vm, uint64_t addr);

/* Run until the entry function exits (1), a callback frame exits (2), or a fault (-1). */
int vm_loop(struct vm *vm);

/* Push a frame and jump to target; for local calls and callbacks. */
int vm_push_frame(struct vm *vm, size_t target, size_t ret_pc, bool callback);

/* Execute the call instruction at pc (helper, tail call). */
int vm_call_helper(struct vm *vm, const struct vx_insn *in);

/* The hooks helpers use (run_priv.h). */
uint64_t vm_run_call(struct vx_run *run, uint64_t fn, const uint64_t args[4], int *failed);
void vm_run_grant(struct vx_run *run, void *p, size_t size, unsigned prot);
int vm_run_readable(struct vx_run *run, const void *p, size_t size);

/*
 * End-of-run bookkeeping: outstanding ring buffer samples are discarded; when report is set
 * that is a fault (-1 with the error set).
 */
int vm_finish(struct vm *vm, bool report);

#endif /* VXBPF_INTERP_PRIV_H */
