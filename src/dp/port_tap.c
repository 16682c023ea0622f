// SPDX-License-Identifier: BSD-2-Clause
/*
 * port_tap.c - the tap port: a Linux tap interface (/dev/net/tun) behind the port interface,
 * so frames reach the host's own network stack. Every frame crosses the fd with a 12-byte
 * virtio-net v1 header; no offloads are negotiated yet (TUNSETOFFLOAD 0), so the kernel
 * sends whole frames and a frame written with a zeroed header needs no fix-up.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <net/if.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <linux/if_tun.h>

#include <vxvirtio/net.h>
#include <vxvirtio/virtio.h>
#include <vxdp/port.h>

#define TAP_HDR_LEN	VX_VIRTIO_NET_HDR_LEN
#define TAP_FRAME_MAX	VX_NET_MAX_FRAME	/* without the header */
#define TAP_BUF_LEN	(TAP_HDR_LEN + TAP_FRAME_MAX)
#define TAP_RX_BURST	64			/* frames read per rx_burst at most */
#define TAP_ETH_HLEN	14
#define TAP_LOG_EVERY_S	10			/* at most one runtime log line per port per 10 s */

#define HDR_F_NEEDS_CSUM	1

struct tap_counters {
	uint64_t rx_packets, rx_bytes, tx_packets, tx_bytes;
	uint64_t drop_ring_full, drop_too_long, drop_not_ready, drop_broken, rx_malformed;
};

struct tap_port {
	struct vx_port port;		/* first: the switch sees only this */
	int fd;
	char ifname[IFNAMSIZ];
	struct tap_counters c;		/* relaxed atomics: read by the control thread */
	int64_t last_log;		/* time() of the last log line */
	uint8_t *rxbuf;			/* TAP_RX_BURST buffers of TAP_BUF_LEN */
	struct iovec rxiov[TAP_RX_BURST];
	struct iovec txiov[IOV_MAX];
	uint8_t *bounce;		/* a frame with more segments than IOV_MAX allows */
};

static const uint8_t zero_hdr[TAP_HDR_LEN];

static struct tap_port *tp(struct vx_port *port)
{
	return (struct tap_port *)port;
}

static void count(uint64_t *c, uint64_t n)
{
	__atomic_fetch_add(c, n, __ATOMIC_RELAXED);
}

static uint64_t load(const uint64_t *c)
{
	return __atomic_load_n(c, __ATOMIC_RELAXED);
}

/* Runtime trouble goes to stderr, rate-limited (the counters carry the numbers). */
static void tap_log(struct tap_port *p, const char *what, int err)
{
	int64_t now = time(NULL);

	/* rx and tx run on different threads: the stamp is an atomic. */
	if (now - __atomic_load_n(&p->last_log, __ATOMIC_RELAXED) < TAP_LOG_EVERY_S)
		return;
	__atomic_store_n(&p->last_log, now, __ATOMIC_RELAXED);
	fprintf(stderr, "vxdp: tap port %s (%s): %s: %s\n", p->port.name, p->ifname, what,
		strerror(err));
}

/* One's-complement sum of a byte range, as the Internet checksum needs it. */
static uint32_t csum_add(uint32_t sum, const uint8_t *b, size_t len)
{
	size_t i;

	for (i = 0; i + 1 < len; i += 2)
		sum += (uint32_t)b[i] << 8 | b[i + 1];
	if (len & 1)
		sum += (uint32_t)b[len - 1] << 8;
	return sum;
}

/*
 * The kernel left a partial checksum (NEEDS_CSUM): the field at csum_start + csum_offset
 * holds the pseudo-header sum; fold the rest of the frame into it. False if out of range.
 */
static bool finish_csum(uint8_t *frame, size_t len, const struct vx_virtio_net_hdr *h)
{
	size_t start = h->csum_start, at = start + h->csum_offset;
	uint32_t sum;

	if (start >= len || at + 2 > len)
		return false;
	sum = csum_add(0, frame + start, len - start);
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	sum = ~sum & 0xffff;
	frame[at] = sum >> 8;
	frame[at + 1] = sum & 0xff;
	return true;
}

/* Check one frame read from the tap and honour its header. False: drop it (counted). */
static bool rx_accept(struct tap_port *p, uint8_t *buf, size_t n)
{
	struct vx_virtio_net_hdr h;

	if (n < TAP_HDR_LEN + TAP_ETH_HLEN)
		return false;
	memcpy(&h, buf, sizeof(h));
	if (h.gso_type != 0) {
		/* Not negotiated: the kernel must not send these. */
		tap_log(p, "segmentation offload frame from the kernel, dropped", EPROTO);
		return false;
	}
	if (h.flags & HDR_F_NEEDS_CSUM)
		return finish_csum(buf + TAP_HDR_LEN, n - TAP_HDR_LEN, &h);
	return true;
}

