/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * backend.h - the vhost tests' backend: one vxvirtio device with a control thread and a
 * worker thread that loops frames from the guest's TX queue back to its RX queue.
 */
#ifndef VXDP_TESTS_VHOST_BACKEND_H
#define VXDP_TESTS_VHOST_BACKEND_H

#include <pthread.h>
#include <stdbool.h>

#include <vxvirtio/vhost.h>

struct tb {
	struct vx_vhost_dev *dev;
	pthread_t ctl, wrk;
	bool stop;
	bool loopback;		/* false: frames from the guest are released, not returned */
	unsigned long bursts;
};

int tb_start(struct tb *b, const struct vx_vhost_cfg *cfg, bool loopback);
void tb_stop(struct tb *b);
void tb_stats(struct tb *b, struct vx_vhost_stats *s);
/* Wait until pred(stats) holds or ms pass; returns pred's last value. */
bool tb_wait(struct tb *b, bool (*pred)(const struct vx_vhost_stats *, unsigned long),
	     unsigned long arg, int ms);
/* Log lines seen so far (the tests' log hook). */
unsigned long tb_log_lines(void);
void tb_log_quiet(bool quiet);

#endif /* VXDP_TESTS_VHOST_BACKEND_H */
