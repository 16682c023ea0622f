// SPDX-License-Identifier: BSD-2-Clause
/*
 * verifier_scalar.c - scalar values: bounds (signed/unsigned, 64- and 32-bit) kept consistent
 * with the tnum, the arithmetic of every ALU operation on them, and what a comparison teaches
 * about its operands on each edge.
 */
#include <string.h>

#include "verifier_priv.h"

#define U32_MAX 0xffffffffu
#define S32_MIN INT32_MIN
#define S32_MAX INT32_MAX

static uint64_t umax64(uint64_t a, uint64_t b) { return a > b ? a : b; }
static uint64_t umin64(uint64_t a, uint64_t b) { return a < b ? a : b; }
static int64_t smax64(int64_t a, int64_t b) { return a > b ? a : b; }
static int64_t smin64(int64_t a, int64_t b) { return a < b ? a : b; }

static void bounds_unbounded(struct vreg *r)
{
	r->smin = INT64_MIN;
	r->smax = INT64_MAX;
	r->umin = 0;
	r->umax = UINT64_MAX;
	r->s32min = S32_MIN;
	r->s32max = S32_MAX;
	r->u32min = 0;
	r->u32max = U32_MAX;
}

void reg_mark_unknown(struct vreg *r)
{
	memset(r, 0, sizeof(*r));
	r->type = T_SCALAR;
	r->var = tn_unknown();
	bounds_unbounded(r);
}

void reg_mark_const(struct vreg *r, uint64_t v)
{
	memset(r, 0, sizeof(*r));
	r->type = T_SCALAR;
	r->var = tn_const(v);
	r->smin = r->smax = (int64_t)v;
	r->umin = r->umax = v;
	r->s32min = r->s32max = (int32_t)v;
	r->u32min = r->u32max = (uint32_t)v;
}

void reg_mark_not_init(struct vreg *r)
{
	memset(r, 0, sizeof(*r));
}

bool reg_is_const(const struct vreg *r)
{
	return r->type == T_SCALAR && tn_is_const(r->var);
}

bool reg_bounds_empty(const struct vreg *r)
{
	return r->smin > r->smax || r->umin > r->umax || r->s32min > r->s32max ||
	       r->u32min > r->u32max;
}

static void update_bounds(struct vreg *r)
{
	struct tnum t = tn_cast(r->var, 4);

	r->smin = smax64(r->smin, (int64_t)(r->var.value | (r->var.mask & (1ull << 63))));
	r->smax = smin64(r->smax, (int64_t)(r->var.value | (r->var.mask & ~(1ull << 63))));
	r->umin = umax64(r->umin, r->var.value);
	r->umax = umin64(r->umax, r->var.value | r->var.mask);
	r->s32min = (int32_t)smax64(r->s32min, (int32_t)(uint32_t)(t.value | (t.mask & 0x80000000u)));
	r->s32max = (int32_t)smin64(r->s32max, (int32_t)(uint32_t)(t.value | (t.mask & 0x7fffffffu)));
	r->u32min = (uint32_t)umax64(r->u32min, t.value);
	r->u32max = (uint32_t)umin64(r->u32max, t.value | t.mask);
}

static void deduce32(struct vreg *r)
{
	if ((r->umin >> 32) == (r->umax >> 32)) {
		r->u32min = (uint32_t)umax64(r->u32min, (uint32_t)r->umin);
		r->u32max = (uint32_t)umin64(r->u32max, (uint32_t)r->umax);
		if ((int32_t)r->umin <= (int32_t)r->umax) {
			r->s32min = (int32_t)smax64(r->s32min, (int32_t)r->umin);
			r->s32max = (int32_t)smin64(r->s32max, (int32_t)r->umax);
		}
	}
	if ((r->smin >> 32) == (r->smax >> 32)) {
		if ((uint32_t)r->smin <= (uint32_t)r->smax) {
			r->u32min = (uint32_t)umax64(r->u32min, (uint32_t)r->smin);
			r->u32max = (uint32_t)umin64(r->u32max, (uint32_t)r->smax);
		}
		if ((int32_t)r->smin <= (int32_t)r->smax) {
			r->s32min = (int32_t)smax64(r->s32min, (int32_t)r->smin);
			r->s32max = (int32_t)smin64(r->s32max, (int32_t)r->smax);
		}
	}
	/* a 64-bit value within the s32 range is its low half sign-extended */
	if (r->smin >= S32_MIN && r->smax <= S32_MAX) {
		r->s32min = (int32_t)smax64(r->s32min, r->smin);
		r->s32max = (int32_t)smin64(r->s32max, r->smax);
	}
	if ((int32_t)r->u32min <= (int32_t)r->u32max) {
		r->s32min = (int32_t)smax64(r->s32min, (int32_t)r->u32min);
		r->s32max = (int32_t)smin64(r->s32max, (int32_t)r->u32max);
	}
	if ((uint32_t)r->s32min <= (uint32_t)r->s32max) {
		r->u32min = (uint32_t)umax64(r->u32min, (uint32_t)r->s32min);
		r->u32max = (uint32_t)umin64(r->u32max, (uint32_t)r->s32max);
	}
}

