// SPDX-License-Identifier: BSD-2-Clause
/* log.c - formats the virtio layer's log lines and hands them to the installed hook. */
#include <stdarg.h>
#include <stdio.h>

#include <vxvirtio/log.h>

static vx_virtio_log_fn log_fn;
static void *log_arg;

void vx_virtio_set_log(vx_virtio_log_fn fn, void *arg)
{
	log_fn = fn;
	log_arg = arg;
}

void vx_virtio_log(const char *who, const char *fmt, ...)
{
	char line[256];
	int n;
	va_list ap;

	n = snprintf(line, sizeof(line), "vxvirtio: %s: ", who);
	if (n < 0 || (size_t)n >= sizeof(line))
		n = 0;
	va_start(ap, fmt);
	vsnprintf(line + n, sizeof(line) - n, fmt, ap);
	va_end(ap);
	if (log_fn)
		log_fn(log_arg, line);
	else
		fprintf(stderr, "%s\n", line);
}
