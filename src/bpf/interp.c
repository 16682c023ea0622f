// SPDX-License-Identifier: BSD-2-Clause
/*
 * interp.c - the checked interpreter, the reference semantics of every instruction.
 *
 * Written for exactness first: each instruction's meaning follows RFC 9669 and the kernel's
 * interpreter, with no undefined C behaviour on any input (division by zero, INT_MIN / -1 and
 * out-of-range shifts are all defined by the ISA). It is also defence in depth behind the
 * verifier: registers are checked to be written before they are read, memory accesses against
 * the run's regions, branches against the program's bounds, and the run against its budget, so
 * even a program that never passed the verifier cannot harm the process.
 */
#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "interp_priv.h"
#include "prog_priv.h"
#include "vxbpf/map.h"

void vx_env_init(struct vx_env *env)
{
	memset(env, 0, sizeof(*env));
	env->budget = VX_DEFAULT_BUDGET;
}

int vx_env_add_region(struct vx_env *env, void *base, size_t size, unsigned prot)
{
	if (env->nregions >= VX_MAX_REGIONS)
		return -1;
	env->regions[env->nregions++] = (struct vx_region){ (uintptr_t)base, size, prot };
	return 0;
}

static int fail(struct vm *vm, const char *what)
{
	return vx_error_set(vm->err, (int)vm->pc, "%s", what);
}

static bool in_range(uintptr_t a, uint64_t size, uintptr_t base, size_t len)
{
	return a >= base && size <= len && a - base <= len - size;
}

bool vm_in_stack(struct vm *vm, uint64_t addr)
{
	uintptr_t lo = (uintptr_t)(vm->stack_top - (vm->depth + 1) * VX_STACK_SIZE);

	return addr >= lo && addr < (uintptr_t)vm->stack_top;
}

static bool in_regions(const struct vx_region *r, unsigned n, uintptr_t a, uint64_t size,
		       unsigned prot)
{
	unsigned i;

	for (i = 0; i < n; i++)
		if (in_range(a, size, r[i].base, r[i].size) && (r[i].prot & prot) == prot)
			return true;
	return false;
}

void *vm_mem(struct vm *vm, uint64_t addr, uint64_t size, unsigned prot)
{
	uintptr_t a = (uintptr_t)addr;
	uintptr_t lo = (uintptr_t)(vm->stack_top - (vm->depth + 1) * VX_STACK_SIZE);
	struct vx_env *env = vm->env;

	if (in_range(a, size, lo, (uintptr_t)vm->stack_top - lo))
		return (void *)a;
	if (env->pkt_start && env->pkt_end &&
	    in_range(a, size, (uintptr_t)*env->pkt_start,
		     (size_t)(*env->pkt_end - *env->pkt_start)))
		return (void *)a;
	if (in_regions(env->regions, env->nregions, a, size, prot) ||
	    in_regions(vm->dyn, VX_MAX_DYN, a, size, prot))
		return (void *)a;
	return NULL;
}

/* vm_mem for the instruction at pc, with the error set when the access is refused. */
static void *mem_at(struct vm *vm, uint64_t addr, unsigned size, unsigned prot, unsigned basereg)
{
	void *p = vm_mem(vm, addr, size, prot);

	if (!p)
		vx_error_set(vm->err, (int)vm->pc, "out-of-bounds %s of %u bytes through r%u%+d",
			     prot & VX_MEM_WRITE ? "write" : "read", size, basereg,
			     vm->insns[vm->pc].off);
	return p;
}

static unsigned size_bytes(uint8_t code)
{
	switch (VX_SIZE(code)) {
	case VX_B:
		return 1;
	case VX_H:
		return 2;
	case VX_W:
		return 4;
	default:
		return 8;
	}
}

/* Registers an instruction reads; all of them must have been written. */
static uint16_t reads_of(const struct vx_insn *in)
{
	uint8_t cls = VX_CLASS(in->code), op = VX_OP(in->code);
	uint16_t src = VX_SRC(in->code) == VX_X ? R(in->src) : 0;

	switch (cls) {
	case VX_ALU:
	case VX_ALU64:
		if (op == VX_MOV)
			return src;
		if (op == VX_NEG || op == VX_END)
			return R(in->dst);
		return R(in->dst) | src;
	case VX_JMP:
	case VX_JMP32:
		if (op == VX_JA || op == VX_CALL)
			return 0;
		if (op == VX_EXIT)
			return R(0);
		return R(in->dst) | src;
	case VX_LDX:
		return R(in->src);
	case VX_ST:
		return R(in->dst);
	case VX_STX:
		if (VX_MODE(in->code) == VX_ATOMIC && in->imm == VX_CMPXCHG)
			return R(in->dst) | R(in->src) | R(0);
		return R(in->dst) | R(in->src);
	default:
		return 0;
	}
}

