/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * switch.h - the switch: ports, forwarding (MAC learning with flooding, or static
 * cross-connect) and the poll-mode worker threads that move frames between ports.
 *
 * Threading: vx_switch_new/add_port/start/stop/free on the control thread; the workers
 * own the ports' receive sides; vx_switch_port and counters may be read from any thread
 * once started (ports are never added after start).
 */
#ifndef VXDP_SWITCH_H
#define VXDP_SWITCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <vxdp/port.h>

#define VX_SW_MAX_PORTS		64
#define VX_SW_MAX_WORKERS	64
#define VX_SW_BURST_MIN		32
#define VX_SW_BURST_MAX		256

enum vx_sw_mode {
	VX_SW_LEARN,		/* MAC learning, flooding of unknown and group destinations */
	VX_SW_XCONNECT,		/* ports paired in order: 1st-2nd, 3rd-4th, ... */
};

struct vx_sw_cfg {
	enum vx_sw_mode mode;
	unsigned int burst;		/* VX_SW_BURST_MIN..MAX; 0: 64 */
	unsigned int nworkers;		/* 0: 1 (ignored when ncores is set) */
	unsigned int ncores;		/* 0: workers not pinned; else one worker per core */
	int cores[VX_SW_MAX_WORKERS];
	unsigned int age_s;		/* MAC aging; 0: 300 */
};

struct vx_switch_stats {
	uint64_t flooded;		/* frames sent to every other port */
	uint64_t polls, idle_polls;
	unsigned int macs;		/* live MAC table entries */
};

struct vx_switch;

struct vx_switch *vx_switch_new(const struct vx_sw_cfg *cfg);
/* The switch owns the port from here (also on failure). 0 or -errno (-EEXIST: same name). */
int vx_switch_add_port(struct vx_switch *sw, struct vx_port *port);
/* Start the workers. 0 or -errno (e.g. a core that cannot be used). */
int vx_switch_start(struct vx_switch *sw);
/* Stop and join the workers. */
void vx_switch_stop(struct vx_switch *sw);
/* Stops if needed, destroys every port. */
void vx_switch_free(struct vx_switch *sw);

unsigned int vx_switch_nports(const struct vx_switch *sw);
struct vx_port *vx_switch_port(const struct vx_switch *sw, unsigned int i);
struct vx_port *vx_switch_port_by_name(const struct vx_switch *sw, const char *name);
enum vx_sw_mode vx_switch_mode(const struct vx_switch *sw);
const char *vx_sw_mode_name(enum vx_sw_mode mode);
/* The worker that owns port i's receive side. */
unsigned int vx_switch_port_worker(const struct vx_switch *sw, unsigned int i);
void vx_switch_stats(const struct vx_switch *sw, struct vx_switch_stats *out);
const struct vx_sw_cfg *vx_switch_cfg(const struct vx_switch *sw);

/*
 * The guest channel's hooks (src/offload). Frames of EtherType etype received from a guest
 * (vhost-user) port are not switched: the worker hands each to sink on the worker thread (the
 * sink copies what it needs and returns quickly). The same EtherType under one VLAN tag
 * (0x8100 or 0x88a8) is dropped and counted (drop_ctl), never switched nor handed over.
 * From host-side ports (tap) such frames are dropped and counted (drop_ctl). They never reach
 * any port's XDP hook: they are consumed before switching. Call before vx_switch_start().
 */
typedef void (*vx_sw_ctl_sink)(void *arg, unsigned int port, const struct vx_dp_pkt *pkt);
void vx_switch_set_ctl_sink(struct vx_switch *sw, uint16_t etype, vx_sw_ctl_sink sink,
			    void *arg);
/*
 * Send one frame to port from the control thread: copied, through the port's tx lock, NOT
 * through its XDP hook. 0 or -errno (-EAGAIN: no room; -EINVAL: no such port or bad length).
 */
int vx_switch_send(struct vx_switch *sw, unsigned int port, const void *frame, size_t len);

#endif /* VXDP_SWITCH_H */
