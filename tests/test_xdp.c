// SPDX-License-Identifier: BSD-2-Clause
/*
 * test_xdp.c - the XDP run layer through the checked interpreter: the xdp_md context, packet
 * bounds, adjust_head/tail/meta at the kernel's limits, redirects, tail calls, callbacks, ring
 * buffer samples, global data, and the interpreter's checks of helper arguments.
 *
 * Programs are assembled from text; map references are patched into their ld_imm64 slots
 * (`lddw %rN, 0` placeholders, in order) as the object loader would relocate them.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "prog_priv.h"
#include "tap.h"
#include "test_maps.h"
#include "vxbpf/asm.h"
#include "vxbpf/map.h"
#include "vxbpf/prog.h"
#include "vxbpf/xdp.h"

#define ETH_LEN 64

static uint8_t buf[VX_XDP_FRAME_SIZE];
static uint8_t pkt[ETH_LEN];

struct t {
	struct vx_prog prog;
	struct vx_xdp_frame frame;
	struct vx_xdp_result res;
	struct vx_error err;
	int ret;
};

/*
 * Build a program from src; the k-th `lddw` placeholder becomes a reference to maps[refs[k]]
 * (src VX_PSEUDO_MAP_IDX), or to its value when refs[k] is negative (-1 - index).
 */
static bool build(struct t *t, const char *src, struct vx_map **maps, size_t nmaps,
		  const int *refs, size_t nrefs)
{
	struct vx_error err;
	size_t i, k = 0;

	memset(t, 0, sizeof(*t));
	if (vx_assemble(src, &t->prog.insns, &t->prog.len, &err)) {
		printf("# assembler: line %d: %s\n", err.line, err.msg);
		return false;
	}
	for (i = 0; i < t->prog.len && k < nrefs; i++) {
		if (t->prog.insns[i].code != VX_LD_IMM64)
			continue;
		t->prog.insns[i].src = refs[k] >= 0 ? VX_PSEUDO_MAP_IDX : VX_PSEUDO_MAP_IDX_VALUE;
		t->prog.insns[i].imm = refs[k] >= 0 ? refs[k] : -1 - refs[k];
		t->prog.insns[i + 1].imm = 0;
		k++;
		i++;
	}
	t->prog.name = "test";
	t->prog.section = "xdp";
	t->prog.maps = maps;
	t->prog.nmaps = nmaps;
	if (vx_check(t->prog.insns, t->prog.len, VX_CHECK_PSEUDO, &err)) {
		printf("# check: insn %d: %s\n", err.insn, err.msg);
		return false;
	}
	return true;
}

static void run(struct t *t, uint32_t len)
{
	vx_xdp_frame_init(&t->frame, buf, pkt, len, NULL);
	t->frame.ingress_ifindex = 7;
	t->frame.rx_queue_index = 3;
	t->ret = vx_xdp_run(&t->prog, VX_ENGINE_INTERP, &t->frame, &t->res, &t->err);
}

static uint64_t run_src(const char *src, uint32_t len, struct t *t)
{
	if (!build(t, src, NULL, 0, NULL, 0))
		return (uint64_t)-1;
	run(t, len);
	return t->ret ? (uint64_t)-1 : t->res.retval;
}

static void done(struct t *t)
{
	free(t->prog.insns);
}