static uint64_t sdiv64(uint64_t a, uint64_t b)
{
	if (!b)
		return 0;
	if ((int64_t)b == -1)
		return 0 - a; /* INT64_MIN / -1 wraps to INT64_MIN */
	return (uint64_t)((int64_t)a / (int64_t)b);
}

static uint64_t smod64(uint64_t a, uint64_t b)
{
	if (!b)
		return a;
	if ((int64_t)b == -1)
		return 0;
	return (uint64_t)((int64_t)a % (int64_t)b);
}

static uint32_t sdiv32(uint32_t a, uint32_t b)
{
	if (!b)
		return 0;
	if ((int32_t)b == -1)
		return 0 - a;
	return (uint32_t)((int32_t)a / (int32_t)b);
}

static uint32_t smod32(uint32_t a, uint32_t b)
{
	if (!b)
		return a;
	if ((int32_t)b == -1)
		return 0;
	return (uint32_t)((int32_t)a % (int32_t)b);
}

static uint64_t alu64(uint8_t op, int16_t off, uint64_t d, uint64_t s)
{
	switch (op) {
	case VX_ADD:
		return d + s;
	case VX_SUB:
		return d - s;
	case VX_MUL:
		return d * s;
	case VX_DIV:
		return off ? sdiv64(d, s) : (s ? d / s : 0);
	case VX_OR:
		return d | s;
	case VX_AND:
		return d & s;
	case VX_LSH:
		return d << (s & 63);
	case VX_RSH:
		return d >> (s & 63);
	case VX_NEG:
		return 0 - d;
	case VX_MOD:
		return off ? smod64(d, s) : (s ? d % s : d);
	case VX_XOR:
		return d ^ s;
	case VX_MOV:
		if (off == 8)
			return (uint64_t)(int64_t)(int8_t)s;
		if (off == 16)
			return (uint64_t)(int64_t)(int16_t)s;
		if (off == 32)
			return (uint64_t)(int64_t)(int32_t)s;
		return s;
	default: /* VX_ARSH */
		return (uint64_t)((int64_t)d >> (s & 63));
	}
}

static uint32_t alu32(uint8_t op, int16_t off, uint32_t d, uint32_t s)
{
	switch (op) {
	case VX_DIV:
		return off ? sdiv32(d, s) : (s ? d / s : 0);
	case VX_MOD:
		return off ? smod32(d, s) : (s ? d % s : d);
	case VX_LSH:
		return d << (s & 31);
	case VX_RSH:
		return d >> (s & 31);
	case VX_ARSH:
		return (uint32_t)((int32_t)d >> (s & 31));
	case VX_MOV:
		if (off == 8)
			return (uint32_t)(int32_t)(int8_t)s;
		if (off == 16)
			return (uint32_t)(int32_t)(int16_t)s;
		return s;
	default: /* the rest agree with 64-bit arithmetic on the low 32 bits */
		return (uint32_t)alu64(op, 0, d, s);
	}
}

static bool host_is_le(void)
{
	return __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__;
}

static uint64_t byteswap(uint64_t v, int32_t width)
{
	if (width == 16)
		return __builtin_bswap16((uint16_t)v);
	if (width == 32)
		return __builtin_bswap32((uint32_t)v);
	return __builtin_bswap64(v);
}

static uint64_t truncate(uint64_t v, int32_t width)
{
	if (width == 16)
		return (uint16_t)v;
	if (width == 32)
		return (uint32_t)v;
	return v;
}

/* le/be convert from host order to the named order; bswap (ALU64) always swaps. */
static uint64_t exec_end(const struct vx_insn *in, uint64_t v)
{
	bool swap;

	if (VX_CLASS(in->code) == VX_ALU64)
		swap = true;
	else if (VX_SRC(in->code) == VX_TO_BE)
		swap = host_is_le();
	else
		swap = !host_is_le();
	return swap ? byteswap(v, in->imm) : truncate(v, in->imm);
}

