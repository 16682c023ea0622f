/* SPDX-License-Identifier: BSD-2-Clause */
/* offload_priv.h - the registry's insides, shared by objects/attach (offload.c) and quotas,
 * counters and policy (offload_limits.c). */
#ifndef VXOFFLOAD_OFFLOAD_PRIV_H
#define VXOFFLOAD_OFFLOAD_PRIV_H

#include <vxbpf/obj.h>
#include <vxdp/xdp_hook.h>
#include <vxoffload/offload.h>

struct off_obj {
	struct off_obj *next;		/* the port's list, oldest first */
	uint32_t id;
	char name[VX_OFF_NAME_MAX];
	enum vx_off_origin origin;
	struct vx_obj *obj;
	unsigned int insns;
	uint64_t map_bytes;
};

struct off_port {
	struct off_obj *objs;
	uint32_t next_id;
	struct vx_off_limits lim;
	unsigned int nobjs, insns;	/* in use, every origin */
	uint64_t map_bytes;
	struct vx_dp_xdp *attached;	/* also published in the switch port */
	struct off_obj *attached_obj;
	double tokens;			/* request rate: token bucket */
	uint64_t last_ns;
	uint64_t requests, requests_refused;
};

struct vx_offload {
	struct vx_switch *sw;
	struct vx_off_limits defaults;
	enum vx_engine engine;
	struct off_port ports[VX_SW_MAX_PORTS];
};

/* The port's state, or NULL with err set (-ENODEV) when the switch has no such port. */
struct off_port *off_port(struct vx_offload *off, unsigned int port, struct vx_error *err);
/* Fill the zero fields of lim with the defaults. */
void off_limits_fill(struct vx_off_limits *lim, const struct vx_off_limits *dflt);

#endif /* VXOFFLOAD_OFFLOAD_PRIV_H */