static void deduce64(struct vreg *r)
{
	uint64_t nu;
	int64_t ns;

	if ((int64_t)r->umin <= (int64_t)r->umax) {
		r->smin = smax64(r->smin, (int64_t)r->umin);
		r->smax = smin64(r->smax, (int64_t)r->umax);
	}
	if ((uint64_t)r->smin <= (uint64_t)r->smax) {
		r->umin = umax64(r->umin, (uint64_t)r->smin);
		r->umax = umin64(r->umax, (uint64_t)r->smax);
	}
	/* ... and the other way round */
	if (r->smin >= S32_MIN && r->smax <= S32_MAX) {
		r->smin = smax64(r->smin, r->s32min);
		r->smax = smin64(r->smax, r->s32max);
	}
	/* The low 32 bits' ranges tighten the 64-bit ones within the same upper half. */
	nu = (r->umin & ~0xffffffffull) | r->u32min;
	r->umin = umax64(r->umin, nu);
	nu = (r->umax & ~0xffffffffull) | r->u32max;
	r->umax = umin64(r->umax, nu);
	ns = (int64_t)(((uint64_t)r->smin & ~0xffffffffull) | r->u32min);
	r->smin = smax64(r->smin, ns);
	ns = (int64_t)(((uint64_t)r->smax & ~0xffffffffull) | r->u32max);
	r->smax = smin64(r->smax, ns);
}

static void bound_offset(struct vreg *r)
{
	struct tnum v64 = tn_intersect(r->var, tn_range(r->umin, r->umax));
	struct tnum v32 = tn_intersect(tn_cast(r->var, 4), tn_range(r->u32min, r->u32max));

	r->var = tn_or(tn_lsh(tn_rsh(v64, 32), 32), tn_cast(v32, 4));
}

void reg_sync(struct vreg *r)
{
	update_bounds(r);
	deduce32(r);
	deduce64(r);
	deduce32(r);
	bound_offset(r);
	update_bounds(r);
}

/* Keep the low 32 bits, zero-extended: the result of every 32-bit operation. */
void reg_zext32(struct vreg *r)
{
	uint32_t lo, hi;

	if ((r->umin >> 32) == (r->umax >> 32)) {
		lo = (uint32_t)r->umin;
		hi = (uint32_t)r->umax;
	} else if ((r->smin >> 32) == (r->smax >> 32)) {
		lo = (uint32_t)r->smin;
		hi = (uint32_t)r->smax;
	} else {
		lo = 0;
		hi = U32_MAX;
	}
	r->var = tn_cast(r->var, 4);
	bounds_unbounded(r);
	r->u32min = lo;
	r->u32max = hi;
	r->umin = lo;
	r->umax = hi;
	r->smin = lo;
	r->smax = hi;
	reg_sync(r);
}

/* A value just loaded with a size-byte unsigned load. */
void reg_bound_bytes(struct vreg *r, unsigned size)
{
	reg_mark_unknown(r);
	if (size >= 8)
		return;
	r->var = tn_cast(r->var, size);
	r->umax = (1ull << (size * 8)) - 1;
	reg_sync(r);
}

/* The 32-bit view of r as a zero-extended 64-bit scalar. */
static struct vreg low32(const struct vreg *r)
{
	struct vreg t;

	reg_mark_unknown(&t);
	t.var = tn_cast(r->var, 4);
	t.umin = r->u32min;
	t.umax = r->u32max;
	reg_sync(&t);
	return t;
}

