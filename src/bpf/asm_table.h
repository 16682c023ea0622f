/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * asm_table.h - the mnemonic table shared by the assembler and the disassembler (internal).
 *
 * One entry per mnemonic: its opcode, the shape of its operands and the fixed parts of the
 * encoding (off for sdiv/smod/movsx, imm for byte swaps and atomics). The assembler looks names
 * up here; the disassembler prints the first entry whose encoding matches a slot.
 */
#ifndef VXBPF_ASM_TABLE_H
#define VXBPF_ASM_TABLE_H

#include <stddef.h>
#include <stdint.h>

#include "vxbpf/isa.h"

enum vx_asm_shape {
	VX_SHAPE_ALU,	  /* op %rD, %rS | op %rD, imm; code is the VX_K form */
	VX_SHAPE_ALU_REG, /* op %rD, %rS only (movsx); code includes VX_X */
	VX_SHAPE_UNARY,	  /* op %rD (neg, byte swaps); imm fixed */
	VX_SHAPE_JA,	  /* ja target, offset in off */
	VX_SHAPE_JA32,	  /* ja32 target, offset in imm */
	VX_SHAPE_JCOND,	  /* op %rD, %rS|imm, target; code is the VX_K form */
	VX_SHAPE_CALL,	  /* call imm | call local target | call %rN */
	VX_SHAPE_EXIT,	  /* exit */
	VX_SHAPE_LDX,	  /* op %rD, [%rS+off] */
	VX_SHAPE_ST,	  /* op [%rD+off], imm */
	VX_SHAPE_STX,	  /* op [%rD+off], %rS */
	VX_SHAPE_ATOMIC,  /* lock op [%rD+off], %rS; imm fixed */
	VX_SHAPE_LDDW,	  /* lddw %rD, imm64 (two slots) */
	VX_SHAPE_RAW,	  /* .raw 0x<64-bit slot> */
};

struct vx_asm_op {
	const char *name;
	uint8_t code;
	uint8_t shape; /* enum vx_asm_shape */
	int16_t off;
	int32_t imm;
};

extern const struct vx_asm_op vx_asm_ops[];
extern const size_t vx_asm_nops;

#endif /* VXBPF_ASM_TABLE_H */
