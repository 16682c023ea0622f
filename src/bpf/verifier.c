// SPDX-License-Identifier: BSD-2-Clause
/*
 * verifier.c - the verifier's driver: explores every path of the program instruction by
 * instruction (ALU, jumps and their branch refinement, with loads, stores and calls handed to
 * their files), keeps checkpoints to prune paths already covered, and reports the verdict.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "verifier_priv.h"
#include "vxbpf/asm.h"
#include "vxbpf/prog.h"

struct vframe *cur_frame(struct venv *env)
{
	return env->cur->frames[env->cur->curframe];
}

struct vreg *cur_regs(struct venv *env)
{
	return cur_frame(env)->regs;
}

uint32_t new_id(struct venv *env)
{
	return ++env->id_gen;
}

bool is_pointer(const struct vreg *r)
{
	return r && r->type != T_SCALAR && r->type != T_NOT_INIT;
}

const char *vtype_name(const struct vreg *r)
{
	static const char *const names[] = {
		[T_NOT_INIT] = "?", [T_SCALAR] = "scalar", [T_CTX] = "ctx", [T_PKT] = "pkt",
		[T_PKT_META] = "pkt_meta", [T_PKT_END] = "pkt_end", [T_STACK] = "fp",
		[T_MAP_VALUE] = "map_value", [T_MAP_PTR] = "map_ptr", [T_MAP_KEY] = "map_key",
		[T_MEM] = "ringbuf_mem", [T_FUNC] = "func",
	};

	if (r->maybe_null)
		return r->type == T_MAP_VALUE ? "map_value_or_null" : "ringbuf_mem_or_null";
	return names[r->type];
}

static void log_append(struct venv *env, const char *s, size_t n)
{
	size_t cap = env->log_size - 1;

	if (n > cap) {
		s += n - cap;
		n = cap;
	}
	if (env->log_pos + n > cap) { /* keep the tail: drop the oldest half */
		size_t drop = env->log_pos + n - cap > env->log_pos / 2 ? env->log_pos + n - cap :
									 env->log_pos / 2;

		if (drop > env->log_pos)
			drop = env->log_pos;
		memmove(env->log, env->log + drop, env->log_pos - drop);
		env->log_pos -= drop;
		env->log_wrapped = true;
	}
	memcpy(env->log + env->log_pos, s, n);
	env->log_pos += n;
	env->log[env->log_pos] = '\0';
}

void vlog(struct venv *env, const char *fmt, ...)
{
	char buf[1024];
	va_list ap;
	int n;

	if (!env->log || env->log_size < 2 || !(env->log_level & 1))
		return;
	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (n > 0)
		log_append(env, buf, (size_t)n < sizeof(buf) ? (size_t)n : sizeof(buf) - 1);
}

int verr(struct venv *env, int idx, const char *fmt, ...)
{
	char msg[VX_ERROR_MSG_MAX];
	va_list ap;

	if (!env)
		return -1;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (idx < 0 && env->cur)
		idx = env->cur->insn;
	vlog(env, "%s\n", msg);
	return vx_error_set(env->err, idx, "%s", msg);
}

int check_reg_read(struct venv *env, int idx, int regno)
{
	if (cur_regs(env)[regno].type == T_NOT_INIT)
		return verr(env, idx, "R%d !read_ok", regno);
	return 0;
}

static int reg_str(char *b, size_t n, const struct vreg *r)
{
	if (r->type == T_SCALAR && tn_is_const(r->var))
		return snprintf(b, n, "%lld", (long long)r->var.value);
	if (r->type == T_SCALAR)
		return snprintf(b, n, "scalar(smin=%lld,smax=%lld,umin=%llu,umax=%llu,var=0x%llx/0x%llx)",
				(long long)r->smin, (long long)r->smax, (unsigned long long)r->umin,
				(unsigned long long)r->umax, (unsigned long long)r->var.value,
				(unsigned long long)r->var.mask);
	return snprintf(b, n, "%s(id=%u,off=%d,r=%u%s)", vtype_name(r), r->id, r->off, r->range,
			tn_is_const(r->var) && !r->var.value ? "" : ",var");
}

static void log_state(struct venv *env)
{
	struct vreg *regs;
	char b[160];
	int r;

	if (!(env->log_level & 1) || !env->log)
		return;
	regs = cur_regs(env);
	if (env->cur->curframe)
		vlog(env, " frame%d:", env->cur->curframe);
	for (r = 0; r < VX_NREGS; r++) {
		if (regs[r].type == T_NOT_INIT)
			continue;
		reg_str(b, sizeof(b), &regs[r]);
		vlog(env, " R%d=%s", r, b);
	}
	vlog(env, "\n");
}

static void log_insn(struct venv *env, int idx)
{
	char text[128];

	if (!(env->log_level & 1) || !env->log)
		return;
	vx_disasm_insn(env->insns, (size_t)env->len, (size_t)idx, text, sizeof(text));
	vlog(env, "%d: %s ;", idx, text);
	log_state(env);
}

