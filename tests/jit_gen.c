// SPDX-License-Identifier: BSD-2-Clause
/*
 * jit_gen.c - random programs that are safe by construction, for the JIT's differential tests
 * and fuzzer: ALU and ALU64 of every operation and width, stack loads, stores and atomics at
 * aligned offsets of 64 initialised bytes, forward conditional and unconditional jumps.
 */
#include <stdbool.h>

#include "jit_gen.h"

#define GEN_SLOTS 8   /* 8-byte stack slots the program uses, all initialised first */
#define GEN_UNITS 48  /* most body instructions */

struct gen {
	uint32_t (*rnd)(void *arg);
	void *arg;
	struct vx_insn *out;
	size_t n;
	size_t unit_start[GEN_UNITS + 1];
	int16_t jump_unit[GEN_UNITS]; /* -1, or the target unit of the jump in this unit */
};

static uint32_t rnd(struct gen *g, uint32_t bound)
{
	return bound ? g->rnd(g->arg) % bound : 0;
}

static int32_t imm32(struct gen *g)
{
	static const int32_t special[] = { 0, 1, -1, 2, 7, 31, 32, 63, 64, 0xff, 0x7fffffff,
					   INT32_MIN, 0x8000, -0x8000 };
	uint32_t k = rnd(g, 20);

	if (k < sizeof(special) / sizeof(special[0]))
		return special[k];
	return (int32_t)g->rnd(g->arg);
}

static uint64_t imm64(struct gen *g)
{
	uint32_t k = rnd(g, 6);

	if (k == 0)
		return (uint64_t)INT64_MIN;
	if (k == 1)
		return 0xffffffffull;
	if (k == 2)
		return (uint64_t)(int64_t)imm32(g);
	return (uint64_t)g->rnd(g->arg) << 32 | g->rnd(g->arg);
}

static void put(struct gen *g, uint8_t code, uint8_t dst, uint8_t src, int16_t off, int32_t imm)
{
	g->out[g->n++] = (struct vx_insn){ code, dst, src, off, imm };
}

static void ld_imm64(struct gen *g, uint8_t dst)
{
	uint64_t v = imm64(g);

	put(g, VX_LD_IMM64, dst, 0, 0, (int32_t)(uint32_t)v);
	put(g, 0, 0, 0, 0, (int32_t)(uint32_t)(v >> 32));
}

static uint8_t reg(struct gen *g)
{
	return (uint8_t)rnd(g, 10);
}

static void gen_end(struct gen *g, uint8_t dst)
{
	static const int32_t widths[] = { 16, 32, 64 };
	int32_t w = widths[rnd(g, 3)];

	switch (rnd(g, 3)) {
	case 0:
		put(g, VX_ALU | VX_END | VX_TO_LE, dst, 0, 0, w);
		return;
	case 1:
		put(g, VX_ALU | VX_END | VX_TO_BE, dst, 0, 0, w);
		return;
	default:
		put(g, VX_ALU64 | VX_END, dst, 0, 0, w);
	}
}

static void gen_alu(struct gen *g)
{
	static const uint8_t ops[] = { VX_ADD, VX_SUB, VX_MUL, VX_DIV, VX_OR, VX_AND, VX_LSH,
				       VX_RSH, VX_NEG, VX_MOD, VX_XOR, VX_MOV, VX_ARSH, VX_END };
	uint8_t op = ops[rnd(g, sizeof(ops))], dst = reg(g);
	bool w = rnd(g, 2), x = rnd(g, 2);
	uint8_t cls = w ? VX_ALU64 : VX_ALU;
	int16_t off = 0;

	if (op == VX_END)
		return gen_end(g, dst);
	if (op == VX_NEG)
		return put(g, cls | VX_NEG, dst, 0, 0, 0);
	if (op == VX_DIV || op == VX_MOD)
		off = (int16_t)rnd(g, 2);
	if (op == VX_MOV && x) {
		static const int16_t sx[] = { 0, 8, 16, 32 };

		off = sx[rnd(g, w ? 4 : 3)];
	}
	if (x)
		put(g, cls | op | VX_X, dst, reg(g), off, 0);
	else
		put(g, cls | op | VX_K, dst, 0, off, imm32(g));
}

/* An aligned offset for size bytes inside the initialised slots. */
static int16_t stack_off(struct gen *g, unsigned size)
{
	int slot = 1 + (int)rnd(g, GEN_SLOTS);

	return (int16_t)(-8 * slot + (int)(rnd(g, 8 / size) * size));
}

