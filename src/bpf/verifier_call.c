// SPDX-License-Identifier: BSD-2-Clause
/*
 * verifier_call.c - calls and returns: helper arguments against the shared prototype table,
 * helper results (map values or NULL, ring buffer samples as references), callbacks entered as
 * functions, bpf-to-bpf calls, and what must hold at each exit.
 */
#include <stdlib.h>
#include <string.h>

#include "verifier_priv.h"
#include "vxbpf/map.h"


struct call_ctx {
	const struct vx_helper *h;
	int map;	/* map of the last map argument, -1 none */
	int callback;	/* subprogram of a VX_ARG_FUNC, -1 none */
	uint32_t release; /* ref id released by this call */
	uint64_t mem_size;
};

static int arg_err(struct venv *env, int idx, int regno, const struct vreg *r, const char *want)
{
	return verr(env, idx, "R%d type=%s expected=%s", regno, vtype_name(r), want);
}

static int check_map_type(struct venv *env, int idx, int regno, uint8_t type, int map)
{
	uint32_t mt = vx_map_get_def(env->prog->maps[map])->type;

	if (type == VX_ARG_MAP_PROG_ARRAY && mt != VX_MAP_PROG_ARRAY)
		return verr(env, idx, "R%d: map is not a program array", regno);
	if (type == VX_ARG_MAP_RINGBUF && mt != VX_MAP_RINGBUF)
		return verr(env, idx, "R%d: map is not a ring buffer", regno);
	if (type == VX_ARG_MAP && (mt == VX_MAP_PROG_ARRAY || mt == VX_MAP_RINGBUF))
		return verr(env, idx, "R%d: this helper does not take this map type", regno);
	return 0;
}

static bool is_null(const struct vreg *r)
{
	return reg_is_const(r) && !r->var.value;
}

/* Helper reads of stack bytes: none part of a spilled (or invalidated) pointer. */
static int stack_helper_read(struct venv *env, int idx, int regno, const struct vreg *r,
			     uint64_t size)
{
	struct vframe *f = env->cur->frames[r->frameno];
	int lo = r->off + (int)r->smin, hi = r->off + (int)r->smax + (int)size, b;

	if (r->smin < -V_STACK || r->smax > V_STACK || lo < -V_STACK || hi > 0)
		return verr(env, idx, "invalid indirect access to stack R%d off=%d size=%llu", regno,
			    lo, (unsigned long long)size);
	if (!stack_slots(env, f, -lo, false))
		return verr(env, idx, "out of memory");
	stack_note_depth(env, r->frameno, -lo);
	for (b = lo; b < hi; b++) {
		int s = (-b - 1) / 8, i = b + 8 * (s + 1);
		struct vslot *sl = &f->slots[s];

		if (sl->type[i] == S_INVALID)
			note_unwritten_read(env);
		if (sl->type[i] == S_SPILL && sl->spill.type == T_NOT_INIT)
			return verr(env, idx,
				    "invalid indirect read from stack R%d off %d+%d size %llu: %s",
				    regno, r->off, b - r->off, (unsigned long long)size,
				    "a pointer there was invalidated");
		if (sl->type[i] == S_SPILL && sl->spill.type != T_SCALAR)
			return verr(env, idx, "R%d leaks addr into helper function", regno);
	}
	return 0;
}

static int helper_mem(struct venv *env, int idx, int regno, uint64_t size)
{
	const struct vreg *r = &cur_regs(env)[regno];

	if (r->type == T_STACK)
		return stack_helper_read(env, idx, regno, r, size);
	if (r->type != T_PKT && r->type != T_PKT_META && r->type != T_MAP_VALUE &&
	    r->type != T_MEM && r->type != T_MAP_KEY)
		return arg_err(env, idx, regno, r, "fp, pkt, pkt_meta, map_key, map_value, mem");
	return check_mem_region(env, idx, regno, r, 0, (int)size, false, true);
}

