// SPDX-License-Identifier: BSD-2-Clause
/*
 * prog.c - decoding bytecode, rejecting malformed instruction encodings, comparing programs.
 *
 * Every rule here is about one slot's encoding or about where a branch lands; the verifier
 * (run-time behaviour) builds on a program that passed vx_check().
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "vxbpf/prog.h"

int vx_decode(const uint8_t *buf, size_t size, struct vx_insn **insns, size_t *len,
	      struct vx_error *err)
{
	struct vx_insn *out;
	size_t n, i;

	vx_error_clear(err);
	if (size == 0)
		return vx_error_set(err, -1, "empty program");
	if (size % VX_INSN_SIZE)
		return vx_error_set(err, -1, "program size %zu is not a multiple of %d bytes", size,
				    VX_INSN_SIZE);
	n = size / VX_INSN_SIZE;
	if (n > VX_MAX_INSNS)
		return vx_error_set(err, -1, "program has %zu instructions, more than %d", n,
				    VX_MAX_INSNS);
	out = calloc(n, sizeof(*out));
	if (!out)
		return vx_error_set(err, -1, "out of memory");
	for (i = 0; i < n; i++)
		out[i] = vx_insn_decode(buf + i * VX_INSN_SIZE);
	*insns = out;
	*len = n;
	return 0;
}

static bool is_ld_imm64(const struct vx_insn *in)
{
	return in->code == VX_LD_IMM64;
}

static bool is_branch(const struct vx_insn *in)
{
	uint8_t cls = VX_CLASS(in->code), op = VX_OP(in->code);

	if (cls != VX_JMP && cls != VX_JMP32)
		return false;
	if (op == VX_EXIT)
		return false;
	if (op == VX_CALL)
		return in->src == VX_CALL_LOCAL && VX_SRC(in->code) == VX_K;
	return true;
}

long vx_branch_target(const struct vx_insn *insns, size_t i)
{
	const struct vx_insn *in = &insns[i];

	if (!is_branch(in))
		return -1;
	if (VX_OP(in->code) == VX_CALL ||
	    (VX_CLASS(in->code) == VX_JMP32 && VX_OP(in->code) == VX_JA))
		return (long)i + 1 + in->imm;
	return (long)i + 1 + in->off;
}

/* Fields an encoding must leave zero. */
#define F_DST 0x1
#define F_SRC 0x2
#define F_OFF 0x4
#define F_IMM 0x8

static int reserved(const struct vx_insn *in, int i, unsigned fields, struct vx_error *err)
{
	if ((fields & F_DST) && in->dst)
		return vx_error_set(err, i, "reserved dst field is %u, must be 0", in->dst);
	if ((fields & F_SRC) && in->src)
		return vx_error_set(err, i, "reserved src field is %u, must be 0", in->src);
	if ((fields & F_OFF) && in->off)
		return vx_error_set(err, i, "reserved offset field is %d, must be 0", in->off);
	if ((fields & F_IMM) && in->imm)
		return vx_error_set(err, i, "reserved imm field is %d, must be 0", in->imm);
	return 0;
}

static int check_dst_writable(const struct vx_insn *in, int i, struct vx_error *err)
{
	if (in->dst == VX_REG_FP)
		return vx_error_set(err, i, "frame pointer r10 is read only");
	return 0;
}

static int check_end(const struct vx_insn *in, int i, struct vx_error *err)
{
	if (VX_CLASS(in->code) == VX_ALU64 && VX_SRC(in->code) != VX_K)
		return vx_error_set(err, i, "unknown opcode 0x%02x", in->code);
	if (in->imm != 16 && in->imm != 32 && in->imm != 64)
		return vx_error_set(err, i, "byte swap width %d, must be 16, 32 or 64", in->imm);
	return reserved(in, i, F_SRC | F_OFF, err);
}

static int check_alu(const struct vx_insn *in, int i, struct vx_error *err)
{
	bool alu64 = VX_CLASS(in->code) == VX_ALU64;
	uint8_t op = VX_OP(in->code);
	bool reg = VX_SRC(in->code) == VX_X;
	int off = in->off;

	if (op > VX_END)
		return vx_error_set(err, i, "unknown opcode 0x%02x", in->code);
	if (check_dst_writable(in, i, err))
		return -1;
	if (op == VX_END)
		return check_end(in, i, err);
	if (op == VX_NEG) {
		if (reg)
			return vx_error_set(err, i, "unknown opcode 0x%02x", in->code);
		return reserved(in, i, F_SRC | F_OFF | F_IMM, err);
	}
	if ((op == VX_DIV || op == VX_MOD) && off == 1)
		off = 0; /* sdiv / smod */
	if (op == VX_MOV && reg && (off == 8 || off == 16 || (alu64 && off == 32)))
		off = 0; /* movsx */
	if (off)
		return vx_error_set(err, i, "invalid offset %d for this ALU operation", in->off);
	if (reg)
		return reserved(in, i, F_IMM, err);
	return reserved(in, i, F_SRC, err);
}

