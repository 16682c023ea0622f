/* SPDX-License-Identifier: BSD-2-Clause */
/* log.h - where the virtio layer's log lines go: a process-wide hook, stderr by default. */
#ifndef VXVIRTIO_LOG_H
#define VXVIRTIO_LOG_H

/* fn receives one line without a newline; it may be called from any thread at once. */
typedef void (*vx_virtio_log_fn)(void *arg, const char *line);

/* Install a hook (NULL restores stderr). Call before any device exists. */
void vx_virtio_set_log(vx_virtio_log_fn fn, void *arg);

void vx_virtio_log(const char *who, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif /* VXVIRTIO_LOG_H */
