// SPDX-License-Identifier: BSD-2-Clause
/*
 * bpf_exec.c - execution speed of XDP programs: the checked interpreter, the JIT one call per
 * packet, the compiled code alone, the JIT over bursts, the JIT with the guest hardening, and
 * the Linux kernel's JIT (BPF_PROG_TEST_RUN with repeat), side by side in one run on the same
 * frames; then the JIT's compile time for a 4,000-instruction program.
 *
 * Usage: bpf_exec [-r REPEAT] PKT_DIR MAPS_DIR OBJ...   (`make bench` runs it on the corpus)
 *
 * Every program of every object runs over every frame of PKT_DIR with the maps of
 * MAPS_DIR/NAME.maps applied first (both sides). Frames are treated as the kernel's test run
 * treats them: the frame is set up once and the REPEAT runs follow each other on the same
 * buffer with no re-initialisation (the kernel keeps its xdp_buff across repetitions), in
 * every column; a burst is that many copies of the frame, each in its own buffer, run
 * REPEAT / burst times. A cell is ns per packet, the best of 5 trials, averaged over frames.
 * Our columns are timed in the thread's CPU time, the kernel's by its own test-run timer, which
 * also leaves out the time its task is not running.
 */
#include <dirent.h>
#include <errno.h>
#include <sched.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

#ifdef HAVE_LIBBPF
#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#endif

#include "vxbpf/error.h"
#include "vxbpf/helper.h"
#include "vxbpf/jit.h"
#include "vxbpf/map.h"
#include "vxbpf/obj.h"
#include "vxbpf/prog.h"
#include "vxbpf/xdp.h"

#define MAX_PKTS 256
#define TRIALS 5
#define BURST_S 32
#define BURST_L 256
#define MAX_ROWS 64

enum { C_INTERP, C_JIT, C_RAW, C_B32, C_B256, C_HARD, C_KERN, NCOLS };

static const char *const col_name[NCOLS] = { "interp", "jit", "jit/raw", "jit/b32", "jit/b256",
					     "jit+hard", "kernel" };

double bench_raw(const struct vx_prog *p, struct vx_xdp_frame *fr, unsigned reps);

struct blob {
	uint8_t *p;
	size_t n;
};

struct row {
	char name[48];
	size_t insns;
	double ns[NCOLS]; /* < 0: not measured */
};

static struct blob pkts[MAX_PKTS];
static size_t npkts;
static unsigned repeat = 5000;
static const char *kern_skip; /* why the kernel column is empty, NULL when it is measured */
static struct row rows[MAX_ROWS];
static size_t nrows;

static void die(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

static void *xmalloc(size_t n)
{
	void *p = calloc(1, n ? n : 1);

	if (!p)
		die("out of memory");
	return p;
}

/*
 * The thread's CPU time: the kernel's test-run timer stops while its task is rescheduled, so
 * on a loaded machine wall time would charge our columns with other tasks' time and not the
 * kernel's.
 */
static double now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return ts.tv_sec * 1e9 + ts.tv_nsec;
}

static int parse_hex(const char *s, struct blob *b)
{
	size_t i, n = strlen(s);

	if (n % 2)
		return -1;
	b->n = n / 2;
	b->p = xmalloc(b->n);
	for (i = 0; i < b->n; i++) {
		unsigned v;

		if (sscanf(s + 2 * i, "%2x", &v) != 1)
			return -1;
		b->p[i] = (uint8_t)v;
	}
	return 0;
}

static int name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The frames: every regular file of dir, in name order. */
static void load_pkts(const char *dir)
{
	char *names[MAX_PKTS], path[4096];
	struct dirent *de;
	size_t i, n = 0;
	DIR *d = opendir(dir);

	if (!d)
		die("%s: %s", dir, strerror(errno));
	while ((de = readdir(d)) && n < MAX_PKTS)
		if (de->d_name[0] != '.')
			names[n++] = strdup(de->d_name);
	closedir(d);
	qsort(names, n, sizeof(names[0]), name_cmp);
	for (i = 0; i < n; i++) {
		FILE *f;
		long len;

		snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
		f = fopen(path, "rb");
		free(names[i]);
		if (!f || fseek(f, 0, SEEK_END) || (len = ftell(f)) < 14 ||
		    len > VX_XDP_MAX_DATA || fseek(f, 0, SEEK_SET)) {
			if (f)
				fclose(f);
			continue;
		}
		pkts[npkts].n = (size_t)len;
		pkts[npkts].p = xmalloc((size_t)len);
		if (fread(pkts[npkts].p, 1, (size_t)len, f) == (size_t)len)
			npkts++;
		fclose(f);
	}
	if (!npkts)
		die("%s: no frames", dir);
}

