// SPDX-License-Identifier: BSD-2-Clause
/*
 * test_verifier_corpus.c - the verifier against a corpus of valid XDP programs
 * (tests/verifier/corpus, in the style of the kernel's samples/bpf and xdp-tools): the kernel's
 * verifier must accept every object (loaded with libbpf), and ours every program, as a trusted
 * program and as a guest's. A program the kernel accepts and we reject is a precision gap: the
 * test fails on it unless the gap list (first argument) names it with a reason; a listed gap that
 * is now accepted fails too, so the list stays true.
 *
 * Gap list lines: OBJECT PROGRAM CLASS REASON...  (CLASS: trusted, guest or all; # comments)
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unistd.h>

#include <bpf/bpf.h>
#include <bpf/libbpf.h>

#include "tap.h"
#include "vxbpf/helper.h"
#include "vxbpf/map.h"
#include "vxbpf/obj.h"
#include "vxbpf/verifier.h"

#define MAX_GAPS 64
#define LOG_TAIL 1500

struct gap {
	char obj[64], prog[64], cls[16], why[512];
	bool used;
};

static struct gap gaps[MAX_GAPS];
static int ngaps;
static char *klog;
static size_t klog_len;

static void read_gaps(const char *path)
{
	char line[1024];
	FILE *f = fopen(path, "r");

	if (!f) {
		ok(false, "cannot read the gap list %s: %s", path, strerror(errno));
		return;
	}
	while (fgets(line, sizeof(line), f) && ngaps < MAX_GAPS) {
		struct gap *g = &gaps[ngaps];
		int n = 0;

		line[strcspn(line, "\n")] = '\0';
		if (line[0] == '#' || !line[0])
			continue;
		if (sscanf(line, "%63s %63s %15s %n", g->obj, g->prog, g->cls, &n) == 3 && n)
			snprintf(g->why, sizeof(g->why), "%s", line + n);
		else
			ok(false, "gap list: bad line '%s'", line);
		ngaps++;
	}
	fclose(f);
}

static struct gap *find_gap(const char *obj, const char *prog, const char *cls)
{
	int i;

	for (i = 0; i < ngaps; i++)
		if (!strcmp(gaps[i].obj, obj) && !strcmp(gaps[i].prog, prog) &&
		    (!strcmp(gaps[i].cls, cls) || !strcmp(gaps[i].cls, "all")))
			return &gaps[i];
	return NULL;
}

static int capture(enum libbpf_print_level level, const char *fmt, va_list ap)
{
	char line[1024];
	int n;
	char *p;

	if (level == LIBBPF_DEBUG)
		return 0;
	n = vsnprintf(line, sizeof(line), fmt, ap);
	if (n <= 0)
		return 0;
	if ((size_t)n >= sizeof(line))
		n = sizeof(line) - 1;
	p = realloc(klog, klog_len + (size_t)n + 1);
	if (!p)
		return 0;
	klog = p;
	memcpy(klog + klog_len, line, (size_t)n + 1);
	klog_len += (size_t)n;
	return 0;
}

static void klog_diag(void)
{
	char *p, *line;

	if (!klog)
		return;
	p = klog_len > LOG_TAIL ? klog + klog_len - LOG_TAIL : klog;
	for (line = strtok(p, "\n"); line; line = strtok(NULL, "\n"))
		printf("#   %s\n", line);
	free(klog);
	klog = NULL;
	klog_len = 0;
}

static int kernel_accepted, kernel_rejected, kernel_unasked;

/* 1 accepted, 0 rejected, -1 cannot ask (no BPF privileges). */
static int kernel_load(const char *path)
{
	struct bpf_object *obj = bpf_object__open_file(path, NULL);
	int err;

	if (!obj)
		return 0;
	err = bpf_object__load(obj);
	bpf_object__close(obj);
	if (err == -EPERM) {
		free(klog);
		klog = NULL;
		klog_len = 0;
		return -1;
	}
	return err ? 0 : 1;
}

