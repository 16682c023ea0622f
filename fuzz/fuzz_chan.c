// SPDX-License-Identifier: BSD-2-Clause
/*
 * fuzz_chan.c - libFuzzer target for the guest channel's server: arbitrary frames from two
 * ports through the whole frame path (parse, decode, duplicate cache, rate charge, reassembly,
 * dispatch) against a real offload registry on a switch of idle ports. Every reply the server
 * sends must parse as a version-1 reply to the frame's sender.
 *
 * Input: records of [flags u8][len u8 u8][bytes]. flags bit 0: the port (0 or 1); bit 1:
 * prefix a valid Ethernet header, magic and version so the bytes start at the op; bit 2: also
 * fix the body length to what follows the header; bit 3: mark the frame as cut (oversize).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <vxoffload/chan.h>

#include "chan_priv.h"
#include "../tests/offload_chan/idle_switch.h"

static struct vx_switch *sw;
static const uint8_t guest_mac[6] = { 0x52, 0x54, 0, 0, 0, 7 };

static int check_reply(void *arg, unsigned int port, const void *frame, size_t len)
{
	struct vx_chan_hdr h;
	const uint8_t *body;

	(void)arg;
	if (port > 1 || len > VX_CHAN_FRAME_MAX ||
	    vx_chan_parse(frame, len, &h, &body) != VX_CHAN_OK || !(h.op & VX_CHAN_REPLY))
		abort();
	return 0;
}

static size_t build(uint8_t *f, uint8_t flags, const uint8_t *p, size_t n)
{
	size_t hl = VX_CHAN_ETH_HLEN + 4, len;

	if (!(flags & 2)) {
		len = n < VX_CHAN_FRAME_MAX ? n : VX_CHAN_FRAME_MAX;
		memcpy(f, p, len);
		return len;
	}
	memset(f, 0xff, 6);
	memcpy(f + 6, guest_mac, 6);
	f[12] = VX_CHAN_ETHERTYPE >> 8;
	f[13] = VX_CHAN_ETHERTYPE & 0xff;
	f[14] = VX_CHAN_MAGIC0;
	f[15] = VX_CHAN_MAGIC1;
	f[16] = VX_CHAN_VERSION;
	len = n < VX_CHAN_FRAME_MAX - hl ? n : VX_CHAN_FRAME_MAX - hl;
	memcpy(f + hl - 1, p, len);	/* op, id, status, body length, body */
	len += hl - 1;
	if ((flags & 4) && len >= VX_CHAN_ETH_HLEN + VX_CHAN_HDR_LEN) {
		size_t body = len - VX_CHAN_ETH_HLEN - VX_CHAN_HDR_LEN;

		f[24] = body >> 8;
		f[25] = body;
	}
	return len;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static uint8_t frame[VX_CHAN_FRAME_MAX];
	struct vx_offload *off;
	struct vx_chan *chan;

	if (!sw)
		sw = idle_switch(2);
	off = sw ? vx_offload_new(sw, NULL) : NULL;
	chan = off ? chan_new_raw(off, 2, check_reply, NULL) : NULL;
	if (!chan)
		abort();
	while (size >= 3) {
		uint8_t flags = data[0];
		size_t n = (size_t)data[1] << 8 | data[2], len;

		data += 3;
		size -= 3;
		if (n > size)
			n = size;
		len = build(frame, flags, data, n);
		chan_handle(chan, flags & 1, frame, len, flags & 8);
		data += n;
		size -= n;
	}
	vx_chan_free(chan);
	vx_offload_free(off);
	return 0;
}
