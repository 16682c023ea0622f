/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * vxbpf/verifier.h - the static verifier: proves a relocated XDP program safe before it runs.
 *
 * vx_verify() explores every path of the program as the kernel's verifier does (abstract
 * register and stack state, bounded loops by exploration with state pruning) and accepts it, or
 * rejects it naming the instruction and the reason ("insn 12: invalid access to packet, off=14
 * size=2, R2 range=14"). On acceptance it can hand back facts for the engines: which
 * instructions are memory accesses proven in bounds, and which loads read which xdp_md field.
 *
 * Policy, stricter than the kernel's root mode: reads of uninitialised stack bytes are refused;
 * no pointer value may leave the program (stored into a map value, the packet or a ring buffer
 * sample, passed as a helper's data, returned in r0, compared with other than NULL or the packet
 * end, truncated by 32-bit arithmetic). Under VX_HELPER_GUEST a spilled pointer may not be
 * partially overwritten either.
 */
#ifndef VXBPF_VERIFIER_H
#define VXBPF_VERIFIER_H

#include <stddef.h>
#include <stdint.h>

#include "vxbpf/error.h"

struct vx_prog;

/* Most instructions processed (over all paths) before a program is "too complex". */
#define VX_VERIFY_MAX_PROCESSED 1000000
/* Most abstract states kept for pruning at once. */
#define VX_VERIFY_MAX_STATES 65536
/* Most bytes those states and the branches waiting to be explored may hold. */
#define VX_VERIFY_MAX_STATE_BYTES (128u << 20)

struct vx_verify_opts {
	unsigned helper_class; /* VX_HELPER_TRUSTED (default when 0) or VX_HELPER_GUEST */
	char *log;	       /* optional: kernel-style log of the exploration (its tail kept) */
	size_t log_size;
	unsigned log_level;    /* 0: none; 1: the instructions processed with register states;
				* VX_VERIFY_LOG_STATS: only the last line (what the exploration cost) */
	unsigned long max_processed; /* a smaller budget of instructions (0: the default) */
};

#define VX_VERIFY_LOG_STATS 4 /* log_level: statistics only, as the kernel's BPF_LOG_STATS */

/* Per-instruction facts (insn_flags[i]). */
#define VX_VF_SEEN 0x01	    /* reached on some path */
#define VX_VF_MEM_SAFE 0x02 /* a load/store/atomic proven in bounds on every path */
#define VX_VF_CTX_LOAD 0x04 /* a load from the context: ctx_field[i] says which xdp_md field */
/*
 * Spectre v4: a stack store that, on some path, overwrites a spilled register or bytes never
 * written, or spills a pointer; the JIT puts a speculation barrier after it in guest programs
 * so that no later load can speculatively see the old bytes.
 */
#define VX_VF_NOSPEC 0x08

struct vx_verify_facts {
	size_t len;		 /* number of instruction slots */
	uint8_t *insn_flags;	 /* VX_VF_* per slot */
	int8_t *ctx_field;	 /* for VX_VF_CTX_LOAD: byte offset in struct xdp_md / 4; else -1 */
	unsigned long insns_processed;
	unsigned long states_stored;
	unsigned max_stack;	 /* deepest combined stack of a call chain, in bytes */
	/*
	 * Bytes below the frame pointer an engine must zero when it enters any function of the
	 * program (a multiple of 8, at most 512): some path reads stack bytes it never wrote,
	 * which the verifier accepts only as the zeros an engine put there. 0: no such read.
	 */
	unsigned zero_stack;
};

/*
 * Verify prog (its relocated instructions and map table). Returns 0 when accepted, -1 with *err
 * naming the instruction and the reason otherwise. When facts is not NULL, *facts receives a new
 * struct vx_verify_facts on success (vx_verify_facts_free() it), NULL on failure.
 * opts may be NULL (trusted class, no log).
 */
int vx_verify(const struct vx_prog *prog, const struct vx_verify_opts *opts,
	      struct vx_verify_facts **facts, struct vx_error *err);

void vx_verify_facts_free(struct vx_verify_facts *facts);

#endif /* VXBPF_VERIFIER_H */
