// SPDX-License-Identifier: BSD-2-Clause
/*
 * jit_emit.c - the x86-64 instruction encoder of the JIT: prefixes, REX, ModRM/SIB, immediates,
 * moves, jumps and calls, and constant blinding.
 */
#ifdef __x86_64__
#include <stdarg.h>
#include <stdio.h>

#include "jit_priv.h"

/* eBPF r0-r10 -> x86: r1-r5 are the SysV argument registers, r6-r9 and r10 callee-saved. */
static const int reg_map[VX_NREGS] = { RAX, RDI, RSI, RDX, RCX, R8, RBX, R13, R14, R15, RBP };

int jit_reg(unsigned n)
{
	return reg_map[n < VX_NREGS ? n : 0];
}

int jit_fail(struct jit_ctx *c, const char *fmt, ...)
{
	char msg[VX_ERROR_MSG_MAX];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (!c->failed)
		vx_error_set(c->err, (int)c->cur, "jit: %s", msg);
	c->failed = true;
	return -1;
}

void emit8(struct jit_ctx *c, uint8_t b)
{
	if (c->buf) {
		if (c->pos >= c->cap) {
			jit_fail(c, "code size changed between passes");
			return;
		}
		c->buf[c->pos] = b;
	}
	c->pos++;
}

void emit32(struct jit_ctx *c, uint32_t v)
{
	int i;

	for (i = 0; i < 4; i++)
		emit8(c, (uint8_t)(v >> (8 * i)));
}

void emit64(struct jit_ctx *c, uint64_t v)
{
	emit32(c, (uint32_t)v);
	emit32(c, (uint32_t)(v >> 32));
}

static void emit_prefix(struct jit_ctx *c, unsigned f, int reg, int rm)
{
	uint8_t rex = 0x40;

	if (f & JF_LOCK)
		emit8(c, 0xf0);
	if (f & JF_66)
		emit8(c, 0x66);
	if (f & JF_W)
		rex |= 0x08;
	if (reg & 8)
		rex |= 0x04;
	if (rm & 8)
		rex |= 0x01;
	if (rex != 0x40 || ((f & JF_BYTE) && ((reg >= 4 && reg < 8) || (rm >= 4 && rm < 8))))
		emit8(c, rex);
}

static void emit_opcode(struct jit_ctx *c, uint32_t op)
{
	if (op > 0xff)
		emit8(c, (uint8_t)(op >> 8));
	emit8(c, (uint8_t)op);
}

/* op reg, rm (register direct). */
void emit_rr(struct jit_ctx *c, unsigned f, uint32_t op, int reg, int rm)
{
	emit_prefix(c, f, reg, rm);
	emit_opcode(c, op);
	emit8(c, (uint8_t)(0xc0 | (reg & 7) << 3 | (rm & 7)));
}

/* op reg, [base + disp]. */
void emit_rm(struct jit_ctx *c, unsigned f, uint32_t op, int reg, int base, int32_t disp)
{
	bool d8 = disp >= -128 && disp <= 127;

	emit_prefix(c, f, reg, base);
	emit_opcode(c, op);
	emit8(c, (uint8_t)((d8 ? 0x40 : 0x80) | (reg & 7) << 3 | (base & 7)));
	if ((base & 7) == RSP)
		emit8(c, 0x24);
	if (d8)
		emit8(c, (uint8_t)disp);
	else
		emit32(c, (uint32_t)disp);
}

void emit_mov_rr(struct jit_ctx *c, bool w, int dst, int src)
{
	emit_rr(c, w ? JF_W : 0, 0x89, src, dst);
}

void emit_movabs(struct jit_ctx *c, int dst, uint64_t v)
{
	emit8(c, (uint8_t)(0x48 | (dst >> 3)));
	emit8(c, (uint8_t)(0xb8 + (dst & 7)));
	emit64(c, v);
}

/* dst = v (w) or dst = (uint32_t)v zero-extended (!w), with the shortest encoding. */
void emit_mov_imm(struct jit_ctx *c, bool w, int dst, uint64_t v)
{
	if (!w || v <= UINT32_MAX) {
		if (dst & 8)
			emit8(c, 0x41);
		emit8(c, (uint8_t)(0xb8 + (dst & 7)));
		emit32(c, (uint32_t)v);
		return;
	}
	if ((int64_t)v == (int32_t)v) {
		emit_rr(c, JF_W, 0xc7, 0, dst);
		emit32(c, (uint32_t)v);
		return;
	}
	emit_movabs(c, dst, v);
}

/* Group-1 operation ext (0 add, 1 or, 4 and, 5 sub, 6 xor, 7 cmp) with an immediate. */
void emit_alu_ri(struct jit_ctx *c, bool w, unsigned ext, int dst, int32_t imm)
{
	if (imm >= -128 && imm <= 127) {
		emit_rr(c, w ? JF_W : 0, 0x83, (int)ext, dst);
		emit8(c, (uint8_t)imm);
		return;
	}
	emit_rr(c, w ? JF_W : 0, 0x81, (int)ext, dst);
	emit32(c, (uint32_t)imm);
}

