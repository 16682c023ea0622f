/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * vxoffload/chan.h - the guest channel's server: guests manage their port's offloaded XDP
 * objects with frames of EtherType VX_OFF_ETHERTYPE on their own NIC (docs/guest-channel.md).
 *
 * The switch hands such frames to the channel on its worker threads; the channel copies each
 * into a bounded per-port queue and wakes the control thread through an eventfd. The control
 * thread polls vx_chan_fd() and calls vx_chan_process(), which reassembles objects, charges the
 * port's request rate, does each request through the offload registry for the port it arrived
 * on (origin VX_OFF_GUEST), and answers on the same port to the sender's MAC address.
 */
#ifndef VXOFFLOAD_CHAN_H
#define VXOFFLOAD_CHAN_H

#include <vxdp/switch.h>
#include <vxoffload/offload.h>

struct vx_chan;

/* Register the channel as sw's sink for the offload EtherType: before vx_switch_start(). */
struct vx_chan *vx_chan_new(struct vx_switch *sw, struct vx_offload *off);
/* After vx_switch_stop(): frees queues and transfers in progress. */
void vx_chan_free(struct vx_chan *chan);

/* Readable when frames wait; poll it with the other control fds. */
int vx_chan_fd(const struct vx_chan *chan);
/*
 * Handle waiting frames, a bounded number per port and call (fair between ports); the fd stays
 * readable when more wait. Returns how many frames were handled.
 */
unsigned int vx_chan_process(struct vx_chan *chan);

#endif /* VXOFFLOAD_CHAN_H */
