// SPDX-License-Identifier: BSD-2-Clause
/*
 * disasm.c - the disassembler: instruction slots back to the assembler's text.
 *
 * A slot prints as the first mnemonic in the shared table whose encoding it matches exactly,
 * with every field the syntax cannot express at its fixed value. Anything else prints as
 * `.raw 0x<slot>`, so the text always assembles back to the same bytes.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "vxbpf/asm.h"

#include "asm_table.h"

#define TEXT_MAX 128

/* vx_disasm() marks on each slot. */
#define MARK_START 0x1 /* an instruction starts here */
#define MARK_LABEL 0x2 /* and a branch lands on it */

static bool reg_ok(uint8_t r)
{
	return r <= VX_REG_FP;
}

/* Both register operands valid and the unused one of imm/src zero, for op %rD, %rS|imm. */
static bool match_reg_or_imm(const struct vx_asm_op *op, const struct vx_insn *in)
{
	if (!reg_ok(in->dst))
		return false;
	if (in->code == op->code)
		return in->src == 0;
	return in->code == (op->code | VX_X) && in->imm == 0 && reg_ok(in->src);
}

static bool match_call(const struct vx_asm_op *op, const struct vx_insn *in)
{
	if (in->off)
		return false;
	if (in->code == op->code)
		return !in->dst && in->src <= VX_CALL_KFUNC;
	return in->code == (op->code | VX_X) && !in->src && !in->imm && reg_ok(in->dst);
}

static bool match_lddw(const struct vx_asm_op *op, const struct vx_insn *insns, size_t len,
		       size_t i)
{
	const struct vx_insn *in = &insns[i], *hi;

	if (in->code != op->code || in->src || in->off || !reg_ok(in->dst) || i + 1 >= len)
		return false;
	hi = &insns[i + 1];
	return !hi->code && !hi->dst && !hi->src && !hi->off;
}

static bool op_matches(const struct vx_asm_op *op, const struct vx_insn *insns, size_t len,
		       size_t i)
{
	const struct vx_insn *in = &insns[i];
	bool regs = reg_ok(in->dst) && reg_ok(in->src);

	switch (op->shape) {
	case VX_SHAPE_ALU:
		return in->off == op->off && match_reg_or_imm(op, in);
	case VX_SHAPE_ALU_REG:
		return in->code == op->code && in->off == op->off && !in->imm && regs;
	case VX_SHAPE_UNARY:
		return in->code == op->code && in->imm == op->imm && !in->off && !in->src &&
		       reg_ok(in->dst);
	case VX_SHAPE_JA:
		return in->code == op->code && !in->dst && !in->src && !in->imm;
	case VX_SHAPE_JA32:
		return in->code == op->code && !in->dst && !in->src && !in->off;
	case VX_SHAPE_JCOND:
		return match_reg_or_imm(op, in);
	case VX_SHAPE_CALL:
		return match_call(op, in);
	case VX_SHAPE_EXIT:
		return in->code == op->code && !in->dst && !in->src && !in->off && !in->imm;
	case VX_SHAPE_LDX:
	case VX_SHAPE_STX:
		return in->code == op->code && !in->imm && regs;
	case VX_SHAPE_ST:
		return in->code == op->code && !in->src && reg_ok(in->dst);
	case VX_SHAPE_ATOMIC:
		return in->code == op->code && in->imm == op->imm && regs;
	case VX_SHAPE_LDDW:
		return match_lddw(op, insns, len, i);
	}
	return false;
}

/* The table entry slot i prints as, or NULL for .raw. */
static const struct vx_asm_op *find_op(const struct vx_insn *insns, size_t len, size_t i)
{
	size_t k;

	for (k = 0; k < vx_asm_nops; k++) {
		if (op_matches(&vx_asm_ops[k], insns, len, i))
			return &vx_asm_ops[k];
	}
	return NULL;
}

/* Branch offset (from the next slot) of slot i printed as op; false if it is no branch. */
static bool branch_delta(const struct vx_asm_op *op, const struct vx_insn *in, long long *delta)
{
	switch (op->shape) {
	case VX_SHAPE_JA:
	case VX_SHAPE_JCOND:
		*delta = in->off;
		return true;
	case VX_SHAPE_JA32:
		*delta = in->imm;
		return true;
	case VX_SHAPE_CALL:
		*delta = in->imm;
		return in->code == op->code && in->src == VX_CALL_LOCAL;
	}
	return false;
}

/*
 * 32-bit immediates: small ones in decimal, large ones in hex, negative for the 64-bit
 * operations that sign-extend them and as the bit pattern for the 32-bit ones.
 */
static void fmt_imm(char *b, size_t n, int32_t imm, bool wide)
{
	if (imm >= -65536 && imm <= 65536)
		snprintf(b, n, "%d", imm);
	else if (imm >= 0 || !wide)
		snprintf(b, n, "0x%x", (uint32_t)imm);
	else
		snprintf(b, n, "-0x%x", 0u - (uint32_t)imm);
}

static bool imm_is_wide(uint8_t code)
{
	switch (VX_CLASS(code)) {
	case VX_ALU64:
	case VX_JMP:
		return true;
	case VX_ST:
		return VX_SIZE(code) == VX_DW;
	}
	return false;
}

static void fmt_mem(char *b, size_t n, uint8_t reg, int16_t off)
{
	if (off)
		snprintf(b, n, "[%%r%u%+d]", reg, off);
	else
		snprintf(b, n, "[%%r%u]", reg);
}

/* A branch target: label L<index> when marks says there is one, else +N/-N. */
static void fmt_target(char *b, size_t n, size_t i, long long delta, const uint8_t *marks,
		       size_t len)
{
	long long t = (long long)i + 1 + delta;

	if (marks && t >= 0 && (unsigned long long)t < len && (marks[t] & MARK_LABEL))
		snprintf(b, n, "L%lld", t);
	else
		snprintf(b, n, "%+lld", delta);
}