/*
 * fn on every register and spilled register of st. Spills are shared copy-on-write: fn sees a
 * copy, and the frame takes its own slots only when fn changed one. -1 when out of memory.
 */
int for_each_reg(struct vstate *st, void (*fn)(struct vreg *r, void *arg), void *arg)
{
	int f, r, s;

	for (f = 0; f <= st->curframe; f++) {
		struct vframe *fr = st->frames[f];

		for (r = 0; r < VX_NREGS; r++)
			fn(&fr->regs[r], arg);
		for (s = 0; s < fr->nslots; s++) {
			struct vreg tmp;

			if (fr->slots[s].type[0] != S_SPILL)
				continue;
			tmp = fr->slots[s].spill;
			fn(&tmp, arg);
			if (!memcmp(&tmp, &fr->slots[s].spill, sizeof(tmp)))
				continue;
			if (!frame_slots_mut(fr))
				return -1;
			fr->slots[s].spill = tmp;
		}
	}
	return 0;
}

/* ---- pending branches and checkpoints ---- */

/* The budget of memory for states (kept checkpoints, pending branches, the current path). */
static int mem_check(struct venv *env, int idx)
{
	if (vm_used() > VX_VERIFY_MAX_STATE_BYTES)
		return verr(env, idx, "program too complex: states take more than %u MiB",
			    VX_VERIFY_MAX_STATE_BYTES >> 20);
	return 0;
}

/* Queue st for exploration later (it is freed on failure). */
int push_branch(struct venv *env, struct vstate *st)
{
	if (env->nstack == env->capstack) {
		int cap = env->capstack ? env->capstack * 2 : 64;
		struct vstate **n = realloc(env->stack, sizeof(*n) * (size_t)cap);

		if (!n) {
			state_free(st);
			return verr(env, -1, "out of memory");
		}
		env->stack = n;
		env->capstack = cap;
	}
	if (env->nstack >= V_MAX_PENDING) {
		state_free(st);
		return verr(env, -1, "program too complex: more than %d branches pending",
			    V_MAX_PENDING);
	}
	if (st->parent)
		st->parent->branches++;
	env->stack[env->nstack++] = st;
	return mem_check(env, -1);
}

static void path_done(struct venv *env)
{
	struct vsl *sl = env->cur->parent;

	while (sl) {
		if (--sl->branches)
			break;
		if (sl->evicted) { /* finished: no path walks up to it for precision any more */
			state_free(sl->st);
			sl->st = NULL;
		}
		sl = sl->parent;
	}
	state_free(env->cur);
	env->cur = NULL;
}

static void sl_free(struct vsl *sl)
{
	vm_free(sl->hist, sizeof(*sl->hist) * (size_t)sl->caphist);
	vm_free(sl, sizeof(*sl));
}

/*
 * Drop a checkpoint from its list (pruning is an optimisation: always sound). One whose paths
 * are all explored is freed (nothing walks up to it any more); one still in progress keeps its
 * record and state until they are (the paths below it mark precision in it, and stop there
 * when it is already marked: without it they would walk on to the root every time).
 */
static void evict(struct venv *env, struct vsl **pp, int idx)
{
	struct vsl *sl = *pp;

	*pp = sl->next;
	env->nlive--;
	env->nexplored[idx]--;
	if (!sl->branches) {
		state_free(sl->st);
		sl_free(sl);
		return;
	}
	sl->evicted = true;
	sl->next = env->evicted;
	env->evicted = sl;
}

/* A full list loses its least useful finished checkpoint (fewest hits for its misses). */
static void evict_worst(struct venv *env, int idx)
{
	struct vsl **pp, **worst = NULL, **last = NULL;
	long best = 0;

	for (pp = &env->explored[idx]; *pp; pp = &(*pp)->next) {
		long score = (long)(*pp)->hit * 4 - (*pp)->miss;

		last = pp;
		if ((*pp)->branches || (worst && score > best))
			continue;
		worst = pp;
		best = score;
	}
	evict(env, worst ? worst : last, idx);
}

/* Inside a loop (a checkpoint here still in progress), store only every so often. */
static bool in_loop(struct venv *env, int idx)
{
	struct vsl *sl;

	for (sl = env->explored[idx]; sl; sl = sl->next)
		if (sl->branches)
			return true;
	return false;
}

static int find_covering(struct venv *env, int idx)
{
	struct vsl **pp = &env->explored[idx], *sl;

	while ((sl = *pp)) {
		if (!sl->branches || env->cb_call[idx]) {
			int mode = sl->branches || sl->all_precise ? CMP_RANGE : CMP_PRECISE;

			env->ncompared++;
			if (states_equal(env, sl->st, env->cur, mode)) {
				if (propagate_precision(env, sl->st, mode == CMP_RANGE))
					return -1;
				sl->hit++;
				*pp = sl->next; /* most useful first */
				sl->next = env->explored[idx];
				env->explored[idx] = sl;
				return 1;
			}
			sl->miss++;
			pp = &sl->next;
			continue;
		}
		/* A path still in progress here: this one may be it, come round a loop. */
		if (env->loop_head[idx]) {
			env->ncompared++;
			if (states_equal(env, sl->st, env->cur, CMP_EXACT))
				return verr(env, idx, "infinite loop detected at insn %d", idx);
		}
		pp = &sl->next;
	}
	return 0;
}