static int exec_alu(struct vm *vm, const struct vx_insn *in)
{
	bool reg = VX_SRC(in->code) == VX_X;
	uint64_t d = vm->reg[in->dst];
	uint64_t s = reg ? vm->reg[in->src] : (uint64_t)(int64_t)in->imm;
	uint8_t op = VX_OP(in->code);

	if (op == VX_END)
		d = exec_end(in, d);
	else if (VX_CLASS(in->code) == VX_ALU64)
		d = alu64(op, in->off, d, s);
	else
		d = alu32(op, in->off, (uint32_t)d, (uint32_t)s);
	vm->reg[in->dst] = d;
	vm->init |= R(in->dst);
	vm->pc++;
	return 0;
}

static bool cond(uint8_t op, uint64_t a, uint64_t b, int64_t sa, int64_t sb)
{
	switch (op) {
	case VX_JEQ:
		return a == b;
	case VX_JGT:
		return a > b;
	case VX_JGE:
		return a >= b;
	case VX_JSET:
		return a & b;
	case VX_JNE:
		return a != b;
	case VX_JSGT:
		return sa > sb;
	case VX_JSGE:
		return sa >= sb;
	case VX_JLT:
		return a < b;
	case VX_JLE:
		return a <= b;
	case VX_JSLT:
		return sa < sb;
	default: /* VX_JSLE */
		return sa <= sb;
	}
}

static int jump_to(struct vm *vm, int64_t delta)
{
	int64_t t = (int64_t)vm->pc + 1 + delta;

	if (t < 0 || (uint64_t)t >= vm->len)
		return fail(vm, "jump out of range");
	vm->pc = (size_t)t;
	return 0;
}

static int exec_cond(struct vm *vm, const struct vx_insn *in)
{
	uint64_t a = vm->reg[in->dst];
	uint64_t b = VX_SRC(in->code) == VX_X ? vm->reg[in->src] : (uint64_t)(int64_t)in->imm;
	bool taken;

	if (VX_CLASS(in->code) == VX_JMP32)
		taken = cond(VX_OP(in->code), (uint32_t)a, (uint32_t)b, (int32_t)a, (int32_t)b);
	else
		taken = cond(VX_OP(in->code), a, b, (int64_t)a, (int64_t)b);
	if (!taken) {
		vm->pc++;
		return 0;
	}
	return jump_to(vm, in->off);
}

int vm_push_frame(struct vm *vm, size_t target, size_t ret_pc, bool callback)
{
	struct frame *f;
	uint8_t *fp;

	if (vm->depth + 1 >= VX_MAX_CALL_DEPTH)
		return vx_error_set(vm->err, (int)vm->pc, "call depth exceeds %d frames",
				    VX_MAX_CALL_DEPTH);
	if (target >= vm->len)
		return vx_error_set(vm->err, (int)vm->pc, "call out of range");
	f = &vm->frames[vm->depth++];
	memcpy(f->saved, &vm->reg[6], sizeof(f->saved));
	f->fp = vm->reg[VX_REG_FP];
	f->init = vm->init;
	f->callback = callback;
	f->ret_pc = ret_pc;
	f->insns = vm->insns;
	f->len = vm->len;
	f->prog = vm->prog;
	/* The new frame's place follows from the depth alone, never from a register's value. */
	fp = vm->stack_top - vm->depth * VX_STACK_SIZE;
	memset(fp - VX_STACK_SIZE, 0, VX_STACK_SIZE);
	vm->reg[VX_REG_FP] = (uint64_t)(uintptr_t)fp;
	vm->init = (uint16_t)((vm->init & ARG_REGS) | R(VX_REG_FP));
	vm->pc = target;
	return 0;
}

static int call_local(struct vm *vm, const struct vx_insn *in)
{
	int64_t t = (int64_t)vm->pc + 1 + in->imm;

	if (t < 0 || (uint64_t)t >= vm->len)
		return fail(vm, "call out of range");
	return vm_push_frame(vm, (size_t)t, vm->pc + 1, false);
}

/* Returns 1 when the entry function exits, 2 when a callback returns. */
static int exec_exit(struct vm *vm)
{
	struct frame *f;

	if (vm->depth == 0)
		return 1;
	f = &vm->frames[--vm->depth];
	memcpy(&vm->reg[6], f->saved, sizeof(f->saved));
	vm->reg[VX_REG_FP] = f->fp;
	vm->init = (uint16_t)((f->init & (SAVED_REGS | R(VX_REG_FP))) | R(0));
	vm->pc = f->ret_pc;
	vm->insns = f->insns;
	vm->len = f->len;
	vm->prog = f->prog;
	return f->callback ? 2 : 0;
}

