// SPDX-License-Identifier: BSD-2-Clause
/*
 * jit_inline.c - bpf_map_lookup_elem on a plain array map, compiled inline as the kernel's JIT
 * does: r0 = index < max_entries ? values + index * stride : NULL, without a branch (a cmov on
 * the bounds check), so the lookup also needs no speculation barrier in hardened code: on any
 * path, mispredicted or not, the pointer is in bounds or NULL.
 *
 * The map must be known at compile time: the call's r1 is set by an ld_imm64 map reference in
 * the same straight-line stretch (no jump lands between them), which is how clang emits
 * lookups. The values' layout comes from the map's own lookups (element 0, 1 and the last), so
 * nothing of the map's internals is assumed beyond what those pointers show.
 */
#ifdef __x86_64__
#include "jit_priv.h"
#include "prog_priv.h"
#include "vxbpf/map.h"

#define SCAN_BACK 16
#define HELPER_MAP_LOOKUP 1

/* Whether insns[j] writes r1 (a call clobbers it). */
static bool writes_r1(const struct vx_insn *in)
{
	uint8_t cls = VX_CLASS(in->code);

	if (cls == VX_JMP && VX_OP(in->code) == VX_CALL)
		return true;
	if (cls == VX_STX && VX_MODE(in->code) == VX_ATOMIC)
		return in->src == 1 && (in->imm & VX_FETCH) && in->imm != VX_CMPXCHG;
	return (cls == VX_ALU || cls == VX_ALU64 || cls == VX_LDX || cls == VX_LD) && in->dst == 1;
}

/* The map index in r1 at the call being compiled, or -1 when it cannot be told. */
static int r1_map(const struct jit_ctx *c)
{
	size_t j = c->cur, n;

	if (c->is_target[j]) /* another path may arrive with another r1 */
		return -1;
	for (n = 0; j > 0 && n < SCAN_BACK; n++) {
		const struct vx_insn *in;

		j--;
		if (j > 0 && c->insns[j - 1].code == VX_LD_IMM64 && c->insns[j].code == 0)
			j--; /* the second slot of an ld_imm64 */
		in = &c->insns[j];
		if (in->code == VX_LD_IMM64 && in->dst == 1)
			return in->src == VX_PSEUDO_MAP_IDX ? in->imm : -1;
		if (writes_r1(in) || c->is_target[j] || c->is_func[j])
			return -1;
	}
	return -1;
}

/* values, stride of an array map whose elements lie at values + i * stride. */
static bool array_layout(struct vx_map *map, uint64_t *values, uint32_t *stride)
{
	const struct vx_map_def *d = vx_map_get_def(map);
	uint32_t k0 = 0, k1 = 1, kl = d->max_entries - 1;
	uint8_t *p0, *p1, *pl;

	if (d->type != VX_MAP_ARRAY || !d->max_entries)
		return false;
	p0 = vx_map_lookup_elem(map, &k0);
	p1 = d->max_entries > 1 ? vx_map_lookup_elem(map, &k1) : p0 + d->value_size;
	pl = vx_map_lookup_elem(map, &kl);
	if (!p0 || !p1 || !pl || p1 <= p0 || p1 - p0 > INT32_MAX ||
	    (uint64_t)(pl - p0) != (uint64_t)kl * (uint64_t)(p1 - p0))
		return false;
	*values = (uint64_t)(uintptr_t)p0;
	*stride = (uint32_t)(p1 - p0);
	return true;
}

/*
 * r0 = *(u32 *)r2 < max ? values + *(u32 *)r2 * stride : NULL. Scratch: r9, r10, r11. The
 * map's sizes come from the object (guest-chosen), so they are blinded like immediates.
 */
int jit_inline_lookup(struct jit_ctx *c, uint32_t helper)
{
	const struct vx_map_def *d;
	uint64_t values;
	uint32_t stride;
	int idx;

	if (helper != HELPER_MAP_LOOKUP || !c->prog)
		return 0;
	idx = r1_map(c);
	if (idx < 0 || (size_t)idx >= c->prog->nmaps ||
	    !array_layout(c->prog->maps[idx], &values, &stride))
		return 0;
	d = vx_map_get_def(c->prog->maps[idx]);
	emit_rm(c, 0, 0x8b, RAX, RSI, 0); /* eax = the u32 key */
	if (jit_harden(c))
		emit_or_slh(c, RAX);	  /* mispredicted: all ones, out of range below */
	emit_blinded(c, R11, stride, false);
	emit_mov_rr(c, true, R9, RAX);
	emit_rr(c, JF_W, 0x0faf, R9, R11); /* r9 = index * stride */
	emit_movabs(c, R11, values);
	emit_rr(c, JF_W, 0x01, R11, R9);   /* r9 += values */
	emit_blinded(c, R10, d->max_entries, false);
	emit_rr(c, 0, 0x31, R11, R11);
	emit_rr(c, JF_W, 0x39, R10, RAX);   /* cmp rax, max */
	emit_rr(c, JF_W, 0x0f43, R9, R11);  /* cmovae r9, 0 */
	emit_mov_rr(c, true, RAX, R9);
	return 1;
}
#endif /* __x86_64__ */