/* 1: the current path is covered by a checkpoint; 0: go on (a checkpoint stored); -1 error. */
static int visit_checkpoint(struct venv *env, int idx)
{
	struct vsl *sl;
	int rc = find_covering(env, idx);

	if (rc)
		return rc;
	/* Callbacks with no iteration bound converge by widening; bpf_loop is explored, like the
	 * kernel does, for at most its count of iterations, with scalars kept exact. */
	if (env->cb_call[idx] && env->insns[idx].imm != HELPER_LOOP && env->nexplored[idx] >= 3) {
		widen_scalars(env->cur, env->explored[idx]->st);
		if ((rc = find_covering(env, idx)))
			return rc;
	}
	/* Inside a loop, as the kernel does: a new checkpoint only after 8 instructions and 2
	 * jumps since the last one (a loop's iterations still leave one per iteration). */
	if (!env->cb_call[idx] &&
	    (env->processed - env->last_store < 8 || env->jmps - env->last_store_jmps < 2) &&
	    in_loop(env, idx))
		return 0;
	if (env->nlive >= VX_VERIFY_MAX_STATES)
		return verr(env, idx, "program too complex: more than %d states stored",
			    VX_VERIFY_MAX_STATES);
	sl = vm_alloc(sizeof(*sl), true);
	if (!sl || !(sl->st = state_copy(env->cur))) {
		vm_free(sl, sizeof(*sl));
		return verr(env, idx, "out of memory");
	}
	sl->st->parent = NULL;
	vm_free(sl->st->hist, sizeof(*sl->st->hist) * (size_t)sl->st->caphist);
	sl->st->hist = NULL;
	sl->st->nhist = sl->st->caphist = 0;
	sl->hist = env->cur->hist;
	sl->nhist = env->cur->nhist;
	sl->caphist = env->cur->caphist;
	env->cur->hist = NULL;
	env->cur->nhist = env->cur->caphist = 0;
	sl->insn = idx;
	sl->branches = 1;
	sl->parent = env->cur->parent;
	sl->next = env->explored[idx];
	env->explored[idx] = sl;
	env->cur->parent = sl;
	env->nstored++;
	env->nlive++;
	env->last_store = env->processed;
	env->last_store_jmps = env->jmps;
	if (++env->nexplored[idx] > (env->in_cycle[idx] ? V_MAX_PER_LOOP_INSN : V_MAX_PER_INSN))
		evict_worst(env, idx);
	return mem_check(env, idx);
}

/* ---- ALU ---- */

static void link_scalar_id(struct venv *env, struct vreg *src)
{
	if (src->type == T_SCALAR && !src->id && !tn_is_const(src->var))
		src->id = new_id(env);
}

static const char *op_name(uint8_t op)
{
	static const char *const n[16] = { "+=", "-=", "*=", "/=", "|=", "&=", "<<=", ">>=",
					   "neg", "%=", "^=", "=", "s>>=", "endian", "?", "?" };

	return n[op >> 4];
}

static bool ptr_sub_ok(const struct vreg *a, const struct vreg *b)
{
	bool pa = a->type == T_PKT || a->type == T_PKT_META || a->type == T_PKT_END;
	bool pb = b->type == T_PKT || b->type == T_PKT_META || b->type == T_PKT_END;

	if (pa && pb)
		return true;
	/* Two map elements or samples: their distance is host heap layout. */
	if ((a->type == T_MAP_VALUE || a->type == T_MEM) && a->id != b->id)
		return false;
	return a->type == b->type && a->map == b->map && a->frameno == b->frameno &&
	       !a->maybe_null && !b->maybe_null && a->type != T_MAP_PTR && a->type != T_FUNC;
}