static int exec_jmp(struct vm *vm, const struct vx_insn *in)
{
	switch (VX_OP(in->code)) {
	case VX_JA:
		return jump_to(vm, VX_CLASS(in->code) == VX_JMP32 ? in->imm : in->off);
	case VX_CALL:
		if (in->src == VX_CALL_LOCAL)
			return call_local(vm, in);
		if (in->src == VX_CALL_HELPER && VX_SRC(in->code) == VX_K)
			return vm_call_helper(vm, in);
		return fail(vm, "unsupported call");
	case VX_EXIT:
		return exec_exit(vm);
	default:
		return exec_cond(vm, in);
	}
}

static uint64_t load(const void *p, unsigned size, bool sx)
{
	uint8_t b;
	uint16_t h;
	uint32_t w;
	uint64_t dw;

	switch (size) {
	case 1:
		memcpy(&b, p, 1);
		return sx ? (uint64_t)(int64_t)(int8_t)b : b;
	case 2:
		memcpy(&h, p, 2);
		return sx ? (uint64_t)(int64_t)(int16_t)h : h;
	case 4:
		memcpy(&w, p, 4);
		return sx ? (uint64_t)(int64_t)(int32_t)w : w;
	default:
		memcpy(&dw, p, 8);
		return dw;
	}
}

static void store(void *p, unsigned size, uint64_t v)
{
	uint8_t b = (uint8_t)v;
	uint16_t h = (uint16_t)v;
	uint32_t w = (uint32_t)v;

	if (size == 1)
		memcpy(p, &b, 1);
	else if (size == 2)
		memcpy(p, &h, 2);
	else if (size == 4)
		memcpy(p, &w, 4);
	else
		memcpy(p, &v, 8);
}

/* The context is read through ctx_load, never as memory. Returns 1 if addr is not in it. */
static int ctx_access(struct vm *vm, const struct vx_insn *in, uint64_t addr, unsigned size)
{
	struct vx_env *env = vm->env;
	uint64_t off = addr - (uintptr_t)env->ctx;
	bool sext = VX_MODE(in->code) == VX_MEMSX;

	if (!env->ctx || addr < (uintptr_t)env->ctx || off >= env->ctx_size)
		return 1;
	if (VX_CLASS(in->code) != VX_LDX)
		return vx_error_set(vm->err, (int)vm->pc, "invalid write of the context at offset %u",
				    (unsigned)off);
	if (env->ctx_load(env->ctx, (uint32_t)off, size, sext, &vm->reg[in->dst]))
		return vx_error_set(vm->err, (int)vm->pc,
				    "invalid context access: %u bytes%s at offset %u", size,
				    sext ? " sign-extended" : "", (unsigned)off);
	vm->init |= R(in->dst);
	vm->pc++;
	return 0;
}

static int exec_ldx(struct vm *vm, const struct vx_insn *in)
{
	unsigned size = size_bytes(in->code);
	uint64_t addr = vm->reg[in->src] + (uint64_t)(int64_t)in->off;
	int ret = ctx_access(vm, in, addr, size);
	void *p;

	if (ret <= 0)
		return ret;
	p = mem_at(vm, addr, size, VX_MEM_READ, in->src);
	if (!p)
		return -1;
	vm->reg[in->dst] = load(p, size, VX_MODE(in->code) == VX_MEMSX);
	vm->init |= R(in->dst);
	vm->pc++;
	return 0;
}

static int exec_store(struct vm *vm, const struct vx_insn *in)
{
	unsigned size = size_bytes(in->code);
	uint64_t v = VX_CLASS(in->code) == VX_ST ? (uint64_t)(int64_t)in->imm : vm->reg[in->src];
	uint64_t addr = vm->reg[in->dst] + (uint64_t)(int64_t)in->off;
	void *p;

	if (ctx_access(vm, in, addr, size) <= 0)
		return -1;
	p = mem_at(vm, addr, size, VX_MEM_WRITE, in->dst);
	if (!p)
		return -1;
	store(p, size, v);
	vm->pc++;
	return 0;
}

/*
 * One atomic operation on *p of type T (32 or 64 bits): returns the old value; cmpxchg also
 * leaves it in r0. The GCC builtins are type-generic, so one body serves both widths.
 */
