// SPDX-License-Identifier: BSD-2-Clause
/* util.c - file reading, hex parsing and error printing for the command-line tools. */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "vxbpf/obj.h"

const char *util_prog_name = "vxdp";

uint8_t *util_read_stream(FILE *f, size_t *size)
{
	size_t cap = 4096, n = 0, got;
	uint8_t *buf = malloc(cap + 1), *p;

	while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
		n += got;
		if (n < cap)
			continue;
		p = realloc(buf, cap * 2 + 1);
		if (!p) {
			free(buf);
			errno = ENOMEM;
			return NULL;
		}
		buf = p;
		cap *= 2;
	}
	if (!buf || ferror(f)) {
		free(buf);
		errno = errno ? errno : EIO;
		return NULL;
	}
	buf[n] = '\0'; /* text callers may treat it as a string */
	*size = n;
	return buf;
}

uint8_t *util_read_path(const char *path, size_t *size)
{
	FILE *f;
	uint8_t *buf;
	int saved;

	if (!strcmp(path, "-"))
		return util_read_stream(stdin, size);
	f = fopen(path, "rb");
	if (!f)
		return NULL;
	buf = util_read_stream(f, size);
	saved = errno;
	fclose(f);
	errno = saved;
	return buf;
}

static int hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = tolower(c);
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

uint8_t *util_parse_hex(const char *text, size_t *size, char *msg, size_t msglen)
{
	size_t n = 0, len = strlen(text);
	uint8_t *out = malloc(len / 2 + 1);
	const char *s = text;

	if (!out) {
		snprintf(msg, msglen, "out of memory");
		return NULL;
	}
	while (*s) {
		int hi, lo;

		if (isspace((unsigned char)*s) || *s == ',') {
			s++;
			continue;
		}
		if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
			s += 2;
		hi = hexval((unsigned char)s[0]);
		lo = hi < 0 ? -1 : hexval((unsigned char)s[1]);
		if (hi < 0 || lo < 0) {
			snprintf(msg, msglen, "bad hex at offset %zu: '%.8s'", (size_t)(s - text), s);
			free(out);
			return NULL;
		}
		out[n++] = (uint8_t)(hi << 4 | lo);
		s += 2;
	}
	*size = n;
	return out;
}

void util_err(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", util_prog_name);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

void util_note_skipped(const char *path, const struct vx_obj *obj)
{
	size_t i, n = vx_obj_skipped_count(obj);

	if (!n)
		return;
	fprintf(stderr, "note: %s: %zu code section%s not XDP, not loaded:", path, n,
		n > 1 ? "s" : "");
	for (i = 0; i < n; i++)
		fprintf(stderr, " %s", vx_obj_skipped(obj, i));
	fputc('\n', stderr);
}
