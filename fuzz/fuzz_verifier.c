// SPDX-License-Identifier: BSD-2-Clause
/*
 * fuzz_verifier.c - libFuzzer target for the verifier's soundness. The input drives a structured
 * generator of plausible XDP programs: scalars from the packet, map values and helpers, pushed
 * through random ALU operations and branch refinements (64- and 32-bit, signed and unsigned)
 * and then used as offsets into the stack, map values and the packet; packet parsing with
 * bounds checks; map lookups with and without NULL checks; spills and fills of scalars and
 * pointers; bounded loops; helper calls; atomics. Every program the verifier accepts runs in
 * the checked interpreter over a frame and map contents taken from the input. A fault in an
 * accepted program is a verifier bug: abort with the program.
 *
 * Where the host has the JIT, each accepted program is also compiled as vx_obj_prepare() does
 * for its class (guest: hardened, blinded) and run on the same frame and maps, right after the
 * host stack was filled with 0xaa: the JIT trusts the verifier's facts (no bounds checks on
 * accesses proven safe, frames zeroed only when the program reads unwritten stack), so a
 * wrong fact shows as a crash or as a result, packet or map content that differs from the
 * interpreter's (compared for guest programs, which may not store an address anywhere, unless
 * the program calls a helper whose result varies).
 *
 * The verifier's budget is capped (FUZZ_BUDGET instructions) so each input takes milliseconds.
 * At exit it prints how many programs were generated, accepted and rejected, with the most
 * common rejection reasons (FUZZ_VERIFIER_QUIET=1 silences it).
 */
#include <errno.h>
#include <linux/bpf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "prog_priv.h"
#include "vxbpf/asm.h"
#include "vxbpf/helper.h"
#include "vxbpf/jit.h"
#include "vxbpf/obj.h"
#include "vxbpf/map.h"
#include "vxbpf/prog.h"
#include "vxbpf/verifier.h"
#include "vxbpf/xdp.h"

#define MAX_INSNS 200
#define FUZZ_BUDGET 20000
#define VSIZE 64 /* value size of the fuzzer's maps */
#define NMAPS 3

enum { M_ARRAY, M_HASH, M_RDONLY };

struct gen {
	const uint8_t *in;
	size_t len, pos;
	struct vx_insn insns[MAX_INSNS + 64];
	size_t n;
	int exits[MAX_INSNS]; /* jumps to patch to the common exit */
	int nexits;
};

static unsigned take(struct gen *g, unsigned range)
{
	unsigned v = g->pos < g->len ? g->in[g->pos] : 0;

	g->pos++;
	return range ? v % range : v;
}

static int32_t take32(struct gen *g)
{
	uint32_t v = 0;
	int i;

	for (i = 0; i < 4; i++)
		v = v << 8 | take(g, 0);
	return (int32_t)v;
}

static bool full(const struct gen *g)
{
	return g->n >= MAX_INSNS;
}

static void emit(struct gen *g, uint8_t code, uint8_t dst, uint8_t src, int16_t off, int32_t imm)
{
	if (g->n < MAX_INSNS + 64)
		g->insns[g->n++] = (struct vx_insn){ code, dst, src, off, imm };
}

/* A conditional jump to the common exit (patched at the end). */
static void emit_exit_jmp(struct gen *g, uint8_t code, uint8_t dst, uint8_t src, int32_t imm)
{
	if (g->nexits < MAX_INSNS)
		g->exits[g->nexits++] = (int)g->n;
	emit(g, code, dst, src, 0, imm);
}

static void emit_map_ref(struct gen *g, uint8_t dst, int map)
{
	emit(g, VX_LD_IMM64, dst, VX_PSEUDO_MAP_IDX, 0, map);
	emit(g, 0, 0, 0, 0, 0);
}

static const uint8_t sizes[] = { VX_B, VX_H, VX_W, VX_DW };
static const int size_bytes[] = { 1, 2, 4, 8 };

static const int32_t imms[] = { 0, 1, 2, 3, 4, 7, 8, 14, 15, 16, 20, 31, 32, 34, 54, 63, 64,
				255, 256, 4095, -1, -2, -8, -16, -64, 0x7fffffff,
				(int32_t)0x80000000, (int32_t)0xffff0000 };
#define NIMMS (sizeof(imms) / sizeof(imms[0]))

static int32_t imm(struct gen *g)
{
	return take(g, 8) ? imms[take(g, NIMMS)] : take32(g);
}

/* The scalars the generator plays with: r7, r8, r9 survive helper calls. */
static uint8_t sreg(struct gen *g)
{
	return (uint8_t)(7 + take(g, 3));
}

/*
 * Mostly r7-r9; rarely any register but r10 and the context copy in r6 (which may be
 * uninitialised or a pointer: rejections, kept rare so long programs still pass).
 */
static uint8_t anyreg(struct gen *g)
{
	static const uint8_t regs[] = { 0, 1, 2, 3, 4, 5, 7, 8, 9 };

	if (take(g, 32))
		return sreg(g);
	return regs[take(g, sizeof(regs))];
}

