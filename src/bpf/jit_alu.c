// SPDX-License-Identifier: BSD-2-Clause
/*
 * jit_alu.c - code generation for the ALU and ALU64 classes: moves (sign-extending too),
 * arithmetic, division and modulo with the ISA's results for zero and -1 divisors, shifts,
 * byte order conversions. 32-bit operations use 32-bit x86 forms, which zero-extend.
 */
#ifdef __x86_64__
#include "jit_priv.h"

/* Group-1 extension and register-form opcode of ADD, SUB, OR, AND, XOR. */
static bool group1(uint8_t op, unsigned *ext, uint32_t *rr)
{
	switch (op) {
	case VX_ADD:
		*ext = 0, *rr = 0x01;
		return true;
	case VX_SUB:
		*ext = 5, *rr = 0x29;
		return true;
	case VX_OR:
		*ext = 1, *rr = 0x09;
		return true;
	case VX_AND:
		*ext = 4, *rr = 0x21;
		return true;
	case VX_XOR:
		*ext = 6, *rr = 0x31;
		return true;
	}
	return false;
}

static unsigned shift_ext(uint8_t op)
{
	return op == VX_LSH ? 4 : op == VX_RSH ? 5 : 7;
}

/* dst <<= / >>= src by cl; rcx is r4, so it is saved in r11 around the shift. */
static void shift_x(struct jit_ctx *c, bool w, unsigned ext, int dst, int src)
{
	unsigned f = w ? JF_W : 0;

	if (src == RCX) {
		emit_rr(c, f, 0xd3, (int)ext, dst);
		return;
	}
	emit_mov_rr(c, true, R11, RCX);
	emit_mov_rr(c, true, RCX, src);
	emit_rr(c, f, 0xd3, (int)ext, dst == RCX ? R11 : dst);
	emit_mov_rr(c, true, RCX, R11);
}

static void div_special(struct jit_ctx *c, bool w, bool mod, size_t *done)
{
	if (mod) {
		emit_rr(c, 0, 0x31, R11, R11); /* x % -1 == 0 */
	} else {
		emit_rr(c, w ? JF_W : 0, 0xf7, 3, RAX); /* x / -1 == -x, wrapping */
		emit_mov_rr(c, true, R11, RAX);
	}
	*done = emit_jcc8(c, -1);
}

/*
 * dst = dst / src or dst % src through rax:rdx (r0 and r3, saved in r9 and r10). The result
 * is built in r11: divisor 0 gives 0 (div) or the dividend (mod); signed -1 is done by hand.
 */
static void div_x(struct jit_ctx *c, bool w, bool mod, bool sgn, int dst, int src)
{
	unsigned f = w ? JF_W : 0;
	size_t zero, neg = 0, done1, done2 = 0;

	emit_mov_rr(c, w, R11, src);
	emit_mov_rr(c, true, R9, RAX);
	emit_mov_rr(c, true, R10, RDX);
	emit_mov_rr(c, w, RAX, dst == RAX ? R9 : dst == RDX ? R10 : dst);
	emit_rr(c, f, 0x85, R11, R11);
	zero = emit_jcc8(c, CC_E);
	if (sgn) {
		emit_alu_ri(c, w, 7, R11, -1);
		neg = emit_jcc8(c, CC_E);
		if (w)
			emit8(c, 0x48);
		emit8(c, 0x99); /* cqo / cdq */
		emit_rr(c, f, 0xf7, 7, R11);
	} else {
		emit_rr(c, 0, 0x31, RDX, RDX);
		emit_rr(c, f, 0xf7, 6, R11);
	}
	emit_mov_rr(c, true, R11, mod ? RDX : RAX);
	done1 = emit_jcc8(c, -1);
	if (sgn) {
		patch8(c, neg);
		div_special(c, w, mod, &done2);
	}
	patch8(c, zero);
	if (mod)
		emit_mov_rr(c, true, R11, RAX);
	else
		emit_rr(c, 0, 0x31, R11, R11);
	patch8(c, done1);
	if (sgn)
		patch8(c, done2);
	emit_mov_rr(c, true, RAX, R9);
	emit_mov_rr(c, true, RDX, R10);
	emit_mov_rr(c, true, dst, R11);
}

