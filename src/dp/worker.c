// SPDX-License-Identifier: BSD-2-Clause
/*
 * worker.c - a poll-mode worker: round-robin over the ports it owns, one burst per port per
 * round (bounded work, fair between sources), frames forwarded by MAC or cross-connect,
 * grouped per destination, passed through the destination's XDP hook, copied out once.
 */
#include <string.h>
#include <time.h>

#include <vxdp/xdp_hook.h>

#include "sw_priv.h"

/* Idle rounds before the worker naps, and how long (keeps an idle switch cheap). */
#define IDLE_SPIN	256
#define IDLE_NAP_NS	20000

static uint64_t now_ns(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC_COARSE, &t);
	return (uint64_t)t.tv_sec * 1000000000ULL + (uint64_t)t.tv_nsec;
}

static void count(uint64_t *c, uint64_t n)
{
	__atomic_fetch_add(c, n, __ATOMIC_RELAXED);
}

/* Copy the first len bytes of a frame (it may be split anywhere). False if shorter. */
static bool gather(const struct vx_dp_pkt *p, uint8_t *buf, size_t len)
{
	size_t got = 0;
	unsigned int i;

	for (i = 0; i < p->niov && got < len; i++) {
		size_t n = p->iov[i].iov_len < len - got ? p->iov[i].iov_len : len - got;

		memcpy(buf + got, p->iov[i].iov_base, n);
		got += n;
	}
	return got == len;
}

static void enqueue(struct vx_worker *w, unsigned int dst, const struct vx_dp_pkt *p)
{
	unsigned int burst = w->sw->cfg.burst;

	if (!w->nout[dst])
		w->touched[w->ntouched++] = dst;
	w->out[dst * burst + w->nout[dst]++] = *p;
}

static void flood(struct vx_worker *w, unsigned int in, const struct vx_dp_pkt *p)
{
	unsigned int j;

	for (j = 0; j < w->sw->nports; j++) {
		if (j != in)
			enqueue(w, j, p);
	}
	count(&w->flooded, 1);
}

static void drop_no_dest(struct vx_switch *sw, unsigned int in)
{
	count(&sw->ports[in]->drop_no_dest, 1);
}

static void forward_xconnect(struct vx_worker *w, unsigned int in, const struct vx_dp_pkt *p)
{
	unsigned int peer = in ^ 1;

	if (peer >= w->sw->nports)
		return drop_no_dest(w->sw, in);
	enqueue(w, peer, p);
}

static void forward_learn(struct vx_worker *w, unsigned int in, const struct vx_dp_pkt *p,
			  uint64_t now)
{
	struct vx_switch *sw = w->sw;
	uint8_t eth[12];
	unsigned int dst;

	if (p->len < 14 || !gather(p, eth, sizeof(eth)))
		return drop_no_dest(sw, in);
	if (!(eth[6] & 1))
		vx_mac_learn(&sw->macs, eth + 6, in, now);
	if (eth[0] & 1)
		return flood(w, in, p);
	dst = vx_mac_lookup(&sw->macs, eth, now);
	if (dst == VX_MAC_NONE || dst >= sw->nports)
		return flood(w, in, p);
	if (dst == in)
		return drop_no_dest(sw, in);
	enqueue(w, dst, p);
}

/* Frames switched toward one port: its XDP hook, then one copy into the port. */
static void flush(struct vx_worker *w, unsigned int dst)
{
	struct vx_port *port = w->sw->ports[dst];
	struct vx_dp_pkt *pkts = w->out + dst * w->sw->cfg.burst;
	unsigned int n = vx_dp_xdp_hook(port, pkts, w->nout[dst]);

	w->nout[dst] = 0;
	if (!n)
		return;
	pthread_mutex_lock(&port->tx_lock);
	port->ops->tx_burst(port, pkts, n);
	pthread_mutex_unlock(&port->tx_lock);
}

static unsigned int poll_port(struct vx_worker *w, unsigned int in)
{
	struct vx_switch *sw = w->sw;
	struct vx_port *port = sw->ports[in];
	unsigned int i, n = port->ops->rx_burst(port, w->rx, sw->cfg.burst);
	uint64_t now;

	if (!n) {
		port->ops->rx_release(port);
		return 0;
	}
	now = sw->cfg.mode == VX_SW_LEARN ? now_ns() : 0;
	w->ntouched = 0;
	for (i = 0; i < n; i++) {
		if (sw->cfg.mode == VX_SW_XCONNECT)
			forward_xconnect(w, in, &w->rx[i]);
		else
			forward_learn(w, in, &w->rx[i], now);
	}
	for (i = 0; i < w->ntouched; i++)
		flush(w, w->touched[i]);
	port->ops->rx_release(port);
	return n;
}

static void nap(void)
{
	struct timespec t = { .tv_nsec = IDLE_NAP_NS };

	nanosleep(&t, NULL);
}

void *vx_worker_main(void *arg)
{
	struct vx_worker *w = arg;
	unsigned int k, busy, idle = 0;

	while (!__atomic_load_n(&w->sw->stop, __ATOMIC_ACQUIRE)) {
		busy = 0;
		for (k = 0; k < w->nports; k++)
			busy += poll_port(w, w->ports[(w->next + k) % w->nports]);
		if (w->nports)
			w->next = (w->next + 1) % w->nports;
		count(&w->polls, 1);
		if (busy) {
			idle = 0;
			continue;
		}
		count(&w->idle_polls, 1);
		if (++idle >= IDLE_SPIN)
			nap();
	}
	return NULL;
}
