// SPDX-License-Identifier: BSD-2-Clause
/*
 * bpf_exec_raw.c - the "jit/raw" column of bpf_exec: the compiled program called in a loop on
 * one XDP context built once, the way the kernel's test run repeats a program on one xdp_buff.
 * Next to the "jit" column (vx_xdp_run per packet: context built from the frame and results
 * written back on every call) it shows what the engine's per-call API costs on top of the
 * compiled code. Uses the engine's private headers, unlike the rest of bpf_exec.
 */
#include <time.h>

#include "prog_priv.h"
#include "vxbpf/jit.h"
#include "vxbpf/xdp.h"
#include "xdp_priv.h"

double bench_raw(const struct vx_prog *p, struct vx_xdp_frame *fr, unsigned reps);

static double cpu_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return ts.tv_sec * 1e9 + ts.tv_nsec;
}

/* ns per run; -1 when the program is not compiled. */
double bench_raw(const struct vx_prog *p, struct vx_xdp_frame *fr, unsigned reps)
{
	struct vx_xdp_ctx ctx = {
		.data = fr->buf + fr->data_off,
		.hard_start = fr->buf,
		.ingress_ifindex = fr->ingress_ifindex,
		.rx_queue_index = fr->rx_queue_index,
	};
	double t;
	unsigned i;

	if (!p->jit)
		return -1;
	ctx.data_end = ctx.data + fr->data_len;
	ctx.data_meta = ctx.data - fr->meta_len;
	t = cpu_ns();
	for (i = 0; i < reps; i++)
		vx_jit_run(p->jit, &ctx);
	return (cpu_ns() - t) / reps;
}
