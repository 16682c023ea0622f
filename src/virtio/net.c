// SPDX-License-Identifier: BSD-2-Clause
/*
 * net.c - the virtio-net datapath: frames the guest sent, handed out in place with the
 * virtio-net header stripped; frames for the guest, copied into its receive buffers (one chain
 * each, or spread over several with MRG_RXBUF). One used-index update and at most one call per
 * burst and queue.
 */
#include <errno.h>
#include <string.h>

#include "vhost_priv.h"

static void stat_add(uint64_t *c, uint64_t v)
{
	if (v)
		__atomic_fetch_add(c, v, __ATOMIC_RELAXED);
}

/* A position in an iovec list. */
struct cursor {
	const struct iovec *iov;
	unsigned int n, i;
	size_t off;
};

/* Copy up to max bytes from src to dst, advancing both; returns bytes copied. */
static size_t cursor_copy(struct cursor *dst, struct cursor *src, size_t max)
{
	size_t done = 0, k, dl, sl;

	while (done < max && dst->i < dst->n && src->i < src->n) {
		dl = dst->iov[dst->i].iov_len - dst->off;
		sl = src->iov[src->i].iov_len - src->off;
		k = dl < sl ? dl : sl;
		k = k < max - done ? k : max - done;
		/* memmove: a guest may point its RX buffers at its own TX buffers. */
		memmove((uint8_t *)dst->iov[dst->i].iov_base + dst->off,
		       (const uint8_t *)src->iov[src->i].iov_base + src->off, k);
		done += k;
		dst->off += k;
		src->off += k;
		if (dst->off == dst->iov[dst->i].iov_len) {
			dst->i++;
			dst->off = 0;
		}
		if (src->off == src->iov[src->i].iov_len) {
			src->i++;
			src->off = 0;
		}
	}
	return done;
}

/* ---- from the guest (its transmit queue) ---- */

/*
 * A header of hl bytes (12, or 10 on legacy devices) between two buffers that hold it whole:
 * fixed-size copies the compiler inlines. This is the per-frame common case both ways; the
 * general cursor copy (a call and a loop per frame) showed up at a third of the worker's time
 * at 64-byte frames.
 */
static void copy_header(void *dst, const void *src, uint32_t hl)
{
	if (hl == VX_VIRTIO_NET_HDR_LEN)
		memcpy(dst, src, VX_VIRTIO_NET_HDR_LEN);
	else
		memcpy(dst, src, VX_VIRTIO_NET_HDR_LEN_LEGACY);
}

/* Copy the header out and drop its bytes from the front of the chain. */
static int strip_header(struct vx_chain *c, uint32_t hdr_len, struct vx_virtio_net_hdr *hdr)
{
	struct iovec out = { .iov_base = hdr, .iov_len = hdr_len };
	struct cursor dst = { .iov = &out, .n = 1 };
	struct cursor src = { .iov = c->iov, .n = c->niov };

	memset(hdr, 0, sizeof(*hdr));
	if (c->niov && c->iov[0].iov_len >= hdr_len) {
		copy_header(hdr, c->iov[0].iov_base, hdr_len);
		c->iov[0].iov_base = (uint8_t *)c->iov[0].iov_base + hdr_len;
		c->iov[0].iov_len -= hdr_len;
		if (!c->iov[0].iov_len) {
			c->iov++;
			c->niov--;
		}
		c->len -= hdr_len;
		return 0;
	}
	if (c->len < hdr_len || cursor_copy(&dst, &src, hdr_len) != hdr_len)
		return -EINVAL;
	if (src.i < c->niov) {
		c->iov[src.i].iov_base = (uint8_t *)c->iov[src.i].iov_base + src.off;
		c->iov[src.i].iov_len -= src.off;
	}
	c->iov += src.i;
	c->niov -= src.i;
	c->len -= hdr_len;
	return 0;
}

static int rx_one(struct vx_vhost_dev *dev, struct vx_vq *vq, struct vx_net_frame *f,
		  unsigned int *pool_used)
{
	struct vx_chain c = {
		.iov = dev->rx_pool + *pool_used,
		.cap = VX_VQ_MAX_IOV,
	};
	uint16_t head;
	int err = vx_vq_pop(vq, &head);

	if (!err)
		err = vx_vq_walk(vq, head, VX_VQ_READ, &c);
	if (err)
		return err;
	dev->rx_heads[dev->rx_nheads++] = head;
	*pool_used += c.niov;
	if (strip_header(&c, dev->hdr_len, &f->hdr)) {
		stat_add(&dev->dp.rx_malformed, 1);
		return 1;
	}
	f->iov = c.iov;
	f->niov = c.niov;
	f->len = c.len;
	return 0;
}

static unsigned int rx_collect(struct vx_vhost_dev *dev, struct vx_vq *vq,
			       struct vx_net_frame *frames, unsigned int max)
{
	unsigned int n = vx_vq_avail(vq), pool_used = 0, got = 0;
	uint64_t bytes = 0;
	int r;

