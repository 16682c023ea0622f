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

struct vx_port_stats {
	uint64_t rx_packets, rx_bytes;		/* into the switch */
	uint64_t tx_packets, tx_bytes;		/* out of the switch */
	/* Drops toward the port, by reason. */
	uint64_t drop_ring_full;	/* no receive buffers posted (full ring) */
	uint64_t drop_too_long;
	uint64_t drop_not_ready;	/* not connected, queue disabled or busy */
	uint64_t drop_broken;		/* queue found broken */
	uint64_t drop_xdp;		/* dropped by the port's XDP program (hook) */
	/* Drops of frames received from the port. */
	uint64_t drop_no_dest;		/* nowhere to go (unpaired, or back to the ingress port) */
	uint64_t rx_malformed;
	uint64_t connects, disconnects;
};

struct vx_port;

struct vx_port_ops {
	const char *type;
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
