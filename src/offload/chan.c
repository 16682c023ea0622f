// SPDX-License-Identifier: BSD-2-Clause
/*
 * chan.c - the guest channel's server: the switch's sink for offload frames (a bounded
 * single-producer queue per port, filled on the worker that owns the port), and the control
 * thread's side: parse, answer duplicates from the reply cache, charge the port's request rate,
 * do the request (chan_ops.c) and send the reply back into the port.
 */
#include <errno.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <time.h>
#include <unistd.h>

#include <vxoffload/chan.h>

#include "chan_priv.h"

#define CHAN_QLEN	32	/* frames waiting per port */
#define CHAN_BUDGET	16	/* frames per port per vx_chan_process() */
#define CHAN_MIN_FRAME	60	/* replies are padded to the Ethernet minimum */

struct chan_slot {
	uint16_t len;
	bool oversize;
	uint8_t data[VX_CHAN_FRAME_MAX];
};

struct chan_queue {
	_Atomic unsigned int head;	/* written by the port's worker */
	_Atomic unsigned int tail;	/* written by the control thread */
	_Atomic uint64_t full;
	struct chan_slot slot[CHAN_QLEN];
};

struct vx_chan {
	struct vx_switch *sw;
	struct vx_offload *off;
	unsigned int nports, rr;
	chan_send_fn send;
	void *send_arg;
	int efd;
	atomic_bool signalled;
	struct chan_queue *q;
	struct chan_port *ports;
	struct chan_global g;
	uint8_t mac[6];
};

static uint64_t now_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (uint64_t)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

static void wake(struct vx_chan *c)
{
	uint64_t one = 1;

	if (!atomic_exchange(&c->signalled, true) && write(c->efd, &one, sizeof(one)) < 0)
		atomic_store(&c->signalled, false);
}

/* On the worker that owns port: copy and return. */
static void sink(void *arg, unsigned int port, const struct vx_dp_pkt *pkt)
{
	struct vx_chan *c = arg;
	struct chan_queue *q;
	struct chan_slot *s;
	unsigned int head, i;
	size_t off = 0;

	if (port >= c->nports)
		return;
	q = &c->q[port];
	head = atomic_load_explicit(&q->head, memory_order_relaxed);
	if (head - atomic_load_explicit(&q->tail, memory_order_acquire) >= CHAN_QLEN) {
		atomic_fetch_add_explicit(&q->full, 1, memory_order_relaxed);
		return;
	}
	s = &q->slot[head % CHAN_QLEN];
	for (i = 0; i < pkt->niov && off < sizeof(s->data); i++) {
		size_t n = pkt->iov[i].iov_len;

		if (n > sizeof(s->data) - off)
			n = sizeof(s->data) - off;
		memcpy(s->data + off, pkt->iov[i].iov_base, n);
		off += n;
	}
	s->len = off;
	s->oversize = pkt->len > sizeof(s->data);
	atomic_store_explicit(&q->head, head + 1, memory_order_release);
	wake(c);
}

static int sw_send(void *arg, unsigned int port, const void *frame, size_t len)
{
	return vx_switch_send(arg, port, frame, len);
}

struct vx_chan *chan_new_raw(struct vx_offload *off, unsigned int nports, chan_send_fn send,
			     void *arg)
{
	struct vx_chan *c = calloc(1, sizeof(*c));
	static const uint8_t mac[6] = VX_CHAN_HOST_MAC;

	if (!c)
		return NULL;
	c->off = off;
	c->nports = nports;
	c->send = send;
	c->send_arg = arg;
	memcpy(c->mac, mac, 6);
	c->efd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
	c->q = calloc(nports ? nports : 1, sizeof(*c->q));
	c->ports = calloc(nports ? nports : 1, sizeof(*c->ports));
	if (c->efd < 0 || !c->q || !c->ports) {
		vx_chan_free(c);
		return NULL;
	}
	return c;
}

struct vx_chan *vx_chan_new(struct vx_switch *sw, struct vx_offload *off)
{
	struct vx_chan *c = chan_new_raw(off, vx_switch_nports(sw), sw_send, sw);

	if (!c)
		return NULL;
	c->sw = sw;
	vx_switch_set_ctl_sink(sw, VX_OFF_ETHERTYPE, sink, c);
	return c;
}