/* r2 = data, r3 = data_end */
static void emit_pkt_ptrs(struct gen *g)
{
	emit(g, VX_LDX | VX_MEM | VX_W, 2, 6, 0, 0);
	emit(g, VX_LDX | VX_MEM | VX_W, 3, 6, 4, 0);
}

/* r0 = lookup(map, &key at fp-72 = k); maybe a NULL check to the exit. */
static void emit_lookup(struct gen *g, int map, bool check)
{
	emit(g, VX_ST | VX_MEM | VX_W, 10, 0, -72, (int32_t)take(g, 6));
	emit_map_ref(g, 1, map);
	emit(g, VX_ALU64 | VX_MOV | VX_X, 2, 10, 0, 0);
	emit(g, VX_ALU64 | VX_ADD | VX_K, 2, 0, 0, -72);
	emit(g, VX_JMP | VX_CALL, 0, 0, 0, 1);
	if (check)
		emit_exit_jmp(g, VX_JMP | VX_JEQ | VX_K, 0, 0, 0);
}

/* ---- scalar sources ---- */

static void gen_scalar_src(struct gen *g)
{
	uint8_t d = sreg(g);
	int sz = (int)take(g, 4);

	switch (take(g, 5)) {
	case 0: /* packet bytes, after a bounds check (else the exit) */
		emit_pkt_ptrs(g);
		emit(g, VX_ALU64 | VX_MOV | VX_X, 4, 2, 0, 0);
		emit(g, VX_ALU64 | VX_ADD | VX_K, 4, 0, 0, 16);
		emit_exit_jmp(g, VX_JMP | VX_JGT | VX_X, 4, 3, 0);
		emit(g, VX_LDX | VX_MEM | sizes[sz], d, 2, (int16_t)take(g, (unsigned)(17 - size_bytes[sz])), 0);
		break;
	case 1: /* a map value's bytes */
		emit_lookup(g, (int)take(g, NMAPS), true);
		emit(g, VX_LDX | VX_MEM | sizes[sz], d, 0,
		     (int16_t)(take(g, (unsigned)(VSIZE / size_bytes[sz])) * (unsigned)size_bytes[sz]), 0);
		break;
	case 2: /* helpers returning unknown scalars */
		emit(g, VX_JMP | VX_CALL, 0, 0, 0, take(g, 2) ? 7 : 5);
		emit(g, VX_ALU64 | VX_MOV | VX_X, d, 0, 0, 0);
		break;
	case 3: /* a context field */
		emit(g, VX_LDX | VX_MEM | VX_W, d, 6, (int16_t)(12 + 4 * take(g, 3)), 0);
		break;
	default:
		emit(g, (take(g, 2) ? VX_ALU64 : VX_ALU) | VX_MOV | VX_K, d, 0, 0, imm(g));
	}
}

/* ---- scalar arithmetic and refinement ---- */

static void gen_alu(struct gen *g)
{
	static const uint8_t ops[] = { VX_ADD, VX_SUB, VX_MUL, VX_DIV, VX_OR,  VX_AND, VX_LSH,
				       VX_RSH, VX_NEG, VX_MOD, VX_XOR, VX_MOV, VX_ARSH, VX_END };
	uint8_t op = ops[take(g, sizeof(ops))];
	uint8_t cls = take(g, 3) ? VX_ALU64 : VX_ALU;
	uint8_t d = anyreg(g);
	int32_t k = imm(g);

	if (op == VX_LSH || op == VX_RSH || op == VX_ARSH)
		k &= cls == VX_ALU64 ? 63 : 31;
	if (op == VX_NEG) {
		emit(g, cls | VX_NEG | VX_K, d, 0, 0, 0);
		return;
	}
	if (op == VX_END) {
		static const int32_t widths[] = { 16, 32, 64 };

		emit(g, VX_ALU | VX_END | (take(g, 2) ? VX_TO_BE : VX_TO_LE), d, 0, 0,
		     widths[take(g, 3)]);
		return;
	}
	if (op == VX_MOV && cls == VX_ALU64 && !take(g, 3)) { /* movsx */
		static const int16_t w[] = { 8, 16, 32 };

		emit(g, VX_ALU64 | VX_MOV | VX_X, d, sreg(g), w[take(g, 3)], 0);
		return;
	}
	if (take(g, 3))
		emit(g, cls | op | VX_K, d, 0, 0, k);
	else
		emit(g, cls | op | VX_X, d, anyreg(g), 0, 0);
}

static const uint8_t jops[] = { VX_JEQ, VX_JGT, VX_JGE, VX_JSET, VX_JNE, VX_JSGT, VX_JSGE,
				VX_JLT, VX_JLE, VX_JSLT, VX_JSLE };

