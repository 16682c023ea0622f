// SPDX-License-Identifier: BSD-2-Clause
/* offload_limits.c - the registry's per-port quotas, request rate, counters and redirect policy. */
#include <errno.h>
#include <string.h>
#include <time.h>

#include "offload_priv.h"

#define DEF_OBJECTS	8
#define DEF_INSNS	262144
#define DEF_MAP_BYTES	(64ull << 20)
#define DEF_REQ_PER_S	1000

struct off_port *off_port(struct vx_offload *off, unsigned int port, struct vx_error *err)
{
	vx_error_clear(err);
	if (port >= vx_switch_nports(off->sw)) {
		vx_error_set(err, -1, "no port %u (the switch has %u)", port,
			     vx_switch_nports(off->sw));
		return NULL;
	}
	return &off->ports[port];
}

void off_limits_fill(struct vx_off_limits *lim, const struct vx_off_limits *dflt)
{
	if (!lim->max_objects)
		lim->max_objects = dflt ? dflt->max_objects : DEF_OBJECTS;
	if (!lim->max_insns)
		lim->max_insns = dflt ? dflt->max_insns : DEF_INSNS;
	if (!lim->max_map_bytes)
		lim->max_map_bytes = dflt ? dflt->max_map_bytes : DEF_MAP_BYTES;
	if (!lim->max_req_per_s)
		lim->max_req_per_s = dflt ? dflt->max_req_per_s : DEF_REQ_PER_S;
}

int vx_off_set_limits(struct vx_offload *off, unsigned int port, const struct vx_off_limits *lim)
{
	struct off_port *p = off_port(off, port, NULL);

	if (!p)
		return -ENODEV;
	p->lim = *lim;
	off_limits_fill(&p->lim, &off->defaults);
	return 0;
}

int vx_off_get_limits(struct vx_offload *off, unsigned int port, struct vx_off_limits *out)
{
	struct off_port *p = off_port(off, port, NULL);

	if (!p)
		return -ENODEV;
	*out = p->lim;
	return 0;
}

static uint64_t mono_ns(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (uint64_t)t.tv_sec * 1000000000ull + (uint64_t)t.tv_nsec;
}

/* Token bucket: max_req_per_s tokens a second, at most one second's worth saved. */
int vx_off_charge_request(struct vx_offload *off, unsigned int port)
{
	struct off_port *p = off_port(off, port, NULL);
	double rate, now;

	if (!p)
		return -ENODEV;
	rate = p->lim.max_req_per_s;
	now = (double)mono_ns();
	if (!p->last_ns)
		p->tokens = rate;
	else
		p->tokens += (now - (double)p->last_ns) * rate / 1e9;
	if (p->tokens > rate)
		p->tokens = rate;
	p->last_ns = (uint64_t)now;
	if (p->tokens < 1)
		return -EBUSY;
	p->tokens -= 1;
	return 0;
}

void vx_off_count_request(struct vx_offload *off, unsigned int port, int refused)
{
	struct off_port *p = off_port(off, port, NULL);

	if (!p)
		return;
	p->requests++;
	if (refused)
		p->requests_refused++;
}

void vx_off_counters(struct vx_offload *off, unsigned int port, struct vx_off_counters *out)
{
	struct off_port *p = off_port(off, port, NULL);
	struct vx_port_stats s;

	memset(out, 0, sizeof(*out));
	if (!p)
		return;
	vx_port_stats(vx_switch_port(off->sw, port), &s);
	out->runs = s.xdp.runs;
	out->aborted = s.xdp.aborted;
	out->drop = s.xdp.drop;
	out->pass = s.xdp.pass;
	out->tx = s.xdp.tx;
	out->redirect = s.xdp.redirect;
	out->redirect_denied = s.xdp.redirect_denied;
	out->loop_drop = s.xdp.loop_drop;
	out->requests = p->requests;
	out->requests_refused = p->requests_refused;
}

int vx_off_allow_redirect(struct vx_offload *off, unsigned int from, unsigned int to, int allow)
{
	unsigned int n = vx_switch_nports(off->sw);

	if (from >= n || to >= n)
		return -ENODEV;
	vx_dp_xdp_allow_redirect(vx_switch_port(off->sw, from), to, allow);
	return 0;
}

int vx_off_redirect_allowed(struct vx_offload *off, unsigned int from, unsigned int to)
{
	unsigned int n = vx_switch_nports(off->sw);

	if (from >= n || to >= n)
		return 0;
	return vx_dp_xdp_redirect_allowed(vx_switch_port(off->sw, from), to);
}
