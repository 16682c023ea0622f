// SPDX-License-Identifier: BSD-2-Clause
/*
 * verifier_cfg.c - the program's static structure, before any path is explored: subprograms
 * from call and callback targets, jumps kept inside their subprogram, every instruction
 * reachable, no recursion, call chains at most 8 frames, register liveness, prune points; and
 * after exploration, the combined stack of the deepest call chain.
 */
#include <stdlib.h>
#include <string.h>

#include "verifier_priv.h"
#include "vxbpf/prog.h"

static bool is_local_call(const struct vx_insn *in)
{
	return in->code == (VX_JMP | VX_CALL) && in->src == VX_CALL_LOCAL;
}

static bool is_func_ref(const struct vx_insn *in)
{
	return in->code == VX_LD_IMM64 && in->src == VX_PSEUDO_FUNC;
}

static bool is_cond_jmp(const struct vx_insn *in)
{
	uint8_t c = VX_CLASS(in->code), op = VX_OP(in->code);

	return (c == VX_JMP || c == VX_JMP32) && op != VX_JA && op != VX_CALL && op != VX_EXIT;
}

static bool is_ja(const struct vx_insn *in)
{
	return (in->code == (VX_JMP | VX_JA)) || in->code == (VX_JMP32 | VX_JA);
}

static int cmp_int(const void *a, const void *b)
{
	return *(const int *)a - *(const int *)b;
}

/* Target of a local call or callback reference at i. */
static int callee_of(const struct vx_insn *insns, int i)
{
	return i + 1 + insns[i].imm;
}

static int find_subprogs(struct venv *env)
{
	int *starts = malloc(sizeof(int) * ((size_t)env->len + 1)), n = 0, i, k;

	if (!starts)
		return verr(env, -1, "out of memory");
	starts[n++] = 0;
	for (i = 0; i < env->len; i++)
		if (is_local_call(&env->insns[i]) || is_func_ref(&env->insns[i])) {
			int t = callee_of(env->insns, i);

			if (t < 0 || t >= env->len) {
				free(starts);
				return verr(env, i, "call or function reference out of range");
			}
			starts[n++] = t;
		}
	qsort(starts, (size_t)n, sizeof(int), cmp_int);
	env->subs = calloc((size_t)n, sizeof(*env->subs));
	if (!env->subs) {
		free(starts);
		return verr(env, -1, "out of memory");
	}
	for (i = 0; i < n; i++)
		if (!env->nsub || env->subs[env->nsub - 1].start != starts[i])
			env->subs[env->nsub++].start = starts[i];
	free(starts);
	for (k = 0; k < env->nsub; k++) {
		env->subs[k].end = k + 1 < env->nsub ? env->subs[k + 1].start : env->len;
		for (i = env->subs[k].start; i < env->subs[k].end; i++)
			env->insn_sub[i] = k;
	}
	return 0;
}

static int check_sub_bounds(struct venv *env)
{
	int i, k;

	for (i = 0; i < env->len; i++) {
		const struct vx_insn *in = &env->insns[i];
		long t;

		if (is_local_call(in) || VX_CLASS(in->code) == VX_LD ||
		    (VX_CLASS(in->code) != VX_JMP && VX_CLASS(in->code) != VX_JMP32))
			continue;
		t = vx_branch_target(env->insns, (size_t)i);
		if (t >= 0 && env->insn_sub[t] != env->insn_sub[i])
			return verr(env, i, "jump out of range from insn %d to %ld", i, t);
	}
	for (k = 0; k < env->nsub; k++) {
		int last = env->subs[k].end - 1;
		const struct vx_insn *in = &env->insns[last];

		if (last > 0 && env->insns[last - 1].code == VX_LD_IMM64 && !in->code)
			return verr(env, last, "last insn is not an exit or jmp");
		if (in->code != (VX_JMP | VX_EXIT) && !is_ja(in))
			return verr(env, last, "last insn is not an exit or jmp");
	}
	return 0;
}