/* A comparison that leaves for the exit on one side: the other side is refined. */
static void gen_refine(struct gen *g)
{
	uint8_t op = jops[take(g, sizeof(jops))];
	uint8_t cls = take(g, 3) ? VX_JMP : VX_JMP32;

	if (take(g, 4))
		emit_exit_jmp(g, cls | op | VX_K, sreg(g), 0, imm(g));
	else
		emit_exit_jmp(g, cls | op | VX_X, sreg(g), sreg(g), 0);
}

/* A short forward jump over what follows (random structure). */
static void gen_branch(struct gen *g)
{
	uint8_t op = jops[take(g, sizeof(jops))];
	uint8_t cls = take(g, 2) ? VX_JMP : VX_JMP32;
	int16_t off = (int16_t)take(g, 4);

	if (take(g, 2))
		emit(g, cls | op | VX_K, sreg(g), 0, off, imm(g));
	else
		emit(g, cls | op | VX_X, sreg(g), anyreg(g), off, 0);
}

/* ---- scalars used as offsets ---- */

static void gen_use(struct gen *g)
{
	uint8_t s = sreg(g);
	int sz = (int)take(g, 4);
	bool store = take(g, 3) == 0;
	int16_t off = (int16_t)((int)take(g, 16) - 8);
	static const int32_t masks[] = { 7, 15, 31, 63, 0x38, 0x30, 0x3c, 0xff, 0x1f8 };

	if (take(g, 2)) { /* bound it the way programs do, sometimes wrongly */
		emit(g, (take(g, 4) ? VX_ALU64 : VX_ALU) | VX_AND | VX_K, s, 0, 0,
		     masks[take(g, sizeof(masks) / sizeof(masks[0]))]);
	}
	switch (take(g, 3)) {
	case 0: /* stack: fp - 64 + s */
		emit(g, VX_ALU64 | VX_MOV | VX_X, 1, 10, 0, 0);
		emit(g, VX_ALU64 | VX_ADD | VX_K, 1, 0, 0, -64);
		emit(g, VX_ALU64 | VX_ADD | VX_X, 1, s, 0, 0);
		if (store)
			emit(g, VX_ST | VX_MEM | sizes[sz], 1, 0, off, imm(g));
		else
			emit(g, VX_LDX | VX_MEM | sizes[sz], sreg(g), 1, off, 0);
		break;
	case 1: /* a map value + s */
		emit_lookup(g, (int)take(g, NMAPS), take(g, 8) != 0);
		emit(g, VX_ALU64 | VX_ADD | VX_X, 0, s, 0, 0);
		if (store)
			emit(g, VX_STX | VX_MEM | sizes[sz], 0, sreg(g), off, 0);
		else
			emit(g, VX_LDX | VX_MEM | sizes[sz], sreg(g), 0, off, 0);
		break;
	default: /* the packet + s, checked against data_end first (or not) */
		emit_pkt_ptrs(g);
		emit(g, VX_ALU64 | VX_ADD | VX_X, 2, s, 0, 0);
		emit(g, VX_ALU64 | VX_MOV | VX_X, 4, 2, 0, 0);
		emit(g, VX_ALU64 | VX_ADD | VX_K, 4, 0, 0, (int32_t)take(g, 24));
		if (take(g, 8))
			emit_exit_jmp(g, VX_JMP | (take(g, 2) ? VX_JGT : VX_JGE) | VX_X, 4, 3, 0);
		if (store)
			emit(g, VX_STX | VX_MEM | sizes[sz], 2, sreg(g), off, 0);
		else
			emit(g, VX_LDX | VX_MEM | sizes[sz], sreg(g), 2, off, 0);
	}
}

/* r2 = data, r3 = data_end, a bounds check of K bytes jumping over the accesses. */
static void gen_pkt(struct gen *g)
{
	int32_t k = 1 + (int32_t)take(g, 64);
	int i, nacc = 1 + (int)take(g, 3);

	emit_pkt_ptrs(g);
	emit(g, VX_ALU64 | VX_MOV | VX_X, 4, 2, 0, 0);
	emit(g, VX_ALU64 | VX_ADD | VX_K, 4, 0, 0, k + (int32_t)take(g, 3) - 1);
	emit(g, VX_JMP | (take(g, 2) ? VX_JGT : VX_JGE) | VX_X, 4, 3, (int16_t)nacc, 0);
	for (i = 0; i < nacc; i++) {
		uint8_t sz = sizes[take(g, 4)];

		if (take(g, 3))
			emit(g, VX_LDX | VX_MEM | sz, sreg(g), 2, (int16_t)take(g, (unsigned)k), 0);
		else
			emit(g, VX_STX | VX_MEM | sz, 2, sreg(g), (int16_t)take(g, (unsigned)k), 0);
	}
}

