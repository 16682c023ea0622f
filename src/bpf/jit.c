// SPDX-License-Identifier: BSD-2-Clause
/*
 * jit.c - the JIT's driver: finds the program's functions, lays the code out (a sizing pass,
 * then the final pass into the image at its real address), and manages the executable memory
 * (written read-write, then read-execute, never both).
 */
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/random.h>
#include <unistd.h>

#include "jit_priv.h"

#define CODE_PAD 16 /* bytes before the first function: 8 of ones (POISON_OFF), then int3 */
#define TRAMPOLINE_SIZE 13 /* push r12; xor r12d, r12d; call rel32; pop r12; ret */

bool vx_jit_supported(void)
{
#ifdef __x86_64__
	return true;
#else
	return false;
#endif
}

size_t vx_jit_code_size(const struct vx_jit *jit)
{
	return jit ? jit->size : 0;
}

void vx_jit_free(struct vx_jit *jit)
{
	if (!jit)
		return;
	if (jit->image)
		munmap(jit->image, jit->mapped);
	free(jit);
}

#ifdef __x86_64__
static int mark_func(struct jit_ctx *c, size_t i, int64_t delta)
{
	int64_t t = (int64_t)i + 1 + delta;

	if (t < 0 || (uint64_t)t >= c->len)
		return vx_error_set(c->err, (int)i, "jit: function out of range");
	c->is_func[t] = true;
	return 0;
}

/* Jump targets, for jit_inline.c's straight-line scans. */
static void mark_target(struct jit_ctx *c, size_t i, const struct vx_insn *in)
{
	uint8_t cls = VX_CLASS(in->code), op = VX_OP(in->code);
	int64_t t;

	if ((cls != VX_JMP && cls != VX_JMP32) || op == VX_CALL || op == VX_EXIT)
		return;
	t = (int64_t)i + 1 + (cls == VX_JMP32 && op == VX_JA ? in->imm : in->off);
	if (t >= 0 && (uint64_t)t < c->len)
		c->is_target[t] = true;
}

/* Function entries: instruction 0, local call targets, callback references. */
static int find_funcs(struct jit_ctx *c)
{
	size_t i;

	c->is_func[0] = true;
	for (i = 0; i < c->len; i++) {
		const struct vx_insn *in = &c->insns[i];

		if (in->code == (VX_JMP | VX_CALL) && in->src == VX_CALL_LOCAL &&
		    mark_func(c, i, in->imm))
			return -1;
		if (in->code == VX_LD_IMM64) {
			if (in->src == VX_PSEUDO_FUNC && mark_func(c, i, in->imm))
				return -1;
			i++;
		}
		mark_target(c, i, in);
	}
	return 0;
}

static int emit_insn(struct jit_ctx *c, const struct vx_insn *in)
{
	switch (VX_CLASS(in->code)) {
	case VX_ALU:
	case VX_ALU64:
		return jit_alu(c, in);
	case VX_JMP:
	case VX_JMP32:
		return jit_jmp(c, in);
	case VX_LDX:
		return jit_ldx(c, in);
	case VX_ST:
		return jit_st(c, in);
	case VX_STX:
		if (VX_MODE(in->code) == VX_ATOMIC)
			return jit_atomic(c, in);
		return jit_st(c, in);
	default:
		return jit_ld_imm64(c, in);
	}
}

/* Record an address; in the final pass it must equal the sizing pass's. */
static void set_addr(struct jit_ctx *c, uint32_t *slot)
{
	if (c->buf && *slot != c->pos)
		jit_fail(c, "internal: layout changed between passes");
	*slot = (uint32_t)c->pos;
}

/* A function's entries: from C (a trampoline when hardened), then its prologue. */
static void func_start(struct jit_ctx *c, size_t i)
{
	c->saved = jit_func_saved(c, i);
	if (jit_harden(c)) {
		set_addr(c, &c->taddr[i]);
		jit_trampoline(c, c->pos + TRAMPOLINE_SIZE);
	}
	set_addr(c, &c->faddr[i]);
	if (!jit_harden(c))
		c->taddr[i] = c->faddr[i];
	jit_prologue(c);
}

