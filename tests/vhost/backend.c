// SPDX-License-Identifier: BSD-2-Clause
/* backend.c - a loopback vhost-user backend on two threads (control and worker) for the tests. */
#include <poll.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

#include <vxvirtio/log.h>
#include <vxvirtio/net.h>

#include "backend.h"

static unsigned long log_lines;
static bool log_quiet = true;

static void log_hook(void *arg, const char *line)
{
	(void)arg;
	__atomic_fetch_add(&log_lines, 1, __ATOMIC_RELAXED);
	if (!log_quiet)
		printf("# %s\n", line);
}

unsigned long tb_log_lines(void)
{
	return __atomic_load_n(&log_lines, __ATOMIC_RELAXED);
}

void tb_log_quiet(bool quiet)
{
	log_quiet = quiet;
}

static bool stopping(struct tb *b)
{
	return __atomic_load_n(&b->stop, __ATOMIC_ACQUIRE);
}

static void *ctl_main(void *arg)
{
	struct tb *b = arg;
	struct pollfd p = { .fd = vx_vhost_fd(b->dev), .events = POLLIN };

	while (!stopping(b)) {
		if (poll(&p, 1, 5) > 0)
			vx_vhost_process(b->dev);
	}
	return NULL;
}

static void loop_once(struct tb *b, struct vx_net_frame *f, struct vx_net_pkt *p)
{
	unsigned int i, n = vx_net_rx_burst(b->dev, f, 64);

	if (!n) {
		usleep(50);
		return;
	}
	for (i = 0; i < n; i++)
		p[i] = (struct vx_net_pkt){ .iov = f[i].iov, .niov = f[i].niov };
	if (b->loopback)
		vx_net_tx_burst(b->dev, p, n);
	vx_net_rx_release(b->dev);
	__atomic_fetch_add(&b->bursts, 1, __ATOMIC_RELAXED);
}

static void *wrk_main(void *arg)
{
	struct tb *b = arg;
	struct vx_net_frame f[64];
	struct vx_net_pkt p[64];

	while (!stopping(b))
		loop_once(b, f, p);
	return NULL;
}

int tb_start(struct tb *b, const struct vx_vhost_cfg *cfg, bool loopback)
{
	vx_virtio_set_log(log_hook, NULL);
	b->stop = false;
	b->loopback = loopback;
	b->bursts = 0;
	b->dev = vx_vhost_new(cfg);
	if (!b->dev)
		return -1;
	pthread_create(&b->ctl, NULL, ctl_main, b);
	pthread_create(&b->wrk, NULL, wrk_main, b);
	return 0;
}

void tb_stop(struct tb *b)
{
	__atomic_store_n(&b->stop, true, __ATOMIC_RELEASE);
	pthread_join(b->ctl, NULL);
	pthread_join(b->wrk, NULL);
	vx_vhost_free(b->dev);
	b->dev = NULL;
}

void tb_stats(struct tb *b, struct vx_vhost_stats *s)
{
	vx_vhost_stats(b->dev, s);
}

bool tb_wait(struct tb *b, bool (*pred)(const struct vx_vhost_stats *, unsigned long),
	     unsigned long arg, int ms)
{
	struct vx_vhost_stats s;

	for (;;) {
		tb_stats(b, &s);
		if (pred(&s, arg) || ms <= 0)
			return pred(&s, arg);
		usleep(2000);
		ms -= 2;
	}
}
