// SPDX-License-Identifier: BSD-2-Clause
/*
 * jit_jmp.c - code generation for control flow: conditional and unconditional jumps, helper
 * calls (direct, the kernel's convention is SysV's), local calls, tail calls, exit, and the
 * prologue and epilogue every function of the program shares.
 */
#ifdef __x86_64__
#include "jit_priv.h"
#include "vxbpf/helper.h"

/* Registers a function saves: eBPF r10 (rbp) and r6-r9; r0-r5 belong to the caller. */
static const int saved_regs[] = { RBP, RBX, R13, R14, R15 };
#define NSAVED ((int)(sizeof(saved_regs) / sizeof(saved_regs[0])))

/*
 * Entered by a call (rsp = 8 mod 16): five pushes and the 512-byte frame leave rsp 16-byte
 * aligned for helper calls; r10 = rbp = the top of the frame.
 */
void jit_prologue(struct jit_ctx *c)
{
	int i;

	for (i = 0; i < NSAVED; i++)
		emit_push(c, saved_regs[i]);
	emit_alu_ri(c, true, 5, RSP, JIT_FRAME);
	emit_rm(c, JF_W, 0x8d, RBP, RSP, JIT_FRAME);
}

static void unwind(struct jit_ctx *c)
{
	int i;

	emit_mov_rr(c, true, RSP, RBP);
	for (i = NSAVED - 1; i >= 0; i--)
		emit_pop(c, saved_regs[i]);
}

void jit_epilogue(struct jit_ctx *c)
{
	unwind(c);
	emit8(c, 0xc3);
}

static int cond_cc(uint8_t op)
{
	switch (op) {
	case VX_JEQ:
		return CC_E;
	case VX_JGT:
		return CC_A;
	case VX_JGE:
		return CC_AE;
	case VX_JSET:
	case VX_JNE:
		return CC_NE;
	case VX_JSGT:
		return CC_G;
	case VX_JSGE:
		return CC_GE;
	case VX_JLT:
		return CC_B;
	case VX_JLE:
		return CC_BE;
	case VX_JSLT:
		return CC_L;
	case VX_JSLE:
		return CC_LE;
	}
	return -1;
}

static int target_of(struct jit_ctx *c, int64_t delta, size_t *t)
{
	int64_t to = (int64_t)c->cur + 1 + delta;

	if (to < 0 || (uint64_t)to >= c->len)
		return jit_fail(c, "branch out of range");
	*t = (size_t)to;
	return 0;
}

static int jmp_cond(struct jit_ctx *c, const struct vx_insn *in)
{
	bool w = VX_CLASS(in->code) == VX_JMP;
	unsigned f = w ? JF_W : 0;
	uint8_t op = VX_OP(in->code);
	int cc = cond_cc(op), dst = jit_reg(in->dst), src;
	size_t t = 0;

	if (cc < 0)
		return jit_fail(c, "unknown jump operation 0x%02x", op);
	if (target_of(c, in->off, &t))
		return -1;
	if (VX_SRC(in->code) == VX_K && !jit_blind(c)) {
		if (op == VX_JSET) {
			emit_rr(c, f, 0xf7, 0, dst);
			emit32(c, (uint32_t)in->imm);
		} else {
			emit_alu_ri(c, w, 7, dst, in->imm);
		}
	} else {
		src = jit_reg(in->src);
		if (VX_SRC(in->code) == VX_K) {
			emit_blinded(c, R10, (uint64_t)(int64_t)in->imm, w);
			src = R10;
		}
		emit_rr(c, f, op == VX_JSET ? 0x85 : 0x39, src, dst);
	}
	emit_jcc32(c, cc, c->addr[t]);
	return 0;
}

/*
 * bpf_tail_call(ctx, map, index): ask vx_jit_tail_target() for the target's code; when there is
 * one, unwind this function's frame and jump to it with r1 = ctx, so that its exit returns to
 * this function's caller. Otherwise fall through.
 */
static void tail_call(struct jit_ctx *c)
{
	size_t skip;

	emit_push(c, RDI);
	emit_push(c, RDI);
	emit_mov_rr(c, true, RDI, RSI);
	emit_mov_rr(c, true, RSI, RDX);
	emit_call_abs(c, (const void *)vx_jit_tail_target);
	emit_pop(c, RDI);
	emit_pop(c, RDI);
	emit_rr(c, JF_W, 0x85, RAX, RAX);
	skip = emit_jcc8(c, CC_E);
	unwind(c);
	emit_rr(c, 0, 0xff, 4, RAX); /* jmp rax */
	patch8(c, skip);
}

static int call(struct jit_ctx *c, const struct vx_insn *in)
{
	const struct vx_helper *h;
	size_t t = 0;

	if (in->src == VX_CALL_LOCAL) {
		if (target_of(c, in->imm, &t))
			return -1;
		if (!c->is_func[t])
			return jit_fail(c, "call to an instruction that is not a function");
		emit_call32(c, c->faddr[t]);
		return 0;
	}
	if (in->src != VX_CALL_HELPER || VX_SRC(in->code) != VX_K)
		return jit_fail(c, "unsupported call (register or kfunc call)");
	h = vx_helper_get((uint32_t)in->imm);
	if (!h)
		return jit_fail(c, "unknown helper %d", in->imm);
	if (h->flags & VX_HELPER_TAIL_CALL) {
		tail_call(c);
		return 0;
	}
	if (!h->fn)
		return jit_fail(c, "helper %s has no implementation", h->name);
	emit_call_abs(c, (const void *)h->fn);
	return 0;
}

int jit_jmp(struct jit_ctx *c, const struct vx_insn *in)
{
	size_t t = 0;

	switch (VX_OP(in->code)) {
	case VX_JA:
		if (target_of(c, VX_CLASS(in->code) == VX_JMP32 ? in->imm : in->off, &t))
			return -1;
		emit_jcc32(c, -1, c->addr[t]);
		return 0;
	case VX_CALL:
		return call(c, in);
	case VX_EXIT:
		jit_epilogue(c);
		return 0;
	default:
		return jmp_cond(c, in);
	}
}
#endif /* __x86_64__ */
