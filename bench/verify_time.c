// SPDX-License-Identifier: BSD-2-Clause
/*
 * verify_time.c - time vx_verify() on every program of the given objects (best of N runs), and
 * on assembler cases (.s, as tests/verifier*: no maps) in a child process each, with the child's
 * peak memory. Built as build/bench/verify_time; `make bench` runs it on the XDP corpus, the
 * large program and the state-explosion cases of tests/verifier_perf. When the kernel lets us
 * load BPF programs, each is also given to the kernel's verifier in the same run and the ratio
 * of the times printed (the kernel's figure is its own "verification time").
 *
 *   verify_time [-n RUNS] [-K] FILE.o|FILE.s ...   (-K: without the kernel's side)
 *
 * Times are CPU time of this process (CLOCK_PROCESS_CPUTIME_ID), so other load on the machine
 * inflates them less than wall time would.
 */
#include <errno.h>
#include <linux/bpf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "prog_priv.h"
#include "vxbpf/asm.h"
#include "vxbpf/error.h"
#include "vxbpf/map.h"
#include "vxbpf/obj.h"
#include "vxbpf/prog.h"
#include "vxbpf/verifier.h"

static int runs = 5;
static int no_kernel;
static char vlogbuf[1 << 12];
static char klog[1 << 16];

static double cpu_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* vx_verify with the log's last line (our statistics) in vlogbuf's tail. */
static int verify(struct vx_prog *p, struct vx_verify_facts **f, struct vx_error *err)
{
	struct vx_verify_opts o = { .log = vlogbuf, .log_size = sizeof(vlogbuf),
				    .log_level = VX_VERIFY_LOG_STATS };

	return vx_verify(p, &o, f, err);
}

static const char *stats(void)
{
	char *s = strstr(vlogbuf, "processed ");

	if (!s)
		return "";
	s[strcspn(s, "\n")] = '\0';
	return s;
}

/* The kernel's verification time of p in ms, or -1 when it cannot be asked or rejects it. */
static double kernel_ms(const struct vx_prog *p)
{
	struct bpf_insn *k = calloc(p->len, sizeof(*k));
	int fds[64], nfds = 0, fd;
	double ms = -1;
	union bpf_attr a;
	const char *t;
	size_t j;

	if (!k || p->nmaps > 64 || no_kernel)
		goto out;
	for (; (size_t)nfds < p->nmaps; nfds++) {
		const struct vx_map_def *d = vx_map_get_def(p->maps[nfds]);

		memset(&a, 0, sizeof(a));
		a.map_type = d->type;
		a.key_size = d->key_size;
		a.value_size = d->value_size;
		a.max_entries = d->max_entries;
		a.map_flags = d->flags;
		fds[nfds] = (int)syscall(__NR_bpf, BPF_MAP_CREATE, &a, sizeof(a));
		if (fds[nfds] < 0)
			goto out;
	}
	for (j = 0; j < p->len; j++) {
		k[j].code = p->insns[j].code;
		k[j].dst_reg = p->insns[j].dst & 0xf;
		k[j].src_reg = p->insns[j].src & 0xf;
		k[j].off = p->insns[j].off;
		k[j].imm = p->insns[j].imm;
		if (p->insns[j].code != VX_LD_IMM64 || j + 1 >= p->len)
			continue;
		if (p->insns[j].src == VX_PSEUDO_MAP_IDX || p->insns[j].src == VX_PSEUDO_MAP_IDX_VALUE) {
			k[j].src_reg = p->insns[j].src == VX_PSEUDO_MAP_IDX ? BPF_PSEUDO_MAP_FD :
									      BPF_PSEUDO_MAP_VALUE;
			k[j].imm = fds[p->insns[j].imm];
		} else if (p->insns[j].src) {
			goto out; /* function references need BTF: not compared */
		}
	}
	memset(&a, 0, sizeof(a));
	a.prog_type = BPF_PROG_TYPE_XDP;
	a.insns = (uintptr_t)k;
	a.insn_cnt = (uint32_t)p->len;
	a.license = (uintptr_t)"GPL";
	a.log_buf = (uintptr_t)klog;
	a.log_size = sizeof(klog);
	a.log_level = 4; /* statistics only */
	klog[0] = '\0';
	fd = (int)syscall(__NR_bpf, BPF_PROG_LOAD, &a, sizeof(a));
	if (fd >= 0)
		close(fd);
	t = strstr(klog, "verification time ");
	if (t)
		ms = strtod(t + 18, NULL) / 1e3;
out:
	while (nfds-- > 0)
		close(fds[nfds]);
	free(k);
	return ms;
}

static void print_kernel(const struct vx_prog *p, double ours)
{
	double k = kernel_ms(p);
	const char *s = strstr(klog, "processed ");
	unsigned long n = 0;

	if (k < 0) {
		printf("  kernel: n/a (no BPF privileges, or not comparable)\n");
		return;
	}
	if (s)
		sscanf(s, "processed %lu", &n);
	printf("  kernel: %8.2f ms, %lu insns processed, %s", k, n,
	       strstr(klog, "too large") || strstr(klog, "too complex") ? "rejected" : "verdict");
	if (ours > 0 && k > 0)
		printf(", ours/kernel %.2f", ours / k);
	printf("\n");
}

