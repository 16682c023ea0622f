// SPDX-License-Identifier: BSD-2-Clause
/*
 * chan_client.c - the guest channel's client: request/reply with retransmission on timeout,
 * and object upload in chunks with a window in flight, over a caller-supplied transport.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <vxoffload/chan_client.h>

static uint64_t now_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (uint64_t)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

void vx_chan_client_init(struct vx_chan_client *c, const struct vx_chan_transport *t,
			 const uint8_t mac[6])
{
	static const uint8_t host[6] = VX_CHAN_HOST_MAC;
	struct timespec ts;

	memset(c, 0, sizeof(*c));
	c->t = *t;
	memcpy(c->mac, mac, 6);
	memcpy(c->host, host, 6);
	clock_gettime(CLOCK_REALTIME, &ts);
	/* Ids differ between runs, so a restarted client does not hit old cached replies. */
	c->next_id = (uint32_t)(ts.tv_nsec ^ (ts.tv_sec << 20) ^ ((uint32_t)getpid() << 8));
	c->timeout_ms = 500;
	c->retries = 6;
	c->window = 16;
	c->chunk = 1408;
}

/* A reply to (op, id)? Then its status and body. */
static bool match(struct vx_chan_client *c, int n, uint8_t op, uint32_t lo, uint32_t count,
		  struct vx_chan_hdr *h, const uint8_t **body)
{
	if (n <= 0)
		return false;
	if (vx_chan_parse(c->reply, n, h, body) != VX_CHAN_OK ||
	    h->op != (op | VX_CHAN_REPLY) || h->id - lo >= count) {
		c->stray++;
		return false;
	}
	return true;
}

static int send_req(struct vx_chan_client *c, const struct vx_chan_req *req)
{
	uint8_t frame[VX_CHAN_FRAME_MAX];
	int n = vx_chan_req_frame(req, c->host, c->mac, frame, sizeof(frame));

	if (n < 0) {
		snprintf(c->err, sizeof(c->err), "%s: request does not fit a frame",
			 vx_chan_op_name(req->op));
		return n;
	}
	c->sent++;
	n = c->t.send(c->t.arg, frame, n);
	if (n < 0)
		snprintf(c->err, sizeof(c->err), "send: %s", strerror(-n));
	return n < 0 ? n : 0;
}

static int host_error(struct vx_chan_client *c, const struct vx_chan_hdr *h, const uint8_t *body)
{
	struct vx_chan_rd r;

	vx_chan_rd_init(&r, body, h->body_len);
	vx_chan_get_text(&r, c->err, sizeof(c->err));
	if (!c->err[0])
		snprintf(c->err, sizeof(c->err), "%s", strerror(h->status));
	return h->status;
}

static int call_tries(struct vx_chan_client *c, struct vx_chan_req *req, struct vx_chan_rd *body,
		      unsigned int tries)
{
	unsigned int t;

	req->id = c->next_id++;
	c->err[0] = 0;
	for (t = 0; t < tries; t++) {
		uint64_t deadline = now_ms() + c->timeout_ms, now;
		int err = send_req(c, req);

		if (err)
			return err;
		if (t)
			c->retransmits++;
		while ((now = now_ms()) < deadline) {
			int n = c->t.recv(c->t.arg, c->reply, sizeof(c->reply), deadline - now);
			struct vx_chan_hdr h;
			const uint8_t *b;

			if (n < 0) {
				snprintf(c->err, sizeof(c->err), "receive: %s", strerror(-n));
				return n;
			}
			if (!match(c, n, req->op, req->id, 1, &h, &b))
				continue;
			if (h.status)
				return host_error(c, &h, b);
			vx_chan_rd_init(body, b, h.body_len);
			return 0;
		}
	}
	snprintf(c->err, sizeof(c->err), "%s: no answer from the host after %u tries of %d ms",
		 vx_chan_op_name(req->op), tries, c->timeout_ms);
	return -ETIMEDOUT;
}

int vx_chan_call(struct vx_chan_client *c, struct vx_chan_req *req, struct vx_chan_rd *body)
{
	return call_tries(c, req, body, c->retries + 1);
}

struct upload {
	const uint8_t *obj;
	uint32_t len, crc, xfer, base, n, acked, lo;
	uint16_t chunk;
	uint64_t *sent_ms;	/* 0: never sent */
	uint8_t *tries, *done;
};