static int check_reachable(struct venv *env)
{
	uint8_t *seen = calloc((size_t)env->len, 1);
	int *work = malloc(sizeof(int) * ((size_t)env->len * 2 + 2)), n = 0, i;

	if (!seen || !work) {
		free(seen);
		free(work);
		return verr(env, -1, "out of memory");
	}
#define VISIT(x) do { if (!seen[x]) { seen[x] = 1; work[n++] = (x); } } while (0)
	VISIT(0);
	while (n) {
		const struct vx_insn *in;

		i = work[--n];
		in = &env->insns[i];
		if (in->code == VX_LD_IMM64) {
			seen[i + 1] = 1;
			VISIT(i + 2 < env->len ? i + 2 : i);
			if (is_func_ref(in))
				VISIT(callee_of(env->insns, i));
			continue;
		}
		if (is_local_call(in))
			VISIT(callee_of(env->insns, i));
		if (VX_CLASS(in->code) == VX_JMP || VX_CLASS(in->code) == VX_JMP32) {
			if (in->code == (VX_JMP | VX_EXIT))
				continue;
			if (VX_OP(in->code) != VX_CALL) {
				VISIT((int)vx_branch_target(env->insns, (size_t)i));
				if (is_ja(in))
					continue;
			}
		}
		if (i + 1 < env->len)
			VISIT(i + 1);
	}
#undef VISIT
	for (i = 0; i < env->len && seen[i]; i++)
		;
	free(seen);
	free(work);
	if (i < env->len)
		return verr(env, i, "unreachable insn %d", i);
	return 0;
}

/* The most stack the callers of a function that tail-calls may use (the kernel's limit). */
#define V_TAIL_CALL_STACK 256

/* Depth-first over the call graph: recursion, frames, and (after exploration) stack. */
struct walk {
	struct venv *env;
	int *onstack;
	int max_frames, max_stack;
};

/* Frames count rounded up to 16 bytes, as the kernel counts them when it JIT-compiles. */
static int stack_round(int depth)
{
	return (depth + 15) / 16 * 16;
}

static int walk_sub(struct walk *w, int sub, int frames, int stack)
{
	struct venv *env = w->env;
	int i;

	/*
	 * A tail call unwinds only its own frame: as the kernel does, a function that tail-calls
	 * may sit under callers using less than 256 bytes (33 chained calls stay bounded).
	 */
	if (sub && env->subs[sub].has_tail_call && stack >= V_TAIL_CALL_STACK)
		return verr(env, env->subs[sub].start,
			    "tail_calls are not allowed when call stack of previous frames is %d bytes. Too large",
			    stack);
	frames++;
	stack += stack_round(env->subs[sub].stack_depth);
	if (frames > V_MAX_FRAMES)
		return verr(env, env->subs[sub].start, "the call stack of %d frames is too deep",
			    frames);
	if (stack > V_STACK)
		return verr(env, env->subs[sub].start, "combined stack size of %d calls is %d. Too large",
			    frames, stack);
	if (stack > w->max_stack)
		w->max_stack = stack;
	w->onstack[sub] = 1;
	for (i = env->subs[sub].start; i < env->subs[sub].end; i++) {
		int t;

		if (!is_local_call(&env->insns[i]) && !is_func_ref(&env->insns[i]))
			continue;
		t = env->insn_sub[callee_of(env->insns, i)];
		if (w->onstack[t])
			return verr(env, i, "recursive call from insn %d to %d", i,
				    env->subs[t].start);
		if (walk_sub(w, t, frames, stack))
			return -1;
	}
	w->onstack[sub] = 0;
	return 0;
}

int cfg_walk_calls(struct venv *env, int *max_stack)
{
	struct walk w = { .env = env, .onstack = calloc((size_t)env->nsub, sizeof(int)) };
	int rc;

	if (!w.onstack)
		return verr(env, -1, "out of memory");
	rc = walk_sub(&w, 0, 0, 0);
	free(w.onstack);
	if (max_stack)
		*max_stack = w.max_stack;
	return rc;
}

