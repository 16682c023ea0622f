// SPDX-License-Identifier: BSD-2-Clause
/*
 * fuzz_verifier.c - libFuzzer target for the verifier's soundness: the input drives a structured
 * generator of XDP programs (packet parsing with bounds checks, map lookups with and without
 * NULL checks, stack spills and fills, ALU on mixed operands, forward and backward branches);
 * every program the verifier accepts then runs in the checked interpreter over a frame and map
 * contents taken from the input. A fault in an accepted program is a verifier bug: abort.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "prog_priv.h"
#include "vxbpf/asm.h"
#include "vxbpf/helper.h"
#include "vxbpf/map.h"
#include "vxbpf/prog.h"
#include "vxbpf/verifier.h"
#include "vxbpf/xdp.h"

#define MAX_INSNS 160

struct gen {
	const uint8_t *in;
	size_t len, pos;
	struct vx_insn insns[MAX_INSNS + 8];
	size_t n;
};

static unsigned take(struct gen *g, unsigned range)
{
	unsigned v = g->pos < g->len ? g->in[g->pos] : 0;

	g->pos++;
	return range ? v % range : v;
}

static void emit(struct gen *g, uint8_t code, uint8_t dst, uint8_t src, int16_t off, int32_t imm)
{
	if (g->n < MAX_INSNS + 8)
		g->insns[g->n++] = (struct vx_insn){ code, dst, src, off, imm };
}

static void emit_map_ref(struct gen *g, uint8_t dst, int map)
{
	emit(g, VX_LD_IMM64, dst, VX_PSEUDO_MAP_IDX, 0, map);
	emit(g, 0, 0, 0, 0, 0);
}

/* Registers the generator plays with; r10 and the context copy in r6 stay intact. */
static uint8_t reg(struct gen *g)
{
	static const uint8_t regs[] = { 0, 1, 2, 3, 4, 5, 7, 8, 9 };

	return regs[take(g, sizeof(regs))];
}

static const int32_t imms[] = { 0, 1, 2, 4, 7, 8, 14, 16, 20, 34, 54, 255, 256, -1, -8, -16,
				0x7fffffff, (int32_t)0x80000000 };

static void gen_alu(struct gen *g)
{
	static const uint8_t ops[] = { VX_ADD, VX_SUB, VX_MUL, VX_DIV, VX_OR,  VX_AND, VX_LSH,
				       VX_RSH, VX_NEG, VX_MOD, VX_XOR, VX_MOV, VX_ARSH };
	uint8_t op = ops[take(g, sizeof(ops))];
	uint8_t cls = take(g, 2) ? VX_ALU64 : VX_ALU;
	int32_t imm = imms[take(g, sizeof(imms) / sizeof(imms[0]))];

	if ((op == VX_LSH || op == VX_RSH || op == VX_ARSH))
		imm &= cls == VX_ALU64 ? 63 : 31;
	if (op == VX_NEG) {
		emit(g, cls | VX_NEG | VX_K, reg(g), 0, 0, 0);
		return;
	}
	if (take(g, 2))
		emit(g, cls | op | VX_K, reg(g), 0, 0, imm);
	else
		emit(g, cls | op | VX_X, reg(g), reg(g), 0, 0);
}

/* r2 = data, r3 = data_end, then a bounds check of K bytes jumping over the accesses. */
static void gen_pkt(struct gen *g)
{
	int32_t k = 1 + (int32_t)take(g, 64);
	uint8_t sizes[] = { VX_B, VX_H, VX_W, VX_DW };
	int i, nacc = 1 + (int)take(g, 3);

	emit(g, VX_LDX | VX_MEM | VX_W, 2, 6, 0, 0);
	emit(g, VX_LDX | VX_MEM | VX_W, 3, 6, 4, 0);
	emit(g, VX_ALU64 | VX_MOV | VX_X, 4, 2, 0, 0);
	emit(g, VX_ALU64 | VX_ADD | VX_K, 4, 0, 0, k + (int32_t)take(g, 3) - 1);
	emit(g, VX_JMP | (take(g, 2) ? VX_JGT : VX_JGE) | VX_X, 4, 3, (int16_t)nacc, 0);
	for (i = 0; i < nacc; i++) {
		uint8_t sz = sizes[take(g, 4)];

		if (take(g, 3))
			emit(g, VX_LDX | VX_MEM | sz, 5, 2, (int16_t)take(g, (unsigned)k), 0);
		else
			emit(g, VX_STX | VX_MEM | sz, 2, 5, (int16_t)take(g, (unsigned)k), 0);
	}
}

static void gen_stack(struct gen *g)
{
	int16_t off = (int16_t)(-8 * (1 + (int)take(g, 8)));
	uint8_t sizes[] = { VX_B, VX_H, VX_W, VX_DW };
	uint8_t sz = sizes[take(g, 4)];

	switch (take(g, 3)) {
	case 0:
		emit(g, VX_STX | VX_MEM | sz, 10, reg(g), off, 0);
		break;
	case 1:
		emit(g, VX_ST | VX_MEM | sz, 10, 0, off, imms[take(g, 8)]);
		break;
	default:
		emit(g, VX_LDX | VX_MEM | sz, reg(g), 10, off, 0);
	}
}

