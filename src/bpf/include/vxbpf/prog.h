/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * vxbpf/prog.h - decoding raw eBPF bytecode and rejecting malformed encodings.
 *
 * vx_decode() turns little-endian bytecode into instruction slots; vx_check() proves that every
 * slot is a well-formed RFC 9669 instruction: known opcode, reserved fields zero, registers in
 * range and r10 never written, ld_imm64 complete, and every jump and local call landing on an
 * instruction inside the program (never on the second half of an ld_imm64). It says nothing about
 * what the program does at run time; that is the verifier's job.
 */
#ifndef VXBPF_PROG_H
#define VXBPF_PROG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "vxbpf/error.h"
#include "vxbpf/isa.h"

/* Most instruction slots a program may have (the kernel's BPF_COMPLEXITY_LIMIT_INSNS). */
#define VX_MAX_INSNS 1000000

/* vx_check() flags. */
#define VX_CHECK_PSEUDO 0x1 /* accept ld_imm64 pseudo sources (maps, functions): loader input */

/*
 * Decode size bytes of bytecode into a newly allocated array of slots (*insns, free() it) and
 * its length (*len). Fails when size is 0, not a multiple of 8, or over VX_MAX_INSNS slots.
 */
int vx_decode(const uint8_t *buf, size_t size, struct vx_insn **insns, size_t *len,
	      struct vx_error *err);

/* Check that insns[0..len) is a well-formed program. Returns 0, or -1 with *err filled. */
int vx_check(const struct vx_insn *insns, size_t len, unsigned flags, struct vx_error *err);

/*
 * Jump or call target of the branch in slot i (i + 1 + offset), for jumps, ja32 and local
 * calls. Returns -1 for other instructions.
 */
long vx_branch_target(const struct vx_insn *insns, size_t i);

/* Whether two programs encode to the same bytes. */
bool vx_insns_equal(const struct vx_insn *a, size_t na, const struct vx_insn *b, size_t nb);

#endif /* VXBPF_PROG_H */
