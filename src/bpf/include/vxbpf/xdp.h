/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * vxbpf/xdp.h - running XDP programs over frames.
 *
 * A frame lives in a buffer laid out as the kernel's XDP buffers are: VX_XDP_HEADROOM bytes of
 * headroom before the packet, and room after it up to VX_XDP_FRAME_SIZE minus the kernel's
 * reserved tailroom, so bpf_xdp_adjust_head/_tail/_meta have the kernel's limits. The program
 * sees the kernel's struct xdp_md; its loads of data, data_end and data_meta give pointers into
 * the buffer.
 */
#ifndef VXBPF_XDP_H
#define VXBPF_XDP_H

#include <stdint.h>

#include "vxbpf/error.h"

/* XDP actions (enum xdp_action). */
#define VX_XDP_ABORTED 0
#define VX_XDP_DROP 1
#define VX_XDP_PASS 2
#define VX_XDP_TX 3
#define VX_XDP_REDIRECT 4

#define VX_XDP_HEADROOM 256  /* XDP_PACKET_HEADROOM */
#define VX_XDP_FRAME_SIZE 4096 /* one page, as BPF_PROG_TEST_RUN and most drivers */
#define VX_XDP_TAILROOM 320  /* SKB_DATA_ALIGN(sizeof(struct skb_shared_info)) on x86-64 */
#define VX_XDP_FRAME_RESERVED 40 /* sizeof(struct xdp_frame): adjust_head/meta keep it free */
#define VX_XDP_MAX_DATA (VX_XDP_FRAME_SIZE - VX_XDP_HEADROOM - VX_XDP_TAILROOM)
/* Metadata: a multiple of 4 up to what skb_shared_info.meta_len (a u8) holds, as Linux >= 6.x. */
#define VX_XDP_MAX_META 255

/* The kernel's struct xdp_md, as programs see it (offsets are the ABI). */
struct vx_xdp_md {
	uint32_t data;
	uint32_t data_end;
	uint32_t data_meta;
	uint32_t ingress_ifindex;
	uint32_t rx_queue_index;
	uint32_t egress_ifindex;
};

/* One frame in its buffer. buf holds VX_XDP_FRAME_SIZE bytes. */
struct vx_xdp_frame {
	uint8_t *buf;
	uint32_t data_off; /* packet start, from buf (VX_XDP_HEADROOM on arrival) */
	uint32_t data_len;
	uint32_t meta_len; /* metadata bytes just before the packet */
	uint32_t ingress_ifindex;
	uint32_t rx_queue_index;
};

/* What the program decided. */
struct vx_xdp_result {
	int action;		   /* VX_XDP_*, or the program's value if out of range (as ABORTED) */
	uint64_t retval;	   /* r0 as returned */
	uint32_t redirect_ifindex; /* VX_XDP_REDIRECT: target (a devmap entry's ifindex) */
	struct vx_map *redirect_map; /* VX_XDP_REDIRECT with BPF_F_BROADCAST: every entry of it */
	uint32_t redirect_flags;     /* the redirect_map flags (BPF_F_BROADCAST, _EXCLUDE_INGRESS) */
};

enum vx_engine {
	VX_ENGINE_INTERP,
	VX_ENGINE_JIT,
};

struct vx_prog;
struct vx_map;

#define VX_F_BROADCAST (1u << 3)	  /* redirect_map: to every entry of the map */
#define VX_F_EXCLUDE_INGRESS (1u << 4) /* ... except the port the frame came from */

/*
 * Put len bytes of packet into frame (buffer from the caller, VX_XDP_FRAME_SIZE bytes) at the
 * standard headroom. Fails when len exceeds VX_XDP_MAX_DATA or is shorter than an Ethernet
 * header (14 bytes): like the kernel, the engine never shows a program such a frame.
 */
int vx_xdp_frame_init(struct vx_xdp_frame *frame, uint8_t *buf, const void *pkt, uint32_t len,
		      struct vx_error *err);

/*
 * Run prog over one frame with the given engine. The frame is updated in place (the program may
 * move its start and end). Returns 0 with *res filled, or -1 when the run faulted (the checked
 * interpreter stopped it): *err names the instruction, and the frame counts as ABORTED.
 */
int vx_xdp_run(const struct vx_prog *prog, enum vx_engine engine, struct vx_xdp_frame *frame,
	       struct vx_xdp_result *res, struct vx_error *err);

#define VX_XDP_MAX_BATCH 256

/*
 * Run prog over frames[0..n) (n <= VX_XDP_MAX_BATCH), res[i] for frames[i], with the semantics
 * of n calls of vx_xdp_run() in order (per-packet effects such as redirect targets and adjusted
 * heads stay per frame). Returns how many runs faulted (those frames are ABORTED); *err
 * describes the first fault. -1 with *err set when the batch cannot run at all (n too large,
 * program not prepared for the engine).
 */
int vx_xdp_run_batch(const struct vx_prog *prog, enum vx_engine engine,
		     struct vx_xdp_frame *frames, unsigned n, struct vx_xdp_result *res,
		     struct vx_error *err);

/*
 * Where bpf_trace_printk's lines go (one formatted line per call, no trailing newline). The
 * default prints "trace: LINE" on stderr. fn may be NULL to discard them.
 */
void vx_set_trace_hook(void (*fn)(const char *line, void *arg), void *arg);

#endif /* VXBPF_XDP_H */
