/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * helpers_priv.h - helper implementations defined outside helpers.c, for its table.
 * All have the kernel's helper signature.
 */
#ifndef VXBPF_HELPERS_PRIV_H
#define VXBPF_HELPERS_PRIV_H

#include "vxbpf/helper.h"

#define VX_HELPER_DECL(name) \
	uint64_t name(uint64_t r1, uint64_t r2, uint64_t r3, uint64_t r4, uint64_t r5)

/* helpers_map.c */
VX_HELPER_DECL(vx_h_map_lookup_elem);
VX_HELPER_DECL(vx_h_map_update_elem);
VX_HELPER_DECL(vx_h_map_delete_elem);
VX_HELPER_DECL(vx_h_for_each_map_elem);
VX_HELPER_DECL(vx_h_ringbuf_output);
VX_HELPER_DECL(vx_h_ringbuf_reserve);
VX_HELPER_DECL(vx_h_ringbuf_submit);
VX_HELPER_DECL(vx_h_ringbuf_discard);
VX_HELPER_DECL(vx_h_ringbuf_query);

/* xdp.c */
VX_HELPER_DECL(vx_h_redirect);
VX_HELPER_DECL(vx_h_redirect_map);
VX_HELPER_DECL(vx_h_xdp_adjust_head);
VX_HELPER_DECL(vx_h_xdp_adjust_meta);
VX_HELPER_DECL(vx_h_xdp_adjust_tail);
VX_HELPER_DECL(vx_h_xdp_get_buff_len);

#endif /* VXBPF_HELPERS_PRIV_H */
