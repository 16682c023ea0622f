// SPDX-License-Identifier: BSD-2-Clause
/*
 * xdp.c - XDP frames, the XDP context and helpers (adjust head/tail/meta, redirect), and the
 * entry that runs a program over one frame.
 *
 * Limits and error codes are the kernel's (net/core/filter.c): the packet keeps at least an
 * Ethernet header, the head never moves into the buffer's first VX_XDP_FRAME_RESERVED bytes,
 * the tail never grows into the reserved tailroom, metadata is a multiple of 4 up to 32 bytes.
 */
#include <errno.h>
#include <string.h>

#include "helpers_priv.h"
#include "prog_priv.h"
#include "run_priv.h"
#include "vxbpf/interp.h"
#include "vxbpf/jit.h"
#include "vxbpf/map.h"
#include "vxbpf/xdp.h"
#include "xdp_priv.h"

#define ETH_HLEN 14
#define XDP_ACTION_MASK 3u /* ABORTED | DROP | PASS | TX: the fallback action of redirect_map */

#define CTX(r) ((struct vx_xdp_ctx *)(uintptr_t)(r))

int vx_xdp_ctx_field(uint32_t md_off, uint32_t *ctx_off, unsigned *size)
{
	static const struct {
		uint32_t md, ctx;
		unsigned size;
	} fields[] = {
		{ offsetof(struct vx_xdp_md, data), offsetof(struct vx_xdp_ctx, data), 8 },
		{ offsetof(struct vx_xdp_md, data_end), offsetof(struct vx_xdp_ctx, data_end), 8 },
		{ offsetof(struct vx_xdp_md, data_meta), offsetof(struct vx_xdp_ctx, data_meta), 8 },
		{ offsetof(struct vx_xdp_md, ingress_ifindex),
		  offsetof(struct vx_xdp_ctx, ingress_ifindex), 4 },
		{ offsetof(struct vx_xdp_md, rx_queue_index),
		  offsetof(struct vx_xdp_ctx, rx_queue_index), 4 },
		{ offsetof(struct vx_xdp_md, egress_ifindex),
		  offsetof(struct vx_xdp_ctx, egress_ifindex), 4 },
	};
	size_t i;

	for (i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) {
		if (fields[i].md == md_off) {
			*ctx_off = fields[i].ctx;
			*size = fields[i].size;
			return 0;
		}
	}
	return -1;
}

int vx_xdp_ctx_load(const void *p, uint32_t off, unsigned size, bool sext, uint64_t *val)
{
	uint32_t ctx_off;
	unsigned field_size;
	uint32_t v32;

	if (size != 4 || off % 4 || vx_xdp_ctx_field(off, &ctx_off, &field_size))
		return -1;
	if (field_size == 8) {
		if (sext)
			return -1;
		memcpy(val, (const uint8_t *)p + ctx_off, 8);
		return 0;
	}
	memcpy(&v32, (const uint8_t *)p + ctx_off, 4);
	*val = sext ? (uint64_t)(int64_t)(int32_t)v32 : v32;
	return 0;
}

uint64_t vx_h_xdp_adjust_head(uint64_t c, uint64_t off, uint64_t r3, uint64_t r4, uint64_t r5)
{
	struct vx_xdp_ctx *ctx = CTX(c);
	size_t metalen = (size_t)(ctx->data - ctx->data_meta);
	int64_t delta = (int32_t)off;
	uint8_t *data_start = ctx->hard_start + VX_XDP_FRAME_RESERVED + metalen;

	(void)r3, (void)r4, (void)r5;
	if (delta < data_start - ctx->data || delta > (ctx->data_end - ETH_HLEN) - ctx->data)
		return (uint64_t)-EINVAL;
	if (metalen)
		memmove(ctx->data_meta + delta, ctx->data_meta, metalen);
	ctx->data_meta += delta;
	ctx->data += delta;
	/*
	 * Headroom the program grows into may hold a previous frame's bytes (the datapath reuses
	 * buffers across ports): show zeros, as a fresh buffer would.
	 */
	if (delta < 0)
		memset(ctx->data, 0, (size_t)-delta);
	return 0;
}