static unsigned int tap_rx_burst(struct vx_port *port, struct vx_dp_pkt *pkts, unsigned int max)
{
	struct tap_port *p = tp(port);
	unsigned int n = 0, reads;
	uint64_t bytes = 0;

	if (max > TAP_RX_BURST)
		max = TAP_RX_BURST;
	/* At most max reads: dropped frames count against the burst too (bounded work). */
	for (reads = 0; reads < max; reads++) {
		uint8_t *buf = p->rxbuf + (size_t)n * TAP_BUF_LEN;
		ssize_t got = read(p->fd, buf, TAP_BUF_LEN);

		if (got < 0) {
			if (errno != EAGAIN && errno != EINTR)
				tap_log(p, "read", errno);
			break;
		}
		if (!rx_accept(p, buf, (size_t)got)) {
			count(&p->c.rx_malformed, 1);
			continue;
		}
		p->rxiov[n] = (struct iovec){ buf + TAP_HDR_LEN, (size_t)got - TAP_HDR_LEN };
		pkts[n] = (struct vx_dp_pkt){ .iov = &p->rxiov[n], .niov = 1,
					      .len = (uint32_t)(got - TAP_HDR_LEN) };
		bytes += pkts[n].len;
		n++;
	}
	if (n) {
		count(&p->c.rx_packets, n);
		count(&p->c.rx_bytes, bytes);
	}
	return n;
}

static void tap_rx_release(struct vx_port *port)
{
	(void)port;	/* the buffers are ours and reused by the next burst */
}

/* The counter a failed write lands in. */
static uint64_t *tx_error_counter(struct tap_port *p, int err)
{
	switch (err) {
	case EAGAIN:
	case ENOBUFS:
	case ENOMEM:
		return &p->c.drop_ring_full;
	case EMSGSIZE:
		return &p->c.drop_too_long;
	case EIO:
	case ENETDOWN:
	case EBADFD:
		return &p->c.drop_not_ready;
	default:
		return &p->c.drop_broken;
	}
}

/* The frame's segments after the header: in place, or copied once when too many. */
static int tx_iov(struct tap_port *p, const struct vx_dp_pkt *pkt)
{
	size_t off = 0;
	unsigned int i;

	p->txiov[0] = (struct iovec){ (void *)zero_hdr, TAP_HDR_LEN };
	if (pkt->niov < IOV_MAX) {
		memcpy(&p->txiov[1], pkt->iov, pkt->niov * sizeof(*pkt->iov));
		return (int)pkt->niov + 1;
	}
	for (i = 0; i < pkt->niov && off < pkt->len; i++) {
		size_t n = pkt->iov[i].iov_len;

		if (n > pkt->len - off)
			n = pkt->len - off;
		memcpy(p->bounce + off, pkt->iov[i].iov_base, n);
		off += n;
	}
	p->txiov[1] = (struct iovec){ p->bounce, off };
	return 2;
}

static bool tx_one(struct tap_port *p, const struct vx_dp_pkt *pkt)
{
	ssize_t put;

	if (pkt->len > TAP_FRAME_MAX) {
		count(&p->c.drop_too_long, 1);
		return false;
	}
	if (pkt->len < TAP_ETH_HLEN) {
		tap_log(p, "frame shorter than an Ethernet header, dropped", EINVAL);
		count(&p->c.drop_broken, 1);
		return false;
	}
	do
		put = writev(p->fd, p->txiov, tx_iov(p, pkt));
	while (put < 0 && errno == EINTR);
	if (put == (ssize_t)(pkt->len + TAP_HDR_LEN))
		return true;
	if (put >= 0)
		errno = EIO;	/* a short write: the kernel took part of a frame */
	if (errno != EAGAIN && errno != ENOBUFS)
		tap_log(p, "write", errno);
	count(tx_error_counter(p, errno), 1);
	return false;
}

static unsigned int tap_tx_burst(struct vx_port *port, const struct vx_dp_pkt *pkts,
				 unsigned int n)
{
	struct tap_port *p = tp(port);
	unsigned int i, sent = 0;
	uint64_t bytes = 0;

	for (i = 0; i < n; i++) {
		if (!tx_one(p, &pkts[i]))
			continue;
		sent++;
		bytes += pkts[i].len;
	}
	count(&p->c.tx_packets, sent);
	count(&p->c.tx_bytes, bytes);
	return sent;
}

static void tap_stats(struct vx_port *port, struct vx_port_stats *out)
{
	const struct tap_counters *c = &tp(port)->c;

	out->rx_packets = load(&c->rx_packets);
	out->rx_bytes = load(&c->rx_bytes);
	out->tx_packets = load(&c->tx_packets);
	out->tx_bytes = load(&c->tx_bytes);
	out->drop_ring_full = load(&c->drop_ring_full);
	out->drop_too_long = load(&c->drop_too_long);
	out->drop_not_ready = load(&c->drop_not_ready);
	out->drop_broken = load(&c->drop_broken);
	out->rx_malformed = load(&c->rx_malformed);
}