static int ptr_arith(struct venv *env, int idx, int regno, struct vreg *ptr,
		     const struct vreg *s, uint8_t op)
{
	struct vreg d = *ptr, v = *s;

	if (op == VX_AND || op == VX_OR || op == VX_XOR)
		return verr(env, idx, "R%d bitwise operator %s on pointer prohibited", regno,
			    op_name(op));
	if (op != VX_ADD && op != VX_SUB)
		return verr(env, idx, "R%d pointer arithmetic with %s operator prohibited", regno,
			    op_name(op));
	if (ptr->maybe_null)
		return verr(env, idx, "R%d pointer arithmetic on %s prohibited, null-check it first",
			    regno, vtype_name(ptr));
	if (ptr->type == T_PKT_END || ptr->type == T_MAP_PTR || ptr->type == T_FUNC)
		return verr(env, idx, "R%d pointer arithmetic on %s prohibited", regno,
			    vtype_name(ptr));
	if (reg_is_const(&v)) {
		int64_t k = (int64_t)v.var.value;

		if (k <= -V_MAX_VAR_OFF || k >= V_MAX_VAR_OFF)
			return verr(env, idx, "value %lld makes %s pointer be out of bounds",
				    (long long)k, vtype_name(ptr));
		d.off = op == VX_ADD ? ptr->off + (int32_t)k : ptr->off - (int32_t)k;
		if (d.off <= -V_MAX_VAR_OFF || d.off >= V_MAX_VAR_OFF)
			return verr(env, idx, "%s pointer offset %d is not allowed", vtype_name(ptr),
				    d.off);
		*ptr = d;
		return 0;
	}
	if (v.smin == INT64_MIN)
		return verr(env, idx,
			    "math between %s pointer and register with unbounded min value is not allowed",
			    vtype_name(ptr));
	{
		struct vx_insn in = { .code = (uint8_t)(VX_ALU64 | op | VX_X) };

		scalar_alu(env, &in, &d, &v);
	}
	d.type = ptr->type;
	d.off = ptr->off;
	d.map = ptr->map;
	d.frameno = ptr->frameno;
	d.range = ptr->range;
	d.ref_id = ptr->ref_id;
	d.id = ptr->id;
	if (d.type == T_PKT || d.type == T_PKT_META) {
		d.id = new_id(env);
		d.range = 0;
	}
	*ptr = d;
	return 0;
}

static int alu_end(struct venv *env, int idx, const struct vx_insn *in, struct vreg *d)
{
	unsigned bytes = (unsigned)in->imm / 8;
	uint64_t v = d->var.value;

	if (d->type != T_SCALAR)
		return verr(env, idx, "R%d byte swap of a pointer prohibited", in->dst);
	if (VX_CLASS(in->code) == VX_ALU && VX_SRC(in->code) == VX_TO_LE) {
		if (bytes < 8) {
			struct vx_insn mask = { .code = VX_ALU64 | VX_AND | VX_K };
			struct vreg m;

			reg_mark_const(&m, (1ull << (bytes * 8)) - 1);
			return scalar_alu(env, &mask, d, &m);
		}
		return 0;
	}
	if (tn_is_const(d->var)) {
		v = bytes == 2 ? __builtin_bswap16((uint16_t)v) :
		    bytes == 4 ? __builtin_bswap32((uint32_t)v) : __builtin_bswap64(v);
		reg_mark_const(d, v);
		return 0;
	}
	reg_bound_bytes(d, bytes);
	return 0;
}

static int check_alu(struct venv *env, int idx, const struct vx_insn *in)
{
	struct vreg *regs = cur_regs(env), *d = &regs[in->dst], s;
	bool is32 = VX_CLASS(in->code) == VX_ALU, x = VX_SRC(in->code) == VX_X;
	uint8_t op = VX_OP(in->code);

	if (op == VX_END)
		return check_reg_read(env, idx, in->dst) ? -1 : alu_end(env, idx, in, d);
	if (x && op != VX_NEG && check_reg_read(env, idx, in->src))
		return -1;
	if (op != VX_MOV && check_reg_read(env, idx, in->dst))
		return -1;
	if (x && op != VX_NEG)
		s = regs[in->src];
	else
		reg_mark_const(&s, is32 ? (uint32_t)in->imm : (uint64_t)(int64_t)in->imm);
	if ((op == VX_DIV || op == VX_MOD) && !x && !in->imm)
		return verr(env, idx, "div by zero");
	if (op == VX_MOV && !is32 && !in->off) {
		if (x && s.type == T_SCALAR) {
			link_scalar_id(env, &regs[in->src]);
			s = regs[in->src];
		}
		*d = s;
		return 0;
	}
	if (op == VX_MOV && is_pointer(&s))
		return verr(env, idx, "R%d partial copy of pointer", in->src);
	if (op == VX_MOV) {
		return scalar_alu(env, in, d, &s);
	}
	if (d->type == T_SCALAR && s.type == T_SCALAR)
		return scalar_alu(env, in, d, &s);
	if (is32)
		return verr(env, idx, "R%d 32-bit pointer arithmetic prohibited",
			    is_pointer(d) ? in->dst : in->src);
	if (op == VX_NEG)
		return verr(env, idx, "R%d pointer arithmetic with neg operator prohibited", in->dst);
	if (is_pointer(d) && is_pointer(&s)) {
		if (op != VX_SUB || !ptr_sub_ok(d, &s))
			return verr(env, idx, "R%d pointer %s pointer prohibited", in->dst, op_name(op));
		reg_mark_unknown(d);
		return 0;
	}
	if (is_pointer(&s)) {
		struct vreg sc = *d;

		if (op != VX_ADD)
			return verr(env, idx, "R%d tried to %s pointer from scalar", in->dst,
				    op == VX_SUB ? "subtract" : "combine");
		if (mark_reg_precise(env, in->dst))
			return -1;
		*d = s;
		return ptr_arith(env, idx, in->dst, d, &sc, op);
	}
	if (x && mark_reg_precise(env, in->src))
		return -1;
	return ptr_arith(env, idx, in->dst, d, &s, op);
}

