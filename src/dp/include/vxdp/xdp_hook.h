/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * xdp_hook.h - where a port's XDP program will run: on the frames switched toward that port,
 * as one batch, before any copy into the port. Not implemented yet (src/bpf is not linked):
 * every frame passes.
 */
#ifndef VXDP_XDP_HOOK_H
#define VXDP_XDP_HOOK_H

#include <vxdp/port.h>

/*
 * Run port's XDP program over pkts[0..n); keep the frames that pass at the front of pkts (in
 * order) and return how many. Frames it drops are counted in port->drop_xdp.
 */
unsigned int vx_dp_xdp_hook(struct vx_port *port, struct vx_dp_pkt *pkts, unsigned int n);

#endif /* VXDP_XDP_HOOK_H */