/* lookup(map, &key on stack); maybe a NULL check; then an access to the value. */
static void gen_map(struct gen *g)
{
	int map = (int)take(g, 2);
	bool check = take(g, 4) != 0;
	int16_t off = (int16_t)(take(g, 20) - 2);

	emit(g, VX_ST | VX_MEM | VX_W, 10, 0, -4, (int32_t)take(g, 4));
	emit_map_ref(g, 1, map);
	emit(g, VX_ALU64 | VX_MOV | VX_X, 2, 10, 0, 0);
	emit(g, VX_ALU64 | VX_ADD | VX_K, 2, 0, 0, -4);
	emit(g, VX_JMP | VX_CALL, 0, 0, 0, 1);
	if (check)
		emit(g, VX_JMP | VX_JEQ | VX_K, 0, 0, 1, 0);
	if (take(g, 2))
		emit(g, VX_LDX | VX_MEM | VX_DW, 7, 0, off, 0);
	else
		emit(g, VX_ST | VX_MEM | VX_W, 0, 0, off, 5);
}

static void gen_branch(struct gen *g)
{
	static const uint8_t ops[] = { VX_JEQ, VX_JGT, VX_JGE, VX_JSET, VX_JNE, VX_JSGT, VX_JSGE,
				       VX_JLT, VX_JLE, VX_JSLT, VX_JSLE };
	uint8_t op = ops[take(g, sizeof(ops))];
	uint8_t cls = take(g, 2) ? VX_JMP : VX_JMP32;
	int16_t off = (int16_t)take(g, 4);

	if (take(g, 2))
		emit(g, cls | op | VX_K, reg(g), 0, off, imms[take(g, 10)]);
	else
		emit(g, cls | op | VX_X, reg(g), reg(g), off, 0);
}

/* A bounded loop: r9 counts down from a small constant with a backward jump. */
static void gen_loop(struct gen *g)
{
	emit(g, VX_ALU64 | VX_MOV | VX_K, 9, 0, 0, 1 + (int32_t)take(g, 6));
	emit(g, VX_ALU64 | VX_ADD | VX_K, 8, 0, 0, 3);
	emit(g, VX_ALU64 | VX_SUB | VX_K, 9, 0, 0, 1);
	emit(g, VX_JMP | VX_JNE | VX_K, 9, 0, -3, 0);
}

static size_t generate(struct gen *g)
{
	g->n = 0;
	emit(g, VX_ALU64 | VX_MOV | VX_X, 6, 1, 0, 0);
	emit(g, VX_ALU64 | VX_MOV | VX_K, 0, 0, 0, 2);
	emit(g, VX_ALU64 | VX_MOV | VX_K, 7, 0, 0, 0);
	emit(g, VX_ALU64 | VX_MOV | VX_K, 8, 0, 0, 0);
	while (g->pos < g->len && g->n < MAX_INSNS - 16) {
		switch (take(g, 8)) {
		case 0:
		case 1:
			gen_alu(g);
			break;
		case 2:
			gen_pkt(g);
			break;
		case 3:
			gen_stack(g);
			break;
		case 4:
			gen_map(g);
			break;
		case 5:
		case 6:
			gen_branch(g);
			break;
		default:
			gen_loop(g);
		}
	}
	/* Make r0 a scalar action and end. */
	emit(g, VX_ALU64 | VX_AND | VX_K, 0, 0, 0, 3);
	emit(g, VX_JMP | VX_EXIT, 0, 0, 0, 0);
	return g->n;
}

static struct vx_map *maps[2];

static void make_maps(void)
{
	struct vx_map_def a = { "arr", VX_MAP_ARRAY, 4, 16, 4, 0 };
	struct vx_map_def h = { "hash", VX_MAP_HASH, 4, 16, 4, 0 };
	uint32_t k;
	uint8_t v[16] = { 1, 2, 3 };

	vx_rcu_thread_online();
	maps[0] = vx_map_create(&a, NULL);
	maps[1] = vx_map_create(&h, NULL);
	for (k = 0; k < 2; k++)
		vx_map_update(maps[1], &k, v, VX_ANY);
}

static void report(const struct vx_prog *prog, const char *what, const char *msg)
{
	fprintf(stderr, "VERIFIER BUG: accepted program %s: %s\n", what, msg);
	vx_disasm(prog->insns, prog->len, stderr);
	abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static uint8_t buf[VX_XDP_FRAME_SIZE];
	struct gen g = { .in = data, .len = size };
	struct vx_prog prog = { .name = "fuzz", .section = "xdp", .maps = maps, .nmaps = 2 };
	struct vx_verify_opts opts = { .helper_class = VX_HELPER_GUEST };
	struct vx_verify_facts *facts = NULL;
	struct vx_xdp_frame frame;
	struct vx_xdp_result res;
	struct vx_error err;
	uint8_t pkt[128];
	size_t plen;

	if (!maps[0])
		make_maps();
	if (size < 2)
		return 0;
	plen = 14 + data[0] % 100;
	prog.insns = g.insns;
	prog.len = generate(&g);
	if (vx_check(prog.insns, prog.len, VX_CHECK_PSEUDO, &err) ||
	    vx_verify(&prog, &opts, &facts, &err))
		return 0;
	vx_verify_facts_free(facts);
	memset(pkt, 0, sizeof(pkt));
	memcpy(pkt, data, size < plen ? size : plen);
	vx_xdp_frame_init(&frame, buf, pkt, (uint32_t)plen, NULL);
	if (vx_xdp_run(&prog, VX_ENGINE_INTERP, &frame, &res, &err))
		report(&prog, "faulted", err.msg);
	vx_rcu_quiescent();
	return 0;
}
