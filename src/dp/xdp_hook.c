// SPDX-License-Identifier: BSD-2-Clause
/*
 * xdp_hook.c - the per-port XDP hook: frames switched toward a port with a program are copied
 * once into the worker's host frame buffers, the program runs over the whole group
 * (vx_xdp_run_batch), then the actions are handled by kind: PASS in one burst into the port,
 * DROP and ABORTED counted (ABORTED traced, rate-limited), TX and REDIRECT queued for the
 * worker's next round (re-entering the switch from the port, or toward the target port).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <vxbpf/map.h>

#include "sw_priv.h"

#define TRACE_INTERVAL_NS	1000000000ull

struct vx_dp_xdp *vx_dp_xdp_publish(struct vx_port *port, struct vx_dp_xdp *x)
{
	return __atomic_exchange_n(&port->xdp, x, __ATOMIC_ACQ_REL);
}

void vx_dp_xdp_allow_redirect(struct vx_port *from, unsigned int to, bool allow)
{
	uint64_t bit = 1ull << (to % 64);

	if (to >= VX_SW_MAX_PORTS)
		return;
	if (allow)
		__atomic_fetch_or(&from->redirect_allow, bit, __ATOMIC_RELAXED);
	else
		__atomic_fetch_and(&from->redirect_allow, ~bit, __ATOMIC_RELAXED);
}

bool vx_dp_xdp_redirect_allowed(const struct vx_port *from, unsigned int to)
{
	return to < VX_SW_MAX_PORTS &&
	       (__atomic_load_n(&from->redirect_allow, __ATOMIC_RELAXED) >> to & 1);
}

static void add(uint64_t *c, uint64_t n)
{
	if (n)
		__atomic_fetch_add(c, n, __ATOMIC_RELAXED);
}

static uint64_t mono_ns(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC_COARSE, &t);
	return (uint64_t)t.tv_sec * 1000000000ull + (uint64_t)t.tv_nsec;
}

/* One line per port per second at most; the lines left out are counted in the next. */
static void trace_abort(struct vx_port *port, const struct vx_dp_xdp *x,
			const struct vx_xdp_result *res, const char *fault)
{
	uint64_t now = mono_ns(), last = __atomic_load_n(&port->trace_ns, __ATOMIC_RELAXED);
	uint64_t more;

	if (last && now - last < TRACE_INTERVAL_NS) {
		add(&port->trace_suppressed, 1);
		return;
	}
	if (!__atomic_compare_exchange_n(&port->trace_ns, &last, now, false, __ATOMIC_RELAXED,
					 __ATOMIC_RELAXED))
		return;
	more = __atomic_exchange_n(&port->trace_suppressed, 0, __ATOMIC_RELAXED);
	if (fault)
		fprintf(stderr, "vxdpd: port %s: program %s aborted: %s (%llu more not shown)\n",
			port->name, x->name, fault, (unsigned long long)more);
	else
		fprintf(stderr, "vxdpd: port %s: program %s returned %llu (XDP_ABORTED) "
			"(%llu more not shown)\n", port->name, x->name,
			(unsigned long long)res->retval, (unsigned long long)more);
}

static uint8_t *pool_get(struct vx_worker_xdp *wx)
{
	if (wx->pool_used == wx->pool_alloc) {
		if (wx->pool_alloc == VX_POOL_MAX)
			return NULL;
		wx->pool[wx->pool_alloc] = aligned_alloc(64, VX_XDP_FRAME_SIZE);
		if (!wx->pool[wx->pool_alloc])
			return NULL;
		wx->pool_alloc++;
	}
	return wx->pool[wx->pool_used++];
}

/* Copy the frames into host buffers; returns how many the program will see. */
static unsigned int load_frames(struct vx_worker *w, struct vx_port *port,
				const struct vx_dp_xdp *x, const struct vx_dp_pkt *pkts,
				unsigned int n)
{
	struct vx_worker_xdp *wx = w->xdp;
	unsigned int i, m = 0, too_long = 0, no_buf = 0;

	for (i = 0; i < n; i++) {
		struct vx_xdp_frame *f = &wx->frames[m];
		uint8_t *buf;

		if (pkts[i].len > VX_XDP_MAX_DATA || pkts[i].len < 14) {
			too_long++;
			continue;
		}
		buf = pool_get(wx);
		if (!buf) {
			no_buf++;
			continue;
		}
		*f = (struct vx_xdp_frame){
			.buf = buf,
			.data_off = VX_XDP_HEADROOM,
			.data_len = pkts[i].len,
			.ingress_ifindex = x->ifindex,
			.rx_queue_index = 0,
		};
		vx_gather(&pkts[i], buf + VX_XDP_HEADROOM, pkts[i].len);
		m++;
	}
	add(&port->xc.too_long, too_long);
	add(&port->xc.no_buf, no_buf);
	return m;
}

