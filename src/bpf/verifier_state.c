// SPDX-License-Identifier: BSD-2-Clause
/*
 * verifier_state.c - abstract states: copying and freeing them, and deciding when a state seen
 * before covers the current one (range subsumption, consistent id mappings), so that the
 * exploration can stop there.
 */
#include <stdlib.h>
#include <string.h>

#include "verifier_priv.h"
#include "vxbpf/asm.h"

/* ---- memory: what the states of the verification in progress on this thread hold ---- */

static _Thread_local size_t vm_cur, vm_max;

/*
 * Freed states and frames are kept on per-thread free lists for the next ones (a verification
 * copies a state at every branch); vm_drain() gives them back at the end of a verification.
 */
struct vm_free_obj {
	struct vm_free_obj *next;
};

static _Thread_local struct vm_free_obj *pool_state, *pool_frame;

static struct vm_free_obj **pool_of(size_t n)
{
	if (n == sizeof(struct vstate))
		return &pool_state;
	if (n == sizeof(struct vframe))
		return &pool_frame;
	return NULL;
}

void vm_reset(void)
{
	vm_cur = vm_max = 0;
}

void vm_drain(void)
{
	struct vm_free_obj **pools[] = { &pool_state, &pool_frame };
	size_t i;

	for (i = 0; i < sizeof(pools) / sizeof(pools[0]); i++)
		while (*pools[i]) {
			struct vm_free_obj *o = *pools[i];

			*pools[i] = o->next;
			free(o);
		}
}

size_t vm_used(void)
{
	return vm_cur;
}

size_t vm_peak(void)
{
	return vm_max;
}

static void vm_add(size_t n)
{
	vm_cur += n;
	if (vm_cur > vm_max)
		vm_max = vm_cur;
}

void *vm_alloc(size_t n, bool zero)
{
	struct vm_free_obj **pool = pool_of(n);
	void *p;

	if (pool && *pool) {
		p = *pool;
		*pool = (*pool)->next;
		if (zero)
			memset(p, 0, n);
	} else {
		p = zero ? calloc(1, n) : malloc(n);
	}
	if (p)
		vm_add(n);
	return p;
}

void *vm_realloc(void *p, size_t old, size_t n)
{
	void *q = realloc(p, n);

	if (q) {
		vm_cur -= old;
		vm_add(n);
	}
	return q;
}

void vm_free(void *p, size_t n)
{
	struct vm_free_obj **pool = pool_of(n);

	if (!p)
		return;
	vm_cur -= n;
	if (pool) {
		((struct vm_free_obj *)p)->next = *pool;
		*pool = p;
		return;
	}
	free(p);
}

/* ---- copy-on-write stack slots: a reference count before the array ---- */

struct slots_hdr {
	uint32_t refs;
	uint32_t n;
	uint64_t pad; /* keeps the slots 16-byte aligned */
};

static struct slots_hdr *hdr_of(struct vslot *s)
{
	return (struct slots_hdr *)s - 1;
}

static size_t slots_size(uint32_t n)
{
	return sizeof(struct slots_hdr) + sizeof(struct vslot) * n;
}

void frame_slots_put(struct vframe *f)
{
	struct slots_hdr *h;

	if (!f->slots)
		return;
	h = hdr_of(f->slots);
	if (!--h->refs)
		vm_free(h, slots_size(h->n));
	f->slots = NULL;
}

/* A private array of n slots for f, the first f->nslots copied, the rest uninitialised. */
static struct vslot *slots_private(struct vframe *f, int n)
{
	struct slots_hdr *h = vm_alloc(slots_size((uint32_t)n), false);
	struct vslot *s;

	if (!h)
		return NULL;
	h->refs = 1;
	h->n = (uint32_t)n;
	s = (struct vslot *)(h + 1);
	if (f->nslots)
		memcpy(s, f->slots, sizeof(*s) * (size_t)f->nslots);
	memset(s + f->nslots, 0, sizeof(*s) * (size_t)(n - f->nslots));
	frame_slots_put(f);
	f->slots = s;
	f->nslots = n;
	return s;
}

struct vslot *slots_grow(struct vframe *f, int n)
{
	return slots_private(f, n);
}

struct vslot *frame_slots_mut(struct vframe *f)
{
	if (!f->slots || hdr_of(f->slots)->refs == 1)
		return f->slots;
	return slots_private(f, f->nslots);
}

struct vframe *frame_new(int callsite, int subprog)
{
	struct vframe *f = vm_alloc(sizeof(*f), true);