static uint64_t const_alu(uint8_t op, uint64_t a, uint64_t b, bool is32, int16_t off)
{
	unsigned sh = is32 ? 31 : 63;

	if (is32) {
		a = (uint32_t)a;
		b = (uint32_t)b;
	}
	switch (op) {
	case VX_ADD: return a + b;
	case VX_SUB: return a - b;
	case VX_MUL: return a * b;
	case VX_OR: return a | b;
	case VX_AND: return a & b;
	case VX_XOR: return a ^ b;
	case VX_LSH: return a << (b & sh);
	case VX_RSH: return a >> (b & sh);
	case VX_ARSH:
		return is32 ? (uint32_t)((int32_t)a >> (b & sh)) : (uint64_t)((int64_t)a >> (b & sh));
	case VX_NEG: return -a;
	case VX_MOV: return b;
	case VX_DIV:
		if (!b)
			return 0;
		if (off == 1 && is32)
			return (int32_t)b == -1 ? -(uint32_t)a : (uint32_t)((int32_t)a / (int32_t)b);
		if (off == 1)
			return (int64_t)b == -1 ? -a : (uint64_t)((int64_t)a / (int64_t)b);
		return a / b;
	case VX_MOD:
		if (!b)
			return a;
		if (off == 1 && is32)
			return (int32_t)b == -1 ? 0 : (uint32_t)((int32_t)a % (int32_t)b);
		if (off == 1)
			return (int64_t)b == -1 ? 0 : (uint64_t)((int64_t)a % (int64_t)b);
		return a % b;
	}
	return 0;
}

static void alu_add(struct vreg *d, const struct vreg *s)
{
	int64_t smin, smax;

	if (__builtin_add_overflow(d->smin, s->smin, &smin) ||
	    __builtin_add_overflow(d->smax, s->smax, &smax)) {
		d->smin = INT64_MIN;
		d->smax = INT64_MAX;
	} else {
		d->smin = smin;
		d->smax = smax;
	}
	if (d->umax + s->umax < d->umax || d->umin + s->umin < d->umin) {
		d->umin = 0;
		d->umax = UINT64_MAX;
	} else {
		d->umin += s->umin;
		d->umax += s->umax;
	}
	d->var = tn_add(d->var, s->var);
}

static void alu_sub(struct vreg *d, const struct vreg *s)
{
	int64_t smin, smax;

	if (__builtin_sub_overflow(d->smin, s->smax, &smin) ||
	    __builtin_sub_overflow(d->smax, s->smin, &smax)) {
		d->smin = INT64_MIN;
		d->smax = INT64_MAX;
	} else {
		d->smin = smin;
		d->smax = smax;
	}
	if (d->umin < s->umax) {
		d->umin = 0;
		d->umax = UINT64_MAX;
	} else {
		d->umin -= s->umax;
		d->umax -= s->umin;
	}
	d->var = tn_sub(d->var, s->var);
}

static void alu_mul(struct vreg *d, const struct vreg *s)
{
	struct tnum t = tn_mul(d->var, s->var);

	if (d->smin < 0 || s->smin < 0 || d->umax > U32_MAX || s->umax > U32_MAX) {
		reg_mark_unknown(d);
		d->var = t;
		return;
	}
	d->umin *= s->umin;
	d->umax *= s->umax;
	/* up to (2^32 - 1)^2: past S64_MAX the product may be any signed value */
	d->smin = d->umax > INT64_MAX ? INT64_MIN : (int64_t)d->umin;
	d->smax = d->umax > INT64_MAX ? INT64_MAX : (int64_t)d->umax;
	d->var = t;
}

static void alu_bitwise(struct vreg *d, const struct vreg *s, uint8_t op)
{
	bool nonneg = d->smin >= 0 && s->smin >= 0;
	uint64_t umin = op == VX_OR ? umax64(d->umin, s->umin) : 0;
	uint64_t umax = op == VX_AND ? umin64(d->umax, s->umax) : UINT64_MAX;
	struct tnum t = op == VX_AND ? tn_and(d->var, s->var) :
			op == VX_OR ? tn_or(d->var, s->var) : tn_xor(d->var, s->var);

	reg_mark_unknown(d);
	d->var = t;
	d->umin = umax64(umin, t.value);
	d->umax = umin64(umax, t.value | t.mask);
	if (nonneg) {
		d->smin = (int64_t)d->umin;
		d->smax = (int64_t)d->umax;
	}
}