/* Spills and fills: scalars, and pointers kept across other work. */
static void gen_spill(struct gen *g)
{
	int16_t slot = (int16_t)(-8 * (1 + (int)take(g, 8)));

	switch (take(g, 4)) {
	case 0: /* a scalar through the stack, maybe partially */
		emit(g, VX_STX | VX_MEM | sizes[take(g, 4)], 10, sreg(g), slot, 0);
		emit(g, VX_LDX | VX_MEM | sizes[take(g, 4)], sreg(g), 10, slot, 0);
		break;
	case 1: /* a checked packet pointer spilled, something else, filled and used */
		emit_pkt_ptrs(g);
		emit(g, VX_ALU64 | VX_MOV | VX_X, 4, 2, 0, 0);
		emit(g, VX_ALU64 | VX_ADD | VX_K, 4, 0, 0, 8);
		emit_exit_jmp(g, VX_JMP | VX_JGT | VX_X, 4, 3, 0);
		emit(g, VX_STX | VX_MEM | VX_DW, 10, 2, slot, 0);
		gen_alu(g);
		emit(g, VX_LDX | VX_MEM | VX_DW, 5, 10, slot, 0);
		emit(g, VX_LDX | VX_MEM | sizes[take(g, 4)], sreg(g), 5, (int16_t)take(g, 8), 0);
		break;
	case 2: /* a map value pointer spilled before its NULL check */
		emit_lookup(g, (int)take(g, NMAPS), false);
		emit(g, VX_STX | VX_MEM | VX_DW, 10, 0, slot, 0);
		emit(g, VX_LDX | VX_MEM | VX_DW, 1, 10, slot, 0);
		if (take(g, 8))
			emit_exit_jmp(g, VX_JMP | VX_JEQ | VX_K, 0, 0, 0);
		emit(g, VX_LDX | VX_MEM | sizes[take(g, 4)], sreg(g), 1, (int16_t)take(g, VSIZE), 0);
		break;
	default: /* plain stack writes and reads */
		if (take(g, 2))
			emit(g, VX_ST | VX_MEM | sizes[take(g, 4)], 10, 0, slot, imm(g));
		else
			emit(g, VX_LDX | VX_MEM | sizes[take(g, 4)], anyreg(g), 10, slot, 0);
	}
}

/* A bounded loop: r9 counts down; the body adds to r8 or reads the packet at r8. */
static void gen_loop(struct gen *g)
{
	emit(g, VX_ALU64 | VX_MOV | VX_K, 9, 0, 0, 1 + (int32_t)take(g, 8));
	if (take(g, 2)) {
		emit(g, VX_ALU64 | VX_ADD | VX_K, 8, 0, 0, (int32_t)take(g, 8));
		emit(g, VX_ALU64 | VX_SUB | VX_K, 9, 0, 0, 1);
		emit(g, VX_JMP | VX_JNE | VX_K, 9, 0, -3, 0);
		return;
	}
	/* for (r9 = N; r9; r9--) { r2 = data + r9; if (r2 + 1 > end) exit; r7 += *r2 } */
	emit_pkt_ptrs(g);
	emit(g, VX_ALU64 | VX_ADD | VX_X, 2, 9, 0, 0);
	emit(g, VX_ALU64 | VX_MOV | VX_X, 4, 2, 0, 0);
	emit(g, VX_ALU64 | VX_ADD | VX_K, 4, 0, 0, 1);
	emit_exit_jmp(g, VX_JMP | VX_JGT | VX_X, 4, 3, 0);
	emit(g, VX_LDX | VX_MEM | VX_B, 5, 2, 0, 0);
	emit(g, VX_ALU64 | VX_ADD | VX_X, 7, 5, 0, 0);
	emit(g, VX_ALU64 | VX_SUB | VX_K, 9, 0, 0, 1);
	emit(g, VX_JMP | VX_JNE | VX_K, 9, 0, -10, 0);
}

/* Map updates and deletes with stack keys and values, atomics on map values and the stack. */
static void gen_map_op(struct gen *g)
{
	int map = (int)take(g, NMAPS);

	switch (take(g, 3)) {
	case 0: /* not on the hash map (see fill_maps) */
		if (map == M_HASH)
			map = M_ARRAY;
		emit(g, VX_ST | VX_MEM | VX_W, 10, 0, -72, (int32_t)take(g, 6));
		emit_map_ref(g, 1, map);
		emit(g, VX_ALU64 | VX_MOV | VX_X, 2, 10, 0, 0);
		emit(g, VX_ALU64 | VX_ADD | VX_K, 2, 0, 0, -72);
		emit(g, VX_ALU64 | VX_MOV | VX_X, 3, 10, 0, 0);
		emit(g, VX_ALU64 | VX_ADD | VX_K, 3, 0, 0, -64);
		emit(g, VX_ALU64 | VX_MOV | VX_K, 4, 0, 0, (int32_t)take(g, 3));
		emit(g, VX_JMP | VX_CALL, 0, 0, 0, take(g, 4) ? 2 : 3);
		break;
	case 1:
		emit_lookup(g, map, take(g, 8) != 0);
		emit(g, VX_STX | VX_ATOMIC | (take(g, 2) ? VX_DW : VX_W), 0, sreg(g),
		     (int16_t)(8 * take(g, VSIZE / 8)), take(g, 2) ? VX_ADD : (VX_ADD | VX_FETCH));
		break;
	default:
		emit(g, VX_STX | VX_ATOMIC | VX_DW, 10, sreg(g), (int16_t)(-8 * (1 + (int)take(g, 8))),
		     take(g, 2) ? VX_XCHG : VX_ADD);
	}
}