	if (!f)
		return NULL;
	f->callsite = callsite;
	f->subprog = subprog;
	return f;
}

void frame_free(struct vframe *f)
{
	if (!f)
		return;
	frame_slots_put(f);
	vm_free(f, sizeof(*f));
}

static struct vframe *frame_copy(const struct vframe *f)
{
	struct vframe *n = vm_alloc(sizeof(*n), false);

	if (!n)
		return NULL;
	*n = *f;
	if (n->slots)
		hdr_of(n->slots)->refs++;
	return n;
}

void state_free(struct vstate *s)
{
	int i;

	if (!s)
		return;
	for (i = 0; i <= s->curframe; i++)
		frame_free(s->frames[i]);
	vm_free(s->hist, sizeof(*s->hist) * (size_t)s->caphist);
	vm_free(s, sizeof(*s));
}

struct vstate *state_copy(const struct vstate *s)
{
	struct vstate *n = vm_alloc(sizeof(*n), false);
	int i;

	if (!n)
		return NULL;
	*n = *s;
	n->hist = NULL;
	n->caphist = n->nhist;
	if (s->nhist) {
		n->hist = vm_alloc(sizeof(*n->hist) * (size_t)s->nhist, false);
		if (!n->hist) {
			vm_free(n, sizeof(*n));
			return NULL;
		}
		memcpy(n->hist, s->hist, sizeof(*n->hist) * (size_t)s->nhist);
	}
	for (i = 0; i <= s->curframe; i++) {
		n->frames[i] = frame_copy(s->frames[i]);
		if (!n->frames[i]) {
			n->curframe = i - 1;
			state_free(n);
			return NULL;
		}
	}
	for (; i < V_MAX_FRAMES; i++)
		n->frames[i] = NULL;
	return n;
}

/* old id -> cur id, consistently across the whole state. */
struct idmap {
	uint32_t old[256], cur[256];
	int n;
};

static bool id_match(struct idmap *m, uint32_t old, uint32_t cur)
{
	int i;

	if (!old && !cur)
		return true;
	if (!old || !cur)
		return false;
	for (i = 0; i < m->n; i++)
		if (m->old[i] == old)
			return m->cur[i] == cur;
	for (i = 0; i < m->n; i++)
		if (m->cur[i] == cur)
			return false;
	if (m->n == 256)
		return false;
	m->old[m->n] = old;
	m->cur[m->n++] = cur;
	return true;
}

static bool range_within(const struct vreg *o, const struct vreg *c)
{
	return o->smin <= c->smin && o->smax >= c->smax && o->umin <= c->umin &&
	       o->umax >= c->umax && o->s32min <= c->s32min && o->s32max >= c->s32max &&
	       o->u32min <= c->u32min && o->u32max >= c->u32max && tn_in(o->var, c->var);
}

static bool scalar_safe(const struct vreg *o, const struct vreg *c, struct idmap *m, int mode)
{
	bool exact = mode == CMP_EXACT;

	if (exact)
		return !memcmp(&o->var, &c->var, sizeof(o->var)) && o->smin == c->smin &&
		       o->smax == c->smax && o->umin == c->umin && o->umax == c->umax &&
		       o->s32min == c->s32min && o->s32max == c->s32max && o->u32min == c->u32min &&
		       o->u32max == c->u32max;
	if (!range_within(o, c))
		return false;
	/* An old link between scalars may have been used to refine both: cur needs it too. */
	return !o->id || id_match(m, o->id, c->id);
}

static bool reg_safe(const struct vreg *o, const struct vreg *c, struct idmap *m, int mode)
{
	bool exact = mode == CMP_EXACT;

	if (o->type == T_NOT_INIT)
		return !exact || c->type == T_NOT_INIT;
	if (o->type != c->type)
		return false;
	if (o->type == T_SCALAR && mode == CMP_PRECISE && !o->precise)
		return true; /* no decision after the checkpoint depended on it */
	if (o->type == T_SCALAR)
		return scalar_safe(o, c, m, mode);
	if (o->off != c->off || o->maybe_null != c->maybe_null || o->map != c->map ||
	    o->frameno != c->frameno || !scalar_safe(o, c, m, exact ? CMP_EXACT : CMP_RANGE))
		return false;
	switch (o->type) {
	case T_PKT:
	case T_PKT_META:
		return o->range <= c->range && (!exact || o->range == c->range) &&
		       id_match(m, o->id, c->id);
	case T_MAP_VALUE:
		return id_match(m, o->id, c->id);
	case T_MEM:
		return o->range == c->range && id_match(m, o->id, c->id) &&
		       id_match(m, o->ref_id, c->ref_id);
	default:
		return true;
	}
}