static int arg_mem_size(struct venv *env, int idx, int i, uint8_t type, uint8_t next)
{
	const struct vreg *p = &cur_regs(env)[i], *s = &cur_regs(env)[i + 1];
	bool zero_ok = next == VX_ARG_CONST_SIZE_OR_ZERO;

	if (check_reg_read(env, idx, i + 1))
		return -1;
	if (s->type != T_SCALAR)
		return verr(env, idx, "R%d type=%s expected=scalar", i + 1, vtype_name(s));
	if (mark_reg_precise(env, i + 1) || mark_reg_precise(env, i))
		return -1;
	if (type == VX_ARG_MEM_OR_NULL && is_null(p)) {
		if (s->umax)
			return verr(env, idx, "R%d: NULL memory with a non-zero size", i + 1);
		return 0;
	}
	if (s->smin < 0)
		return verr(env, idx, "R%d min value is negative, either use unsigned or 'var &= const'",
			    i + 1);
	if (s->umax >= V_MAX_VAR_OFF)
		return verr(env, idx,
			    "R%d unbounded memory access, use 'var &= const' or 'if (var < const)'",
			    i + 1);
	if (!s->umin && !zero_ok)
		return verr(env, idx, "R%d invalid zero-sized read: u64=[%llu,%llu]", i + 1,
			    (unsigned long long)s->umin, (unsigned long long)s->umax);
	if (!s->umax)
		return 0;
	return helper_mem(env, idx, i, s->umax);
}

static int arg_ringbuf_mem(struct venv *env, int idx, int i, struct call_ctx *c)
{
	const struct vreg *r = &cur_regs(env)[i];
	struct vstate *st = env->cur;
	int k;

	if (r->type != T_MEM || r->maybe_null || !r->ref_id)
		return arg_err(env, idx, i, r, "ringbuf_mem");
	if (r->off || !tn_is_const(r->var) || r->var.value)
		return verr(env, idx, "R%d must have zero offset when passed to release func", i);
	for (k = 0; k < st->nrefs; k++)
		if (st->refs[k].id == r->ref_id)
			break;
	if (k == st->nrefs)
		return verr(env, idx, "R%d: ring buffer sample already released", i);
	if (cur_frame(env)->in_callback && st->refs[k].frameno != st->curframe)
		return verr(env, idx, "R%d: cannot release a reference acquired outside the callback",
			    i);
	c->release = r->ref_id;
	return 0;
}

static int check_arg(struct venv *env, int idx, int i, struct call_ctx *c)
{
	const struct vreg *r = &cur_regs(env)[i];
	uint8_t type = c->h->args[i - 1], next = i < 5 ? c->h->args[i] : VX_ARG_NONE;

	if (check_reg_read(env, idx, i))
		return -1;
	switch (type) {
	case VX_ARG_ANYTHING:
	case VX_ARG_CONST_SIZE:
	case VX_ARG_CONST_SIZE_OR_ZERO:
		if (r->type != T_SCALAR)
			return verr(env, idx, "R%d leaks addr into helper function", i);
		return 0;
	case VX_ARG_CTX:
		if (r->type != T_CTX)
			return arg_err(env, idx, i, r, "ctx");
		if (r->off || !tn_is_const(r->var) || r->var.value)
			return verr(env, idx, "dereference of modified ctx ptr R%d off=%d disallowed",
				    i, r->off);
		return 0;
	case VX_ARG_MAP:
	case VX_ARG_MAP_PROG_ARRAY:
	case VX_ARG_MAP_RINGBUF:
		if (r->type != T_MAP_PTR)
			return arg_err(env, idx, i, r, "map_ptr");
		c->map = r->map;
		return check_map_type(env, idx, i, type, r->map);
	case VX_ARG_MAP_KEY:
	case VX_ARG_MAP_VALUE:
		if (c->map < 0)
			return verr(env, idx, "invalid map_ptr to access map->key");
		return helper_mem(env, idx, i, type == VX_ARG_MAP_KEY ?
				  vx_map_get_def(env->prog->maps[c->map])->key_size :
				  vx_map_get_def(env->prog->maps[c->map])->value_size);
	case VX_ARG_MEM:
	case VX_ARG_MEM_OR_NULL:
		return arg_mem_size(env, idx, i, type, next);
	case VX_ARG_RINGBUF_MEM:
		return arg_ringbuf_mem(env, idx, i, c);
	case VX_ARG_FUNC:
		if (r->type != T_FUNC)
			return arg_err(env, idx, i, r, "func");
		c->callback = r->map;
		return 0;
	case VX_ARG_PTR_TO_STACK_OR_NULL:
		if (mark_reg_precise(env, i))
			return -1;
		if (!is_null(r) && r->type != T_STACK)
			return arg_err(env, idx, i, r, "fp or NULL");
		return 0;
	}
	return 0;
}

