// SPDX-License-Identifier: BSD-2-Clause
/*
 * interp_call.c - the checked interpreter's calls out of the program: helpers (each argument
 * checked against the helper's prototype before the call, the memory a helper returns granted
 * after it), tail calls, callbacks into the program, ring buffer samples.
 *
 * The verifier proves all of this statically; the interpreter checks it again at run time so
 * that even an unverified program cannot hand a helper a forged pointer.
 */
#include <errno.h>
#include <string.h>

#include "interp_priv.h"
#include "prog_priv.h"
#include "vxbpf/helper.h"
#include "vxbpf/map.h"

__thread struct vx_run *vx_cur_run;

static int arg_fault(struct vm *vm, const struct vx_helper *h, int arg, const char *what)
{
	return vx_error_set(vm->err, (int)vm->pc, "helper %s argument %d (r%d): %s", h->name, arg,
			    arg, what);
}

static bool prog_has_map(struct vm *vm, uint64_t v)
{
	size_t i;

	for (i = 0; vm->prog && i < vm->prog->nmaps; i++)
		if ((uintptr_t)vm->prog->maps[i] == v)
			return true;
	return false;
}

static int sample_index(struct vm *vm, uint64_t v)
{
	unsigned i;

	for (i = 0; i < vm->nsamples; i++)
		if ((uintptr_t)vm->samples[i] == v)
			return (int)i;
	return -1;
}

static bool is_func(struct vm *vm, uint64_t v)
{
	uintptr_t lo = (uintptr_t)vm->insns, hi = (uintptr_t)(vm->insns + vm->len);

	return v >= lo && v < hi && (v - lo) % sizeof(struct vx_insn) == 0;
}

/* Check the memory argument r[arg] of size bytes; size 0 with NULL allowed when or_null. */
static int check_mem(struct vm *vm, const struct vx_helper *h, int arg, uint64_t size,
		     unsigned prot, bool or_null)
{
	uint64_t p = vm->reg[arg];

	if (or_null && !p && !size)
		return 0;
	if (!size && !or_null)
		return arg_fault(vm, h, arg + 1, "size must be > 0");
	if (size > (1u << 30) || !vm_mem(vm, p, size, prot))
		return arg_fault(vm, h, arg, "not memory the program may pass");
	return 0;
}

static int check_map_arg(struct vm *vm, const struct vx_helper *h, int i, uint8_t type)
{
	struct vx_map *map = (struct vx_map *)(uintptr_t)vm->reg[i];
	uint32_t mt;

	if (!prog_has_map(vm, vm->reg[i]))
		return arg_fault(vm, h, i, "not a map of this program");
	mt = vx_map_get_def(map)->type;
	if (type == VX_ARG_MAP_PROG_ARRAY && mt != VX_MAP_PROG_ARRAY)
		return arg_fault(vm, h, i, "not a program array");
	if (type == VX_ARG_MAP_RINGBUF && mt != VX_MAP_RINGBUF)
		return arg_fault(vm, h, i, "not a ring buffer");
	if (type == VX_ARG_MAP && (mt == VX_MAP_PROG_ARRAY || mt == VX_MAP_RINGBUF))
		return arg_fault(vm, h, i, "this helper does not take this map type");
	return 0;
}

static int check_arg(struct vm *vm, const struct vx_helper *h, int i, struct vx_map **map)
{
	uint64_t v = vm->reg[i];
	uint8_t type = h->args[i - 1];
	uint8_t next = i < 5 ? h->args[i] : VX_ARG_NONE;

	switch (type) {
	case VX_ARG_CTX:
		if (!vm->env->ctx || v != (uintptr_t)vm->env->ctx)
			return arg_fault(vm, h, i, "not the context");
		return 0;
	case VX_ARG_MAP:
	case VX_ARG_MAP_PROG_ARRAY:
	case VX_ARG_MAP_RINGBUF:
		if (check_map_arg(vm, h, i, type))
			return -1;
		*map = (struct vx_map *)(uintptr_t)v;
		return 0;
	case VX_ARG_MAP_KEY:
		return check_mem(vm, h, i, vx_map_get_def(*map)->key_size, VX_MEM_READ, false);
	case VX_ARG_MAP_VALUE:
		return check_mem(vm, h, i, vx_map_get_def(*map)->value_size, VX_MEM_READ, false);
	case VX_ARG_MEM:
	case VX_ARG_MEM_OR_NULL:
		return check_mem(vm, h, i, vm->reg[i + 1], VX_MEM_READ,
				 type == VX_ARG_MEM_OR_NULL || next == VX_ARG_CONST_SIZE_OR_ZERO);
	case VX_ARG_RINGBUF_MEM:
		if (sample_index(vm, v) < 0)
			return arg_fault(vm, h, i, "not a reserved ring buffer sample");
		return 0;
	case VX_ARG_FUNC:
		if (!is_func(vm, v))
			return arg_fault(vm, h, i, "not a function of this program");
		return 0;
	case VX_ARG_PTR_TO_STACK_OR_NULL:
		if (v && !vm_in_stack(vm, v))
			return arg_fault(vm, h, i, "not a pointer to the stack");
		return 0;
	default: /* scalars and sizes: only initialisation is required */
		return 0;
	}
}

static int check_args(struct vm *vm, const struct vx_helper *h)
{
	struct vx_map *map = NULL;
	int i;

	if (!(h->classes & (vm->env->helper_class ? vm->env->helper_class : VX_HELPER_TRUSTED)))
		return vx_error_set(vm->err, (int)vm->pc,
				    "helper %s is not offered to this program class", h->name);
	for (i = 1; i <= 5 && h->args[i - 1] != VX_ARG_NONE; i++) {
		if (!(vm->init & R(i)))
			return arg_fault(vm, h, i, "read before it is written");
		if (check_arg(vm, h, i, &map))
			return -1;
	}
	return 0;
}