/* Shifts by a known amount k (< bits); unknown amounts give unknown results. */
static void alu_shift(struct vreg *d, uint8_t op, unsigned k, unsigned bits)
{
	struct vreg o = *d;

	reg_mark_unknown(d);
	if (op == VX_LSH) {
		d->var = tn_lsh(o.var, k);
		if (k == 0 || o.umax <= (UINT64_MAX >> k)) {
			d->umin = o.umin << k;
			d->umax = o.umax << k;
		}
	} else if (op == VX_RSH) {
		d->var = tn_rsh(o.var, k);
		d->umin = o.umin >> k;
		d->umax = o.umax >> k;
	} else if (bits == 64) {
		d->var = tn_arsh(o.var, k, 64);
		d->smin = o.smin >> k;
		d->smax = o.smax >> k;
	}
}

static void alu_div_mod(struct vreg *d, const struct vreg *s, uint8_t op, int16_t off)
{
	struct vreg o = *d;

	reg_mark_unknown(d);
	if (off == 1 || !reg_is_const(s) || !s->var.value)
		return;
	if (op == VX_DIV) {
		d->umin = o.umin / s->var.value;
		d->umax = o.umax / s->var.value;
	} else if (o.umax < s->var.value) {
		*d = o;
	} else {
		d->umax = s->var.value - 1;
	}
}

static void alu_sext(struct vreg *d, unsigned bits)
{
	int64_t lo = -(1ll << (bits - 1)), hi = (1ll << (bits - 1)) - 1;

	if (d->smin >= lo && d->smax <= hi)
		return;
	reg_mark_unknown(d);
	d->smin = lo;
	d->smax = hi;
}

static void alu_arsh32(struct vreg *d, const struct vreg *orig, unsigned k)
{
	int32_t lo = orig->s32min >> k, hi = orig->s32max >> k;

	reg_mark_unknown(d);
	d->var = tn_cast(tn_arsh(tn_cast(orig->var, 4), k, 32), 4);
	d->s32min = lo;
	d->s32max = hi;
	reg_sync(d);
	d->var = tn_cast(d->var, 4);
	d->umin = d->u32min;
	d->umax = d->u32max;
	d->smin = 0;
	d->smax = U32_MAX;
	reg_sync(d);
}

static int alu_shift_amount(struct venv *env, const struct vx_insn *in, const struct vreg *s,
			    unsigned bits, int *k)
{
	*k = -1;
	if (VX_SRC(in->code) == VX_K) {
		if (in->imm < 0 || (unsigned)in->imm >= bits)
			return verr(env, -1, "invalid shift %d", in->imm);
		*k = in->imm;
	} else if (reg_is_const(s) && s->var.value < bits) {
		*k = (int)s->var.value;
	}
	return 0;
}