/* Registers an instruction reads (use) and writes (def). */
static void use_def(struct venv *env, int i, uint16_t *use, uint16_t *def)
{
	const struct vx_insn *in = &env->insns[i];
	uint8_t c = VX_CLASS(in->code), op = VX_OP(in->code);
	uint16_t d = (uint16_t)(1u << in->dst), s = (uint16_t)(1u << in->src);

	*use = *def = 0;
	switch (c) {
	case VX_ALU:
	case VX_ALU64:
		*def = d;
		*use = op == VX_MOV ? 0 : d;
		if (VX_SRC(in->code) == VX_X && op != VX_NEG && op != VX_END)
			*use |= s;
		return;
	case VX_LDX:
		*use = s;
		*def = d;
		return;
	case VX_LD:
		*def = d;
		return;
	case VX_ST:
		*use = d;
		return;
	case VX_STX:
		*use = d | s;
		if (VX_MODE(in->code) == VX_ATOMIC && in->imm == VX_CMPXCHG) {
			*use |= 1;
			*def = 1;
		} else if (VX_MODE(in->code) == VX_ATOMIC && (in->imm & VX_FETCH)) {
			*def = s;
		}
		return;
	}
	if (op == VX_EXIT) {
		*use = 1;
	} else if (op == VX_CALL) {
		const struct vx_helper *h = in->src ? NULL : vx_helper_get((uint32_t)in->imm);
		int k = 5;

		if (h && h->id != 6)
			for (k = 0; k < 5 && h->args[k] != VX_ARG_NONE; k++)
				;
		*use = (uint16_t)(((1u << k) - 1) << 1);
		*def = 0x3f;
	} else if (op != VX_JA) {
		*use = d | (VX_SRC(in->code) == VX_X ? s : 0);
	}
}

static int succ(struct venv *env, int i, int out[2])
{
	const struct vx_insn *in = &env->insns[i];
	uint8_t c = VX_CLASS(in->code);
	int n = 0;

	if (in->code == VX_LD_IMM64) {
		out[n++] = i + 2;
		return n;
	}
	if (c == VX_JMP || c == VX_JMP32) {
		if (in->code == (VX_JMP | VX_EXIT))
			return 0;
		if (VX_OP(in->code) != VX_CALL) {
			out[n++] = (int)vx_branch_target(env->insns, (size_t)i);
			if (is_ja(in))
				return n;
		}
	}
	out[n++] = i + 1;
	return n;
}

int cfg_liveness(struct venv *env)
{
	bool changed = true;
	int i, k;

	while (changed) {
		changed = false;
		for (i = env->len - 1; i >= 0; i--) {
			uint16_t use, def, out = 0, in;
			int s[2], n;

			if (i > 0 && env->insns[i - 1].code == VX_LD_IMM64)
				continue;
			n = succ(env, i, s);
			for (k = 0; k < n; k++)
				if (s[k] < env->len)
					out |= env->live[s[k]];
			use_def(env, i, &use, &def);
			in = (uint16_t)(use | (out & ~def));
			if (in != env->live[i]) {
				env->live[i] = in;
				changed = true;
			}
		}
	}
	return 0;
}

/* A callback's function runs once per iteration of its helper: all of it is in a cycle. */
static void mark_cycle_sub(struct venv *env, int target)
{
	const struct vsub *sub;

	if (target < 0 || target >= env->len)
		return;
	sub = &env->subs[env->insn_sub[target]];
	memset(env->in_cycle + sub->start, 1, (size_t)(sub->end - sub->start));
}

void cfg_prune_points(struct venv *env)
{
	int i, t;

	for (i = 0; i < env->len; i++) {
		const struct vx_insn *in = &env->insns[i];
		uint8_t c = VX_CLASS(in->code);

		if (is_func_ref(in))
			mark_cycle_sub(env, i + 1 + in->imm);
		if ((c != VX_JMP && c != VX_JMP32) || in->code == VX_LD_IMM64)
			continue;
		if (VX_OP(in->code) == VX_CALL) {
			const struct vx_helper *h = vx_helper_get((uint32_t)in->imm);

			if (!in->src && h && (h->flags & VX_HELPER_CALLBACK))
				env->prune[i] = env->cb_call[i] = true;
			if (i + 1 < env->len)
				env->prune[i + 1] = true;
			continue;
		}
		if (in->code == (VX_JMP | VX_EXIT))
			continue;
		t = (int)vx_branch_target(env->insns, (size_t)i);
		env->prune[t] = true;
		if (t <= i) { /* every cycle goes through the target of a backward jump */
			env->loop_head[t] = true;
			memset(env->in_cycle + t, 1, (size_t)(i - t + 1));
		}
		if (is_cond_jmp(in) && i + 1 < env->len)
			env->prune[i + 1] = true;
	}
}

int cfg_check(struct venv *env)
{
	if (find_subprogs(env) || check_sub_bounds(env) || check_reachable(env))
		return -1;
	if (cfg_walk_calls(env, NULL))
		return -1;
	cfg_liveness(env);
	cfg_prune_points(env);
	return 0;
}
