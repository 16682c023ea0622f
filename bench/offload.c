// SPDX-License-Identifier: BSD-2-Clause
/*
 * offload.c - bench/offload: frames from a traffic source through the switch to port b, whose
 * XDP program returns DROP, TX (MAC swap) or PASS, against the same traffic delivered into b's
 * guest with no program, in one run. The source is an in-process port that offers 64-byte
 * frames as fast as the worker takes them (read in place, like a guest's TX ring) and takes
 * TX bounces back with one copy each; b is a real vhost-user port whose guest (the vguest
 * frontend, on its own thread and core) drains its receive ring. The switch runs one worker.
 * Usage: offload PROGS_DIR [SECONDS]  (PROGS_DIR: tests/offload/progs in the build tree)
 */
#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

#include <vxbpf/map.h>
#include <vxoffload/offload.h>

#include "frontend.h"

#define FRAME_LEN	64

/* ---- the source port ---- */
struct src_port {
	struct vx_port port;
	uint8_t frame[FRAME_LEN];
	struct iovec iov;
	uint64_t rx, tx;		/* relaxed atomics */
	uint8_t scratch[2048];
	bool on;			/* atomic */
};

static struct src_port *sp(struct vx_port *p)
{
	return (struct src_port *)p;
}

static unsigned int src_rx(struct vx_port *p, struct vx_dp_pkt *pkts, unsigned int max)
{
	struct src_port *s = sp(p);
	unsigned int i;

	if (!__atomic_load_n(&s->on, __ATOMIC_RELAXED))
		return 0;
	for (i = 0; i < max; i++)
		pkts[i] = (struct vx_dp_pkt){ &s->iov, 1, FRAME_LEN };
	__atomic_fetch_add(&s->rx, max, __ATOMIC_RELAXED);
	return max;
}

static void src_release(struct vx_port *p)
{
	(void)p;
}

/* Bounced frames come back here: one copy each, as delivery into a guest would make. */
static unsigned int src_tx(struct vx_port *p, const struct vx_dp_pkt *pkts, unsigned int n)
{
	struct src_port *s = sp(p);
	unsigned int i;

	for (i = 0; i < n; i++)
		memcpy(s->scratch, pkts[i].iov[0].iov_base, pkts[i].iov[0].iov_len);
	__atomic_fetch_add(&s->tx, n, __ATOMIC_RELAXED);
	return n;
}

static void src_stats(struct vx_port *p, struct vx_port_stats *out)
{
	out->rx_packets = __atomic_load_n(&sp(p)->rx, __ATOMIC_RELAXED);
	out->tx_packets = __atomic_load_n(&sp(p)->tx, __ATOMIC_RELAXED);
}

static bool src_connected(struct vx_port *p)
{
	(void)p;
	return true;
}

static int src_fd(struct vx_port *p)
{
	(void)p;
	return -1;
}

static void src_process(struct vx_port *p)
{
	(void)p;
}

static void src_destroy(struct vx_port *p)
{
	free(p);
}

static const struct vx_port_ops src_ops = {
	.type = "bench-source", .rx_burst = src_rx, .rx_release = src_release, .tx_burst = src_tx,
	.stats = src_stats, .connected = src_connected, .ctl_fd = src_fd,
	.ctl_process = src_process, .destroy = src_destroy,
};

static struct vx_port *src_new(void)
{
	struct src_port *s = calloc(1, sizeof(*s));
	static const uint8_t hdr[14] = { 0x52, 0x54, 0, 0, 0, 0x0b, 0x52, 0x54, 0, 0, 0, 0x0a,
					 0x08, 0x00 };

	if (!s || vx_port_init(&s->port, &src_ops, "src", "bench source"))
		return NULL;
	memcpy(s->frame, hdr, sizeof(hdr));
	s->iov = (struct iovec){ s->frame, FRAME_LEN };
	return &s->port;
}

/* ---- the guest on b ---- */
struct guest {
	const char *path;
	int core;
	bool ready, stop;	/* atomics */
	uint64_t got;
	int err;
};

static void pin(int core)
{
	cpu_set_t set;

	if (core < 0)
		return;
	CPU_ZERO(&set);
	CPU_SET(core, &set);
	pthread_setaffinity_np(pthread_self(), sizeof(set), &set);
}

static void *guest_main(void *arg)
{
	struct guest *g = arg;
	struct vg_cfg cfg = { .path = g->path, .mrg_rxbuf = true, .event_idx = true };
	struct vg_fe fe;
	uint8_t buf[2048];

	pin(g->core);
	g->err = vg_open(&fe, &cfg);
	if (!g->err)
		g->err = vg_setup(&fe);
	__atomic_store_n(&g->ready, true, __ATOMIC_RELEASE);
	while (!g->err && !__atomic_load_n(&g->stop, __ATOMIC_RELAXED)) {
		if (vg_recv(&fe, buf, sizeof(buf)) > 0)
			__atomic_fetch_add(&g->got, 1, __ATOMIC_RELAXED);
	}
	vg_close(&fe);
	return NULL;
}