static bool slot_byte_safe(const struct vslot *o, const struct vslot *c, int i)
{
	uint8_t ot = o->type[i], ct = c ? c->type[i] : S_INVALID;

	if (ot == S_INVALID) /* read as an unknown scalar there: covers no pointer */
		return ct != S_SPILL || c->spill.type == T_SCALAR;
	if (ot == S_MISC)
		return ct == S_MISC || ct == S_ZERO || ct == S_CONST ||
		       (ct == S_SPILL && c->spill.type == T_SCALAR);
	if (ot == S_ZERO || ot == S_CONST) /* the same byte value */
		return ((ct == S_ZERO || ct == S_CONST) && slot_byte(c, i) == slot_byte(o, i)) ||
		       (ct == S_SPILL && c->spill.type == T_SCALAR && reg_is_const(&c->spill) &&
			(uint8_t)(c->spill.var.value >> (8 * i)) == slot_byte(o, i));
	return ct == S_SPILL;
}

/* An imprecise spilled scalar is covered by any 8 initialised scalar bytes. */
static bool imprecise_spill_safe(const struct vslot *os, const struct vslot *cs)
{
	int i;

	if (!cs)
		return false;
	if (cs->type[0] == S_SPILL)
		return cs->spill.type == T_SCALAR;
	for (i = 0; i < 8; i++)
		if (cs->type[i] != S_MISC && cs->type[i] != S_ZERO && cs->type[i] != S_CONST)
			return false;
	return os->spill.type == T_SCALAR;
}

static bool stack_safe(const struct vframe *o, const struct vframe *c, struct idmap *m,
		       int mode)
{
	bool exact = mode == CMP_EXACT;
	int s, i;

	if (exact && o->nslots != c->nslots)
		return false;
	if (o->slots == c->slots && o->nslots == c->nslots) {
		/* the same copy-on-write array: each slot covers itself; only the ids of spilled
		 * registers must map consistently with the rest of the state */
		for (s = 0; s < o->nslots; s++) {
			const struct vreg *r = &o->slots[s].spill;

			if (o->slots[s].type[0] == S_SPILL &&
			    ((r->id && !id_match(m, r->id, r->id)) ||
			     (r->ref_id && !id_match(m, r->ref_id, r->ref_id))))
				return false;
		}
		return true;
	}
	for (s = 0; s < o->nslots; s++) {
		const struct vslot *os = &o->slots[s], *cs = s < c->nslots ? &c->slots[s] : NULL;

		uint64_t ot, ct;

		memcpy(&ot, os->type, 8);
		ct = 0;
		if (cs)
			memcpy(&ct, cs->type, 8);
		if (!ot && !exact) {
			/* all unwritten: read as unknown scalars, covering anything but a pointer */
			if (ct && cs->type[0] == S_SPILL && cs->spill.type != T_SCALAR)
				return false;
			continue;
		}
		if (exact && ot != ct)
			return false;
		/* the same byte kinds, none a spill or a known value: each covers itself */
		if (ot == ct && !memchr(os->type, S_SPILL, 8) && !memchr(os->type, S_CONST, 8))
			continue;
		if (mode == CMP_PRECISE && os->type[0] == S_SPILL && os->spill.type == T_SCALAR &&
		    !os->spill.precise) {
			if (!imprecise_spill_safe(os, cs))
				return false;
			continue;
		}
		for (i = 0; i < 8; i++)
			if (!slot_byte_safe(os, cs, i))
				return false;
		if (os->type[0] == S_SPILL && !reg_safe(&os->spill, &cs->spill, m, mode))
			return false;
	}
	/* slots old never grew to are unwritten there: they cover no pointer either */
	for (; s < c->nslots; s++)
		if (c->slots[s].type[0] == S_SPILL && c->slots[s].spill.type != T_SCALAR)
			return false;
	return true;
}

static uint16_t frame_live(struct venv *env, const struct vstate *st, int fi)
{
	if (fi == st->curframe)
		return env->live[st->insn];
	/* A callback's caller runs its helper call again (reading its arguments); a local
	 * call's caller resumes after the call, where only r6-r9 survive it. */
	if (st->frames[fi + 1]->in_callback)
		return env->live[st->frames[fi + 1]->callsite];
	return env->live[st->frames[fi + 1]->callsite + 1] & 0x3c0;
}