static size_t generate(struct gen *g)
{
	int i, init;

	g->n = 0;
	g->nexits = 0;
	/* the stack the generator uses: initialised, or only its first slots (the rest reads
	 * as the zeros the engines must put there) */
	init = take(g, 2) ? 9 : (int)take(g, 10);
	emit(g, VX_ALU64 | VX_MOV | VX_X, 6, 1, 0, 0);
	for (i = 1; i <= init; i++)
		emit(g, VX_ST | VX_MEM | VX_DW, 10, 0, (int16_t)(-8 * i), 0);
	emit(g, VX_ALU64 | VX_MOV | VX_K, 7, 0, 0, 0);
	emit(g, VX_ALU64 | VX_MOV | VX_K, 8, 0, 0, 0);
	emit(g, VX_ALU64 | VX_MOV | VX_K, 9, 0, 0, 0);
	while (g->pos < g->len && !full(g)) {
		switch (take(g, 16)) {
		case 0: case 1: case 2:
			gen_scalar_src(g);
			break;
		case 3: case 4: case 5:
			gen_alu(g);
			break;
		case 6: case 7: case 8:
			gen_refine(g);
			break;
		case 9: case 10:
			gen_use(g);
			break;
		case 11:
			gen_pkt(g);
			break;
		case 12:
			gen_spill(g);
			break;
		case 13:
			gen_loop(g);
			break;
		case 14:
			gen_map_op(g);
			break;
		default:
			gen_branch(g);
		}
	}
	/* the common exit: r0 = XDP_PASS */
	for (i = 0; i < g->nexits; i++)
		g->insns[g->exits[i]].off = (int16_t)((int)g->n - g->exits[i] - 1);
	emit(g, VX_ALU64 | VX_MOV | VX_K, 0, 0, 0, 2);
	emit(g, VX_JMP | VX_EXIT, 0, 0, 0, 0);
	return g->n;
}

/* ---- maps, statistics, the run ---- */

static struct vx_map *maps[NMAPS];
static unsigned long n_inputs, n_invalid, n_accepted, n_rejected, n_runs, n_jit_runs;

#define NREASONS 24
/* Messages counted by their text with numbers blanked. */
struct tally {
	struct {
		char text[64];
		unsigned long n;
	} r[NREASONS];
};
static struct tally rejected, gaps;
static unsigned long n_gaps, n_policy, n_kernel_asked;

static void note_reason(struct tally *t, const char *msg)
{
	const char *p = strstr(msg, ": ");
	char key[64];
	size_t k = 0;
	int i;

	for (p = p ? p + 2 : msg; *p && k < sizeof(key) - 1; p++) {
		if (*p >= '0' && *p <= '9') {
			if (!k || key[k - 1] != '#')
				key[k++] = '#';
			continue;
		}
		key[k++] = *p;
	}
	key[k] = '\0';
	for (i = 0; i < NREASONS && t->r[i].n; i++)
		if (!strcmp(t->r[i].text, key)) {
			t->r[i].n++;
			return;
		}
	if (i < NREASONS) {
		snprintf(t->r[i].text, sizeof(t->r[i].text), "%s", key);
		t->r[i].n = 1;
	}
}

static void print_tally(const struct tally *t, const char *what)
{
	int i;

	for (i = 0; i < NREASONS && t->r[i].n; i++)
		fprintf(stderr, "fuzz_verifier:   %s %8lu  %s\n", what, t->r[i].n, t->r[i].text);
}

static void print_stats(void)
{
	if (getenv("FUZZ_VERIFIER_QUIET"))
		return;
	fprintf(stderr,
		"fuzz_verifier: %lu inputs, %lu programs not encodable, %lu accepted (%lu runs, no fault; %lu JIT runs, no difference), %lu rejected\n",
		n_inputs, n_invalid, n_accepted, n_runs, n_jit_runs, n_rejected);
	print_tally(&rejected, "rejected");
	if (!n_kernel_asked)
		return;
	fprintf(stderr,
		"fuzz_verifier: the kernel judged %lu rejected programs: %lu precision gaps (it accepts what we refuse as trusted), %lu policy refusals (docs/verifier.md)\n",
		n_kernel_asked, n_gaps, n_policy);
	print_tally(&gaps, "gap");
}