static int check_ld_imm64(struct venv *env, int idx, const struct vx_insn *in)
{
	struct vreg *d = &cur_regs(env)[in->dst];
	const struct vx_map_def *def;

	reg_mark_const(d, vx_insn_imm64(in));
	switch (in->src) {
	case VX_PSEUDO_NONE:
		return 0;
	case VX_PSEUDO_MAP_IDX:
	case VX_PSEUDO_MAP_IDX_VALUE:
		if (in->imm < 0 || (size_t)in->imm >= env->prog->nmaps)
			return verr(env, idx, "map index %d is not a map of this program", in->imm);
		reg_mark_const(d, 0);
		d->map = in->imm;
		d->type = T_MAP_PTR;
		if (in->src == VX_PSEUDO_MAP_IDX)
			return 0;
		def = vx_map_get_def(env->prog->maps[in->imm]);
		if (in[1].imm < 0 || (uint32_t)in[1].imm >= def->value_size ||
		    (def->type != VX_MAP_ARRAY || def->max_entries != 1))
			return verr(env, idx, "invalid access to map value pointer, value_size=%u off=%d",
				    def->value_size, in[1].imm);
		d->type = T_MAP_VALUE;
		d->off = in[1].imm;
		return 0;
	case VX_PSEUDO_FUNC:
		reg_mark_const(d, 0);
		d->type = T_FUNC;
		d->map = env->insn_sub[idx + 1 + in->imm];
		return 0;
	}
	return verr(env, idx, "invalid ld_imm64 source %d", in->src);
}

/* ---- conditional jumps ---- */

struct linkarg {
	uint32_t id;
	const struct vreg *val;
	bool null_taken; /* for pointers: this edge is the NULL one */
	struct vstate *st;
};

static void copy_linked(struct vreg *r, void *arg)
{
	struct linkarg *l = arg;

	if (r->type == T_SCALAR && r->id == l->id && r != l->val)
		*r = *l->val;
}

/* The functions changing states below return -1 when out of memory. */
static int propagate(struct vstate *st, struct vreg *r)
{
	struct linkarg l = { .id = r->id, .val = r };

	if (r->type == T_SCALAR && r->id)
		return for_each_reg(st, copy_linked, &l);
	return 0;
}

static void mark_null(struct vreg *r, void *arg)
{
	struct linkarg *l = arg;

	if (!r->maybe_null || r->id != l->id)
		return;
	if (l->null_taken)
		reg_mark_const(r, 0);
	else
		r->maybe_null = 0;
}

static int null_edge(struct vstate *st, uint32_t id, uint32_t ref, bool is_null)
{
	struct linkarg l = { .id = id, .null_taken = is_null };

	if (for_each_reg(st, mark_null, &l))
		return -1;
	if (is_null && ref) { /* a NULL sample was never reserved */
		int k;

		for (k = 0; k < st->nrefs; k++)
			if (st->refs[k].id == ref) {
				st->nrefs--;
				memmove(&st->refs[k], &st->refs[k + 1],
					sizeof(st->refs[0]) * (size_t)(st->nrefs - k));
				break;
			}
	}
	return 0;
}

struct pktarg {
	uint8_t type;
	uint32_t id;
	uint32_t range;
};

static void mark_pkt_range(struct vreg *r, void *arg)
{
	struct pktarg *p = arg;

	if (r->type == p->type && r->id == p->id && r->range < p->range)
		r->range = p->range;
}

static int good_pkt(struct vstate *st, const struct vreg *r, bool right_open)
{
	struct pktarg p = { r->type, r->id, 0 };

	if (r->off < 0 || (r->off == 0 && right_open))
		return 0;
	if (r->umax > V_MAX_PACKET_OFF || r->umax + (uint64_t)r->off > V_MAX_PACKET_OFF)
		return 0;
	p.range = (uint32_t)r->off + (right_open ? 1 : 0);
	return for_each_reg(st, mark_pkt_range, &p);
}

static bool is_init_pkt(const struct vreg *r)
{
	return r->type == T_PKT && !r->off && tn_is_const(r->var) && !r->var.value;
}

static bool pkt_pair(const struct vreg *p, const struct vreg *other)
{
	return (p->type == T_PKT && other->type == T_PKT_END) ||
	       (p->type == T_PKT_META && is_init_pkt(other));
}

static bool pkt_class(const struct vreg *r)
{
	return r->type == T_PKT || r->type == T_PKT_META || r->type == T_PKT_END;
}

