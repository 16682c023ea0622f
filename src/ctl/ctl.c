// SPDX-License-Identifier: BSD-2-Clause
/* ctl.c - the control socket's plumbing: listen, accept, split lines, write answers. */
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <vxctl/ctl.h>

struct client {
	int fd;
	char *buf;
	size_t len, cap;		/* the buffer grows up to VX_CTL_LINE_MAX + 1 */
	bool overflow;		/* discarding an over-long line */
};

struct vx_ctl {
	struct vx_switch *sw;
	struct vx_offload *off;
	int listen_fd;
	char path[sizeof(((struct sockaddr_un *)0)->sun_path)];
	struct client clients[VX_CTL_MAX_CLIENTS];
};

static int ctl_listen(struct vx_ctl *ctl, const char *path)
{
	struct sockaddr_un a = { .sun_family = AF_UNIX };
	struct stat st;

	if (strlen(path) >= sizeof(a.sun_path))
		return -ENAMETOOLONG;
	memcpy(a.sun_path, path, strlen(path) + 1);
	memcpy(ctl->path, a.sun_path, sizeof(ctl->path));
	if (!lstat(path, &st) && S_ISSOCK(st.st_mode))
		unlink(path);
	ctl->listen_fd = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (ctl->listen_fd < 0)
		return -errno;
	if (bind(ctl->listen_fd, (struct sockaddr *)&a, sizeof(a)) ||
	    listen(ctl->listen_fd, 16)) {
		int err = -errno;

		close(ctl->listen_fd);
		return err;
	}
	return 0;
}

struct vx_ctl *vx_ctl_new(const char *path, struct vx_switch *sw)
{
	struct vx_ctl *ctl = calloc(1, sizeof(*ctl));
	unsigned int i;
	int err;

	if (!ctl)
		return NULL;
	ctl->sw = sw;
	for (i = 0; i < VX_CTL_MAX_CLIENTS; i++)
		ctl->clients[i].fd = -1;
	err = ctl_listen(ctl, path);
	if (err) {
		free(ctl);
		errno = -err;
		return NULL;
	}
	return ctl;
}

void vx_ctl_set_offload(struct vx_ctl *ctl, struct vx_offload *off)
{
	ctl->off = off;
}

static void client_close(struct client *c)
{
	if (c->fd >= 0)
		close(c->fd);
	free(c->buf);
	*c = (struct client){ .fd = -1 };
}

void vx_ctl_free(struct vx_ctl *ctl)
{
	unsigned int i;

	if (!ctl)
		return;
	for (i = 0; i < VX_CTL_MAX_CLIENTS; i++)
		client_close(&ctl->clients[i]);
	close(ctl->listen_fd);
	unlink(ctl->path);
	free(ctl);
}

unsigned int vx_ctl_pollfds(const struct vx_ctl *ctl, struct pollfd *fds, unsigned int max)
{
	unsigned int i, n = 0;

	if (max)
		fds[n++] = (struct pollfd){ .fd = ctl->listen_fd, .events = POLLIN };
	for (i = 0; i < VX_CTL_MAX_CLIENTS && n < max; i++) {
		if (ctl->clients[i].fd >= 0)
			fds[n++] = (struct pollfd){ .fd = ctl->clients[i].fd, .events = POLLIN };
	}
	return n;
}

static void accept_all(struct vx_ctl *ctl)
{
	unsigned int i;
	int fd;

	while ((fd = accept4(ctl->listen_fd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC)) >= 0) {
		for (i = 0; i < VX_CTL_MAX_CLIENTS && ctl->clients[i].fd >= 0; i++)
			;
		if (i == VX_CTL_MAX_CLIENTS) {
			close(fd);
			continue;
		}
		ctl->clients[i].fd = fd;
	}
}

/*
 * A client that does not read its answer within ANSWER_WAIT_MS (a long map dump may fill the
 * socket) is dropped: the control thread never waits longer.
 */
#define ANSWER_WAIT_MS	1000

static bool answer(struct client *c, char *reply)
{
	size_t len = strlen(reply), off = 0;
	struct pollfd p = { .fd = c->fd, .events = POLLOUT };
	bool ok = true;

	reply[len] = '\n';
	while (off < len + 1 && ok) {
		ssize_t n = send(c->fd, reply + off, len + 1 - off, MSG_NOSIGNAL);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
			ok = poll(&p, 1, ANSWER_WAIT_MS) > 0;
			continue;
		}
		ok = n > 0;
		off += ok ? (size_t)n : 0;
	}
	reply[len] = 0;
	return ok;
}

static bool reply_to(struct vx_ctl *ctl, struct client *c, const char *line, size_t len)
{
	char *reply = vx_ctl_handle(ctl->sw, ctl->off, line, len);
	char *r;
	bool ok;

	if (!reply)
		return false;
	r = realloc(reply, strlen(reply) + 2);	/* room for the newline */
	if (!r) {
		free(reply);
		return false;
	}
	ok = answer(c, r);
	free(r);
	return ok;
}

/* Answer every complete line in the buffer; keep the rest. */
static bool handle_lines(struct vx_ctl *ctl, struct client *c)
{
	char *start = c->buf, *nl;

	while ((nl = memchr(start, '\n', c->len - (size_t)(start - c->buf)))) {
		size_t len = (size_t)(nl - start);

		if (c->overflow) {
			c->overflow = false;
			if (!reply_to(ctl, c, NULL, VX_CTL_LINE_MAX))
				return false;
		} else if (!reply_to(ctl, c, start, len)) {
			return false;
		}
		start = nl + 1;
	}
	c->len -= (size_t)(start - c->buf);
	memmove(c->buf, start, c->len);
	if (c->len >= VX_CTL_LINE_MAX) {
		c->overflow = true;
		c->len = 0;
	}
	return true;
}

/* Room to read more: the buffer doubles from 64 KiB up to VX_CTL_LINE_MAX + 1. */
static bool client_room(struct client *c)
{
	size_t cap;
	char *nb;

	if (c->len < c->cap)
		return true;
	cap = c->cap ? c->cap * 2 : 65536;
	if (cap > VX_CTL_LINE_MAX + 1)
		cap = VX_CTL_LINE_MAX + 1;
	if (cap <= c->cap)
		return true;
	nb = realloc(c->buf, cap);
	if (!nb)
		return false;
	c->buf = nb;
	c->cap = cap;
	return true;
}

static bool client_read(struct vx_ctl *ctl, struct client *c)
{
	ssize_t n;

	for (;;) {
		if (!client_room(c))
			return false;
		n = recv(c->fd, c->buf + c->len, c->cap - c->len, 0);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return errno == EAGAIN || errno == EWOULDBLOCK;
		if (n == 0)
			return false;
		c->len += (size_t)n;
		if (!handle_lines(ctl, c))
			return false;
	}
}

void vx_ctl_process(struct vx_ctl *ctl)
{
	unsigned int i;

	accept_all(ctl);
	for (i = 0; i < VX_CTL_MAX_CLIENTS; i++) {
		struct client *c = &ctl->clients[i];

		if (c->fd >= 0 && !client_read(ctl, c))
			client_close(c);
	}
}
