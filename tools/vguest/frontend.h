/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * frontend.h - vguest's library: a userspace virtio-net driver speaking vhost-user as the
 * frontend (what QEMU and a guest driver do together), with its memory in memfds.
 * Single-threaded: one thread owns a struct vg_fe.
 */
#ifndef VGUEST_FRONTEND_H
#define VGUEST_FRONTEND_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <vxvirtio/virtio.h>

#define VG_MAX_REGIONS	4
#define VG_TX_BUF	(65536 + 4096)

struct vg_cfg {
	const char *path;
	bool server;		/* listen on path and wait for the backend */
	bool mrg_rxbuf, event_idx, indirect;
	bool no_interrupt;	/* without EVENT_IDX: set VRING_AVAIL_F_NO_INTERRUPT */
	bool no_protocol;	/* do not negotiate VHOST_USER_F_PROTOCOL_FEATURES */
	unsigned int qsize;	/* ring size, default 256 */
	unsigned int nregions;	/* memory regions, default 2 */
	size_t region_size;	/* default 32 MiB */
	unsigned int rx_buf_size;	/* bytes per receive buffer, default 2048 */
	unsigned int rx_bufs;	/* receive buffers posted at start, default qsize */
	bool rx_none;		/* post no receive buffers at all */
	int timeout_ms;		/* connect/accept and replies, default 5000 */
};

struct vg_region {
	int fd;
	uint8_t *base;
	size_t size;
	uint64_t gpa;
	size_t used;		/* bump allocator */
};

struct vg_ring {
	unsigned int num;
	struct vx_vring_desc *desc;
	struct vx_vring_avail *avail;
	struct vx_vring_used *used;
	uint16_t avail_idx, last_used;
	int kick_fd, call_fd;
	uint64_t kicks;
};

struct vg_stats {
	uint64_t sent, sent_bytes, send_full;
	uint64_t received, received_bytes, rx_bad;
	uint64_t kicks, calls;
};

struct vg_fe {
	struct vg_cfg cfg;
	int sock, listen_fd;
	uint64_t features, proto;
	struct vg_region mem[VG_MAX_REGIONS];
	struct vg_ring rx, tx;		/* queue 0, queue 1 */
	uint8_t *rx_buf;		/* rx_buf_size per descriptor, in the last region */
	uint64_t rx_buf_gpa;
	uint8_t *tx_buf;		/* VG_TX_BUF per slot */
	uint64_t tx_buf_gpa;
	struct vx_vring_desc *tx_ind;	/* two-entry indirect table per slot */
	uint64_t tx_ind_gpa;
	uint16_t *tx_free;		/* free slots (stack) */
	unsigned int tx_nfree, tx_slots;
	struct vg_stats st;
};

/* Create memory and connect (or accept); no negotiation yet. 0 or -errno. */
int vg_open(struct vg_fe *fe, const struct vg_cfg *cfg);
/* Features, memory table, both rings, receive buffers posted. 0 or -errno. */
int vg_setup(struct vg_fe *fe);
void vg_close(struct vg_fe *fe);

/* Queue one frame (header added); -EAGAIN when the ring is full. Kicks when needed. */
int vg_send(struct vg_fe *fe, const void *frame, size_t len);
/* Take one received frame: its length (copied up to cap), 0 when none, -EIO on a bad entry. */
int vg_recv(struct vg_fe *fe, void *buf, size_t cap);
/* Reclaim transmitted buffers. */
void vg_tx_reclaim(struct vg_fe *fe);
/* Read the call eventfds without blocking; count the calls. */
void vg_drain_calls(struct vg_fe *fe);

/* Guest-physical address of a pointer into our memory (0 if not ours). */
uint64_t vg_gpa(const struct vg_fe *fe, const void *p);
/* Frontend virtual address as sent in SET_VRING_ADDR and the memory table. */
uint64_t vg_uva(const void *p);
/* Raw bytes from the bump allocator of region r (for hand-made rings in tests). */
void *vg_alloc(struct vg_fe *fe, unsigned int r, size_t size, size_t align);

/* Raw protocol access, for tests. */
int vg_msg_send(struct vg_fe *fe, uint32_t req, uint32_t flags, const void *payload,
		uint32_t size, const int *fds, unsigned int nfds);
/* Wait for one reply; returns payload size or -errno (-EPIPE: closed). */
int vg_msg_recv(struct vg_fe *fe, struct vx_vhost_user_hdr *hdr, void *payload, size_t cap);
/* Send with NEED_REPLY when REPLY_ACK is negotiated and wait: the ack value, or -errno. */
int vg_request(struct vg_fe *fe, uint32_t req, const void *payload, uint32_t size,
	       const int *fds, unsigned int nfds);
int vg_get_u64(struct vg_fe *fe, uint32_t req, uint64_t *out);
/* True when the backend closed the connection within timeout_ms. */
bool vg_wait_closed(struct vg_fe *fe, int timeout_ms);

/* Send the memory table again (as QEMU does on memory hotplug). */
int vg_resend_mem_table(struct vg_fe *fe);
/* Stop both rings (GET_VRING_BASE: the backend's next avail index in base[q]) and start them
 * again from where they stopped, as QEMU does when a guest's link goes down and up. */
int vg_restart_rings(struct vg_fe *fe, uint32_t base[2]);

/* Kick a ring now (after hand-made changes). */
void vg_kick(struct vg_ring *r);

#endif /* VGUEST_FRONTEND_H */
