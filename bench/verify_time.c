// SPDX-License-Identifier: BSD-2-Clause
/*
 * verify_time.c - time vx_verify() on every program of the given objects (best of N runs).
 * Built as build/bench/verify_time; `make bench` runs it on the XDP corpus. It prints our
 * figures only: the kernel's verifier time is not measured side by side yet.
 */
#include <stdio.h>
#include <time.h>

#include "vxbpf/error.h"
#include "vxbpf/obj.h"
#include "vxbpf/prog.h"
#include "vxbpf/verifier.h"

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static void bench_prog(const char *path, struct vx_prog *p)
{
	struct vx_verify_facts *f = NULL;
	double best = 1e9;
	struct vx_error err;
	char msg[512];
	int i;

	for (i = 0; i < 5; i++) {
		double t = now_ms();
		int rc = vx_verify(p, NULL, &f, &err);

		t = now_ms() - t;
		if (rc) {
			printf("%-28s %-16s REJECTED %s\n", path, vx_prog_name(p),
			       vx_error_str(&err, msg, sizeof(msg)));
			return;
		}
		if (t < best)
			best = t;
		if (i < 4)
			vx_verify_facts_free(f);
	}
	printf("%-28s %-16s %5zu insns %8lu processed %6lu states %8.2f ms\n", path,
	       vx_prog_name(p), f->len, f->insns_processed, f->states_stored, best);
	vx_verify_facts_free(f);
}

int main(int argc, char **argv)
{
	int a;

	for (a = 1; a < argc; a++) {
		struct vx_error err;
		struct vx_obj *obj = vx_obj_open(argv[a], &err);
		char msg[512];
		size_t i;

		if (!obj) {
			printf("%s: %s\n", argv[a], vx_error_str(&err, msg, sizeof(msg)));
			continue;
		}
		for (i = 0; i < vx_obj_prog_count(obj); i++)
			bench_prog(argv[a], vx_obj_prog(obj, i));
		vx_obj_close(obj);
	}
	return 0;
}
