/* SPDX-License-Identifier: BSD-2-Clause */
/* sw_priv.h - the switch's insides, shared by its setup (switch.c) and its workers (worker.c). */
#ifndef VXDP_SW_PRIV_H
#define VXDP_SW_PRIV_H

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>

#include <vxdp/mac.h>
#include <vxdp/switch.h>
#include <vxdp/xdp_hook.h>

/* Host frame buffers per worker (VX_XDP_FRAME_SIZE each, allocated as first needed). */
#define VX_POOL_MAX		2048
/* TX/REDIRECT frames waiting for the next round, per worker. */
#define VX_AGAIN_MAX		1024

/* A frame a program sent back into the switch (TX) or to another port (REDIRECT). */
struct vx_again {
	struct vx_dp_pkt pkt;
	struct iovec iov;
	unsigned int src;		/* the port whose program sent it */
	unsigned int dst;		/* REDIRECT: the target port */
	bool redirect;
};

/* What a worker needs to run programs: frames, results, buffers, re-entry queues. */
struct vx_worker_xdp {
	struct vx_xdp_frame frames[VX_SW_BURST_MAX];
	struct vx_xdp_result res[VX_SW_BURST_MAX];
	struct vx_dp_pkt pass[VX_SW_BURST_MAX];
	struct iovec pass_iov[VX_SW_BURST_MAX];
	uint8_t *pool[VX_POOL_MAX];
	unsigned int pool_alloc, pool_used;
	struct vx_again again[2][VX_AGAIN_MAX];
	unsigned int nagain[2];
	unsigned int cur;		/* again[cur ^ 1] fills while again[cur] is switched */
};

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
	bool marked[VX_SW_MAX_PORTS];		/* in touched */
	struct vx_worker_xdp *xdp;		/* allocated with the worker */
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
	uint16_t ctl_etype;			/* 0: no guest channel */
	vx_sw_ctl_sink ctl_sink;
	void *ctl_arg;
};

void *vx_worker_main(void *arg);

/* xdp_hook.c: run x over the frames toward port dst, then handle the actions. */
void vx_xdp_flush(struct vx_worker *w, unsigned int dst, const struct vx_dp_xdp *x,
		  const struct vx_dp_pkt *pkts, unsigned int n);
/* worker.c: queue a frame (in a worker buffer) for the next round; false when full. */
bool vx_worker_again(struct vx_worker *w, const struct vx_again *a);
/* worker.c: copy a frame's first len bytes (false if it is shorter). */
bool vx_gather(const struct vx_dp_pkt *p, uint8_t *buf, size_t len);

#endif /* VXDP_SW_PRIV_H */