void emit_push(struct jit_ctx *c, int r)
{
	if (r & 8)
		emit8(c, 0x41);
	emit8(c, (uint8_t)(0x50 + (r & 7)));
}

void emit_pop(struct jit_ctx *c, int r)
{
	if (r & 8)
		emit8(c, 0x41);
	emit8(c, (uint8_t)(0x58 + (r & 7)));
}

size_t emit_jcc8(struct jit_ctx *c, int cc)
{
	emit8(c, cc < 0 ? 0xeb : (uint8_t)(0x70 | cc));
	emit8(c, 0);
	return c->pos - 1;
}

void patch8(struct jit_ctx *c, size_t at)
{
	size_t d = c->pos - (at + 1);

	if (d > 127)
		jit_fail(c, "internal: short jump out of range");
	else if (c->buf)
		c->buf[at] = (uint8_t)d;
}

void emit_jcc8_back(struct jit_ctx *c, int cc, size_t target)
{
	emit8(c, cc < 0 ? 0xeb : (uint8_t)(0x70 | cc));
	emit8(c, (uint8_t)(int8_t)((int64_t)target - (int64_t)(c->pos + 1)));
}

static void emit_rel32(struct jit_ctx *c, size_t target)
{
	emit32(c, (uint32_t)(int32_t)((int64_t)target - (int64_t)(c->pos + 4)));
}

void emit_jcc32(struct jit_ctx *c, int cc, size_t target)
{
	if (cc < 0) {
		emit8(c, 0xe9);
	} else {
		emit8(c, 0x0f);
		emit8(c, (uint8_t)(0x80 | cc));
	}
	emit_rel32(c, target);
}

void emit_call32(struct jit_ctx *c, size_t target)
{
	emit8(c, 0xe8);
	emit_rel32(c, target);
}

/* call through r11: the image may lie further than 2 GiB from the library. */
void emit_call_abs(struct jit_ctx *c, const void *fn)
{
	emit_movabs(c, R11, (uint64_t)(uintptr_t)fn);
	emit_rr(c, 0, 0xff, 2, R11);
}

bool jit_harden(const struct jit_ctx *c)
{
	return c->opts && (c->opts->flags & VX_JIT_HARDEN);
}

void emit_lfence(struct jit_ctx *c)
{
	emit8(c, 0x0f);
	emit8(c, 0xae);
	emit8(c, 0xe8);
}

/* cmov<cc> r12, [rip -> the image's 8 bytes of ones]. */
void emit_poison_if(struct jit_ctx *c, int cc)
{
	emit8(c, 0x4c); /* REX.W REX.R: r12 */
	emit8(c, 0x0f);
	emit8(c, (uint8_t)(0x40 | cc));
	emit8(c, 0x25); /* ModRM: reg r12, rip-relative */
	emit32(c, (uint32_t)(int32_t)((int64_t)POISON_OFF - (int64_t)(c->pos + 4)));
}

void emit_or_slh(struct jit_ctx *c, int dst)
{
	emit_rr(c, JF_W, 0x09, SLH, dst);
}

bool jit_blind(const struct jit_ctx *c)
{
	return c->opts && (c->opts->flags & VX_JIT_BLIND);
}

static uint64_t splitmix(uint64_t x)
{
	x += 0x9e3779b97f4a7c15ull;
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
	x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
	return x ^ (x >> 31);
}

/*
 * dst = v (64-bit, or zero-extended 32-bit when !w). Blinded: dst = v ^ key, then dst ^= key,
 * with the key a function of the compile's seed and the instruction (equal in both passes).
 * A value that is a sign-extended 32-bit immediate (what ALU64, jump and store immediates are)
 * uses 32-bit immediates: sign extension commutes with XOR.
 */
void emit_blinded(struct jit_ctx *c, int dst, uint64_t v, bool w)
{
	uint64_t key = splitmix(c->seed ^ c->cur);
	uint32_t k32 = (uint32_t)key;

	if (!jit_blind(c)) {
		emit_mov_imm(c, w, dst, w ? v : (uint32_t)v);
		return;
	}
	if (!w || (int64_t)v == (int32_t)v) {
		if (w)
			emit_rr(c, JF_W, 0xc7, 0, dst); /* mov dst, simm32 */
		else
			emit_rr(c, 0, 0xc7, 0, dst);	/* mov dst32, imm32 */
		emit32(c, (uint32_t)v ^ k32);
		emit_rr(c, w ? JF_W : 0, 0x81, 6, dst); /* xor dst, (s)imm32 */
		emit32(c, k32);
		return;
	}
	emit_movabs(c, dst, v ^ key);
	emit_movabs(c, AX_A, key);
	emit_rr(c, JF_W, 0x31, AX_A, dst);
}
#endif /* __x86_64__ */