static bool is_percpu(uint32_t type)
{
	return type == VX_MAP_PERCPU_HASH || type == VX_MAP_PERCPU_ARRAY ||
	       type == VX_MAP_LRU_PERCPU_HASH;
}

/* v repeated in slots of round_up(n, 8) bytes. */
static uint8_t *spread(const struct blob *v, size_t slots)
{
	size_t w = (v->n + 7) & ~(size_t)7, i;
	uint8_t *out = xmalloc(slots * w);

	for (i = 0; i < slots; i++)
		memcpy(out + i * w, v->p, v->n);
	return out;
}

/* ---- the engine's side ---- */

static void vx_apply(struct vx_obj *obj, const char *name, const struct blob *k,
		     const struct blob *v)
{
	struct vx_map *m = vx_obj_find_map(obj, name);
	const struct vx_map_def *def;
	uint8_t *val;

	if (!m)
		return;
	def = vx_map_get_def(m);
	val = is_percpu(def->type) ? spread(v, vx_map_cp_value_size(m) / ((v->n + 7) & ~7ul)) :
				     spread(v, 1);
	if (k->n == def->key_size && v->n == def->value_size)
		vx_map_update(m, k->p, val, 0);
	free(val);
}

#ifdef HAVE_LIBBPF
static int kcpus;

static void k_apply(struct bpf_object *kobj, const char *name, const struct blob *k,
		    const struct blob *v)
{
	struct bpf_map *m = bpf_object__find_map_by_name(kobj, name);
	uint8_t *val;

	if (!m)
		return;
	val = is_percpu(bpf_map__type(m)) ? spread(v, (size_t)kcpus) : spread(v, 1);
	bpf_map_update_elem(bpf_map__fd(m), k->p, val, BPF_ANY);
	free(val);
}
#endif

/* MAPS_DIR/NAME.maps: `MAP KEYHEX VALUEHEX` lines, applied to both sides. */
static void apply_maps(const char *maps_dir, const char *obj_name, struct vx_obj *obj,
		       void *kobj)
{
	char path[4096], line[8192];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s.maps", maps_dir, obj_name);
	f = fopen(path, "r");
	if (!f)
		return;
	while (fgets(line, sizeof(line), f)) {
		char *name = strtok(line, " \t\r\n"), *kh = strtok(NULL, " \t\r\n");
		char *vh = strtok(NULL, " \t\r\n");
		struct blob k = { 0 }, v = { 0 };

		if (name && name[0] != '#' && kh && vh && !parse_hex(kh, &k) &&
		    !parse_hex(vh, &v)) {
			vx_apply(obj, name, &k, &v);
#ifdef HAVE_LIBBPF
			if (kobj)
				k_apply(kobj, name, &k, &v);
#else
			(void)kobj;
#endif
		}
		free(k.p);
		free(v.p);
	}
	fclose(f);
}

static uint8_t *frame_buf(void)
{
	uint8_t *b = aligned_alloc(VX_XDP_FRAME_SIZE, VX_XDP_FRAME_SIZE);

	if (!b)
		die("out of memory");
	return b;
}

/* ns per run of one engine, one call per packet, on one frame. */
static double run_single(const struct vx_prog *p, enum vx_engine e, const struct blob *pkt,
			 unsigned reps, unsigned long *faults)
{
	uint8_t *buf = frame_buf();
	struct vx_xdp_frame fr;
	struct vx_xdp_result res;
	struct vx_error err;
	double t;
	unsigned i;

	if (vx_xdp_frame_init(&fr, buf, pkt->p, (uint32_t)pkt->n, &err))
		die("frame: %s", err.msg);
	t = now_ns();
	for (i = 0; i < reps; i++)
		if (vx_xdp_run(p, e, &fr, &res, &err))
			(*faults)++;
	t = now_ns() - t;
	free(buf);
	return t / reps;
}

