// SPDX-License-Identifier: BSD-2-Clause
/*
 * cmd_verify.c - `vxdp prog verify OBJECT [--prog NAME] [-v] [--guest]`: run the static verifier
 * over an object's programs. Exit 0 when every program checked is accepted, 1 when one is
 * rejected (the reason, and with -v the verifier's log), 2 on usage errors.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "vxbpf/helper.h"
#include "vxbpf/obj.h"
#include "vxbpf/verifier.h"

#define LOG_SIZE (1u << 20)

struct verify_opts {
	const char *path, *prog;
	bool verbose, guest;
};

static int parse_verify(int argc, char **argv, struct verify_opts *o)
{
	int i;

	memset(o, 0, sizeof(*o));
	for (i = 0; i < argc; i++) {
		const char *a = argv[i];

		if (!strcmp(a, "-v") || !strcmp(a, "--verbose")) {
			o->verbose = true;
		} else if (!strcmp(a, "--guest")) {
			o->guest = true;
		} else if (!strcmp(a, "--prog")) {
			if (i + 1 >= argc)
				return util_err("prog verify: --prog needs a value"), -1;
			o->prog = argv[++i];
		} else if (a[0] == '-' || o->path) {
			return util_err("prog verify: unexpected argument '%s'", a), -1;
		} else {
			o->path = a;
		}
	}
	if (!o->path)
		return util_err("usage: vxdp prog verify OBJECT [--prog NAME] [-v] [--guest]"), -1;
	return 0;
}

/* 0 accepted, 1 rejected. */
static int verify_one(struct vx_prog *p, const struct verify_opts *o, char *log)
{
	struct vx_verify_opts vo = {
		.helper_class = o->guest ? VX_HELPER_GUEST : VX_HELPER_TRUSTED,
		.log = o->verbose ? log : NULL,
		.log_size = o->verbose ? LOG_SIZE : 0,
		.log_level = o->verbose ? 1 : 0,
	};
	struct vx_verify_facts *f = NULL;
	struct vx_error err;
	char msg[512];

	if (vx_verify(p, &vo, &f, &err)) {
		if (o->verbose && log[0])
			fputs(log, stdout);
		printf("%s: rejected: %s\n", vx_prog_name(p), vx_error_str(&err, msg, sizeof(msg)));
		return 1;
	}
	printf("%s: accepted, %lu insns processed\n", vx_prog_name(p), f->insns_processed);
	vx_verify_facts_free(f);
	return 0;
}

int cmd_prog_verify(int argc, char **argv)
{
	struct verify_opts o;
	struct vx_error err;
	struct vx_obj *obj;
	char *log = NULL;
	int rc = 0;
	size_t i;

	if (parse_verify(argc, argv, &o))
		return 2;
	obj = vx_obj_open(o.path, &err);
	if (!obj) {
		char msg[512];

		util_err("%s: %s", o.path, vx_error_str(&err, msg, sizeof(msg)));
		return 1;
	}
	util_note_skipped(o.path, obj);
	if (o.prog && !vx_obj_find_prog(obj, o.prog)) {
		util_err("%s: no program named '%s'", o.path, o.prog);
		vx_obj_close(obj);
		return 2;
	}
	if (o.verbose && !(log = malloc(LOG_SIZE))) {
		util_err("out of memory");
		vx_obj_close(obj);
		return 1;
	}
	for (i = 0; i < vx_obj_prog_count(obj) && !rc; i++) {
		struct vx_prog *p = vx_obj_prog(obj, i);

		if (!o.prog || !strcmp(vx_prog_name(p), o.prog))
			rc = verify_one(p, &o, log);
	}
	free(log);
	vx_obj_close(obj);
	return rc;
}
