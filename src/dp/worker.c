// SPDX-License-Identifier: BSD-2-Clause
/*
 * worker.c - a poll-mode worker: round-robin over the ports it owns, one burst per port per
 * round (bounded work, fair between sources), frames forwarded by MAC or cross-connect,
 * grouped per destination, passed through the destination's XDP hook, copied out once.
 * Frames the hooks send back (TX) or on (REDIRECT) are switched again in further rounds, at
 * most VX_DP_XDP_MAX_ROUNDS. Guest-channel frames are handed to the channel, never switched.
 */
#include <string.h>
#include <time.h>

#include <vxbpf/map.h>

#include "sw_priv.h"

/* Idle rounds before the worker naps, and how long (keeps an idle switch cheap). */
#define IDLE_SPIN	256
#define IDLE_NAP_NS	20000

#define ETH_P_8021Q	0x8100
#define ETH_P_8021AD	0x88a8

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
bool vx_gather(const struct vx_dp_pkt *p, uint8_t *buf, size_t len)
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

static void flush(struct vx_worker *w, unsigned int dst);

static void enqueue(struct vx_worker *w, unsigned int dst, const struct vx_dp_pkt *p)
{
	unsigned int burst = w->sw->cfg.burst;

	if (w->nout[dst] == burst)
		flush(w, dst);
	if (!w->marked[dst]) {
		w->marked[dst] = true;
		w->touched[w->ntouched++] = dst;
	}
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

	if (p->len < 14 || !vx_gather(p, eth, sizeof(eth)))
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

static void forward(struct vx_worker *w, unsigned int in, const struct vx_dp_pkt *p,
		    uint64_t now)
{
	if (w->sw->cfg.mode == VX_SW_XCONNECT)
		forward_xconnect(w, in, p);
	else
		forward_learn(w, in, p, now);
}

/*
 * A frame of the guest channel's EtherType (plain or under one VLAN tag)? Such frames are
 * consumed here: handed to the channel (untagged, from a guest port, sink given) or dropped
 * and counted. True when consumed.
 */
static bool ctl_frame(struct vx_worker *w, unsigned int in, const struct vx_dp_pkt *p,
		      bool from_guest)
{
	struct vx_switch *sw = w->sw;
	struct vx_port *port = sw->ports[in];
	uint8_t h[18];
	unsigned int t;

	if (!sw->ctl_etype || !vx_gather(p, h, 14))
		return false;
	t = (unsigned int)h[12] << 8 | h[13];
	if (t == ETH_P_8021Q || t == ETH_P_8021AD) {
		if (!vx_gather(p, h, 18) || ((unsigned int)h[16] << 8 | h[17]) != sw->ctl_etype)
			return false;
		count(&port->drop_ctl, 1);
		return true;
	}
	if (t != sw->ctl_etype)
		return false;
	if (!from_guest || !sw->ctl_sink) {
		count(&port->drop_ctl, 1);
		return true;
	}
	count(&port->ctl_rx, 1);
	sw->ctl_sink(sw->ctl_arg, in, p);
	return true;
}

/* Frames switched toward one port: its XDP hook if it has one, else one copy into the port. */
static void flush(struct vx_worker *w, unsigned int dst)
{
	struct vx_port *port = w->sw->ports[dst];
	struct vx_dp_pkt *pkts = w->out + dst * w->sw->cfg.burst;
	struct vx_dp_xdp *x = __atomic_load_n(&port->xdp, __ATOMIC_ACQUIRE);
	unsigned int n = w->nout[dst];

	w->nout[dst] = 0;
	if (!n)
		return;
	if (x)
		return vx_xdp_flush(w, dst, x, pkts, n);
	pthread_mutex_lock(&port->tx_lock);
	port->ops->tx_burst(port, pkts, n);
	pthread_mutex_unlock(&port->tx_lock);
}

static void flush_all(struct vx_worker *w)
{
	unsigned int i;

	/* A destination flushed early (its queue was full) is still listed once. */
	for (i = 0; i < w->ntouched; i++) {
		w->marked[w->touched[i]] = false;
		flush(w, w->touched[i]);
	}
	w->ntouched = 0;
}

bool vx_worker_again(struct vx_worker *w, const struct vx_again *a)
{
	struct vx_worker_xdp *x = w->xdp;
	unsigned int q = x->cur ^ 1;
	struct vx_again *e;

	if (x->nagain[q] == VX_AGAIN_MAX)
		return false;
	e = &x->again[q][x->nagain[q]++];
	*e = *a;
	e->pkt.iov = &e->iov;
	e->pkt.niov = 1;
	return true;
}

/* One round of frames the programs sent back into the switch or on to another port. */
static void switch_again(struct vx_worker *w, uint64_t now)
{
	struct vx_worker_xdp *x = w->xdp;
	unsigned int i, q = x->cur;

	for (i = 0; i < x->nagain[q]; i++) {
		struct vx_again *a = &x->again[q][i];

		if (ctl_frame(w, a->src, &a->pkt, false))
			continue;
		if (a->redirect)
			enqueue(w, a->dst, &a->pkt);
		else
			forward(w, a->src, &a->pkt, now);
	}
	flush_all(w);
	x->nagain[q] = 0;
}

/* After the rounds: what is still queued was bounced too often. */
static void cut_loops(struct vx_worker *w)
{
	struct vx_worker_xdp *x = w->xdp;
	unsigned int i, q = x->cur ^ 1;

	for (i = 0; i < x->nagain[q]; i++)
		count(&w->sw->ports[x->again[q][i].src]->xc.loop_drop, 1);
	x->nagain[q] = 0;
}

static void rounds(struct vx_worker *w, uint64_t now)
{
	struct vx_worker_xdp *x = w->xdp;
	unsigned int r;

	for (r = 0; r < VX_DP_XDP_MAX_ROUNDS && x->nagain[x->cur ^ 1]; r++) {
		if (!now && w->sw->cfg.mode == VX_SW_LEARN)
			now = now_ns();
		x->cur ^= 1;
		switch_again(w, now);
	}
	cut_loops(w);
	x->pool_used = 0;
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
	for (i = 0; i < n; i++) {
		if (!ctl_frame(w, in, &w->rx[i], port->ops->guest))
			forward(w, in, &w->rx[i], now);
	}
	flush_all(w);
	port->ops->rx_release(port);
	rounds(w, now);
	return n;
}

static void nap(void)
{
	struct timespec t = { .tv_nsec = IDLE_NAP_NS };

	vx_rcu_thread_pause();
	nanosleep(&t, NULL);
	vx_rcu_thread_resume();
}

void *vx_worker_main(void *arg)
{
	struct vx_worker *w = arg;
	unsigned int k, busy, idle = 0;

	vx_set_cpu(w->id);
	vx_rcu_thread_online();
	while (!__atomic_load_n(&w->sw->stop, __ATOMIC_ACQUIRE)) {
		busy = 0;
		for (k = 0; k < w->nports; k++)
			busy += poll_port(w, w->ports[(w->next + k) % w->nports]);
		vx_rcu_quiescent();
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
	vx_rcu_thread_offline();
	return NULL;
}
