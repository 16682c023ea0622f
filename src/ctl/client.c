// SPDX-License-Identifier: BSD-2-Clause
/* client.c - one request over the control socket: connect, send a line, read a line. */
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <vxctl/client.h>
#include <vxctl/ctl.h>

int vx_ctl_default_path(char *buf, size_t size)
{
	const char *rt = getenv("XDG_RUNTIME_DIR");
	int n;

	if (rt && *rt)
		n = snprintf(buf, size, "%s/vxdp/vxdpd.sock", rt);
	else
		n = snprintf(buf, size, "/run/vxdp/vxdpd.sock");
	return n < 0 || (size_t)n >= size ? -ENAMETOOLONG : 0;
}

static int ctl_connect(const char *path)
{
	struct sockaddr_un a = { .sun_family = AF_UNIX };
	int fd;

	if (strlen(path) >= sizeof(a.sun_path))
		return -ENAMETOOLONG;
	memcpy(a.sun_path, path, strlen(path) + 1);
	fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return -errno;
	if (connect(fd, (struct sockaddr *)&a, sizeof(a))) {
		int err = -errno;

		close(fd);
		return err;
	}
	return fd;
}

static int send_all(int fd, const char *s, size_t len)
{
	while (len) {
		ssize_t n = send(fd, s, len, MSG_NOSIGNAL);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -errno;
		s += n;
		len -= (size_t)n;
	}
	return 0;
}

/* Read until a newline; the line (without it) in a new string. */
static int read_line(int fd, char **out, int timeout_ms)
{
	size_t len = 0, cap = 4096;
	char *buf = malloc(cap);
	struct pollfd p = { .fd = fd, .events = POLLIN };

	while (buf) {
		char *nl = memchr(buf, '\n', len);
		ssize_t n;

		if (nl) {
			*nl = 0;
			*out = buf;
			return 0;
		}
		if (len + 1 >= cap) {
			char *nb = cap < 16 * VX_CTL_LINE_MAX ? realloc(buf, cap * 2) : NULL;

			if (!nb)
				break;
			buf = nb;
			cap *= 2;
		}
		if (poll(&p, 1, timeout_ms) == 0) {
			free(buf);
			return -ETIMEDOUT;
		}
		n = recv(fd, buf + len, cap - len - 1, 0);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			free(buf);
			return n ? -errno : -ECONNRESET;
		}
		len += (size_t)n;
	}
	free(buf);
	return -ENOMEM;
}

int vx_ctl_request(const char *path, const char *request, char **reply, int timeout_ms)
{
	int fd = ctl_connect(path), err;

	if (fd < 0)
		return fd;
	err = send_all(fd, request, strlen(request));
	if (!err)
		err = send_all(fd, "\n", 1);
	if (!err)
		err = read_line(fd, reply, timeout_ms);
	close(fd);
	return err;
}