static void test_context(void)
{
	struct t t;

	ok(run_src("ldxw %r2, [%r1+0]\nldxw %r3, [%r1+4]\nmov %r0, %r3\nsub %r0, %r2\nexit",
		   ETH_LEN, &t) == ETH_LEN,
	   "data_end - data is the frame length");
	done(&t);
	ok(run_src("ldxw %r0, [%r1+12]\nldxw %r2, [%r1+16]\nlsh %r0, 8\nor %r0, %r2\nexit",
		   ETH_LEN, &t) == (7 << 8 | 3),
	   "ingress_ifindex and rx_queue_index reach the program");
	done(&t);
	ok(run_src("ldxw %r2, [%r1+8]\nldxw %r3, [%r1+0]\nmov %r0, %r3\nsub %r0, %r2\nexit",
		   ETH_LEN, &t) == 0,
	   "data_meta equals data when there is no metadata");
	done(&t);
	run_src("ldxb %r0, [%r1+0]\nexit", ETH_LEN, &t);
	ok(t.ret == -1 && strstr(t.err.msg, "invalid context access"),
	   "a narrow load of the context faults: %s", t.err.msg);
	done(&t);
	ok(run_src("ldxsw %r0, [%r1+12]\nldxsw %r2, [%r1+16]\nlsh %r0, 8\nor %r0, %r2\nexit",
		   ETH_LEN, &t) == (7 << 8 | 3),
	   "ldxsw of ingress_ifindex and rx_queue_index");
	done(&t);
	if (build(&t, "ldxsw %r0, [%r1+16]\nexit", NULL, 0, NULL, 0)) {
		vx_xdp_frame_init(&t.frame, buf, pkt, ETH_LEN, NULL);
		t.frame.rx_queue_index = 0x80000003;
		t.ret = vx_xdp_run(&t.prog, VX_ENGINE_INTERP, &t.frame, &t.res, &t.err);
	}
	ok(!t.ret && t.res.retval == 0xffffffff80000003ull,
	   "ldxsw sign-extends a field with bit 31 set (%#llx)",
	   (unsigned long long)t.res.retval);
	done(&t);
	run_src("ldxsw %r0, [%r1+0]\nexit", ETH_LEN, &t);
	ok(t.ret == -1 && strstr(t.err.msg, "invalid context access: 4 bytes sign-extended"),
	   "a sign-extending load of a pointer field faults: %s", t.err.msg);
	done(&t);
	run_src("stw [%r1+0], 1\nmov %r0, 2\nexit", ETH_LEN, &t);
	ok(t.ret == -1 && strstr(t.err.msg, "write of the context"),
	   "a store into the context faults: %s", t.err.msg);
	done(&t);
	ok(run_src("ldxw %r2, [%r1+0]\nldxb %r0, [%r2+63]\nexit", ETH_LEN, &t) == pkt[63],
	   "the last packet byte is readable");
	done(&t);
	run_src("ldxw %r2, [%r1+0]\nldxb %r0, [%r2+64]\nexit", ETH_LEN, &t);
	ok(t.ret == -1 && strstr(t.err.msg, "out-of-bounds read"),
	   "the byte after the packet is not: %s", t.err.msg);
	done(&t);
	run_src("ldxw %r2, [%r1+0]\nstb [%r2-1], 1\nmov %r0, 2\nexit", ETH_LEN, &t);
	ok(t.ret == -1 && t.res.action == VX_XDP_ABORTED, "nor the headroom");
	done(&t);
	ok(run_src("mov %r0, 9\nexit", ETH_LEN, &t) == 9 && t.res.action == VX_XDP_ABORTED,
	   "an unknown action counts as ABORTED, retval kept");
	done(&t);
}

static int64_t adjust(int helper, int32_t delta, struct t *t)
{
	char src[256];

	snprintf(src, sizeof(src), "mov %%r2, %d\ncall %d\nexit", delta, helper);
	return (int64_t)run_src(src, ETH_LEN, t);
}

