// SPDX-License-Identifier: BSD-2-Clause
/*
 * vhost.c - the device object and its connection: listening or dialling the Unix socket,
 * one frontend at a time, reconnect with backoff, message dispatch and replies, counters.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/timerfd.h>
#include <unistd.h>

#include <vxvirtio/log.h>

#include "vhost_priv.h"

enum { EV_LISTEN = 1, EV_CONN, EV_TIMER };

static void ctl_inc(uint64_t *c)
{
	__atomic_fetch_add(c, 1, __ATOMIC_RELAXED);
}

static int ep_add(struct vx_vhost_dev *dev, int fd, uint32_t tag)
{
	struct epoll_event ev = { .events = EPOLLIN, .data.u32 = tag };

	return epoll_ctl(dev->epfd, EPOLL_CTL_ADD, fd, &ev);
}

static void ep_del(struct vx_vhost_dev *dev, int fd)
{
	epoll_ctl(dev->epfd, EPOLL_CTL_DEL, fd, NULL);
}

int vx_vhost_init_detached(struct vx_vhost_dev *dev, const char *name)
{
	unsigned int i;
	char qname[64];

	memset(dev, 0, sizeof(*dev));
	snprintf(dev->name, sizeof(dev->name), "%s", name);
	dev->epfd = dev->listen_fd = dev->conn_fd = dev->timer_fd = -1;
	dev->offered = VX_OFFERED_FEATURES;
	dev->offered_proto = VX_OFFERED_PROTOCOL;
	dev->hdr_len = VX_VIRTIO_NET_HDR_LEN;
	for (i = 0; i < VX_NET_NQUEUES; i++) {
		snprintf(qname, sizeof(qname), "%.40s q%u", name, i);
		vx_vq_init(&dev->vq[i], &dev->mem, qname);
	}
	return 0;
}

void vx_vhost_fini_detached(struct vx_vhost_dev *dev)
{
	unsigned int i;

	vx_vhost_reset_state(dev);
	vx_msg_rx_reset(&dev->rx);
	for (i = 0; i < VX_NET_NQUEUES; i++)
		vx_vq_destroy(&dev->vq[i]);
}

static int send_reply(struct vx_vhost_dev *dev, const struct vx_msg *m, struct vx_msg *reply)
{
	reply->hdr.flags = VX_VHOST_USER_VERSION | VX_VHOST_USER_REPLY;
	if (dev->conn_fd < 0)
		return 0;
	if (vx_msg_send(dev->conn_fd, reply)) {
		vx_virtio_log(dev->name, "cannot send the reply to %s",
			      vx_msg_name(m->hdr.request));
		return -EPROTO;
	}
	return 0;
}

static bool wants_ack(const struct vx_vhost_dev *dev, const struct vx_msg *m)
{
	return (m->hdr.flags & VX_VHOST_USER_NEED_REPLY) &&
	       (dev->proto_features & VX_BIT(VX_VHOST_USER_PROTOCOL_F_REPLY_ACK));
}

bool vx_vhost_dispatch(struct vx_vhost_dev *dev, struct vx_msg *m)
{
	/* Decided before the message runs: RESET_OWNER forgets the protocol features. */
	bool ack = wants_ack(dev, m);
	struct vx_msg reply;
	int err = vx_vhost_handle(dev, m, &reply);

	vx_msg_close_fds(m);
	if (err == -EPROTO) {
		ctl_inc(&dev->ctl.protocol_errors);
		vx_vhost_changed(dev);
		return false;
	}
	if (err)
		ctl_inc(&dev->ctl.refused);
	if (!reply.hdr.request && ack) {
		reply.hdr.request = m->hdr.request;
		reply.hdr.size = sizeof(uint64_t);
		reply.p.u64 = err ? 1 : 0;
	}
	vx_vhost_changed(dev);
	if (reply.hdr.request && send_reply(dev, m, &reply)) {
		ctl_inc(&dev->ctl.protocol_errors);
		return false;
	}
	return true;
}

static void arm_timer(struct vx_vhost_dev *dev, unsigned int ms)
{
	struct itimerspec t = {
		.it_value = { .tv_sec = ms / 1000, .tv_nsec = (ms % 1000) * 1000000L + 1 },
	};

	timerfd_settime(dev->timer_fd, 0, &t, NULL);
}

