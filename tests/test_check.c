// SPDX-License-Identifier: BSD-2-Clause
/*
 * test_check.c - the decoder rejects every malformed encoding with a reason, and accepts every
 * well-formed one. Programs are written as raw slots so the assembler is not involved.
 */
#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "vxbpf/prog.h"

#define I(c, d, s, o, i) { .code = (c), .dst = (d), .src = (s), .off = (o), .imm = (i) }
#define EXIT I(0x95, 0, 0, 0, 0)
#define MOV0 I(0xb7, 0, 0, 0, 0)
#define N(a) (sizeof(a) / sizeof((a)[0]))

static void expect_ok(const struct vx_insn *p, size_t n, unsigned flags, const char *what)
{
	struct vx_error err;
	int ret = vx_check(p, n, flags, &err);

	ok(ret == 0, "accepts %s%s%s", what, ret ? ": " : "", ret ? err.msg : "");
}

static void expect_err(const struct vx_insn *p, size_t n, unsigned flags, int insn,
		       const char *needle, const char *what)
{
	struct vx_error err;
	int ret = vx_check(p, n, flags, &err);

	ok(ret == -1 && err.insn == insn && strstr(err.msg, needle), "rejects %s (insn %d: %s)",
	   what, err.insn, ret ? err.msg : "accepted");
}

static void test_valid(void)
{
	const struct vx_insn p[] = {
		I(0x07, 1, 0, 0, 5),	/* add r1, 5 */
		I(0x3f, 1, 2, 1, 0),	/* sdiv r1, r2 */
		I(0x9c, 1, 2, 1, 0),	/* smod32 r1, r2 */
		I(0xbf, 1, 2, 32, 0),	/* movsx3264 r1, r2 */
		I(0xbc, 1, 2, 16, 0),	/* movsx1632 r1, r2 */
		I(0x87, 1, 0, 0, 0),	/* neg r1 */
		I(0xd4, 1, 0, 0, 16),	/* le16 r1 */
		I(0xdc, 1, 0, 0, 64),	/* be64 r1 */
		I(0xd7, 1, 0, 0, 32),	/* bswap32 r1 */
		I(0x18, 2, 0, 0, 1),	/* lddw r2, ... */
		I(0x00, 0, 0, 0, 2),
		I(0x91, 3, 10, -1, 0),	/* ldxsb r3, [r10-1] */
		I(0x7a, 10, 0, -8, 7),	/* stdw [r10-8], 7 */
		I(0xdb, 10, 1, -8, 0x01), /* lock fetch add */
		I(0xc3, 10, 1, -8, 0xf1), /* lock cmpxchg32 */
		I(0x16, 1, 0, 1, 3),	/* jeq32 r1, 3, +1 */
		I(0x06, 0, 0, 0, 0),	/* ja32 +0 */
		I(0x85, 0, 0, 0, 5),	/* call 5 */
		I(0x85, 0, 1, 0, 1),	/* call local +1 */
		MOV0,
		EXIT,
	};
	expect_ok(p, N(p), 0, "one of every instruction family");
	expect_ok((struct vx_insn[]){ I(0x05, 0, 0, -1, 0) }, 1, 0, "a program ending in ja");
}

