// SPDX-License-Identifier: BSD-2-Clause
/*
 * verifier_mem.c - loads, stores and atomics: what each pointer type lets the program touch
 * (context fields, proven packet ranges, initialised stack, map values within their size, ring
 * buffer samples), and the stack's bookkeeping of spilled registers.
 */
#include <stdlib.h>
#include <string.h>

#include "verifier_priv.h"
#include "vxbpf/map.h"

enum { K_NONE, K_CTX, K_OTHER };

/*
 * The frame's slots covering need_bytes below the frame pointer, grown as needed (new bytes
 * uninitialised); with write set, the frame's own copy. NULL when out of memory.
 */
struct vslot *stack_slots(struct venv *env, struct vframe *f, int need_bytes, bool write)
{
	int need = (need_bytes + 7) / 8;

	(void)env;
	if (need > f->nslots && !slots_grow(f, need))
		return NULL;
	return write ? frame_slots_mut(f) : f->slots;
}

void stack_note_depth(struct venv *env, int frameno, int depth)
{
	struct vsub *s = &env->subs[env->cur->frames[frameno]->subprog];

	if (depth > s->stack_depth)
		s->stack_depth = depth;
}

static const struct vx_map_def *map_def(struct venv *env, int map)
{
	return vx_map_get_def(env->prog->maps[map]);
}

static bool map_rdonly(const struct vx_map_def *d)
{
	return (d->flags & VX_F_RDONLY_PROG) || d->type == VX_MAP_DEVMAP ||
	       d->type == VX_MAP_DEVMAP_HASH;
}

static int note_kind(struct venv *env, int idx, uint8_t kind)
{
	if (env->ptr_kind[idx] && env->ptr_kind[idx] != kind)
		return verr(env, idx, "same insn cannot be used with different pointers");
	env->ptr_kind[idx] = kind;
	return 0;
}

static void sext_loaded(struct vreg *out, int size)
{
	struct vx_insn in = { .code = VX_ALU64 | VX_MOV | VX_X, .off = (int16_t)(size * 8) };
	struct vreg src = *out;

	scalar_alu(NULL, &in, out, &src);
}

/*
 * A load from struct xdp_md: 4 bytes at a field's offset. data, data_end and data_meta become
 * packet pointers; the scalar fields may also be loaded sign-extended (ldxsw), as the kernel
 * allows, but not the pointer fields (the kernel refuses those: a pointer is not a number).
 */
static int ctx_access(struct venv *env, int idx, int regno, const struct vreg *r, int off,
		      int size, bool write, bool sext, struct vreg *out)
{
	int field;

	if (r->off)
		return verr(env, idx, "dereference of modified ctx ptr R%d off=%d disallowed", regno,
			    r->off);
	if (!tn_is_const(r->var) || r->var.value)
		return verr(env, idx, "variable ctx access R%d disallowed", regno);
	if (write || size != 4 || off < 0 || off > 20 || off % 4 || (sext && off < 12))
		return verr(env, idx, "invalid bpf_context access off=%d size=%d", off, size);
	field = off / 4;
	if ((env->facts->insn_flags[idx] & VX_VF_CTX_LOAD) && env->facts->ctx_field[idx] != field)
		return verr(env, idx, "same insn cannot be used with different ctx fields");
	env->facts->insn_flags[idx] |= VX_VF_CTX_LOAD;
	env->facts->ctx_field[idx] = (int8_t)field;
	reg_mark_unknown(out);
	switch (field) {
	case 0: out->type = T_PKT; break;
	case 1: out->type = T_PKT_END; break;
	case 2: out->type = T_PKT_META; break;
	default:
		reg_bound_bytes(out, 4);
		if (sext)
			sext_loaded(out, 4);
		return 0;
	}
	out->var = tn_const(0);
	reg_mark_const(out, 0);
	out->type = field == 0 ? T_PKT : field == 1 ? T_PKT_END : T_PKT_META;
	return 0;
}

