/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * vxbpf/asm.h - text assembler and disassembler.
 *
 * The syntax is the one of the bpf_conformance suite: `mov %r0, 1`, `ldxw %r1, [%r2+4]`,
 * `lock fetch add [%r10-8], %r1`, `ja label` or `ja +3`, `call local label`, `call 5`,
 * labels as `name:`, `#` starts a comment. The disassembler prints the same syntax, with a label
 * `L<index>:` before every branch target, so its output assembles back to the same bytes.
 */
#ifndef VXBPF_ASM_H
#define VXBPF_ASM_H

#include <stddef.h>
#include <stdio.h>

#include "vxbpf/error.h"
#include "vxbpf/isa.h"

/*
 * Assemble the NUL-terminated text src into a newly allocated array of slots (*insns, free()
 * it) of length *len. On error returns -1 and fills *err, with err->line the 1-based source line.
 * The result is encoded exactly as written; run vx_check() on it before use.
 */
int vx_assemble(const char *src, struct vx_insn **insns, size_t *len, struct vx_error *err);

/*
 * Write the text of one instruction (slot i of insns[0..len)) to buf, without labels: branch
 * targets as `+N`/`-N`. Returns the number of slots it used (2 for ld_imm64, else 1).
 * Malformed slots print as `.raw 0x<16 hex digits>`, which the assembler accepts back.
 */
int vx_disasm_insn(const struct vx_insn *insns, size_t len, size_t i, char *buf, size_t size);

/* Write the whole program to out, one instruction a line, with `L<index>:` labels on targets. */
void vx_disasm(const struct vx_insn *insns, size_t len, FILE *out);

#endif /* VXBPF_ASM_H */
