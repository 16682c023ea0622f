// SPDX-License-Identifier: BSD-2-Clause
/*
 * fuzz_vhost_msg.c - libFuzzer target: the input is a stream of vhost-user messages (header
 * and payload, no fds) fed to one device's parser and handler, as one connection would; a
 * message that would close the connection resets the device, as a reconnect does. A fake
 * memory table (no fds can come from the input) is installed at the start and after each
 * reset, so ring addresses can translate: frontend addresses 0x7f0000000000 + [0, 64 KiB).
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <vxvirtio/log.h>

#include "vhost_priv.h"

static void quiet(void *arg, const char *line)
{
	(void)arg;
	(void)line;
}

static struct vx_vhost_dev dev;
static struct vx_msg msg;
static uint8_t guest[64 * 1024] __attribute__((aligned(4096)));

static void fake_mem(void)
{
	dev.mem.nregions = 1;
	dev.mem.regions[0] = (struct vx_mem_region){
		.gpa = 0x10000, .uva = 0x7f0000000000ULL, .size = sizeof(guest), .host = guest,
	};
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct vx_vhost_user_hdr h;
	size_t len;

	vx_virtio_set_log(quiet, NULL);
	vx_vhost_init_detached(&dev, "fuzz");
	fake_mem();
	while (size >= VX_VHOST_USER_HDR_SIZE) {
		memcpy(&h, data, sizeof(h));
		len = VX_VHOST_USER_HDR_SIZE + (h.size < size - sizeof(h) ? h.size : size - sizeof(h));
		if (vx_msg_decode(data, len, &msg) || !vx_vhost_dispatch(&dev, &msg)) {
			vx_vhost_reset_state(&dev);
			fake_mem();
		}
		data += len;
		size -= len;
	}
	vx_vhost_fini_detached(&dev);
	return 0;
}