static void make_maps(void)
{
	struct vx_map_def a = { "arr", VX_MAP_ARRAY, 4, VSIZE, 4, 0 };
	struct vx_map_def h = { "hash", VX_MAP_HASH, 4, VSIZE, 4, 0 };
	struct vx_map_def r = { "ro", VX_MAP_ARRAY, 4, VSIZE, 2, VX_F_RDONLY_PROG };

	uint8_t v[VSIZE] = { 1, 2, 3 };
	uint32_t k;

	vx_rcu_thread_online();
	maps[M_ARRAY] = vx_map_create(&a, NULL);
	maps[M_HASH] = vx_map_create(&h, NULL);
	maps[M_RDONLY] = vx_map_create(&r, NULL);
	if (!maps[0] || !maps[1] || !maps[2])
		abort();
	for (k = 0; k < 2; k++)
		if (vx_map_update(maps[M_HASH], &k, v, VX_ANY))
			abort();
	atexit(print_stats);
}

/*
 * Map contents from the input: every value's bytes, written in place (hash elements are never
 * added or removed here, nor by the programs: freeing them is deferred, which libFuzzer's leak
 * check would take for leaks). Keys 0 and 1 of the hash map exist, 2..5 do not.
 */
static void fill_maps(const uint8_t *data, size_t size)
{
	uint8_t v[VSIZE];
	uint32_t k;
	size_t i;

	for (i = 0; i < VSIZE; i++)
		v[i] = size ? data[(i * 7 + 3) % size] : 0;
	for (k = 0; k < 4; k++) {
		uint8_t *e;

		v[0] = (uint8_t)(v[0] + k);
		vx_map_update(maps[M_ARRAY], &k, v, VX_ANY);
		if (k < 2)
			vx_map_update(maps[M_RDONLY], &k, v, VX_ANY);
		e = k < 2 ? vx_map_lookup_elem(maps[M_HASH], &k) : NULL;
		if (e)
			memcpy(e, v, VSIZE);
	}
}

static void report(const struct vx_prog *prog, const char *what, const char *msg)
{
	fprintf(stderr, "VERIFIER BUG: accepted program %s: %s\n", what, msg);
	vx_disasm(prog->insns, prog->len, stderr);
	abort();
}

/*
 * Precision gaps: a rejected program goes to the kernel's verifier (root, with maps of the same
 * definitions) when this process may load BPF; what the kernel accepts and we refuse even as a
 * trusted program is a gap, counted by our reason (and written to FUZZ_VERIFIER_GAPS/, when
 * set, one assembler file per reason). Refused only as a guest, or for a rule of guest policy 1
 * (no pointer leaves the program, both classes): a policy refusal.
 */
static int kmaps[NMAPS] = { -1, -1, -1 };
static bool kernel_off;

static long kbpf(int cmd, union bpf_attr *a)
{
	return syscall(__NR_bpf, cmd, a, sizeof(*a));
}

static bool kernel_maps(void)
{
	static const struct vx_map_def *defs[NMAPS];
	union bpf_attr a;
	int i;

	if (kmaps[0] >= 0 || kernel_off)
		return !kernel_off;
	for (i = 0; i < NMAPS; i++)
		defs[i] = vx_map_get_def(maps[i]);
	for (i = 0; i < NMAPS; i++) {
		memset(&a, 0, sizeof(a));
		a.map_type = defs[i]->type;
		a.key_size = defs[i]->key_size;
		a.value_size = defs[i]->value_size;
		a.max_entries = defs[i]->max_entries;
		a.map_flags = defs[i]->flags;
		kmaps[i] = (int)kbpf(BPF_MAP_CREATE, &a);
		if (kmaps[i] < 0) {
			kernel_off = true; /* no BPF here: no gap counting */
			return false;
		}
	}
	return true;
}

/* 1: the kernel accepts prog, 0: it refuses it, -1: it could not be asked. */
static int kernel_accepts(const struct vx_prog *prog)
{
	static struct bpf_insn k[MAX_INSNS + 64];
	union bpf_attr a;
	size_t j;
	int fd;

	if (getenv("FUZZ_VERIFIER_NO_KERNEL") || !kernel_maps() || prog->len > MAX_INSNS + 64)
		return -1;
	for (j = 0; j < prog->len; j++) {
		const struct vx_insn *in = &prog->insns[j];

		k[j] = (struct bpf_insn){ .code = in->code, .dst_reg = in->dst & 0xf,
					  .src_reg = in->src & 0xf, .off = in->off, .imm = in->imm };
		if (in->code == VX_LD_IMM64 && in->src == VX_PSEUDO_MAP_IDX) {
			k[j].src_reg = BPF_PSEUDO_MAP_FD;
			k[j].imm = in->imm >= 0 && in->imm < NMAPS ? kmaps[in->imm] : -1;
		}
	}
	memset(&a, 0, sizeof(a));
	a.prog_type = BPF_PROG_TYPE_XDP;
	a.insns = (uintptr_t)k;
	a.insn_cnt = (uint32_t)prog->len;
	a.license = (uintptr_t)"GPL";
	fd = (int)kbpf(BPF_PROG_LOAD, &a);
	if (fd >= 0) {
		close(fd);
		return 1;
	}
	if (errno == EPERM) {
		kernel_off = true;
		return -1;
	}
	return 0;
}

