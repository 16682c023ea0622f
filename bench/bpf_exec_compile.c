// SPDX-License-Identifier: BSD-2-Clause
/*
 * bpf_exec_compile.c - the JIT's compile time for a 4,000-instruction program (part of
 * bpf_exec). The program is built here in the shape of the corpus's parsers, repeated: context
 * loads, a packet bounds check, header loads and byte swaps, comparisons and forward branches,
 * stack stores and loads, ALU work including a division, a helper call, and a local call; the
 * context loads carry the facts the verifier would give. Timed: vx_jit_compile() alone (best
 * of 20), plain, with constant blinding, and with the guest class's full hardening.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "vxbpf/error.h"
#include "vxbpf/jit.h"

#define TARGET 4000
#define RUNS 20

struct gen {
	struct vx_insn *in;
	uint8_t *ctx;
	size_t n;
};

static void put(struct gen *g, uint8_t code, uint8_t dst, uint8_t src, int16_t off, int32_t imm)
{
	g->in[g->n] = (struct vx_insn){ .code = code, .dst = dst, .src = src, .off = off,
					.imm = imm };
	g->n++;
}

static void ctx_load(struct gen *g, uint8_t dst, int16_t field_off)
{
	g->ctx[g->n] = (uint8_t)(field_off + 1);
	put(g, VX_LDX | VX_MEM | VX_W, dst, 6, field_off, 0);
}

/* One parser-like block of 40 instructions; exits jump to the program's last instruction. */
static void block(struct gen *g, unsigned k, size_t out)
{
	size_t start = g->n;

	ctx_load(g, 2, 0);
	ctx_load(g, 3, 4);
	put(g, VX_ALU64 | VX_MOV | VX_X, 4, 2, 0, 0);
	put(g, VX_ALU64 | VX_ADD | VX_K, 4, 0, 0, 34 + (int32_t)(k % 8));
	put(g, VX_JMP | VX_JGT | VX_X, 4, 3, (int16_t)(out - g->n - 1), 0);
	put(g, VX_LDX | VX_MEM | VX_H, 7, 2, 12, 0);
	put(g, VX_ALU | VX_END | VX_TO_BE, 7, 0, 0, 16);
	put(g, VX_JMP | VX_JNE | VX_K, 7, 0, 4, 0x0800);
	put(g, VX_LDX | VX_MEM | VX_B, 5, 2, 23, 0);
	put(g, VX_ALU64 | VX_AND | VX_K, 5, 0, 0, 0xff);
	put(g, VX_STX | VX_MEM | VX_W, 10, 5, -8, 0);
	put(g, VX_ST | VX_MEM | VX_DW, 10, 0, -16, (int32_t)k);
	put(g, VX_LDX | VX_MEM | VX_W, 8, 2, 26, 0);
	put(g, VX_ALU | VX_END | VX_TO_BE, 8, 0, 0, 32);
	put(g, VX_ALU64 | VX_RSH | VX_K, 8, 0, 0, 8);
	put(g, VX_ALU64 | VX_MOV | VX_X, 0, 8, 0, 0);
	put(g, VX_ALU64 | VX_XOR | VX_X, 0, 7, 0, 0);
	put(g, VX_ALU64 | VX_MUL | VX_K, 0, 0, 0, 0x9e3779b1);
	put(g, VX_ALU64 | VX_RSH | VX_K, 0, 0, 0, 20);
	put(g, VX_ALU64 | VX_MOD | VX_K, 0, 0, 0, 1021);
	put(g, VX_STX | VX_MEM | VX_DW, 10, 0, -24, 0);
	put(g, VX_JMP | VX_JSGT | VX_K, 0, 0, 3, 1000);
	put(g, VX_ALU | VX_ADD | VX_K, 0, 0, 0, 7);
	put(g, VX_ALU64 | VX_LSH | VX_K, 0, 0, 0, 2);
	put(g, VX_ALU64 | VX_OR | VX_X, 0, 5, 0, 0);
	put(g, VX_LDX | VX_MEM | VX_DW, 9, 10, -16, 0);
	put(g, VX_ALU64 | VX_ADD | VX_X, 9, 0, 0, 0);
	put(g, VX_JMP32 | VX_JLT | VX_K, 9, 0, 2, 64);
	put(g, VX_ALU64 | VX_SUB | VX_K, 9, 0, 0, 64);
	put(g, VX_ALU64 | VX_MOV | VX_X, 1, 9, 0, 0);
	put(g, VX_JMP | VX_CALL, 0, 0, 0, 5); /* ktime_get_ns */
	put(g, VX_ALU64 | VX_ADD | VX_X, 0, 9, 0, 0);
	put(g, VX_ALU64 | VX_MOV | VX_X, 1, 0, 0, 0);
	put(g, VX_JMP | VX_CALL, 0, VX_CALL_LOCAL, 0, (int32_t)(out + 2 - g->n - 1));
	put(g, VX_ALU64 | VX_MOV | VX_K, 1, 0, 0, 0);
	put(g, VX_ALU64 | VX_ARSH | VX_K, 0, 0, 0, 3);
	put(g, VX_JMP | VX_JEQ | VX_X, 0, 1, 1, 0);
	put(g, VX_ALU | VX_NEG, 0, 0, 0, 0);
	put(g, VX_ALU64 | VX_MOV | VX_X, 1, 6, 0, 0);
	while (g->n < start + 40)
		put(g, VX_ALU64 | VX_ADD | VX_K, 0, 0, 0, 1);
}