uint64_t vx_h_xdp_adjust_meta(uint64_t c, uint64_t off, uint64_t r3, uint64_t r4, uint64_t r5)
{
	struct vx_xdp_ctx *ctx = CTX(c);
	int64_t delta = (int32_t)off;
	uint8_t *frame_end = ctx->hard_start + VX_XDP_FRAME_RESERVED;
	int64_t metalen;

	(void)r3, (void)r4, (void)r5;
	if (delta < frame_end - ctx->data_meta || delta > ctx->data - ctx->data_meta)
		return (uint64_t)-EINVAL;
	metalen = (ctx->data - ctx->data_meta) - delta;
	if (metalen % 4 || metalen > VX_XDP_MAX_META)
		return (uint64_t)-EACCES;
	if (delta < 0)
		memset(ctx->data_meta + delta, 0, (size_t)-delta); /* as adjust_head */
	ctx->data_meta += delta;
	return 0;
}

uint64_t vx_h_xdp_adjust_tail(uint64_t c, uint64_t off, uint64_t r3, uint64_t r4, uint64_t r5)
{
	struct vx_xdp_ctx *ctx = CTX(c);
	uint8_t *hard_end = ctx->hard_start + VX_XDP_FRAME_SIZE - VX_XDP_TAILROOM;
	int64_t delta = (int32_t)off;

	(void)r3, (void)r4, (void)r5;
	if (delta > hard_end - ctx->data_end || delta < (ctx->data + ETH_HLEN) - ctx->data_end)
		return (uint64_t)-EINVAL;
	if (delta > 0)
		memset(ctx->data_end, 0, (size_t)delta); /* never show a previous frame's bytes */
	ctx->data_end += delta;
	return 0;
}

uint64_t vx_h_xdp_get_buff_len(uint64_t c, uint64_t r2, uint64_t r3, uint64_t r4, uint64_t r5)
{
	struct vx_xdp_ctx *ctx = CTX(c);

	(void)r2, (void)r3, (void)r4, (void)r5;
	return (uint64_t)(ctx->data_end - ctx->data);
}

uint64_t vx_h_redirect(uint64_t ifindex, uint64_t flags, uint64_t r3, uint64_t r4, uint64_t r5)
{
	struct vx_run *run = vx_cur_run;

	(void)r3, (void)r4, (void)r5;
	if (flags)
		return VX_XDP_ABORTED;
	if (run && run->xdp) {
		run->xdp->redirect_ifindex = (uint32_t)ifindex;
		run->xdp->redirect_map = NULL;
		run->xdp->redirect_flags = 0;
	}
	return VX_XDP_REDIRECT;
}

uint64_t vx_h_redirect_map(uint64_t map, uint64_t key, uint64_t flags, uint64_t r4, uint64_t r5)
{
	struct vx_run *run = vx_cur_run;
	uint32_t k = (uint32_t)key, type = vx_map_get_def((struct vx_map *)(uintptr_t)map)->type;
	const uint32_t *val;

	(void)r4, (void)r5;
	if (flags & ~(uint64_t)(XDP_ACTION_MASK | VX_F_BROADCAST | VX_F_EXCLUDE_INGRESS))
		return VX_XDP_ABORTED;
	if (type != VX_MAP_DEVMAP && type != VX_MAP_DEVMAP_HASH)
		return flags & XDP_ACTION_MASK; /* the engine redirects only to ports */
	val = vx_map_lookup_elem((struct vx_map *)(uintptr_t)map, &k);
	if (!val && !(flags & VX_F_BROADCAST))
		return flags & XDP_ACTION_MASK;
	if (run && run->xdp) {
		run->xdp->redirect_ifindex = val ? val[0] : 0;
		run->xdp->redirect_map = flags & VX_F_BROADCAST ? (struct vx_map *)(uintptr_t)map :
								NULL;
		run->xdp->redirect_flags = (uint32_t)flags & ~XDP_ACTION_MASK;
	}
	return VX_XDP_REDIRECT;
}

