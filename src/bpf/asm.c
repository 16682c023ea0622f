// SPDX-License-Identifier: BSD-2-Clause
/*
 * asm.c - the text assembler: bpf_conformance syntax to instruction slots.
 *
 * Two passes over the source. The first finds every label and the slot it names (only lddw takes
 * two slots, so this needs nothing but the first word of each line). The second parses and
 * encodes each instruction, resolving labels as it goes, so every error carries its own line.
 */
#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vxbpf/asm.h"

#include "asm_table.h"

#define MAX_OPERANDS 3
#define MAX_SLOTS ((size_t)INT32_MAX)
#define MNEMONIC_MAX 32
#define QUOTE 40 /* longest piece of source quoted in an error message */

struct label {
	char *name; /* NULL: free bucket */
	size_t index;
	bool defined; /* seen by the second pass */
};

struct label_table {
	struct label *slots;
	size_t cap; /* a power of two, or 0 */
	size_t count;
};

struct line_reader {
	const char *next; /* NULL after the last line */
	char *buf;
	size_t cap;
	int lineno;
};

struct assembler {
	struct label_table labels;
	struct vx_insn *insns;
	size_t count; /* slots counted by the first pass */
	size_t pos;   /* next slot the second pass writes */
	int line;
	struct vx_error *err;
};

struct number {
	uint64_t mag;
	bool neg;
	bool hex;
};

