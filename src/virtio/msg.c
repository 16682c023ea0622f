// SPDX-License-Identifier: BSD-2-Clause
/*
 * msg.c - the vhost-user wire format: receiving one message at a time from a nonblocking
 * socket with its fds, strict header and size checks per request, sending replies.
 */
#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "vhost_priv.h"

#define SIZE_UNSUPPORTED	-1
#define SIZE_MEM_TABLE		-2
#define SIZE_ANY		-3

static const struct {
	const char *name;
	int size;
} reqs[VX_VHOST_USER_REQ_MAX] = {
	[VX_VHOST_USER_GET_FEATURES] = { "GET_FEATURES", 0 },
	[VX_VHOST_USER_SET_FEATURES] = { "SET_FEATURES", 8 },
	[VX_VHOST_USER_SET_OWNER] = { "SET_OWNER", 0 },
	[VX_VHOST_USER_RESET_OWNER] = { "RESET_OWNER", 0 },
	[VX_VHOST_USER_SET_MEM_TABLE] = { "SET_MEM_TABLE", SIZE_MEM_TABLE },
	[VX_VHOST_USER_SET_LOG_BASE] = { "SET_LOG_BASE", SIZE_ANY },
	[VX_VHOST_USER_SET_LOG_FD] = { "SET_LOG_FD", SIZE_ANY },
	[VX_VHOST_USER_SET_VRING_NUM] = { "SET_VRING_NUM", 8 },
	[VX_VHOST_USER_SET_VRING_ADDR] = { "SET_VRING_ADDR", 40 },
	[VX_VHOST_USER_SET_VRING_BASE] = { "SET_VRING_BASE", 8 },
	[VX_VHOST_USER_GET_VRING_BASE] = { "GET_VRING_BASE", 8 },
	[VX_VHOST_USER_SET_VRING_KICK] = { "SET_VRING_KICK", 8 },
	[VX_VHOST_USER_SET_VRING_CALL] = { "SET_VRING_CALL", 8 },
	[VX_VHOST_USER_SET_VRING_ERR] = { "SET_VRING_ERR", 8 },
	[VX_VHOST_USER_GET_PROTOCOL_FEATURES] = { "GET_PROTOCOL_FEATURES", 0 },
	[VX_VHOST_USER_SET_PROTOCOL_FEATURES] = { "SET_PROTOCOL_FEATURES", 8 },
	[VX_VHOST_USER_GET_QUEUE_NUM] = { "GET_QUEUE_NUM", 0 },
	[VX_VHOST_USER_SET_VRING_ENABLE] = { "SET_VRING_ENABLE", 8 },
	[VX_VHOST_USER_SEND_RARP] = { "SEND_RARP", 8 },
	[VX_VHOST_USER_NET_SET_MTU] = { "NET_SET_MTU", 8 },
};

const char *vx_msg_name(uint32_t req)
{
	if (req < VX_VHOST_USER_REQ_MAX && reqs[req].name)
		return reqs[req].name;
	return "unknown request";
}

static int expected_size(uint32_t req)
{
	if (req >= VX_VHOST_USER_REQ_MAX || !reqs[req].name)
		return SIZE_UNSUPPORTED;
	return reqs[req].size;
}

static int mem_table_size_ok(const struct vx_msg *m)
{
	uint32_t n;

	if (m->hdr.size < 8)
		return 0;
	n = m->p.mem.nregions;
	if (n == 0 || n > VX_VHOST_USER_MAX_REGIONS)
		return 0;
	return m->hdr.size == 8 + n * sizeof(struct vx_vhost_user_region);
}

int vx_msg_check(const struct vx_msg *m)
{
	uint32_t allowed = VX_VHOST_USER_VERSION_MASK | VX_VHOST_USER_NEED_REPLY;
	int want = expected_size(m->hdr.request);

	if ((m->hdr.flags & VX_VHOST_USER_VERSION_MASK) != VX_VHOST_USER_VERSION)
		return -EPROTO;
	if (m->hdr.flags & ~allowed)
		return -EPROTO;
	if (m->hdr.size > VX_VHOST_USER_MAX_PAYLOAD)
		return -EPROTO;
	switch (want) {
	case SIZE_UNSUPPORTED:
		return -EPROTO;
	case SIZE_ANY:
		return 0;
	case SIZE_MEM_TABLE:
		return mem_table_size_ok(m) ? 0 : -EPROTO;
	default:
		return m->hdr.size == (uint32_t)want ? 0 : -EPROTO;
	}
}

int vx_msg_decode(const uint8_t *buf, size_t len, struct vx_msg *m)
{
	if (len < VX_VHOST_USER_HDR_SIZE)
		return -EPROTO;
	memcpy(&m->hdr, buf, VX_VHOST_USER_HDR_SIZE);
	if (m->hdr.size > VX_VHOST_USER_MAX_PAYLOAD || m->hdr.size != len - VX_VHOST_USER_HDR_SIZE)
		return -EPROTO;
	memset(&m->p, 0, sizeof(m->p));
	memcpy(&m->p, buf + VX_VHOST_USER_HDR_SIZE, m->hdr.size);
	m->nfds = 0;
	return 0;
}