static int check_jmp(const struct vx_insn *in, int i, struct vx_error *err)
{
	bool jmp32 = VX_CLASS(in->code) == VX_JMP32;
	uint8_t op = VX_OP(in->code);
	bool reg = VX_SRC(in->code) == VX_X;

	if (op == 0xe0 || op == 0xf0)
		return vx_error_set(err, i, "unknown opcode 0x%02x", in->code);
	if (op == VX_EXIT) {
		if (jmp32 || reg)
			return vx_error_set(err, i, "unknown opcode 0x%02x", in->code);
		return reserved(in, i, F_DST | F_SRC | F_OFF | F_IMM, err);
	}
	if (op == VX_CALL) {
		if (jmp32)
			return vx_error_set(err, i, "unknown opcode 0x%02x", in->code);
		if (reg)
			return vx_error_set(err, i, "register calls (callx) are not supported");
		if (reserved(in, i, F_DST | F_OFF, err))
			return -1;
		if (in->src == VX_CALL_KFUNC)
			return vx_error_set(err, i, "kernel function calls (kfuncs) are not supported");
		if (in->src > VX_CALL_LOCAL)
			return vx_error_set(err, i, "invalid call type %u", in->src);
		return 0;
	}
	if (op == VX_JA) {
		if (reg)
			return vx_error_set(err, i, "unknown opcode 0x%02x", in->code);
		/* ja keeps its offset in off, ja32 in imm. */
		return reserved(in, i, F_DST | F_SRC | (jmp32 ? F_OFF : F_IMM), err);
	}
	if (reg)
		return reserved(in, i, F_IMM, err);
	return reserved(in, i, F_SRC, err);
}

static int check_ld(const struct vx_insn *insns, size_t len, size_t i, unsigned flags,
		    struct vx_error *err)
{
	const struct vx_insn *in = &insns[i];
	int n = (int)i;

	if (VX_MODE(in->code) == VX_ABS || VX_MODE(in->code) == VX_IND)
		return vx_error_set(err, n, "legacy packet access (ld_abs/ld_ind) is not supported");
	if (in->code != VX_LD_IMM64)
		return vx_error_set(err, n, "unknown opcode 0x%02x", in->code);
	if (i + 1 >= len)
		return vx_error_set(err, n, "ld_imm64 is missing its second slot");
	if (in->src > VX_PSEUDO_MAP_IDX_VALUE)
		return vx_error_set(err, n, "invalid ld_imm64 source %u", in->src);
	if (in->src && !(flags & VX_CHECK_PSEUDO))
		return vx_error_set(err, n, "ld_imm64 with pseudo source %u needs the object loader",
				    in->src);
	if (reserved(in, n, F_OFF, err) || check_dst_writable(in, n, err))
		return -1;
	if (insns[i + 1].code || insns[i + 1].dst || insns[i + 1].src || insns[i + 1].off)
		return vx_error_set(err, n + 1, "malformed second slot of ld_imm64");
	return 0;
}

static int check_atomic(const struct vx_insn *in, int i, struct vx_error *err)
{
	int op = in->imm;

	if (VX_SIZE(in->code) != VX_W && VX_SIZE(in->code) != VX_DW)
		return vx_error_set(err, i, "atomic operations must be 32 or 64 bits wide");
	switch (op & ~VX_FETCH) {
	case VX_ADD:
	case VX_OR:
	case VX_AND:
	case VX_XOR:
		return 0;
	}
	if (op == VX_XCHG || op == VX_CMPXCHG)
		return 0;
	return vx_error_set(err, i, "unknown atomic operation 0x%x", (unsigned)op);
}

