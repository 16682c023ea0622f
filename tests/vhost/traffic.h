/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * traffic.h - the vhost tests' traffic: numbered frames sent from a vguest frontend and taken
 * back.
 */
#ifndef VXDP_TESTS_VHOST_TRAFFIC_H
#define VXDP_TESTS_VHOST_TRAFFIC_H

#include <stddef.h>

#include "frontend.h"

struct tr_result {
	unsigned long sent, received, bad, reordered;
};

/*
 * Send count frames of sizes cycling from size_min to size_max (sequence numbers from seq0)
 * while receiving; stop when all came back or timeout_ms passed.
 */
void tr_exchange(struct vg_fe *fe, unsigned long count, size_t size_min, size_t size_max,
		 unsigned long seq0, int timeout_ms, struct tr_result *r);
/* Receive whatever arrives for ms; returns frames received. */
unsigned long tr_drain(struct vg_fe *fe, int ms);

#endif /* VXDP_TESTS_VHOST_TRAFFIC_H */