static void test_adjust(void)
{
	const int head_room = VX_XDP_HEADROOM - VX_XDP_FRAME_RESERVED;
	const int tail_room = VX_XDP_FRAME_SIZE - VX_XDP_TAILROOM - VX_XDP_HEADROOM - ETH_LEN;
	struct t t;

	ok(adjust(44, -head_room, &t) == 0 && t.frame.data_off == VX_XDP_FRAME_RESERVED &&
		   t.frame.data_len == ETH_LEN + head_room,
	   "adjust_head grows the packet to the reserved xdp_frame area");
	done(&t);
	ok(adjust(44, -head_room - 1, &t) == -EINVAL, "adjust_head one byte further: -EINVAL");
	done(&t);
	ok(adjust(44, ETH_LEN - 14, &t) == 0 && t.frame.data_len == 14,
	   "adjust_head shrinks to an Ethernet header");
	done(&t);
	ok(adjust(44, ETH_LEN - 13, &t) == -EINVAL, "adjust_head below 14 bytes: -EINVAL");
	done(&t);
	ok(adjust(65, tail_room, &t) == 0 && t.frame.data_len == ETH_LEN + tail_room,
	   "adjust_tail grows to the reserved tailroom");
	done(&t);
	ok(adjust(65, tail_room + 1, &t) == -EINVAL, "adjust_tail one byte further: -EINVAL");
	done(&t);
	ok(adjust(65, 14 - ETH_LEN, &t) == 0 && t.frame.data_len == 14,
	   "adjust_tail shrinks to 14 bytes");
	done(&t);
	ok(adjust(65, 13 - ETH_LEN, &t) == -EINVAL, "adjust_tail below 14 bytes: -EINVAL");
	done(&t);
	memset(buf + VX_XDP_HEADROOM + ETH_LEN, 0xee, 16);
	ok(adjust(65, 16, &t) == 0 &&
		   !memcmp(buf + VX_XDP_HEADROOM + ETH_LEN, (uint8_t[16]){ 0 }, 16),
	   "grown tail bytes are zeroed");
	done(&t);
	memset(buf + VX_XDP_HEADROOM - 32, 0xee, 32);
	ok(adjust(44, -16, &t) == 0 &&
		   !memcmp(buf + VX_XDP_HEADROOM - 16, (uint8_t[16]){ 0 }, 16),
	   "headroom grown into by adjust_head is zeroed (no previous frame's bytes)");
	done(&t);
	memset(buf + VX_XDP_HEADROOM - 32, 0xee, 32);
	ok(adjust(54, -8, &t) == 0 && t.frame.meta_len == 8 &&
		   !memcmp(buf + VX_XDP_HEADROOM - 8, (uint8_t[8]){ 0 }, 8),
	   "adjust_meta -8 gives 8 zeroed bytes");
	done(&t);
	ok(adjust(54, -3, &t) == -EACCES, "adjust_meta by a non-multiple of 4: -EACCES");
	done(&t);
	ok(adjust(54, -216, &t) == 0 && t.frame.meta_len == 216,
	   "adjust_meta up to the reserved xdp_frame area (Linux >= 6.x allows 255 bytes)");
	done(&t);
	ok(adjust(54, -220, &t) == -EINVAL, "adjust_meta into the xdp_frame area: -EINVAL");
	done(&t);
	ok(adjust(54, 4, &t) == -EINVAL, "adjust_meta past data: -EINVAL");
	done(&t);
	ok(run_src("mov %r6, %r1\nmov %r2, -8\ncall 54\nldxw %r2, [%r6+8]\nldxw %r3, [%r6+0]\n"
		   "mov %r4, %r2\nadd %r4, 8\njgt %r4, %r3, +3\nstdw [%r2+0], 77\nmov %r0, 2\nexit\n"
		   "mov %r0, 1\nexit",
		   ETH_LEN, &t) == 2 &&
		   t.frame.meta_len == 8 && buf[VX_XDP_HEADROOM - 8] == 77,
	   "metadata is writable after a bounds check");
	done(&t);
	ok(run_src("call 188\nexit", ETH_LEN, &t) == ETH_LEN, "xdp_get_buff_len");
	done(&t);
}

static void test_redirect(void)
{
	struct vx_map *dev = mk("devmap", VX_MAP_DEVMAP, 4, 4, 8, 0);
	struct vx_map *maps[] = { dev };
	uint32_t k = 2, ifx = 42;
	struct t t;

	ok(run_src("mov %r1, 5\nmov %r2, 0\ncall 23\nexit", ETH_LEN, &t) == VX_XDP_REDIRECT &&
		   t.res.redirect_ifindex == 5,
	   "bpf_redirect names the target");
	done(&t);
	ok(run_src("mov %r1, 5\nmov %r2, 1\ncall 23\nexit", ETH_LEN, &t) == VX_XDP_ABORTED,
	   "bpf_redirect with flags aborts");
	done(&t);
	if (!dev)
		return;
	ok(vx_map_update(dev, &k, &ifx, VX_ANY) == 0, "devmap entry 2 -> ifindex 42");
	if (build(&t, "lddw %r1, 0\nmov %r2, 2\nmov %r3, 2\ncall 51\nexit", maps, 1,
		  (int[]){ 0 }, 1)) {
		run(&t, ETH_LEN);
		ok(t.ret == 0 && t.res.action == VX_XDP_REDIRECT && t.res.redirect_ifindex == 42,
		   "redirect_map to a devmap entry");
	}
	done(&t);
	if (build(&t, "lddw %r1, 0\nmov %r2, 3\nmov %r3, 2\ncall 51\nexit", maps, 1,
		  (int[]){ 0 }, 1)) {
		run(&t, ETH_LEN);
		ok(t.ret == 0 && t.res.action == VX_XDP_PASS,
		   "redirect_map to an empty entry returns the flags' action");
	}
	done(&t);
	vx_map_destroy(dev);
}