static int check_mem(const struct vx_insn *in, int i, struct vx_error *err)
{
	uint8_t cls = VX_CLASS(in->code), mode = VX_MODE(in->code);

	if (cls == VX_LDX) {
		if (mode != VX_MEM && !(mode == VX_MEMSX && VX_SIZE(in->code) != VX_DW))
			return vx_error_set(err, i, "unknown opcode 0x%02x", in->code);
		if (check_dst_writable(in, i, err))
			return -1;
		return reserved(in, i, F_IMM, err);
	}
	if (cls == VX_ST) {
		if (mode != VX_MEM)
			return vx_error_set(err, i, "unknown opcode 0x%02x", in->code);
		return reserved(in, i, F_SRC, err);
	}
	if (mode == VX_ATOMIC)
		return check_atomic(in, i, err);
	if (mode != VX_MEM)
		return vx_error_set(err, i, "unknown opcode 0x%02x", in->code);
	return reserved(in, i, F_IMM, err);
}

static int check_one(const struct vx_insn *insns, size_t len, size_t i, unsigned flags,
		     struct vx_error *err)
{
	const struct vx_insn *in = &insns[i];
	int n = (int)i;

	if (in->dst >= VX_NREGS || in->src >= VX_NREGS) {
		/* ld_imm64 and calls use src for a kind, checked below. */
		if (in->dst >= VX_NREGS)
			return vx_error_set(err, n, "invalid register r%u", in->dst);
		if (in->code != VX_LD_IMM64 && in->code != (VX_JMP | VX_CALL))
			return vx_error_set(err, n, "invalid register r%u", in->src);
	}
	switch (VX_CLASS(in->code)) {
	case VX_ALU:
	case VX_ALU64:
		return check_alu(in, n, err);
	case VX_JMP:
	case VX_JMP32:
		return check_jmp(in, n, err);
	case VX_LD:
		return check_ld(insns, len, i, flags, err);
	default:
		return check_mem(in, n, err);
	}
}

/* Mark the second slots of ld_imm64 so branches into them can be refused. */
static bool *mark_imm64_tails(const struct vx_insn *insns, size_t len)
{
	bool *tail = calloc(len, sizeof(*tail));
	size_t i;

	if (!tail)
		return NULL;
	for (i = 0; i + 1 < len; i++) {
		if (is_ld_imm64(&insns[i])) {
			tail[i + 1] = true;
			i++;
		}
	}
	return tail;
}

static int check_branches(const struct vx_insn *insns, size_t len, const bool *tail,
			  struct vx_error *err)
{
	size_t i;

	for (i = 0; i < len; i++) {
		long t;

		if (tail[i] || !is_branch(&insns[i]))
			continue;
		t = vx_branch_target(insns, i);
		if (t < 0 || (size_t)t >= len)
			return vx_error_set(err, (int)i, "jump out of range to %ld", t);
		if (tail[t])
			return vx_error_set(err, (int)i, "jump into the middle of ld_imm64 at %ld", t);
	}
	return 0;
}

static bool ends_function(const struct vx_insn *in)
{
	return in->code == (VX_JMP | VX_EXIT) || in->code == (VX_JMP | VX_JA) ||
	       in->code == (VX_JMP32 | VX_JA);
}

int vx_check(const struct vx_insn *insns, size_t len, unsigned flags, struct vx_error *err)
{
	bool *tail;
	size_t i;
	int ret = 0;

	vx_error_clear(err);
	if (len == 0)
		return vx_error_set(err, -1, "empty program");
	if (len > VX_MAX_INSNS)
		return vx_error_set(err, -1, "program has %zu instructions, more than %d", len,
				    VX_MAX_INSNS);
	for (i = 0; i < len; i++) {
		if (check_one(insns, len, i, flags, err))
			return -1;
		if (is_ld_imm64(&insns[i]))
			i++;
	}
	if (!ends_function(&insns[len - 1]))
		return vx_error_set(err, (int)len - 1, "last instruction is not an exit or a jump");
	tail = mark_imm64_tails(insns, len);
	if (!tail)
		return vx_error_set(err, -1, "out of memory");
	ret = check_branches(insns, len, tail, err);
	free(tail);
	return ret;
}

bool vx_insns_equal(const struct vx_insn *a, size_t na, const struct vx_insn *b, size_t nb)
{
	size_t i;

	if (na != nb)
		return false;
	for (i = 0; i < na; i++) {
		uint8_t x[VX_INSN_SIZE], y[VX_INSN_SIZE];

		vx_insn_encode(&a[i], x);
		vx_insn_encode(&b[i], y);
		if (memcmp(x, y, sizeof(x)))
			return false;
	}
	return true;
}