/* Range checks shared by packet, map value, sample and key memory. */
static int region_check(struct venv *env, int idx, int regno, const struct vreg *r, int off,
			int size, uint64_t limit, const char *what)
{
	/* smin may be anywhere down to INT64_MIN: clamp before adding (a very negative minimum
	 * fails below either way) */
	int64_t lo = (int64_t)off + r->off + (r->smin < -V_MAX_VAR_OFF ? -V_MAX_VAR_OFF : r->smin);

	if (r->type == T_PKT || r->type == T_PKT_META) {
		if (r->smin < 0)
			return verr(env, idx,
				    "R%d min value is negative, either use unsigned index or do a if (index >=0) check.",
				    regno);
		/* The variable part is shared by every copy the range was proven on. */
		if ((int64_t)off + r->off < 0 || (int64_t)off + r->off + size > (int64_t)r->range)
			return verr(env, idx, "invalid access to packet, off=%d size=%d, R%d range=%u",
				    off + r->off, size, regno, r->range);
		return 0;
	}
	if (lo < 0)
		return verr(env, idx, "R%d min value is outside of the allowed memory range", regno);
	if (r->umax >= V_MAX_VAR_OFF)
		return verr(env, idx,
			    "R%d unbounded memory access, make sure to bounds check any such access",
			    regno);
	if ((int64_t)off + r->off + (int64_t)r->umax + size > (int64_t)limit)
		return verr(env, idx, "invalid access to %s, size=%llu off=%lld size=%d", what,
			    (unsigned long long)limit, (long long)off + r->off + (long long)r->umax,
			    size);
	return 0;
}

/* Bounds of the stack bytes an access may touch: [*lo, *hi). */
static int stack_bounds(struct venv *env, int idx, int regno, const struct vreg *r, int off,
			int size, bool write, int *lo, int *hi)
{
	struct tnum t = tn_add(r->var, tn_const((uint64_t)((int64_t)off + r->off)));
	int64_t lo64, hi64;

	if (r->smin < -V_STACK || r->smax > V_STACK || r->smin > r->smax)
		return verr(env, idx, "invalid unbounded variable-offset %s stack R%d",
			    write ? "write to" : "read from", regno);
	lo64 = (int64_t)off + r->off + r->smin;
	hi64 = (int64_t)off + r->off + r->smax + size;
	if ((t.value | t.mask) & (uint64_t)(size - 1))
		return verr(env, idx, "misaligned stack access off %d+%d size %d", r->off, off, size);
	if (lo64 < -V_STACK || hi64 > 0)
		return verr(env, idx, "invalid %s stack R%d off=%lld size=%d",
			    write ? "write to" : "read from", regno, (long long)lo64, size);
	*lo = (int)lo64;
	*hi = (int)hi64;
	stack_note_depth(env, r->frameno, -*lo);
	return 0;
}

/*
 * A read of stack bytes this path never wrote. Allowed (as the kernel allows root): they read
 * as an unknown scalar, and since the frame may hold anything from before, the engines must
 * zero each frame on entry (facts->zero_stack) so that no host byte can be read this way.
 */
void note_unwritten_read(struct venv *env)
{
	env->reads_unwritten = true;
}

static struct vslot *slot_of(struct vframe *f, int byte, int *i)
{
	int s = (-byte - 1) / 8;

	*i = byte + 8 * (s + 1);
	return &f->slots[s];
}

/* A store that touches a spilled register's slot without replacing it whole. */
static int scrub_slot(struct venv *env, int idx, struct vslot *sl)
{
	int i;

	if (sl->type[0] != S_SPILL)
		return 0;
	if (sl->spill.type != T_SCALAR && env->helper_class == VX_HELPER_GUEST)
		return verr(env, idx, "attempt to corrupt spilled pointer on stack");
	for (i = 0; i < 8; i++)
		sl->type[i] = S_MISC;
	return 0;
}

/* Spectre v4 fact (VX_VF_NOSPEC): the store spills a pointer or replaces a spill or bytes
 * never written. Slots must cover [lo, hi). */