static void test_maps(void)
{
	struct vx_map *arr = mk("array", VX_MAP_ARRAY, 4, 8, 4, 0);
	struct vx_map *glob = mk("array", VX_MAP_ARRAY, 4, 16, 1, 0);
	struct vx_map *maps[] = { arr, glob };
	uint32_t k = 1;
	uint64_t v = 0;
	struct t t;

	if (!arr || !glob)
		return;
	if (build(&t,
		  "stw [%r10-4], 1\nlddw %r1, 0\nmov %r2, %r10\nadd %r2, -4\ncall 1\n"
		  "jeq %r0, 0, +3\nmov %r1, 5\nlock add [%r0+0], %r1\nmov %r0, 2\nexit",
		  maps, 2, (int[]){ 0 }, 1)) {
		run(&t, ETH_LEN);
		run(&t, ETH_LEN);
		vx_map_lookup(arr, &k, &v);
		ok(t.ret == 0 && v == 10, "two runs add 5 twice through a looked-up value: %llu",
		   (unsigned long long)v);
	}
	done(&t);
	if (build(&t,
		  "stw [%r10-4], 1\nlddw %r1, 0\nmov %r2, %r10\nadd %r2, -4\ncall 1\n"
		  "jeq %r0, 0, +1\nstdw [%r0+8], 1\nmov %r0, 2\nexit",
		  maps, 2, (int[]){ 0 }, 1)) {
		run(&t, ETH_LEN);
		ok(t.ret == -1 && strstr(t.err.msg, "out-of-bounds write"),
		   "a write past a map value faults: %s", t.err.msg);
	}
	done(&t);
	if (build(&t, "lddw %r1, 0\nmov %r2, %r10\ncall 1\nmov %r0, 2\nexit", maps, 2,
		  (int[]){ 0 }, 1)) {
		run(&t, ETH_LEN);
		ok(t.ret == -1 && strstr(t.err.msg, "argument 2"),
		   "a key pointer past the stack is refused: %s", t.err.msg);
	}
	done(&t);
	if (build(&t, "lddw %r1, 0x1000\nmov %r2, %r10\nadd %r2, -4\ncall 1\nmov %r0, 2\nexit",
		  maps, 2, NULL, 0)) {
		run(&t, ETH_LEN);
		ok(t.ret == -1 && strstr(t.err.msg, "not a map of this program"),
		   "a forged map pointer is refused: %s", t.err.msg);
	}
	done(&t);
	if (build(&t, "lddw %r1, 0\nstdw [%r1+8], 99\nldxdw %r0, [%r1+8]\nexit", maps, 2,
		  (int[]){ -2 }, 1)) {
		run(&t, ETH_LEN);
		ok(t.ret == 0 && t.res.retval == 99, "global data through a map value reference");
	}
	done(&t);
	vx_map_destroy(arr);
	vx_map_destroy(glob);
}

static void test_tail_calls(void)
{
	struct vx_map *pa = mk("prog_array", VX_MAP_PROG_ARRAY, 4, 4, 4, 0);
	struct vx_map *cnt = mk("array", VX_MAP_ARRAY, 4, 8, 1, 0);
	struct vx_map *maps[] = { pa, cnt };
	uint32_t k = 0;
	uint64_t v = 0;
	struct t a, b;

	if (!pa || !cnt)
		return;
	if (build(&b, "mov %r0, 3\nexit", maps, 2, NULL, 0) &&
	    build(&a, "lddw %r2, 0\nmov %r3, 1\ncall 12\nmov %r0, 1\nexit", maps, 2,
		  (int[]){ 0 }, 1)) {
		vx_prog_array_set(pa, 1, &b.prog);
		run(&a, ETH_LEN);
		ok(a.ret == 0 && a.res.retval == 3, "a tail call runs the target's code");
		vx_prog_array_set(pa, 1, NULL);
		run(&a, ETH_LEN);
		ok(a.ret == 0 && a.res.retval == 1, "a tail call to an empty slot falls through");
	}
	done(&a);
	done(&b);
	/* A program that counts its runs and tail-calls itself: 1 + 33 runs. */
	if (build(&a,
		  "mov %r6, %r1\nlddw %r1, 0\nstw [%r10-4], 0\nmov %r2, %r10\nadd %r2, -4\ncall 1\n"
		  "jeq %r0, 0, +2\nmov %r1, 1\nlock add [%r0+0], %r1\n"
		  "mov %r1, %r6\nlddw %r2, 0\nmov %r3, 0\ncall 12\nmov %r0, 2\nexit",
		  maps, 2, (int[]){ 1, 0 }, 2)) {
		vx_prog_array_set(pa, 0, &a.prog);
		run(&a, ETH_LEN);
		vx_map_lookup(cnt, &k, &v);
		ok(a.ret == 0 && v == 34, "tail calls stop after 33: %llu runs",
		   (unsigned long long)v);
		vx_prog_array_set(pa, 0, NULL);
	}
	done(&a);
	vx_map_destroy(pa);
	vx_map_destroy(cnt);
}