static void test_structure(void)
{
	struct vx_error err;
	struct vx_insn *insns;
	size_t len;
	uint8_t bytes[16] = { 0xb7, 0, 0, 0, 1, 0, 0, 0, 0x95 };

	ok(vx_check(NULL, 0, 0, &err) == -1 && strstr(err.msg, "empty"), "rejects empty program");
	ok(vx_decode(bytes, 7, &insns, &len, &err) == -1 && strstr(err.msg, "multiple of 8"),
	   "decode rejects a size that is not a multiple of 8");
	ok(vx_decode(bytes, 0, &insns, &len, &err) == -1, "decode rejects 0 bytes");
	if (ok(vx_decode(bytes, 16, &insns, &len, &err) == 0 && len == 2 && insns[0].imm == 1 &&
		       insns[1].code == 0x95,
	       "decode reads little-endian slots"))
		free(insns);
	expect_err((struct vx_insn[]){ MOV0 }, 1, 0, 0, "last instruction", "falling off the end");
	expect_err((struct vx_insn[]){ I(0x05, 0, 0, 5, 0), EXIT }, 2, 0, 0, "out of range",
		   "a jump past the end");
	expect_err((struct vx_insn[]){ I(0x05, 0, 0, -2, 0), EXIT }, 2, 0, 0, "out of range",
		   "a jump before the start");
	expect_err((struct vx_insn[]){ I(0x06, 0, 0, 0, 9), EXIT }, 2, 0, 0, "out of range",
		   "a ja32 past the end");
	expect_err((struct vx_insn[]){ I(0x85, 0, 1, 0, 7), EXIT }, 2, 0, 0, "out of range",
		   "a local call past the end");
	expect_err((struct vx_insn[]){ I(0x05, 0, 0, 1, 0), I(0x18, 0, 0, 0, 1), I(0, 0, 0, 0, 0),
				       EXIT },
		   4, 0, 0, "middle of ld_imm64", "a jump into the second half of ld_imm64");
	expect_err((struct vx_insn[]){ MOV0, I(0x18, 0, 0, 0, 1) }, 2, 0, 1, "second slot",
		   "a truncated ld_imm64");
	expect_err((struct vx_insn[]){ I(0x18, 0, 0, 0, 1), I(0x95, 0, 0, 0, 0), EXIT }, 3, 0, 1,
		   "second slot", "an ld_imm64 whose second slot has an opcode");
}

