// SPDX-License-Identifier: BSD-2-Clause
/*
 * offload.c - vguest's `offload` command: a vx_chan_client whose transport is the userspace
 * virtio-net frontend (frames that are not channel replies, e.g. traffic, are dropped here).
 */
#include <errno.h>
#include <time.h>
#include <unistd.h>

#include <vxoffload/chan_client.h>

#include "guest_cmd.h"
#include "offload.h"

static int fe_send(void *arg, const void *frame, size_t len)
{
	struct vg_fe *fe = arg;
	int tries, err = -EAGAIN;

	for (tries = 0; tries < 1000 && err == -EAGAIN; tries++) {
		vg_tx_reclaim(fe);
		err = vg_send(fe, frame, len);
		if (err == -EAGAIN)
			usleep(100);
	}
	return err;
}

static int elapsed_ms(const struct timespec *t0)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (t.tv_sec - t0->tv_sec) * 1000 + (t.tv_nsec - t0->tv_nsec) / 1000000;
}

static int fe_recv(void *arg, void *buf, size_t cap, int timeout_ms)
{
	struct vg_fe *fe = arg;
	struct timespec t0;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	do {
		int n;

		vg_drain_calls(fe);
		vg_tx_reclaim(fe);
		n = vg_recv(fe, buf, cap);
		if (n > 0 && (size_t)n <= cap)
			return n;
		if (n == 0)
			usleep(100);
	} while (elapsed_ms(&t0) < timeout_ms);
	return 0;
}

int vg_offload_run(struct vg_fe *fe, const uint8_t mac[6], uint32_t ifindex, int timeout_ms,
		   int argc, char **argv)
{
	struct vx_chan_transport t = { fe_send, fe_recv, fe };
	static struct vx_chan_client c;

	vx_chan_client_init(&c, &t, mac);
	if (timeout_ms > 0)
		c.timeout_ms = timeout_ms;
	return guest_cmd_run(&c, "vguest", argc, argv, ifindex);
}
