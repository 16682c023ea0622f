// SPDX-License-Identifier: BSD-2-Clause
/*
 * jit_run.c - running compiled programs: the entries (one run, two arguments, a batch, one XDP
 * frame), and what compiled code and helpers call back into at run time (tail call targets,
 * callbacks of bpf_loop and bpf_for_each_map_elem).
 */
#include <string.h>

#include "jit_priv.h"
#include "vxbpf/helper.h"
#include "vxbpf/map.h"
#include "vxbpf/xdp.h"
#include "xdp_priv.h"

#define MAX_TAIL_CALLS 33

/* Compiled code is trusted (verified): whatever it passes a helper it may read. */
static int readable_all(struct vx_run *run, const void *p, size_t size)
{
	(void)run, (void)p, (void)size;
	return 1;
}

/* A callback is a compiled function of the program, with the kernel's convention. */
uint64_t vx_jit_run_call(struct vx_run *run, uint64_t fn, const uint64_t args[4], int *failed)
{
	vx_helper_fn f = (vx_helper_fn)(uintptr_t)fn;

	(void)run, (void)failed;
	return f(args[0], args[1], args[2], args[3], 0);
}

/* Called by compiled code for bpf_tail_call: the target's code, or NULL to fall through. */
const void *vx_jit_tail_target(uint64_t map, uint64_t index)
{
	struct jit_run *jr = vx_cur_run ? vx_cur_run->engine : NULL;
	const struct vx_jit *target;
	struct vx_prog *prog;

	if (!jr || jr->tail_calls >= MAX_TAIL_CALLS || !jr->root->resolve)
		return NULL;
	prog = vx_prog_array_get((struct vx_map *)(uintptr_t)map, (uint32_t)index);
	if (!prog)
		return NULL;
	target = jr->root->resolve(prog, jr->root->resolve_arg);
	if (!target)
		return NULL;
	jr->tail_calls++;
	return target->body;
}

static inline void jit_run_begin(struct jit_run *jr, const struct vx_jit *jit, void *ctx)
{
	jr->run.xdp = jit->flags & VX_JIT_XDP_CTX ? ctx : NULL;
	jr->run.call = vx_jit_run_call;
	jr->run.grant = NULL;
	jr->run.readable = readable_all;
	jr->run.engine = jr;
	jr->root = jit;
	jr->tail_calls = 0;
}

uint64_t vx_jit_run2(const struct vx_jit *jit, uint64_t r1, uint64_t r2)
{
	struct vx_run *saved = vx_cur_run;
	struct jit_run jr;
	uint64_t r0;

	jit_run_begin(&jr, jit, (void *)(uintptr_t)r1);
	vx_cur_run = &jr.run;
	r0 = jit->entry(r1, r2);
	vx_cur_run = saved;
	return r0;
}

uint64_t vx_jit_run(const struct vx_jit *jit, void *ctx)
{
	return vx_jit_run2(jit, (uint64_t)(uintptr_t)ctx, 0);
}

void vx_jit_run_batch(const struct vx_jit *jit, void *const *ctxs, unsigned n, uint64_t *rets)
{
	struct vx_run *saved = vx_cur_run;
	bool xdp = jit->flags & VX_JIT_XDP_CTX;
	struct jit_run jr;
	unsigned i;

	if (n > VX_JIT_MAX_BATCH)
		n = VX_JIT_MAX_BATCH;
	jit_run_begin(&jr, jit, NULL);
	vx_cur_run = &jr.run;
	for (i = 0; i < n; i++) {
		jr.tail_calls = 0;
		jr.run.xdp = xdp ? ctxs[i] : NULL;
		rets[i] = jit->entry((uint64_t)(uintptr_t)ctxs[i], 0);
	}
	vx_cur_run = saved;
}

static inline void ctx_from_frame(struct vx_xdp_ctx *ctx, const struct vx_xdp_frame *frame)
{
	uint8_t *data = frame->buf + frame->data_off;

	ctx->data = data;
	ctx->data_end = data + frame->data_len;
	ctx->data_meta = data - frame->meta_len;
	ctx->hard_start = frame->buf;
	ctx->ingress_ifindex = frame->ingress_ifindex;
	ctx->rx_queue_index = frame->rx_queue_index;
	ctx->egress_ifindex = 0;
	ctx->redirect_ifindex = 0;
	ctx->redirect_map = NULL;
	ctx->redirect_flags = 0;
}

static inline void ctx_to_frame(const struct vx_xdp_ctx *ctx, struct vx_xdp_frame *frame,
				struct vx_xdp_result *res, uint64_t r0)
{
	frame->data_off = (uint32_t)(ctx->data - frame->buf);
	frame->data_len = (uint32_t)(ctx->data_end - ctx->data);
	frame->meta_len = (uint32_t)(ctx->data - ctx->data_meta);
	res->retval = r0;
	res->action = r0 <= VX_XDP_REDIRECT ? (int)r0 : VX_XDP_ABORTED;
	res->redirect_ifindex = ctx->redirect_ifindex;
	res->redirect_map = ctx->redirect_map;
	res->redirect_flags = ctx->redirect_flags;
}

void vx_jit_xdp_run(const struct vx_jit *jit, struct vx_xdp_frame *frame,
		    struct vx_xdp_result *res)
{
	struct vx_run *saved = vx_cur_run;
	struct vx_xdp_ctx ctx;
	struct jit_run jr;
	uint64_t r0;

	ctx_from_frame(&ctx, frame);
	jit_run_begin(&jr, jit, &ctx);
	vx_cur_run = &jr.run;
	r0 = jit->entry((uint64_t)(uintptr_t)&ctx, 0);
	vx_cur_run = saved;
	ctx_to_frame(&ctx, frame, res, r0);
}

/*
 * A burst: the contexts are built in place first, then one run state serves every packet
 * (only the per-packet parts, the context helpers see and the tail call count, change between
 * runs), then frames and results are written back.
 */
void vx_jit_xdp_run_batch(const struct vx_jit *jit, struct vx_xdp_frame *frames, unsigned n,
			  struct vx_xdp_result *res)
{
	struct vx_xdp_ctx ctx[VX_JIT_MAX_BATCH];
	uint64_t r0[VX_JIT_MAX_BATCH];
	struct vx_run *saved = vx_cur_run;
	uint64_t (*entry)(uint64_t, uint64_t) = jit->entry;
	struct jit_run jr;
	unsigned i;

	if (n > VX_JIT_MAX_BATCH)
		n = VX_JIT_MAX_BATCH;
	for (i = 0; i < n; i++)
		ctx_from_frame(&ctx[i], &frames[i]);
	jit_run_begin(&jr, jit, NULL);
	vx_cur_run = &jr.run;
	for (i = 0; i < n; i++) {
		jr.tail_calls = 0;
		jr.run.xdp = &ctx[i];
		r0[i] = entry((uint64_t)(uintptr_t)&ctx[i], 0);
	}
	vx_cur_run = saved;
	for (i = 0; i < n; i++)
		ctx_to_frame(&ctx[i], &frames[i], &res[i], r0[i]);
}