static void fmt_raw(char *buf, size_t size, const struct vx_insn *in)
{
	uint8_t b[VX_INSN_SIZE];
	unsigned long long v = 0;
	int k;

	vx_insn_encode(in, b);
	for (k = VX_INSN_SIZE - 1; k >= 0; k--)
		v = v << 8 | b[k];
	snprintf(buf, size, ".raw 0x%016llx", v);
}

static void fmt_call(char *buf, size_t size, const struct vx_insn *in, const char *target)
{
	if (in->code & VX_X)
		snprintf(buf, size, "call %%r%u", in->dst);
	else if (in->src == VX_CALL_LOCAL)
		snprintf(buf, size, "call local %s", target);
	else if (in->src == VX_CALL_KFUNC)
		snprintf(buf, size, "call runtime %d", in->imm);
	else
		snprintf(buf, size, "call %d", in->imm);
}

/* Print slot i (matched to op) into buf; imm, mem and target are its preformatted operands. */
static void fmt_op(char *buf, size_t size, const struct vx_asm_op *op, const struct vx_insn *in,
		   const char *imm, const char *mem, const char *target)
{
	bool reg = in->code & VX_X;

	switch (op->shape) {
	case VX_SHAPE_ALU:
	case VX_SHAPE_ALU_REG:
		if (reg)
			snprintf(buf, size, "%s %%r%u, %%r%u", op->name, in->dst, in->src);
		else
			snprintf(buf, size, "%s %%r%u, %s", op->name, in->dst, imm);
		break;
	case VX_SHAPE_UNARY:
		snprintf(buf, size, "%s %%r%u", op->name, in->dst);
		break;
	case VX_SHAPE_JA:
	case VX_SHAPE_JA32:
		snprintf(buf, size, "%s %s", op->name, target);
		break;
	case VX_SHAPE_JCOND:
		if (reg)
			snprintf(buf, size, "%s %%r%u, %%r%u, %s", op->name, in->dst, in->src, target);
		else
			snprintf(buf, size, "%s %%r%u, %s, %s", op->name, in->dst, imm, target);
		break;
	case VX_SHAPE_CALL:
		fmt_call(buf, size, in, target);
		break;
	case VX_SHAPE_LDX:
		snprintf(buf, size, "%s %%r%u, %s", op->name, in->dst, mem);
		break;
	case VX_SHAPE_ST:
		snprintf(buf, size, "%s %s, %s", op->name, mem, imm);
		break;
	case VX_SHAPE_STX:
	case VX_SHAPE_ATOMIC:
		snprintf(buf, size, "%s %s, %%r%u", op->name, mem, in->src);
		break;
	default:
		snprintf(buf, size, "%s", op->name);
		break;
	}
}

/* Print slot i, with branch targets as labels where marks has them. Returns the slots used. */
static int format_insn(const struct vx_insn *insns, size_t len, size_t i, const uint8_t *marks,
		       char *buf, size_t size)
{
	const struct vx_insn *in = &insns[i];
	const struct vx_asm_op *op = find_op(insns, len, i);
	char imm[24], mem[32], target[32] = "";
	long long delta;

	if (!op) {
		fmt_raw(buf, size, in);
		return 1;
	}
	if (op->shape == VX_SHAPE_LDDW) {
		snprintf(buf, size, "lddw %%r%u, 0x%llx", in->dst,
			 (unsigned long long)vx_insn_imm64(in));
		return 2;
	}
	fmt_imm(imm, sizeof(imm), in->imm, imm_is_wide(in->code));
	fmt_mem(mem, sizeof(mem), op->shape == VX_SHAPE_LDX ? in->src : in->dst, in->off);
	if (branch_delta(op, in, &delta))
		fmt_target(target, sizeof(target), i, delta, marks, len);
	fmt_op(buf, size, op, in, imm, mem, target);
	return 1;
}

int vx_disasm_insn(const struct vx_insn *insns, size_t len, size_t i, char *buf, size_t size)
{
	if (!insns || i >= len) {
		if (buf && size)
			buf[0] = '\0';
		return 0;
	}
	if (!buf)
		size = 0;
	return format_insn(insns, len, i, NULL, buf, size);
}

/* Mark where each printed instruction starts, then the starts that branches land on. */
static void mark_labels(const struct vx_insn *insns, size_t len, uint8_t *marks)
{
	const struct vx_asm_op *op;
	long long delta, t;
	size_t i;

	for (i = 0; i < len; i++) {
		marks[i] |= MARK_START;
		op = find_op(insns, len, i);
		if (op && op->shape == VX_SHAPE_LDDW)
			i++;
	}
	for (i = 0; i < len; i++) {
		if (!(marks[i] & MARK_START))
			continue;
		op = find_op(insns, len, i);
		if (!op || !branch_delta(op, &insns[i], &delta))
			continue;
		t = (long long)i + 1 + delta;
		if (t >= 0 && (unsigned long long)t < len && (marks[t] & MARK_START))
			marks[t] |= MARK_LABEL;
	}
}

void vx_disasm(const struct vx_insn *insns, size_t len, FILE *out)
{
	char text[TEXT_MAX];
	uint8_t *marks;
	size_t i = 0;

	if (!insns || !out)
		return;
	marks = calloc(len ? len : 1, 1);
	if (marks)
		mark_labels(insns, len, marks);
	while (i < len) {
		if (marks && (marks[i] & MARK_LABEL))
			fprintf(out, "L%zu:\n", i);
		i += (size_t)format_insn(insns, len, i, marks, text, sizeof(text));
		fprintf(out, "%s\n", text);
	}
	free(marks);
}
