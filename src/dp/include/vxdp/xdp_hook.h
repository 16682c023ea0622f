/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * xdp_hook.h - a port's XDP hook: the program that runs, in batches, on the frames switched
 * toward that port before any copy into it (the switch's workers run it; see docs/offload.md).
 *
 * The control thread publishes a program with vx_dp_xdp_publish() (RCU: the workers are QSBR
 * readers and pass a quiescent state every round); the previous one is returned and may be
 * freed, with everything it references, only after vx_rcu_synchronize().
 */
#ifndef VXDP_XDP_HOOK_H
#define VXDP_XDP_HOOK_H

#include <stdbool.h>
#include <stdint.h>

#include <vxbpf/xdp.h>
#include <vxdp/port.h>

/* Re-entries of TX/REDIRECT frames into the switch after the first pass (then loop_drop). */
#define VX_DP_XDP_MAX_ROUNDS	4

struct vx_dp_xdp {
	const struct vx_prog *prog;	/* prepared for engine */
	enum vx_engine engine;
	uint32_t ifindex;		/* the program's ingress_ifindex */
	char name[96];			/* for traces: "ID/PROGRAM" */
};

/* Attach x (NULL: detach) to port's hook; returns what was attached before. Control thread. */
struct vx_dp_xdp *vx_dp_xdp_publish(struct vx_port *port, struct vx_dp_xdp *x);
/* Host policy: may port from's program redirect frames to port index to? Default: no. */
void vx_dp_xdp_allow_redirect(struct vx_port *from, unsigned int to, bool allow);
bool vx_dp_xdp_redirect_allowed(const struct vx_port *from, unsigned int to);

/* The ifindex programs see for switch port i (devmap entries, bpf_redirect): i + 1. */
static inline uint32_t vx_dp_port_ifindex(unsigned int i)
{
	return i + 1;
}

#endif /* VXDP_XDP_HOOK_H */