static int send_chunk(struct vx_chan_client *c, struct upload *u, uint32_t i)
{
	uint32_t off = i * u->chunk;
	struct vx_chan_req q = {
		.op = VX_CHAN_LOAD_CHUNK, .id = u->base + i, .xfer = u->xfer, .total = u->len,
		.crc = u->crc, .chunk_size = u->chunk, .offset = off,
		.data = { u->obj + off, u->len - off < u->chunk ? u->len - off : u->chunk },
	};

	if (u->tries[i]++ > c->retries) {
		snprintf(c->err, sizeof(c->err),
			 "chunk at %u: no answer from the host after %u tries of %d ms", off,
			 c->retries + 1, c->timeout_ms);
		return -ETIMEDOUT;
	}
	if (u->sent_ms[i])
		c->retransmits++;
	u->sent_ms[i] = now_ms();
	return send_req(c, &q);
}

/* Send what the window allows: new chunks, and chunks whose answer is overdue. */
static int fill_window(struct vx_chan_client *c, struct upload *u)
{
	uint64_t now = now_ms();
	uint32_t i;
	int err;

	while (u->lo < u->n && u->done[u->lo])
		u->lo++;
	for (i = u->lo; i < u->n && i < u->lo + c->window; i++) {
		if (u->done[i] || (u->sent_ms[i] && now - u->sent_ms[i] < (uint64_t)c->timeout_ms))
			continue;
		err = send_chunk(c, u, i);
		if (err)
			return err;
	}
	return 0;
}

static int upload(struct vx_chan_client *c, struct upload *u)
{
	while (u->acked < u->n) {
		struct vx_chan_hdr h;
		const uint8_t *b;
		int n, err = fill_window(c, u);

		if (err)
			return err;
		n = c->t.recv(c->t.arg, c->reply, sizeof(c->reply), c->timeout_ms / 4 + 1);
		if (n < 0) {
			snprintf(c->err, sizeof(c->err), "receive: %s", strerror(-n));
			return n;
		}
		if (!match(c, n, VX_CHAN_LOAD_CHUNK, u->base, u->n, &h, &b))
			continue;
		if (h.status)
			return host_error(c, &h, b);
		if (!u->done[h.id - u->base]) {
			u->done[h.id - u->base] = 1;
			u->acked++;
		}
	}
	return 0;
}

static int commit(struct vx_chan_client *c, const struct upload *u, const char *name,
		  bool attach, const char *prog, uint32_t ifindex, uint32_t *id)
{
	struct vx_chan_req q = {
		.op = VX_CHAN_LOAD_COMMIT, .xfer = u->xfer, .total = u->len, .crc = u->crc,
		.flags = attach ? VX_CHAN_F_ATTACH : 0, .ifindex = ifindex,
	};
	struct vx_chan_rd r;
	int err;

	snprintf(q.name, sizeof(q.name), "%s", name ? name : "");
	snprintf(q.prog, sizeof(q.prog), "%s", prog ? prog : "");
	/* Loading verifies and compiles: give it more time than other requests. */
	err = call_tries(c, &q, &r, c->retries + 1 < 20 ? 20 : c->retries + 1);
	if (err)
		return err;
	*id = vx_chan_get_u32(&r);
	vx_chan_get_u8(&r);
	if (!vx_chan_rd_done(&r)) {
		snprintf(c->err, sizeof(c->err), "load: malformed reply");
		return -EBADMSG;
	}
	return 0;
}

int vx_chan_load(struct vx_chan_client *c, const void *obj, size_t len, const char *name,
		 bool attach, const char *prog, uint32_t ifindex, uint32_t *id)
{
	struct upload u = { .obj = obj, .len = len, .chunk = c->chunk };
	int err;

	if (len == 0 || len > VX_CHAN_OBJ_MAX) {
		snprintf(c->err, sizeof(c->err), "object of %zu bytes: must be 1 byte to 4 MiB",
			 len);
		return -EFBIG;
	}
	if (u.chunk < VX_CHAN_CHUNK_MIN || u.chunk > VX_CHAN_CHUNK_MAX)
		u.chunk = 1408;
	if (!c->window)
		c->window = 1;
	u.crc = vx_chan_crc32(0, obj, len);
	u.n = (len + u.chunk - 1) / u.chunk;
	u.xfer = c->next_id++;
	u.base = c->next_id;
	c->next_id += u.n;
	u.sent_ms = calloc(u.n, sizeof(*u.sent_ms));
	u.tries = calloc(u.n, 1);
	u.done = calloc(u.n, 1);
	err = u.sent_ms && u.tries && u.done ? upload(c, &u) : -ENOMEM;
	if (err == -ENOMEM && !c->err[0])
		snprintf(c->err, sizeof(c->err), "out of memory");
	if (!err)
		err = commit(c, &u, name, attach, prog, ifindex, id);
	free(u.sent_ms);
	free(u.tries);
	free(u.done);
	return err;
}