static bool frame_regs_safe(struct venv *env, const struct vstate *os, const struct vstate *cs,
			    int fi, struct idmap *m, int mode)
{
	const struct vframe *o = os->frames[fi], *c = cs->frames[fi];
	unsigned live = frame_live(env, cs, fi) | 1u << VX_REG_FP;

	if (o->callsite != c->callsite || o->in_callback != c->in_callback ||
	    o->cb_depth > c->cb_depth || (mode == CMP_EXACT && o->cb_depth != c->cb_depth))
		return false;
	while (live) {
		int r = __builtin_ctz(live);

		live &= live - 1;
		if (!reg_safe(&o->regs[r], &c->regs[r], m, mode))
			return false;
	}
	return true;
}

/*
 * Whether old (explored, safe) covers cur at the same instruction. Registers first, innermost
 * frame first (where paths differ most), stacks last (the id mapping does not depend on order).
 */
bool states_equal(struct venv *env, const struct vstate *old, const struct vstate *cur,
		  int mode)
{
	struct idmap map, *m = &map;
	int i;

	if (old->curframe != cur->curframe || old->nrefs != cur->nrefs)
		return false;
	m->n = 0;
	for (i = 0; i < old->nrefs; i++)
		if (old->refs[i].frameno != cur->refs[i].frameno ||
		    !id_match(m, old->refs[i].id, cur->refs[i].id))
			return false;
	for (i = old->curframe; i >= 0; i--)
		if (!frame_regs_safe(env, old, cur, i, m, mode))
			return false;
	for (i = old->curframe; i >= 0; i--)
		if (!stack_safe(old->frames[i], cur->frames[i], m, mode))
			return false;
	return true;
}

static void widen_reg(struct vreg *c, const struct vreg *o)
{
	struct idmap m = { .n = 0 };

	if (c->type == T_SCALAR && o->type == T_SCALAR && !scalar_safe(o, c, &m, CMP_RANGE))
		reg_mark_unknown(c);
}

/*
 * Make every scalar of cur that old does not cover unknown (sound: a larger set), so that a
 * callback's repeated calls reach a fixpoint.
 */
/* Known narrow constants that changed since old become plain numbers. */
static void widen_const(struct vslot *c, const struct vslot *o)
{
	int i;

	for (i = 0; i < 8; i++)
		if (c->type[i] == S_CONST &&
		    ((o->type[i] != S_CONST && o->type[i] != S_ZERO) || slot_byte(o, i) != slot_byte(c, i)))
			break;
	if (i == 8)
		return;
	for (i = 0; i < 8; i++)
		if (c->type[i] == S_CONST)
			c->type[i] = S_MISC;
}

void widen_scalars(struct vstate *cur, const struct vstate *old)
{
	int f, r, s;

	if (cur->curframe != old->curframe)
		return;
	for (f = 0; f <= cur->curframe; f++) {
		struct vframe *c = cur->frames[f];
		const struct vframe *o = old->frames[f];

		for (r = 0; r < VX_NREGS; r++)
			widen_reg(&c->regs[r], &o->regs[r]);
		if (!frame_slots_mut(c))
			continue; /* out of memory: this frame's spills stay as they are (sound) */
		for (s = 0; s < c->nslots && s < o->nslots; s++) {
			if (c->slots[s].type[0] == S_SPILL && o->slots[s].type[0] == S_SPILL)
				widen_reg(&c->slots[s].spill, &o->slots[s].spill);
			widen_const(&c->slots[s], &o->slots[s]);
		}
	}
}

/* ---- precision: which scalars of a checkpoint decided something after it ---- */

int hist_push(struct vstate *st, const struct vhist *h)
{
	if (st->nhist == st->caphist) {
		int cap = st->caphist ? st->caphist * 2 : 32;
		struct vhist *n = vm_realloc(st->hist, sizeof(*n) * (size_t)st->caphist,
					     sizeof(*n) * (size_t)cap);

		if (!n)
			return -1;
		st->hist = n;
		st->caphist = cap;
	}
	st->hist[st->nhist++] = *h;
	return 0;
}

/* Registers and stack slots still to be made precise, per frame. */
struct bt {
	uint16_t regs[V_MAX_FRAMES];
	uint64_t slots[V_MAX_FRAMES];
	int frame; /* the frame every instruction walked back belongs to */
};

static bool bt_empty(const struct bt *b)
{
	int f;

	for (f = 0; f < V_MAX_FRAMES; f++)
		if (b->regs[f] || b->slots[f])
			return false;
	return true;
}