/* dst = dst OP src for scalars; src is the immediate as a constant for K forms. */
int scalar_alu(struct venv *env, const struct vx_insn *in, struct vreg *dst,
	       const struct vreg *src)
{
	bool is32 = VX_CLASS(in->code) == VX_ALU;
	uint8_t op = VX_OP(in->code);
	unsigned bits = is32 ? 32 : 64;
	struct vreg d = is32 ? low32(dst) : *dst, s = is32 ? low32(src) : *src, orig = *dst;
	int k;

	k = -1;
	if ((op == VX_LSH || op == VX_RSH || op == VX_ARSH) &&
	    alu_shift_amount(env, in, src, bits, &k))
		return -1;
	if (op == VX_MOV && in->off) { /* movsx */
		d = *src;
		if (reg_is_const(&d))
			reg_mark_const(&d, in->off == 8 ? (uint64_t)(int8_t)d.var.value :
					   in->off == 16 ? (uint64_t)(int16_t)d.var.value :
							   (uint64_t)(int32_t)d.var.value);
		else
			alu_sext(&d, (unsigned)in->off);
	} else if (op == VX_NEG && reg_is_const(&d)) {
		reg_mark_const(&d, const_alu(op, d.var.value, 0, is32, 0));
	} else if (op != VX_NEG && reg_is_const(&d) && reg_is_const(&s)) {
		reg_mark_const(&d, const_alu(op, d.var.value, s.var.value, is32, in->off));
	} else {
		switch (op) {
		case VX_MOV: d = s; break;
		case VX_ADD: alu_add(&d, &s); break;
		case VX_SUB: alu_sub(&d, &s); break;
		case VX_NEG: s = d; reg_mark_const(&d, 0); alu_sub(&d, &s); break;
		case VX_MUL: alu_mul(&d, &s); break;
		case VX_AND: case VX_OR: case VX_XOR: alu_bitwise(&d, &s, op); break;
		case VX_LSH: case VX_RSH: case VX_ARSH:
			if (k < 0)
				reg_mark_unknown(&d);
			else if (op == VX_ARSH && is32)
				alu_arsh32(&d, &orig, (unsigned)k);
			else
				alu_shift(&d, op, (unsigned)k, bits);
			break;
		case VX_DIV: case VX_MOD: alu_div_mod(&d, &s, op, in->off); break;
		default: reg_mark_unknown(&d); break;
		}
		/* The 64-bit result decides the low half: rederive it. */
		d.s32min = S32_MIN;
		d.s32max = S32_MAX;
		d.u32min = 0;
		d.u32max = U32_MAX;
		reg_sync(&d);
	}
	d.id = 0;
	if (is32)
		reg_zext32(&d);
	reg_sync(&d);
	/* An arithmetic result with no possible value is a bug of these rules, not a dead path:
	 * refuse rather than check accesses against bounds that mean nothing (as the kernel's
	 * "REG INVARIANTS VIOLATION") */
	if (reg_bounds_empty(&d) ||
	    (tn_is_const(d.var) && (d.var.value < d.umin || d.var.value > d.umax)))
		return verr(env, -1, "verifier bug: a %s result has inconsistent bounds "
				     "(s64 [%lld, %lld] u64 [%llu, %llu] s32 [%d, %d] u32 [%u, %u])",
			    is32 ? "32-bit" : "64-bit", (long long)d.smin, (long long)d.smax,
			    (unsigned long long)d.umin, (unsigned long long)d.umax, d.s32min,
			    d.s32max, d.u32min, d.u32max);
	*dst = d;
	return 0;
}

uint8_t jmp_negate(uint8_t op)
{
	switch (op) {
	case VX_JEQ: return VX_JNE;
	case VX_JNE: return VX_JEQ;
	case VX_JGT: return VX_JLE;
	case VX_JLE: return VX_JGT;
	case VX_JGE: return VX_JLT;
	case VX_JLT: return VX_JGE;
	case VX_JSGT: return VX_JSLE;
	case VX_JSLE: return VX_JSGT;
	case VX_JSGE: return VX_JSLT;
	case VX_JSLT: return VX_JSGE;
	}
	return op; /* JSET: handled apart */
}

/* The operation with its operands exchanged: a OP b == b swap(OP) a. */
uint8_t jmp_swap(uint8_t op)
{
	switch (op) {
	case VX_JGT: return VX_JLT;
	case VX_JLT: return VX_JGT;
	case VX_JGE: return VX_JLE;
	case VX_JLE: return VX_JGE;
	case VX_JSGT: return VX_JSLT;
	case VX_JSLT: return VX_JSGT;
	case VX_JSGE: return VX_JSLE;
	case VX_JSLE: return VX_JSGE;
	}
	return op;
}

/* Bounds of one width, as 64-bit numbers. */
struct bnd {
	uint64_t umin, umax;
	int64_t smin, smax;
	struct tnum var;
};

static struct bnd get_bnd(const struct vreg *r, bool is32)
{
	if (is32)
		return (struct bnd){ r->u32min, r->u32max, r->s32min, r->s32max,
				     tn_cast(r->var, 4) };
	return (struct bnd){ r->umin, r->umax, r->smin, r->smax, r->var };
}

static void put_bnd(struct vreg *r, const struct bnd *b, bool is32)
{
	if (!is32) {
		r->umin = b->umin;
		r->umax = b->umax;
		r->smin = b->smin;
		r->smax = b->smax;
		r->var = b->var;
		return;
	}
	if (b->umin > b->umax || b->smin > b->smax) { /* empty: make it visible */
		r->u32min = 1;
		r->u32max = 0;
		return;
	}
	r->u32min = (uint32_t)b->umin;
	r->u32max = (uint32_t)b->umax;
	r->s32min = (int32_t)b->smin;
	r->s32max = (int32_t)b->smax;
	r->var = tn_or(tn_lsh(tn_rsh(r->var, 32), 32), tn_cast(b->var, 4));
}

