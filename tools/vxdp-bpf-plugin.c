// SPDX-License-Identifier: BSD-2-Clause
/*
 * vxdp-bpf-plugin - runs one program for the bpf_conformance runner.
 *
 * Protocol: the program arrives on stdin as hex bytes; the input memory, if any, as hex bytes in
 * the first non-option argument. The program runs with r1 = the memory's address and r2 = its
 * length (both 0 without memory); r0 is printed in hex on stdout and the exit status is 0. A
 * program that is rejected or faults prints the reason on stderr and exits 1; a usage error
 * exits 2. `--engine interp|jit` may appear anywhere in the arguments; the default is the JIT
 * where it exists (x86-64), the interpreter elsewhere.
 */
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "util.h"
#include "vxbpf/interp.h"
#include "vxbpf/jit.h"
#include "vxbpf/prog.h"

static void usage(FILE *out)
{
	fprintf(out, "usage: vxdp-bpf-plugin [--engine interp|jit] [MEMORY_HEX] < PROGRAM_HEX\n");
}

static int interp(const struct vx_insn *insns, size_t len, uint8_t *mem, size_t memlen,
		  uint64_t *r0)
{
	struct vx_error err;
	struct vx_env env;
	uint64_t args[2] = { 0, 0 };
	char buf[320];

	vx_env_init(&env);
	if (memlen) {
		vx_env_add_region(&env, mem, memlen, VX_MEM_READ | VX_MEM_WRITE);
		args[0] = (uint64_t)(uintptr_t)mem;
		args[1] = memlen;
	}
	if (vx_interp_run(insns, len, &env, args, 2, r0, &err)) {
		util_err("%s", vx_error_str(&err, buf, sizeof(buf)));
		return -1;
	}
	return 0;
}

/* Run the compiled program in a child; its r0 comes back through a pipe. */
static int jit_in_child(const struct vx_jit *jit, uint8_t *mem, size_t memlen, uint64_t *r0)
{
	int fds[2], status;
	pid_t pid;

	if (pipe(fds))
		return util_err("pipe failed"), -1;
	fflush(NULL);
	pid = fork();
	if (pid == 0) {
		uint64_t v = vx_jit_run2(jit, memlen ? (uint64_t)(uintptr_t)mem : 0, memlen);

		_exit(write(fds[1], &v, sizeof(v)) == sizeof(v) ? 0 : 1);
	}
	close(fds[1]);
	if (pid < 0 || read(fds[0], r0, sizeof(*r0)) != sizeof(*r0)) {
		close(fds[0]);
		if (pid > 0)
			waitpid(pid, &status, 0);
		return util_err("the compiled program did not complete"), -1;
	}
	close(fds[0]);
	waitpid(pid, &status, 0);
	return 0;
}

static int jit(const struct vx_insn *insns, size_t len, uint8_t *mem, size_t memlen,
	       uint64_t *r0)
{
	uint8_t *copy = malloc(memlen ? memlen : 1);
	struct vx_error err;
	struct vx_jit *j;
	char buf[320];
	int ret;

	memcpy(copy, mem, memlen);
	ret = interp(insns, len, copy, memlen, r0);
	free(copy);
	if (ret)
		return -1;
	j = vx_jit_compile(insns, len, NULL, NULL, &err);
	if (!j)
		return util_err("%s", vx_error_str(&err, buf, sizeof(buf))), -1;
	ret = jit_in_child(j, mem, memlen, r0);
	vx_jit_free(j);
	return ret;
}

static int run(const uint8_t *code, size_t codelen, uint8_t *mem, size_t memlen, bool use_jit)
{
	struct vx_insn *insns;
	size_t len;
	struct vx_error err;
	uint64_t r0;
	char buf[320];
	int ret;

	if (vx_decode(code, codelen, &insns, &len, &err)) {
		util_err("%s", vx_error_str(&err, buf, sizeof(buf)));
		return 1;
	}
	if (vx_check(insns, len, 0, &err)) {
		util_err("%s", vx_error_str(&err, buf, sizeof(buf)));
		free(insns);
		return 1;
	}
	ret = use_jit ? jit(insns, len, mem, memlen, &r0) : interp(insns, len, mem, memlen, &r0);
	free(insns);
	if (ret)
		return 1;
	printf("%" PRIx64 "\n", r0);
	return 0;
}

int main(int argc, char **argv)
{
	const char *engine = vx_jit_supported() ? "jit" : "interp", *memhex = NULL;
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
	if (!strcmp(engine, "jit") && !vx_jit_supported()) {
		util_err("the JIT does not support this host; use --engine interp");
		return 2;
	}
	if (strcmp(engine, "interp") && strcmp(engine, "jit")) {
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
	ret = run(code, codelen, mem, memlen, !strcmp(engine, "jit"));
	free(code);
	free(mem);
	return ret;
}