#define DEFINE_ATOMIC(name, T)                                                              \
	static uint64_t name(T *p, int op, T v, uint64_t *r0)                               \
	{                                                                                   \
		T expected = (T)*r0;                                                        \
                                                                                            \
		switch (op & ~VX_FETCH) {                                                   \
		case VX_ADD:                                                                \
			return __atomic_fetch_add(p, v, __ATOMIC_SEQ_CST);                  \
		case VX_OR:                                                                 \
			return __atomic_fetch_or(p, v, __ATOMIC_SEQ_CST);                   \
		case VX_AND:                                                                \
			return __atomic_fetch_and(p, v, __ATOMIC_SEQ_CST);                  \
		case VX_XOR:                                                                \
			return __atomic_fetch_xor(p, v, __ATOMIC_SEQ_CST);                  \
		case VX_XCHG & ~VX_FETCH:                                                   \
			return __atomic_exchange_n(p, v, __ATOMIC_SEQ_CST);                 \
		default: /* VX_CMPXCHG */                                                   \
			__atomic_compare_exchange_n(p, &expected, v, false,                 \
						    __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);    \
			*r0 = expected;                                                     \
			return expected;                                                    \
		}                                                                           \
	}

DEFINE_ATOMIC(atomic32, uint32_t)
DEFINE_ATOMIC(atomic64, uint64_t)

static int exec_atomic(struct vm *vm, const struct vx_insn *in)
{
	unsigned size = size_bytes(in->code);
	uint64_t addr = vm->reg[in->dst] + (uint64_t)(int64_t)in->off;
	uint64_t old;
	void *p;

	if (ctx_access(vm, in, addr, size) <= 0)
		return -1;
	p = mem_at(vm, addr, size, VX_MEM_READ | VX_MEM_WRITE, in->dst);
	if (!p)
		return -1;
	if (size != 4 && size != 8)
		return fail(vm, "atomic operations must be 32 or 64 bits wide");
	if (addr % size)
		return fail(vm, "misaligned atomic access");
	if (size == 4)
		old = atomic32(p, in->imm, (uint32_t)vm->reg[in->src], &vm->reg[0]);
	else
		old = atomic64(p, in->imm, vm->reg[in->src], &vm->reg[0]);
	if (in->imm == VX_CMPXCHG) {
		vm->init |= R(0);
	} else if (in->imm & VX_FETCH) {
		vm->reg[in->src] = old;
		vm->init |= R(in->src);
	}
	vm->pc++;
	return 0;
}

static struct vx_map *prog_map(struct vm *vm, int32_t idx)
{
	if (!vm->prog || idx < 0 || (size_t)idx >= vm->prog->nmaps)
		return NULL;
	return vm->prog->maps[idx];
}

/* The value of a map-value reference (global data): entry 0 of an array map, plus offset. */
static int map_value_ref(struct vm *vm, const struct vx_insn *in, uint64_t *val)
{
	struct vx_map *map = prog_map(vm, in[0].imm);
	const struct vx_map_def *def;
	uint32_t key = 0, off = (uint32_t)in[1].imm;
	uint8_t *v;

	if (!map)
		return fail(vm, "invalid map reference");
	def = vx_map_get_def(map);
	v = vx_map_lookup_elem(map, &key);
	if (!v || off >= def->value_size)
		return fail(vm, "invalid map value reference");
	vm_run_grant(vm->run, v, def->value_size,
		     def->flags & VX_F_RDONLY_PROG ? VX_MEM_READ : VX_MEM_READ | VX_MEM_WRITE);
	*val = (uint64_t)(uintptr_t)(v + off);
	return 0;
}

static int exec_ld_imm64(struct vm *vm, const struct vx_insn *in)
{
	uint64_t v = 0;
	int64_t t;

	if (in->code != VX_LD_IMM64 || vm->pc + 1 >= vm->len)
		return fail(vm, "invalid ld_imm64");
	switch (in->src) {
	case VX_PSEUDO_NONE:
		v = vx_insn_imm64(in);
		break;
	case VX_PSEUDO_MAP_IDX:
		if (!prog_map(vm, in->imm))
			return fail(vm, "invalid map reference");
		v = (uint64_t)(uintptr_t)prog_map(vm, in->imm);
		break;
	case VX_PSEUDO_MAP_IDX_VALUE:
		if (map_value_ref(vm, in, &v))
			return -1;
		break;
	case VX_PSEUDO_FUNC:
		t = (int64_t)vm->pc + 1 + in->imm;
		if (t < 0 || (uint64_t)t >= vm->len)
			return fail(vm, "invalid function reference");
		v = (uint64_t)(uintptr_t)&vm->insns[t];
		break;
	default:
		return fail(vm, "unresolved ld_imm64 reference");
	}
	vm->reg[in->dst] = v;
	vm->init |= R(in->dst);
	vm->pc += 2;
	return 0;
}

