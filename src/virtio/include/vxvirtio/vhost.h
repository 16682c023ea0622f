/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * vhost.h - a vhost-user backend for one virtio-net device on one Unix socket (server or
 * client mode), driven by a control thread, with counters for both threads.
 *
 * Threading contract
 * - Control thread (one per device, may serve many devices): vx_vhost_new, vx_vhost_free,
 *   vx_vhost_fd, vx_vhost_process. It polls vx_vhost_fd() for POLLIN and then calls
 *   vx_vhost_process(), which never blocks on the frontend. Messages that change a queue (or the
 *   memory table, the features, a disconnect) are applied while holding that queue's lock (all
 *   queues' locks, in index order, for device-wide changes).
 * - Worker thread (one per queue at a time): the vx_net_* burst calls of net.h. Each burst takes
 *   its queue's lock with trylock: when the control thread is changing the queue the burst does
 *   nothing (frames toward the guest are dropped and counted as not ready), so a worker never
 *   waits for the control thread. vx_net_rx_burst keeps the lock until vx_net_rx_release, on the
 *   same thread, so guest memory cannot be unmapped under frames still in use.
 * - Any thread: vx_vhost_stats, vx_vhost_ready, vx_vhost_generation. The generation counter is
 *   bumped (release) after every control message and every connect/disconnect; a worker that
 *   caches anything about the device compares it (acquire) between bursts. vx_vhost_ready()
 *   says both queues were usable after the last control message (a queue the worker later
 *   finds broken shows in the counters, and its bursts do nothing).
 * - vx_vhost_connected and vx_vhost_features: control thread.
 * Guest memory stays mapped while any queue lock is held; it is unmapped only after a new
 * memory table or a disconnect has been installed under every queue's lock.
 */
#ifndef VXVIRTIO_VHOST_H
#define VXVIRTIO_VHOST_H

#include <stdbool.h>
#include <stdint.h>

struct vx_vhost_dev;

struct vx_vhost_cfg {
	const char *path;		/* Unix socket path */
	const char *name;		/* for log lines; defaults to the path */
	bool server;			/* listen (true) or connect (false) */
	unsigned int reconnect_min_ms;	/* client mode backoff; default 100 */
	unsigned int reconnect_max_ms;	/* default 5000 */
	uint64_t features_mask;		/* 0: offer everything supported; else offer only these */
};

struct vx_vhost_stats {
	/* Datapath, from the switch's view: rx = from the guest, tx = to the guest. */
	uint64_t rx_packets, rx_bytes;
	uint64_t tx_packets, tx_bytes;
	uint64_t drop_no_buffers;	/* to the guest: no RX buffers posted */
	uint64_t drop_too_long;		/* to the guest: frame larger than allowed / than a chain */
	uint64_t drop_broken;		/* to the guest: queue broken */
	uint64_t drop_not_ready;	/* to the guest: queue not set up, disabled, or busy */
	uint64_t rx_malformed;		/* from the guest: chain shorter than the virtio-net header */
	uint64_t queue_breaks;		/* rings found broken (each logged) */
	uint64_t calls;			/* notifications sent to the guest */
	/* Control. */
	uint64_t connects, disconnects;
	uint64_t protocol_errors;	/* connections closed for a malformed message */
	uint64_t refused;		/* well-formed requests refused (e.g. dirty logging) */
};

/* Create the device and its socket (server: bound and listening now). NULL and errno. */
struct vx_vhost_dev *vx_vhost_new(const struct vx_vhost_cfg *cfg);
void vx_vhost_free(struct vx_vhost_dev *dev);

/* One fd for the control thread to poll (POLLIN); stable for the device's life. */
int vx_vhost_fd(const struct vx_vhost_dev *dev);
/* Handle whatever is pending: accept/connect, messages, disconnects. Never blocks. */
void vx_vhost_process(struct vx_vhost_dev *dev);

bool vx_vhost_connected(const struct vx_vhost_dev *dev);
bool vx_vhost_ready(const struct vx_vhost_dev *dev);
uint32_t vx_vhost_generation(const struct vx_vhost_dev *dev);
/* Negotiated virtio features (0 when not connected). */
uint64_t vx_vhost_features(const struct vx_vhost_dev *dev);
void vx_vhost_stats(const struct vx_vhost_dev *dev, struct vx_vhost_stats *out);

#endif /* VXVIRTIO_VHOST_H */
