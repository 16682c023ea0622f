// SPDX-License-Identifier: BSD-2-Clause
/*
 * prog_prepare.c - getting loaded programs ready for an engine: the verifier proves each safe,
 * and for the JIT its facts (which loads read which xdp_md field) drive the compilation.
 */
#include <stdio.h>
#include <stdlib.h>

#include "prog_priv.h"
#include "vxbpf/jit.h"
#include "vxbpf/helper.h"
#include "vxbpf/obj.h"
#include "vxbpf/verifier.h"
#include "vxbpf/xdp.h"

void vx_prog_unprepare(struct vx_prog *prog)
{
	vx_jit_free(prog->jit);
	vx_verify_facts_free(prog->facts);
	free(prog->ctx_field);
	prog->jit = NULL;
	prog->facts = NULL;
	prog->ctx_field = NULL;
	free(prog->barrier);
	prog->barrier = NULL;
}

/* The JIT wants, per slot, the xdp_md offset + 1 of a context load; the verifier's facts say. */
static int make_ctx_field(struct vx_prog *prog, struct vx_error *err)
{
	const struct vx_verify_facts *f = prog->facts;
	size_t i;

	prog->ctx_field = calloc(prog->len ? prog->len : 1, 1);
	if (!prog->ctx_field)
		return vx_error_set(err, -1, "out of memory");
	for (i = 0; i < prog->len && i < f->len; i++)
		if (f->insn_flags[i] & VX_VF_CTX_LOAD)
			prog->ctx_field[i] = (uint8_t)(f->ctx_field[i] * 4 + 1);
	return 0;
}

static const struct vx_jit *resolve(const struct vx_prog *target, void *arg)
{
	(void)arg;
	return target->jit;
}

/* Spectre v4 barriers: after the stores the verifier flagged VX_VF_NOSPEC. */
static int make_barrier(struct vx_prog *prog, struct vx_error *err)
{
	const struct vx_verify_facts *f = prog->facts;
	size_t i;

	prog->barrier = calloc(prog->len ? prog->len : 1, 1);
	if (!prog->barrier)
		return vx_error_set(err, -1, "out of memory");
	for (i = 0; i < prog->len && i < f->len; i++)
		prog->barrier[i] = !!(f->insn_flags[i] & VX_VF_NOSPEC);
	return 0;
}

/*
 * Guest programs are untrusted: constant blinding and the Spectre hardening
 * (docs/jit-hardening.md). Trusted ones (the host operator's) run without either.
 */
static int compile(struct vx_prog *prog, unsigned helper_class, struct vx_error *err)
{
	struct vx_jit_opts opts = {
		.flags = VX_JIT_XDP_CTX,
		.resolve = resolve,
	};

	if (make_ctx_field(prog, err))
		return -1;
	if (helper_class == VX_HELPER_GUEST) {
		if (make_barrier(prog, err))
			return -1;
		opts.flags |= VX_JIT_BLIND | VX_JIT_HARDEN;
		opts.barrier = prog->barrier;
	}
	opts.ctx_field = prog->ctx_field;
	opts.zero_stack = prog->facts ? prog->facts->zero_stack : 0;
	prog->jit = vx_jit_compile(prog->insns, prog->len, prog, &opts, err);
	return prog->jit ? 0 : -1;
}

int vx_prog_prepare(struct vx_prog *prog, int engine, unsigned helper_class,
		    struct vx_error *err)
{
	struct vx_verify_opts vopts = { .helper_class = helper_class };
	struct vx_error e;

	vx_prog_unprepare(prog);
	if (vx_verify(prog, &vopts, &prog->facts, &e) ||
	    (engine == VX_ENGINE_JIT && compile(prog, helper_class, &e))) {
		vx_prog_unprepare(prog);
		return vx_error_set(err, e.insn, "program %s: %s", prog->name, e.msg);
	}
	return 0;
}

int vx_obj_prepare(struct vx_obj *obj, int engine, unsigned helper_class, struct vx_error *err)
{
	size_t i;

	vx_error_clear(err);
	if (engine == VX_ENGINE_JIT && !vx_jit_supported())
		return vx_error_set(err, -1, "the JIT does not support this host; use the "
					     "interpreter");
	for (i = 0; i < vx_obj_prog_count(obj); i++)
		if (vx_prog_prepare(vx_obj_prog(obj, i), engine, helper_class, err))
			return -1;
	return 0;
}
