/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * idle_switch.h - a switch of ports that do nothing, never started: enough for an offload
 * registry and the guest channel's server in tests and the fuzz target.
 */
#ifndef VXDP_TESTS_IDLE_SWITCH_H
#define VXDP_TESTS_IDLE_SWITCH_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <vxdp/switch.h>

/* Ports that do nothing: the registry needs a switch, the test never starts it. */
static inline unsigned int idle_rx(struct vx_port *p, struct vx_dp_pkt *pk, unsigned int max)
{
	(void)p; (void)pk; (void)max;
	return 0;
}
static inline void idle_release(struct vx_port *p) { (void)p; }
static inline unsigned int idle_tx(struct vx_port *p, const struct vx_dp_pkt *pk, unsigned int n)
{
	(void)p; (void)pk;
	return n;
}
static inline void idle_stats(struct vx_port *p, struct vx_port_stats *s)
{
	(void)p;
	memset(s, 0, sizeof(*s));
}
static inline bool idle_connected(struct vx_port *p) { (void)p; return true; }
static inline int idle_fd(struct vx_port *p) { (void)p; return -1; }
static inline void idle_destroy(struct vx_port *p) { free(p); }

static const struct vx_port_ops idle_ops = {
	.type = "idle", .rx_burst = idle_rx, .rx_release = idle_release, .tx_burst = idle_tx,
	.stats = idle_stats, .connected = idle_connected, .ctl_fd = idle_fd,
	.ctl_process = idle_release, .destroy = idle_destroy,
};

static inline struct vx_switch *idle_switch(unsigned int nports)
{
	struct vx_sw_cfg cfg = { .mode = VX_SW_LEARN };
	struct vx_switch *sw = vx_switch_new(&cfg);
	unsigned int i;

	for (i = 0; sw && i < nports; i++) {
		struct vx_port *p = calloc(1, sizeof(*p));
		char name[16];

		snprintf(name, sizeof(name), "g%u", i);
		if (!p || vx_port_init(p, &idle_ops, name, "idle") || vx_switch_add_port(sw, p))
			return NULL;
	}
	return sw;
}

#endif /* VXDP_TESTS_IDLE_SWITCH_H */