/* ns per run of the compiled code alone on one context (bpf_exec_raw.c). */
static double run_raw(const struct vx_prog *p, const struct blob *pkt, unsigned reps)
{
	uint8_t *buf = frame_buf();
	struct vx_xdp_frame fr;
	struct vx_error err;
	double t;

	if (vx_xdp_frame_init(&fr, buf, pkt->p, (uint32_t)pkt->n, &err))
		die("frame: %s", err.msg);
	t = bench_raw(p, &fr, reps);
	free(buf);
	return t;
}

/* ns per packet of the JIT over bursts of n copies of the frame. */
static double run_burst(const struct vx_prog *p, const struct blob *pkt, unsigned n,
			unsigned reps, unsigned long *faults)
{
	static struct vx_xdp_frame fr[VX_XDP_MAX_BATCH];
	static struct vx_xdp_result res[VX_XDP_MAX_BATCH];
	static uint8_t *bufs[VX_XDP_MAX_BATCH];
	struct vx_error err;
	unsigned i, rounds = reps / n ? reps / n : 1;
	double t;
	int f;

	for (i = 0; i < n; i++) {
		if (!bufs[i])
			bufs[i] = frame_buf();
		if (vx_xdp_frame_init(&fr[i], bufs[i], pkt->p, (uint32_t)pkt->n, &err))
			die("frame: %s", err.msg);
	}
	t = now_ns();
	for (i = 0; i < rounds; i++) {
		f = vx_xdp_run_batch(p, VX_ENGINE_JIT, fr, n, res, &err);
		if (f < 0)
			die("batch: %s", err.msg);
		*faults += (unsigned long)f;
	}
	t = now_ns() - t;
	return t / ((double)rounds * n);
}

#ifdef HAVE_LIBBPF
/* The kernel's ns per run (its own measurement, BPF_PROG_TEST_RUN's duration). */
static double run_kernel(int fd, const struct blob *pkt, unsigned reps)
{
	LIBBPF_OPTS(bpf_test_run_opts, o, .data_in = pkt->p, .data_size_in = (uint32_t)pkt->n,
		    .repeat = reps);

	if (bpf_prog_test_run_opts(fd, &o))
		return -1;
	return o.duration;
}

static int libbpf_quiet(enum libbpf_print_level l, const char *fmt, va_list ap)
{
	(void)l, (void)fmt, (void)ap;
	return 0;
}

static struct bpf_object *kernel_open(const char *path)
{
	struct bpf_object *k;

	if (kern_skip)
		return NULL;
	k = bpf_object__open_file(path, NULL);
	if (!k)
		return NULL;
	if (bpf_object__load(k)) {
		bpf_object__close(k);
		return NULL;
	}
	return k;
}

static int kernel_fd(struct bpf_object *k, const char *prog)
{
	struct bpf_program *kp = k ? bpf_object__find_program_by_name(k, prog) : NULL;

	return kp ? bpf_program__fd(kp) : -1;
}
#endif

static double min_d(double a, double b)
{
	return a < 0 || (b >= 0 && b < a) ? b : a;
}

/* One program: every column on every frame, best of TRIALS, mean over frames. */
static void bench_prog(struct row *r, struct vx_prog *p, struct vx_prog *hp, int kfd)
{
	double sum[NCOLS] = { 0 };
	unsigned long faults = 0;
	size_t i;
	int c, t;

	for (i = 0; i < npkts; i++) {
		double best[NCOLS];

		for (c = 0; c < NCOLS; c++)
			best[c] = -1;
		for (t = 0; t < TRIALS; t++) {
			best[C_INTERP] = min_d(best[C_INTERP],
					       run_single(p, VX_ENGINE_INTERP, &pkts[i],
							  repeat / 20, &faults));
			best[C_JIT] = min_d(best[C_JIT], run_single(p, VX_ENGINE_JIT, &pkts[i],
								    repeat, &faults));
			best[C_RAW] = min_d(best[C_RAW], run_raw(p, &pkts[i], repeat));
			best[C_B32] = min_d(best[C_B32], run_burst(p, &pkts[i], BURST_S, repeat,
								   &faults));
			best[C_B256] = min_d(best[C_B256], run_burst(p, &pkts[i], BURST_L, repeat,
								     &faults));
			if (hp)
				best[C_HARD] = min_d(best[C_HARD],
						     run_single(hp, VX_ENGINE_JIT, &pkts[i], repeat,
								&faults));
#ifdef HAVE_LIBBPF
			if (kfd >= 0)
				best[C_KERN] = min_d(best[C_KERN], run_kernel(kfd, &pkts[i], repeat));
#else
			(void)kfd;
#endif
		}
		for (c = 0; c < NCOLS; c++)
			sum[c] = best[c] < 0 || sum[c] < 0 ? -1 : sum[c] + best[c];
	}
	for (c = 0; c < NCOLS; c++)
		r->ns[c] = sum[c] < 0 ? -1 : sum[c] / (double)npkts;
	if (faults)
		printf("# %s: %lu runs faulted\n", r->name, faults);
}