void vx_chan_free(struct vx_chan *c)
{
	unsigned int i;

	if (!c)
		return;
	if (c->sw)
		vx_switch_set_ctl_sink(c->sw, VX_OFF_ETHERTYPE, NULL, NULL);
	for (i = 0; c->ports && i < c->nports; i++)
		chan_port_clear(&c->ports[i], &c->g);
	if (c->efd >= 0)
		close(c->efd);
	free(c->q);
	free(c->ports);
	free(c);
}

int vx_chan_fd(const struct vx_chan *c)
{
	return c->efd;
}

const struct chan_counters *chan_counters(const struct vx_chan *c, unsigned int port)
{
	return port < c->nports ? &c->ports[port].cnt : NULL;
}

/* Send a reply (header + body already in frame) back to the requester. */
static void reply_send(struct vx_chan *c, unsigned int port, uint8_t *frame, size_t len)
{
	struct chan_port *p = &c->ports[port];

	if (len < CHAN_MIN_FRAME) {
		memset(frame + len, 0, CHAN_MIN_FRAME - len);
		len = CHAN_MIN_FRAME;
	}
	if (c->send(c->send_arg, port, frame, len))
		p->cnt.reply_drops++;
}

/* Write the reply's header for body_len bytes already at their place; returns the length. */
static size_t reply_hdr(struct vx_chan *c, const struct vx_chan_hdr *req, uint16_t status,
			uint8_t *frame, size_t body_len)
{
	struct vx_chan_hdr h = {
		.version = VX_CHAN_VERSION, .op = req->op | VX_CHAN_REPLY, .id = req->id,
		.status = status, .body_len = body_len,
	};

	memcpy(h.dst, req->src, 6);
	memcpy(h.src, c->mac, 6);
	return vx_chan_put_hdr(frame, &h) + body_len;
}

/* Answer with an error and its text (never cached). */
static void reply_error(struct vx_chan *c, unsigned int port, const struct vx_chan_hdr *req,
			int err, const char *msg)
{
	uint8_t frame[VX_CHAN_FRAME_MAX];
	struct vx_chan_wr w;

	vx_chan_wr_init(&w, frame + VX_CHAN_ETH_HLEN + VX_CHAN_HDR_LEN, VX_CHAN_BODY_MAX);
	vx_chan_put_text(&w, msg);
	c->ports[port].cnt.errors++;
	reply_send(c, port, frame, reply_hdr(c, req, err, frame, w.len));
}

/* Do a decoded request and answer it; cache the answer when asked. */
static void answer(struct vx_chan *c, unsigned int port, const struct vx_chan_hdr *h,
		   const struct vx_chan_req *q, bool cache, uint32_t req_crc)
{
	uint8_t frame[VX_CHAN_FRAME_MAX];
	uint8_t *body = frame + VX_CHAN_ETH_HLEN + VX_CHAN_HDR_LEN;
	struct chan_ctx cx = {
		.off = c->off, .port = port, .p = &c->ports[port], .g = &c->g,
		.now_ms = now_ms(),
	};
	size_t len;

	vx_chan_wr_init(&cx.body, body, VX_CHAN_BODY_MAX);
	chan_do(&cx, q);
	if (cx.status) {
		vx_chan_wr_init(&cx.body, body, VX_CHAN_BODY_MAX);
		vx_chan_put_text(&cx.body, cx.msg);
		cx.p->cnt.errors++;
	}
	len = reply_hdr(c, h, cx.status, frame, cx.body.len);
	if (cache)
		chan_cache_put(cx.p, h->id, req_crc, frame, len);
	reply_send(c, port, frame, len);
}

/* Charge one request to the port's rate; false (answered) when over it. */
static bool charge(struct vx_chan *c, unsigned int port, const struct vx_chan_hdr *h)
{
	if (vx_off_charge_request(c->off, port) == 0) {
		vx_off_count_request(c->off, port, 0);
		return true;
	}
	vx_off_count_request(c->off, port, 1);
	c->ports[port].cnt.rate_limited++;
	reply_error(c, port, h, EBUSY, "request rate over this port's quota; retry later");
	return false;
}

