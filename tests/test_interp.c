// SPDX-License-Identifier: BSD-2-Clause
/*
 * test_interp.c - the checked interpreter's guarantees beyond the conformance suite: every
 * access outside the run's regions, every read of an unwritten register, runaway loops, deep
 * recursion and unknown helpers end the run with an error naming the instruction; the ISA's
 * corner cases (division by zero, INT_MIN / -1) give the RFC's results.
 */
#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "vxbpf/asm.h"
#include "vxbpf/interp.h"
#include "vxbpf/prog.h"

struct result {
	int ret;
	uint64_t r0;
	struct vx_error err;
};

/* Assemble, check and run src with r1 = mem, r2 = len (when mem is given). */
static struct result run_mem(const char *src, void *mem, size_t len, unsigned prot,
			     uint64_t budget)
{
	struct result res = { .ret = -1 };
	struct vx_insn *insns;
	size_t n;
	struct vx_env env;
	uint64_t args[2] = { (uint64_t)(uintptr_t)mem, len };

	if (vx_assemble(src, &insns, &n, &res.err) || vx_check(insns, n, 0, &res.err)) {
		printf("# cannot build: %s\n", res.err.msg);
		return res;
	}
	vx_env_init(&env);
	if (budget)
		env.budget = budget;
	if (mem)
		vx_env_add_region(&env, mem, len, prot);
	res.ret = vx_interp_run(insns, n, &env, args, mem ? 2 : 0, &res.r0, &res.err);
	free(insns);
	return res;
}

static struct result run(const char *src)
{
	return run_mem(src, NULL, 0, 0, 0);
}

static void expect_r0(const char *src, uint64_t want, const char *what)
{
	struct result r = run(src);

	ok(r.ret == 0 && r.r0 == want, "%s: r0=0x%llx (%s)", what, (unsigned long long)r.r0,
	   r.ret ? r.err.msg : "ran");
}

static void expect_fault(struct result r, int insn, const char *needle, const char *what)
{
	ok(r.ret == -1 && r.err.insn == insn && strstr(r.err.msg, needle), "%s: insn %d: %s", what,
	   r.err.insn, r.ret ? r.err.msg : "ran to the end");
}

static void test_bounds(void)
{
	uint8_t mem[8] = { 1, 2, 3, 4, 5, 6, 7, 8 };

	expect_fault(run_mem("ldxdw %r0, [%r1+1]\nexit", mem, 8, VX_MEM_READ, 0), 0,
		     "out-of-bounds read of 8 bytes through r1+1", "a read one byte past memory");
	expect_fault(run_mem("ldxb %r0, [%r1-1]\nexit", mem, 8, VX_MEM_READ, 0), 0,
		     "out-of-bounds read", "a read one byte before memory");
	expect_fault(run_mem("stb [%r1], 1\nmov %r0, 0\nexit", mem, 8, VX_MEM_READ, 0), 0,
		     "out-of-bounds write", "a write to read-only memory");
	expect_fault(run("mov %r0, 0\nldxdw %r0, [%r10+0]\nexit"), 1, "out-of-bounds read",
		     "a read above the stack");
	expect_fault(run("mov %r0, 0\nstb [%r10-513], 1\nexit"), 1, "out-of-bounds write",
		     "a write below the 512-byte frame");
	expect_r0("stb [%r10-512], 7\nldxb %r0, [%r10-512]\nexit", 7,
		  "the last byte of the frame is usable");
	expect_fault(run("lddw %r1, 0x1000\nldxb %r0, [%r1]\nexit"), 2, "out-of-bounds read",
		     "a read through a forged pointer");
	expect_fault(run("mov %r0, 0\nmov %r1, %r10\nlock add [%r1-15], %r0\nexit"), 2,
		     "misaligned", "a misaligned atomic");
	expect_r0("ldxdw %r0, [%r10-8]\nexit", 0, "the stack starts zeroed");
}