static bool tn_conflict(struct tnum a, struct tnum b)
{
	return ((a.value ^ b.value) & ~(a.mask | b.mask)) != 0;
}

static void ne_const(struct bnd *a, uint64_t v, bool is32)
{
	int64_t sv = is32 ? (int32_t)v : (int64_t)v;

	if (a->umin == v)
		a->umin++;
	else if (a->umax == v)
		a->umax--;
	if (a->smin == sv)
		a->smin++;
	else if (a->smax == sv)
		a->smax--;
}

/* Refine a and b given that "a OP b" holds; false when it cannot hold. */
static bool refine_bnd(struct bnd *a, struct bnd *b, uint8_t op, bool is32, bool *empty)
{
	uint64_t top = is32 ? 0xffffffffull : UINT64_MAX;
	int64_t smax_all = is32 ? INT32_MAX : INT64_MAX;
	int64_t smin_all = is32 ? INT32_MIN : INT64_MIN;

	switch (op) {
	case VX_JEQ:
		if (tn_conflict(a->var, b->var))
			return *empty = true, false;
		a->umin = b->umin = umax64(a->umin, b->umin);
		a->umax = b->umax = umin64(a->umax, b->umax);
		a->smin = b->smin = smax64(a->smin, b->smin);
		a->smax = b->smax = smin64(a->smax, b->smax);
		a->var = b->var = tn_intersect(a->var, b->var);
		break;
	case VX_JNE:
		if (tn_is_const(a->var) && tn_is_const(b->var) && a->var.value == b->var.value)
			return *empty = true, false;
		if (tn_is_const(b->var))
			ne_const(a, b->var.value, is32);
		else if (tn_is_const(a->var))
			ne_const(b, a->var.value, is32);
		break;
	case VX_JGT:
		if (b->umin == top || a->umax == 0)
			return *empty = true, false;
		a->umin = umax64(a->umin, b->umin + 1);
		b->umax = umin64(b->umax, a->umax - 1);
		break;
	case VX_JGE:
		a->umin = umax64(a->umin, b->umin);
		b->umax = umin64(b->umax, a->umax);
		break;
	case VX_JSGT:
		if (b->smin == smax_all || a->smax == smin_all)
			return *empty = true, false;
		a->smin = smax64(a->smin, b->smin + 1);
		b->smax = smin64(b->smax, a->smax - 1);
		break;
	case VX_JSGE:
		a->smin = smax64(a->smin, b->smin);
		b->smax = smin64(b->smax, a->smax);
		break;
	case VX_JLT: case VX_JLE: case VX_JSLT: case VX_JSLE:
		return refine_bnd(b, a, jmp_swap(op), is32, empty);
	}
	if (a->umin > a->umax || b->umin > b->umax || a->smin > a->smax || b->smin > b->smax)
		return *empty = true, false;
	return true;
}

static bool refine_jset(struct bnd *a, const struct bnd *b, bool taken)
{
	if (taken) {
		if (!((a->var.value | a->var.mask) & (b->var.value | b->var.mask)))
			return false;
		if (tn_is_const(b->var) && b->var.value &&
		    !(b->var.value & (b->var.value - 1)))
			a->var = tn_or(a->var, b->var);
		return true;
	}
	if (a->var.value & b->var.value)
		return false;
	if (tn_is_const(b->var))
		a->var = tn_and(a->var, tn_const(~b->var.value));
	return true;
}

/*
 * Refine scalars a and b with "a OP b" (op may be a JSET: taken). Returns false when the
 * condition cannot hold for any values they may have (that edge is dead).
 */
bool scalar_refine(struct vreg *a, struct vreg *b, uint8_t op, bool is32)
{
	struct bnd ba = get_bnd(a, is32), bb = get_bnd(b, is32);
	bool empty = false;

	if (op == VX_JSET || op == (VX_JSET | 1)) {
		if (!refine_jset(&ba, &bb, op == VX_JSET))
			return false;
	} else if (!refine_bnd(&ba, &bb, op, is32, &empty)) {
		return false;
	}
	put_bnd(a, &ba, is32);
	put_bnd(b, &bb, is32);
	if (reg_bounds_empty(a) || reg_bounds_empty(b))
		return false;
	reg_sync(a);
	reg_sync(b);
	return !reg_bounds_empty(a) && !reg_bounds_empty(b) &&
	       !(tn_is_const(a->var) && (a->var.value < a->umin || a->var.value > a->umax));
}