static void handle_req(struct vx_chan *c, unsigned int port, const struct vx_chan_hdr *h,
		       const uint8_t *body)
{
	struct chan_port *p = &c->ports[port];
	const struct chan_cached *hit;
	struct vx_chan_req q;
	const char *why;
	uint32_t crc;

	if (vx_chan_req_decode(h->op, h->id, body, h->body_len, &q, &why)) {
		p->cnt.malformed++;
		reply_error(c, port, h, EBADMSG, why);
		return;
	}
	if (q.op == VX_CHAN_LOAD_CHUNK) {
		/* Chunks are idempotent and never cached; a new transfer costs one request. */
		if (!chan_xfer_find(p, q.xfer) && !chan_xfer_was_closed(p, q.xfer) &&
		    !charge(c, port, h))
			return;
		answer(c, port, h, &q, false, 0);
		return;
	}
	crc = vx_chan_crc32(vx_chan_crc32(0, &h->op, 1), body, h->body_len);
	hit = chan_cache_find(p, h->id, crc);
	if (hit) {
		uint8_t frame[VX_CHAN_FRAME_MAX];

		p->cnt.duplicates++;
		memcpy(frame, hit->frame, hit->len);
		memcpy(frame, h->src, 6);	/* the sender may have changed its MAC */
		reply_send(c, port, frame, hit->len);
		return;
	}
	if (charge(c, port, h))
		answer(c, port, h, &q, true, crc);
}

void chan_handle(struct vx_chan *c, unsigned int port, const uint8_t *frame, size_t len,
		 bool oversize)
{
	struct chan_port *p;
	struct vx_chan_hdr h;
	const uint8_t *body;
	enum vx_chan_perr e;

	if (port >= c->nports)
		return;
	p = &c->ports[port];
	p->cnt.frames++;
	e = vx_chan_parse(frame, len, &h, &body);
	if (e == VX_CHAN_E_SHORT || e == VX_CHAN_E_ETYPE || e == VX_CHAN_E_MAGIC ||
	    (h.op & VX_CHAN_REPLY) || (h.src[0] & 1)) {
		/* Not ours, a reply (never answer those: no loops), or no unicast sender. */
		p->cnt.ignored++;
		return;
	}
	if (oversize) {
		p->cnt.oversize++;
		reply_error(c, port, &h, E2BIG, "frame longer than the channel's 1514 bytes");
		return;
	}
	switch (e) {
	case VX_CHAN_OK:
		handle_req(c, port, &h, body);
		return;
	case VX_CHAN_E_VERSION:
		p->cnt.bad_version++;
		reply_error(c, port, &h, EPROTONOSUPPORT,
			    "protocol version not supported; this host speaks version 1");
		return;
	default:
		p->cnt.malformed++;
		reply_error(c, port, &h, EBADMSG, vx_chan_perr_str(e));
		return;
	}
}

/* Up to CHAN_BUDGET frames of one port; true when more wait. */
static bool drain_port(struct vx_chan *c, unsigned int port, unsigned int *done)
{
	struct chan_queue *q = &c->q[port];
	unsigned int n;

	c->ports[port].cnt.queue_full = atomic_load_explicit(&q->full, memory_order_relaxed);
	for (n = 0; n < CHAN_BUDGET; n++) {
		unsigned int tail = atomic_load_explicit(&q->tail, memory_order_relaxed);
		struct chan_slot *s;

		if (tail == atomic_load_explicit(&q->head, memory_order_acquire))
			return false;
		s = &q->slot[tail % CHAN_QLEN];
		chan_handle(c, port, s->data, s->len, s->oversize);
		atomic_store_explicit(&q->tail, tail + 1, memory_order_release);
		(*done)++;
	}
	return atomic_load_explicit(&q->tail, memory_order_relaxed) !=
	       atomic_load_explicit(&q->head, memory_order_acquire);
}

unsigned int vx_chan_process(struct vx_chan *c)
{
	unsigned int i, done = 0;
	uint64_t v;
	bool more = false;

	if (read(c->efd, &v, sizeof(v)) < 0 && errno != EAGAIN)
		return 0;
	atomic_store(&c->signalled, false);
	for (i = 0; i < c->nports; i++) {
		unsigned int port = (c->rr + i) % c->nports;

		if (drain_port(c, port, &done))
			more = true;
		chan_xfer_expire(&c->ports[port], &c->g, now_ms());
	}
	if (c->nports)
		c->rr = (c->rr + 1) % c->nports;
	if (more)
		wake(c);
	return done;
}
