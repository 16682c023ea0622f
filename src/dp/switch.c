// SPDX-License-Identifier: BSD-2-Clause
/* switch.c - the switch's life: configuration, ports, workers pinned to cores, counters. */
#include <errno.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "sw_priv.h"

#define MAC_BUCKETS	4096

static int check_cfg(struct vx_sw_cfg *c)
{
	if (!c->burst)
		c->burst = 64;
	if (c->ncores)
		c->nworkers = c->ncores;
	if (!c->nworkers)
		c->nworkers = 1;
	if (!c->age_s)
		c->age_s = 300;
	if (c->burst < VX_SW_BURST_MIN || c->burst > VX_SW_BURST_MAX)
		return -EINVAL;
	if (c->nworkers > VX_SW_MAX_WORKERS)
		return -EINVAL;
	if (c->mode != VX_SW_LEARN && c->mode != VX_SW_XCONNECT)
		return -EINVAL;
	return 0;
}

struct vx_switch *vx_switch_new(const struct vx_sw_cfg *cfg)
{
	struct vx_switch *sw = calloc(1, sizeof(*sw));
	int err;

	if (!sw)
		return NULL;
	sw->cfg = *cfg;
	err = check_cfg(&sw->cfg);
	if (!err)
		err = vx_mac_init(&sw->macs, MAC_BUCKETS, sw->cfg.age_s * 1000000000ULL);
	if (err) {
		free(sw);
		errno = -err;
		return NULL;
	}
	return sw;
}

int vx_switch_add_port(struct vx_switch *sw, struct vx_port *port)
{
	if (sw->started || sw->nports >= VX_SW_MAX_PORTS) {
		vx_port_destroy(port);
		return sw->started ? -EBUSY : -ENOSPC;
	}
	if (vx_switch_port_by_name(sw, port->name)) {
		vx_port_destroy(port);
		return -EEXIST;
	}
	port->index = sw->nports;
	sw->ports[sw->nports++] = port;
	return 0;
}

static int worker_alloc(struct vx_switch *sw, struct vx_worker *w, unsigned int id)
{
	unsigned int i;

	w->sw = sw;
	w->id = id;
	w->core = sw->cfg.ncores ? sw->cfg.cores[id] : -1;
	for (i = id; i < sw->nports; i += sw->cfg.nworkers)
		w->ports[w->nports++] = i;
	w->rx = calloc(sw->cfg.burst, sizeof(*w->rx));
	w->out = calloc((size_t)sw->cfg.burst * (sw->nports ? sw->nports : 1), sizeof(*w->out));
	w->xdp = calloc(1, sizeof(*w->xdp));
	return w->rx && w->out && w->xdp ? 0 : -ENOMEM;
}

static int worker_start(struct vx_worker *w)
{
	pthread_attr_t attr;
	cpu_set_t set;
	int err;

	pthread_attr_init(&attr);
	if (w->core >= 0) {
		if (w->core >= CPU_SETSIZE) {
			pthread_attr_destroy(&attr);
			return -EINVAL;
		}
		CPU_ZERO(&set);
		CPU_SET(w->core, &set);
		pthread_attr_setaffinity_np(&attr, sizeof(set), &set);
	}
	err = pthread_create(&w->thread, &attr, vx_worker_main, w);
	pthread_attr_destroy(&attr);
	if (err)
		return -err;
	w->running = true;
	return 0;
}

int vx_switch_start(struct vx_switch *sw)
{
	unsigned int i;
	int err = 0;

	if (sw->started)
		return -EBUSY;
	sw->started = true;
	__atomic_store_n(&sw->stop, false, __ATOMIC_RELEASE);
	for (i = 0; i < sw->cfg.nworkers && !err; i++) {
		err = worker_alloc(sw, &sw->workers[i], i);
		if (!err)
			err = worker_start(&sw->workers[i]);
	}
	if (err)
		vx_switch_stop(sw);
	return err;
}