static void save_gap(const struct vx_prog *prog, const char *msg)
{
	const char *dir = getenv("FUZZ_VERIFIER_GAPS");
	char path[4096], name[64];
	size_t i, k = 0;
	FILE *f;

	if (!dir)
		return;
	for (i = 0; msg[i] && k < sizeof(name) - 1; i++)
		if ((msg[i] >= 'a' && msg[i] <= 'z') || (msg[i] >= 'A' && msg[i] <= 'Z'))
			name[k++] = msg[i];
	name[k] = '\0';
	snprintf(path, sizeof(path), "%s/%s.s", dir, name);
	if (access(path, F_OK) == 0)
		return; /* one example per reason */
	f = fopen(path, "w");
	if (!f)
		return;
	fprintf(f, "# kernel accepts, vxdp rejects: %s\n", msg);
	vx_disasm(prog->insns, prog->len, f);
	fclose(f);
}

/* Refusals docs/verifier.md documents as policy for both classes (no pointer leaves). */
static bool policy_refusal(const char *msg)
{
	static const char *const policy[] = {
		"leaks addr", "leaks its address", "pointer comparison prohibited",
		"byte swap of a pointer", "partial copy of pointer", "pointer arithmetic prohibited",
		"pointer -= pointer prohibited", "is not a known value",
	};
	size_t i;

	for (i = 0; i < sizeof(policy) / sizeof(policy[0]); i++)
		if (strstr(msg, policy[i]))
			return true;
	return false;
}

static void judge_rejected(struct vx_prog *prog, unsigned class, const char *msg)
{
	struct vx_verify_opts opts = { .helper_class = VX_HELPER_TRUSTED,
				       .max_processed = FUZZ_BUDGET };
	struct vx_error err;
	int k;

	if (strstr(msg, "program too complex"))
		return; /* our budget here is 2% of the kernel's: not comparable */
	k = kernel_accepts(prog);
	if (k < 0)
		return;
	n_kernel_asked++;
	if (k == 0)
		return;
	if (class == VX_HELPER_GUEST) {
		if (!vx_verify(prog, &opts, NULL, &err)) {
			n_policy++;
			return;
		}
		if (strstr(err.msg, "program too complex"))
			return;
	}
	if (class == VX_HELPER_GUEST)
		msg = err.msg;
	if (policy_refusal(msg)) {
		n_policy++;
		return;
	}
	n_gaps++;
	note_reason(&gaps, msg);
	save_gap(prog, msg);
}

/* What a run left behind: its result, the frame and every map value. */
struct outcome {
	uint64_t retval;
	int32_t action;
	uint32_t redirect_ifindex, redirect_flags;
	uint32_t data_off, data_len, meta_len;
	uint8_t buf[VX_XDP_FRAME_SIZE];
	uint8_t values[8][VSIZE];
};

static void outcome_take(struct outcome *o, const struct vx_xdp_frame *f,
			 const struct vx_xdp_result *res)
{
	static const int which[8] = { M_ARRAY, M_ARRAY, M_ARRAY, M_ARRAY, M_HASH, M_HASH,
				      M_RDONLY, M_RDONLY };
	uint32_t k;

	memset(o, 0, sizeof(*o));
	o->retval = res->retval;
	o->action = res->action;
	o->redirect_ifindex = res->redirect_ifindex;
	o->redirect_flags = res->redirect_flags;
	o->data_off = f->data_off;
	o->data_len = f->data_len;
	o->meta_len = f->meta_len;
	memcpy(o->buf + f->data_off - f->meta_len, f->buf + f->data_off - f->meta_len,
	       f->meta_len + f->data_len);
	for (k = 0; k < 8; k++) {
		uint32_t key = k < 4 ? k : k < 6 ? k - 4 : k - 6;
		const uint8_t *v = vx_map_lookup_elem(maps[which[k]], &key);

		if (v)
			memcpy(o->values[k], v, VSIZE);
	}
}

/* Helpers whose result differs from one run to the next: such programs are only run. */
static bool deterministic(const struct vx_prog *prog)
{
	size_t i;

	for (i = 0; i < prog->len; i++)
		if (prog->insns[i].code == (VX_JMP | VX_CALL) && !prog->insns[i].src &&
		    (prog->insns[i].imm == 5 || prog->insns[i].imm == 7))
			return false;
	return true;
}

/* Leave 0xaa over the host stack the JIT's frames are about to use. */
static __attribute__((noinline)) void dirty_stack(void)
{
	volatile uint8_t junk[16384];

	memset((void *)junk, 0xaa, sizeof(junk));
	__asm__ volatile("" : : "r"(junk) : "memory");
}