static void gen_mem(struct gen *g)
{
	static const uint8_t sizes[] = { VX_B, VX_H, VX_W, VX_DW };
	static const unsigned bytes[] = { 1, 2, 4, 8 };
	unsigned k = rnd(g, 4);
	int16_t off = stack_off(g, bytes[k]);

	switch (rnd(g, 4)) {
	case 0:
		put(g, VX_LDX | VX_MEM | sizes[k], reg(g), VX_REG_FP, off, 0);
		return;
	case 1:
		put(g, VX_LDX | (k == 3 ? VX_MEM : VX_MEMSX) | sizes[k], reg(g), VX_REG_FP, off, 0);
		return;
	case 2:
		put(g, VX_ST | VX_MEM | sizes[k], VX_REG_FP, 0, off, imm32(g));
		return;
	default:
		put(g, VX_STX | VX_MEM | sizes[k], VX_REG_FP, reg(g), off, 0);
	}
}

static void gen_atomic(struct gen *g)
{
	static const int32_t ops[] = { VX_ADD, VX_OR, VX_AND, VX_XOR, VX_ADD | VX_FETCH,
				       VX_OR | VX_FETCH, VX_AND | VX_FETCH, VX_XOR | VX_FETCH,
				       VX_XCHG, VX_CMPXCHG };
	bool dw = rnd(g, 2);

	put(g, VX_STX | VX_ATOMIC | (dw ? VX_DW : VX_W), VX_REG_FP, reg(g), stack_off(g, dw ? 8 : 4),
	    ops[rnd(g, 10)]);
}

static void gen_jump(struct gen *g, unsigned unit, unsigned units)
{
	static const uint8_t ops[] = { VX_JEQ, VX_JGT, VX_JGE, VX_JSET, VX_JNE, VX_JSGT,
				       VX_JSGE, VX_JLT, VX_JLE, VX_JSLT, VX_JSLE, VX_JA };
	uint8_t op = ops[rnd(g, sizeof(ops))];
	uint8_t cls = rnd(g, 2) ? VX_JMP : VX_JMP32;

	g->jump_unit[unit] = (int16_t)(unit + 1 + rnd(g, units - unit));
	if (op == VX_JA)
		put(g, cls | VX_JA, 0, 0, 0, 0);
	else if (rnd(g, 2))
		put(g, cls | op | VX_X, reg(g), reg(g), 0, 0);
	else
		put(g, cls | op | VX_K, reg(g), 0, 0, imm32(g));
}

static void gen_unit(struct gen *g, unsigned unit, unsigned units)
{
	unsigned k = rnd(g, 16);

	g->jump_unit[unit] = -1;
	if (k < 7)
		gen_alu(g);
	else if (k < 10)
		gen_mem(g);
	else if (k < 11)
		gen_atomic(g);
	else if (k < 15)
		gen_jump(g, unit, units);
	else
		ld_imm64(g, reg(g));
}

/* Jump offsets, once every unit's slot is known. */
static void patch_jumps(struct gen *g, unsigned units)
{
	unsigned u;

	for (u = 0; u < units; u++) {
		struct vx_insn *in = &g->out[g->unit_start[u]];
		long delta;

		if (g->jump_unit[u] < 0)
			continue;
		delta = (long)g->unit_start[g->jump_unit[u]] - (long)(g->unit_start[u] + 1);
		if (VX_CLASS(in->code) == VX_JMP32 && VX_OP(in->code) == VX_JA)
			in->imm = (int32_t)delta;
		else
			in->off = (int16_t)delta;
	}
}

static void prologue(struct gen *g)
{
	uint8_t r;
	int s;

	for (r = 0; r < 10; r++) {
		if (rnd(g, 2))
			ld_imm64(g, r);
		else
			put(g, (rnd(g, 2) ? VX_ALU64 : VX_ALU) | VX_MOV | VX_K, r, 0, 0, imm32(g));
	}
	for (s = 1; s <= GEN_SLOTS; s++)
		put(g, VX_STX | VX_MEM | VX_DW, VX_REG_FP, reg(g), (int16_t)(-8 * s), 0);
}

/* r0 ^= every register and every slot, so that any difference shows in r0. */
static void epilogue(struct gen *g)
{
	uint8_t r;
	int s;

	for (r = 1; r < 10; r++)
		put(g, VX_ALU64 | VX_XOR | VX_X, 0, r, 0, 0);
	for (s = 1; s <= GEN_SLOTS; s++) {
		put(g, VX_LDX | VX_MEM | VX_DW, 1, VX_REG_FP, (int16_t)(-8 * s), 0);
		put(g, VX_ALU64 | VX_XOR | VX_X, 0, 1, 0, 0);
	}
	put(g, VX_JMP | VX_EXIT, 0, 0, 0, 0);
}

size_t jit_gen_program(uint32_t (*rndf)(void *arg), void *arg, struct vx_insn *out)
{
	struct gen g = { .rnd = rndf, .arg = arg, .out = out };
	unsigned u, units;

	prologue(&g);
	units = 1 + rnd(&g, GEN_UNITS);
	for (u = 0; u < units; u++) {
		g.unit_start[u] = g.n;
		gen_unit(&g, u, units);
	}
	g.unit_start[units] = g.n;
	epilogue(&g);
	patch_jumps(&g, units);
	return g.n;
}
