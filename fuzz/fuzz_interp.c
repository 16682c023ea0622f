// SPDX-License-Identifier: BSD-2-Clause
/*
 * fuzz_interp.c - libFuzzer target: random bytecode and memory through the decoder, the checker,
 * the disassembler and the checked interpreter.
 *
 * Input: byte 0 gives the memory length (0..63), the next bytes are the memory, the rest is the
 * program. The interpreter runs whether or not vx_check() accepted the program: it must contain
 * any input by itself. Accepted programs must also survive a disassemble/assemble round trip.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vxbpf/asm.h"
#include "vxbpf/interp.h"
#include "vxbpf/prog.h"

static void round_trip(const struct vx_insn *insns, size_t len)
{
	struct vx_insn *back;
	struct vx_error err;
	size_t n, textlen;
	char *text;
	FILE *f = open_memstream(&text, &textlen);

	if (!f)
		return;
	vx_disasm(insns, len, f);
	fclose(f);
	if (vx_assemble(text, &back, &n, &err)) {
		fprintf(stderr, "disassembly does not assemble: %s\n%s", err.msg, text);
		abort();
	}
	if (!vx_insns_equal(insns, len, back, n)) {
		fprintf(stderr, "round trip changed the program\n%s", text);
		abort();
	}
	free(back);
	free(text);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct vx_insn *insns;
	struct vx_error err;
	struct vx_env env;
	uint64_t args[2], r0;
	size_t memlen, len;
	uint8_t *mem;

	if (size < 1)
		return 0;
	memlen = data[0] % 64;
	if (size < 1 + memlen)
		return 0;
	if (vx_decode(data + 1 + memlen, (size - 1 - memlen) & ~(size_t)7, &insns, &len, &err))
		return 0;
	mem = malloc(memlen ? memlen : 1);
	memcpy(mem, data + 1, memlen);
	vx_env_init(&env);
	env.budget = 4096;
	vx_env_add_region(&env, mem, memlen, VX_MEM_READ | VX_MEM_WRITE);
	args[0] = (uint64_t)(uintptr_t)mem;
	args[1] = memlen;
	if (vx_check(insns, len, 0, &err) == 0)
		round_trip(insns, len);
	vx_interp_run(insns, len, &env, args, 2, &r0, &err);
	free(mem);
	free(insns);
	return 0;
}