/* -1 when out of memory. */
static int invalidate_if(struct vstate *st, bool (*pred)(const struct vreg *r, uint32_t arg),
			 uint32_t arg)
{
	int f, r, s;

	for (f = 0; f <= st->curframe; f++) {
		struct vframe *fr = st->frames[f];

		for (r = 0; r < VX_NREGS; r++)
			if (pred(&fr->regs[r], arg))
				reg_mark_not_init(&fr->regs[r]);
		for (s = 0; s < fr->nslots; s++) {
			if (fr->slots[s].type[0] != S_SPILL || !pred(&fr->slots[s].spill, arg))
				continue;
			if (!frame_slots_mut(fr))
				return -1;
			/* its bytes still hold the pointer: never readable again (not even as a
			 * number, which would leak it), until overwritten */
			reg_mark_not_init(&fr->slots[s].spill);
		}
	}
	return 0;
}

static bool is_pkt(const struct vreg *r, uint32_t arg)
{
	(void)arg;
	return r->type == T_PKT || r->type == T_PKT_META || r->type == T_PKT_END;
}

static bool has_ref(const struct vreg *r, uint32_t ref)
{
	return r->ref_id == ref && r->type == T_MEM;
}

int release_ref(struct vstate *st, uint32_t ref_id)
{
	int k;

	for (k = 0; k < st->nrefs; k++)
		if (st->refs[k].id == ref_id) {
			st->nrefs--;
			memmove(&st->refs[k], &st->refs[k + 1],
				sizeof(st->refs[0]) * (size_t)(st->nrefs - k));
			break;
		}
	return invalidate_if(st, has_ref, ref_id);
}

/*
 * An array lookup whose key is a known constant below max_entries cannot miss: its result needs
 * no NULL check (the kernel elides it since 6.14). Keys are 4 bytes, known when zeroed or
 * stored as a narrow constant (S_CONST). Returns 1 when known, -1 on error.
 */
static int lookup_cannot_miss(struct venv *env, const struct call_ctx *c)
{
	const struct vx_map_def *d = vx_map_get_def(env->prog->maps[c->map]);
	const struct vreg *k = &cur_regs(env)[2];
	const struct vframe *f;
	uint64_t mask = 0, key = 0;
	int lo, b;

	if ((d->type != VX_MAP_ARRAY && d->type != VX_MAP_PERCPU_ARRAY) || !d->max_entries ||
	    d->key_size != 4 || k->type != T_STACK || !tn_is_const(k->var))
		return 0;
	f = env->cur->frames[k->frameno];
	lo = k->off + (int)k->var.value;
	for (b = lo; b < lo + 4; b++) {
		int s = (-b - 1) / 8, i = b + 8 * (s + 1);
		const struct vslot *sl;

		if (b >= 0 || s >= f->nslots)
			return 0;
		sl = &f->slots[s];
		if (sl->type[i] != S_ZERO && sl->type[i] != S_CONST)
			return 0;
		key |= (uint64_t)slot_byte(sl, i) << (8 * (b - lo));
		mask |= 1ull << s;
	}
	if (key >= d->max_entries)
		return 0;
	return mark_slots_precise(env, k->frameno, mask) ? -1 : 1;
}

static int set_result(struct venv *env, int idx, struct call_ctx *c)
{
	struct vreg *r0 = &cur_regs(env)[0];
	struct vstate *st = env->cur;
	int known;

	switch (c->h->ret) {
	case VX_RET_VOID:
		reg_mark_not_init(r0);
		return 0;
	case VX_RET_MAP_VALUE_OR_NULL:
		known = lookup_cannot_miss(env, c);
		if (known < 0)
			return -1;
		reg_mark_const(r0, 0);
		r0->type = T_MAP_VALUE;
		r0->maybe_null = !known;
		r0->map = c->map;
		r0->id = known ? 0 : new_id(env);
		return 0;
	case VX_RET_MEM_OR_NULL:
		if (st->nrefs == V_MAX_REFS)
			return verr(env, idx, "too many ring buffer samples reserved at once");
		reg_mark_const(r0, 0);
		r0->type = T_MEM;
		r0->maybe_null = 1;
		r0->range = (uint32_t)c->mem_size;
		r0->id = new_id(env);
		r0->ref_id = r0->id;
		st->refs[st->nrefs++] = (struct vref){ r0->ref_id, idx, st->curframe };
		return 0;
	}
	reg_mark_unknown(r0);
	return 0;
}