static void test_registers(void)
{
	expect_fault(run("mov %r0, %r3\nexit"), 0, "r3 is read before it is written",
		     "reading an unwritten register");
	expect_fault(run("exit"), 0, "r0 is read", "exit without setting r0");
	expect_fault(run("mov %r1, 1\ncall 5\nmov %r0, %r1\nexit"), 2, "r1 is read",
		     "r1 after a helper call");
	expect_fault(run("mov %r6, 1\ncall local f\nexit\nf:\nmov %r0, %r6\nexit"), 3, "r6 is read",
		     "a callee reading the caller's r6");
	expect_r0("mov %r6, 5\ncall local f\nmov %r0, %r6\nexit\nf:\nmov %r6, 9\nmov %r0, 0\nexit",
		  5, "r6 survives a call");
	expect_fault(run("mov %r2, 1\ncall local f\nmov %r0, %r2\nexit\nf:\nmov %r0, 0\nexit"), 2,
		     "r2 is read", "r2 after a local call");
}

static void test_calls(void)
{
	expect_r0("stdw [%r10-8], 41\nmov %r1, %r10\nadd %r1, -8\ncall local f\n"
		  "ldxdw %r0, [%r10-8]\nexit\n"
		  "f:\nldxdw %r2, [%r1]\nadd %r2, 1\nstxdw [%r1], %r2\nmov %r0, 0\nexit",
		  42, "a callee writes the caller's stack through a pointer");
	expect_fault(run("call local f\nldxdw %r0, [%r0]\nexit\n"
			 "f:\nstdw [%r10-8], 1\nmov %r0, %r10\nadd %r0, -8\nexit"),
		     1, "out-of-bounds read", "a pointer into a returned frame is dead");
	expect_fault(run("call local f\nexit\nf:\ncall local f\nexit"), 2, "call depth exceeds 8",
		     "unbounded recursion");
	expect_r0("mov %r1, 6\ncall local f\nexit\n"
		  "f:\njeq %r1, 0, done\nsub %r1, 1\ncall local f\nadd %r0, 1\nexit\n"
		  "done:\nmov %r0, 0\nexit",
		  6, "seven nested calls (eight frames in all) are allowed");
	expect_fault(run("call 99999\nexit"), 0, "unknown helper 99999", "an unknown helper");
	expect_r0("call 5\nmov %r6, %r0\ncall 5\njge %r0, %r6, +2\nmov %r0, 0\nexit\n"
		  "mov %r0, 1\nexit",
		  1, "ktime_get_ns (helper 5) does not go backwards");
}

static void test_budget(void)
{
	struct result r = run_mem("mov %r0, 0\nloop:\nadd %r0, 1\nja loop", NULL, 0, 0, 1000);

	ok(r.ret == -1 && strstr(r.err.msg, "budget of 1000") && r.err.insn >= 1 &&
		   r.err.insn <= 2,
	   "an endless loop ends at the budget, inside the loop: insn %d: %s", r.err.insn,
	   r.err.msg);
}

static void test_arith(void)
{
	expect_r0("mov %r0, 7\nmov %r1, 0\ndiv %r0, %r1\nexit", 0, "div by zero gives 0");
	expect_r0("mov %r0, 7\nmov %r1, 0\nmod %r0, %r1\nexit", 7, "mod by zero keeps dst");
	expect_r0("lddw %r0, 0x100000007\nmov32 %r1, 0\nmod32 %r0, %r1\nexit", 7,
		  "mod32 by zero keeps the low 32 bits of dst");
	expect_r0("lddw %r0, 0x8000000000000000\nmov %r1, -1\nsdiv %r0, %r1\nexit",
		  0x8000000000000000ull, "INT64_MIN sdiv -1 is INT64_MIN");
	expect_r0("lddw %r0, 0x8000000000000000\nmov %r1, -1\nsmod %r0, %r1\nexit", 0,
		  "INT64_MIN smod -1 is 0");
	expect_r0("mov32 %r0, 0x80000000\nsdiv32 %r0, -1\nexit", 0x80000000,
		  "INT32_MIN sdiv32 -1 is INT32_MIN");
	expect_r0("mov %r0, -7\nsmod %r0, 0\nexit", (uint64_t)-7, "smod by zero keeps dst");
	expect_r0("mov %r0, -1\nmov32 %r0, %r0\nexit", 0xffffffff, "mov32 zero-extends");
	expect_r0("mov %r0, 1\nlsh %r0, 65\nexit", 2, "64-bit shifts use the low 6 bits");
}

int main(void)
{
	test_bounds();
	test_registers();
	test_calls();
	test_budget();
	test_arith();
	return tap_done();
}
