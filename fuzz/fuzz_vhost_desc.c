// SPDX-License-Identifier: BSD-2-Clause
/*
 * fuzz_vhost_desc.c - libFuzzer target: the input becomes guest memory (descriptor table,
 * avail ring, buffers, indirect tables) over a fake two-region memory table, then the
 * datapath runs over it both ways: frames from the guest's TX ring, frames into its RX ring.
 *
 * Input: byte 0 = log2 ring size (taken mod 9), byte 1 = features (bit 0 indirect, bit 1
 * event index, bit 2 MRG_RXBUF, bit 3 legacy header), the rest = guest memory, zero-padded.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <vxvirtio/log.h>

#include "vhost_priv.h"

#define MEM_SIZE	(64 * 1024)
#define GPA_BASE	0x10000ULL
#define UVA_BASE	0x7f0000000000ULL

static uint8_t guest[MEM_SIZE] __attribute__((aligned(4096)));
static struct vx_vhost_dev dev;

static void quiet(void *arg, const char *line)
{
	(void)arg;
	(void)line;
}

/* Two regions, back to back in both address spaces, so buffers may cross between them. */
static void fake_mem(void)
{
	unsigned int i;

	dev.mem.nregions = 2;
	for (i = 0; i < 2; i++) {
		dev.mem.regions[i] = (struct vx_mem_region){
			.gpa = GPA_BASE + i * (MEM_SIZE / 2),
			.uva = UVA_BASE + i * (MEM_SIZE / 2),
			.size = MEM_SIZE / 2,
			.host = guest + i * (MEM_SIZE / 2),
		};
	}
}

/* Both queues share one layout: ring i at i * MEM_SIZE / 4 with a size of num. */
static void setup_queue(unsigned int q, unsigned int num, uint8_t feat)
{
	struct vx_vq *vq = &dev.vq[q];
	uint64_t at = UVA_BASE + q * (MEM_SIZE / 4);

	vq->num = num;
	vq->num_set = vq->addr_set = true;
	vq->desc_uva = at;
	vq->avail_uva = at + vx_vring_desc_size(num);
	vq->used_uva = (vq->avail_uva + vx_vring_avail_size(num) + 3) & ~3ULL;
	vq->indirect = feat & 1;
	vq->event_idx = feat & 2;
	if (vx_vq_translate(vq))
		return;
	vq->started = vq->enabled = true;
}

static void run_datapath(void)
{
	static struct vx_net_frame frames[VX_NET_BURST_MAX];
	struct vx_net_pkt pkts[8];
	struct iovec iov[8];
	unsigned int i, n;

	n = vx_net_rx_burst(&dev, frames, VX_NET_BURST_MAX);
	for (i = 0; i < n && i < 8; i++)
		pkts[i] = (struct vx_net_pkt){ .iov = frames[i].iov, .niov = frames[i].niov };
	if (n)
		vx_net_tx_burst(&dev, pkts, n < 8 ? n : 8);
	vx_net_rx_release(&dev);
	for (i = 0; i < 8; i++) {
		iov[i] = (struct iovec){ .iov_base = guest + 100 * i, .iov_len = 60 + 700 * i };
		pkts[i] = (struct vx_net_pkt){ .iov = &iov[i], .niov = 1 };
	}
	vx_net_tx_burst(&dev, pkts, 8);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	unsigned int num;
	uint8_t feat;

	if (size < 2)
		return 0;
	vx_virtio_set_log(quiet, NULL);
	vx_vhost_init_detached(&dev, "fuzz");
	num = 1u << (data[0] % 9);
	feat = data[1];
	memset(guest, 0, sizeof(guest));
	memcpy(guest, data + 2, size - 2 < MEM_SIZE ? size - 2 : MEM_SIZE);
	fake_mem();
	dev.mrg_rxbuf = feat & 4;
	dev.hdr_len = (feat & 8) && !dev.mrg_rxbuf ? VX_VIRTIO_NET_HDR_LEN_LEGACY :
		VX_VIRTIO_NET_HDR_LEN;
	setup_queue(VX_NET_RXQ, num, feat);
	setup_queue(VX_NET_TXQ, num, feat);
	run_datapath();
	run_datapath();
	vx_vhost_fini_detached(&dev);
	return 0;
}