/* Execute the instruction at pc. Returns 0 to go on, 1 when the program exits, -1 on error. */
static int step(struct vm *vm)
{
	const struct vx_insn *in = &vm->insns[vm->pc];
	uint16_t need = reads_of(in);

	if (need & ~vm->init) {
		unsigned r = (unsigned)__builtin_ctz(need & ~vm->init);

		return vx_error_set(vm->err, (int)vm->pc, "r%u is read before it is written", r);
	}
	switch (VX_CLASS(in->code)) {
	case VX_ALU:
	case VX_ALU64:
		return exec_alu(vm, in);
	case VX_JMP:
	case VX_JMP32:
		return exec_jmp(vm, in);
	case VX_LDX:
		return exec_ldx(vm, in);
	case VX_ST:
		return exec_store(vm, in);
	case VX_STX:
		if (VX_MODE(in->code) == VX_ATOMIC)
			return exec_atomic(vm, in);
		return exec_store(vm, in);
	default:
		return exec_ld_imm64(vm, in);
	}
}

int vm_loop(struct vm *vm)
{
	uint64_t budget = vm->env->budget;
	int ret;

	for (;;) {
		if (vm->pc >= vm->len)
			return fail(vm, "execution fell off the end of the program");
		if (vm->env->executed++ >= budget)
			return vx_error_set(vm->err, (int)vm->pc,
					    "instruction budget of %llu exhausted",
					    (unsigned long long)budget);
		ret = step(vm);
		if (ret)
			return ret;
	}
}

static void vm_init(struct vm *vm, const struct vx_insn *insns, size_t len,
		    const struct vx_prog *prog, struct vx_env *env, struct vx_error *err)
{
	/* Not zeroed whole: the 4 KiB stack is cleared a frame at a time. */
	memset(vm, 0, offsetof(struct vm, stack));
	vm->insns = insns;
	vm->len = len;
	vm->prog = prog;
	vm->env = env;
	vm->err = err;
	vm->stack_top = vm->stack + sizeof(vm->stack);
	memset(vm->stack_top - VX_STACK_SIZE, 0, VX_STACK_SIZE);
	vm->reg[VX_REG_FP] = (uint64_t)(uintptr_t)vm->stack_top;
	vm->init = R(VX_REG_FP);
	vm->run = env->run ? env->run : &vm->own_run;
	vm->run->call = vm_run_call;
	vm->run->grant = vm_run_grant;
	vm->run->readable = vm_run_readable;
	vm->run->engine = vm;
	env->executed = 0;
}

static int vm_exec(struct vm *vm, uint64_t *ret)
{
	struct vx_run *saved = vx_cur_run;
	int rc;

	vx_cur_run = vm->run;
	rc = vm_loop(vm);
	vx_cur_run = saved;
	if (vm_finish(vm, rc == 1) || rc != 1)
		return -1;
	*ret = vm->reg[0];
	return 0;
}

int vx_interp_run(const struct vx_insn *insns, size_t len, struct vx_env *env,
		  const uint64_t *args, unsigned nargs, uint64_t *ret, struct vx_error *err)
{
	struct vm vm;
	unsigned i;

	vx_error_clear(err);
	if (nargs > 5)
		return vx_error_set(err, -1, "at most 5 arguments, got %u", nargs);
	vm_init(&vm, insns, len, NULL, env, err);
	for (i = 0; i < nargs; i++) {
		vm.reg[i + 1] = args[i];
		vm.init |= (uint16_t)R(i + 1);
	}
	return vm_exec(&vm, ret);
}

int vx_interp_run_prog(const struct vx_prog *prog, struct vx_env *env, uint64_t r1,
		       uint64_t *ret, struct vx_error *err)
{
	struct vm vm;

	vx_error_clear(err);
	vm_init(&vm, prog->insns, prog->len, prog, env, err);
	vm.reg[1] = r1;
	vm.init |= R(1);
	return vm_exec(&vm, ret);
}
