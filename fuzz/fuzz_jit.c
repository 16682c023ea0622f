// SPDX-License-Identifier: BSD-2-Clause
/*
 * fuzz_jit.c - libFuzzer target: the input's bytes drive the safe program generator
 * (jit_gen.c); the program runs in the checked interpreter and compiled by the JIT; a different
 * r0 aborts. The first byte picks the JIT's options: bit 0 constant blinding, bit 1 the guest
 * hardening (VX_JIT_HARDEN), bit 2 with it a speculation barrier after every instruction.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../tests/jit_gen.h"
#include "jit_priv.h"
#include "vxbpf/asm.h"
#include "vxbpf/interp.h"
#include "vxbpf/jit.h"
#include "vxbpf/prog.h"

struct bytes {
	const uint8_t *p;
	size_t n, i;
};

/* Four input bytes per number; zeros once the input is used up. */
static uint32_t next(void *arg)
{
	struct bytes *b = arg;
	uint32_t v = 0;
	int k;

	for (k = 0; k < 4; k++)
		v = v << 8 | (b->i < b->n ? b->p[b->i++] : 0);
	return v;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct vx_insn prog[JIT_GEN_MAX];
	static uint8_t barrier[JIT_GEN_MAX];
	struct bytes b = { data, size, 1 };
	unsigned mode = size ? data[0] : 0;
	struct vx_jit_opts opts = {
		.flags = (mode & 1 ? VX_JIT_BLIND : 0) | (mode & 2 ? VX_JIT_HARDEN : 0),
		.barrier = mode & 4 ? barrier : NULL,
	};
	uint64_t ri, rj;
	struct vx_error err;
	struct vx_env env;
	struct vx_jit *jit;
	size_t len;

	if (!vx_jit_supported())
		return 0;
	if (!barrier[0])
		memset(barrier, 1, sizeof(barrier));
	len = jit_gen_program(next, &b, prog);
	if (vx_check(prog, len, 0, &err)) {
		fprintf(stderr, "generator produced an invalid program: %s\n", err.msg);
		abort();
	}
	vx_env_init(&env);
	if (vx_interp_run(prog, len, &env, NULL, 0, &ri, &err))
		abort(); /* never expected: the program is safe by construction */
	jit = vx_jit_compile(prog, len, NULL, &opts, &err);
	if (!jit) {
		fprintf(stderr, "jit: %s\n", err.msg);
		abort();
	}
	rj = vx_jit_run2(jit, 0, 0);
	vx_jit_free(jit);
	if (ri != rj) {
		fprintf(stderr, "r0 differs: interpreter 0x%" PRIx64 ", jit 0x%" PRIx64 "\n", ri, rj);
		vx_disasm(prog, len, stderr);
		abort();
	}
	return 0;
}
