// SPDX-License-Identifier: BSD-2-Clause
/*
 * vxdp-bpf-plugin - runs one program for the bpf_conformance runner.
 *
 * Protocol: the program arrives on stdin as hex bytes; the input memory, if any, as hex bytes in
 * the first non-option argument. The program runs with r1 = the memory's address and r2 = its
 * length (both 0 without memory); r0 is printed in hex on stdout and the exit status is 0. A
 * program that is rejected or faults prints the reason on stderr and exits 1; a usage error
 * exits 2. `--engine interp|jit` may appear anywhere in the arguments.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "vxbpf/interp.h"
#include "vxbpf/prog.h"

static void usage(FILE *out)
{
	fprintf(out, "usage: vxdp-bpf-plugin [--engine interp|jit] [MEMORY_HEX] < PROGRAM_HEX\n");
}

static int run(const uint8_t *code, size_t codelen, uint8_t *mem, size_t memlen)
{
	struct vx_insn *insns;
	size_t len;
	struct vx_error err;
	struct vx_env env;
	uint64_t args[2] = { 0, 0 }, r0;
	char buf[320];
	int ret = 1;

	if (vx_decode(code, codelen, &insns, &len, &err)) {
		util_err("%s", vx_error_str(&err, buf, sizeof(buf)));
		return 1;
	}
	vx_env_init(&env);
	if (memlen) {
		vx_env_add_region(&env, mem, memlen, VX_MEM_READ | VX_MEM_WRITE);
		args[0] = (uint64_t)(uintptr_t)mem;
		args[1] = memlen;
	}
	if (vx_check(insns, len, 0, &err) || vx_interp_run(insns, len, &env, args, 2, &r0, &err)) {
		util_err("%s", vx_error_str(&err, buf, sizeof(buf)));
	} else {
		printf("%" PRIx64 "\n", r0);
		ret = 0;
	}
	free(insns);
	return ret;
}

int main(int argc, char **argv)
{
	const char *engine = "interp", *memhex = NULL;
	uint8_t *text, *code, *mem = NULL;
	size_t textlen, codelen, memlen = 0;
	char msg[128];
	int i, ret;

	util_prog_name = "vxdp-bpf-plugin";
	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--engine") && i + 1 < argc) {
			engine = argv[++i];
		} else if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
			usage(stdout);
			return 0;
		} else if (!memhex && strncmp(argv[i], "--", 2)) {
			memhex = argv[i];
		} else {
			util_err("unexpected argument '%s'", argv[i]);
			usage(stderr);
			return 2;
		}
	}
	if (!strcmp(engine, "jit")) {
		util_err("the JIT engine is not available in this build; use --engine interp");
		return 2;
	}
	if (strcmp(engine, "interp")) {
		util_err("unknown engine '%s' (expected interp or jit)", engine);
		return 2;
	}
	if (memhex && !(mem = util_parse_hex(memhex, &memlen, msg, sizeof(msg)))) {
		util_err("memory: %s", msg);
		return 2;
	}
	text = util_read_stream(stdin, &textlen);
	if (!text) {
		util_err("cannot read the program from stdin");
		free(mem);
		return 2;
	}
	code = util_parse_hex((char *)text, &codelen, msg, sizeof(msg));
	free(text);
	if (!code) {
		util_err("program: %s", msg);
		free(mem);
		return 1;
	}
	ret = run(code, codelen, mem, memlen);
	free(code);
	free(mem);
	return ret;
}