static void bench_prog(const char *path, struct vx_prog *p)
{
	struct vx_verify_facts *f = NULL;
	double best = 1e9;
	struct vx_error err;
	char msg[512];
	int i;

	for (i = 0; i < runs; i++) {
		double t = cpu_ms();
		int rc = verify(p, &f, &err);

		t = cpu_ms() - t;
		if (rc) {
			printf("%-36s %-12s REJECTED %s (%.2f ms)\n", path, vx_prog_name(p),
			       vx_error_str(&err, msg, sizeof(msg)), t);
			return;
		}
		if (t < best)
			best = t;
		if (i < runs - 1)
			vx_verify_facts_free(f);
	}
	printf("%-36s %-12s %5zu insns %8.2f ms\n  ours: %s\n", path, vx_prog_name(p), f->len,
	       best, stats());
	vx_verify_facts_free(f);
	print_kernel(p, best);
}

static void bench_object(const char *path)
{
	struct vx_error err;
	struct vx_obj *obj = vx_obj_open(path, &err);
	char msg[512];
	size_t i;

	if (!obj) {
		printf("%s: %s\n", path, vx_error_str(&err, msg, sizeof(msg)));
		return;
	}
	for (i = 0; i < vx_obj_prog_count(obj); i++)
		bench_prog(path, vx_obj_prog(obj, i));
	vx_obj_close(obj);
}

static char *read_text(const char *path)
{
	FILE *f = fopen(path, "r");
	char *buf;
	long n;

	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = n >= 0 ? calloc(1, (size_t)n + 1) : NULL;
	if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
		free(buf);
		buf = NULL;
	}
	fclose(f);
	return buf;
}

/* Child: verify the case once, print the verdict, send the time on fd. */
static int case_child(const char *path, struct vx_prog *p, int fd)
{
	struct vx_error err;
	char msg[512];
	double t = cpu_ms();
	int rc = verify(p, NULL, &err);

	t = cpu_ms() - t;
	printf("%-36s %s %.2f ms%s%s\n  ours: %s\n", path, rc ? "REJECTED" : "accepted", t,
	       rc ? ": " : "", rc ? vx_error_str(&err, msg, sizeof(msg)) : "", stats());
	fflush(stdout);
	return write(fd, &t, sizeof(t)) == sizeof(t) ? 0 : 1;
}

/* An assembler case in a child process: its time, verdict and peak memory (maxrss). */
static void bench_case(const char *path)
{
	struct vx_prog p = { .name = "case", .section = "xdp" };
	struct vx_insn *insns = NULL;
	struct vx_error err;
	struct rusage ru;
	char *text = read_text(path);
	size_t len = 0;
	double ours = -1;
	int status, pfd[2];
	pid_t pid;

	if (!text || vx_assemble(text, &insns, &len, &err)) {
		printf("%s: does not assemble: %s\n", path, text ? err.msg : "unreadable");
		free(text);
		return;
	}
	p.insns = insns;
	p.len = len;
	fflush(stdout);
	if (pipe(pfd)) {
		printf("%s: pipe: %s\n", path, strerror(errno));
		goto out;
	}
	pid = fork();
	if (pid == 0)
		_exit(case_child(path, &p, pfd[1]));
	close(pfd[1]);
	if (read(pfd[0], &ours, sizeof(ours)) != sizeof(ours))
		ours = -1;
	close(pfd[0]);
	if (pid < 0 || wait4(pid, &status, 0, &ru) < 0) {
		printf("%s: fork: %s\n", path, strerror(errno));
	} else {
		printf("  peak RSS of the verifying process %ld KiB (user %.2f s, sys %.2f s)\n",
		       ru.ru_maxrss, ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6,
		       ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6);
		print_kernel(&p, ours);
	}
out:
	free(insns);
	free(text);
}

static void machine(void)
{
	struct utsname u;
	FILE *f = fopen("/proc/cpuinfo", "r");
	char line[256], model[256] = "?";
	double load[3] = { 0 };

	while (f && fgets(line, sizeof(line), f))
		if (!strncmp(line, "model name", 10) && strchr(line, ':')) {
			snprintf(model, sizeof(model), "%s", strchr(line, ':') + 2);
			model[strcspn(model, "\n")] = '\0';
			break;
		}
	if (f)
		fclose(f);
	uname(&u);
	getloadavg(load, 3);
	printf("# machine: %s, %ld CPUs, Linux %s, load average %.2f; best of %d runs, CPU time\n",
	       model, sysconf(_SC_NPROCESSORS_ONLN), u.release, load[0], runs);
}

int main(int argc, char **argv)
{
	int a = 1;

	for (; a < argc && argv[a][0] == '-'; a++) {
		if (!strcmp(argv[a], "-K"))
			no_kernel = 1;
		else if (!strcmp(argv[a], "-n") && a + 1 < argc)
			runs = atoi(argv[++a]) > 0 ? atoi(argv[a]) : 1;
	}
	machine();
	for (; a < argc; a++) {
		size_t l = strlen(argv[a]);

		if (l > 2 && !strcmp(argv[a] + l - 2, ".s"))
			bench_case(argv[a]);
		else
			bench_object(argv[a]);
	}
	return 0;
}
