/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * vxoffload/chan_client.h - the guest side of the guest channel: requests with retransmission
 * (same id, so the host answers a duplicate from its cache), and chunked object upload with a
 * window of chunks in flight. No I/O of its own: the caller gives a transport (vxdp-guest an
 * AF_PACKET socket, vguest its userspace virtio-net frontend), so it needs no switch.
 */
#ifndef VXOFFLOAD_CHAN_CLIENT_H
#define VXOFFLOAD_CHAN_CLIENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <vxoffload/chan_proto.h>

struct vx_chan_transport {
	/* Send one Ethernet frame: 0 or a negative errno. */
	int (*send)(void *arg, const void *frame, size_t len);
	/* Receive one frame within timeout_ms: its length, 0 on timeout, or a negative errno. */
	int (*recv)(void *arg, void *buf, size_t cap, int timeout_ms);
	void *arg;
};

struct vx_chan_client {
	struct vx_chan_transport t;
	uint8_t mac[6];			/* ours: the source of requests */
	uint8_t host[6];		/* the destination (any works; VX_CHAN_HOST_MAC default) */
	uint32_t next_id;
	int timeout_ms;			/* per try; default 500 */
	unsigned int retries;		/* retransmissions per request; default 6 */
	unsigned int window;		/* chunks in flight; default 16 */
	uint16_t chunk;			/* chunk size; default 1408 */
	uint64_t sent, retransmits, stray;
	char err[512];			/* the last error in words */
	uint8_t reply[VX_CHAN_FRAME_MAX];
};

void vx_chan_client_init(struct vx_chan_client *c, const struct vx_chan_transport *t,
			 const uint8_t mac[6]);

/*
 * One request (req->id is assigned). 0 with *body over the reply's body (valid until the next
 * call); a positive errno the host answered (c->err holds its text); a negative errno locally
 * (-ETIMEDOUT: no answer after all retries; c->err says so).
 */
int vx_chan_call(struct vx_chan_client *c, struct vx_chan_req *req, struct vx_chan_rd *body);

/*
 * Upload an object and load it (attach it too when attach: prog NULL or "" for the first
 * program, ifindex what it reads as ingress_ifindex). 0 and *id, or as vx_chan_call.
 */
int vx_chan_load(struct vx_chan_client *c, const void *obj, size_t len, const char *name,
		 bool attach, const char *prog, uint32_t ifindex, uint32_t *id);

#endif /* VXOFFLOAD_CHAN_CLIENT_H */