/* Packet comparisons: refine the edge where the access becomes proven. */
static int pkt_cmp(struct venv *env, struct vstate *taken, int dst, int src, uint8_t op)
{
	struct vreg *a = &cur_regs(env)[dst], *b = &cur_regs(env)[src];
	struct vstate *fall = env->cur;
	int good = dst;

	if (!pkt_pair(a, b)) {
		if (!pkt_pair(b, a))
			return 0;
		good = src;
		op = jmp_swap(op);
	}
	switch (op) {
	case VX_JGT:
		return good_pkt(fall, &fall->frames[fall->curframe]->regs[good], false);
	case VX_JGE:
		return good_pkt(fall, &fall->frames[fall->curframe]->regs[good], true);
	case VX_JLT:
		return good_pkt(taken, &taken->frames[taken->curframe]->regs[good], true);
	case VX_JLE:
		return good_pkt(taken, &taken->frames[taken->curframe]->regs[good], false);
	}
	return 0;
}

static struct vreg *st_reg(struct vstate *st, int r)
{
	return &st->frames[st->curframe]->regs[r];
}

/* Decide the edges of a comparison involving a pointer. Sets *t_ok / *f_ok. */
static int ptr_cond(struct venv *env, int idx, const struct vx_insn *in, struct vstate *t,
		    bool *t_ok, bool *f_ok)
{
	struct vreg *a = &cur_regs(env)[in->dst], b;
	bool x = VX_SRC(in->code) == VX_X, is32 = VX_CLASS(in->code) == VX_JMP32;
	uint8_t op = VX_OP(in->code);
	struct vreg *p = a;

	if (x)
		b = cur_regs(env)[in->src];
	else
		reg_mark_const(&b, (uint64_t)(int64_t)in->imm);
	if (!is_pointer(a))
		p = &b;
	if (!is32 && (op == VX_JEQ || op == VX_JNE) &&
	    reg_is_const(p == a ? &b : a) && !(p == a ? b : *a).var.value && is_pointer(p) &&
	    !(is_pointer(a) && is_pointer(&b))) {
		bool eq_taken = op == VX_JEQ;

		if (!p->maybe_null) { /* a valid pointer is never NULL */
			*t_ok = !eq_taken;
			*f_ok = eq_taken;
			return 0;
		}
		if (null_edge(t, p->id, p->ref_id, eq_taken) ||
		    null_edge(env->cur, p->id, p->ref_id, !eq_taken))
			return verr(env, idx, "out of memory");
		return 0;
	}
	if (pkt_class(a) && x && pkt_class(&b)) {
		if (!is32 && pkt_cmp(env, t, in->dst, in->src, op))
			return verr(env, idx, "out of memory");
		return 0;
	}
	return verr(env, idx, "R%d pointer comparison prohibited", is_pointer(a) ? in->dst : in->src);
}

struct linked_arg {
	uint32_t a, b;
	uint16_t regs;
	bool bad;
	const struct vreg *base;
};

static void find_linked(struct vreg *r, void *arg)
{
	struct linked_arg *l = arg;
	ptrdiff_t i = r - l->base;

	if (r->type != T_SCALAR || !r->id || (r->id != l->a && r->id != l->b))
		return;
	if (i >= 0 && i < VX_NREGS)
		l->regs |= (uint16_t)(1u << i);
	else
		l->bad = true;
}

/* Scalars linked to a comparison's operands are refined by it: record them for backtracking. */
static void note_linked(struct venv *env, const struct vx_insn *in, bool x)
{
	struct vreg *regs = cur_regs(env);
	struct linked_arg l = { .base = regs };

	l.a = regs[in->dst].type == T_SCALAR ? regs[in->dst].id : 0;
	l.b = x && regs[in->src].type == T_SCALAR ? regs[in->src].id : 0;
	if (!l.a && !l.b)
		return;
	for_each_reg(env->cur, find_linked, &l); /* reads only: cannot fail */
	env->last.linked = l.regs;
	env->last.bad = l.bad;
}