static int asm_error(struct assembler *as, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static int asm_error(struct assembler *as, const char *fmt, ...)
{
	char msg[VX_ERROR_MSG_MAX];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	vx_error_set(as->err, -1, "%s", msg);
	if (as->err)
		as->err->line = as->line;
	return -1;
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool is_ident_start(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '.';
}

static bool is_ident_char(char c)
{
	return is_ident_start(c) || is_digit(c);
}

static char *skip_space(char *s)
{
	while (is_space(*s))
		s++;
	return s;
}

/* Remove leading and trailing white space in place. */
static char *trim(char *s)
{
	size_t n;

	s = skip_space(s);
	n = strlen(s);
	while (n && is_space(s[n - 1]))
		n--;
	s[n] = '\0';
	return s;
}

static bool is_ident(const char *s)
{
	if (!is_ident_start(*s))
		return false;
	while (is_ident_char(*s))
		s++;
	return *s == '\0';
}

static int32_t to_s32(uint32_t u)
{
	if (u <= INT32_MAX)
		return (int32_t)u;
	return (int32_t)(u - 0x80000000u) - INT32_MAX - 1;
}

/* Labels: an open-addressing hash table keyed by name. */

static size_t hash_name(const char *s)
{
	size_t h = 2166136261u;

	while (*s)
		h = (h ^ (unsigned char)*s++) * 16777619u;
	return h;
}

static struct label *label_find(const struct label_table *t, const char *name)
{
	size_t i;

	if (!t->cap)
		return NULL;
	for (i = hash_name(name) & (t->cap - 1); t->slots[i].name; i = (i + 1) & (t->cap - 1)) {
		if (!strcmp(t->slots[i].name, name))
			return &t->slots[i];
	}
	return NULL;
}

static void label_place(struct label_table *t, struct label l)
{
	size_t i = hash_name(l.name) & (t->cap - 1);

	while (t->slots[i].name)
		i = (i + 1) & (t->cap - 1);
	t->slots[i] = l;
	t->count++;
}

static int label_grow(struct label_table *t)
{
	struct label *old = t->slots;
	size_t old_cap = t->cap, i;
	size_t cap = old_cap ? old_cap * 2 : 64;

	if (cap / 2 < old_cap)
		return -1;
	t->slots = calloc(cap, sizeof(*t->slots));
	if (!t->slots) {
		t->slots = old;
		return -1;
	}
	t->cap = cap;
	t->count = 0;
	for (i = 0; i < old_cap; i++) {
		if (old[i].name)
			label_place(t, old[i]);
	}
	free(old);
	return 0;
}

/* Add a label unless one of that name exists (the second pass reports duplicates). */
static int label_add(struct label_table *t, const char *name, size_t index)
{
	struct label l = { .index = index };

	if (label_find(t, name))
		return 0;
	if ((t->count + 1) * 2 > t->cap && label_grow(t) < 0)
		return -1;
	l.name = strdup(name);
	if (!l.name)
		return -1;
	label_place(t, l);
	return 0;
}

static void label_free(struct label_table *t)
{
	size_t i;

	for (i = 0; i < t->cap; i++)
		free(t->slots[i].name);
	free(t->slots);
	t->slots = NULL;
	t->cap = 0;
	t->count = 0;
}

/*
 * Source lines: each is copied into a reusable buffer with its comment cut off and white space
 * trimmed. Returns 1 and the line in *line, 0 after the last line, -1 when out of memory.
 */
static int next_line(struct line_reader *r, char **line)
{
	const char *end;
	char *hash;
	size_t n;

	if (!r->next || r->lineno == INT_MAX)
		return 0;
	end = strchr(r->next, '\n');
	n = end ? (size_t)(end - r->next) : strlen(r->next);
	if (n + 1 > r->cap) {
		char *buf = realloc(r->buf, n + 1);

		if (!buf)
			return -1;
		r->buf = buf;
		r->cap = n + 1;
	}
	memcpy(r->buf, r->next, n);
	r->buf[n] = '\0';
	r->next = end ? end + 1 : NULL;
	r->lineno++;
	hash = strchr(r->buf, '#');
	if (hash)
		*hash = '\0';
	*line = trim(r->buf);
	return 1;
}

/* Length of the label name if s starts with "name:", else 0. */
static size_t label_len(const char *s)
{
	size_t n = 0;

	if (!is_ident_start(*s))
		return 0;
	while (is_ident_char(s[n]))
		n++;
	return s[n] == ':' ? n : 0;
}

static size_t word_len(const char *s)
{
	size_t n = 0;

	while (s[n] && !is_space(s[n]))
		n++;
	return n;
}

static bool starts_with_word(const char *s, const char *word)
{
	size_t n = strlen(word);

	return !strncmp(s, word, n) && (!s[n] || is_space(s[n]));
}

/* First pass, one line: record its labels, count its slots, note the first exit. */
static int scan_line(struct assembler *as, char *s, size_t *first_exit)
{
	size_t n;

	while ((n = label_len(s)) > 0) {
		s[n] = '\0';
		if (label_add(&as->labels, s, as->count) < 0)
			return asm_error(as, "out of memory");
		s = skip_space(s + n + 1);
	}
	if (!*s)
		return 0;
	if (*first_exit == SIZE_MAX && starts_with_word(s, "exit"))
		*first_exit = as->count;
	as->count += starts_with_word(s, "lddw") ? 2 : 1;
	if (as->count > MAX_SLOTS)
		return asm_error(as, "program too long");
	return 0;
}

/*
 * First pass: record every label and count the slots. As in the bpf_conformance suite, a branch
 * to `exit` without an `exit:` label goes to the first exit instruction.
 */
static int collect_labels(struct assembler *as, const char *src)
{
	struct line_reader r = { .next = src };
	size_t first_exit = SIZE_MAX;
	char *s;
	int ret;

	while ((ret = next_line(&r, &s)) > 0) {
		as->line = r.lineno;
		if (scan_line(as, s, &first_exit) < 0) {
			free(r.buf);
			return -1;
		}
	}
	free(r.buf);
	if (ret < 0)
		return asm_error(as, "out of memory");
	if (first_exit != SIZE_MAX && label_add(&as->labels, "exit", first_exit) < 0)
		return asm_error(as, "out of memory");
	return 0;
}

/* Numbers: [+-]decimal or [+-]0xhex, the whole string. */

static unsigned digit_value(char c)
{
	if (c >= '0' && c <= '9')
		return (unsigned)(c - '0');
	if (c >= 'a' && c <= 'f')
		return (unsigned)(c - 'a' + 10);
	if (c >= 'A' && c <= 'F')
		return (unsigned)(c - 'A' + 10);
	return 99;
}

/* Returns 0, -1 when s is not a number, -2 when it does not fit 64 bits. */
static int parse_unsigned(const char *s, struct number *n)
{
	unsigned base = 10, d;
	bool overflow = false;

	n->mag = 0;
	n->hex = false;
	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		base = 16;
		n->hex = true;
		s += 2;
	}
	if (digit_value(*s) >= base)
		return -1;
	for (; *s; s++) {
		d = digit_value(*s);
		if (d >= base)
			return -1;
		if (n->mag > (UINT64_MAX - d) / base)
			overflow = true;
		else
			n->mag = n->mag * base + d;
	}
	return overflow ? -2 : 0;
}

static int parse_number(const char *s, struct number *n)
{
	n->neg = *s == '-';
	if (*s == '-' || *s == '+')
		s++;
	return parse_unsigned(s, n);
}

/* Signed value of n if it lies in [-2^(bits-1), 2^(bits-1) - 1]; bits is at most 32. */
static bool signed_value(const struct number *n, int bits, long long *v)
{
	uint64_t lim = (uint64_t)1 << (bits - 1);

	if (n->mag > (n->neg ? lim : lim - 1))
		return false;
	*v = n->neg ? -(long long)n->mag : (long long)n->mag;
	return true;
}

/*
 * A 32-bit immediate: decimal within int32, hex up to 0xffffffff (stored as its two's
 * complement bit pattern), negative down to -2^31 either way.
 */
static int parse_imm32(struct assembler *as, const char *s, int32_t *imm)
{
	struct number n;
	int ret = parse_number(s, &n);
	uint64_t max;

	if (ret == -1)
		return asm_error(as, "invalid immediate '%.*s'", QUOTE, s);
	max = n.neg ? 0x80000000u : n.hex ? 0xffffffffu : 0x7fffffffu;
	if (ret < 0 || n.mag > max)
		return asm_error(as, "immediate %.*s out of range for 32 bits", QUOTE, s);
	*imm = to_s32(n.neg ? 0u - (uint32_t)n.mag : (uint32_t)n.mag);
	return 0;
}

/* A 64-bit immediate: anything from -2^63 to 2^64 - 1. */
static int parse_imm64(struct assembler *as, const char *s, uint64_t *imm)
{
	struct number n;
	int ret = parse_number(s, &n);

	if (ret == -1)
		return asm_error(as, "invalid immediate '%.*s'", QUOTE, s);
	if (ret < 0 || (n.neg && n.mag > (uint64_t)1 << 63))
		return asm_error(as, "immediate %.*s out of range for 64 bits", QUOTE, s);
	*imm = n.neg ? 0 - n.mag : n.mag;
	return 0;
}

static int parse_reg(struct assembler *as, const char *s, uint8_t *reg)
{
	unsigned v = 0;
	size_t i;

	if (s[0] != '%')
		return asm_error(as, "expected a register, got '%.*s'", QUOTE, s);
	if (s[1] != 'r' || !is_digit(s[2]))
		return asm_error(as, "invalid register '%.*s'", QUOTE, s);
	for (i = 2; is_digit(s[i]) && v <= VX_REG_FP; i++)
		v = v * 10 + (unsigned)(s[i] - '0');
	if (s[i] || v > VX_REG_FP)
		return asm_error(as, "invalid register '%.*s'", QUOTE, s);
	*reg = (uint8_t)v;
	return 0;
}

/* A memory operand: [%rN], [%rN+off] or [%rN-off], off within int16. */
static int parse_mem(struct assembler *as, char *s, uint8_t *reg, int16_t *off)
{
	size_t n = strlen(s);
	struct number num;
	long long v = 0;
	char *p, *q, sign;
	int ret;

	if (n < 2 || s[0] != '[' || s[n - 1] != ']')
		return asm_error(as, "expected a memory operand [%%rN+off], got '%.*s'", QUOTE, s);
	s[n - 1] = '\0';
	s = trim(s + 1);
	for (p = s + (*s == '%'); is_ident_char(*p); p++)
		;
	q = skip_space(p);
	sign = *q;
	if (sign && sign != '+' && sign != '-')
		return asm_error(as, "invalid memory operand '[%.*s]'", QUOTE, s);
	*p = '\0';
	if (parse_reg(as, s, reg) < 0)
		return -1;
	*off = 0;
	if (!sign)
		return 0;
	q = skip_space(q + 1);
	ret = parse_unsigned(q, &num);
	num.neg = sign == '-';
	if (ret == -1)
		return asm_error(as, "invalid offset '%.*s'", QUOTE, q);
	if (ret < 0 || !signed_value(&num, 16, &v))
		return asm_error(as, "offset %s%.*s out of 16-bit range", num.neg ? "-" : "", QUOTE, q);
	*off = (int16_t)v;
	return 0;
}

/* A branch target, label or +N/-N, as an offset from the next slot that fits bits. */
static int parse_target(struct assembler *as, const char *s, int bits, int32_t *delta)
{
	long long lim = 1LL << (bits - 1), v;
	const struct label *l;
	struct number n;
	int ret;

	if (is_ident(s)) {
		l = label_find(&as->labels, s);
		if (!l)
			return asm_error(as, "undefined label '%.*s'", QUOTE, s);
		v = (long long)l->index - (long long)as->pos - 1;
		if (v < -lim || v >= lim)
			return asm_error(as, "jump to '%.*s' out of %d-bit range (offset %lld)", QUOTE, s,
					 bits, v);
		*delta = (int32_t)v;
		return 0;
	}
	ret = parse_number(s, &n);
	if (ret == -1)
		return asm_error(as, "invalid jump target '%.*s'", QUOTE, s);
	if (ret < 0 || !signed_value(&n, bits, &v))
		return asm_error(as, "jump offset %.*s out of %d-bit range", QUOTE, s, bits);
	*delta = (int32_t)v;
	return 0;
}

static int parse_target16(struct assembler *as, const char *s, int16_t *off)
{
	int32_t v = 0;

	if (parse_target(as, s, 16, &v) < 0)
		return -1;
	*off = (int16_t)v;
	return 0;
}

static int parse_raw(struct assembler *as, const char *s, struct vx_insn *in)
{
	uint8_t b[VX_INSN_SIZE];
	struct number n;
	int ret = parse_number(s, &n), i;

	if (ret == -1 || n.neg)
		return asm_error(as, "invalid .raw value '%.*s'", QUOTE, s);
	if (ret < 0)
		return asm_error(as, ".raw value %.*s out of range for 64 bits", QUOTE, s);
	for (i = 0; i < VX_INSN_SIZE; i++)
		b[i] = (uint8_t)(n.mag >> (8 * i));
	*in = vx_insn_decode(b);
	return 0;
}

static int check_operands(struct assembler *as, const struct vx_asm_op *op, int got, int want)
{
	if (got == want)
		return 0;
	if (op->shape == VX_SHAPE_ATOMIC)
		return asm_error(as, "invalid number of operands for lock");
	return asm_error(as, "expected %d operand%s for '%s', got %d", want, want == 1 ? "" : "s",
			 op->name, got);
}

/* Register or immediate second operand of ALU and conditional jump instructions. */
static int parse_reg_or_imm(struct assembler *as, const char *s, struct vx_insn *in)
{
	if (*s != '%')
		return parse_imm32(as, s, &in->imm);
	in->code |= VX_X;
	return parse_reg(as, s, &in->src);
}

/* `call N`, `call helper N`, `call runtime N` (kfunc), `call local target`, `call %rN`. */
static int encode_call(struct assembler *as, char *s, struct vx_insn *in)
{
	static const struct {
		const char *word;
		uint8_t src;
	} modes[] = {
		{ "local", VX_CALL_LOCAL },
		{ "helper", VX_CALL_HELPER },
		{ "runtime", VX_CALL_KFUNC },
	};
	size_t i;

	if (*s == '%') {
		in->code |= VX_X;
		return parse_reg(as, s, &in->dst);
	}
	in->src = VX_CALL_HELPER;
	for (i = 0; i < sizeof(modes) / sizeof(modes[0]); i++) {
		if (!starts_with_word(s, modes[i].word))
			continue;
		in->src = modes[i].src;
		s = skip_space(s + strlen(modes[i].word));
		if (!*s)
			return asm_error(as, "missing target for 'call %s'", modes[i].word);
		break;
	}
	if (in->src == VX_CALL_LOCAL)
		return parse_target(as, s, 32, &in->imm);
	return parse_imm32(as, s, &in->imm);
}

static int encode_lddw(struct assembler *as, char **ops, struct vx_insn *in)
{
	uint64_t v = 0;

	if (parse_reg(as, ops[0], &in->dst) < 0 || parse_imm64(as, ops[1], &v) < 0)
		return -1;
	in[0].imm = to_s32((uint32_t)v);
	in[1] = (struct vx_insn){ .imm = to_s32((uint32_t)(v >> 32)) };
	return 0;
}

static const int operand_count[] = {
	[VX_SHAPE_ALU] = 2,   [VX_SHAPE_ALU_REG] = 2, [VX_SHAPE_UNARY] = 1, [VX_SHAPE_JA] = 1,
	[VX_SHAPE_JA32] = 1,  [VX_SHAPE_JCOND] = 3,   [VX_SHAPE_CALL] = 1,  [VX_SHAPE_EXIT] = 0,
	[VX_SHAPE_LDX] = 2,   [VX_SHAPE_ST] = 2,      [VX_SHAPE_STX] = 2,   [VX_SHAPE_ATOMIC] = 2,
	[VX_SHAPE_LDDW] = 2,  [VX_SHAPE_RAW] = 1,
};

/* Fill in (already holding code, off and imm from the table) from the operands. */
static int encode(struct assembler *as, const struct vx_asm_op *op, char **ops,
		  struct vx_insn *in)
{
	switch (op->shape) {
	case VX_SHAPE_ALU:
		if (parse_reg(as, ops[0], &in->dst) < 0)
			return -1;
		return parse_reg_or_imm(as, ops[1], in);
	case VX_SHAPE_ALU_REG:
		if (parse_reg(as, ops[0], &in->dst) < 0)
			return -1;
		return parse_reg(as, ops[1], &in->src);
	case VX_SHAPE_UNARY:
		return parse_reg(as, ops[0], &in->dst);
	case VX_SHAPE_JA:
		return parse_target16(as, ops[0], &in->off);
	case VX_SHAPE_JA32:
		return parse_target(as, ops[0], 32, &in->imm);
	case VX_SHAPE_JCOND:
		if (parse_reg(as, ops[0], &in->dst) < 0 || parse_reg_or_imm(as, ops[1], in) < 0)
			return -1;
		return parse_target16(as, ops[2], &in->off);
	case VX_SHAPE_CALL:
		return encode_call(as, ops[0], in);
	case VX_SHAPE_EXIT:
		return 0;
	case VX_SHAPE_LDX:
		if (parse_reg(as, ops[0], &in->dst) < 0)
			return -1;
		return parse_mem(as, ops[1], &in->src, &in->off);
	case VX_SHAPE_ST:
		if (parse_mem(as, ops[0], &in->dst, &in->off) < 0)
			return -1;
		return parse_imm32(as, ops[1], &in->imm);
	case VX_SHAPE_STX:
	case VX_SHAPE_ATOMIC:
		if (parse_mem(as, ops[0], &in->dst, &in->off) < 0)
			return -1;
		return parse_reg(as, ops[1], &in->src);
	case VX_SHAPE_LDDW:
		return encode_lddw(as, ops, in);
	case VX_SHAPE_RAW:
		return parse_raw(as, ops[0], in);
	}
	return asm_error(as, "internal error: bad operand shape");
}

static const struct vx_asm_op *lookup(const char *name)
{
	size_t i;

	for (i = 0; i < vx_asm_nops; i++) {
		if (!strcmp(vx_asm_ops[i].name, name))
			return &vx_asm_ops[i];
	}
	return NULL;
}

static size_t alnum_len(const char *s)
{
	size_t n = 0;

	while ((s[n] >= 'a' && s[n] <= 'z') || is_digit(s[n]))
		n++;
	return n;
}

/*
 * Copy the mnemonic at s into name: one word, or for atomics "lock" and the words after it
 * ("lock fetch add32"). Returns the rest of the line, or NULL with the error set.
 */
static char *parse_mnemonic(struct assembler *as, char *s, char *name, size_t size)
{
	size_t n = word_len(s), len;

	if (n >= size) {
		asm_error(as, "unknown mnemonic '%.*s'", n < QUOTE ? (int)n : QUOTE, s);
		return NULL;
	}
	memcpy(name, s, n);
	name[n] = '\0';
	s = skip_space(s + n);
	if (strcmp(name, "lock"))
		return s;
	len = n;
	while ((n = alnum_len(s)) > 0) {
		if (len + 1 + n >= size) {
			asm_error(as, "unknown mnemonic '%s %.*s'", name, n < QUOTE ? (int)n : QUOTE, s);
			return NULL;
		}
		name[len++] = ' ';
		memcpy(name + len, s, n);
		len += n;
		name[len] = '\0';
		s = skip_space(s + n);
	}
	if (len == 4) {
		asm_error(as, "invalid number of operands for lock");
		return NULL;
	}
	return s;
}

/* Split s at commas into trimmed operands; returns how many there are (even beyond max). */
static int split_operands(char *s, char **ops)
{
	char *comma;
	int count = 0;

	if (!*s)
		return 0;
	for (;;) {
		comma = strchr(s, ',');
		if (comma)
			*comma = '\0';
		if (count < MAX_OPERANDS)
			ops[count] = trim(s);
		if (count < INT_MAX)
			count++;
		if (!comma)
			return count;
		s = comma + 1;
	}
}

/* Second pass: mark the labels at the start of a line defined, refusing duplicates. */
static int define_labels(struct assembler *as, char **line)
{
	char *s = *line;
	struct label *l;
	size_t n;

	while ((n = label_len(s)) > 0) {
		s[n] = '\0';
		l = label_find(&as->labels, s);
		if (!l)
			return asm_error(as, "internal error: label '%.*s' lost", QUOTE, s);
		if (l->defined)
			return asm_error(as, "duplicate label '%.*s'", QUOTE, s);
		l->defined = true;
		s = skip_space(s + n + 1);
	}
	*line = s;
	return 0;
}

static int assemble_line(struct assembler *as, char *s)
{
	char *ops[MAX_OPERANDS], name[MNEMONIC_MAX];
	const struct vx_asm_op *op;
	struct vx_insn *in;
	int nops, i;
	size_t slots;

	if (define_labels(as, &s) < 0)
		return -1;
	if (!*s)
		return 0;
	s = parse_mnemonic(as, s, name, sizeof(name));
	if (!s)
		return -1;
	op = lookup(name);
	if (!op && name[0] == '.')
		return asm_error(as, "unknown directive '%s'", name);
	if (!op)
		return asm_error(as, "unknown mnemonic '%s'", name);
	nops = split_operands(s, ops);
	if (check_operands(as, op, nops, operand_count[op->shape]) < 0)
		return -1;
	for (i = 0; i < nops; i++) {
		if (!*ops[i])
			return asm_error(as, "missing operand %d for '%s'", i + 1, op->name);
	}
	slots = op->shape == VX_SHAPE_LDDW ? 2 : 1;
	if (as->pos + slots > as->count)
		return asm_error(as, "internal error: slot count mismatch");
	in = &as->insns[as->pos];
	in->code = op->code;
	in->off = op->off;
	in->imm = op->imm;
	if (encode(as, op, ops, in) < 0)
		return -1;
	as->pos += slots;
	return 0;
}

static int assemble_lines(struct assembler *as, const char *src)
{
	struct line_reader r = { .next = src };
	char *s;
	int ret;

	while ((ret = next_line(&r, &s)) > 0) {
		as->line = r.lineno;
		if (assemble_line(as, s) < 0)
			break;
	}
	free(r.buf);
	if (ret < 0)
		return asm_error(as, "out of memory");
	return ret > 0 ? -1 : 0;
}

int vx_assemble(const char *src, struct vx_insn **insns, size_t *len, struct vx_error *err)
{
	struct assembler as = { .err = err };
	int ret = -1;

	vx_error_clear(err);
	if (!insns || !len)
		return vx_error_set(err, -1, "no output given");
	*insns = NULL;
	*len = 0;
	if (!src)
		return vx_error_set(err, -1, "no source given");
	if (collect_labels(&as, src) < 0)
		goto out;
	as.line = 0;
	if (as.count) {
		as.insns = calloc(as.count, sizeof(*as.insns));
		if (!as.insns) {
			asm_error(&as, "out of memory");
			goto out;
		}
	}
	if (assemble_lines(&as, src) < 0)
		goto out;
	if (!as.count || as.pos != as.count) {
		as.line = 0;
		asm_error(&as, as.count ? "internal error: slot count mismatch" : "no instructions");
		goto out;
	}
	*insns = as.insns;
	*len = as.count;
	as.insns = NULL;
	ret = 0;
out:
	free(as.insns);
	label_free(&as.labels);
	return ret;
}