static int enter_callback(struct venv *env, int idx, struct call_ctx *c)
{
	struct vstate *st = state_copy(env->cur);
	struct vframe *caller, *f;
	int fi;

	if (!st)
		return verr(env, idx, "out of memory");
	if (st->curframe + 1 >= V_MAX_FRAMES) {
		state_free(st);
		return verr(env, idx, "the call stack of %d frames is too deep", st->curframe + 2);
	}
	caller = st->frames[st->curframe];
	fi = st->curframe + 1;
	f = frame_new(idx, c->callback);
	if (!f) {
		state_free(st);
		return verr(env, idx, "out of memory");
	}
	caller->cb_depth++;
	st->frames[fi] = f;
	st->curframe = fi;
	f->in_callback = true;
	f->regs[VX_REG_FP].type = T_STACK;
	reg_mark_const(&f->regs[VX_REG_FP], 0);
	f->regs[VX_REG_FP].type = T_STACK;
	f->regs[VX_REG_FP].frameno = (uint8_t)fi;
	if (c->h->id == HELPER_FOR_EACH_MAP_ELEM) {
		reg_mark_const(&f->regs[1], 0);
		f->regs[1].type = T_MAP_PTR;
		f->regs[1].map = c->map;
		f->regs[2] = f->regs[1];
		f->regs[2].type = T_MAP_KEY;
		f->regs[2].frameno = (uint8_t)fi; /* an array's key lives in the helper's frame */
		f->regs[3] = f->regs[1];
		f->regs[3].type = T_MAP_VALUE;
		f->regs[4] = caller->regs[3];
	} else {
		reg_mark_unknown(&f->regs[1]);
		f->regs[2] = caller->regs[3];
	}
	st->insn = env->subs[c->callback].start;
	if (hist_push(st, &(struct vhist){ .idx = idx })) {
		state_free(st);
		return verr(env, idx, "out of memory");
	}
	return push_branch(env, st);
}

/*
 * bpf_loop calls its callback at most R1 times: explore that many iterations and no more (as the
 * kernel does), so that a callback whose state changes every iteration (a pointer advanced by a
 * constant) still ends. Other callbacks iterate until their states converge.
 */
static int enter_loop_callback(struct venv *env, int idx, struct call_ctx *c)
{
	struct vframe *caller = cur_frame(env);

	if (c->h->id != HELPER_LOOP)
		return enter_callback(env, idx, c);
	if (mark_reg_precise(env, 1))
		return -1;
	caller = cur_frame(env);
	if (caller->cb_depth >= cur_regs(env)[1].umax) {
		caller->cb_depth = 0;
		return 0;
	}
	if (enter_callback(env, idx, c))
		return -1;
	cur_frame(env)->cb_depth = 0;
	return 0;
}

/*
 * Guest policy for bpf_trace_printk. A pointer in r3-r5 may be printed only through what it
 * points to (%s, %pI4, %pi4, %pI6, %pi6), never as a number, so the format must be known at load
 * time: a frozen read-only map value (.rodata, where bpf_printk puts it) at a constant offset.
 * What a pointer shows must be memory the program may read that holds no pointer and no
 * unwritten byte: 4 or 16 bytes for an address; for %s, a string whose NUL is proven, on the
 * stack or in a frozen read-only map value.
 */
static const char *rodata_at(struct venv *env, const struct vreg *r, uint32_t *left)
{
	struct vx_map *m;
	const struct vx_map_def *d;
	uint32_t key = 0;
	int64_t off;
	char *v;

	if (r->type != T_MAP_VALUE || r->maybe_null || !tn_is_const(r->var))
		return NULL;
	m = env->prog->maps[r->map];
	d = vx_map_get_def(m);
	off = r->off + (int64_t)r->var.value;
	if (d->type != VX_MAP_ARRAY || !(d->flags & VX_F_RDONLY_PROG) || !vx_map_frozen(m) ||
	    off < 0 || off >= d->value_size)
		return NULL;
	v = vx_map_lookup_elem(m, &key);
	if (!v)
		return NULL;
	*left = d->value_size - (uint32_t)off;
	return v + off;
}

