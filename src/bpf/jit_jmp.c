// SPDX-License-Identifier: BSD-2-Clause
/*
 * jit_jmp.c - code generation for control flow: conditional and unconditional jumps, helper
 * calls (direct, the kernel's convention is SysV's), local calls, tail calls, exit, and the
 * prologue and epilogue every function of the program shares.
 */
#ifdef __x86_64__
#include "jit_priv.h"
#include "vxbpf/helper.h"

/* eBPF r6-r9 and the SAVE_* bit of their x86 registers. */
static const struct {
	int reg;
	uint8_t bit;
} callee_saved[] = { { RBX, SAVE_RBX }, { R13, SAVE_R13 }, { R14, SAVE_R14 }, { R15, SAVE_R15 } };
#define NCALLEE ((int)(sizeof(callee_saved) / sizeof(callee_saved[0])))

/* Which of r6-r9 the function starting at start uses: only those are saved and restored. */
uint8_t jit_func_saved(const struct jit_ctx *c, size_t start)
{
	uint8_t m = 0;
	size_t i;
	int n = 0, k;

	for (i = start; i < c->len && (i == start || !c->is_func[i]); i++) {
		const struct vx_insn *in = &c->insns[i];

		for (k = 0; k < NCALLEE; k++)
			if (in->dst == 6 + k || in->src == 6 + k)
				m |= callee_saved[k].bit;
		if (in->code == VX_LD_IMM64)
			i++;
	}
	for (k = 0; k < NCALLEE; k++)
		n += !!(m & callee_saved[k].bit);
	/* Entered with rsp = 8 mod 16: rbp and an odd count of other pushes would misalign. */
	return n % 2 ? m | SAVE_PAD : m;
}

/*
 * Entered by a call (rsp = 8 mod 16): rbp, the used r6-r9 registers (and a pad) are pushed,
 * then the 512-byte frame; rsp is 16-byte aligned for helper calls; r10 = rbp = the top of
 * the frame.
 */
/*
 * The program reads stack bytes it never wrote (the verifier's zero_stack): they must read as
 * zero, never as what an earlier call left on the host stack.
 */
static void zero_frame(struct jit_ctx *c)
{
	unsigned n = c->opts ? c->opts->zero_stack : 0, k;

	if (n > JIT_FRAME)
		n = JIT_FRAME;
	if (!n)
		return;
	emit_rr(c, 0, 0x31, AX_C, AX_C); /* xor r11d, r11d */
	for (k = 8; k <= n; k += 8)
		emit_rm(c, JF_W, 0x89, AX_C, RBP, -(int32_t)k);
}

void jit_prologue(struct jit_ctx *c)
{
	int k;

	emit_push(c, RBP);
	for (k = 0; k < NCALLEE; k++)
		if (c->saved & callee_saved[k].bit)
			emit_push(c, callee_saved[k].reg);
	if (c->saved & SAVE_PAD)
		emit_push(c, RAX);
	emit_alu_ri(c, true, 5, RSP, JIT_FRAME);
	emit_rm(c, JF_W, 0x8d, RBP, RSP, JIT_FRAME);
	zero_frame(c);
}

static void unwind(struct jit_ctx *c)
{
	int k;

	emit_mov_rr(c, true, RSP, RBP);
	if (c->saved & SAVE_PAD)
		emit_pop(c, R11);
	for (k = NCALLEE - 1; k >= 0; k--)
		if (c->saved & callee_saved[k].bit)
			emit_pop(c, callee_saved[k].reg);
	emit_pop(c, RBP);
}

void jit_epilogue(struct jit_ctx *c)
{
	unwind(c);
	emit8(c, 0xc3);
}

/*
 * Hardening: C calls a function (the program, a callback) through this, which keeps C's r12
 * and starts the function with an empty misspeculation mask. Calls inside the program go to
 * the body directly, so the mask follows the program's own calls and tail calls.
 */
void jit_trampoline(struct jit_ctx *c, size_t body)
{
	emit_push(c, SLH);
	emit_rr(c, 0, 0x31, SLH, SLH);
	emit_call32(c, body);
	emit_pop(c, SLH);
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
	size_t t = 0, skip;

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
	if (!jit_harden(c)) {
		emit_jcc32(c, cc, c->addr[t]);
		return 0;
	}
	/*
	 * Each edge records in r12 whether the flags contradict it (a mispredicted path): the
	 * taken edge goes through cmov<!cc>, the fall-through edge through cmov<cc>.
	 */
	skip = emit_jcc8(c, cc ^ 1);
	emit_poison_if(c, cc ^ 1);
	emit_jcc32(c, -1, c->addr[t]);
	patch8(c, skip);
	emit_poison_if(c, cc);
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
	if (jit_harden(c)) {
		emit_or_slh(c, RSI);
		emit_or_slh(c, RDX);
	}
	emit_mov_rr(c, true, RDI, RSI);
	emit_mov_rr(c, true, RSI, RDX);
	emit_call_abs(c, (const void *)vx_jit_tail_target);
	if (jit_harden(c)) /* the program array's bounds check is in C */
		emit_lfence(c);
	emit_pop(c, RDI);
	emit_pop(c, RDI);
	emit_rr(c, JF_W, 0x85, RAX, RAX);
	skip = emit_jcc8(c, CC_E);
	unwind(c);
	emit_rr(c, 0, 0xff, 4, RAX); /* jmp rax */
	patch8(c, skip);
}

/*
 * Hardened helper call: on a mispredicted path the arguments become all ones, so the helper
 * cannot read program-chosen memory there; a helper that returns memory it bounds-checked
 * itself (map lookups, ring buffer samples) is followed by a barrier, so no load uses the
 * result before its checks are resolved.
 */
static void harden_call(struct jit_ctx *c, const struct vx_helper *h)
{
	static const int args[5] = { RDI, RSI, RDX, RCX, R8 };
	int k;

	for (k = 0; k < 5 && h->args[k] != VX_ARG_NONE; k++)
		emit_or_slh(c, args[k]);
	emit_call_abs(c, (const void *)h->fn);
	if (h->ret == VX_RET_MAP_VALUE_OR_NULL || h->ret == VX_RET_MEM_OR_NULL)
		emit_lfence(c);
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
	if (jit_inline_lookup(c, h->id))
		return 0;
	if (!jit_harden(c)) {
		emit_call_abs(c, (const void *)h->fn);
		return 0;
	}
	harden_call(c, h);
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
