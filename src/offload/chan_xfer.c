// SPDX-License-Identifier: BSD-2-Clause
/*
 * chan_xfer.c - the guest channel's per-port bookkeeping: reassembly of chunked objects
 * (chunks in any order, duplicates ignored, bounded memory, timeouts) and the cache of recent
 * replies that answers retransmitted requests without doing them twice.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "chan_priv.h"

struct chan_xfer *chan_xfer_find(struct chan_port *p, uint32_t id)
{
	unsigned int i;

	for (i = 0; i < CHAN_MAX_XFERS; i++) {
		if (p->xfers[i].used && p->xfers[i].id == id)
			return &p->xfers[i];
	}
	return NULL;
}

bool chan_xfer_complete(const struct chan_xfer *x)
{
	return x->have == x->nchunks;
}

bool chan_xfer_was_closed(const struct chan_port *p, uint32_t id)
{
	unsigned int i;

	for (i = 0; i < p->nclosed; i++) {
		if (p->closed[i] == id)
			return true;
	}
	return false;
}

static void xfer_free(struct chan_port *p, struct chan_global *g, struct chan_xfer *x)
{
	p->xfer_bytes -= x->total;
	g->xfer_bytes -= x->total;
	free(x->buf);
	free(x->bitmap);
	memset(x, 0, sizeof(*x));
}

void chan_xfer_close(struct chan_port *p, struct chan_global *g, struct chan_xfer *x)
{
	p->closed[p->closed_next] = x->id;
	p->closed_next = (p->closed_next + 1) % CHAN_CLOSED;
	if (p->nclosed < CHAN_CLOSED)
		p->nclosed++;
	xfer_free(p, g, x);
}

void chan_xfer_expire(struct chan_port *p, struct chan_global *g, uint64_t now_ms)
{
	unsigned int i;

	for (i = 0; i < CHAN_MAX_XFERS; i++) {
		struct chan_xfer *x = &p->xfers[i];

		if (x->used && now_ms > x->last_ms &&
		    now_ms - x->last_ms > CHAN_XFER_TIMEOUT_MS) {
			p->cnt.xfers_expired++;
			xfer_free(p, g, x);
		}
	}
}

void chan_port_clear(struct chan_port *p, struct chan_global *g)
{
	unsigned int i;

	for (i = 0; i < CHAN_MAX_XFERS; i++) {
		if (p->xfers[i].used)
			xfer_free(p, g, &p->xfers[i]);
	}
}

/* The geometry every chunk of a transfer must agree on. */
static const char *check_geometry(const struct vx_chan_req *q)
{
	uint32_t want;

	if (q->total == 0 || q->total > VX_CHAN_OBJ_MAX)
		return "object size must be 1 byte to 4 MiB";
	if (q->chunk_size < VX_CHAN_CHUNK_MIN || q->chunk_size > VX_CHAN_CHUNK_MAX)
		return "chunk size out of range";
	if (q->offset % q->chunk_size || q->offset >= q->total)
		return "chunk offset not a multiple of the chunk size or past the end";
	want = q->total - q->offset < q->chunk_size ? q->total - q->offset : q->chunk_size;
	if (q->data.len != want)
		return "chunk length does not match the transfer's geometry";
	return NULL;
}

static int xfer_open(struct chan_port *p, struct chan_global *g, const struct vx_chan_req *q,
		     uint64_t now_ms, struct chan_xfer **out, const char **why)
{
	struct chan_xfer *x = NULL;
	unsigned int i;

	chan_xfer_expire(p, g, now_ms);
	for (i = 0; i < CHAN_MAX_XFERS && !x; i++) {
		if (!p->xfers[i].used)
			x = &p->xfers[i];
	}
	if (!x) {
		*why = "too many transfers in progress on this port";
		return -EBUSY;
	}
	if (p->xfer_bytes + q->total > CHAN_PORT_XFER_BYTES ||
	    g->xfer_bytes + q->total > CHAN_TOTAL_XFER_BYTES) {
		*why = "no reassembly memory left for a transfer this large";
		return -ENOSPC;
	}
	x->nchunks = (q->total + q->chunk_size - 1) / q->chunk_size;
	x->buf = malloc(q->total);
	x->bitmap = calloc((x->nchunks + 7) / 8, 1);
	if (!x->buf || !x->bitmap) {
		free(x->buf);
		free(x->bitmap);
		memset(x, 0, sizeof(*x));
		*why = "out of memory";
		return -ENOMEM;
	}
	x->used = true;
	x->id = q->xfer;
	x->total = q->total;
	x->crc = q->crc;
	x->chunk = q->chunk_size;
	p->xfer_bytes += q->total;
	g->xfer_bytes += q->total;
	p->cnt.xfers++;
	*out = x;
	return 0;
}

int chan_xfer_chunk(struct chan_port *p, struct chan_global *g, const struct vx_chan_req *q,
		    uint64_t now_ms, struct chan_xfer **out, const char **why)
{
	struct chan_xfer *x = chan_xfer_find(p, q->xfer);
	uint32_t idx;
	int err;

	*out = x;
	*why = check_geometry(q);
	if (*why)
		return -EINVAL;
	if (!x && chan_xfer_was_closed(p, q->xfer))
		return CHAN_CHUNK_CLOSED;
	if (!x) {
		err = xfer_open(p, g, q, now_ms, out, why);
		if (err) {
			p->cnt.xfers_refused++;
			return err;
		}
		x = *out;
	} else if (x->total != q->total || x->crc != q->crc || x->chunk != q->chunk_size) {
		*why = "chunk does not match its transfer (size, checksum or chunk size differ)";
		return -EINVAL;
	}
	x->last_ms = now_ms;
	idx = q->offset / x->chunk;
	if (x->bitmap[idx / 8] & (1u << (idx % 8))) {
		p->cnt.chunk_dups++;
		return CHAN_CHUNK_DUP;
	}
	memcpy(x->buf + q->offset, q->data.p, q->data.len);
	x->bitmap[idx / 8] |= 1u << (idx % 8);
	x->have++;
	x->bytes += q->data.len;
	return CHAN_CHUNK_NEW;
}

const struct chan_cached *chan_cache_find(const struct chan_port *p, uint32_t id,
					  uint32_t req_crc)
{
	unsigned int i;

	for (i = 0; i < CHAN_CACHE; i++) {
		const struct chan_cached *c = &p->cache[i];

		if (c->used && c->id == id && c->req_crc == req_crc)
			return c;
	}
	return NULL;
}

void chan_cache_put(struct chan_port *p, uint32_t id, uint32_t req_crc, const uint8_t *frame,
		    size_t len)
{
	struct chan_cached *c = &p->cache[p->cache_next];

	if (len > sizeof(c->frame))
		return;
	p->cache_next = (p->cache_next + 1) % CHAN_CACHE;
	c->used = true;
	c->id = id;
	c->req_crc = req_crc;
	c->len = len;
	memcpy(c->frame, frame, len);
}
