// SPDX-License-Identifier: BSD-2-Clause
/*
 * jit_mem.c - code generation for memory: loads (zero- and sign-extending), context loads
 * rewritten onto struct vx_xdp_ctx, stores, atomics (plain, fetch, xchg, cmpxchg) and ld_imm64
 * with its pseudo sources resolved at compile time.
 */
#ifdef __x86_64__
#include <stddef.h>

#include "jit_priv.h"
#include "prog_priv.h"
#include "vxbpf/map.h"
#include "vxbpf/xdp.h"
#include "xdp_priv.h"

/* The vx_xdp_ctx field behind an xdp_md offset: its offset and whether it is 8 bytes. */
static int ctx_field(uint32_t md_off, int32_t *off, bool *wide)
{
	uint32_t ctx_off;
	unsigned size;

	if (vx_xdp_ctx_field(md_off, &ctx_off, &size))
		return -1;
	*off = (int32_t)ctx_off;
	*wide = size == 8;
	return 0;
}

/*
 * ldxw (or ldxsw, for the 32-bit fields only) from struct xdp_md: a pointer field becomes a
 * 64-bit load (mov), a 32-bit field a zero-extending mov or a sign-extending movsxd.
 */
static int ctx_load(struct jit_ctx *c, const struct vx_insn *in, unsigned field)
{
	bool sext = VX_MODE(in->code) == VX_MEMSX;
	int32_t off;
	bool wide;

	if (VX_CLASS(in->code) != VX_LDX || VX_SIZE(in->code) != VX_W)
		return jit_fail(c, "context access fact on an instruction that is not ldxw/ldxsw");
	if (ctx_field(field, &off, &wide))
		return jit_fail(c, "invalid context field at offset %u", field);
	if (sext && wide)
		return jit_fail(c, "sign-extending load of the pointer field at offset %u", field);
	emit_rm(c, wide || sext ? JF_W : 0, sext ? 0x63 : 0x8b, jit_reg(in->dst),
		jit_reg(in->src), off);
	if (jit_harden(c))
		emit_or_slh(c, jit_reg(in->dst));
	return 0;
}

int jit_ldx(struct jit_ctx *c, const struct vx_insn *in)
{
	static const uint32_t zx[4] = { 0x8b, 0x0fb7, 0x0fb6, 0x8b };
	static const uint32_t sx[4] = { 0x63, 0x0fbf, 0x0fbe, 0 };
	unsigned sz = VX_SIZE(in->code) >> 3;
	bool msx = VX_MODE(in->code) == VX_MEMSX;
	const uint8_t *facts = c->opts ? c->opts->ctx_field : NULL;

	if (facts && facts[c->cur])
		return ctx_load(c, in, facts[c->cur] - 1u);
	if (VX_MODE(in->code) != VX_MEM && !msx)
		return jit_fail(c, "unsupported load mode 0x%02x", VX_MODE(in->code));
	if (msx && !sx[sz])
		return jit_fail(c, "invalid sign-extending load");
	emit_rm(c, msx || sz == 3 ? JF_W : 0, msx ? sx[sz] : zx[sz], jit_reg(in->dst),
		jit_reg(in->src), in->off);
	/* Hardening: a value loaded on a mispredicted path becomes all ones (not through r10:
	 * the frame is the program's own, at constant offsets). */
	if (jit_harden(c) && in->src != VX_REG_FP)
		emit_or_slh(c, jit_reg(in->dst));
	return 0;
}

static void store_reg(struct jit_ctx *c, uint8_t size, int base, int16_t off, int src)
{
	switch (size) {
	case VX_B:
		emit_rm(c, JF_BYTE, 0x88, src, base, off);
		return;
	case VX_H:
		emit_rm(c, JF_66, 0x89, src, base, off);
		return;
	case VX_W:
		emit_rm(c, 0, 0x89, src, base, off);
		return;
	default:
		emit_rm(c, JF_W, 0x89, src, base, off);
	}
}

static void store_imm(struct jit_ctx *c, uint8_t size, int base, int16_t off, int32_t imm)
{
	switch (size) {
	case VX_B:
		emit_rm(c, 0, 0xc6, 0, base, off);
		emit8(c, (uint8_t)imm);
		return;
	case VX_H:
		emit_rm(c, JF_66, 0xc7, 0, base, off);
		emit8(c, (uint8_t)imm);
		emit8(c, (uint8_t)(imm >> 8));
		return;
	default:
		emit_rm(c, VX_SIZE(size) == VX_DW ? JF_W : 0, 0xc7, 0, base, off);
		emit32(c, (uint32_t)imm);
	}
}

int jit_st(struct jit_ctx *c, const struct vx_insn *in)
{
	uint8_t size = VX_SIZE(in->code);
	int base = jit_reg(in->dst);

	if (VX_MODE(in->code) != VX_MEM)
		return jit_fail(c, "unsupported store mode 0x%02x", VX_MODE(in->code));
	if (jit_harden(c) && in->dst != VX_REG_FP) {
		/* Hardening: on a mispredicted path the address becomes all ones (+ off). */
		emit_mov_rr(c, true, R11, base);
		emit_or_slh(c, R11);
		base = R11;
	}
	if (VX_CLASS(in->code) == VX_STX) {
		store_reg(c, size, base, in->off, jit_reg(in->src));
		return 0;
	}
	if (!jit_blind(c)) {
		store_imm(c, size, base, in->off, in->imm);
		return 0;
	}
	emit_blinded(c, R10, (uint64_t)(int64_t)in->imm, true);
	store_reg(c, size, base, in->off, R10);
	return 0;
}

