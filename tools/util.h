/* SPDX-License-Identifier: BSD-2-Clause */
/* util.h - small helpers shared by the command-line tools: files, hex and errors. */
#ifndef VXDP_TOOLS_UTIL_H
#define VXDP_TOOLS_UTIL_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* Read all of f (or the file at path, "-" for stdin). Returns NULL with errno set on failure. */
uint8_t *util_read_stream(FILE *f, size_t *size);
uint8_t *util_read_path(const char *path, size_t *size);

/*
 * Parse hex bytes, separated by whitespace or not ("aa bb", "aabb", "0xaa 0xbb"). Returns a new
 * buffer (free() it) with *size bytes, or NULL with a message in msg on bad input.
 */
uint8_t *util_parse_hex(const char *text, size_t *size, char *msg, size_t msglen);

/* Print "PROG: message" on stderr. */
void util_err(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

struct vx_obj;
/* A note on stderr naming the object's code sections that are not XDP (not loaded), if any. */
void util_note_skipped(const char *path, const struct vx_obj *obj);

extern const char *util_prog_name;

#endif /* VXDP_TOOLS_UTIL_H */
