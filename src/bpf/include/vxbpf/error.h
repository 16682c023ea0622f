/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * vxbpf/error.h - how the engine reports a failure to its caller.
 *
 * Every function that can fail because of its input fills a struct vx_error: a message in words,
 * and where it applies the instruction index and the source line it is about.
 */
#ifndef VXBPF_ERROR_H
#define VXBPF_ERROR_H

#define VX_ERROR_MSG_MAX 256

struct vx_error {
	int insn; /* instruction slot the error is about, or -1 */
	int line; /* assembler source line (1-based), or 0 */
	char msg[VX_ERROR_MSG_MAX];
};

/* Reset *err to "no error". err may be NULL. */
void vx_error_clear(struct vx_error *err);

/*
 * Record an error about instruction insn (-1 for none) and return -1, so callers can write
 * `return vx_error_set(err, i, "...", ...);`. err may be NULL.
 */
int vx_error_set(struct vx_error *err, int insn, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/*
 * Format err as one line for a user, e.g. "insn 3: division by zero" or "line 7: unknown
 * mnemonic 'ldxq'". Returns buf.
 */
const char *vx_error_str(const struct vx_error *err, char *buf, unsigned size);

#endif /* VXBPF_ERROR_H */