/* Interface flags by name, through any socket; -1 and errno if it is gone. */
static int if_flags(const char *ifname, int *flags, int set)
{
	struct ifreq ifr = { 0 };
	int s = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0), err = 0;

	if (s < 0)
		return -1;
	memcpy(ifr.ifr_name, ifname, strlen(ifname) + 1);
	if (ioctl(s, SIOCGIFFLAGS, &ifr)) {
		err = errno;
	} else if (set && (ifr.ifr_flags & set) != set) {
		ifr.ifr_flags |= set;
		if (ioctl(s, SIOCSIFFLAGS, &ifr))
			err = errno;
	}
	*flags = ifr.ifr_flags;
	close(s);
	errno = err;
	return err ? -1 : 0;
}

/* "Connected" for a tap: the interface exists (in our namespace) and is up. */
static bool tap_connected(struct vx_port *port)
{
	int flags;

	return !if_flags(tp(port)->ifname, &flags, 0) && (flags & IFF_UP);
}

static int tap_ctl_fd(struct vx_port *port)
{
	(void)port;
	return -1;
}

static void tap_ctl_process(struct vx_port *port)
{
	(void)port;
}

static void tap_destroy(struct vx_port *port)
{
	struct tap_port *p = tp(port);

	if (p->fd >= 0)
		close(p->fd);
	free(p->rxbuf);
	free(p->bounce);
	free(p);
}

static const struct vx_port_ops tap_ops = {
	.type = "tap",
	.rx_burst = tap_rx_burst,
	.rx_release = tap_rx_release,
	.tx_burst = tap_tx_burst,
	.stats = tap_stats,
	.connected = tap_connected,
	.ctl_fd = tap_ctl_fd,
	.ctl_process = tap_ctl_process,
	.destroy = tap_destroy,
};

/*
 * Open /dev/net/tun and create or attach the interface. errno on failure: ENOENT (no
 * /dev/net/tun), EPERM (no CAP_NET_ADMIN, or not the owner of a persistent tap), EBUSY (in
 * use by another process), EINVAL (exists and is not a tap with these flags).
 */
static int tap_open(struct tap_port *p)
{
	struct ifreq ifr = { 0 };
	int hdr_len = TAP_HDR_LEN, le = 1, flags;

	p->fd = open("/dev/net/tun", O_RDWR | O_NONBLOCK | O_CLOEXEC);
	if (p->fd < 0)
		return errno == EACCES ? (errno = EPERM, -1) : -1;
	ifr.ifr_flags = IFF_TAP | IFF_NO_PI | IFF_VNET_HDR;
	memcpy(ifr.ifr_name, p->ifname, sizeof(ifr.ifr_name));
	if (ioctl(p->fd, TUNSETIFF, &ifr))
		return -1;
	if (ioctl(p->fd, TUNSETVNETHDRSZ, &hdr_len))
		return -1;
	/* virtio 1 headers are little-endian; only matters on a big-endian host. */
	if (ioctl(p->fd, TUNSETVNETLE, &le) && errno != EINVAL && errno != ENOTTY)
		return -1;
	if (ioctl(p->fd, TUNSETOFFLOAD, 0UL))
		return -1;
	return if_flags(p->ifname, &flags, IFF_UP);
}

static int tap_alloc(struct tap_port *p)
{
	p->rxbuf = malloc((size_t)TAP_RX_BURST * TAP_BUF_LEN);
	p->bounce = malloc(TAP_FRAME_MAX);
	if (!p->rxbuf || !p->bounce) {
		errno = ENOMEM;
		return -1;
	}
	return 0;
}

struct vx_port *vx_port_tap_new(const char *name, const char *ifname)
{
	struct tap_port *p;
	size_t len = strlen(ifname);
	char desc[64];
	int err;

	if (len >= IFNAMSIZ || !len) {
		errno = len ? ENAMETOOLONG : EINVAL;
		return NULL;
	}
	p = calloc(1, sizeof(*p));
	if (!p)
		return NULL;
	snprintf(desc, sizeof(desc), "tap:%s", ifname);
	if (vx_port_init(&p->port, &tap_ops, name, desc)) {
		free(p);
		errno = EINVAL;
		return NULL;
	}
	p->fd = -1;
	memcpy(p->ifname, ifname, len + 1);
	if (tap_alloc(p) || tap_open(p)) {
		err = errno;
		tap_destroy(&p->port);
		errno = err;
		return NULL;
	}
	return &p->port;
}