static void test_fields(void)
{
	struct vx_insn pseudo[] = { I(0x18, 1, 1, 0, 3), I(0, 0, 0, 0, 0), MOV0, EXIT };

	expect_err((struct vx_insn[]){ I(0xff, 0, 0, 0, 0), EXIT }, 2, 0, 0, "unknown opcode",
		   "opcode 0xff");
	expect_err((struct vx_insn[]){ I(0xb7, 11, 0, 0, 0), EXIT }, 2, 0, 0, "invalid register",
		   "dst r11");
	expect_err((struct vx_insn[]){ I(0xbf, 0, 12, 0, 0), EXIT }, 2, 0, 0, "invalid register",
		   "src r12");
	expect_err((struct vx_insn[]){ I(0xb7, 10, 0, 0, 0), EXIT }, 2, 0, 0, "frame pointer",
		   "a write to r10");
	expect_err((struct vx_insn[]){ I(0x79, 10, 1, 0, 0), EXIT }, 2, 0, 0, "frame pointer",
		   "a load into r10");
	expect_err((struct vx_insn[]){ I(0x8d, 2, 0, 0, 0), EXIT }, 2, 0, 0, "callx",
		   "a register call");
	expect_err((struct vx_insn[]){ I(0x85, 0, 2, 0, 1), EXIT }, 2, 0, 0, "kfunc",
		   "a kfunc call");
	expect_err((struct vx_insn[]){ I(0x20, 0, 0, 0, 1), EXIT }, 2, 0, 0, "legacy",
		   "ld_abs");
	expect_err((struct vx_insn[]){ I(0x50, 0, 1, 0, 1), EXIT }, 2, 0, 0, "legacy",
		   "ld_ind");
	expect_err(pseudo, 4, 0, 0, "object loader", "a map reference without the loader");
	expect_ok(pseudo, 4, VX_CHECK_PSEUDO, "a map reference for the loader");
	expect_err((struct vx_insn[]){ I(0x8f, 0, 1, 0, 0), EXIT }, 2, 0, 0, "unknown opcode",
		   "neg with a register source");
	expect_err((struct vx_insn[]){ I(0xbc, 0, 1, 32, 0), EXIT }, 2, 0, 0, "invalid offset",
		   "32-bit movsx from 32 bits");
	expect_err((struct vx_insn[]){ I(0xb7, 0, 0, 8, 0), EXIT }, 2, 0, 0, "invalid offset",
		   "movsx with an immediate");
	expect_err((struct vx_insn[]){ I(0x3f, 0, 1, 2, 0), EXIT }, 2, 0, 0, "invalid offset",
		   "div with offset 2");
	expect_err((struct vx_insn[]){ I(0xdf, 0, 0, 0, 16), EXIT }, 2, 0, 0, "unknown opcode",
		   "ALU64 byte swap with the source bit");
	expect_err((struct vx_insn[]){ I(0xd4, 0, 0, 0, 8), EXIT }, 2, 0, 0, "width",
		   "le8");
	expect_err((struct vx_insn[]){ I(0xdb, 10, 1, -8, 0x02), EXIT }, 2, 0, 0,
		   "unknown atomic", "atomic operation 0x02");
	expect_err((struct vx_insn[]){ I(0xd3, 10, 1, -8, 0x00), EXIT }, 2, 0, 0, "32 or 64",
		   "a byte-wide atomic");
	expect_err((struct vx_insn[]){ I(0x99, 0, 10, -8, 0), EXIT }, 2, 0, 0, "unknown opcode",
		   "a sign-extending 64-bit load");
	expect_err((struct vx_insn[]){ I(0x95, 0, 0, 0, 1), EXIT }, 2, 0, 0, "reserved imm",
		   "exit with imm");
	expect_err((struct vx_insn[]){ I(0x06, 0, 0, 1, 0), EXIT }, 2, 0, 0, "reserved offset",
		   "ja32 with an offset");
	expect_err((struct vx_insn[]){ I(0x05, 0, 0, 0, 1), EXIT }, 2, 0, 0, "reserved imm",
		   "ja with an imm");
	expect_err((struct vx_insn[]){ I(0x1d, 0, 1, 0, 1), EXIT }, 2, 0, 0, "reserved imm",
		   "jeq reg with an imm");
	expect_err((struct vx_insn[]){ I(0x15, 0, 1, 0, 1), EXIT }, 2, 0, 0, "reserved src",
		   "jeq imm with a src");
	expect_err((struct vx_insn[]){ I(0x16 | 0x80, 0, 0, 0, 0), EXIT }, 2, 0, 0,
		   "unknown opcode", "call in JMP32");
	expect_err((struct vx_insn[]){ I(0xe5, 0, 0, 0, 0), EXIT }, 2, 0, 0, "unknown opcode",
		   "jump operation 0xe0");
	expect_err((struct vx_insn[]){ I(0xe7, 0, 0, 0, 0), EXIT }, 2, 0, 0, "unknown opcode",
		   "ALU operation 0xe0");
	expect_err((struct vx_insn[]){ I(0x62, 10, 1, -4, 0), EXIT }, 2, 0, 0, "reserved src",
		   "stw with a src");
	expect_err((struct vx_insn[]){ I(0x63, 10, 1, -4, 1), EXIT }, 2, 0, 0, "reserved imm",
		   "stxw with an imm");
	expect_err((struct vx_insn[]){ I(0x61, 0, 10, -4, 1), EXIT }, 2, 0, 0, "reserved imm",
		   "ldxw with an imm");
}

static void test_branch_target(void)
{
	const struct vx_insn p[] = { I(0x05, 0, 0, 1, 0), I(0x06, 0, 0, 0, -2),
				     I(0x85, 0, 1, 0, -3), I(0x85, 0, 0, 0, 5), EXIT };

	ok(vx_branch_target(p, 0) == 2 && vx_branch_target(p, 1) == 0 &&
		   vx_branch_target(p, 2) == 0 && vx_branch_target(p, 3) == -1 &&
		   vx_branch_target(p, 4) == -1,
	   "vx_branch_target follows off for ja, imm for ja32 and local calls");
}

int main(void)
{
	test_valid();
	test_structure();
	test_fields();
	test_branch_target();
	return tap_done();
}