static void test_callbacks(void)
{
	struct t t;

	/* bpf_loop(10, cb, &sum), cb adds its index and stops at 6: sum 21 after 7 calls. */
	if (build(&t,
		  "stdw [%r10-8], 0\nmov %r1, 10\nlddw %r2, 0\nmov %r3, %r10\nadd %r3, -8\n"
		  "mov %r4, 0\ncall 181\nmov %r6, %r0\nldxdw %r0, [%r10-8]\nlsh %r0, 8\n"
		  "or %r0, %r6\nexit\n"
		  "ldxdw %r3, [%r2+0]\nadd %r3, %r1\nstxdw [%r2+0], %r3\nmov %r0, 0\n"
		  "jne %r1, 6, +1\nmov %r0, 1\nexit",
		  NULL, 0, NULL, 0)) {
		t.prog.insns[2].src = VX_PSEUDO_FUNC;
		t.prog.insns[2].imm = 13 - 3;
		t.prog.insns[3].imm = 0;
		run(&t, ETH_LEN);
		ok(t.ret == 0 && t.res.retval == (21u << 8 | 7),
		   "bpf_loop runs the callback until it returns 1: 0x%llx (%s)",
		   (unsigned long long)t.res.retval, t.ret ? t.err.msg : "ok");
	}
	done(&t);
}

static int count_record(const void *data, size_t size, void *arg)
{
	(void)data;
	*(size_t *)arg += size;
	return 0;
}

static void test_ringbuf(void)
{
	struct vx_map *rb = mk("ringbuf", VX_MAP_RINGBUF, 0, 0, 4096, 0);
	struct vx_map *maps[] = { rb };
	size_t total = 0;
	struct t t;

	if (!rb)
		return;
	if (build(&t,
		  "lddw %r1, 0\nmov %r2, 16\nmov %r3, 0\ncall 131\njeq %r0, 0, +4\n"
		  "stdw [%r0+8], 5\nmov %r1, %r0\nmov %r2, 0\ncall 132\nmov %r0, 2\nexit",
		  maps, 1, (int[]){ 0 }, 1)) {
		run(&t, ETH_LEN);
		ok(t.ret == 0 && vx_ringbuf_consume(rb, count_record, &total) == 1 && total == 16,
		   "a reserved and submitted sample is consumed: %zu bytes", total);
	}
	done(&t);
	if (build(&t, "lddw %r1, 0\nmov %r2, 16\nmov %r3, 0\ncall 131\nmov %r0, 2\nexit", maps, 1,
		  (int[]){ 0 }, 1)) {
		run(&t, ETH_LEN);
		ok(t.ret == -1 && strstr(t.err.msg, "never submitted"),
		   "a sample never submitted is a fault: %s", t.err.msg);
	}
	done(&t);
	if (build(&t, "mov %r1, %r10\nadd %r1, -8\nmov %r2, 0\ncall 132\nmov %r0, 2\nexit", maps,
		  1, NULL, 0)) {
		run(&t, ETH_LEN);
		ok(t.ret == -1 && strstr(t.err.msg, "not a reserved ring buffer sample"),
		   "submitting a forged sample is refused: %s", t.err.msg);
	}
	done(&t);
	vx_map_destroy(rb);
}

int main(void)
{
	size_t i;

	for (i = 0; i < sizeof(pkt); i++)
		pkt[i] = (uint8_t)(i * 7 + 1);
	vx_rcu_thread_online();
	test_context();
	test_adjust();
	test_redirect();
	test_maps();
	test_tail_calls();
	test_callbacks();
	test_ringbuf();
	vx_rcu_thread_offline();
	return tap_done();
}
