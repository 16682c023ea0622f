/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * net.h - the virtio-net datapath of a vhost-user device, for worker threads: frames from the
 * guest (its TX queue) handed out in place, frames to the guest (its RX queue) copied in.
 * See vhost.h for the threading contract.
 */
#ifndef VXVIRTIO_NET_H
#define VXVIRTIO_NET_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/uio.h>

#include <vxvirtio/vhost.h>
#include <vxvirtio/virtio.h>

#define VX_NET_BURST_MAX	256
/* Largest frame (without the virtio-net header) accepted toward a guest. */
#define VX_NET_MAX_FRAME	65550

struct vx_net_frame {
	struct iovec *iov;	/* segments in guest memory, header already stripped */
	unsigned int niov;
	uint32_t len;
	struct vx_virtio_net_hdr hdr;	/* the guest's header (num_buffers 0 on legacy) */
};

struct vx_net_pkt {
	const struct iovec *iov;
	unsigned int niov;
};

/*
 * Frames the guest transmitted: up to max (<= VX_NET_BURST_MAX) into frames. They stay valid,
 * and the queue stays locked, until vx_net_rx_release() on the same thread, which must follow
 * every burst that returned more than 0 (and may follow one that returned 0).
 */
unsigned int vx_net_rx_burst(struct vx_vhost_dev *dev, struct vx_net_frame *frames,
			     unsigned int max);
/* Give the last burst's buffers back to the guest: one used-index update, at most one call. */
void vx_net_rx_release(struct vx_vhost_dev *dev);

/*
 * Copy frames into the guest's receive buffers, with a zeroed virtio_net_hdr_v1 (num_buffers
 * set). Returns how many were delivered; the others are dropped and counted by reason.
 */
unsigned int vx_net_tx_burst(struct vx_vhost_dev *dev, const struct vx_net_pkt *pkts,
			     unsigned int n);

/*
 * Interrupt mode for a worker that wants to sleep: ask the guest to kick queue qid (0: its RX,
 * 1: its TX) or, by default, to not kick. Returns false when the queue was busy or not ready.
 */
bool vx_net_want_kicks(struct vx_vhost_dev *dev, unsigned int qid, bool on);

#endif /* VXVIRTIO_NET_H */