static int pass(struct jit_ctx *c)
{
	size_t i;

	c->pos = 0;
	while (c->pos < POISON_OFF + 8) /* hardening: the ones r12 takes on a mispredicted path */
		emit8(c, 0xff);
	while (c->pos < CODE_PAD)
		emit8(c, 0xcc);
	for (i = 0; i < c->len && !c->failed; i++) {
		c->cur = i;
		if (c->is_func[i])
			func_start(c, i);
		set_addr(c, &c->addr[i]);
		if (emit_insn(c, &c->insns[i]))
			break;
		if (jit_harden(c) && c->opts->barrier && c->opts->barrier[i])
			emit_lfence(c); /* Spectre v4: see vx_jit_opts.barrier */
		if (c->insns[i].code == VX_LD_IMM64)
			set_addr(c, &c->addr[++i]);
	}
	set_addr(c, &c->addr[c->len]);
	if (c->pos > UINT32_MAX / 2)
		jit_fail(c, "program too large");
	return c->failed ? -1 : 0;
}

static int alloc_ctx(struct jit_ctx *c)
{
	c->addr = calloc(c->len + 1, sizeof(*c->addr));
	c->faddr = calloc(c->len, sizeof(*c->faddr));
	c->taddr = calloc(c->len, sizeof(*c->taddr));
	c->is_func = calloc(c->len, sizeof(*c->is_func));
	c->is_target = calloc(c->len, sizeof(*c->is_target));
	if (!c->addr || !c->faddr || !c->taddr || !c->is_func || !c->is_target)
		return vx_error_set(c->err, -1, "jit: out of memory");
	if (jit_blind(c) && getrandom(&c->seed, sizeof(c->seed), 0) != sizeof(c->seed))
		return vx_error_set(c->err, -1, "jit: no randomness for constant blinding");
	return 0;
}

static void free_ctx(struct jit_ctx *c)
{
	free(c->addr);
	free(c->faddr);
	free(c->taddr);
	free(c->is_func);
	free(c->is_target);
}

/* Map RW, emit the final pass at the image's address, then make it RX. */
static int emit_image(struct jit_ctx *c, struct vx_jit *jit, size_t size)
{
	long page = sysconf(_SC_PAGESIZE);
	void *p;

	jit->mapped = (size + (size_t)page - 1) & ~((size_t)page - 1);
	p = mmap(NULL, jit->mapped, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED)
		return vx_error_set(c->err, -1, "jit: cannot map %zu bytes of code", jit->mapped);
	jit->image = p;
	memset(p, 0xcc, jit->mapped);
	c->buf = p;
	c->cap = size;
	c->base = (uintptr_t)p;
	if (pass(c))
		return -1;
	if (c->pos != size)
		return vx_error_set(c->err, -1, "jit: code size changed between passes");
	if (mprotect(p, jit->mapped, PROT_READ | PROT_EXEC))
		return vx_error_set(c->err, -1, "jit: cannot make the code executable");
	jit->size = size;
	jit->entry = (uint64_t (*)(uint64_t, uint64_t))((uint8_t *)p + c->taddr[0]);
	jit->body = (uint8_t *)p + c->faddr[0];
	return 0;
}

static int compile(struct jit_ctx *c, struct vx_jit *jit)
{
	if (alloc_ctx(c) || find_funcs(c) || pass(c))
		return -1;
	return emit_image(c, jit, c->pos);
}

struct vx_jit *vx_jit_compile(const struct vx_insn *insns, size_t len, const struct vx_prog *prog,
			      const struct vx_jit_opts *opts, struct vx_error *err)
{
	struct jit_ctx c = { .insns = insns, .len = len, .prog = prog, .opts = opts, .err = err };
	struct vx_jit *jit;

	vx_error_clear(err);
	if (!insns || !len)
		return vx_error_set(err, -1, "jit: empty program"), NULL;
	jit = calloc(1, sizeof(*jit));
	if (!jit)
		return vx_error_set(err, -1, "jit: out of memory"), NULL;
	if (opts) {
		jit->flags = opts->flags;
		jit->resolve = opts->resolve;
		jit->resolve_arg = opts->resolve_arg;
	}
	if (compile(&c, jit)) {
		vx_jit_free(jit);
		jit = NULL;
	}
	free_ctx(&c);
	return jit;
}
#else
struct vx_jit *vx_jit_compile(const struct vx_insn *insns, size_t len, const struct vx_prog *prog,
			      const struct vx_jit_opts *opts, struct vx_error *err)
{
	(void)insns, (void)len, (void)prog, (void)opts;
	vx_error_set(err, -1, "jit: only x86-64 hosts are supported; use the interpreter");
	return NULL;
}
#endif /* __x86_64__ */