static int check_cond_jmp(struct venv *env, int idx, const struct vx_insn *in, int *next)
{
	bool x = VX_SRC(in->code) == VX_X, is32 = VX_CLASS(in->code) == VX_JMP32;
	uint8_t op = VX_OP(in->code);
	int target = (int)vx_branch_target(env->insns, (size_t)idx);
	struct vstate *t;
	bool t_ok = true, f_ok = true;
	struct vreg kb;

	if (check_reg_read(env, idx, in->dst) || (x && check_reg_read(env, idx, in->src)))
		return -1;
	t = state_copy(env->cur);
	if (!t)
		return verr(env, idx, "out of memory");
	t->parent = env->cur->parent;
	if (is_pointer(&cur_regs(env)[in->dst]) || (x && is_pointer(&cur_regs(env)[in->src]))) {
		if (mark_reg_precise(env, in->dst) || (x && mark_reg_precise(env, in->src)) ||
		    ptr_cond(env, idx, in, t, &t_ok, &f_ok)) {
			state_free(t);
			return -1;
		}
	} else {
		struct vstate *f = env->cur;
		struct vreg *tb, *fb, kf;

		reg_mark_const(&kb, is32 ? (uint32_t)in->imm : (uint64_t)(int64_t)in->imm);
		kf = kb;
		note_linked(env, in, x);

		tb = x ? st_reg(t, in->src) : &kb;
		fb = x ? st_reg(f, in->src) : &kf;
		t_ok = scalar_refine(st_reg(t, in->dst), tb, op, is32);
		f_ok = scalar_refine(st_reg(f, in->dst), fb, op == VX_JSET ? (VX_JSET | 1) :
							  jmp_negate(op), is32);
		if ((t_ok && (propagate(t, st_reg(t, in->dst)) || (x && propagate(t, tb)))) ||
		    (f_ok && (propagate(f, st_reg(f, in->dst)) || (x && propagate(f, fb))))) {
			state_free(t);
			return verr(env, idx, "out of memory");
		}
	}
	*next = idx + 1;
	if (t_ok && f_ok) {
		t->insn = target;
		if (hist_push(t, &env->last)) {
			state_free(t);
			return verr(env, idx, "out of memory");
		}
		return push_branch(env, t);
	}
	/* the outcome was decided by the operands' values */
	if (mark_reg_precise(env, in->dst) || (x && mark_reg_precise(env, in->src))) {
		state_free(t);
		return -1;
	}
	if (t_ok) {
		t->parent = env->cur->parent;
		state_free(env->cur);
		env->cur = t;
		*next = target;
		return 0;
	}
	state_free(t);
	if (!f_ok)
		*next = -1;
	return 0;
}

/* ---- one instruction ---- */

static int step(struct venv *env, int idx, int *next)
{
	const struct vx_insn *in = &env->insns[idx];
	uint8_t c = VX_CLASS(in->code), op = VX_OP(in->code);

	*next = idx + 1;
	switch (c) {
	case VX_ALU:
	case VX_ALU64:
		return check_alu(env, idx, in);
	case VX_LDX:
	case VX_ST:
		return check_load_store(env, idx, in);
	case VX_STX:
		if (VX_MODE(in->code) == VX_ATOMIC)
			return check_atomic(env, idx, in);
		return check_load_store(env, idx, in);
	case VX_LD:
		*next = idx + 2;
		return check_ld_imm64(env, idx, in);
	}
	env->jmps++;
	if (op == VX_JA) {
		*next = (int)vx_branch_target(env->insns, (size_t)idx);
		return 0;
	}
	if (op == VX_CALL)
		return in->src == VX_CALL_LOCAL ? check_local_call(env, idx, in, next) :
						  check_helper_call(env, idx, in, next);
	if (op == VX_EXIT)
		return check_exit(env, idx, next);
	return check_cond_jmp(env, idx, in, next);
}

static struct vstate *initial_state(void)
{
	struct vstate *st = vm_alloc(sizeof(*st), true);
	struct vframe *f = frame_new(-1, 0);

	if (!st || !f) {
		vm_free(st, sizeof(*st));
		frame_free(f);
		return NULL;
	}
	st->frames[0] = f;
	reg_mark_const(&f->regs[1], 0);
	f->regs[1].type = T_CTX;
	reg_mark_const(&f->regs[VX_REG_FP], 0);
	f->regs[VX_REG_FP].type = T_STACK;
	return st;
}

static int do_check(struct venv *env)
{
	int next;

	env->cur = initial_state();
	if (!env->cur)
		return verr(env, 0, "out of memory");
	for (;;) {
		int idx, rc;

		if (!env->cur) {
			if (!env->nstack)
				return 0;
			env->cur = env->stack[--env->nstack];
			vlog(env, "branch to %d:", env->cur->insn);
			log_state(env);
		}
		idx = env->cur->insn;
		if (++env->processed > env->max_processed)
			return verr(env, idx, "program too complex: more than %lu instructions processed",
				    env->max_processed);
		if (env->prune[idx]) {
			rc = visit_checkpoint(env, idx);
			if (rc < 0)
				return -1;
			if (rc) {
				vlog(env, "%d: safe\n", idx);
				path_done(env);
				continue;
			}
		}
		log_insn(env, idx);
		env->facts->insn_flags[idx] |= VX_VF_SEEN;
		env->last = (struct vhist){ .idx = idx };
		if (step(env, idx, &next))
			return -1;
		if (hist_push(env->cur, &env->last))
			return verr(env, idx, "out of memory");
		if (next < 0)
			path_done(env);
		else
			env->cur->insn = next;
	}
}

/* The last line of the log: what the exploration cost (log level 1 or VX_VERIFY_LOG_STATS). */
static void log_stats(struct venv *env)
{
	char b[256];
	int n;

	if (!env->log || env->log_size < 2)
		return;
	n = snprintf(b, sizeof(b),
		     "processed %lu insns, %lu states stored (%lu kept at the end), %lu compared, peak state memory %zu KiB\n",
		     env->processed, env->nstored, env->nlive, env->ncompared, vm_peak() >> 10);
	if (n > 0)
		log_append(env, b, (size_t)n < sizeof(b) ? (size_t)n : sizeof(b) - 1);
}

