// SPDX-License-Identifier: BSD-2-Clause
/*
 * vxdp-guest.c - the guest's offload tool: runs inside a Linux VM whose NIC is a vxdp port and
 * manages the XDP objects the host runs for it, over the guest channel (an AF_PACKET socket on
 * the NIC, EtherType 0x88b5). Needs CAP_NET_RAW; no kernel module, no QEMU change.
 */
#include <errno.h>
#include <getopt.h>
#include <net/if.h>
#include <netinet/in.h>
#include <linux/if_packet.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <vxoffload/chan_client.h>

#include "guest_cmd.h"

struct pkt_sock {
	int fd;
	unsigned int ifindex;
};

static int ps_send(void *arg, const void *frame, size_t len)
{
	struct pkt_sock *s = arg;

	return send(s->fd, frame, len, 0) < 0 ? -errno : 0;
}

static int ps_recv(void *arg, void *buf, size_t cap, int timeout_ms)
{
	struct pkt_sock *s = arg;
	struct pollfd p = { .fd = s->fd, .events = POLLIN };
	struct sockaddr_ll from;
	socklen_t fl = sizeof(from);
	ssize_t n;
	int r = poll(&p, 1, timeout_ms);

	if (r < 0)
		return errno == EINTR ? 0 : -errno;
	if (r == 0)
		return 0;
	n = recvfrom(s->fd, buf, cap, MSG_TRUNC, (struct sockaddr *)&from, &fl);
	if (n < 0)
		return errno == EINTR || errno == EAGAIN ? 0 : -errno;
	/* Our own requests come back to a packet socket as outgoing: not answers. */
	if (from.sll_pkttype == PACKET_OUTGOING || (size_t)n > cap)
		return 0;
	return (int)n;
}

static int open_sock(const char *ifname, struct pkt_sock *s, uint8_t mac[6])
{
	struct sockaddr_ll a = { .sll_family = AF_PACKET };
	struct ifreq ifr = { 0 };

	s->ifindex = if_nametoindex(ifname);
	if (!s->ifindex) {
		fprintf(stderr, "vxdp-guest: %s: no such interface\n", ifname);
		return -1;
	}
	s->fd = socket(AF_PACKET, SOCK_RAW | SOCK_CLOEXEC, htons(VX_CHAN_ETHERTYPE));
	if (s->fd < 0) {
		fprintf(stderr, "vxdp-guest: packet socket: %s%s\n", strerror(errno),
			errno == EPERM ? " (needs root or CAP_NET_RAW)" : "");
		return -1;
	}
	a.sll_protocol = htons(VX_CHAN_ETHERTYPE);
	a.sll_ifindex = s->ifindex;
	snprintf(ifr.ifr_name, sizeof(ifr.ifr_name), "%s", ifname);
	if (bind(s->fd, (struct sockaddr *)&a, sizeof(a)) ||
	    ioctl(s->fd, SIOCGIFHWADDR, &ifr)) {
		fprintf(stderr, "vxdp-guest: %s: %s\n", ifname, strerror(errno));
		close(s->fd);
		return -1;
	}
	memcpy(mac, ifr.ifr_hwaddr.sa_data, 6);
	return 0;
}

static void usage(FILE *f)
{
	fprintf(f,
		"usage: vxdp-guest -i IFNAME [--timeout MS] [--retries N] [--ifindex N] COMMAND\n"
		"Manage the XDP programs the vxdp host runs for this VM's NIC IFNAME.\n"
		"commands:\n");
	guest_cmd_usage(f);
	fprintf(f,
		"options:\n"
		"  -i, --interface IFNAME  the NIC connected to vxdp (required)\n"
		"  --timeout MS            wait per try before retransmitting (default 500)\n"
		"  --retries N             retransmissions before giving up (default 6)\n"
		"  --ifindex N             ingress_ifindex for attached programs (default: IFNAME's)\n"
		"exit status: 0 done, 1 refused by the host or no answer, 2 bad command line\n");
}

enum { O_TIMEOUT = 1, O_RETRIES, O_IFINDEX };

static const struct option opts[] = {
	{ "interface", required_argument, NULL, 'i' },
	{ "timeout", required_argument, NULL, O_TIMEOUT },
	{ "retries", required_argument, NULL, O_RETRIES },
	{ "ifindex", required_argument, NULL, O_IFINDEX },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

static int num(const char *s, long max, long *out)
{
	char *end;

	errno = 0;
	*out = strtol(s, &end, 0);
	return errno || *end || end == s || *out < 0 || *out > max ? -1 : 0;
}

int main(int argc, char **argv)
{
	const char *ifname = NULL;
	long timeout = 500, retries = 6, ifindex = -1;
	struct vx_chan_transport t = { ps_send, ps_recv, NULL };
	struct vx_chan_client c;
	struct pkt_sock s;
	uint8_t mac[6];
	int o, bad = 0, rc;

	while ((o = getopt_long(argc, argv, "+i:h", opts, NULL)) != -1) {
		switch (o) {
		case 'i': ifname = optarg; break;
		case 'h': usage(stdout); return 0;
		case O_TIMEOUT: bad |= num(optarg, 600000, &timeout) || !timeout; break;
		case O_RETRIES: bad |= num(optarg, 1000, &retries); break;
		case O_IFINDEX: bad |= num(optarg, UINT32_MAX, &ifindex); break;
		default: bad = 1; break;
		}
	}
	if (bad || !ifname || optind >= argc) {
		fprintf(stderr, "vxdp-guest: %s\n", bad ? "bad option value" :
			!ifname ? "-i IFNAME is required" : "no command");
		usage(stderr);
		return 2;
	}
	if (open_sock(ifname, &s, mac))
		return 1;
	t.arg = &s;
	vx_chan_client_init(&c, &t, mac);
	c.timeout_ms = timeout;
	c.retries = retries;
	rc = guest_cmd_run(&c, "vxdp-guest", argc - optind, argv + optind,
			   ifindex >= 0 ? (uint32_t)ifindex : s.ifindex);
	close(s.fd);
	return rc;
}
