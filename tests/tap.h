/* SPDX-License-Identifier: BSD-2-Clause */
/* tap.h - minimal TAP output for the C test programs: ok(), skip(), and tap_done() for main. */
#ifndef VXDP_TESTS_TAP_H
#define VXDP_TESTS_TAP_H

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>

static int tap_count, tap_failed;

static inline __attribute__((format(printf, 2, 3))) bool ok(bool cond, const char *fmt, ...)
{
	va_list ap;

	tap_count++;
	if (!cond)
		tap_failed++;
	printf("%sok %d - ", cond ? "" : "not ", tap_count);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	return cond;
}

static inline void skip(const char *what, const char *why)
{
	printf("ok %d - %s # SKIP %s\n", ++tap_count, what, why);
}

static inline void diag(const char *msg)
{
	printf("# %s\n", msg);
}

/* Print the plan; return main's exit status. */
static inline int tap_done(void)
{
	printf("1..%d\n", tap_count);
	return tap_failed ? 1 : 0;
}

#endif /* VXDP_TESTS_TAP_H */
