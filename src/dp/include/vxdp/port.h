/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * port.h - the one port interface of the switch: burst receive into the switch, burst
 * transmit out, and counters (packets and bytes each way, drops by reason).
 *
 * Threading: rx_burst/rx_release are called by the one worker that owns the port's receive
 * side; tx_burst may be called by any worker (the switch serialises it per port with tx_lock);
 * stats by any thread; ctl_fd/ctl_process/destroy by the control thread.
 */
#ifndef VXDP_PORT_H
#define VXDP_PORT_H

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/uio.h>

#define VX_PORT_NAME_MAX	32

/* One frame as the switch sees it: segments read in place (the source port's memory). */
struct vx_dp_pkt {
	const struct iovec *iov;
	unsigned int niov;
	uint32_t len;
};

/* The port's XDP hook (xdp_hook.h), per action and per kind of refusal. */
struct vx_xdp_counters {
	uint64_t runs;			/* frames the program ran on */
	uint64_t aborted, drop, pass, tx, redirect;
	uint64_t redirect_denied;	/* REDIRECT the host policy refuses, or to no port */
	uint64_t loop_drop;		/* TX/REDIRECT chains cut at the re-entry limit */
	uint64_t too_long;		/* longer than an XDP frame holds (VX_XDP_MAX_DATA) */
	uint64_t no_buf;		/* the worker's frame buffers ran out */
};

struct vx_port_stats {
	uint64_t rx_packets, rx_bytes;		/* into the switch */
	uint64_t tx_packets, tx_bytes;		/* out of the switch */
	/* Drops toward the port, by reason. */
	uint64_t drop_ring_full;	/* no receive buffers posted (full ring) */
	uint64_t drop_too_long;
	uint64_t drop_not_ready;	/* not connected, queue disabled or busy */
	uint64_t drop_broken;		/* queue found broken */
	uint64_t drop_xdp;		/* dropped by the port's XDP hook, any reason (xdp.*) */
	/* Drops of frames received from the port. */
	uint64_t drop_no_dest;		/* nowhere to go (unpaired, or back to the ingress port) */
	uint64_t rx_malformed;
	uint64_t connects, disconnects;
	/* Frames of the guest channel's EtherType (see vx_switch_set_ctl_sink). */
	uint64_t ctl_rx;		/* handed to the channel */
	uint64_t drop_ctl;		/* from a host-side port, VLAN-tagged, or from a program */
	struct vx_xdp_counters xdp;
};

struct vx_port;
struct vx_dp_xdp;

struct vx_port_ops {
	const char *type;
	bool guest;	/* a VM's NIC: may speak the guest channel (host-side ports never do) */
	unsigned int (*rx_burst)(struct vx_port *port, struct vx_dp_pkt *pkts, unsigned int max);
	void (*rx_release)(struct vx_port *port);
	/* Returns how many were delivered; the rest are dropped and counted by the port. */
	unsigned int (*tx_burst)(struct vx_port *port, const struct vx_dp_pkt *pkts,
				 unsigned int n);
	void (*stats)(struct vx_port *port, struct vx_port_stats *out);
	bool (*connected)(struct vx_port *port);
	int (*ctl_fd)(struct vx_port *port);		/* -1: none */
	void (*ctl_process)(struct vx_port *port);
	void (*destroy)(struct vx_port *port);
};

struct vx_port {
	const struct vx_port_ops *ops;
	char name[VX_PORT_NAME_MAX];
	char desc[128];			/* e.g. "vhost-user:/path,server" */
	unsigned int index;		/* in the switch */
	pthread_mutex_t tx_lock;
	/* Counted by the switch (relaxed atomics). */
	uint64_t drop_no_dest, drop_xdp;
	uint64_t ctl_rx, drop_ctl;
	/* The XDP hook (xdp_hook.h): the attached program (RCU), redirect policy, counters. */
	struct vx_dp_xdp *xdp;
	uint64_t redirect_allow;	/* bit i: may redirect to port i */
	struct vx_xdp_counters xc;
	uint64_t trace_ns, trace_suppressed;
};

/* Fill the common fields (ops, name, desc); 0 or -EINVAL (name empty or too long). */
int vx_port_init(struct vx_port *port, const struct vx_port_ops *ops, const char *name,
		 const char *desc);
/* Port counters plus the switch's own per-port counters. */
void vx_port_stats(struct vx_port *port, struct vx_port_stats *out);
void vx_port_destroy(struct vx_port *port);

/* A vhost-user port (src/virtio) on a Unix socket; server mode unless client. NULL and errno. */
struct vx_port *vx_port_vhost_new(const char *name, const char *path, bool client);

/*
 * A tap port: creates (or attaches to) the tap interface ifname and brings it up; frames go
 * to and from the host's stack. NULL and errno: ENOENT no /dev/net/tun, EPERM no
 * CAP_NET_ADMIN, ENAMETOOLONG ifname too long, EBUSY in use, EINVAL not a tap.
 */
struct vx_port *vx_port_tap_new(const char *name, const char *ifname);

#endif /* VXDP_PORT_H */