static uint32_t atomic_rr(int op)
{
	switch (op & ~VX_FETCH) {
	case VX_ADD:
		return 0x01;
	case VX_OR:
		return 0x09;
	case VX_AND:
		return 0x21;
	case VX_XOR:
		return 0x31;
	}
	return 0;
}

/* Fetching or/and/xor: a cmpxchg loop in rax (r0 saved in r9); src receives the old value. */
static void atomic_fetch_loop(struct jit_ctx *c, unsigned f, uint32_t rr,
			      const struct vx_insn *in)
{
	int dst = jit_reg(in->dst), src = jit_reg(in->src);
	int base = dst == RAX ? R9 : dst, s = src == RAX ? R9 : src;
	size_t loop;

	emit_mov_rr(c, true, R9, RAX);
	emit_rm(c, f, 0x8b, RAX, base, in->off);
	loop = c->pos;
	emit_mov_rr(c, true, R11, RAX);
	emit_rr(c, f, rr, s, R11);
	emit_rm(c, f | JF_LOCK, 0x0fb1, R11, base, in->off);
	emit_jcc8_back(c, CC_NE, loop);
	if (src == RAX)
		return;
	emit_mov_rr(c, f & JF_W, src, RAX);
	emit_mov_rr(c, true, RAX, R9);
}

int jit_atomic(struct jit_ctx *c, const struct vx_insn *in)
{
	unsigned f = VX_SIZE(in->code) == VX_DW ? JF_W : 0;
	int dst = jit_reg(in->dst), src = jit_reg(in->src);
	uint32_t rr = atomic_rr(in->imm);

	if (VX_SIZE(in->code) != VX_W && VX_SIZE(in->code) != VX_DW)
		return jit_fail(c, "atomic operations must be 32 or 64 bits wide");
	if (jit_harden(c)) /* rare: a barrier rather than masking every operand */
		emit_lfence(c);
	if (in->imm == VX_XCHG) {
		emit_rm(c, f, 0x87, src, dst, in->off);
	} else if (in->imm == VX_CMPXCHG) {
		emit_rm(c, f | JF_LOCK, 0x0fb1, src, dst, in->off);
		if (!f)
			emit_mov_rr(c, false, RAX, RAX);
	} else if (!rr || (in->imm & ~(0xf0 | VX_FETCH))) {
		return jit_fail(c, "unknown atomic operation 0x%x", (unsigned)in->imm);
	} else if (!(in->imm & VX_FETCH)) {
		emit_rm(c, f | JF_LOCK, rr, src, dst, in->off);
	} else if ((in->imm & ~VX_FETCH) == VX_ADD) {
		emit_rm(c, f | JF_LOCK, 0x0fc1, src, dst, in->off);
	} else {
		atomic_fetch_loop(c, f, rr, in);
	}
	return 0;
}

static struct vx_map *prog_map(struct jit_ctx *c, int32_t idx)
{
	if (!c->prog || idx < 0 || (size_t)idx >= c->prog->nmaps)
		return NULL;
	return c->prog->maps[idx];
}

/* Global data: entry 0 of an array map, plus the offset. */
static int map_value(struct jit_ctx *c, const struct vx_insn *in, uint64_t *v)
{
	struct vx_map *map = prog_map(c, in[0].imm);
	uint32_t key = 0, off = (uint32_t)in[1].imm;
	uint8_t *p;

	if (!map)
		return jit_fail(c, "invalid map reference");
	p = vx_map_lookup_elem(map, &key);
	if (!p || off >= vx_map_get_def(map)->value_size)
		return jit_fail(c, "invalid map value reference");
	*v = (uint64_t)(uintptr_t)(p + off);
	return 0;
}

static int func_addr(struct jit_ctx *c, const struct vx_insn *in, uint64_t *v)
{
	int64_t t = (int64_t)c->cur + 1 + in->imm;

	if (t < 0 || (uint64_t)t >= c->len || !c->is_func[t])
		return jit_fail(c, "invalid function reference");
	*v = c->base + c->taddr[t]; /* callbacks are called from C */
	return 0;
}

int jit_ld_imm64(struct jit_ctx *c, const struct vx_insn *in)
{
	int dst = jit_reg(in->dst);
	uint64_t v = 0;

	if (in->code != VX_LD_IMM64 || c->cur + 1 >= c->len)
		return jit_fail(c, "unsupported load (legacy ld_abs/ld_ind or malformed ld_imm64)");
	switch (in->src) {
	case VX_PSEUDO_NONE:
		emit_blinded(c, dst, vx_insn_imm64(in), true);
		return 0;
	case VX_PSEUDO_MAP_IDX:
		if (!prog_map(c, in->imm))
			return jit_fail(c, "invalid map reference");
		v = (uint64_t)(uintptr_t)prog_map(c, in->imm);
		break;
	case VX_PSEUDO_MAP_IDX_VALUE:
		if (map_value(c, in, &v))
			return -1;
		break;
	case VX_PSEUDO_FUNC:
		if (func_addr(c, in, &v))
			return -1;
		break;
	default:
		return jit_fail(c, "unresolved ld_imm64 reference (source %u)", in->src);
	}
	emit_movabs(c, dst, v);
	return 0;
}
#endif /* __x86_64__ */
