// SPDX-License-Identifier: BSD-2-Clause
/* port_vhost.c - the vhost-user port: a src/virtio device behind the port interface. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include <vxvirtio/net.h>
#include <vxvirtio/vhost.h>
#include <vxdp/port.h>

struct vhost_port {
	struct vx_port port;		/* first: the switch sees only this */
	struct vx_vhost_dev *dev;
	struct vx_net_frame frames[VX_NET_BURST_MAX];
	struct vx_net_pkt out[VX_NET_BURST_MAX];
};

static struct vhost_port *vp(struct vx_port *port)
{
	return (struct vhost_port *)port;
}

static unsigned int vh_rx_burst(struct vx_port *port, struct vx_dp_pkt *pkts, unsigned int max)
{
	struct vhost_port *p = vp(port);
	unsigned int i, n;

	if (max > VX_NET_BURST_MAX)
		max = VX_NET_BURST_MAX;
	n = vx_net_rx_burst(p->dev, p->frames, max);
	for (i = 0; i < n; i++) {
		pkts[i].iov = p->frames[i].iov;
		pkts[i].niov = p->frames[i].niov;
		pkts[i].len = p->frames[i].len;
	}
	return n;
}

static void vh_rx_release(struct vx_port *port)
{
	vx_net_rx_release(vp(port)->dev);
}

static unsigned int vh_tx_burst(struct vx_port *port, const struct vx_dp_pkt *pkts,
				unsigned int n)
{
	struct vhost_port *p = vp(port);
	unsigned int i;

	if (n > VX_NET_BURST_MAX)
		n = VX_NET_BURST_MAX;
	for (i = 0; i < n; i++)
		p->out[i] = (struct vx_net_pkt){ .iov = pkts[i].iov, .niov = pkts[i].niov };
	return vx_net_tx_burst(p->dev, p->out, n);
}

static void vh_stats(struct vx_port *port, struct vx_port_stats *out)
{
	struct vx_vhost_stats s;

	vx_vhost_stats(vp(port)->dev, &s);
	out->rx_packets = s.rx_packets;
	out->rx_bytes = s.rx_bytes;
	out->tx_packets = s.tx_packets;
	out->tx_bytes = s.tx_bytes;
	out->drop_ring_full = s.drop_no_buffers;
	out->drop_too_long = s.drop_too_long;
	out->drop_not_ready = s.drop_not_ready;
	out->drop_broken = s.drop_broken;
	out->rx_malformed = s.rx_malformed;
	out->connects = s.connects;
	out->disconnects = s.disconnects;
}

static bool vh_connected(struct vx_port *port)
{
	return vx_vhost_ready(vp(port)->dev);
}

static int vh_ctl_fd(struct vx_port *port)
{
	return vx_vhost_fd(vp(port)->dev);
}

static void vh_ctl_process(struct vx_port *port)
{
	vx_vhost_process(vp(port)->dev);
}

static void vh_destroy(struct vx_port *port)
{
	vx_vhost_free(vp(port)->dev);
	free(port);
}

static const struct vx_port_ops vhost_ops = {
	.type = "vhost-user",
	.guest = true,
	.rx_burst = vh_rx_burst,
	.rx_release = vh_rx_release,
	.tx_burst = vh_tx_burst,
	.stats = vh_stats,
	.connected = vh_connected,
	.ctl_fd = vh_ctl_fd,
	.ctl_process = vh_ctl_process,
	.destroy = vh_destroy,
};

struct vx_port *vx_port_vhost_new(const char *name, const char *path, bool client)
{
	struct vx_vhost_cfg cfg = { .path = path, .name = name, .server = !client };
	struct vhost_port *p = calloc(1, sizeof(*p));
	char desc[128];

	if (!p)
		return NULL;
	snprintf(desc, sizeof(desc), "vhost-user:%s,%s", path, client ? "client" : "server");
	if (vx_port_init(&p->port, &vhost_ops, name, desc)) {
		free(p);
		errno = EINVAL;
		return NULL;
	}
	p->dev = vx_vhost_new(&cfg);
	if (!p->dev) {
		int err = errno;

		free(p);
		errno = err;
		return NULL;
	}
	return &p->port;
}