void vx_msg_close_fds(struct vx_msg *m)
{
	unsigned int i;

	for (i = 0; i < m->nfds; i++) {
		if (m->fds[i] >= 0)
			close(m->fds[i]);
	}
	m->nfds = 0;
}

void vx_msg_rx_reset(struct vx_msg_rx *rx)
{
	unsigned int i;

	for (i = 0; i < rx->nfds; i++)
		close(rx->fds[i]);
	rx->nfds = 0;
	rx->have = 0;
	rx->fd_overflow = false;
}

static void take_fds(struct vx_msg_rx *rx, struct msghdr *mh)
{
	struct cmsghdr *c;
	unsigned int i, n;
	int fd;

	if (mh->msg_flags & MSG_CTRUNC)
		rx->fd_overflow = true;
	for (c = CMSG_FIRSTHDR(mh); c; c = CMSG_NXTHDR(mh, c)) {
		if (c->cmsg_level != SOL_SOCKET || c->cmsg_type != SCM_RIGHTS)
			continue;
		n = (c->cmsg_len - CMSG_LEN(0)) / sizeof(int);
		for (i = 0; i < n; i++) {
			memcpy(&fd, CMSG_DATA(c) + i * sizeof(int), sizeof(int));
			if (rx->nfds < VX_VHOST_USER_MAX_FDS) {
				rx->fds[rx->nfds++] = fd;
			} else {
				close(fd);
				rx->fd_overflow = true;
			}
		}
	}
}

static size_t rx_need(const struct vx_msg_rx *rx)
{
	uint32_t size;

	if (rx->have < VX_VHOST_USER_HDR_SIZE)
		return VX_VHOST_USER_HDR_SIZE - rx->have;
	memcpy(&size, rx->buf + 8, sizeof(size));
	return VX_VHOST_USER_HDR_SIZE + size - rx->have;
}

static ssize_t rx_read(int fd, struct vx_msg_rx *rx, size_t need)
{
	union {
		char buf[CMSG_SPACE(sizeof(int) * VX_VHOST_USER_MAX_FDS)];
		struct cmsghdr align;
	} ctl;
	struct iovec iov = { .iov_base = rx->buf + rx->have, .iov_len = need };
	struct msghdr mh = {
		.msg_iov = &iov, .msg_iovlen = 1,
		.msg_control = ctl.buf, .msg_controllen = sizeof(ctl.buf),
	};
	ssize_t r;

	do {
		r = recvmsg(fd, &mh, MSG_DONTWAIT | MSG_CMSG_CLOEXEC);
	} while (r < 0 && errno == EINTR);
	if (r > 0)
		take_fds(rx, &mh);
	return r;
}

static int rx_header_ok(const struct vx_msg_rx *rx)
{
	uint32_t size;

	memcpy(&size, rx->buf + 8, sizeof(size));
	return size <= VX_VHOST_USER_MAX_PAYLOAD;
}

int vx_msg_recv(int fd, struct vx_msg_rx *rx, struct vx_msg *m)
{
	ssize_t r;

	for (;;) {
		r = rx_read(fd, rx, rx_need(rx));
		if (r == 0)
			return -EPIPE;
		if (r < 0)
			return errno == EAGAIN || errno == EWOULDBLOCK ? VX_MSG_MORE : -errno;
		rx->have += r;
		if (rx->have == VX_VHOST_USER_HDR_SIZE && !rx_header_ok(rx))
			return -EPROTO;
		if (rx->have >= VX_VHOST_USER_HDR_SIZE && rx_need(rx) == 0)
			break;
	}
	if (rx->fd_overflow || vx_msg_decode(rx->buf, rx->have, m))
		return -EPROTO;
	memcpy(m->fds, rx->fds, sizeof(int) * rx->nfds);
	m->nfds = rx->nfds;
	rx->nfds = 0;
	rx->have = 0;
	return VX_MSG_DONE;
}

int vx_msg_send(int fd, const struct vx_msg *m)
{
	uint8_t buf[VX_VHOST_USER_HDR_SIZE + VX_VHOST_USER_MAX_PAYLOAD];
	size_t len = VX_VHOST_USER_HDR_SIZE + m->hdr.size;
	ssize_t r;

	memcpy(buf, &m->hdr, VX_VHOST_USER_HDR_SIZE);
	memcpy(buf + VX_VHOST_USER_HDR_SIZE, &m->p, m->hdr.size);
	do {
		r = send(fd, buf, len, MSG_NOSIGNAL | MSG_DONTWAIT);
	} while (r < 0 && errno == EINTR);
	if (r < 0)
		return -errno;
	return (size_t)r == len ? 0 : -EAGAIN;
}