static void note_nospec(struct venv *env, int idx, struct vframe *f, int lo, int hi,
			const struct vreg *val)
{
	int b, i;

	for (b = lo; b < hi && !is_pointer(val); b++) {
		struct vslot *sl = slot_of(f, b, &i);

		if (sl->type[i] == S_INVALID || sl->type[i] == S_SPILL)
			break;
	}
	if (is_pointer(val) || b < hi)
		env->facts->insn_flags[idx] |= VX_VF_NOSPEC;
}

/*
 * A known constant stored in 1, 2 or 4 bytes at the start of a slot (how a 4-byte map key is
 * written) stays known, as the kernel keeps such narrow spills: a later read of those bytes
 * gives the constant, and an array lookup with it as key cannot miss. Returns whether done.
 */
static bool narrow_const(struct vframe *f, int lo, int hi, const struct vreg *val)
{
	int i, n = hi - lo;
	struct vslot *sl;

	if (val->type != T_SCALAR || !reg_is_const(val) || n >= 8 || ((-lo) & 7))
		return false;
	uint64_t mask = (1ull << (8 * n)) - 1, v = val->var.value & mask;

	sl = slot_of(f, lo, &i);
	if (sl->type[0] == S_SPILL && sl->spill.type != T_SCALAR)
		return false; /* a pointer's bytes: the general path refuses or scrubs them */
	if (sl->type[0] == S_SPILL && reg_is_const(&sl->spill)) {
		/* over a spilled constant (`*(u64 *)(fp - 8) = 0` first): all 8 bytes known */
		v |= sl->spill.var.value & ~mask;
		n = 8;
	}
	for (i = n; i < 8; i++) /* the other bytes keep their kind, but no longer a value */
		if (sl->type[i] == S_CONST || sl->type[i] == S_SPILL)
			sl->type[i] = S_MISC;
	reg_mark_const(&sl->spill, v);
	for (i = 0; i < n; i++)
		sl->type[i] = (v >> (8 * i)) & 0xff ? S_CONST : S_ZERO;
	return true;
}

static int stack_write(struct venv *env, int idx, int frameno, int lo, int hi, bool exact,
		       const struct vreg *val)
{
	struct vframe *f = env->cur->frames[frameno];
	bool zero = val->type == T_SCALAR && reg_is_const(val) && !val->var.value;
	int b, i;

	if (val->type == T_STACK && val->frameno > frameno)
		return verr(env, idx, "cannot spill pointers to stack into stack frame of the caller");
	if (val->type == T_MAP_KEY && val->frameno > frameno)
		return verr(env, idx, "cannot spill a callback's map key into the stack frame of the caller");

	if (!stack_slots(env, f, -lo, true))
		return verr(env, idx, "out of memory");
	note_nospec(env, idx, f, lo, hi, val);
	if (exact && hi - lo == 8) {
		struct vslot *sl = slot_of(f, lo, &i);

		memset(sl->type, S_SPILL, 8);
		sl->spill = *val;
		return 0;
	}
	if (is_pointer(val))
		return verr(env, idx, "partial store of a pointer to the stack");
	if (exact && !zero && narrow_const(f, lo, hi, val))
		return 0;
	for (b = lo; b < hi; b++) {
		struct vslot *sl = slot_of(f, b, &i);

		if (scrub_slot(env, idx, sl))
			return -1;
		if (exact)
			sl->type[i] = zero ? S_ZERO : S_MISC;
		else if (sl->type[i] != S_INVALID && !(zero && sl->type[i] == S_ZERO))
			sl->type[i] = S_MISC;
	}
	return 0;
}