	if (n > max)
		n = max;
	while (n-- && VX_NET_IOV_POOL - pool_used >= VX_VQ_MAX_IOV) {
		r = rx_one(dev, vq, &frames[got], &pool_used);
		if (r < 0)
			break;
		if (r == 0)
			bytes += frames[got++].len;
	}
	stat_add(&dev->dp.rx_packets, got);
	stat_add(&dev->dp.rx_bytes, bytes);
	return got;
}

unsigned int vx_net_rx_burst(struct vx_vhost_dev *dev, struct vx_net_frame *frames,
			     unsigned int max)
{
	struct vx_vq *vq = &dev->vq[VX_NET_TXQ];
	unsigned int got;

	if (max > VX_NET_BURST_MAX)
		max = VX_NET_BURST_MAX;
	if (dev->rx_held || pthread_mutex_trylock(&vq->lock))
		return 0;
	if (!vx_vq_ready(vq)) {
		pthread_mutex_unlock(&vq->lock);
		return 0;
	}
	if (vq->kicks_wanted)
		vx_vq_drain_kick(vq);
	dev->rx_nheads = 0;
	got = rx_collect(dev, vq, frames, max);
	dev->rx_held = true;
	if (!got)
		vx_net_rx_release(dev);
	return got;
}

void vx_net_rx_release(struct vx_vhost_dev *dev)
{
	struct vx_vq *vq = &dev->vq[VX_NET_TXQ];
	unsigned int i;

	if (!dev->rx_held)
		return;
	for (i = 0; i < dev->rx_nheads; i++)
		vx_vq_push(vq, dev->rx_heads[i], 0);
	vx_vq_flush(vq, dev->rx_nheads);
	dev->rx_nheads = 0;
	dev->rx_held = false;
	pthread_mutex_unlock(&vq->lock);
}

/* ---- to the guest (its receive queue) ---- */

struct tx_ctx {
	struct vx_vhost_dev *dev;
	struct vx_vq *vq;
	unsigned int avail;	/* chains left in this burst */
};

static size_t pkt_len(const struct vx_net_pkt *p)
{
	size_t len = 0;
	unsigned int i;

	for (i = 0; i < p->niov; i++)
		len += p->iov[i].iov_len;
	return len;
}

static int tx_take_chain(struct tx_ctx *t, struct vx_chain *c)
{
	uint16_t head;
	int err;

	if (!t->avail)
		return -ENOBUFS;
	c->iov = t->dev->tx_iov;
	c->cap = VX_VQ_MAX_IOV;
	err = vx_vq_pop(t->vq, &head);
	if (!err)
		err = vx_vq_walk(t->vq, head, VX_VQ_WRITE, c);
	if (err)
		return err;
	t->avail--;
	return 0;
}

/* Write the header (num_buffers set) at the start of a chain's first segments. */
static void put_header(struct tx_ctx *t, const struct iovec *iov, unsigned int niov,
		       uint16_t nbufs)
{
	struct vx_virtio_net_hdr hdr = { .num_buffers = nbufs };
	struct iovec in = { .iov_base = &hdr, .iov_len = t->dev->hdr_len };
	struct cursor src = { .iov = &in, .n = 1 };
	struct cursor dst = { .iov = iov, .n = niov };

	if (niov && iov[0].iov_len >= t->dev->hdr_len) {
		copy_header(iov[0].iov_base, &hdr, t->dev->hdr_len);
		return;
	}
	cursor_copy(&dst, &src, t->dev->hdr_len);
}

static void rewind_to(struct tx_ctx *t, uint16_t avail_idx, uint16_t used_idx, unsigned int avail)
{
	t->vq->last_avail = avail_idx;
	t->vq->last_used = used_idx;
	t->avail = avail;
}

/* Advance a cursor by n bytes (the caller knows they are there). */
static void cursor_skip(struct cursor *c, size_t n)
{
	size_t k;

	while (n && c->i < c->n) {
		k = c->iov[c->i].iov_len - c->off;
		k = k < n ? k : n;
		c->off += k;
		n -= k;
		if (c->off == c->iov[c->i].iov_len) {
			c->i++;
			c->off = 0;
		}
	}
}

/* One frame into one chain (no MRG_RXBUF). */
static int tx_one(struct tx_ctx *t, const struct vx_net_pkt *p, size_t len)
{
	uint32_t hl = t->dev->hdr_len;
	uint16_t start = t->vq->last_avail;
	struct cursor dst, src = { .iov = p->iov, .n = p->niov };
	struct vx_chain c;
	int err = tx_take_chain(t, &c);

	if (err)
		return err;
	if (c.len < hl + len) {
		rewind_to(t, start, t->vq->last_used, t->avail + 1);
		return -E2BIG;
	}
	put_header(t, c.iov, c.niov, 1);
	dst = (struct cursor){ .iov = c.iov, .n = c.niov };
	cursor_skip(&dst, hl);
	cursor_copy(&dst, &src, len);
	vx_vq_push(t->vq, c.head, hl + len);
	return 0;
}

