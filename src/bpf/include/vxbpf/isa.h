/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * vxbpf/isa.h - the eBPF instruction encoding (RFC 9669).
 *
 * Opcode fields, operation codes and the decoded instruction. Names carry a VX_ prefix so this
 * header can be included next to the kernel's <linux/bpf.h> (the kernel differential tests do).
 */
#ifndef VXBPF_ISA_H
#define VXBPF_ISA_H

#include <stddef.h>
#include <stdint.h>

/* Instruction classes: the low 3 bits of the opcode. */
#define VX_CLASS(code) ((code) & 0x07)
#define VX_LD 0x00
#define VX_LDX 0x01
#define VX_ST 0x02
#define VX_STX 0x03
#define VX_ALU 0x04
#define VX_JMP 0x05
#define VX_JMP32 0x06
#define VX_ALU64 0x07

/* Load and store: size (bits 3-4) and mode (bits 5-7). */
#define VX_SIZE(code) ((code) & 0x18)
#define VX_W 0x00
#define VX_H 0x08
#define VX_B 0x10
#define VX_DW 0x18
#define VX_MODE(code) ((code) & 0xe0)
#define VX_IMM 0x00
#define VX_ABS 0x20
#define VX_IND 0x40
#define VX_MEM 0x60
#define VX_MEMSX 0x80
#define VX_ATOMIC 0xc0

/* Arithmetic and jumps: source (bit 3) and operation (bits 4-7). */
#define VX_SRC(code) ((code) & 0x08)
#define VX_K 0x00
#define VX_X 0x08
#define VX_OP(code) ((code) & 0xf0)

#define VX_ADD 0x00
#define VX_SUB 0x10
#define VX_MUL 0x20
#define VX_DIV 0x30
#define VX_OR 0x40
#define VX_AND 0x50
#define VX_LSH 0x60
#define VX_RSH 0x70
#define VX_NEG 0x80
#define VX_MOD 0x90
#define VX_XOR 0xa0
#define VX_MOV 0xb0
#define VX_ARSH 0xc0
#define VX_END 0xd0

/* VX_END in class VX_ALU: the source bit picks the target byte order. */
#define VX_TO_LE 0x00
#define VX_TO_BE 0x08

#define VX_JA 0x00
#define VX_JEQ 0x10
#define VX_JGT 0x20
#define VX_JGE 0x30
#define VX_JSET 0x40
#define VX_JNE 0x50
#define VX_JSGT 0x60
#define VX_JSGE 0x70
#define VX_CALL 0x80
#define VX_EXIT 0x90
#define VX_JLT 0xa0
#define VX_JLE 0xb0
#define VX_JSLT 0xc0
#define VX_JSLE 0xd0

/* Atomic operations: held in imm of a VX_STX | VX_ATOMIC instruction. */
#define VX_FETCH 0x01
#define VX_XCHG (0xe0 | VX_FETCH)
#define VX_CMPXCHG (0xf0 | VX_FETCH)

/* src field of a VX_JMP | VX_CALL instruction. */
#define VX_CALL_HELPER 0
#define VX_CALL_LOCAL 1 /* imm: target relative to the next instruction */
#define VX_CALL_KFUNC 2

/* src field of an ld_imm64 (VX_LD | VX_IMM | VX_DW): what the 64-bit immediate means. */
#define VX_PSEUDO_NONE 0
#define VX_PSEUDO_MAP_FD 1
#define VX_PSEUDO_MAP_VALUE 2
#define VX_PSEUDO_BTF_ID 3
#define VX_PSEUDO_FUNC 4
#define VX_PSEUDO_MAP_IDX 5
#define VX_PSEUDO_MAP_IDX_VALUE 6

#define VX_LD_IMM64 (VX_LD | VX_IMM | VX_DW)

/* Registers: r0-r9 general purpose, r10 the read-only frame pointer. */
#define VX_NREGS 11
#define VX_REG_FP 10

/* One instruction slot, decoded. An ld_imm64 spans two slots; the second has code 0. */
struct vx_insn {
	uint8_t code;
	uint8_t dst;
	uint8_t src;
	int16_t off;
	int32_t imm;
};

/* Size in bytes of one encoded instruction slot. */
#define VX_INSN_SIZE 8

/* Decode one little-endian 8-byte slot. */
static inline struct vx_insn vx_insn_decode(const uint8_t b[VX_INSN_SIZE])
{
	struct vx_insn in = {
		.code = b[0],
		.dst = b[1] & 0x0f,
		.src = b[1] >> 4,
		.off = (int16_t)(uint16_t)(b[2] | b[3] << 8),
		.imm = (int32_t)((uint32_t)b[4] | (uint32_t)b[5] << 8 | (uint32_t)b[6] << 16 |
				 (uint32_t)b[7] << 24),
	};
	return in;
}

/* Encode one slot as 8 little-endian bytes. */
static inline void vx_insn_encode(const struct vx_insn *in, uint8_t b[VX_INSN_SIZE])
{
	uint16_t off = (uint16_t)in->off;
	uint32_t imm = (uint32_t)in->imm;

	b[0] = in->code;
	b[1] = (uint8_t)((in->dst & 0x0f) | (in->src & 0x0f) << 4);
	b[2] = (uint8_t)off;
	b[3] = (uint8_t)(off >> 8);
	b[4] = (uint8_t)imm;
	b[5] = (uint8_t)(imm >> 8);
	b[6] = (uint8_t)(imm >> 16);
	b[7] = (uint8_t)(imm >> 24);
}

/* The 64-bit immediate of an ld_imm64 whose first slot is in[0]. */
static inline uint64_t vx_insn_imm64(const struct vx_insn *in)
{
	return (uint64_t)(uint32_t)in[0].imm | (uint64_t)(uint32_t)in[1].imm << 32;
}

#endif /* VXBPF_ISA_H */
