// SPDX-License-Identifier: BSD-2-Clause
/*
 * xdp_ringbuf.c - ring buffer events. Per frame: a header copied with bpf_ringbuf_output, a
 * sample made with bpf_ringbuf_reserve and submitted (or, for every third frame, discarded),
 * and a large sample reserved from a second, small ring that fills up after a few frames.
 * bpf_ringbuf_query's ring size, available bytes and positions (deterministic while nobody
 * consumes) are recorded with every failure.
 */
#include "xdp_common.h"

#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <bpf/bpf_endian.h>
#include <bpf/bpf_helpers.h>

struct event {
	__u32 seq;
	__u32 len;
	__u8 head[24];
};

struct big_event {
	__u32 seq;
	__u32 len;
	__u8 pad[1000];
};

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 16384);
} events SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 4096);
} small_ring SEC(".maps");

enum { Q_SIZE, Q_AVAIL, Q_SMALL_SIZE, Q_SMALL_AVAIL, Q_OUTPUT_FAIL, Q_RESERVE_FAIL,
       Q_BIG_FAIL, Q_DISCARDED, Q_HUGE_NULL, Q_BAD_FLAGS, Q_CONS_POS, Q_PROD_POS, Q_MAX };

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, Q_MAX);
	__type(key, __u32);
	__type(value, __s64);
} ring_state SEC(".maps");

__u32 seq; /* .bss */

static __always_inline void set(__u32 slot, __s64 v)
{
	__s64 *p = bpf_map_lookup_elem(&ring_state, &slot);

	if (p)
		*p = v;
}

static __always_inline void add(__u32 slot)
{
	__s64 *p = bpf_map_lookup_elem(&ring_state, &slot);

	if (p)
		__sync_fetch_and_add(p, 1);
}

static __always_inline void copy_head(__u8 *dst, void *data, void *data_end)
{
	__u8 *p = data;
	int i;

#pragma unroll
	for (i = 0; i < 24; i++) {
		if ((void *)(p + i + 1) > data_end)
			break;
		dst[i] = p[i];
	}
}

static __always_inline void reserve_one(void *data, void *data_end, __u32 len)
{
	struct event *e = bpf_ringbuf_reserve(&events, sizeof(*e), 0);

	if (!e) {
		add(Q_RESERVE_FAIL);
		return;
	}
	e->seq = seq | 0x80000000;
	e->len = len;
	__builtin_memset(e->head, 0xee, sizeof(e->head));
	copy_head(e->head, data, data_end);
	if (seq % 3 == 0) {
		bpf_ringbuf_discard(e, 0);
		add(Q_DISCARDED);
		return;
	}
	bpf_ringbuf_submit(e, BPF_RB_NO_WAKEUP);
}

static __always_inline void big_one(__u32 len)
{
	struct big_event *b = bpf_ringbuf_reserve(&small_ring, sizeof(*b), 0);

	if (!b) {
		add(Q_BIG_FAIL);
		return;
	}
	b->seq = seq;
	b->len = len;
	__builtin_memset(b->pad, seq & 0xff, sizeof(b->pad));
	bpf_ringbuf_submit(b, 0);
}

SEC("xdp")
int ringbuf(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	__u32 len = data_end - data;
	struct event ev = { .len = len };
	void *huge;

	ev.seq = ++seq;
	copy_head(ev.head, data, data_end);
	if (bpf_ringbuf_output(&events, &ev, sizeof(ev), 0))
		add(Q_OUTPUT_FAIL);
	reserve_one(data, data_end, len);
	big_one(len);
	huge = bpf_ringbuf_reserve(&small_ring, 8192, 0);
	if (huge)
		bpf_ringbuf_discard(huge, 0);
	else
		add(Q_HUGE_NULL);
	if (bpf_ringbuf_output(&events, &ev, sizeof(ev), 4) == -22)
		add(Q_BAD_FLAGS);
	set(Q_SIZE, bpf_ringbuf_query(&events, BPF_RB_RING_SIZE));
	set(Q_AVAIL, bpf_ringbuf_query(&events, BPF_RB_AVAIL_DATA));
	set(Q_SMALL_SIZE, bpf_ringbuf_query(&small_ring, BPF_RB_RING_SIZE));
	set(Q_SMALL_AVAIL, bpf_ringbuf_query(&small_ring, BPF_RB_AVAIL_DATA));
	set(Q_CONS_POS, bpf_ringbuf_query(&events, BPF_RB_CONS_POS));
	set(Q_PROD_POS, bpf_ringbuf_query(&small_ring, BPF_RB_PROD_POS));
	return len > 100 ? XDP_PASS : XDP_DROP;
}

char LICENSE[] SEC("license") = "Dual BSD/GPL";