/* Bookkeeping after a call: grant what the helper handed out, retire submitted samples. */
static void after_call(struct vm *vm, const struct vx_helper *h, const uint64_t *args)
{
	struct vx_map *map = (struct vx_map *)(uintptr_t)args[0];
	uint64_t r0 = vm->reg[0];
	const struct vx_map_def *def;
	int k;

	if (h->ret == VX_RET_MAP_VALUE_OR_NULL && r0) {
		def = vx_map_get_def(map);
		vm_run_grant(vm->run, (void *)(uintptr_t)r0, def->value_size,
			     def->flags & VX_F_RDONLY_PROG || def->type == VX_MAP_DEVMAP ||
					     def->type == VX_MAP_DEVMAP_HASH ?
				     VX_MEM_READ :
				     VX_MEM_READ | VX_MEM_WRITE);
	} else if (h->ret == VX_RET_MEM_OR_NULL && r0) {
		vm_run_grant(vm->run, (void *)(uintptr_t)r0, args[1], VX_MEM_READ | VX_MEM_WRITE);
		if (vm->nsamples < VX_MAX_SAMPLES)
			vm->samples[vm->nsamples++] = (void *)(uintptr_t)r0;
	}
	if (h->args[0] == VX_ARG_RINGBUF_MEM && (k = sample_index(vm, args[0])) >= 0)
		vm->samples[k] = vm->samples[--vm->nsamples];
}

static int tail_call(struct vm *vm)
{
	struct vx_map *map = (struct vx_map *)(uintptr_t)vm->reg[2];
	struct vx_prog *target = NULL;

	if (vm->tail_calls < VX_MAX_TAIL_CALLS)
		target = vx_prog_array_get(map, (uint32_t)vm->reg[3]);
	if (!target) {
		/* The call falls through; r0-r5 hold nothing the program may read. */
		vm->init &= (uint16_t) ~(ARG_REGS | R(0));
		vm->pc++;
		return 0;
	}
	vm->tail_calls++;
	vm->prog = target;
	vm->insns = target->insns;
	vm->len = target->len;
	vm->pc = 0;
	vm->init = R(1) | R(VX_REG_FP);
	return 0;
}

int vm_call_helper(struct vm *vm, const struct vx_insn *in)
{
	const struct vx_helper *h = vx_helper_get((uint32_t)in->imm);
	uint64_t *r = vm->reg, args[5];

	if (!h)
		return vx_error_set(vm->err, (int)vm->pc, "unknown helper %d", in->imm);
	if (check_args(vm, h))
		return -1;
	if (h->flags & VX_HELPER_TAIL_CALL)
		return tail_call(vm);
	memcpy(args, &r[1], sizeof(args));
	if (vm->nsamples == VX_MAX_SAMPLES && h->ret == VX_RET_MEM_OR_NULL)
		return vx_error_set(vm->err, (int)vm->pc,
				    "more than %d ring buffer samples outstanding", VX_MAX_SAMPLES);
	r[0] = h->fn(r[1], r[2], r[3], r[4], r[5]);
	if (vm->faulted)
		return -1;
	after_call(vm, h, args);
	vm->init = (uint16_t)((vm->init & ~ARG_REGS) | R(0));
	vm->pc++;
	return 0;
}

uint64_t vm_run_call(struct vx_run *run, uint64_t fn, const uint64_t args[4], int *failed)
{
	struct vm *vm = run->engine;
	size_t saved_pc = vm->pc;
	int i, rc;

	if (vm->faulted || !is_func(vm, fn)) {
		if (!vm->faulted)
			vx_error_set(vm->err, (int)vm->pc, "callback is not a function");
		vm->faulted = true;
		*failed = 1;
		return 0;
	}
	if (vm_push_frame(vm, (size_t)((const struct vx_insn *)(uintptr_t)fn - vm->insns),
			  saved_pc, true)) {
		vm->faulted = true;
		*failed = 1;
		return 0;
	}
	for (i = 0; i < 4; i++)
		vm->reg[i + 1] = args[i];
	vm->init = R(1) | R(2) | R(3) | R(4) | R(VX_REG_FP);
	rc = vm_loop(vm);
	if (rc != 2) {
		if (rc == 1)
			vx_error_set(vm->err, (int)vm->pc, "callback did not return");
		vm->faulted = true;
		*failed = 1;
		return 0;
	}
	vm->pc = saved_pc;
	return vm->reg[0];
}

int vm_run_readable(struct vx_run *run, const void *p, size_t size)
{
	struct vm *vm = run->engine;

	return vm_mem(vm, (uintptr_t)p, size, VX_MEM_READ) != NULL;
}

void vm_run_grant(struct vx_run *run, void *p, size_t size, unsigned prot)
{
	struct vm *vm = run->engine;
	struct vx_region *r = &vm->dyn[vm->dyn_next++ % VX_MAX_DYN];

	r->base = (uintptr_t)p;
	r->size = size;
	r->prot = prot;
}

int vm_finish(struct vm *vm, bool report)
{
	unsigned n = vm->nsamples;

	while (vm->nsamples)
		vx_ringbuf_discard(vm->samples[--vm->nsamples], 0);
	if (n && report)
		return vx_error_set(vm->err, -1,
				    "%u ring buffer sample(s) reserved and never submitted", n);
	return 0;
}