int vx_xdp_frame_init(struct vx_xdp_frame *frame, uint8_t *buf, const void *pkt, uint32_t len,
		      struct vx_error *err)
{
	if (len > VX_XDP_MAX_DATA)
		return vx_error_set(err, -1, "frame of %u bytes exceeds the %u-byte maximum", len,
				    VX_XDP_MAX_DATA);
	if (len < ETH_HLEN)
		return vx_error_set(err, -1,
				    "frame of %u bytes is shorter than an Ethernet header (%u)", len,
				    ETH_HLEN);
	memset(frame, 0, sizeof(*frame));
	frame->buf = buf;
	frame->data_off = VX_XDP_HEADROOM;
	frame->data_len = len;
	memcpy(buf + VX_XDP_HEADROOM, pkt, len);
	return 0;
}

/* The checked interpreter over the context (the JIT has vx_jit_xdp_run). */
static int run_interp(const struct vx_prog *prog, struct vx_xdp_ctx *ctx, struct vx_run *run,
		      uint64_t *r0, struct vx_error *err)
{
	struct vx_env env;

	vx_env_init(&env);
	env.ctx = ctx;
	env.ctx_size = sizeof(struct vx_xdp_md);
	env.ctx_load = vx_xdp_ctx_load;
	env.pkt_start = &ctx->data_meta;
	env.pkt_end = &ctx->data_end;
	env.run = run;
	return vx_interp_run_prog(prog, &env, (uint64_t)(uintptr_t)ctx, r0, err);
}

static int run_interp_frame(const struct vx_prog *prog, struct vx_xdp_frame *frame,
			    struct vx_xdp_result *res, struct vx_error *err)
{
	struct vx_xdp_ctx ctx = {
		.hard_start = frame->buf,
		.data = frame->buf + frame->data_off,
		.ingress_ifindex = frame->ingress_ifindex,
		.rx_queue_index = frame->rx_queue_index,
	};
	struct vx_run run = { .xdp = &ctx };
	uint64_t r0 = 0;
	int ret;

	ctx.data_end = ctx.data + frame->data_len;
	ctx.data_meta = ctx.data - frame->meta_len;
	memset(res, 0, sizeof(*res));
	ret = run_interp(prog, &ctx, &run, &r0, err);
	frame->data_off = (uint32_t)(ctx.data - frame->buf);
	frame->data_len = (uint32_t)(ctx.data_end - ctx.data);
	frame->meta_len = (uint32_t)(ctx.data - ctx.data_meta);
	if (ret) {
		res->action = VX_XDP_ABORTED;
		return -1;
	}
	res->retval = r0;
	res->action = r0 <= VX_XDP_REDIRECT ? (int)r0 : VX_XDP_ABORTED;
	res->redirect_ifindex = ctx.redirect_ifindex;
	res->redirect_map = ctx.redirect_map;
	res->redirect_flags = ctx.redirect_flags;
	return 0;
}

static int not_compiled(const struct vx_prog *prog, struct vx_error *err)
{
	return vx_error_set(err, -1, "program %s is not compiled: vx_obj_prepare() it for the JIT "
				     "first", prog->name);
}

int vx_xdp_run(const struct vx_prog *prog, enum vx_engine engine, struct vx_xdp_frame *frame,
	       struct vx_xdp_result *res, struct vx_error *err)
{
	if (engine != VX_ENGINE_JIT)
		return run_interp_frame(prog, frame, res, err);
	if (!prog->jit)
		return not_compiled(prog, err);
	vx_jit_xdp_run(prog->jit, frame, res);
	return 0;
}

/*
 * The JIT runs a burst in one call (vx_jit_xdp_run_batch: contexts built in place, one run
 * setup); a compiled program never faults. The interpreter runs frame by frame.
 */
int vx_xdp_run_batch(const struct vx_prog *prog, enum vx_engine engine,
		     struct vx_xdp_frame *frames, unsigned n, struct vx_xdp_result *res,
		     struct vx_error *err)
{
	struct vx_error e;
	unsigned i;
	int faults = 0;

	if (n > VX_XDP_MAX_BATCH)
		return vx_error_set(err, -1, "batch of %u frames exceeds the %u maximum", n,
				    VX_XDP_MAX_BATCH);
	if (engine == VX_ENGINE_JIT) {
		if (!prog->jit)
			return not_compiled(prog, err);
		vx_jit_xdp_run_batch(prog->jit, frames, n, res);
		return 0;
	}
	for (i = 0; i < n; i++) {
		if (!vx_xdp_run(prog, engine, &frames[i], &res[i], faults ? &e : err))
			continue;
		faults++;
	}
	return faults;
}