/* ---- the run ---- */
struct sample {
	double offered, delivered, xdp;
	double guest_cpu;	/* the guest thread's CPU time over the wall time */
	double sw_cpu;		/* the rest of the process but this thread: the worker */
};

static double now_s(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* CPU time a thread has used, in seconds (0 if it cannot be read). */
static double cpu_s(clockid_t c)
{
	struct timespec ts;

	if (clock_gettime(c, &ts))
		return 0;
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double thread_cpu_s(pthread_t t)
{
	clockid_t c;

	return pthread_getcpuclockid(t, &c) ? 0 : cpu_s(c);
}

/* Serve b's vhost-user messages for secs seconds. */
static void serve(struct vx_port *b, double secs)
{
	double end = now_s() + secs;
	struct pollfd p = { .fd = b->ops->ctl_fd(b), .events = POLLIN };

	while (now_s() < end) {
		if (poll(&p, 1, 10) > 0)
			b->ops->ctl_process(b);
	}
}

static uint64_t xdp_total(const struct vx_port_stats *s)
{
	return s->xdp.drop + s->xdp.tx + s->xdp.pass;
}

static struct sample measure(struct src_port *src, struct vx_port *b, pthread_t guest,
			     double secs)
{
	struct vx_port_stats a0, a1, b0, b1;
	struct sample s;
	double t0, t1, c0, c1, p0, p1, m0, m1;

	__atomic_store_n(&src->on, true, __ATOMIC_RELAXED);
	serve(b, 0.3);		/* warm up */
	vx_port_stats(&src->port, &a0);
	vx_port_stats(b, &b0);
	c0 = thread_cpu_s(guest);
	p0 = cpu_s(CLOCK_PROCESS_CPUTIME_ID);
	m0 = cpu_s(CLOCK_THREAD_CPUTIME_ID);
	t0 = now_s();
	serve(b, secs);
	t1 = now_s();
	c1 = thread_cpu_s(guest);
	p1 = cpu_s(CLOCK_PROCESS_CPUTIME_ID);
	m1 = cpu_s(CLOCK_THREAD_CPUTIME_ID);
	vx_port_stats(&src->port, &a1);
	vx_port_stats(b, &b1);
	__atomic_store_n(&src->on, false, __ATOMIC_RELAXED);
	serve(b, 0.2);		/* drain */
	s.offered = (double)(a1.rx_packets - a0.rx_packets) / (t1 - t0) / 1e6;
	s.delivered = (double)(b1.tx_packets - b0.tx_packets) / (t1 - t0) / 1e6;
	s.xdp = (double)(xdp_total(&b1) - xdp_total(&b0)) / (t1 - t0) / 1e6;
	s.guest_cpu = (c1 - c0) / (t1 - t0);
	s.sw_cpu = ((p1 - p0) - (c1 - c0) - (m1 - m0)) / (t1 - t0);
	return s;
}

static int attach(struct vx_offload *off, const char *dir, const char *name)
{
	char path[512];
	struct vx_error err;
	uint32_t id;
	FILE *f;
	void *buf;
	long n;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "rb");
	if (!f || fseek(f, 0, SEEK_END) || (n = ftell(f)) <= 0 || fseek(f, 0, SEEK_SET)) {
		fprintf(stderr, "offload: cannot read %s\n", path);
		return -1;
	}
	buf = malloc((size_t)n);
	if (!buf || fread(buf, 1, (size_t)n, f) != (size_t)n) {
		fclose(f);
		free(buf);
		return -1;
	}
	fclose(f);
	if (vx_off_obj_load(off, 1, VX_OFF_GUEST, buf, (size_t)n, name, &id, &err) ||
	    vx_off_attach(off, 1, id, NULL, 0, &err)) {
		fprintf(stderr, "offload: %s: %s\n", name, err.msg);
		free(buf);
		return -1;
	}
	free(buf);
	return 0;
}

static void machine(void)
{
	char line[256], model[256] = "?";
	struct utsname u;
	double load[3] = { 0 };
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
	getloadavg(load, 3);
	printf("machine: %s, %ld CPUs, %s %s, load average %.2f (other work shares the CPUs)\n",
	       model, sysconf(_SC_NPROCESSORS_ONLN), u.sysname, u.release, load[0]);
}

int main(int argc, char **argv)
{
	static const char *const progs[] = { NULL, "off_drop.o", "off_swap.o", "off_pass.o" };
	static const char *const names[] = { "none (delivered into the guest)", "DROP", "TX (MAC swap)",
					     "PASS (MAC rewrite)" };
	long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
	struct vx_sw_cfg cfg = { .mode = VX_SW_XCONNECT, .burst = 64 };
	double secs = argc > 2 ? atof(argv[2]) : 2.0, base = 0, base_off = 0, min_cpu = 1;
	char tmp[] = "/tmp/vxbench.XXXXXX", path[300];
	struct guest g = { 0 };
	struct vx_offload *off;
	struct vx_switch *sw;
	struct vx_port *b;
	pthread_t gt;
	unsigned int i;

	if (argc < 2 || secs <= 0 || !mkdtemp(tmp)) {
		fprintf(stderr, "usage: offload PROGS_DIR [SECONDS]\n");
		return 2;
	}
	if (ncpu >= 2) {
		cfg.ncores = 1;
		cfg.cores[0] = 0;
	}
	snprintf(path, sizeof(path), "%s/b.sock", tmp);
	sw = vx_switch_new(&cfg);
	vx_switch_add_port(sw, src_new());
	b = vx_port_vhost_new("b", path, false);
	vx_switch_add_port(sw, b);
	off = vx_offload_new(sw, NULL);
	if (vx_switch_start(sw)) {
		fprintf(stderr, "offload: cannot start the switch\n");
		return 1;
	}
	g.path = path;
	g.core = ncpu >= 2 ? 1 : -1;
	pthread_create(&gt, NULL, guest_main, &g);
	while (!__atomic_load_n(&g.ready, __ATOMIC_ACQUIRE) || (!g.err && !b->ops->connected(b)))
		serve(b, 0.05);
	if (g.err) {
		fprintf(stderr, "offload: the guest could not connect: %s\n", strerror(-g.err));
		return 1;
	}
	machine();
	printf("switch: 1 worker%s; guest on its own thread%s; %d-byte frames; engine %s; "
	       "%.1f s per case\n", ncpu >= 2 ? " on CPU 0" : "", ncpu >= 2 ? " on CPU 1" : " (unpinned)",
	       FRAME_LEN, vx_off_engine(off) == VX_ENGINE_JIT ? "jit" : "interp", secs);
	printf("%-34s %12s %12s %12s %8s %8s %6s %6s\n", "case", "offered", "delivered",
	       "xdp actions", "ratio", "ratio2", "guest", "worker");
	for (i = 0; i < 4; i++) {
		struct sample s;
		double rate;

		if (progs[i] && attach(off, argv[1], progs[i]))
			return 1;
		s = measure((struct src_port *)vx_switch_port(sw, 0), b, gt, secs);
		if (s.guest_cpu < min_cpu)
			min_cpu = s.guest_cpu;
		if (s.sw_cpu < min_cpu)
			min_cpu = s.sw_cpu;
		rate = progs[i] ? s.xdp : s.delivered;
		if (!progs[i]) {
			base = rate;
			base_off = s.offered;
		}
		printf("%-34s %9.3f Mpps %7.3f Mpps %7.3f Mpps %7.2fx %7.2fx %5.0f%% %5.0f%%\n",
		       names[i], s.offered, s.delivered, s.xdp, base > 0 ? rate / base : 0,
		       base_off > 0 ? s.offered / base_off : 0, s.guest_cpu * 100, s.sw_cpu * 100);
	}
	printf("offered: frames the switch took from the source; delivered: copied into b's guest\n"
	       "(the rest of none's offered frames met a full ring and were dropped at once).\n"
	       "ratio: the case's rate (xdp actions; delivered for none) over none's delivered\n"
	       "rate, the issue's measure (targets: DROP >= 2x, TX >= 1.0x). ratio2: offered over\n"
	       "none's offered, the switch's own frame rate with the program against without.\n"
	       "guest, worker: CPU time b's guest thread and the switch's worker (the process less\n"
	       "the guest and this thread) got over the case's wall time. Both spin, so below\n"
	       "~95%% other work took their CPU and the rates measure that, not the switch.\n");
	if (min_cpu < 0.9)
		printf("WARNING: a spinning thread had only %.0f%% of its CPU in some case: the\n"
		       "rates and ratios of this run are not comparable; rerun on a quiet machine.\n",
		       min_cpu * 100);
	__atomic_store_n(&g.stop, true, __ATOMIC_RELAXED);
	pthread_join(gt, NULL);
	vx_switch_stop(sw);
	vx_offload_free(off);
	vx_switch_free(sw);
	vx_rcu_barrier();
	unlink(path);
	rmdir(tmp);
	return 0;
}