static void bench_obj(const char *path, const char *maps_dir)
{
	char base[256], *dot;
	struct vx_error err;
	struct vx_obj *obj, *hobj;
	void *kobj = NULL;
	size_t i;

	snprintf(base, sizeof(base), "%s", strrchr(path, '/') ? strrchr(path, '/') + 1 : path);
	dot = strrchr(base, '.');
	if (dot)
		*dot = 0;
	obj = vx_obj_open(path, &err);
	hobj = vx_obj_open(path, &err);
	if (!obj || !hobj || vx_obj_prepare(obj, VX_ENGINE_JIT, VX_HELPER_TRUSTED, &err)) {
		printf("# %s: %s\n", path, err.msg);
		vx_obj_close(obj);
		vx_obj_close(hobj);
		return;
	}
	if (vx_obj_prepare(hobj, VX_ENGINE_JIT, VX_HELPER_GUEST, &err)) {
		printf("# %s: not a guest program (%s): no hardened column\n", base, err.msg);
		vx_obj_close(hobj);
		hobj = NULL;
	}
#ifdef HAVE_LIBBPF
	kobj = kernel_open(path);
	if (!kern_skip && !kobj)
		printf("# %s: the kernel (libbpf) does not load it: no kernel column\n", base);
#endif
	apply_maps(maps_dir, base, obj, kobj);
	if (hobj)
		apply_maps(maps_dir, base, hobj, NULL);
	for (i = 0; i < vx_obj_prog_count(obj) && nrows < MAX_ROWS; i++) {
		struct vx_prog *p = vx_obj_prog(obj, i);
		struct row *r = &rows[nrows++];
		int kfd = -1;

#ifdef HAVE_LIBBPF
		kfd = kernel_fd(kobj, vx_prog_name(p));
#endif
		snprintf(r->name, sizeof(r->name), "%.20s/%.26s", base, vx_prog_name(p));
		vx_prog_insns(p, &r->insns);
		bench_prog(r, p, hobj ? vx_obj_prog(hobj, i) : NULL, kfd);
	}
#ifdef HAVE_LIBBPF
	if (kobj)
		bpf_object__close(kobj);
#endif
	vx_obj_close(obj);
	vx_obj_close(hobj);
}

/* ---- the table ---- */

static int dcmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static double ratio(const struct row *r, int a, int b)
{
	return r->ns[a] > 0 && r->ns[b] > 0 ? r->ns[a] / r->ns[b] : -1;
}