static int stack_read(struct venv *env, int idx, int regno, struct vframe *f, int lo, int hi,
		      bool exact, struct vreg *out)
{
	int size = hi - lo, b, i, known = 0;
	uint64_t value = 0;
	struct vslot *first;

	if (!stack_slots(env, f, -lo, false))
		return verr(env, idx, "out of memory");
	first = slot_of(f, lo, &i);
	if (exact && first->type[0] == S_SPILL) {
		if (first->spill.type == T_NOT_INIT)
			return verr(env, idx, "invalid read from stack R%d off=%d size=%d: %s", regno,
				    lo, size, "a pointer there was invalidated");
		if (size == 8) {
			*out = first->spill;
			return 0;
		}
		if (first->spill.type != T_SCALAR)
			return verr(env, idx, "invalid size of register fill");
		if (reg_is_const(&first->spill)) {
			reg_mark_const(out, (first->spill.var.value >> (8 * i)) &
						    ((1ull << (size * 8)) - 1));
			return 0;
		}
	}
	for (b = lo; b < hi; b++) {
		struct vslot *sl = slot_of(f, b, &i);

		if (sl->type[i] == S_INVALID)
			note_unwritten_read(env);
		if (sl->type[i] == S_SPILL && sl->spill.type == T_NOT_INIT)
			return verr(env, idx, "invalid read from stack R%d off=%d size=%d: %s", regno,
				    lo, size, "a pointer there was invalidated");
		if (sl->type[i] == S_SPILL && sl->spill.type != T_SCALAR)
			return verr(env, idx, "invalid size of register fill");
		if (exact && (sl->type[i] == S_ZERO || sl->type[i] == S_CONST)) {
			known++; /* an exact read is at most 8 bytes */
			value |= (uint64_t)slot_byte(sl, i) << (8 * (b - lo));
		}
	}
	if (exact && known == size)
		reg_mark_const(out, value);
	else
		reg_bound_bytes(out, (unsigned)size);
	return 0;
}

static int stack_access(struct venv *env, int idx, int regno, const struct vreg *r, int off,
			int size, bool write, const struct vreg *val, struct vreg *out)
{
	struct vframe *f = env->cur->frames[r->frameno];
	bool exact = tn_is_const(r->var);
	int lo = 0, hi = 0;

	if (stack_bounds(env, idx, regno, r, off, size, write, &lo, &hi))
		return -1;
	if (write)
		return stack_write(env, idx, r->frameno, lo, hi, exact, val);
	if (!exact) { /* any byte that may be read: no pointer among them */
		if (stack_read(env, idx, regno, f, lo, hi, false, out))
			return -1;
		reg_bound_bytes(out, (unsigned)size);
		return 0;
	}
	return stack_read(env, idx, regno, f, lo, hi, true, out);
}

/* Readable/writable memory of a helper argument or an access; out set for loads. */
int check_mem_region(struct venv *env, int idx, int regno, const struct vreg *r, int off,
		     int size, bool write, bool helper)
{
	const struct vx_map_def *d;

	switch (r->type) {
	case T_PKT:
	case T_PKT_META:
		return region_check(env, idx, regno, r, off, size, r->range, "packet");
	case T_MAP_VALUE:
		if (r->maybe_null)
			return verr(env, idx, "R%d invalid mem access 'map_value_or_null'", regno);
		d = map_def(env, r->map);
		if (write && map_rdonly(d))
			return verr(env, idx, "write into map forbidden, value_size=%u off=%d size=%d",
				    d->value_size, off + r->off, size);
		return region_check(env, idx, regno, r, off, size, d->value_size, "map value");
	case T_MAP_KEY:
		if (write)
			return verr(env, idx, "R%d cannot write into map key", regno);
		return region_check(env, idx, regno, r, off, size, map_def(env, r->map)->key_size,
				    "map key");
	case T_MEM:
		if (r->maybe_null)
			return verr(env, idx, "R%d invalid mem access 'ringbuf_mem_or_null'", regno);
		return region_check(env, idx, regno, r, off, size, r->range, "memory");
	case T_STACK:
		if (helper) {
			struct vreg tmp;

			return stack_access(env, idx, regno, r, off, size, false, NULL, &tmp);
		}
		return 0;
	}
	return verr(env, idx, "R%d invalid mem access '%s'", regno, vtype_name(r));
}