/* Whether this process may load XDP programs at all (else the kernel is not asked). */
static bool kernel_usable(void)
{
	const struct bpf_insn ret_pass[] = {
		{ .code = BPF_ALU64 | BPF_MOV | BPF_K, .dst_reg = BPF_REG_0, .imm = XDP_PASS },
		{ .code = BPF_JMP | BPF_EXIT },
	};
	int fd = bpf_prog_load(BPF_PROG_TYPE_XDP, NULL, "GPL", ret_pass, 2, NULL);

	if (fd < 0)
		return false;
	close(fd);
	return true;
}

static const char *base_name(const char *path)
{
	const char *s = strrchr(path, '/');

	return s ? s + 1 : path;
}

static int nprogs, accepted[2], known[2], gaps_found[2];

static void verify_one(const char *obj, struct vx_prog *p, int guest)
{
	struct vx_verify_opts o = { .helper_class = guest ? VX_HELPER_GUEST : VX_HELPER_TRUSTED };
	const char *cls = guest ? "guest" : "trusted", *name = vx_prog_name(p);
	struct vx_verify_facts *f = NULL;
	struct vx_error err;
	struct gap *g = find_gap(obj, name, cls);
	char msg[1024];
	int rc = vx_verify(p, &o, &f, &err);

	vx_error_str(&err, msg, sizeof(msg));
	if (!rc) {
		accepted[guest]++;
		ok(!g, "%s %s (%s): accepted (%lu insns processed, %lu states)%s", obj, name, cls,
		   f->insns_processed, f->states_stored,
		   g ? " -- listed as a known gap: remove it from the list" : "");
	} else if (g) {
		known[guest]++;
		g->used = true;
		ok(true, "%s %s (%s): known precision gap (%s): %s", obj, name, cls, g->why, msg);
	} else {
		gaps_found[guest]++;
		ok(false, "%s %s (%s): precision gap: the kernel accepts it, we reject: %s", obj,
		   name, cls, msg);
	}
	vx_verify_facts_free(f);
}

static void run_object(const char *path, bool ask_kernel)
{
	const char *obj = base_name(path);
	struct vx_error err;
	struct vx_obj *o;
	int kv = ask_kernel ? kernel_load(path) : -1;
	size_t i;

	if (kv < 0) {
		kernel_unasked++;
		skip(obj, "the kernel cannot be asked (no BPF privileges, or VXDP_NO_KERNEL)");
	} else {
		kv ? kernel_accepted++ : kernel_rejected++;
		ok(kv == 1, "%s: the kernel accepts it", obj);
		if (!kv)
			klog_diag();
	}
	free(klog);
	klog = NULL;
	klog_len = 0;
	o = vx_obj_open(path, &err);
	if (!o) {
		ok(false, "%s: does not load here: %s", obj, err.msg);
		return;
	}
	for (i = 0; i < vx_obj_prog_count(o); i++) {
		nprogs++;
		verify_one(obj, vx_obj_prog(o, i), 0);
		verify_one(obj, vx_obj_prog(o, i), 1);
	}
	vx_obj_close(o);
}

int main(int argc, char **argv)
{
	bool ask = getenv("VXDP_NO_KERNEL") == NULL;
	char line[512];
	int i;

	if (argc < 3) {
		fprintf(stderr, "usage: %s GAP_LIST OBJECT.o...\n", argv[0]);
		return 2;
	}
	libbpf_set_print(capture);
	if (ask && !kernel_usable()) {
		diag("the kernel cannot load XDP programs here: not compared with it");
		ask = false;
	}
	read_gaps(argv[1]);
	for (i = 2; i < argc; i++)
		run_object(argv[i], ask);
	for (i = 0; i < ngaps; i++)
		if (!gaps[i].used)
			ok(false, "gap list: %s %s %s matches nothing rejected", gaps[i].obj,
			   gaps[i].prog, gaps[i].cls);
	snprintf(line, sizeof(line),
		 "%d objects, %d programs; kernel: %d objects accepted, %d rejected, %d not asked",
		 argc - 2, nprogs, kernel_accepted, kernel_rejected, kernel_unasked);
	diag(line);
	snprintf(line, sizeof(line),
		 "ours: trusted %d accepted, %d known gaps, %d new gaps; guest %d accepted, %d known gaps, %d new gaps",
		 accepted[0], known[0], gaps_found[0], accepted[1], known[1], gaps_found[1]);
	diag(line);
	vx_rcu_barrier();
	return tap_done();
}
