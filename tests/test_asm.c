// SPDX-License-Identifier: BSD-2-Clause
/*
 * test_asm.c - tests of the assembler and disassembler, printed as TAP.
 *
 * Exact encodings of every mnemonic family, errors with their lines, disassembly text, and round
 * trips (text -> slots -> text -> slots) over the bpf_conformance programs (directory in argv[1])
 * and over random slots and programs. Also feeds the assembler garbage, which must never crash.
 */
#include <dirent.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vxbpf/asm.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define MAX_BYTES 64

static int test_count;
static int fail_count;

static void ok(bool pass, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Print a test line; newlines and '#' in the description are escaped to keep TAP valid. */
static void ok(bool pass, const char *fmt, ...)
{
	char desc[512];
	const char *p;
	va_list ap;

	test_count++;
	if (!pass)
		fail_count++;
	va_start(ap, fmt);
	vsnprintf(desc, sizeof(desc), fmt, ap);
	va_end(ap);
	printf("%sok %d - ", pass ? "" : "not ", test_count);
	for (p = desc; *p; p++) {
		if (*p == '\n')
			fputs("\\n", stdout);
		else if (*p == '#')
			fputs("\\#", stdout);
		else
			putchar(*p);
	}
	putchar('\n');
}

static void diag(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Print a diagnostic, every line of it behind "# ". */
static void diag(const char *fmt, ...)
{
	char msg[4096];
	const char *p;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	fputs("# ", stdout);
	for (p = msg; *p; p++) {
		putchar(*p);
		if (*p == '\n' && p[1])
			fputs("# ", stdout);
	}
	putchar('\n');
}

static void skip(const char *why)
{
	printf("ok %d # SKIP %s\n", ++test_count, why);
}

/* Deterministic xorshift64 so a failure can be reproduced. */
static uint64_t rng_state = 0x9e3779b97f4a7c15ull;

static uint64_t rnd(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state;
}

static size_t parse_hex_bytes(const char *s, uint8_t *out, size_t max)
{
	size_t n = 0;
	unsigned v;
	int used;

	while (n < max && sscanf(s, " %2x%n", &v, &used) == 1) {
		out[n++] = (uint8_t)v;
		s += used;
	}
	return n;
}

static void encode_all(const struct vx_insn *insns, size_t len, uint8_t *out)
{
	size_t i;

	for (i = 0; i < len; i++)
		vx_insn_encode(&insns[i], out + i * VX_INSN_SIZE);
}

static bool same_slots(const struct vx_insn *a, size_t alen, const struct vx_insn *b, size_t blen)
{
	uint8_t x[VX_INSN_SIZE], y[VX_INSN_SIZE];
	size_t i;

	if (alen != blen)
		return false;
	for (i = 0; i < alen; i++) {
		vx_insn_encode(&a[i], x);
		vx_insn_encode(&b[i], y);
		if (memcmp(x, y, sizeof(x)))
			return false;
	}
	return true;
}

static void diag_bytes(const char *what, const uint8_t *b, size_t n)
{
	char line[MAX_BYTES * 3 + 1] = "";
	size_t i;

	for (i = 0; i < n && i < MAX_BYTES; i++)
		snprintf(line + 3 * i, sizeof(line) - 3 * i, "%02x ", b[i]);
	diag("%s: %s", what, line);
}

/* Exact encodings, hand-computed from RFC 9669. */
static const struct {
	const char *src;
	const char *hex;
} encodings[] = {
	{ "mov %r0, 1", "b7 00 00 00 01 00 00 00" },
	{ "mov %r1, %r2", "bf 21 00 00 00 00 00 00" },
	{ "mov32 %r0, 0xffffffff", "b4 00 00 00 ff ff ff ff" },
	{ "mov32 %r0, -1", "b4 00 00 00 ff ff ff ff" },
	{ "mov32 %r9, -2147483648", "b4 09 00 00 00 00 00 80" },
	{ "mov %r0, -0x80000000", "b7 00 00 00 00 00 00 80" },
	{ "add %r1, -3", "07 01 00 00 fd ff ff ff" },
	{ "add32 %r3, %r4", "0c 43 00 00 00 00 00 00" },
	{ "sub %r1, 2", "17 01 00 00 02 00 00 00" },
	{ "sub32 %r1, %r2", "1c 21 00 00 00 00 00 00" },
	{ "mul %r2, %r3", "2f 32 00 00 00 00 00 00" },
	{ "mul32 %r2, 7", "24 02 00 00 07 00 00 00" },
	{ "div32 %r0, 10", "34 00 00 00 0a 00 00 00" },
	{ "div %r0, %r1", "3f 10 00 00 00 00 00 00" },
	{ "sdiv %r0, %r1", "3f 10 01 00 00 00 00 00" },
	{ "sdiv32 %r0, -2", "34 00 01 00 fe ff ff ff" },
	{ "mod %r1, %r2", "9f 21 00 00 00 00 00 00" },
	{ "mod32 %r1, 3", "94 01 00 00 03 00 00 00" },
	{ "smod %r0, %r1", "9f 10 01 00 00 00 00 00" },
	{ "smod32 %r1, 3", "94 01 01 00 03 00 00 00" },
	{ "or %r0, %r10", "4f a0 00 00 00 00 00 00" },
	{ "or32 %r0, 0x10", "44 00 00 00 10 00 00 00" },
	{ "and32 %r0, 0xff", "54 00 00 00 ff 00 00 00" },
	{ "and %r7, %r8", "5f 87 00 00 00 00 00 00" },
	{ "lsh %r0, 32", "67 00 00 00 20 00 00 00" },
	{ "lsh32 %r0, %r1", "6c 10 00 00 00 00 00 00" },
	{ "rsh %r0, 1", "77 00 00 00 01 00 00 00" },
	{ "rsh32 %r0, %r1", "7c 10 00 00 00 00 00 00" },
	{ "xor %r5, 0x7fffffff", "a7 05 00 00 ff ff ff 7f" },
	{ "xor32 %r5, %r6", "ac 65 00 00 00 00 00 00" },
	{ "arsh %r0, -4", "c7 00 00 00 fc ff ff ff" },
	{ "arsh32 %r0, %r1", "cc 10 00 00 00 00 00 00" },
	{ "neg %r3", "87 03 00 00 00 00 00 00" },
	{ "neg32 %r3", "84 03 00 00 00 00 00 00" },
	{ "movsx864 %r6, %r5", "bf 56 08 00 00 00 00 00" },
	{ "movsx1664 %r1, %r2", "bf 21 10 00 00 00 00 00" },
	{ "movsx3264 %r0, %r9", "bf 90 20 00 00 00 00 00" },
	{ "movsx832 %r2, %r1", "bc 12 08 00 00 00 00 00" },
	{ "movsx1632 %r4, %r3", "bc 34 10 00 00 00 00 00" },
	{ "le16 %r0", "d4 00 00 00 10 00 00 00" },
	{ "le32 %r1", "d4 01 00 00 20 00 00 00" },
	{ "le64 %r2", "d4 02 00 00 40 00 00 00" },
	{ "be16 %r0", "dc 00 00 00 10 00 00 00" },
	{ "be32 %r0", "dc 00 00 00 20 00 00 00" },
	{ "be64 %r9", "dc 09 00 00 40 00 00 00" },
	{ "bswap16 %r0", "d7 00 00 00 10 00 00 00" },
	{ "bswap32 %r0", "d7 00 00 00 20 00 00 00" },
	{ "bswap64 %r0", "d7 00 00 00 40 00 00 00" },
	{ "swap64 %r1", "d7 01 00 00 40 00 00 00" },
	{ "ja +1", "05 00 01 00 00 00 00 00" },
	{ "ja -2", "05 00 fe ff 00 00 00 00" },
	{ "ja +0", "05 00 00 00 00 00 00 00" },
	{ "ja32 +1", "06 00 00 00 01 00 00 00" },
	{ "ja32 -3", "06 00 00 00 fd ff ff ff" },
	{ "jeq %r1, 5, +2", "15 01 02 00 05 00 00 00" },
	{ "jeq %r1, %r2, -1", "1d 21 ff ff 00 00 00 00" },
	{ "jgt %r1, 0x80000000, +1", "25 01 01 00 00 00 00 80" },
	{ "jge %r1, %r2, +1", "3d 21 01 00 00 00 00 00" },
	{ "jset %r1, 8, +1", "45 01 01 00 08 00 00 00" },
	{ "jne %r0, 15, +3", "55 00 03 00 0f 00 00 00" },
	{ "jsgt %r1, -1, +1", "65 01 01 00 ff ff ff ff" },
	{ "jsge %r1, %r2, +1", "7d 21 01 00 00 00 00 00" },
	{ "jlt %r1, 6, +1", "a5 01 01 00 06 00 00 00" },
	{ "jle %r1, %r3, +1", "bd 31 01 00 00 00 00 00" },
	{ "jslt %r1, %r2, +1", "cd 21 01 00 00 00 00 00" },
	{ "jsle %r1, 7, +1", "d5 01 01 00 07 00 00 00" },
	{ "jeq32 %r1, 5, +2", "16 01 02 00 05 00 00 00" },
	{ "jne32 %r1, %r2, +5", "5e 21 05 00 00 00 00 00" },
	{ "jsle32 %r1, -1, +1", "d6 01 01 00 ff ff ff ff" },
	{ "jset32 %r1, %r1, +1", "4e 11 01 00 00 00 00 00" },
	{ "jgt %r1, 1, +32767", "25 01 ff 7f 01 00 00 00" },
	{ "jgt %r1, 1, -32768", "25 01 00 80 01 00 00 00" },
	{ "call 5", "85 00 00 00 05 00 00 00" },
	{ "call local +3", "85 10 00 00 03 00 00 00" },
	{ "call local -1", "85 10 00 00 ff ff ff ff" },
	{ "call %r2", "8d 02 00 00 00 00 00 00" },
	{ "call helper 6", "85 00 00 00 06 00 00 00" },
	{ "call runtime 7", "85 20 00 00 07 00 00 00" },
	{ "call -1", "85 00 00 00 ff ff ff ff" },
	{ "exit", "95 00 00 00 00 00 00 00" },
	{ "ldxb %r0, [%r1+2]", "71 10 02 00 00 00 00 00" },
	{ "ldxh %r0, [%r10-2]", "69 a0 fe ff 00 00 00 00" },
	{ "ldxw %r0, [%r1]", "61 10 00 00 00 00 00 00" },
	{ "ldxdw %r0, [%r1+0x10]", "79 10 10 00 00 00 00 00" },
	{ "ldxdw %r0, [ %r1 - 0x8000 ]", "79 10 00 80 00 00 00 00" },
	{ "ldxsb %r0, [%r10-1]", "91 a0 ff ff 00 00 00 00" },
	{ "ldxsh %r0, [%r10-2]", "89 a0 fe ff 00 00 00 00" },
	{ "ldxsw %r0, [%r10-4]", "81 a0 fc ff 00 00 00 00" },
	{ "stb [%r10-1], 0x11", "72 0a ff ff 11 00 00 00" },
	{ "sth [%r1+2], -1", "6a 01 02 00 ff ff ff ff" },
	{ "stw [%r10-4], 0x12345678", "62 0a fc ff 78 56 34 12" },
	{ "stdw [%r10-8], 1", "7a 0a f8 ff 01 00 00 00" },
	{ "stxb [%r10-1], %r1", "73 1a ff ff 00 00 00 00" },
	{ "stxh [%r1], %r2", "6b 21 00 00 00 00 00 00" },
	{ "stxw [%r1+4], %r2", "63 21 04 00 00 00 00 00" },
	{ "stxdw [%r10-8], %r0", "7b 0a f8 ff 00 00 00 00" },
	/* regs byte is dst | src << 4: [%r10-8], %r1 gives 0x1a */
	{ "lock add [%r10-8], %r1", "db 1a f8 ff 00 00 00 00" },
	{ "lock add32 [%r10-4], %r1", "c3 1a fc ff 00 00 00 00" },
	{ "lock fetch add [%r10-8], %r1", "db 1a f8 ff 01 00 00 00" },
	{ "lock fetch add32 [%r10-4], %r1", "c3 1a fc ff 01 00 00 00" },
	{ "lock or [%r1+8], %r2", "db 21 08 00 40 00 00 00" },
	{ "lock fetch or32 [%r1], %r2", "c3 21 00 00 41 00 00 00" },
	{ "lock and [%r1], %r2", "db 21 00 00 50 00 00 00" },
	{ "lock fetch and [%r1], %r2", "db 21 00 00 51 00 00 00" },
	{ "lock xor32 [%r1], %r2", "c3 21 00 00 a0 00 00 00" },
	{ "lock fetch xor [%r1], %r2", "db 21 00 00 a1 00 00 00" },
	{ "lock xchg [%r10-8], %r1", "db 1a f8 ff e1 00 00 00" },
	{ "lock xchg32 [%r10-8], %r1", "c3 1a f8 ff e1 00 00 00" },
	{ "lock cmpxchg [%r10-8], %r1", "db 1a f8 ff f1 00 00 00" },
	{ "lock   cmpxchg32   [%r10-8], %r1", "c3 1a f8 ff f1 00 00 00" },
	{ "lddw %r0, 0x1122334455667788",
	  "18 00 00 00 88 77 66 55 00 00 00 00 44 33 22 11" },
	{ "lddw %r1, -1", "18 01 00 00 ff ff ff ff 00 00 00 00 ff ff ff ff" },
	{ "lddw %r2, 18446744073709551615", "18 02 00 00 ff ff ff ff 00 00 00 00 ff ff ff ff" },
	{ "lddw %r3, -9223372036854775808", "18 03 00 00 00 00 00 00 00 00 00 00 00 00 00 80" },
	{ "lddw %r3, 2147483648", "18 03 00 00 00 00 00 80 00 00 00 00 00 00 00 00" },
	{ ".raw 0x5566778800000018", "18 00 00 00 88 77 66 55" },
	{ ".raw 0xffffffffffffffff", "ff ff ff ff ff ff ff ff" },
	/* syntax: comments, labels, blank lines, white space */
	{ "  mov %r0 , 1  # comment\n\n\t# only a comment\nexit#c", "b7 00 00 00 01 00 00 00 "
	  "95 00 00 00 00 00 00 00" },
	{ "ja out\nmov %r0, 1\nout:\nexit", "05 00 01 00 00 00 00 00 b7 00 00 00 01 00 00 00 "
	  "95 00 00 00 00 00 00 00" },
	{ "top: mov %r0, 1\njne %r0, 0, top\nexit", "b7 00 00 00 01 00 00 00 "
	  "55 00 fe ff 00 00 00 00 95 00 00 00 00 00 00 00" },
	{ "lddw %r0, 1\nja32 end\nlddw %r1, 2\nend: exit",
	  "18 00 00 00 01 00 00 00 00 00 00 00 00 00 00 00 06 00 00 00 02 00 00 00 "
	  "18 01 00 00 02 00 00 00 00 00 00 00 00 00 00 00 95 00 00 00 00 00 00 00" },
	{ "call local f\nexit\nf: a.b_2: mov %r0, 1\nexit\nja a.b_2",
	  "85 10 00 00 01 00 00 00 95 00 00 00 00 00 00 00 b7 00 00 00 01 00 00 00 "
	  "95 00 00 00 00 00 00 00 05 00 fd ff 00 00 00 00" },
	{ "exit:\njne %r0, %r1, exit\nexit", "5d 10 ff ff 00 00 00 00 95 00 00 00 00 00 00 00" },
	/* without an exit: label, `exit` is the first exit instruction */
	{ "jne %r0, 1, exit\nexit\nexit", "55 00 00 00 01 00 00 00 95 00 00 00 00 00 00 00 "
	  "95 00 00 00 00 00 00 00" },
	{ "exit\nja exit\nexit: exit", "95 00 00 00 00 00 00 00 05 00 00 00 00 00 00 00 "
	  "95 00 00 00 00 00 00 00" },
	{ "exit\nja end\nend:", "95 00 00 00 00 00 00 00 05 00 00 00 00 00 00 00" },
	{ "mov %r0, 1\r\nexit\r\n", "b7 00 00 00 01 00 00 00 95 00 00 00 00 00 00 00" },
};

static void test_encodings(void)
{
	uint8_t want[MAX_BYTES], got[MAX_BYTES];
	struct vx_insn *insns;
	struct vx_error err;
	size_t i, n, len;
	bool pass;

	for (i = 0; i < ARRAY_SIZE(encodings); i++) {
		n = parse_hex_bytes(encodings[i].hex, want, sizeof(want));
		if (vx_assemble(encodings[i].src, &insns, &len, &err) < 0) {
			ok(false, "assemble '%s'", encodings[i].src);
			diag("line %d: %s", err.line, err.msg);
			continue;
		}
		pass = len * VX_INSN_SIZE == n && len * VX_INSN_SIZE <= sizeof(got);
		if (pass) {
			encode_all(insns, len, got);
			pass = !memcmp(got, want, n);
		}
		ok(pass, "assemble '%s'", encodings[i].src);
		if (!pass && len * VX_INSN_SIZE <= sizeof(got)) {
			encode_all(insns, len, got);
			diag_bytes("got ", got, len * VX_INSN_SIZE);
			diag_bytes("want", want, n);
		}
		free(insns);
	}
}

static const struct {
	const char *src;
	int line;
	const char *msg; /* must occur in err.msg */
} errors[] = {
	{ "mov %r0, 1\n# comment\nldxq %r0, %r1\nexit", 3, "unknown mnemonic 'ldxq'" },
	{ "Mov %r0, 1\nexit", 1, "unknown mnemonic 'Mov'" },
	{ "exit\n.foo 1", 2, "unknown directive '.foo'" },
	{ "-- Unknown directive", 1, "unknown mnemonic '--'" },
	{ "ja NOT_A_LABEL\nexit", 1, "undefined label 'NOT_A_LABEL'" },
	{ "exit\n\ncall local nowhere", 3, "undefined label 'nowhere'" },
	{ "exit\nor %r0, %r50", 2, "invalid register '%r50'" },
	{ "mov %r11, 1", 1, "invalid register '%r11'" },
	{ "mov %rx, 1", 1, "invalid register '%rx'" },
	{ "mov %r1, %r99999999999999999999", 1, "invalid register" },
	{ "exit\nexit\nmov32 %r0, 2147483648", 3, "immediate 2147483648 out of range for 32 bits" },
	{ "mov32 %r0, 0x100000000\nexit", 1, "immediate 0x100000000 out of range for 32 bits" },
	{ "mov %r0, -2147483649", 1, "out of range for 32 bits" },
	{ "mov %r0, -0x80000001", 1, "out of range for 32 bits" },
	{ "mov %r0, 99999999999999999999999999", 1, "out of range for 32 bits" },
	{ "lddw %r0, 0x10000000000000000", 1, "out of range for 64 bits" },
	{ "lddw %r0, 18446744073709551616", 1, "out of range for 64 bits" },
	{ "lddw %r0, -9223372036854775809", 1, "out of range for 64 bits" },
	{ "mov %r0, 1 2", 1, "invalid immediate '1 2'" },
	{ "mov %r0, foo", 1, "invalid immediate 'foo'" },
	{ "mov %r0, 0x", 1, "invalid immediate '0x'" },
	{ "stw [%r1+4], %r2", 1, "invalid immediate '%r2'" },
	{ "exit\nldxb %r0, [%r1+0x10000]", 2, "offset 0x10000 out of 16-bit range" },
	{ "stxb [%r1+32768], %r0", 1, "offset 32768 out of 16-bit range" },
	{ "stxb [%r1-32769], %r0", 1, "offset -32769 out of 16-bit range" },
	{ "ldxb %r0, %r1\nexit", 1, "expected a memory operand" },
	{ "ldxb %r0, [%r1*2]", 1, "invalid memory operand" },
	{ "ldxb %r0, [%r1+]", 1, "invalid offset" },
	{ "ldxb %r0, [1]", 1, "expected a register" },
	{ "lddw %r0\nexit", 1, "expected 2 operands for 'lddw', got 1" },
	{ "mov %r0", 1, "expected 2 operands for 'mov', got 1" },
	{ "exit 1", 1, "expected 0 operands for 'exit', got 1" },
	{ "neg %r0, 1", 1, "expected 1 operand for 'neg', got 2" },
	{ "jeq %r1, 1", 1, "expected 3 operands for 'jeq', got 2" },
	{ "mov %r0, 1, 2, 3, 4", 1, "expected 2 operands for 'mov', got 5" },
	{ "mov %r0,", 1, "missing operand 2 for 'mov'" },
	{ "lock or [%r10-8]\nexit", 1, "invalid number of operands for lock" },
	{ "exit\nlock", 2, "invalid number of operands for lock" },
	{ "lock [%r10-8], %r1", 1, "invalid number of operands for lock" },
	{ "lock sub [%r10-8], %r1", 1, "unknown mnemonic 'lock sub'" },
	{ "a:\nexit\na:\nexit", 3, "duplicate label 'a'" },
	{ "a: a: exit", 1, "duplicate label 'a'" },
	{ "", 0, "no instructions" },
	{ "# nothing\n\nlabel:\n", 0, "no instructions" },
	{ "jeq %r1, 0, +32768", 1, "jump offset +32768 out of 16-bit range" },
	{ "ja -32769", 1, "out of 16-bit range" },
	{ "ja32 +2147483648", 1, "out of 32-bit range" },
	{ "ja 1x", 1, "invalid jump target '1x'" },
	{ "movsx864 %r1, 5", 1, "expected a register, got '5'" },
	{ "call local", 1, "missing target for 'call local'" },
	{ "call runtime", 1, "missing target for 'call runtime'" },
	{ "call foo", 1, "invalid immediate 'foo'" },
	{ "ja exit\nmov %r0, 1", 1, "undefined label 'exit'" },
	{ "call %r11", 1, "invalid register '%r11'" },
	{ ".raw -1", 1, "invalid .raw value" },
	{ ".raw 0x10000000000000000", 1, "out of range for 64 bits" },
};

static void test_errors(void)
{
	struct vx_insn *insns = (struct vx_insn *)1;
	struct vx_error err;
	size_t i, len = 1;
	bool pass;
	int ret;

	for (i = 0; i < ARRAY_SIZE(errors); i++) {
		ret = vx_assemble(errors[i].src, &insns, &len, &err);
		pass = ret == -1 && !insns && !len && err.line == errors[i].line &&
		       strstr(err.msg, errors[i].msg);
		ok(pass, "error \"%s\" on line %d", errors[i].msg, errors[i].line);
		if (!pass)
			diag("ret %d, line %d: %s", ret, err.line, ret ? err.msg : "");
		if (!ret)
			free(insns);
	}
}

static char *disasm_text(const struct vx_insn *insns, size_t len)
{
	char *text = NULL;
	size_t size = 0;
	FILE *f = open_memstream(&text, &size);

	if (!f)
		return NULL;
	vx_disasm(insns, len, f);
	fclose(f);
	return text;
}

/* Disassemble, reassemble and compare; optionally hand back the text (free it). */
static bool round_trip(const struct vx_insn *insns, size_t len, char **text_out)
{
	char *text = disasm_text(insns, len);
	struct vx_insn *again;
	struct vx_error err;
	size_t again_len;
	bool pass;

	if (!text)
		return false;
	if (vx_assemble(text, &again, &again_len, &err) < 0) {
		diag("reassembly failed, line %d: %s", err.line, err.msg);
		free(text);
		return false;
	}
	pass = same_slots(insns, len, again, again_len);
	free(again);
	if (text_out)
		*text_out = text;
	else
		free(text);
	return pass;
}

static const struct {
	const char *src;
	const char *text;
} listings[] = {
	{ "mov %r0, 1", "mov %r0, 1\n" },
	{ "mov32 %r0, 0xffffffff\nmov %r1, -1\nmov %r2, 0x80000000\nmov32 %r3, 70000",
	  "mov32 %r0, -1\nmov %r1, -1\nmov %r2, -0x80000000\nmov32 %r3, 0x11170\n" },
	{ "jne32 %r1, 0xffff8001, +0\nexit", "jne32 %r1, -32767, L1\nL1:\nexit\n" },
	{ "jne32 %r1, 0x80000000, +0\njne %r1, 0x80000000, +0\njne %r1, 0x10000, +0",
	  "jne32 %r1, 0x80000000, L1\nL1:\njne %r1, -0x80000000, L2\nL2:\njne %r1, 65536, +0\n" },
	{ "lddw %r0, 0x1122334455667788\nexit", "lddw %r0, 0x1122334455667788\nexit\n" },
	{ "start: ja end\nlock fetch add [%r10-8], %r1\njeq %r1, %r2, start\nend: exit",
	  "L0:\nja L3\nlock fetch add [%r10-8], %r1\njeq %r1, %r2, L0\nL3:\nexit\n" },
	{ "call local f\nexit\nf: ldxsw %r0, [%r1+4]\nexit",
	  "call local L2\nexit\nL2:\nldxsw %r0, [%r1+4]\nexit\n" },
	{ "ja +5\nja -2\nlddw %r1, 0\nja -2",
	  "L0:\nja +5\nja L0\nlddw %r1, 0x0\nja -2\n" },
	{ "call 1\ncall %r3\ncall runtime -5\nbswap16 %r1\nswap32 %r2\nbe64 %r3\nle16 %r4\n"
	  "movsx3264 %r0, %r9",
	  "call 1\ncall %r3\ncall runtime -5\nbswap16 %r1\nbswap32 %r2\nbe64 %r3\nle16 %r4\n"
	  "movsx3264 %r0, %r9\n" },
	{ "stdw [%r10-8], -5\nsth [%r1], 0xffff\nstxw [%r2+2], %r3\nsdiv32 %r1, %r2\nneg %r1",
	  "stdw [%r10-8], -5\nsth [%r1], 65535\nstxw [%r2+2], %r3\nsdiv32 %r1, %r2\nneg %r1\n" },
	/* not expressible: src set on a K form, bad register, lone ld_imm64 half, pseudo lddw */
	{ ".raw 0x0000000100001007", ".raw 0x0000000100001007\n" },
	{ ".raw 0x00000000000000bf", "mov %r0, %r0\n" },
	{ ".raw 0x0000000000000fbf", ".raw 0x0000000000000fbf\n" },
	{ "exit\n.raw 0x0000000100000018", "exit\n.raw 0x0000000100000018\n" },
	{ ".raw 0x0000000100001018\n.raw 0", ".raw 0x0000000100001018\n.raw 0x0000000000000000\n" },
};

static void test_listings(void)
{
	struct vx_insn *insns;
	struct vx_error err;
	char *text = NULL;
	size_t i, len;
	bool pass;

	for (i = 0; i < ARRAY_SIZE(listings); i++) {
		if (vx_assemble(listings[i].src, &insns, &len, &err) < 0) {
			ok(false, "disassemble '%s'", listings[i].src);
			diag("line %d: %s", err.line, err.msg);
			continue;
		}
		text = NULL;
		pass = round_trip(insns, len, &text) && text && !strcmp(text, listings[i].text);
		ok(pass, "disassemble '%s'", listings[i].src);
		if (!pass)
			diag("got:\n%s", text ? text : "(null)");
		free(text);
		free(insns);
	}
}

static void test_disasm_insn(void)
{
	struct vx_insn insns[2];
	struct vx_error err;
	struct vx_insn *p;
	char buf[64], tiny[8];
	size_t len;
	int n1, n2, n3, n4;

	vx_assemble("lddw %r5, 0xfedcba9876543210", &p, &len, &err);
	memcpy(insns, p, sizeof(insns));
	free(p);
	n1 = vx_disasm_insn(insns, 2, 0, buf, sizeof(buf));
	ok(n1 == 2 && !strcmp(buf, "lddw %r5, 0xfedcba9876543210"), "vx_disasm_insn lddw: %s",
	   buf);
	n2 = vx_disasm_insn(insns, 1, 0, buf, sizeof(buf));
	ok(n2 == 1 && !strcmp(buf, ".raw 0x7654321000000518"), "truncated lddw is .raw: %s", buf);
	n3 = vx_disasm_insn(insns, 2, 2, buf, sizeof(buf));
	ok(n3 == 0 && !buf[0], "vx_disasm_insn past the end prints nothing");
	n4 = vx_disasm_insn(insns, 2, 0, tiny, sizeof(tiny));
	ok(n4 == 2 && !strcmp(tiny, "lddw %r"), "vx_disasm_insn truncates to the buffer");
}

/* A slot with fields biased toward valid and boundary values. */
static struct vx_insn random_slot(void)
{
	static const int32_t imms[] = { 16, 32, 64, 0x01, 0x40, 0x41, 0x50, 0x51, 0xa0, 0xa1,
					0xe1, 0xf1, -1, INT32_MIN, INT32_MAX, 65536, -65537 };
	uint64_t r = rnd(), s = rnd();
	struct vx_insn in = { .code = (uint8_t)r };

	in.dst = (uint8_t)(r >> 8 & 3 ? (r >> 12) % 11 : (r >> 12) & 15);
	in.src = (uint8_t)(r >> 16 & 1 ? 0 : r >> 17 & 3 ? (r >> 20) % 11 : (r >> 20) & 15);
	in.off = (int16_t)(r >> 24 & 1 ? 0 : r >> 25 & 1 ? (int)(r >> 26 & 15) - 8 :
						    (int)(uint16_t)(s >> 32) - 32768);
	switch (s & 3) {
	case 0:
		in.imm = 0;
		break;
	case 1:
		in.imm = (int32_t)(s >> 8 & 31) - 16;
		break;
	case 2:
		in.imm = imms[(s >> 8) % ARRAY_SIZE(imms)];
		break;
	default:
		in.imm = (int32_t)(uint32_t)(s >> 8);
		break;
	}
	return in;
}

static void test_random_slots(void)
{
	struct vx_insn pair[2], *again;
	struct vx_error err;
	char buf[128];
	int i, n, bad = 0, printable = 0;
	size_t len;

	for (i = 0; i < 200000; i++) {
		pair[0] = random_slot();
		pair[1] = random_slot();
		if (i % 8 == 0)
			pair[0].code = 0x18;
		if (i % 16 == 0)
			pair[1] = (struct vx_insn){ .imm = pair[1].imm };
		n = vx_disasm_insn(pair, 2, 0, buf, sizeof(buf));
		printable += strncmp(buf, ".raw", 4) != 0;
		if (vx_assemble(buf, &again, &len, &err) < 0) {
			if (bad++ < 5)
				diag("'%s': line %d: %s", buf, err.line, err.msg);
			continue;
		}
		if ((size_t)n != len || !same_slots(pair, len, again, len)) {
			if (bad++ < 5)
				diag("'%s' does not reassemble to the same slots", buf);
		}
		free(again);
	}
	diag("%d of 200000 random slots printed as instructions", printable);
	ok(!bad, "random slots disassemble and reassemble to the same bytes (%d bad)", bad);
}

static void test_random_programs(void)
{
	struct vx_insn prog[40];
	size_t len, i;
	int round, bad = 0;

	for (round = 0; round < 20000; round++) {
		len = 1 + rnd() % ARRAY_SIZE(prog);
		for (i = 0; i < len; i++) {
			prog[i] = random_slot();
			if (rnd() % 4 == 0)
				prog[i].off = (int16_t)(rnd() % 16) - 8;
		}
		if (!round_trip(prog, len, NULL) && bad++ < 5)
			diag("random program %d does not round trip", round);
	}
	ok(!bad, "random programs round trip through vx_disasm (%d bad)", bad);
}

static const char *const mnemonics[] = {
	"mov", "mov32", "add", "sub32", "sdiv", "smod32", "neg", "neg32", "movsx864", "movsx1632",
	"le16", "be64", "bswap32", "swap16", "ja", "ja32", "jeq", "jne32", "jsle", "call", "exit",
	"ldxb", "ldxdw", "ldxsh", "stb", "stdw", "stxw", "stxdw", "lock add", "lock fetch or32",
	"lock xchg", "lock cmpxchg32", "lock", "lddw", ".raw", "foo",
};

static const char *const operands[] = {
	"%r0", "%r1", "%r10", "%r11", "%r", "[%r1+4]", "[%r10-8]", "[%r2]", "[%r1+0x10000]",
	"[%r1", "1", "-1", "0x7fffffff", "0xffffffff", "0x100000000", "2147483648",
	"0xffffffffffffffff", "-9223372036854775808", "+1", "-1", "+0", "-32768", "+32768",
	"exit", "lbl", "L1", "local lbl", "local +1", "runtime 3", "",
};

/* Append t to src (of size n) at *used if it fits. */
static void append(char *src, size_t n, size_t *used, const char *t)
{
	size_t l = strlen(t);

	if (*used + l + 1 > n)
		return;
	memcpy(src + *used, t, l + 1);
	*used += l;
}

/* A program of plausible lines, some of them damaged. */
static void random_text(char *src, size_t n)
{
	size_t used = 0, lines = 1 + rnd() % 8, i, k, nops;

	src[0] = '\0';
	for (i = 0; i < lines; i++) {
		if (rnd() % 6 == 0)
			append(src, n, &used, rnd() % 2 ? "lbl: " : "L1:\n");
		append(src, n, &used, mnemonics[rnd() % ARRAY_SIZE(mnemonics)]);
		nops = rnd() % 4;
		for (k = 0; k < nops; k++) {
			append(src, n, &used, k ? ", " : " ");
			append(src, n, &used, operands[rnd() % ARRAY_SIZE(operands)]);
		}
		append(src, n, &used, rnd() % 5 ? "\n" : " # note\n");
	}
	for (k = rnd() % 3; k > 0 && used; k--)
		src[rnd() % used] = (char)(1 + rnd() % 127);
}

/* A known-good program with a few characters changed, inserted or deleted. */
static void mutated_text(char *src, size_t n)
{
	const char *orig = encodings[rnd() % ARRAY_SIZE(encodings)].src;
	size_t used, k, at;

	snprintf(src, n, "%s", orig);
	used = strlen(src);
	for (k = 1 + rnd() % 2; k > 0 && used && used + 1 < n; k--) {
		at = rnd() % used;
		switch (rnd() % 3) {
		case 0:
			src[at] = "0123456789abcdefx%r[]+-,:# \n"[rnd() % 29];
			break;
		case 1:
			memmove(src + at + 1, src + at, used - at + 1);
			src[at] = (char)(1 + rnd() % 127);
			used++;
			break;
		default:
			memmove(src + at, src + at + 1, used - at);
			used--;
			break;
		}
	}
}

static void test_fuzz(void)
{
	struct vx_insn *insns;
	struct vx_error err;
	char src[1024];
	int round, accepted = 0, bad = 0;
	size_t len;

	for (round = 0; round < 100000; round++) {
		if (round % 2)
			random_text(src, sizeof(src));
		else
			mutated_text(src, sizeof(src));
		if (vx_assemble(src, &insns, &len, &err) < 0) {
			if ((err.line < 0 || strlen(err.msg) == 0) && bad++ < 5)
				diag("no message for: %s", src);
			continue;
		}
		accepted++;
		if (!round_trip(insns, len, NULL) && bad++ < 5)
			diag("accepted text does not round trip: %s", src);
		free(insns);
	}
	diag("%d of 100000 random texts assembled", accepted);
	ok(!bad, "random texts are rejected with a message or round trip (%d bad)", bad);
}

static char *repeat(const char *head, const char *unit, size_t count, const char *tail)
{
	size_t h = strlen(head), u = strlen(unit), t = strlen(tail), i;
	char *s = malloc(h + u * count + t + 1);

	if (!s)
		abort();
	memcpy(s, head, h);
	for (i = 0; i < count; i++)
		memcpy(s + h + i * u, unit, u);
	memcpy(s + h + u * count, tail, t + 1);
	return s;
}

static bool fails_on(const char *src, int line, const char *msg)
{
	struct vx_insn *insns;
	struct vx_error err;
	size_t len;

	if (!vx_assemble(src, &insns, &len, &err)) {
		free(insns);
		return false;
	}
	return err.line == line && strstr(err.msg, msg);
}

static bool assembles_to(const char *src, size_t want_len)
{
	struct vx_insn *insns;
	struct vx_error err;
	size_t len;
	bool pass;

	if (vx_assemble(src, &insns, &len, &err) < 0) {
		diag("line %d: %s", err.line, err.msg);
		return false;
	}
	pass = len == want_len && round_trip(insns, len, NULL);
	free(insns);
	return pass;
}

static void test_big_inputs(void)
{
	char *s;

	s = repeat("", "a", 1 << 20, " %r0\n");
	ok(fails_on(s, 1, "unknown mnemonic"), "1 MiB mnemonic is rejected");
	free(s);
	s = repeat("exit\nmov %r0, ", "9", 1 << 20, "\n");
	ok(fails_on(s, 2, "out of range"), "1 MiB number is rejected");
	free(s);
	s = repeat("mov %r0, 1", ", 1", 100000, "\n");
	ok(fails_on(s, 1, "got 100002"), "100002 operands are rejected");
	free(s);
	s = repeat("ja far\n", "exit\n", 40000, "far: exit\n");
	ok(fails_on(s, 1, "out of 16-bit range"), "jump beyond 16 bits is rejected");
	free(s);
	s = repeat("ja32 far\n", "exit\n", 40000, "far: exit\n");
	ok(assembles_to(s, 40002), "ja32 beyond 16 bits assembles");
	free(s);
	s = repeat("", "ja +0\n", 200000, "");
	ok(assembles_to(s, 200000), "200000 lines assemble and round trip");
	free(s);
	s = repeat("", "x", 1 << 16, ": exit\n");
	s[0] = 'l';
	ok(assembles_to(s, 1), "64 KiB label assembles");
	free(s);
}

/* Many distinct labels, each a jump target, exercise the label table. */
static void test_many_labels(void)
{
	size_t n = 30000, i, used = 0, cap = n * 40;
	char *s = malloc(cap);

	if (!s)
		abort();
	for (i = 0; i < n; i++)
		used += (size_t)snprintf(s + used, cap - used, "l%zu: jeq %%r1, %zu, l%zu\n", i, i,
					 (i * 7919) % n);
	ok(assembles_to(s, n), "%zu labels resolve", n);
	free(s);
}

static char *read_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t cap = 0, len = 0, n;

	if (!f)
		return NULL;
	do {
		if (len + 4096 + 1 > cap) {
			char *p = realloc(buf, cap = len + 65536);

			if (!p) {
				free(buf);
				fclose(f);
				return NULL;
			}
			buf = p;
		}
		n = fread(buf + len, 1, cap - len - 1, f);
		len += n;
	} while (n);
	fclose(f);
	buf[len] = '\0';
	return buf;
}

/* Append the lines of section name (between "-- name" and the next "-- ") to out. */
static void section(const char *data, const char *name, char *out)
{
	size_t nlen = strlen(name), n;
	bool in = false;
	const char *end;

	*out = '\0';
	while (*data) {
		end = strchr(data, '\n');
		n = end ? (size_t)(end - data) : strlen(data);
		if (!strncmp(data, "-- ", 3)) {
			in = n >= 3 + nlen && !strncmp(data + 3, name, nlen);
		} else if (in) {
			strncat(out, data, n);
			strcat(out, "\n");
		}
		data += n + (end != NULL);
	}
}

static bool raw_matches(const char *raw, const struct vx_insn *insns, size_t len)
{
	unsigned long long v;
	uint8_t b[VX_INSN_SIZE];
	struct vx_insn want;
	size_t i = 0;
	int used, k;

	while (sscanf(raw, " %llx%n", &v, &used) == 1) {
		if (i >= len)
			return false;
		for (k = 0; k < VX_INSN_SIZE; k++)
			b[k] = (uint8_t)(v >> 8 * k);
		want = vx_insn_decode(b);
		if (!same_slots(&insns[i], 1, &want, 1))
			return false;
		raw += used;
		i++;
	}
	return i == len;
}

static void test_conformance_file(const char *dir, const char *name)
{
	char path[4096], *data, *src, *raw, *text = NULL;
	struct vx_insn *insns;
	struct vx_error err;
	size_t len;
	bool pass;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	data = read_file(path);
	if (!data) {
		ok(false, "round trip %s (cannot read)", name);
		return;
	}
	src = malloc(strlen(data) + 2);
	raw = malloc(strlen(data) + 2);
	if (!src || !raw)
		abort();
	section(data, "asm", src);
	section(data, "raw", raw);
	if (vx_assemble(src, &insns, &len, &err) < 0) {
		ok(false, "round trip %s", name);
		diag("line %d: %s", err.line, err.msg);
	} else {
		pass = round_trip(insns, len, &text) && text && !strstr(text, ".raw");
		ok(pass, "round trip %s", name);
		if (!pass)
			diag("text:\n%s", text ? text : "(null)");
		if (*raw)
			ok(raw_matches(raw, insns, len), "%s assembles to its -- raw section", name);
		free(text);
		free(insns);
	}
	free(src);
	free(raw);
	free(data);
}

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void test_conformance(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **names = NULL, **p;
	size_t n = 0, i, l;

	if (!d) {
		ok(false, "open conformance directory %s", dir);
		return;
	}
	while ((e = readdir(d))) {
		l = strlen(e->d_name);
		if (l < 5 || strcmp(e->d_name + l - 5, ".data"))
			continue;
		p = realloc(names, (n + 1) * sizeof(*names));
		if (!p)
			abort();
		names = p;
		names[n] = strdup(e->d_name);
		if (!names[n++])
			abort();
	}
	closedir(d);
	ok(n > 0, "conformance directory %s has %zu .data files", dir, n);
	if (n)
		qsort(names, n, sizeof(*names), cmp_names);
	for (i = 0; i < n; i++) {
		test_conformance_file(dir, names[i]);
		free(names[i]);
	}
	free(names);
}

int main(int argc, char **argv)
{
	test_encodings();
	test_errors();
	test_listings();
	test_disasm_insn();
	test_random_slots();
	test_random_programs();
	test_fuzz();
	test_big_inputs();
	test_many_labels();
	if (argc > 1)
		test_conformance(argv[1]);
	else
		skip("conformance round trips: no directory given in argv[1]");
	printf("1..%d\n", test_count);
	return fail_count ? 1 : 0;
}