static void drop_conn(struct vx_vhost_dev *dev, const char *why)
{
	if (dev->conn_fd < 0)
		return;
	vx_virtio_log(dev->name, "frontend disconnected: %s", why);
	ep_del(dev, dev->conn_fd);
	close(dev->conn_fd);
	dev->conn_fd = -1;
	vx_msg_rx_reset(&dev->rx);
	vx_vhost_reset_state(dev);
	vx_vhost_changed(dev);
	ctl_inc(&dev->ctl.disconnects);
	if (dev->server) {
		ep_add(dev, dev->listen_fd, EV_LISTEN);
	} else {
		dev->backoff_ms = dev->backoff_min;
		arm_timer(dev, dev->backoff_ms);
	}
}

static void take_conn(struct vx_vhost_dev *dev, int fd)
{
	dev->conn_fd = fd;
	ep_add(dev, fd, EV_CONN);
	ctl_inc(&dev->ctl.connects);
	vx_virtio_log(dev->name, "frontend connected");
}

static void on_listen(struct vx_vhost_dev *dev)
{
	int fd = accept4(dev->listen_fd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);

	if (fd < 0)
		return;
	ep_del(dev, dev->listen_fd);
	take_conn(dev, fd);
}

static void on_timer(struct vx_vhost_dev *dev)
{
	uint64_t n;
	int fd;

	if (read(dev->timer_fd, &n, sizeof(n)) < 0 || dev->conn_fd >= 0)
		return;
	fd = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (fd >= 0 && connect(fd, (struct sockaddr *)&dev->addr, sizeof(dev->addr)) == 0) {
		take_conn(dev, fd);
		return;
	}
	if (fd >= 0)
		close(fd);
	dev->backoff_ms = dev->backoff_ms * 2 > dev->backoff_max ?
		dev->backoff_max : dev->backoff_ms * 2;
	arm_timer(dev, dev->backoff_ms);
}

static void on_conn(struct vx_vhost_dev *dev)
{
	struct vx_msg *m = malloc(sizeof(*m));
	unsigned int budget = 64;
	int r;

	if (!m)
		return;
	while (budget-- && dev->conn_fd >= 0) {
		r = vx_msg_recv(dev->conn_fd, &dev->rx, m);
		if (r == VX_MSG_MORE)
			break;
		if (r == -EPROTO) {
			ctl_inc(&dev->ctl.protocol_errors);
			vx_virtio_log(dev->name, "protocol error: malformed message framing");
			drop_conn(dev, "malformed message");
		} else if (r < 0) {
			drop_conn(dev, r == -EPIPE ? "closed" : strerror(-r));
		} else if (!vx_vhost_dispatch(dev, m)) {
			drop_conn(dev, "malformed message");
		}
	}
	free(m);
}

void vx_vhost_process(struct vx_vhost_dev *dev)
{
	struct epoll_event evs[4];
	int i, n = epoll_wait(dev->epfd, evs, 4, 0);

	for (i = 0; i < n; i++) {
		if (evs[i].data.u32 == EV_LISTEN && dev->conn_fd < 0)
			on_listen(dev);
		else if (evs[i].data.u32 == EV_CONN)
			on_conn(dev);
		else if (evs[i].data.u32 == EV_TIMER)
			on_timer(dev);
	}
}

/* A stale socket from an earlier run is replaced; any other file is left alone. */
static void remove_stale_socket(const char *path)
{
	struct stat st;

	if (lstat(path, &st) == 0 && S_ISSOCK(st.st_mode))
		unlink(path);
}

static int open_server(struct vx_vhost_dev *dev)
{
	dev->listen_fd = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (dev->listen_fd < 0)
		return -1;
	remove_stale_socket(dev->addr.sun_path);
	if (bind(dev->listen_fd, (struct sockaddr *)&dev->addr, sizeof(dev->addr)) < 0 ||
	    listen(dev->listen_fd, 1) < 0)
		return -1;
	return ep_add(dev, dev->listen_fd, EV_LISTEN);
}

static int open_client(struct vx_vhost_dev *dev)
{
	dev->timer_fd = timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK | TFD_CLOEXEC);
	if (dev->timer_fd < 0)
		return -1;
	dev->backoff_ms = dev->backoff_min;
	arm_timer(dev, 0);
	return ep_add(dev, dev->timer_fd, EV_TIMER);
}

