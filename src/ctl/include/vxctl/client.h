/* SPDX-License-Identifier: BSD-2-Clause */
/* client.h - the client side of the control socket: its default path, one request, one answer. */
#ifndef VXCTL_CLIENT_H
#define VXCTL_CLIENT_H

#include <stddef.h>

/*
 * The default control socket: $XDG_RUNTIME_DIR/vxdp/vxdpd.sock when XDG_RUNTIME_DIR is set,
 * else /run/vxdp/vxdpd.sock. 0, or -ENAMETOOLONG.
 */
int vx_ctl_default_path(char *buf, size_t size);

/*
 * Send one request line to the socket at path and read one answer line (newline removed) into
 * *reply (free() it). 0, or -errno (-ETIMEDOUT after timeout_ms without an answer).
 */
int vx_ctl_request(const char *path, const char *request, char **reply, int timeout_ms);

#endif /* VXCTL_CLIENT_H */