/* A program of about TARGET instructions: blocks, an exit, and a small subprogram. */
static size_t build(struct gen *g)
{
	size_t nblocks = (TARGET - 8) / 40, out = 1 + nblocks * 40, k;

	put(g, VX_ALU64 | VX_MOV | VX_X, 6, 1, 0, 0);
	for (k = 0; k < nblocks; k++)
		block(g, (unsigned)k, out);
	put(g, VX_ALU64 | VX_MOV | VX_K, 0, 0, 0, 2); /* out: */
	put(g, VX_JMP | VX_EXIT, 0, 0, 0, 0);
	/* the subprogram: r0 = r1 * 3 + 1 */
	put(g, VX_ALU64 | VX_MOV | VX_X, 0, 1, 0, 0);
	put(g, VX_ALU64 | VX_MUL | VX_K, 0, 0, 0, 3);
	put(g, VX_ALU64 | VX_ADD | VX_K, 0, 0, 0, 1);
	put(g, VX_JMP | VX_EXIT, 0, 0, 0, 0);
	return g->n;
}

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static double best_compile(const struct gen *g, unsigned flags, size_t *code)
{
	struct vx_jit_opts o = { .flags = flags | VX_JIT_XDP_CTX, .ctx_field = g->ctx };
	struct vx_error err;
	double best = 1e9;
	int i;

	for (i = 0; i < RUNS; i++) {
		double t = now_ms();
		struct vx_jit *j = vx_jit_compile(g->in, g->n, NULL, &o, &err);

		t = now_ms() - t;
		if (!j) {
			printf("compile failed: insn %d: %s\n", err.insn, err.msg);
			return -1;
		}
		*code = vx_jit_code_size(j);
		vx_jit_free(j);
		if (t < best)
			best = t;
	}
	return best;
}

void bench_compile(void);

void bench_compile(void)
{
	static struct vx_insn in[TARGET + 64];
	static uint8_t ctx[TARGET + 64];
	struct gen g = { in, ctx, 0 };
	size_t code = 0;
	double t;

	if (!vx_jit_supported()) {
		printf("\ncompile time: skipped, no JIT on this host\n");
		return;
	}
	build(&g);
	printf("\ncompile time of a %zu-instruction parser-shaped program (best of %d) "
	       "[target < 5 ms]:\n", g.n, RUNS);
	t = best_compile(&g, 0, &code);
	printf("  plain                 %7.3f ms  %6zu bytes of code\n", t, code);
	t = best_compile(&g, VX_JIT_BLIND, &code);
	printf("  constant blinding     %7.3f ms  %6zu bytes of code\n", t, code);
	t = best_compile(&g, VX_JIT_BLIND | VX_JIT_HARDEN, &code);
	printf("  guest (blind+harden)  %7.3f ms  %6zu bytes of code\n", t, code);
}