static void apply_cfg(struct vx_vhost_dev *dev, const struct vx_vhost_cfg *cfg)
{
	dev->server = cfg->server;
	dev->addr.sun_family = AF_UNIX;
	snprintf(dev->addr.sun_path, sizeof(dev->addr.sun_path), "%s", cfg->path);
	dev->backoff_min = cfg->reconnect_min_ms ? cfg->reconnect_min_ms : 100;
	dev->backoff_max = cfg->reconnect_max_ms ? cfg->reconnect_max_ms : 5000;
	if (dev->backoff_max < dev->backoff_min)
		dev->backoff_max = dev->backoff_min;
	if (cfg->features_mask)
		dev->offered &= cfg->features_mask | VX_BIT(VX_VHOST_USER_F_PROTOCOL_FEATURES);
}

struct vx_vhost_dev *vx_vhost_new(const struct vx_vhost_cfg *cfg)
{
	struct vx_vhost_dev *dev;
	int err;

	if (!cfg->path || strlen(cfg->path) >= sizeof(dev->addr.sun_path)) {
		errno = EINVAL;
		return NULL;
	}
	dev = malloc(sizeof(*dev));
	if (!dev)
		return NULL;
	vx_vhost_init_detached(dev, cfg->name ? cfg->name : cfg->path);
	apply_cfg(dev, cfg);
	dev->epfd = epoll_create1(EPOLL_CLOEXEC);
	err = dev->epfd < 0 ? -1 : (dev->server ? open_server(dev) : open_client(dev));
	if (err) {
		err = errno;
		vx_vhost_free(dev);
		errno = err;
		return NULL;
	}
	return dev;
}

void vx_vhost_free(struct vx_vhost_dev *dev)
{
	if (!dev)
		return;
	if (dev->conn_fd >= 0)
		close(dev->conn_fd);
	if (dev->listen_fd >= 0) {
		close(dev->listen_fd);
		unlink(dev->addr.sun_path);
	}
	if (dev->timer_fd >= 0)
		close(dev->timer_fd);
	if (dev->epfd >= 0)
		close(dev->epfd);
	vx_vhost_fini_detached(dev);
	free(dev);
}

int vx_vhost_fd(const struct vx_vhost_dev *dev)
{
	return dev->epfd;
}

bool vx_vhost_connected(const struct vx_vhost_dev *dev)
{
	return dev->conn_fd >= 0;
}

bool vx_vhost_ready(const struct vx_vhost_dev *dev)
{
	return __atomic_load_n(&dev->ready, __ATOMIC_ACQUIRE);
}

uint32_t vx_vhost_generation(const struct vx_vhost_dev *dev)
{
	return __atomic_load_n(&dev->generation, __ATOMIC_ACQUIRE);
}

uint64_t vx_vhost_features(const struct vx_vhost_dev *dev)
{
	return dev->features;
}

static uint64_t rd(const uint64_t *c)
{
	return __atomic_load_n(c, __ATOMIC_RELAXED);
}

void vx_vhost_stats(const struct vx_vhost_dev *dev, struct vx_vhost_stats *o)
{
	const struct vx_vhost_stats *d = &dev->dp;

	o->rx_packets = rd(&d->rx_packets);
	o->rx_bytes = rd(&d->rx_bytes);
	o->tx_packets = rd(&d->tx_packets);
	o->tx_bytes = rd(&d->tx_bytes);
	o->drop_no_buffers = rd(&d->drop_no_buffers);
	o->drop_too_long = rd(&d->drop_too_long);
	o->drop_broken = rd(&d->drop_broken);
	o->drop_not_ready = rd(&d->drop_not_ready);
	o->rx_malformed = rd(&d->rx_malformed);
	o->queue_breaks = rd(&dev->vq[0].breaks) + rd(&dev->vq[1].breaks);
	o->calls = rd(&dev->vq[0].calls) + rd(&dev->vq[1].calls);
	o->connects = rd(&dev->ctl.connects);
	o->disconnects = rd(&dev->ctl.disconnects);
	o->protocol_errors = rd(&dev->ctl.protocol_errors);
	o->refused = rd(&dev->ctl.refused);
}
