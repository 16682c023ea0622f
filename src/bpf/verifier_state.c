// SPDX-License-Identifier: BSD-2-Clause
/*
 * verifier_state.c - abstract states: copying and freeing them, and deciding when a state seen
 * before covers the current one (range subsumption, consistent id mappings), so that the
 * exploration can stop there.
 */
#include <stdlib.h>
#include <string.h>

#include "verifier_priv.h"

struct vframe *frame_new(int callsite, int subprog)
{
	struct vframe *f = calloc(1, sizeof(*f));

	if (!f)
		return NULL;
	f->callsite = callsite;
	f->subprog = subprog;
	return f;
}

static struct vframe *frame_copy(const struct vframe *f)
{
	struct vframe *n = malloc(sizeof(*n));

	if (!n)
		return NULL;
	*n = *f;
	n->slots = NULL;
	if (f->nslots) {
		n->slots = malloc(sizeof(*n->slots) * (size_t)f->nslots);
		if (!n->slots) {
			free(n);
			return NULL;
		}
		memcpy(n->slots, f->slots, sizeof(*n->slots) * (size_t)f->nslots);
	}
	return n;
}

void state_free(struct vstate *s)
{
	int i;

	if (!s)
		return;
	for (i = 0; i <= s->curframe; i++) {
		if (s->frames[i])
			free(s->frames[i]->slots);
		free(s->frames[i]);
	}
	free(s);
}

struct vstate *state_copy(const struct vstate *s)
{
	struct vstate *n = malloc(sizeof(*n));
	int i;

	if (!n)
		return NULL;
	*n = *s;
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

static bool scalar_safe(const struct vreg *o, const struct vreg *c, struct idmap *m, bool exact)
{
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

static bool reg_safe(const struct vreg *o, const struct vreg *c, struct idmap *m, bool exact)
{
	if (o->type == T_NOT_INIT)
		return !exact || c->type == T_NOT_INIT;
	if (o->type != c->type)
		return false;
	if (o->type == T_SCALAR)
		return scalar_safe(o, c, m, exact);
	if (o->off != c->off || o->maybe_null != c->maybe_null || o->map != c->map ||
	    o->frameno != c->frameno || !scalar_safe(o, c, m, exact))
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

	if (ot == S_INVALID)
		return true;
	if (ot == S_MISC)
		return ct == S_MISC || ct == S_ZERO ||
		       (ct == S_SPILL && c->spill.type == T_SCALAR);
	if (ot == S_ZERO)
		return ct == S_ZERO || (ct == S_SPILL && reg_is_const(&c->spill) &&
					c->spill.var.value == 0);
	return ct == S_SPILL;
}

static bool stack_safe(const struct vframe *o, const struct vframe *c, struct idmap *m,
		       bool exact)
{
	int s, i;

	if (exact && o->nslots != c->nslots)
		return false;
	for (s = 0; s < o->nslots; s++) {
		const struct vslot *os = &o->slots[s], *cs = s < c->nslots ? &c->slots[s] : NULL;

		if (exact && memcmp(os->type, cs->type, 8))
			return false;
		for (i = 0; i < 8; i++)
			if (!slot_byte_safe(os, cs, i))
				return false;
		if (os->type[0] == S_SPILL && !reg_safe(&os->spill, &cs->spill, m, exact))
			return false;
	}
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

static bool frame_safe(struct venv *env, const struct vstate *os, const struct vstate *cs,
		       int fi, struct idmap *m, bool exact)
{
	const struct vframe *o = os->frames[fi], *c = cs->frames[fi];
	uint16_t live = frame_live(env, cs, fi);
	int r;

	if (o->callsite != c->callsite || o->in_callback != c->in_callback)
		return false;
	for (r = 0; r < VX_NREGS; r++)
		if ((live & (1u << r) || r == VX_REG_FP) && !reg_safe(&o->regs[r], &c->regs[r], m, exact))
			return false;
	return stack_safe(o, c, m, exact);
}

/* Whether old (explored, safe) covers cur at the same instruction. */
bool states_equal(struct venv *env, const struct vstate *old, const struct vstate *cur,
		  bool exact)
{
	struct idmap map, *m = &map;
	bool ok = true;
	int i;

	if (old->curframe != cur->curframe || old->nrefs != cur->nrefs)
		return false;
	m->n = 0;
	for (i = 0; ok && i < old->nrefs; i++)
		ok = old->refs[i].frameno == cur->refs[i].frameno &&
		     id_match(m, old->refs[i].id, cur->refs[i].id);
	for (i = 0; ok && i <= old->curframe; i++)
		ok = frame_safe(env, old, cur, i, m, exact);
	return ok;
}

static void widen_reg(struct vreg *c, const struct vreg *o)
{
	struct idmap m = { .n = 0 };

	if (c->type == T_SCALAR && o->type == T_SCALAR && !scalar_safe(o, c, &m, false))
		reg_mark_unknown(c);
}

/*
 * Make every scalar of cur that old does not cover unknown (sound: a larger set), so that a
 * callback's repeated calls reach a fixpoint.
 */
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
		for (s = 0; s < c->nslots && s < o->nslots; s++)
			if (c->slots[s].type[0] == S_SPILL && o->slots[s].type[0] == S_SPILL)
				widen_reg(&c->slots[s].spill, &o->slots[s].spill);
	}
}