/* Median over the rows where both columns exist (and, with small, programs < 100 insns). */
static double median(int a, int b, bool small)
{
	double v[MAX_ROWS];
	size_t i, n = 0;

	for (i = 0; i < nrows; i++)
		if (ratio(&rows[i], a, b) > 0 && (!small || rows[i].insns < 100))
			v[n++] = ratio(&rows[i], a, b);
	if (!n)
		return -1;
	qsort(v, n, sizeof(v[0]), dcmp);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static void cell(double v, const char *fmt)
{
	if (v < 0)
		printf(" %8s", "-");
	else
		printf(fmt, v);
}

static void print_table(void)
{
	size_t i;
	int c;

	printf("\n%-30s %5s", "program", "insns");
	for (c = 0; c < NCOLS; c++)
		printf(" %8s", col_name[c]);
	printf(" %8s %8s %8s %8s %8s\n", "jit/kern", "raw/kern", "pp/b32", "int/jit", "hard/jit");
	for (i = 0; i < nrows; i++) {
		const struct row *r = &rows[i];

		printf("%-30s %5zu", r->name, r->insns);
		for (c = 0; c < NCOLS; c++)
			cell(r->ns[c], " %8.1f");
		cell(ratio(r, C_JIT, C_KERN), " %7.2fx");
		cell(ratio(r, C_RAW, C_KERN), " %7.2fx");
		cell(ratio(r, C_JIT, C_B32), " %7.2fx");
		cell(ratio(r, C_INTERP, C_JIT), " %7.1fx");
		cell(ratio(r, C_HARD, C_JIT), " %7.2fx");
		printf("\n");
	}
	printf("\nmedians over the corpus (ns per packet ratios; target in brackets):\n");
	printf("  JIT per packet / kernel JIT        %6.2fx  [<= 1.20x]\n",
	       median(C_JIT, C_KERN, false));
	printf("  JIT code alone (raw) / kernel JIT  %6.2fx\n", median(C_RAW, C_KERN, false));
	printf("  per packet / batched (32), <100 insns %6.2fx  [>= 1.15x]\n",
	       median(C_JIT, C_B32, true));
	printf("  per packet / batched (32), all     %6.2fx\n", median(C_JIT, C_B32, false));
	printf("  per packet / batched (256), all    %6.2fx\n", median(C_JIT, C_B256, false));
	printf("  interpreter / JIT                  %6.1fx  [>= 10x]\n",
	       median(C_INTERP, C_JIT, false));
	printf("  hardened (guest) / plain JIT       %6.2fx\n", median(C_HARD, C_JIT, false));
	printf("  batched (32) / kernel JIT          %6.2fx\n", median(C_B32, C_KERN, false));
}

static void print_machine(void)
{
	char line[512], model[256] = "unknown";
	struct utsname u;
	FILE *f = fopen("/proc/cpuinfo", "r");

	while (f && fgets(line, sizeof(line), f)) {
		if (!strncmp(line, "model name", 10) && strchr(line, ':')) {
			snprintf(model, sizeof(model), "%s", strchr(line, ':') + 2);
			model[strcspn(model, "\n")] = 0;
			break;
		}
	}
	if (f)
		fclose(f);
	uname(&u);
	printf("machine: %s, %ld CPUs online, Linux %s %s; load average:", model,
	       sysconf(_SC_NPROCESSORS_ONLN), u.release, u.machine);
	f = fopen("/proc/loadavg", "r");
	if (f && fgets(line, sizeof(line), f))
		printf(" %.*s\n", (int)strcspn(line, "\n"), line);
	else
		printf(" ?\n");
	if (f)
		fclose(f);
}

static void pin_cpu(void)
{
	cpu_set_t set;

	CPU_ZERO(&set);
	CPU_SET(0, &set);
	sched_setaffinity(0, sizeof(set), &set);
}

static void probe_kernel(void)
{
#ifdef HAVE_LIBBPF
	libbpf_set_print(libbpf_quiet);
	kcpus = libbpf_num_possible_cpus();
	if (geteuid() != 0)
		kern_skip = "not root: BPF_PROG_TEST_RUN needs CAP_BPF and CAP_NET_ADMIN";
	else if (kcpus <= 0)
		kern_skip = "libbpf cannot count the possible CPUs";
#else
	kern_skip = "built without libbpf";
#endif
}

void bench_compile(void);

int main(int argc, char **argv)
{
	int a = 1;

	if (a + 1 < argc && !strcmp(argv[a], "-r")) {
		repeat = (unsigned)strtoul(argv[a + 1], NULL, 10);
		a += 2;
	}
	if (argc - a < 3 || repeat < BURST_L)
		die("usage: bpf_exec [-r REPEAT>=256] PKT_DIR MAPS_DIR OBJ...");
	pin_cpu();
	probe_kernel();
	vx_set_trace_hook(NULL, NULL);
	load_pkts(argv[a]);
	print_machine();
	printf("%zu frames; %u runs per frame and column (interpreter: %u), best of %d; no frame "
	       "re-initialisation between runs in any column (as the kernel's repeat); thread CPU "
	       "time (the kernel's timer also stops while its task is rescheduled)\n",
	       npkts, repeat, repeat / 20, TRIALS);
	printf("columns: ns per packet; jit: vx_xdp_run per packet; jit/raw: the compiled code "
	       "alone on one context built once (as the kernel's repeat loop); jit/b32 and "
	       "jit/b256: vx_xdp_run_batch over bursts of 32 and 256; jit+hard: guest class "
	       "(blinding, Spectre v1/v4), per packet; kernel: BPF_PROG_TEST_RUN duration\n");
	if (kern_skip)
		printf("kernel column skipped: %s\n", kern_skip);
	for (int i = a + 2; i < argc; i++)
		bench_obj(argv[i], argv[a + 1]);
	print_table();
	bench_compile();
	return 0;
}