void vx_switch_stop(struct vx_switch *sw)
{
	unsigned int i;

	__atomic_store_n(&sw->stop, true, __ATOMIC_RELEASE);
	for (i = 0; i < sw->cfg.nworkers; i++) {
		struct vx_worker *w = &sw->workers[i];

		if (w->running)
			pthread_join(w->thread, NULL);
		w->running = false;
	}
}

static void worker_free(struct vx_worker *w)
{
	unsigned int i;

	free(w->rx);
	free(w->out);
	if (w->xdp) {
		for (i = 0; i < w->xdp->pool_alloc; i++)
			free(w->xdp->pool[i]);
	}
	free(w->xdp);
}

void vx_switch_free(struct vx_switch *sw)
{
	unsigned int i;

	if (!sw)
		return;
	vx_switch_stop(sw);
	for (i = 0; i < sw->cfg.nworkers; i++)
		worker_free(&sw->workers[i]);
	for (i = 0; i < sw->nports; i++)
		vx_port_destroy(sw->ports[i]);
	vx_mac_fini(&sw->macs);
	free(sw);
}

unsigned int vx_switch_nports(const struct vx_switch *sw)
{
	return sw->nports;
}

struct vx_port *vx_switch_port(const struct vx_switch *sw, unsigned int i)
{
	return i < sw->nports ? sw->ports[i] : NULL;
}

struct vx_port *vx_switch_port_by_name(const struct vx_switch *sw, const char *name)
{
	unsigned int i;

	for (i = 0; i < sw->nports; i++) {
		if (!strcmp(sw->ports[i]->name, name))
			return sw->ports[i];
	}
	return NULL;
}

enum vx_sw_mode vx_switch_mode(const struct vx_switch *sw)
{
	return sw->cfg.mode;
}

const char *vx_sw_mode_name(enum vx_sw_mode mode)
{
	return mode == VX_SW_XCONNECT ? "xconnect" : "learn";
}

unsigned int vx_switch_port_worker(const struct vx_switch *sw, unsigned int i)
{
	return i % sw->cfg.nworkers;
}

const struct vx_sw_cfg *vx_switch_cfg(const struct vx_switch *sw)
{
	return &sw->cfg;
}

void vx_switch_stats(const struct vx_switch *sw, struct vx_switch_stats *out)
{
	struct timespec t;
	unsigned int i;

	memset(out, 0, sizeof(*out));
	for (i = 0; i < sw->cfg.nworkers; i++) {
		const struct vx_worker *w = &sw->workers[i];

		out->flooded += __atomic_load_n(&w->flooded, __ATOMIC_RELAXED);
		out->polls += __atomic_load_n(&w->polls, __ATOMIC_RELAXED);
		out->idle_polls += __atomic_load_n(&w->idle_polls, __ATOMIC_RELAXED);
	}
	clock_gettime(CLOCK_MONOTONIC_COARSE, &t);
	out->macs = vx_mac_count(&sw->macs,
				 (uint64_t)t.tv_sec * 1000000000ULL + (uint64_t)t.tv_nsec);
}

void vx_switch_set_ctl_sink(struct vx_switch *sw, uint16_t etype, vx_sw_ctl_sink sink,
			    void *arg)
{
	sw->ctl_etype = etype;
	sw->ctl_sink = sink;
	sw->ctl_arg = arg;
}

int vx_switch_send(struct vx_switch *sw, unsigned int port, const void *frame, size_t len)
{
	struct iovec iov = { .iov_base = (void *)frame, .iov_len = len };
	struct vx_dp_pkt pkt = { .iov = &iov, .niov = 1, .len = (uint32_t)len };
	struct vx_port *p = vx_switch_port(sw, port);
	unsigned int sent;

	if (!p || len < 14 || len > UINT32_MAX)
		return -EINVAL;
	if (!p->ops->connected(p))
		return -ENOTCONN;
	pthread_mutex_lock(&p->tx_lock);
	sent = p->ops->tx_burst(p, &pkt, 1);
	pthread_mutex_unlock(&p->tx_lock);
	return sent ? 0 : -EAGAIN;
}