static void mov_x(struct jit_ctx *c, bool w, int16_t off, int dst, int src)
{
	unsigned f = w ? JF_W : 0;

	if (off == 8)
		emit_rr(c, f | JF_BYTE, 0x0fbe, dst, src);
	else if (off == 16)
		emit_rr(c, f, 0x0fbf, dst, src);
	else if (off == 32 && w)
		emit_rr(c, JF_W, 0x63, dst, src);
	else
		emit_mov_rr(c, w, dst, src);
}

/* dst op= src, src an x86 register. */
static void alu_x(struct jit_ctx *c, bool w, const struct vx_insn *in, int dst, int src)
{
	uint8_t op = VX_OP(in->code);
	unsigned ext;
	uint32_t rr;

	if (group1(op, &ext, &rr)) {
		emit_rr(c, w ? JF_W : 0, rr, src, dst);
		return;
	}
	switch (op) {
	case VX_MOV:
		mov_x(c, w, in->off, dst, src);
		return;
	case VX_MUL:
		emit_rr(c, w ? JF_W : 0, 0x0faf, dst, src);
		return;
	case VX_DIV:
	case VX_MOD:
		div_x(c, w, op == VX_MOD, in->off == 1, dst, src);
		return;
	default: /* shifts */
		shift_x(c, w, shift_ext(op), dst, src);
	}
}

/* dst op= imm, without blinding. */
static void alu_k(struct jit_ctx *c, bool w, const struct vx_insn *in, int dst)
{
	uint8_t op = VX_OP(in->code);
	unsigned ext;
	uint32_t rr;

	if (group1(op, &ext, &rr)) {
		emit_alu_ri(c, w, ext, dst, in->imm);
		return;
	}
	switch (op) {
	case VX_MOV:
		emit_mov_imm(c, w, dst, (uint64_t)(int64_t)in->imm);
		return;
	case VX_MUL:
		emit_rr(c, w ? JF_W : 0, 0x69, dst, dst);
		emit32(c, (uint32_t)in->imm);
		return;
	case VX_DIV:
	case VX_MOD:
		emit_mov_imm(c, w, R10, (uint64_t)(int64_t)in->imm);
		div_x(c, w, op == VX_MOD, in->off == 1, dst, R10);
		return;
	default:
		emit_rr(c, w ? JF_W : 0, 0xc1, (int)shift_ext(op), dst);
		emit8(c, (uint8_t)(in->imm & (w ? 63 : 31)));
	}
}

static void bswap(struct jit_ctx *c, bool w, int dst)
{
	uint8_t rex = (uint8_t)(0x40 | (w ? 8 : 0) | (dst >> 3));

	if (rex != 0x40)
		emit8(c, rex);
	emit8(c, 0x0f);
	emit8(c, (uint8_t)(0xc8 + (dst & 7)));
}

static int alu_end(struct jit_ctx *c, const struct vx_insn *in, int dst)
{
	bool swap = VX_CLASS(in->code) == VX_ALU64 || VX_SRC(in->code) == VX_TO_BE;

	if (in->imm != 16 && in->imm != 32 && in->imm != 64)
		return jit_fail(c, "invalid byte swap width %d", in->imm);
	if (in->imm == 16) {
		if (swap) {
			emit_rr(c, JF_66, 0xc1, 0, dst); /* rol dst16, 8 */
			emit8(c, 8);
		}
		emit_rr(c, 0, 0x0fb7, dst, dst);
	} else if (swap) {
		bswap(c, in->imm == 64, dst);
	} else if (in->imm == 32) {
		emit_mov_rr(c, false, dst, dst);
	}
	return 0;
}

int jit_alu(struct jit_ctx *c, const struct vx_insn *in)
{
	bool w = VX_CLASS(in->code) == VX_ALU64;
	uint8_t op = VX_OP(in->code);
	int dst = jit_reg(in->dst);

	if (op == VX_END)
		return alu_end(c, in, dst);
	if (op == VX_NEG) {
		emit_rr(c, w ? JF_W : 0, 0xf7, 3, dst);
		return 0;
	}
	if (op > VX_END)
		return jit_fail(c, "unknown ALU operation 0x%02x", op);
	if (VX_SRC(in->code) == VX_X) {
		alu_x(c, w, in, dst, jit_reg(in->src));
		return 0;
	}
	if (!jit_blind(c)) {
		alu_k(c, w, in, dst);
		return 0;
	}
	emit_blinded(c, R10, (uint64_t)(int64_t)in->imm, w);
	alu_x(c, w, in, dst, R10);
	return 0;
}
#endif /* __x86_64__ */