static bool stack_string_ends(struct venv *env, const struct vreg *r)
{
	const struct vframe *f = env->cur->frames[r->frameno];
	int b;

	if (!tn_is_const(r->var))
		return false;
	for (b = r->off + (int)r->var.value; b < 0 && b >= -V_STACK; b++) {
		int s = (-b - 1) / 8, i = b + 8 * (s + 1);
		const struct vslot *sl;

		if (s >= f->nslots)
			return false;
		sl = &f->slots[s];
		if (sl->type[i] == S_ZERO)
			return true;
		if (sl->type[i] == S_SPILL && (sl->spill.type != T_SCALAR || !reg_is_const(&sl->spill)))
			return false;
		if (sl->type[i] == S_SPILL && !((sl->spill.var.value >> (8 * i)) & 0xff))
			return true;
		if (sl->type[i] == S_INVALID)
			return false;
	}
	return false;
}

/* kind: 's' a string, 4 or 16 an address of that many bytes, 0 a number. */
static int printk_shown(struct venv *env, int idx, int regno, int kind)
{
	const struct vreg *r = &cur_regs(env)[regno];
	uint32_t left;
	const char *str;

	if (!is_pointer(r))
		return 0;
	if (kind == 4 || kind == 16)
		return helper_mem(env, idx, regno, (uint64_t)kind);
	if (kind != 's')
		return verr(env, idx, "R%d leaks addr into helper function", regno);
	if (r->type == T_STACK && stack_string_ends(env, r))
		return 0;
	str = rodata_at(env, r, &left);
	if (str && memchr(str, 0, left))
		return 0;
	return verr(env, idx, "R%d: %%s of memory with no proven NUL, written bytes or pointers",
		    regno);
}

/*
 * Every argument the format consumes must be initialised too: the engines leave whatever a
 * register last held (a host address, after a helper call) in one never written. When the format
 * is unknown at load time, r3-r5 all count as consumed.
 */
static int check_guest_printk(struct venv *env, int idx)
{
	const struct vreg *regs = cur_regs(env);
	const char *f, *end;
	uint32_t left;
	int i, arg = 3;

	f = rodata_at(env, &regs[1], &left);
	for (i = 3; !f && i <= 5; i++) {
		if (check_reg_read(env, idx, i))
			return -1;
		if (is_pointer(&regs[i]))
			return verr(env, idx,
				    "R%d leaks addr into helper function (the format is not read-only data)",
				    i);
	}
	if (!f)
		return 0;
	end = memchr(f, 0, left);
	end = end ? end : f + left;
	for (; f < end && arg <= 5; f++) {
		const char *c = f + 1;
		int kind;

		if (*f != '%')
			continue;
		if (c < end && *c == '%') {
			f = c;
			continue;
		}
		if (end - c >= 3 && c[0] == 'p' && (c[1] == 'i' || c[1] == 'I') &&
		    (c[2] == '4' || c[2] == '6')) {
			kind = c[2] == '4' ? 4 : 16;
		} else {
			while (c < end && *c == 'l')
				c++;
			kind = c < end && *c == 's' ? 's' : 0;
		}
		if (check_reg_read(env, idx, arg) || printk_shown(env, idx, arg, kind))
			return -1;
		arg++;
	}
	for (; arg <= 5; arg++)
		if (is_pointer(&regs[arg]))
			return verr(env, idx, "R%d leaks addr into helper function", arg);
	return 0;
}

