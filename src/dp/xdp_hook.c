// SPDX-License-Identifier: BSD-2-Clause
/*
 * xdp_hook.c - the per-port XDP hook on frames switched toward a port. Not implemented yet:
 * src/offload will attach programs here; until then every frame passes unchanged.
 */
#include <vxdp/xdp_hook.h>

unsigned int vx_dp_xdp_hook(struct vx_port *port, struct vx_dp_pkt *pkts, unsigned int n)
{
	(void)port;
	(void)pkts;
	return n;
}