static void env_free(struct venv *env)
{
	int i;

	state_free(env->cur);
	for (i = 0; i < env->nstack; i++)
		state_free(env->stack[i]);
	free(env->stack);
	for (i = 0; env->explored && i < env->len; i++) {
		struct vsl *sl = env->explored[i], *n;

		for (; sl; sl = n) {
			n = sl->next;
			state_free(sl->st);
			sl_free(sl);
		}
	}
	while (env->evicted) {
		struct vsl *n = env->evicted->next;

		state_free(env->evicted->st);
		sl_free(env->evicted);
		env->evicted = n;
	}
	free(env->explored);
	free(env->nexplored);
	free(env->subs);
	free(env->insn_sub);
	free(env->live);
	free(env->prune);
	free(env->cb_call);
	free(env->loop_head);
	free(env->in_cycle);
	free(env->ptr_kind);
	free(env->stack_indirect);
}

void vx_verify_facts_free(struct vx_verify_facts *facts)
{
	if (!facts)
		return;
	free(facts->insn_flags);
	free(facts->ctx_field);
	free(facts);
}

static struct vx_verify_facts *facts_new(size_t len)
{
	struct vx_verify_facts *f = calloc(1, sizeof(*f));

	if (!f)
		return NULL;
	f->len = len;
	f->insn_flags = calloc(len, 1);
	f->ctx_field = malloc(len);
	if (!f->insn_flags || !f->ctx_field) {
		vx_verify_facts_free(f);
		return NULL;
	}
	memset(f->ctx_field, -1, len);
	return f;
}

static int env_init(struct venv *env, const struct vx_prog *prog,
		    const struct vx_verify_opts *opts, struct vx_error *err)
{
	size_t n = prog->len;

	env->prog = prog;
	env->insns = prog->insns;
	env->len = (int)prog->len;
	env->err = err;
	env->helper_class = opts && opts->helper_class ? opts->helper_class : VX_HELPER_TRUSTED;
	env->max_processed = VX_VERIFY_MAX_PROCESSED;
	if (opts && opts->max_processed && opts->max_processed < VX_VERIFY_MAX_PROCESSED)
		env->max_processed = opts->max_processed;
	if (opts && opts->log && opts->log_size > 1 && opts->log_level) {
		env->log = opts->log;
		env->log_size = opts->log_size;
		env->log_level = opts->log_level;
		env->log[0] = '\0';
	}
	env->insn_sub = calloc(n, sizeof(int));
	env->live = calloc(n, sizeof(uint16_t));
	env->prune = calloc(n, sizeof(bool));
	env->cb_call = calloc(n, sizeof(bool));
	env->loop_head = calloc(n, sizeof(bool));
	env->in_cycle = calloc(n, 1);
	env->ptr_kind = calloc(n, 1);
	env->stack_indirect = calloc(n, 1);
	env->explored = calloc(n, sizeof(*env->explored));
	env->nexplored = calloc(n, sizeof(int));
	env->facts = facts_new(n);
	if (!env->insn_sub || !env->live || !env->prune || !env->cb_call || !env->loop_head || !env->in_cycle || !env->ptr_kind || !env->stack_indirect ||
	    !env->explored || !env->nexplored || !env->facts)
		return vx_error_set(err, -1, "out of memory");
	return 0;
}

/* The deepest stack any one function uses, in whole 8-byte slots. */
static unsigned deepest_frame(const struct venv *env)
{
	int i, d = 0;

	for (i = 0; i < env->nsub; i++)
		if (env->subs[i].stack_depth > d)
			d = env->subs[i].stack_depth;
	return (unsigned)(d + 7) & ~7u;
}

int vx_verify(const struct vx_prog *prog, const struct vx_verify_opts *opts,
	      struct vx_verify_facts **facts, struct vx_error *err)
{
	struct venv env = { 0 };
	int rc = -1, max_stack = 0;

	vx_error_clear(err);
	vm_reset();
	if (facts)
		*facts = NULL;
	if (!prog || !prog->insns || !prog->len || prog->len > VX_MAX_INSNS)
		return vx_error_set(err, -1, "empty or oversized program");
	if (vx_check(prog->insns, prog->len, VX_CHECK_PSEUDO, err))
		return -1;
	if (env_init(&env, prog, opts, err))
		goto out;
	if (cfg_check(&env) || do_check(&env) || cfg_walk_calls(&env, &max_stack))
		goto out;
	env.facts->insns_processed = env.processed;
	env.facts->states_stored = env.nstored;
	env.facts->max_stack = (unsigned)max_stack;
	env.facts->zero_stack = env.reads_unwritten ? deepest_frame(&env) : 0;
	if (facts) {
		*facts = env.facts;
		env.facts = NULL;
	}
	rc = 0;
out:
	log_stats(&env);
	vx_verify_facts_free(env.facts);
	env_free(&env);
	vm_drain();
	return rc;
}