int check_helper_call(struct venv *env, int idx, const struct vx_insn *in, int *next)
{
	struct call_ctx c = { .h = vx_helper_get((uint32_t)in->imm), .map = -1, .callback = -1 };
	const char *name = vx_helper_name((uint32_t)in->imm);
	struct vreg *regs = cur_regs(env);
	int i;

	if (!c.h)
		return verr(env, idx, name ? "helper %s#%d is not supported" : "invalid func %s#%d",
			    name ? name : "unknown", in->imm);
	if (!(c.h->classes & env->helper_class))
		return verr(env, idx, "helper %s#%d is not allowed to this program class", c.h->name,
			    in->imm);
	for (i = 1; i <= 5 && c.h->args[i - 1] != VX_ARG_NONE; i++)
		if (check_arg(env, idx, i, &c))
			return -1;
	if (c.h->id == HELPER_TRACE_PRINTK && env->helper_class == VX_HELPER_GUEST &&
	    check_guest_printk(env, idx))
		return -1;
	if (c.h->id == HELPER_RINGBUF_RESERVE) {
		if (mark_reg_precise(env, 2))
			return -1;
		if (!reg_is_const(&regs[2]))
			return verr(env, idx, "R2 is not a known constant");
		c.mem_size = regs[2].var.value;
	}
	if (c.h->flags & VX_HELPER_TAIL_CALL) {
		if (env->cur->nrefs)
			return verr(env, idx, "tail_call would lead to reference leak");
		/* A callback runs under a helper's own frame: nothing to unwind into. */
		for (i = 0; i <= env->cur->curframe; i++)
			if (env->cur->frames[i]->in_callback)
				return verr(env, idx, "tail_call is not allowed in a callback");
		env->subs[cur_frame(env)->subprog].has_tail_call = true;
	}
	if (c.callback >= 0 && enter_loop_callback(env, idx, &c))
		return -1;
	if ((c.release && release_ref(env->cur, c.release)) ||
	    ((c.h->flags & VX_HELPER_PKT_CHANGE) && invalidate_if(env->cur, is_pkt, 0)))
		return verr(env, idx, "out of memory");
	regs = cur_regs(env);
	if (set_result(env, idx, &c))
		return -1;
	for (i = 1; i <= 5; i++)
		reg_mark_not_init(&regs[i]);
	*next = idx + 1;
	return 0;
}

int check_local_call(struct venv *env, int idx, const struct vx_insn *in, int *next)
{
	struct vstate *st = env->cur;
	int target = idx + 1 + in->imm, fi = st->curframe + 1, i;
	struct vframe *caller = st->frames[st->curframe], *f;

	if (fi >= V_MAX_FRAMES)
		return verr(env, idx, "the call stack of %d frames is too deep", fi + 1);
	f = frame_new(idx, env->insn_sub[target]);
	if (!f)
		return verr(env, idx, "out of memory");
	for (i = 1; i <= 5; i++)
		f->regs[i] = caller->regs[i];
	reg_mark_const(&f->regs[VX_REG_FP], 0);
	f->regs[VX_REG_FP].type = T_STACK;
	f->regs[VX_REG_FP].frameno = (uint8_t)fi;
	st->frames[fi] = f;
	st->curframe = fi;
	*next = target;
	return 0;
}

static int check_callback_exit(struct venv *env, int idx, const struct vreg *r0)
{
	struct vstate *st = env->cur;
	int k;

	if (r0->type != T_SCALAR)
		return verr(env, idx, "At callback return the register R0 is not a known value (%s)",
			    vtype_name(r0));
	if (mark_reg_precise(env, 0))
		return -1;
	if (r0->smin < 0 || r0->smax > 1)
		return verr(env, idx,
			    "At callback return the register R0 has smin=%lld smax=%lld should have been in [0, 1]",
			    (long long)r0->smin, (long long)r0->smax);
	for (k = 0; k < st->nrefs; k++)
		if (st->refs[k].frameno == st->curframe)
			return verr(env, idx, "unreleased reference (ring buffer sample from insn %d)",
				    st->refs[k].insn);
	return 0;
}

int check_exit(struct venv *env, int idx, int *next)
{
	struct vstate *st = env->cur;
	struct vframe *f = cur_frame(env), *caller;
	struct vreg r0 = f->regs[0];
	int k;

	if (check_reg_read(env, idx, 0))
		return -1;
	if (!st->curframe) {
		if (r0.type != T_SCALAR)
			return verr(env, idx,
				    "At program exit the register R0 is not a known value (%s)",
				    vtype_name(&r0));
		for (k = 0; k < st->nrefs; k++)
			return verr(env, idx, "unreleased reference (ring buffer sample from insn %d)",
				    st->refs[k].insn);
		*next = -1;
		return 0;
	}
	if (f->in_callback && check_callback_exit(env, idx, &r0))
		return -1;
	if (r0.type == T_STACK && r0.frameno == st->curframe)
		return verr(env, idx, "cannot return stack pointer to the caller");
	caller = st->frames[st->curframe - 1];
	*next = f->in_callback ? f->callsite : f->callsite + 1;
	if (!f->in_callback) {
		caller->regs[0] = r0;
		for (k = 1; k <= 5; k++)
			reg_mark_not_init(&caller->regs[k]);
	}
	frame_free(f);
	st->frames[st->curframe--] = NULL;
	return 0;
}
