// SPDX-License-Identifier: BSD-2-Clause
/* asm_table.c - the mnemonic table shared by the assembler and the disassembler. */
#include "asm_table.h"

#define ALU(n, op, o)                                          \
	{ n, VX_ALU64 | (op), VX_SHAPE_ALU, o, 0 },            \
	{ n "32", VX_ALU | (op), VX_SHAPE_ALU, o, 0 }

#define JCOND(n, op)                                           \
	{ n, VX_JMP | (op), VX_SHAPE_JCOND, 0, 0 },            \
	{ n "32", VX_JMP32 | (op), VX_SHAPE_JCOND, 0, 0 }

#define SWAP(n, code)                                          \
	{ n "16", code, VX_SHAPE_UNARY, 0, 16 },               \
	{ n "32", code, VX_SHAPE_UNARY, 0, 32 },               \
	{ n "64", code, VX_SHAPE_UNARY, 0, 64 }

#define MEM(shape, n, code)                                    \
	{ n "b", (code) | VX_B, shape, 0, 0 },                 \
	{ n "h", (code) | VX_H, shape, 0, 0 },                 \
	{ n "w", (code) | VX_W, shape, 0, 0 }

#define ATOMIC(n, op)                                          \
	{ "lock " n, VX_STX | VX_ATOMIC | VX_DW, VX_SHAPE_ATOMIC, 0, op }, \
	{ "lock " n "32", VX_STX | VX_ATOMIC | VX_W, VX_SHAPE_ATOMIC, 0, op }

/* The disassembler prints the first match, so preferred spellings come first. */
const struct vx_asm_op vx_asm_ops[] = {
	ALU("add", VX_ADD, 0),
	ALU("sub", VX_SUB, 0),
	ALU("mul", VX_MUL, 0),
	ALU("div", VX_DIV, 0),
	ALU("sdiv", VX_DIV, 1),
	ALU("or", VX_OR, 0),
	ALU("and", VX_AND, 0),
	ALU("lsh", VX_LSH, 0),
	ALU("rsh", VX_RSH, 0),
	ALU("mod", VX_MOD, 0),
	ALU("smod", VX_MOD, 1),
	ALU("xor", VX_XOR, 0),
	ALU("mov", VX_MOV, 0),
	ALU("arsh", VX_ARSH, 0),
	{ "neg", VX_ALU64 | VX_NEG | VX_K, VX_SHAPE_UNARY, 0, 0 },
	{ "neg32", VX_ALU | VX_NEG | VX_K, VX_SHAPE_UNARY, 0, 0 },
	{ "movsx864", VX_ALU64 | VX_MOV | VX_X, VX_SHAPE_ALU_REG, 8, 0 },
	{ "movsx1664", VX_ALU64 | VX_MOV | VX_X, VX_SHAPE_ALU_REG, 16, 0 },
	{ "movsx3264", VX_ALU64 | VX_MOV | VX_X, VX_SHAPE_ALU_REG, 32, 0 },
	{ "movsx832", VX_ALU | VX_MOV | VX_X, VX_SHAPE_ALU_REG, 8, 0 },
	{ "movsx1632", VX_ALU | VX_MOV | VX_X, VX_SHAPE_ALU_REG, 16, 0 },
	SWAP("le", VX_ALU | VX_END | VX_TO_LE),
	SWAP("be", VX_ALU | VX_END | VX_TO_BE),
	SWAP("bswap", VX_ALU64 | VX_END | VX_TO_LE),
	SWAP("swap", VX_ALU64 | VX_END | VX_TO_LE),

	{ "ja", VX_JMP | VX_JA, VX_SHAPE_JA, 0, 0 },
	{ "ja32", VX_JMP32 | VX_JA, VX_SHAPE_JA32, 0, 0 },
	JCOND("jeq", VX_JEQ),
	JCOND("jgt", VX_JGT),
	JCOND("jge", VX_JGE),
	JCOND("jset", VX_JSET),
	JCOND("jne", VX_JNE),
	JCOND("jsgt", VX_JSGT),
	JCOND("jsge", VX_JSGE),
	JCOND("jlt", VX_JLT),
	JCOND("jle", VX_JLE),
	JCOND("jslt", VX_JSLT),
	JCOND("jsle", VX_JSLE),
	{ "call", VX_JMP | VX_CALL | VX_K, VX_SHAPE_CALL, 0, 0 },
	{ "exit", VX_JMP | VX_EXIT, VX_SHAPE_EXIT, 0, 0 },

	MEM(VX_SHAPE_LDX, "ldx", VX_LDX | VX_MEM),
	{ "ldxdw", VX_LDX | VX_MEM | VX_DW, VX_SHAPE_LDX, 0, 0 },
	MEM(VX_SHAPE_LDX, "ldxs", VX_LDX | VX_MEMSX),
	MEM(VX_SHAPE_ST, "st", VX_ST | VX_MEM),
	{ "stdw", VX_ST | VX_MEM | VX_DW, VX_SHAPE_ST, 0, 0 },
	MEM(VX_SHAPE_STX, "stx", VX_STX | VX_MEM),
	{ "stxdw", VX_STX | VX_MEM | VX_DW, VX_SHAPE_STX, 0, 0 },

	ATOMIC("add", VX_ADD),
	ATOMIC("or", VX_OR),
	ATOMIC("and", VX_AND),
	ATOMIC("xor", VX_XOR),
	ATOMIC("fetch add", VX_ADD | VX_FETCH),
	ATOMIC("fetch or", VX_OR | VX_FETCH),
	ATOMIC("fetch and", VX_AND | VX_FETCH),
	ATOMIC("fetch xor", VX_XOR | VX_FETCH),
	ATOMIC("xchg", VX_XCHG),
	ATOMIC("cmpxchg", VX_CMPXCHG),

	{ "lddw", VX_LD_IMM64, VX_SHAPE_LDDW, 0, 0 },
	{ ".raw", 0, VX_SHAPE_RAW, 0, 0 },
};

const size_t vx_asm_nops = sizeof(vx_asm_ops) / sizeof(vx_asm_ops[0]);
