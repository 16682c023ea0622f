// SPDX-License-Identifier: BSD-2-Clause
/*
 * ringbuf_sample.c - sample one frame in N (bpf_get_prandom_u32) into a ring buffer, the way
 * xdpdump-style tools capture: reserve a record, fill a header (length, ingress port, time) and
 * the first SNAP_LEN bytes of the frame copied with per-byte range checks, then submit it, or
 * discard it when the frame is shorter than an Ethernet header. Drops are counted.
 */
#include "corpus.h"

#define SNAP_LEN 64

struct sample {
	__u64 ts;
	__u32 ifindex;
	__u16 len;
	__u16 cap_len;
	__u8 data[SNAP_LEN];
};

const volatile __u32 sample_one_in = 16;

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 1 << 16);
} samples SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64);
} lost SEC(".maps");

SEC("xdp")
int xdp_ringbuf_sample(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data, *data_end = (void *)(long)ctx->data_end;
	struct sample *s;
	__u32 key = 0;
	__u64 *l;
	int i;

	if (sample_one_in > 1 && bpf_get_prandom_u32() % sample_one_in)
		return XDP_PASS;
	s = bpf_ringbuf_reserve(&samples, sizeof(*s), 0);
	if (!s) {
		l = bpf_map_lookup_elem(&lost, &key);
		if (l)
			__sync_fetch_and_add(l, 1);
		return XDP_PASS;
	}
	if (data + sizeof(struct ethhdr) > data_end) {
		bpf_ringbuf_discard(s, 0);
		return XDP_PASS;
	}
	s->ts = bpf_ktime_get_ns();
	s->ifindex = ctx->ingress_ifindex;
	s->len = data_end - data;
	s->cap_len = 0;
#pragma unroll
	for (i = 0; i < SNAP_LEN; i++) {
		__u8 *b = data + i;

		if ((void *)(b + 1) > data_end)
			break;
		s->data[i] = *b;
		s->cap_len++;
	}
	bpf_ringbuf_submit(s, 0);
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "Dual BSD/GPL";
