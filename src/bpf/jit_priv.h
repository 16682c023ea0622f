/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * jit_priv.h - the x86-64 JIT's compiler state, register mapping and the x86 encoder shared by
 * the code generators (jit_emit.c, jit_alu.c, jit_mem.c, jit_jmp.c) and the driver (jit.c).
 */
#ifndef VXBPF_JIT_PRIV_H
#define VXBPF_JIT_PRIV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "run_priv.h"
#include "vxbpf/error.h"
#include "vxbpf/isa.h"
#include "vxbpf/jit.h"

/* x86-64 register numbers. */
enum {
	RAX, RCX, RDX, RBX, RSP, RBP, RSI, RDI,
	R8, R9, R10, R11, R12, R13, R14, R15,
};

/* Scratch registers: never mapped to an eBPF register, caller-saved. */
#define AX_A R9
#define AX_B R10
#define AX_C R11

/* Encoding flags of one instruction. */
#define JF_W 0x1	   /* REX.W: 64-bit operand */
#define JF_66 0x2   /* operand-size prefix: 16-bit operand */
#define JF_BYTE 0x4 /* 8-bit register operands: force a REX so 4-7 mean spl..dil */
#define JF_LOCK 0x8 /* lock prefix */

/* x86 condition codes (the low nibble of jcc). */
#define CC_B 0x2
#define CC_AE 0x3
#define CC_E 0x4
#define CC_NE 0x5
#define CC_BE 0x6
#define CC_A 0x7
#define CC_L 0xc
#define CC_GE 0xd
#define CC_LE 0xe
#define CC_G 0xf

#define JIT_FRAME 512 /* bytes of eBPF stack per frame */

/* Callee-saved registers a function pushes besides rbp (eBPF r6-r9), and an alignment pad. */
#define SAVE_RBX 0x1
#define SAVE_R13 0x2
#define SAVE_R14 0x4
#define SAVE_R15 0x8
#define SAVE_PAD 0x10

/* Hardening: r12 is the misspeculation mask (0, or all ones on a mispredicted path). */
#define SLH R12
#define POISON_OFF 0 /* image offset of the 8 bytes of ones cmov loads into r12 */

struct vx_jit {
	void *image;
	size_t size;	/* code bytes */
	size_t mapped;	/* bytes mapped */
	uint64_t (*entry)(uint64_t r1, uint64_t r2); /* what C calls */
	const void *body; /* the main function's prologue: where tail calls jump */
	unsigned flags;
	const struct vx_jit *(*resolve)(const struct vx_prog *target, void *arg);
	void *resolve_arg;
};

struct jit_ctx {
	const struct vx_insn *insns;
	size_t len;
	const struct vx_prog *prog;
	const struct vx_jit_opts *opts;
	struct vx_error *err;
	uint8_t *buf;	 /* NULL while sizing */
	size_t cap;
	size_t pos;
	uintptr_t base;	 /* where buf will run (final pass) */
	uint32_t *addr;	 /* len + 1 entries: start of each instruction's body */
	uint32_t *faddr; /* len entries: start of a function's prologue, for function entries */
	uint32_t *taddr; /* len entries: a function's entry from C (hardened: a trampoline) */
	bool *is_func;
	bool *is_target; /* len entries: some jump lands here */
	uint8_t saved;	 /* the callee-saved registers the function being compiled uses (SAVE_*) */
	uint64_t seed;	 /* constant blinding */
	size_t cur;	 /* instruction being compiled */
	bool failed;
};

/* The run in progress on this thread, as the JIT's run-time helpers see it. */
struct jit_run {
	struct vx_run run;
	const struct vx_jit *root;
	int tail_calls;
};

/* eBPF register n's x86 register. */
int jit_reg(unsigned n);

/* The encoder (jit_emit.c). */
void emit8(struct jit_ctx *c, uint8_t b);
void emit32(struct jit_ctx *c, uint32_t v);
void emit64(struct jit_ctx *c, uint64_t v);
void emit_rr(struct jit_ctx *c, unsigned f, uint32_t op, int reg, int rm);
void emit_rm(struct jit_ctx *c, unsigned f, uint32_t op, int reg, int base, int32_t disp);
void emit_mov_rr(struct jit_ctx *c, bool w, int dst, int src);
void emit_mov_imm(struct jit_ctx *c, bool w, int dst, uint64_t v);
void emit_movabs(struct jit_ctx *c, int dst, uint64_t v);
void emit_alu_ri(struct jit_ctx *c, bool w, unsigned ext, int dst, int32_t imm);
void emit_push(struct jit_ctx *c, int r);
void emit_pop(struct jit_ctx *c, int r);
size_t emit_jcc8(struct jit_ctx *c, int cc); /* -1 cc: jmp; returns the rel8 position */
void patch8(struct jit_ctx *c, size_t at);
void emit_jcc8_back(struct jit_ctx *c, int cc, size_t target);
void emit_jcc32(struct jit_ctx *c, int cc, size_t target); /* -1 cc: jmp */
void emit_call32(struct jit_ctx *c, size_t target);
void emit_call_abs(struct jit_ctx *c, const void *fn);
/* Immediate in a scratch register, XORed with a key when blinding. */
void emit_blinded(struct jit_ctx *c, int dst, uint64_t v, bool w);
bool jit_blind(const struct jit_ctx *c);
bool jit_harden(const struct jit_ctx *c);
void emit_lfence(struct jit_ctx *c);
/* r12 = ones when condition cc holds (hardening: this path is a misprediction then). */
void emit_poison_if(struct jit_ctx *c, int cc);
/* dst |= r12 (64-bit). */
void emit_or_slh(struct jit_ctx *c, int dst);
int jit_fail(struct jit_ctx *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Code generation per instruction class; each returns 0 or -1 (ctx failed). */
int jit_alu(struct jit_ctx *c, const struct vx_insn *in);
int jit_ldx(struct jit_ctx *c, const struct vx_insn *in);
int jit_st(struct jit_ctx *c, const struct vx_insn *in);
int jit_atomic(struct jit_ctx *c, const struct vx_insn *in);
int jit_ld_imm64(struct jit_ctx *c, const struct vx_insn *in);
int jit_jmp(struct jit_ctx *c, const struct vx_insn *in);
void jit_prologue(struct jit_ctx *c);
void jit_epilogue(struct jit_ctx *c);
void jit_trampoline(struct jit_ctx *c, size_t body);
/* 1 when the helper call was compiled inline (jit_inline.c), 0 when it must be called. */
int jit_inline_lookup(struct jit_ctx *c, uint32_t helper);
uint8_t jit_func_saved(const struct jit_ctx *c, size_t start);

/* Run-time entries called from compiled code (jit_run.c). */
const void *vx_jit_tail_target(uint64_t map, uint64_t index);
uint64_t vx_jit_run_call(struct vx_run *run, uint64_t fn, const uint64_t args[4], int *failed);

#endif /* VXBPF_JIT_PRIV_H */
