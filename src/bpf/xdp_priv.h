/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * xdp_priv.h - the engine's XDP context: what r1 points to while an XDP program runs.
 *
 * Programs address it as the kernel's struct xdp_md (32-bit fields at offsets 0..23); the
 * engines translate those loads into reads of the 64-bit fields here, as the kernel rewrites
 * context accesses into struct xdp_buff.
 */
#ifndef VXBPF_XDP_PRIV_H
#define VXBPF_XDP_PRIV_H

#include <stdbool.h>
#include <stdint.h>

struct vx_map;

struct vx_xdp_ctx {
	uint8_t *data;
	uint8_t *data_end;
	uint8_t *data_meta;
	uint8_t *hard_start; /* the buffer, VX_XDP_FRAME_SIZE bytes */
	uint32_t ingress_ifindex;
	uint32_t rx_queue_index;
	uint32_t egress_ifindex;
	uint32_t redirect_ifindex; /* set by bpf_redirect / bpf_redirect_map */
	struct vx_map *redirect_map; /* broadcast redirects: the devmap */
	uint32_t redirect_flags;
};

/*
 * Where the engine keeps the xdp_md field at offset md_off: its offset in struct vx_xdp_ctx and
 * its size there (8 for the pointers, 4 for the others). -1 for an offset that is no field.
 * Both engines translate context loads with it.
 */
int vx_xdp_ctx_field(uint32_t md_off, uint32_t *ctx_off, unsigned *size);

/*
 * The value of a load of size bytes at offset off of struct xdp_md, or -1 when that is not a
 * valid context access (only aligned 4-byte loads of its six fields are; sign-extending
 * (sext) only of the 32-bit ones, as the kernel allows: data, data_end, data_meta are
 * pointers).
 */
int vx_xdp_ctx_load(const void *ctx, uint32_t off, unsigned size, bool sext, uint64_t *val);

#endif /* VXBPF_XDP_PRIV_H */
