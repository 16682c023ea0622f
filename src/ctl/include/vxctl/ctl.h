/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * ctl.h - the switch's control socket: a Unix stream socket speaking JSON lines. Each request
 * is one JSON object on one line ({"cmd":"port list"}, {"cmd":"stats"}); each answer is one
 * JSON object on one line, {"error":"..."} on failure (docs/offload.md lists the offload
 * requests). Driven by the control thread: it polls
 * the fds vx_ctl_pollfds() gives and calls vx_ctl_process(), which never blocks.
 */
#ifndef VXCTL_CTL_H
#define VXCTL_CTL_H

#include <poll.h>

#include <vxdp/switch.h>

#define VX_CTL_MAX_CLIENTS	32
/* A request line (prog attach sends an object's path, or a small one inline in base64). */
#define VX_CTL_LINE_MAX		65536

struct vx_ctl;

/* Listen on path (an existing socket file there is replaced). NULL and errno. */
struct vx_ctl *vx_ctl_new(const char *path, struct vx_switch *sw);
struct vx_offload;
/* Answer the offload requests (prog attach|detach|list, map ..., policy ...) with off. */
void vx_ctl_set_offload(struct vx_ctl *ctl, struct vx_offload *off);
/* Close every connection and remove the socket file. */
void vx_ctl_free(struct vx_ctl *ctl);

/* Fill up to max pollfds (POLLIN); returns how many. */
unsigned int vx_ctl_pollfds(const struct vx_ctl *ctl, struct pollfd *fds, unsigned int max);
/* Accept, read, answer whatever is pending. */
void vx_ctl_process(struct vx_ctl *ctl);

/*
 * Answer one request line (no newline) into a new string (free() it), without the newline.
 * Exposed for tests; never NULL except on allocation failure.
 */
char *vx_ctl_handle(struct vx_switch *sw, struct vx_offload *off, const char *line, size_t len);

#endif /* VXCTL_CTL_H */