/* Keep the segments that hold the header of the first chain; returns how many. */
static unsigned int save_header_iov(const struct vx_chain *c, uint32_t hl, struct iovec *out)
{
	unsigned int n = 0;
	size_t k;

	while (hl && n < c->niov) {
		k = c->iov[n].iov_len < hl ? c->iov[n].iov_len : hl;
		out[n].iov_base = c->iov[n].iov_base;
		out[n].iov_len = k;
		hl -= k;
		n++;
	}
	return n;
}

/* One frame spread over as many chains as it needs (MRG_RXBUF). */
static int tx_mrg(struct tx_ctx *t, const struct vx_net_pkt *p, size_t len)
{
	uint32_t hl = t->dev->hdr_len;
	uint16_t start_avail = t->vq->last_avail, start_used = t->vq->last_used;
	unsigned int avail = t->avail, nh = 0, nbufs = 0;
	struct iovec hdr_iov[VX_VIRTIO_NET_HDR_LEN];
	struct cursor dst, src = { .iov = p->iov, .n = p->niov };
	struct vx_chain c;
	size_t left = len, n;
	int err;

	do {
		err = tx_take_chain(t, &c);
		if (!err && nbufs == 0 && c.len < hl)
			err = -E2BIG;
		if (err) {
			rewind_to(t, start_avail, start_used, avail);
			return err;
		}
		dst = (struct cursor){ .iov = c.iov, .n = c.niov };
		if (nbufs == 0) {
			nh = save_header_iov(&c, hl, hdr_iov);
			cursor_skip(&dst, hl);
		}
		n = cursor_copy(&dst, &src, left);
		left -= n;
		vx_vq_push(t->vq, c.head, n + (nbufs == 0 ? hl : 0));
		nbufs++;
	} while (left);
	put_header(t, hdr_iov, nh, nbufs);
	return 0;
}

static int tx_pkt(struct tx_ctx *t, const struct vx_net_pkt *p, size_t len)
{
	if (len > VX_NET_MAX_FRAME)
		return -E2BIG;
	return t->dev->mrg_rxbuf ? tx_mrg(t, p, len) : tx_one(t, p, len);
}

static unsigned int tx_all(struct tx_ctx *t, const struct vx_net_pkt *pkts, unsigned int n)
{
	struct vx_vhost_stats *st = &t->dev->dp;
	unsigned int i, sent = 0;
	uint64_t bytes = 0;
	size_t len;
	int err;

	for (i = 0; i < n; i++) {
		len = pkt_len(&pkts[i]);
		err = tx_pkt(t, &pkts[i], len);
		if (!err) {
			sent++;
			bytes += len;
		} else if (err == -E2BIG) {
			stat_add(&st->drop_too_long, 1);
		} else if (err == -ENOBUFS) {
			stat_add(&st->drop_no_buffers, 1);
		} else {
			stat_add(&st->drop_broken, n - i);
			break;
		}
	}
	stat_add(&st->tx_packets, sent);
	stat_add(&st->tx_bytes, bytes);
	return sent;
}

unsigned int vx_net_tx_burst(struct vx_vhost_dev *dev, const struct vx_net_pkt *pkts,
			     unsigned int n)
{
	struct vx_vq *vq = &dev->vq[VX_NET_RXQ];
	struct tx_ctx t = { .dev = dev, .vq = vq };
	uint16_t start;
	unsigned int sent;

	if (!n)
		return 0;
	if (pthread_mutex_trylock(&vq->lock)) {
		stat_add(&dev->dp.drop_not_ready, n);
		return 0;
	}
	if (!vx_vq_ready(vq)) {
		stat_add(vq->broken ? &dev->dp.drop_broken : &dev->dp.drop_not_ready, n);
		pthread_mutex_unlock(&vq->lock);
		return 0;
	}
	if (vq->kicks_wanted)
		vx_vq_drain_kick(vq);
	start = vq->last_used;
	t.avail = vx_vq_avail(vq);
	if (vq->broken)
		stat_add(&dev->dp.drop_broken, n);
	sent = vq->broken ? 0 : tx_all(&t, pkts, n);
	vx_vq_flush(vq, vq->last_used - start);
	pthread_mutex_unlock(&vq->lock);
	return sent;
}

bool vx_net_want_kicks(struct vx_vhost_dev *dev, unsigned int qid, bool on)
{
	struct vx_vq *vq;
	bool ok;

	if (qid >= VX_NET_NQUEUES)
		return false;
	vq = &dev->vq[qid];
	if (pthread_mutex_trylock(&vq->lock))
		return false;
	ok = vx_vq_ready(vq);
	if (ok)
		vx_vq_want_kicks(vq, on);
	pthread_mutex_unlock(&vq->lock);
	return ok;
}
