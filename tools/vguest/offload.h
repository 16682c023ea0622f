/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * offload.h - vguest's `offload` command: the guest channel (the same commands as
 * vxdp-guest) through vguest's userspace virtio-net frontend.
 */
#ifndef VGUEST_OFFLOAD_H
#define VGUEST_OFFLOAD_H

#include <stdint.h>

#include "frontend.h"

/* Run one guest channel command from argv; the exit status as vxdp-guest's. */
int vg_offload_run(struct vg_fe *fe, const uint8_t mac[6], uint32_t ifindex, int timeout_ms,
		   int argc, char **argv);

#endif /* VGUEST_OFFLOAD_H */