static bool again(struct vx_worker *w, unsigned int src, unsigned int dst, bool redirect,
		  const struct vx_xdp_frame *f)
{
	struct vx_again a = {
		.iov = { .iov_base = f->buf + f->data_off, .iov_len = f->data_len },
		.src = src,
		.dst = dst,
		.redirect = redirect,
	};

	a.pkt.len = f->data_len;
	if (vx_worker_again(w, &a))
		return true;
	add(&w->sw->ports[src]->xc.loop_drop, 1);
	return false;
}

struct bcast {
	struct vx_worker *w;
	unsigned int src;
	const struct vx_xdp_frame *f;
	bool exclude_ingress;
	uint32_t ingress;
	unsigned int sent, denied;
};

static bool redirect_one(struct vx_worker *w, unsigned int src, uint32_t ifindex,
			 const struct vx_xdp_frame *f)
{
	struct vx_port *port = w->sw->ports[src];
	unsigned int to = ifindex - 1;

	if (!ifindex || to >= w->sw->nports || !vx_dp_xdp_redirect_allowed(port, to))
		return false;
	again(w, src, to, true, f);
	return true;
}

static int bcast_one(const void *key, const void *value, void *arg)
{
	struct bcast *b = arg;
	uint32_t ifindex;

	(void)key;
	memcpy(&ifindex, value, sizeof(ifindex));
	if (b->exclude_ingress && ifindex == b->ingress)
		return 0;
	if (redirect_one(b->w, b->src, ifindex, b->f))
		b->sent++;
	else
		b->denied++;
	return 0;
}

/* REDIRECT: to the named port, or to every entry of a devmap (BPF_F_BROADCAST). */
static void redirect(struct vx_worker *w, unsigned int src, const struct vx_dp_xdp *x,
		     const struct vx_xdp_frame *f, const struct vx_xdp_result *res)
{
	struct vx_port *port = w->sw->ports[src];
	struct bcast b = { w, src, f, res->redirect_flags & VX_F_EXCLUDE_INGRESS, x->ifindex,
			   0, 0 };

	if (!res->redirect_map) {
		if (redirect_one(w, src, res->redirect_ifindex, f))
			add(&port->xc.redirect, 1);
		else
			add(&port->xc.redirect_denied, 1);
		return;
	}
	vx_map_dump(res->redirect_map, bcast_one, &b);
	add(b.sent ? &port->xc.redirect : &port->xc.redirect_denied, 1);
}

static void pass_out(struct vx_port *port, struct vx_worker_xdp *wx, unsigned int np)
{
	if (!np)
		return;
	pthread_mutex_lock(&port->tx_lock);
	port->ops->tx_burst(port, wx->pass, np);
	pthread_mutex_unlock(&port->tx_lock);
}

void vx_xdp_flush(struct vx_worker *w, unsigned int dst, const struct vx_dp_xdp *x,
		  const struct vx_dp_pkt *pkts, unsigned int n)
{
	struct vx_port *port = w->sw->ports[dst];
	struct vx_worker_xdp *wx = w->xdp;
	struct vx_xdp_counters c = { 0 };
	unsigned int i, m, np = 0;
	struct vx_error err;
	int faults;

	m = load_frames(w, port, x, pkts, n);
	if (!m)
		return;
	err.msg[0] = 0;
	faults = vx_xdp_run_batch(x->prog, x->engine, wx->frames, m, wx->res, &err);
	if (faults < 0) {
		for (i = 0; i < m; i++)
			wx->res[i] = (struct vx_xdp_result){ .action = VX_XDP_ABORTED };
	}
	c.runs = m;
	for (i = 0; i < m; i++) {
		const struct vx_xdp_frame *f = &wx->frames[i];

		switch (wx->res[i].action) {
		case VX_XDP_PASS:
			wx->pass_iov[np] = (struct iovec){ f->buf + f->data_off, f->data_len };
			wx->pass[np] = (struct vx_dp_pkt){ &wx->pass_iov[np], 1, f->data_len };
			np++;
			break;
		case VX_XDP_DROP:
			c.drop++;
			break;
		case VX_XDP_TX:
			if (again(w, dst, dst, false, f))
				c.tx++;
			break;
		case VX_XDP_REDIRECT:
			redirect(w, dst, x, f, &wx->res[i]);
			break;
		default:
			c.aborted++;
			trace_abort(port, x, &wx->res[i], faults ? err.msg : NULL);
			break;
		}
	}
	c.pass = np;
	pass_out(port, wx, np);
	add(&port->xc.runs, c.runs);
	add(&port->xc.pass, c.pass);
	add(&port->xc.drop, c.drop);
	add(&port->xc.tx, c.tx);
	add(&port->xc.aborted, c.aborted);
}