static uint64_t slot_mask(int off, int size)
{
	uint64_t m = 0;
	int b;

	for (b = off; b < off + size; b++)
		if (b < 0 && b >= -V_STACK)
			m |= 1ull << ((-b - 1) / 8);
	return m;
}

static int insn_size(uint8_t code)
{
	switch (VX_SIZE(code)) {
	case VX_B: return 1;
	case VX_H: return 2;
	case VX_W: return 4;
	}
	return 8;
}

static int bt_mem(struct venv *env, struct bt *b, const struct vhist *h)
{
	const struct vx_insn *in = &env->insns[h->idx];
	uint16_t *rm = &b->regs[b->frame];
	uint64_t *sm = &b->slots[b->frame], m;
	int size = insn_size(in->code);

	if (VX_CLASS(in->code) == VX_LDX) {
		if (!(*rm & (1u << in->dst)))
			return 0;
		*rm &= (uint16_t)~(1u << in->dst);
		if (env->stack_indirect[h->idx])
			return -1;
		if (in->src == VX_REG_FP)
			*sm |= slot_mask(in->off, size);
		return 0;
	}
	if (env->stack_indirect[h->idx])
		return -1;
	if (VX_MODE(in->code) == VX_ATOMIC) {
		int fetch = in->imm == VX_CMPXCHG ? 0 : in->src;

		if (in->dst == VX_REG_FP)
			return -1;
		if (in->imm & VX_FETCH)
			*rm &= (uint16_t)~(1u << fetch);
		return 0;
	}
	if (in->dst != VX_REG_FP)
		return 0;
	m = slot_mask(in->off, size);
	if (!(*sm & m))
		return 0;
	if (size == 8 && !(in->off % 8))
		*sm &= ~m;
	if (VX_CLASS(in->code) == VX_STX)
		*rm |= (uint16_t)(1u << in->src);
	return 0;
}

/* Walk one instruction back: what before it decided what is wanted after it. -1: give up. */
static int bt_insn(struct venv *env, struct bt *b, const struct vhist *h)
{
	const struct vx_insn *in = &env->insns[h->idx];
	uint8_t c = VX_CLASS(in->code), op = VX_OP(in->code);
	uint16_t *rm = &b->regs[b->frame], d = (uint16_t)(1u << in->dst);
	uint16_t sr = (uint16_t)(1u << in->src);
	bool x = VX_SRC(in->code) == VX_X;

	switch (c) {
	case VX_ALU:
	case VX_ALU64:
		if (!(*rm & d))
			return 0;
		if (op == VX_MOV)
			*rm = (uint16_t)((*rm & ~d) | (x ? sr : 0));
		else if (x && op != VX_END && op != VX_NEG)
			*rm |= sr;
		return 0;
	case VX_LD:
		*rm &= (uint16_t)~d;
		return 0;
	case VX_LDX:
	case VX_ST:
	case VX_STX:
		return bt_mem(env, b, h);
	}
	if (op == VX_JA)
		return 0;
	if (op == VX_EXIT || (op == VX_CALL && (in->src == VX_CALL_LOCAL || env->cb_call[h->idx])))
		return -1;
	if (op == VX_CALL) {
		*rm &= (uint16_t)~1u;
		return *rm & 0x3e ? -1 : 0;
	}
	{
		uint16_t ops = (uint16_t)(d | (x ? sr : 0) | h->linked);

		if (!(*rm & ops))
			return 0;
		if (h->bad)
			return -1;
		*rm |= ops;
	}
	return 0;
}

static void mark_all(struct vsl *sl)
{
	int f, r;

	for (; sl && !sl->all_precise; sl = sl->parent) {
		sl->all_precise = true;
		if (!sl->st)
			continue;
		for (f = 0; f <= sl->st->curframe; f++) {
			struct vframe *fr = sl->st->frames[f];

			/* spills too, by all_precise (slots are shared: not written here) */
			for (r = 0; r < VX_NREGS; r++)
				fr->regs[r].precise = 1;
		}
	}
}

/* Linked scalars were refined together: precise together. */
static void bt_add_linked(struct vstate *st, struct bt *b, uint32_t id)
{
	int f, r, s;

	for (f = 0; f <= st->curframe; f++) {
		struct vframe *fr = st->frames[f];

		for (r = 0; r < VX_NREGS; r++)
			if (fr->regs[r].type == T_SCALAR && fr->regs[r].id == id &&
			    !fr->regs[r].precise)
				b->regs[f] |= (uint16_t)(1u << r);
		for (s = 0; s < fr->nslots; s++)
			if (fr->slots[s].type[0] == S_SPILL && fr->slots[s].spill.type == T_SCALAR &&
			    fr->slots[s].spill.id == id && !fr->slots[s].spill.precise)
				b->slots[f] |= 1ull << s;
	}
}

