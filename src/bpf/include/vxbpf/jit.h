/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * vxbpf/jit.h - the x86-64 JIT: eBPF programs compiled to native code.
 *
 * TRUST: compiled code performs NO run-time checks. Memory accesses, helper arguments, call
 * depth, loop bounds and register initialisation are all taken on trust: only give the JIT
 * programs that the verifier accepted (or, in tests, programs known to be safe). An unverified
 * program can crash or corrupt the process; the checked interpreter is the engine for those.
 *
 * Semantics match the checked interpreter bit for bit on every program it runs to completion
 * (division by zero, INT_MIN / -1, shift masking, 32-bit zero extension, atomics, byte swaps).
 * The stack is not zeroed: a verified program never reads stack it did not write.
 *
 * Hardening: code is written into an anonymous mapping while it is read-write, then made
 * read-execute before the first run (never writable and executable at once) and unmapped by
 * vx_jit_free(). With VX_JIT_BLIND set, every immediate of ALU, jump, store and ld_imm64
 * instructions is emitted XORed with a random key and decoded at run time in a scratch
 * register, so no program-chosen constant appears in executable memory. VX_JIT_HARDEN adds
 * the Spectre v1/v4 mitigations (docs/jit-hardening.md).
 *
 * Only x86-64 is supported: elsewhere vx_jit_supported() is false and vx_jit_compile() fails
 * with a message; callers fall back to the interpreter.
 */
#ifndef VXBPF_JIT_H
#define VXBPF_JIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "vxbpf/error.h"
#include "vxbpf/isa.h"

struct vx_prog;
struct vx_jit;

#define VX_JIT_MAX_BATCH 256

/* vx_jit_opts.flags */
#define VX_JIT_BLIND 0x1   /* constant blinding of immediates */
#define VX_JIT_XDP_CTX 0x2 /* r1 is a struct vx_xdp_ctx: helpers see it as the XDP context */
/*
 * Spectre hardening for untrusted (guest) programs, see docs/jit-hardening.md: speculative
 * load hardening (a misspeculation mask in r12, updated by every conditional branch, ORed
 * into every value loaded through a pointer and every address stored through one, and into
 * helper arguments), barriers after helpers that return memory and around tail calls, and the
 * Spectre v4 barriers listed in vx_jit_opts.barrier.
 */
#define VX_JIT_HARDEN 0x4

struct vx_jit_opts {
	unsigned flags;
	/*
	 * Context loads (the verifier's facts): for instruction i, 0 when it is not a context
	 * load, else the struct xdp_md field offset + 1. Such an `ldxw dst, [src + off]` becomes
	 * an 8-byte (data, data_end, data_meta) or 4-byte load of the struct vx_xdp_ctx field
	 * through src. NULL: no rewriting (raw programs). Must have len entries.
	 */
	const uint8_t *ctx_field;
	/*
	 * Tail calls: the compiled image of a program found in a program array, or NULL when it
	 * has none (the tail call then falls through, as a missing entry does). Called at run
	 * time, from the thread running the program; must not block. NULL: tail calls always
	 * fall through.
	 */
	const struct vx_jit *(*resolve)(const struct vx_prog *target, void *arg);
	void *resolve_arg;
	/*
	 * Spectre v4 (speculative store bypass): for instruction i, non-zero when a speculation
	 * barrier must follow it (the verifier's VX_VF_NOSPEC: a stack store that overwrites a
	 * spilled register or never-written bytes). Used with VX_JIT_HARDEN; NULL: none.
	 */
	const uint8_t *barrier;
	/*
	 * Bytes below the frame pointer every function zeroes on entry (the verifier's
	 * facts->zero_stack: the program reads stack it never wrote). 0: none.
	 */
	unsigned zero_stack;
};

/* Whether this build can compile programs (x86-64 hosts). */
bool vx_jit_supported(void);

/*
 * Compile insns[0..len) (they must pass vx_check(); prog gives the map table for ld_imm64
 * pseudo sources and may be NULL for raw programs; opts may be NULL). Returns NULL with *err
 * set on failure (unsupported instruction or helper, no JIT on this host, out of memory).
 */
struct vx_jit *vx_jit_compile(const struct vx_insn *insns, size_t len, const struct vx_prog *prog,
			      const struct vx_jit_opts *opts, struct vx_error *err);

void vx_jit_free(struct vx_jit *jit);

/* Run once with r1 = ctx; returns r0. */
uint64_t vx_jit_run(const struct vx_jit *jit, void *ctx);

/* Run once with r1 and r2 set (raw programs: memory and its length). Returns r0. */
uint64_t vx_jit_run2(const struct vx_jit *jit, uint64_t r1, uint64_t r2);

/*
 * Run over n contexts (n <= VX_JIT_MAX_BATCH), rets[i] = r0 of the run with r1 = ctxs[i].
 * One setup for the whole batch, then a tight C loop of direct calls into the image; each run
 * has its own tail call count.
 */
void vx_jit_run_batch(const struct vx_jit *jit, void *const *ctxs, unsigned n, uint64_t *rets);

/* Size in bytes of the compiled code (for tools and tests). */
size_t vx_jit_code_size(const struct vx_jit *jit);

struct vx_xdp_frame;
struct vx_xdp_result;

/*
 * vx_xdp_run() for a compiled XDP program (compile it with VX_JIT_XDP_CTX and the context load
 * facts): builds the context over frame, runs, updates frame and fills *res.
 */
void vx_jit_xdp_run(const struct vx_jit *jit, struct vx_xdp_frame *frame,
		    struct vx_xdp_result *res);

/*
 * vx_jit_xdp_run() over frames[0..n) (n <= VX_JIT_MAX_BATCH): contexts built in place, one
 * run setup for the burst, per-packet helper effects (redirect targets, adjusted heads and
 * tails) kept per frame. What vx_xdp_run_batch() calls for the JIT.
 */
void vx_jit_xdp_run_batch(const struct vx_jit *jit, struct vx_xdp_frame *frames, unsigned n,
			  struct vx_xdp_result *res);

#endif /* VXBPF_JIT_H */
