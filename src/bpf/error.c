// SPDX-License-Identifier: BSD-2-Clause
/* error.c - filling and formatting struct vx_error. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "vxbpf/error.h"

void vx_error_clear(struct vx_error *err)
{
	if (!err)
		return;
	err->insn = -1;
	err->line = 0;
	err->msg[0] = '\0';
}

int vx_error_set(struct vx_error *err, int insn, const char *fmt, ...)
{
	va_list ap;

	if (!err)
		return -1;
	err->insn = insn;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
	va_end(ap);
	return -1;
}

const char *vx_error_str(const struct vx_error *err, char *buf, unsigned size)
{
	if (err->line > 0)
		snprintf(buf, size, "line %d: %s", err->line, err->msg);
	else if (err->insn >= 0)
		snprintf(buf, size, "insn %d: %s", err->insn, err->msg);
	else
		snprintf(buf, size, "%s", err->msg);
	return buf;
}