static bool mark_one(struct vreg *r, struct bt *b, struct vstate *st)
{
	if (r->type != T_SCALAR || r->precise)
		return false;
	r->precise = 1;
	if (r->id)
		bt_add_linked(st, b, r->id);
	return true;
}

static bool spill_wants_mark(const struct vframe *fr, int s)
{
	return s < fr->nslots && fr->slots[s].type[0] == S_SPILL &&
	       fr->slots[s].spill.type == T_SCALAR && !fr->slots[s].spill.precise;
}

/* Mark what b asks for in a checkpoint; b keeps what its ancestors still need. -1: no memory. */
static int bt_apply(struct vstate *st, struct bt *b)
{
	struct bt out;
	int f, r, s;

	memset(&out, 0, sizeof(out));
	out.frame = b->frame;
	while (!bt_empty(b)) {
		for (f = 0; f < V_MAX_FRAMES; f++) {
			struct vframe *fr = f <= st->curframe ? st->frames[f] : NULL;

			while (b->regs[f]) { /* set bits only: this runs for every checkpoint walked */
				r = __builtin_ctz(b->regs[f]);
				b->regs[f] &= (uint16_t)~(1u << r);
				if (fr && mark_one(&fr->regs[r], b, st))
					out.regs[f] |= (uint16_t)(1u << r);
			}
			while (b->slots[f]) {
				s = __builtin_ctzll(b->slots[f]);
				b->slots[f] &= ~(1ull << s);
				if (!fr || !spill_wants_mark(fr, s))
					continue;
				if (!frame_slots_mut(fr))
					return -1;
				if (mark_one(&fr->slots[s].spill, b, st))
					out.slots[f] |= 1ull << s;
			}
		}
	}
	*b = out;
	return 0;
}

static int backtrack(struct venv *env, struct bt *b)
{
	const struct vhist *hist = env->cur->hist;
	struct vsl *sl = env->cur->parent;
	int n = env->cur->nhist, i;

	b->frame = env->cur->curframe;
	for (;;) {
		for (i = n - 1; i >= 0; i--) {
			if (bt_insn(env, b, &hist[i])) {
				mark_all(sl);
				return 0;
			}
			if (!b->regs[b->frame] && !b->slots[b->frame] && bt_empty(b))
				return 0; /* nothing left to mark */
		}
		if (bt_empty(b) || !sl || sl->all_precise)
			return 0;
		if (sl->st && bt_apply(sl->st, b))
			return verr(env, -1, "out of memory");
		hist = sl->hist;
		n = sl->nhist;
		sl = sl->parent;
	}
}

int mark_reg_precise(struct venv *env, int regno)
{
	struct bt b;

	if (env->cur->frames[env->cur->curframe]->regs[regno].type != T_SCALAR)
		return 0;
	memset(&b, 0, sizeof(b));
	b.regs[env->cur->curframe] = (uint16_t)(1u << regno);
	return backtrack(env, &b);
}

/* The stack slots in mask of frame frameno decided something: what wrote them is precise. */
int mark_slots_precise(struct venv *env, int frameno, uint64_t mask)
{
	struct bt b;

	memset(&b, 0, sizeof(b));
	b.slots[frameno] = mask;
	return backtrack(env, &b);
}

/* The current path was pruned by old: what old needed precise, the path needs too. */
int propagate_precision(struct venv *env, const struct vstate *old, bool all)
{
	struct bt b;
	int f, r, s;

	memset(&b, 0, sizeof(b));
	for (f = 0; f <= old->curframe; f++) {
		const struct vframe *fr = old->frames[f];

		for (r = 0; r < VX_NREGS; r++)
			if (fr->regs[r].type == T_SCALAR && (all || fr->regs[r].precise))
				b.regs[f] |= (uint16_t)(1u << r);
		for (s = 0; s < fr->nslots && s < V_SLOTS; s++)
			if (fr->slots[s].type[0] == S_SPILL && fr->slots[s].spill.type == T_SCALAR &&
			    (all || fr->slots[s].spill.precise))
				b.slots[f] |= 1ull << s;
	}
	if (bt_empty(&b))
		return 0;
	return backtrack(env, &b);
}