static int do_access(struct venv *env, int idx, int regno, int off, int size, bool write,
		     bool sext, const struct vreg *val, struct vreg *out)
{
	struct vreg *r = &cur_regs(env)[regno];
	struct vreg base = *r;

	if (note_kind(env, idx, r->type == T_CTX ? K_CTX : K_OTHER))
		return -1;
	if (base.type == T_CTX)
		return ctx_access(env, idx, regno, &base, off, size, write, sext, out);
	if (write && is_pointer(val) && base.type != T_STACK)
		return verr(env, idx, "R%d leaks addr into %s", regno, vtype_name(&base));
	if (base.type == T_STACK) {
		if (regno != VX_REG_FP)
			env->stack_indirect[idx] = 1;
		if (stack_access(env, idx, regno, &base, off, size, write, val, out))
			return -1;
	} else if (check_mem_region(env, idx, regno, &base, off, size, write, false)) {
		return -1;
	} else if (!write) {
		reg_bound_bytes(out, (unsigned)size);
	}
	if (!write && sext && out->type == T_SCALAR)
		sext_loaded(out, size);
	env->facts->insn_flags[idx] |= VX_VF_MEM_SAFE;
	return 0;
}

static int size_bytes(uint8_t code)
{
	switch (VX_SIZE(code)) {
	case VX_B: return 1;
	case VX_H: return 2;
	case VX_W: return 4;
	}
	return 8;
}

int check_load_store(struct venv *env, int idx, const struct vx_insn *in)
{
	struct vreg *regs = cur_regs(env), val, out;
	int size = size_bytes(in->code);

	if (VX_CLASS(in->code) == VX_LDX) {
		if (check_reg_read(env, idx, in->src))
			return -1;
		if (do_access(env, idx, in->src, in->off, size, false,
			      VX_MODE(in->code) == VX_MEMSX, NULL, &out))
			return -1;
		regs[in->dst] = out;
		return 0;
	}
	if (check_reg_read(env, idx, in->dst))
		return -1;
	if (VX_CLASS(in->code) == VX_ST) {
		reg_mark_const(&val, (uint64_t)(int64_t)in->imm);
	} else {
		if (check_reg_read(env, idx, in->src))
			return -1;
		val = regs[in->src];
	}
	return do_access(env, idx, in->dst, in->off, size, true, false, &val, &out);
}

int check_atomic(struct venv *env, int idx, const struct vx_insn *in)
{
	struct vreg *regs = cur_regs(env), *base = &regs[in->dst], tmp, unk, old;
	int size = size_bytes(in->code);
	int fetch_reg = in->imm == VX_CMPXCHG ? 0 : in->src;
	struct tnum t;

	if (check_reg_read(env, idx, in->dst) || check_reg_read(env, idx, in->src))
		return -1;
	if (in->imm == VX_CMPXCHG && check_reg_read(env, idx, 0))
		return -1;
	if (is_pointer(&regs[in->src]) || (in->imm == VX_CMPXCHG && is_pointer(&regs[0])))
		return verr(env, idx, "R%d leaks addr into mem", in->src);
	if (base->type != T_STACK && base->type != T_MAP_VALUE && base->type != T_MEM)
		return verr(env, idx, "BPF_ATOMIC stores into R%d %s is not allowed", in->dst,
			    vtype_name(base));
	t = tn_add(base->var, tn_const((uint64_t)(int64_t)(in->off + base->off)));
	if ((t.value | t.mask) & (uint64_t)(size - 1))
		return verr(env, idx, "misaligned access off %d size %d", in->off + base->off, size);
	if (do_access(env, idx, in->dst, in->off, size, false, false, NULL, &tmp))
		return -1;
	/* Its result (fetched or left in the slot) would be the pointer's bits as a number. */
	if (is_pointer(&tmp))
		return verr(env, idx, "atomic operation on a spilled pointer (R%d off=%d) leaks its address",
			    in->dst, in->off + base->off);
	old = tmp;
	reg_mark_unknown(&unk);
	if (do_access(env, idx, in->dst, in->off, size, true, false, &unk, &tmp))
		return -1;
	/* what is fetched is what was there (a known stack value stays known, as the kernel
	 * reads it); what is left is any number */
	if (in->imm & VX_FETCH)
		regs[fetch_reg] = old;
	return 0;
}
