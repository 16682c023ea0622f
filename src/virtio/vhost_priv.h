/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * vhost_priv.h - the device object and the message layer, shared by vhost.c, handle.c, msg.c
 * and net.c (and the fuzz targets).
 */
#ifndef VXVIRTIO_VHOST_PRIV_H
#define VXVIRTIO_VHOST_PRIV_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/un.h>

#include <vxvirtio/mem.h>
#include <vxvirtio/net.h>
#include <vxvirtio/vhost.h>
#include <vxvirtio/vq.h>

#define VX_NET_NQUEUES		2
#define VX_NET_RXQ		0	/* the guest's receive queue: we write */
#define VX_NET_TXQ		1	/* the guest's transmit queue: we read */
#define VX_NET_IOV_POOL		4096

#define VX_OFFERED_FEATURES (VX_BIT(VX_VIRTIO_F_VERSION_1) | VX_BIT(VX_VIRTIO_NET_F_MRG_RXBUF) | \
	VX_BIT(VX_VIRTIO_RING_F_EVENT_IDX) | VX_BIT(VX_VIRTIO_RING_F_INDIRECT_DESC) | \
	VX_BIT(VX_VHOST_USER_F_PROTOCOL_FEATURES) | VX_BIT(VX_VIRTIO_NET_F_MTU))
#define VX_OFFERED_PROTOCOL (VX_BIT(VX_VHOST_USER_PROTOCOL_F_REPLY_ACK) | \
	VX_BIT(VX_VHOST_USER_PROTOCOL_F_MTU))

struct vx_msg {
	struct vx_vhost_user_hdr hdr;
	union {
		uint64_t u64;
		struct vx_vhost_user_state state;
		struct vx_vhost_user_addr addr;
		struct vx_vhost_user_mem mem;
		uint8_t raw[VX_VHOST_USER_MAX_PAYLOAD];
	} p;
	int fds[VX_VHOST_USER_MAX_FDS];
	unsigned int nfds;
};

/* A message being received: wire bytes so far and fds so far. */
struct vx_msg_rx {
	uint8_t buf[VX_VHOST_USER_HDR_SIZE + VX_VHOST_USER_MAX_PAYLOAD];
	size_t have;
	int fds[VX_VHOST_USER_MAX_FDS];
	unsigned int nfds;
	bool fd_overflow;
};

struct vx_vhost_stats_ctl {
	uint64_t connects, disconnects, protocol_errors, refused;
};

struct vx_vhost_dev {
	char name[64];
	struct sockaddr_un addr;
	bool server;
	int epfd, listen_fd, conn_fd, timer_fd;
	unsigned int backoff_ms, backoff_min, backoff_max;

	uint64_t offered, features, offered_proto, proto_features;
	bool owner;
	uint32_t mtu;
	/* Derived from features; written with every queue locked. */
	uint32_t hdr_len;
	bool mrg_rxbuf;

	struct vx_mem mem;
	struct vx_vq vq[VX_NET_NQUEUES];
	struct vx_msg_rx rx;

	uint32_t generation;
	bool ready;
	struct vx_vhost_stats_ctl ctl;
	/* Datapath counters, updated with relaxed atomics by the workers. */
	struct vx_vhost_stats dp;

	/* Worker scratch for the queue it holds. */
	struct iovec rx_pool[VX_NET_IOV_POOL];
	uint16_t rx_heads[VX_NET_BURST_MAX];
	unsigned int rx_nheads;
	bool rx_held;
	struct iovec tx_iov[VX_VQ_MAX_IOV];
};

/* msg.c */
enum vx_msg_status { VX_MSG_MORE = 0, VX_MSG_DONE = 1 };
/*
 * Receive (nonblocking) towards one whole message, never reading past it: VX_MSG_DONE (moved
 * into m, rx emptied), VX_MSG_MORE, or -errno (-EPROTO: malformed header, -EPIPE: closed).
 */
int vx_msg_recv(int fd, struct vx_msg_rx *rx, struct vx_msg *m);
void vx_msg_rx_reset(struct vx_msg_rx *rx);
/* Decode wire bytes (header + payload) into m: 0 or -EPROTO. For fuzzing and tests. */
int vx_msg_decode(const uint8_t *buf, size_t len, struct vx_msg *m);
/* Check header and payload size of a complete message: 0 or -EPROTO. */
int vx_msg_check(const struct vx_msg *m);
int vx_msg_send(int fd, const struct vx_msg *m);
void vx_msg_close_fds(struct vx_msg *m);
const char *vx_msg_name(uint32_t req);

/* handle.c: 0 (reply set if reply->hdr.request), -EPROTO (close), -ENOTSUP (refused). */
int vx_vhost_handle(struct vx_vhost_dev *dev, struct vx_msg *m, struct vx_msg *reply);
/* Forget everything the frontend set up; queues locked inside. */
void vx_vhost_reset_state(struct vx_vhost_dev *dev);
void vx_vhost_lock_all(struct vx_vhost_dev *dev);
void vx_vhost_unlock_all(struct vx_vhost_dev *dev);
void vx_vhost_changed(struct vx_vhost_dev *dev);

/* vhost.c: a device with no socket (fuzzing, tests of the handler). */
int vx_vhost_init_detached(struct vx_vhost_dev *dev, const char *name);
void vx_vhost_fini_detached(struct vx_vhost_dev *dev);
/* Handle one complete message as if received; false if the connection would be closed. */
bool vx_vhost_dispatch(struct vx_vhost_dev *dev, struct vx_msg *m);

#endif /* VXVIRTIO_VHOST_PRIV_H */