/* Where the JIT's outcome differs from the interpreter's, on stderr. */
static void explain(const struct outcome *got, const struct outcome *want)
{
	int k, i;

	fprintf(stderr, "r0: interpreter %llu, JIT %llu\n", (unsigned long long)want->retval,
		(unsigned long long)got->retval);
	for (k = 0; k < 8; k++)
		for (i = 0; i < VSIZE; i++)
			if (got->values[k][i] != want->values[k][i])
				fprintf(stderr, "map value %d byte %d: interpreter %02x, JIT %02x\n", k,
					i, want->values[k][i], got->values[k][i]);
	for (i = 0; i < VX_XDP_FRAME_SIZE; i++)
		if (got->buf[i] != want->buf[i])
			fprintf(stderr, "frame byte %d: interpreter %02x, JIT %02x\n", i,
				want->buf[i], got->buf[i]);
}

/* The same run under the JIT: the same outcome as the interpreter's, or a verifier bug. */
static void jit_run(struct vx_prog *prog, bool guest, const uint8_t *pkt, size_t plen,
		    const uint8_t *data, size_t size, const struct outcome *want)
{
	static uint8_t buf[VX_XDP_FRAME_SIZE];
	static struct outcome got;
	struct vx_xdp_frame frame;
	struct vx_xdp_result res;
	struct vx_error err;

	fill_maps(data, size);
	if (vx_xdp_frame_init(&frame, buf, pkt, (uint32_t)plen, &err))
		abort();
	dirty_stack();
	if (vx_xdp_run(prog, VX_ENGINE_JIT, &frame, &res, &err))
		report(prog, "faulted in the JIT", err.msg);
	n_jit_runs++;
	/* A trusted program may store an address (as root may in the kernel): the engines' frames
	 * and stacks differ, so only guest programs, which never leak one, must match. */
	if (!guest || !deterministic(prog))
		return;
	outcome_take(&got, &frame, &res);
	if (memcmp(&got, want, sizeof(got)))
		explain(&got, want);
	if (memcmp(&got, want, sizeof(got)))
		report(prog, "differs between the JIT and the interpreter",
		       got.retval != want->retval ? "r0" :
		       got.data_off != want->data_off || got.data_len != want->data_len ?
							    "frame bounds" :
		       memcmp(got.buf, want->buf, sizeof(got.buf)) ? "packet bytes" :
		       memcmp(got.values, want->values, sizeof(got.values)) ? "map values" :
										  "result");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static uint8_t buf[VX_XDP_FRAME_SIZE];
	struct gen g = { .in = data, .len = size };
	struct vx_prog prog = { .name = "fuzz", .section = "xdp", .maps = maps, .nmaps = NMAPS };
	struct vx_verify_opts opts = { .helper_class = VX_HELPER_GUEST,
				       .max_processed = FUZZ_BUDGET };
	struct vx_xdp_frame frame;
	struct vx_xdp_result res;
	struct vx_error err;
	static struct outcome want;
	uint8_t pkt[256];
	size_t plen;
	bool jit;
	int run;

	if (!maps[0])
		make_maps();
	if (size < 4)
		return 0;
	n_inputs++;
	g.pos = 2; /* data[0], data[1]: frame lengths */
	prog.insns = g.insns;
	prog.len = generate(&g);
	if (vx_check(prog.insns, prog.len, VX_CHECK_PSEUDO, &err)) {
		n_invalid++;
		return 0;
	}
	if (data[1] & 1)
		opts.helper_class = VX_HELPER_TRUSTED;
	if (getenv("FUZZ_VERIFIER_DUMP")) /* reproducing an input: the program, first */
		vx_disasm(prog.insns, prog.len, stderr);
	if (vx_verify(&prog, &opts, NULL, &err)) {
		n_rejected++;
		note_reason(&rejected, err.msg);
		judge_rejected(&prog, opts.helper_class, err.msg);
		return 0;
	}
	n_accepted++;
	jit = vx_jit_supported();
	if (jit && vx_prog_prepare(&prog, VX_ENGINE_JIT, opts.helper_class, &err))
		report(&prog, "not compiled", err.msg);
	/* Two frames: lengths from the input (short ones too), bytes from the input. */
	for (run = 0; run < 2; run++) {
		size_t i;

		plen = 14 + data[run] % (sizeof(pkt) - 14);
		for (i = 0; i < plen; i++)
			pkt[i] = data[(i * 13 + run) % size];
		fill_maps(data + run, size - (size_t)run);
		if (vx_xdp_frame_init(&frame, buf, pkt, (uint32_t)plen, &err))
			abort();
		if (vx_xdp_run(&prog, VX_ENGINE_INTERP, &frame, &res, &err))
			report(&prog, "faulted", err.msg);
		n_runs++;
		if (jit) {
			outcome_take(&want, &frame, &res);
			jit_run(&prog, opts.helper_class == VX_HELPER_GUEST, pkt, plen, data + run,
				size - (size_t)run, &want);
		}
		vx_rcu_quiescent();
	}
	vx_prog_unprepare(&prog);
	return 0;
}
