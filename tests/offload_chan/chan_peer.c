// SPDX-License-Identifier: BSD-2-Clause
/*
 * chan_peer.c - the guest channel's server on a Linux interface, for testing vxdp-guest over a
 * real AF_PACKET link (a veth pair) without a VM: frames of EtherType 0x88b5 read from IFNAME
 * go to the server as port 0 of a registry on an idle switch; replies are written back to
 * IFNAME. Runs until SIGTERM or SECONDS pass. Usage: chan_peer IFNAME SECONDS
 */
#include <arpa/inet.h>
#include <errno.h>
#include <linux/if_packet.h>
#include <net/if.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <vxoffload/chan.h>

#include "chan_priv.h"
#include "idle_switch.h"

static volatile sig_atomic_t stop;

static void on_term(int sig)
{
	(void)sig;
	stop = 1;
}

static int peer_send(void *arg, unsigned int port, const void *frame, size_t len)
{
	int fd = *(int *)arg;

	(void)port;
	return send(fd, frame, len, 0) < 0 ? -errno : 0;
}

static int open_if(const char *ifname)
{
	struct sockaddr_ll a = { .sll_family = AF_PACKET,
				 .sll_protocol = htons(VX_CHAN_ETHERTYPE) };
	int fd = socket(AF_PACKET, SOCK_RAW, htons(VX_CHAN_ETHERTYPE));

	a.sll_ifindex = if_nametoindex(ifname);
	if (fd < 0 || !a.sll_ifindex || bind(fd, (struct sockaddr *)&a, sizeof(a))) {
		fprintf(stderr, "chan_peer: %s: %s\n", ifname, strerror(errno));
		return -1;
	}
	return fd;
}

int main(int argc, char **argv)
{
	static uint8_t buf[65536];
	struct vx_switch *sw = idle_switch(1);
	struct vx_offload *off = sw ? vx_offload_new(sw, NULL) : NULL;
	struct vx_chan *chan;
	time_t end;
	int fd;

	if (argc != 3 || !off)
		return 2;
	fd = open_if(argv[1]);
	chan = fd >= 0 ? chan_new_raw(off, 1, peer_send, &fd) : NULL;
	if (!chan)
		return 1;
	signal(SIGTERM, on_term);
	end = time(NULL) + atoi(argv[2]);
	fprintf(stderr, "chan_peer: serving on %s\n", argv[1]);
	while (!stop && time(NULL) < end) {
		struct pollfd p = { .fd = fd, .events = POLLIN };
		struct sockaddr_ll from;
		socklen_t fl = sizeof(from);
		ssize_t n;

		if (poll(&p, 1, 100) <= 0)
			continue;
		n = recvfrom(fd, buf, sizeof(buf), MSG_TRUNC, (struct sockaddr *)&from, &fl);
		if (n <= 0 || from.sll_pkttype == PACKET_OUTGOING)
			continue;
		chan_handle(chan, 0, buf, n < VX_CHAN_FRAME_MAX ? (size_t)n : VX_CHAN_FRAME_MAX,
			    n > VX_CHAN_FRAME_MAX);
	}
	vx_chan_free(chan);
	vx_offload_free(off);
	vx_switch_free(sw);
	close(fd);
	return 0;
}
