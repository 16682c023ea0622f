/* SPDX-License-Identifier: BSD-2-Clause */
/* sw_priv.h - the switch's insides, shared by its setup (switch.c) and its workers (worker.c). */
#ifndef VXDP_SW_PRIV_H
#define VXDP_SW_PRIV_H

#include <pthread.h>
#include <stdbool.h>

#include <vxdp/mac.h>
#include <vxdp/switch.h>

struct vx_worker {
	struct vx_switch *sw;
	unsigned int id;
	int core;
	pthread_t thread;
	bool running;
	unsigned int ports[VX_SW_MAX_PORTS];	/* ports whose receive side this worker owns */
	unsigned int nports;
	unsigned int next;			/* round-robin start */
	struct vx_dp_pkt *rx;			/* one burst */
	struct vx_dp_pkt *out;			/* burst per destination port */
	unsigned int nout[VX_SW_MAX_PORTS];
	unsigned int touched[VX_SW_MAX_PORTS];	/* destinations with frames in this burst */
	unsigned int ntouched;
	uint64_t polls, idle_polls, flooded;	/* relaxed atomics */
};

struct vx_switch {
	struct vx_sw_cfg cfg;
	struct vx_port *ports[VX_SW_MAX_PORTS];
	unsigned int nports;
	struct vx_mac_table macs;
	struct vx_worker workers[VX_SW_MAX_WORKERS];
	bool started;
	bool stop;				/* atomic */
};

void *vx_worker_main(void *arg);

#endif /* VXDP_SW_PRIV_H */
