// SPDX-License-Identifier: BSD-2-Clause
/*
 * size_hist.c - a per-CPU histogram of frame sizes (the kind of thing `xdp-monitor`-style tools
 * and bcc's biosizes-like scripts keep): the log2 bucket of the frame length is found with a
 * bounded loop of shifts, a second linear histogram of 64-byte steps up to 1,536 bytes (larger
 * frames share the last bucket), and the largest frame seen per CPU; every frame passes.
 */
#include "corpus.h"

#define LOG2_BUCKETS 16
#define LIN_STEP 64
#define LIN_BUCKETS 25

struct hist {
	__u64 log2[LOG2_BUCKETS];
	__u64 lin[LIN_BUCKETS];
	__u64 max_len;
	__u64 frames;
};

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct hist);
} sizes SEC(".maps");

/* floor(log2(v)) for v >= 1, found by shifting; 0 for 0. */
static __always_inline __u32 log2_bucket(__u64 v)
{
	__u32 b = 0;
	int i;

#pragma clang loop unroll(disable)
	for (i = 0; i < 63; i++) {
		if (v <= 1)
			break;
		v >>= 1;
		b++;
	}
	return b;
}

SEC("xdp")
int xdp_size_hist(struct xdp_md *ctx)
{
	__u64 len = ctx->data_end - ctx->data;
	__u32 zero = 0, b, lin;
	struct hist *h;

	h = bpf_map_lookup_elem(&sizes, &zero);
	if (!h)
		return XDP_PASS;
	b = log2_bucket(len);
	if (b >= LOG2_BUCKETS)
		b = LOG2_BUCKETS - 1;
	h->log2[b]++;
	lin = len / LIN_STEP;
	if (lin >= LIN_BUCKETS)
		lin = LIN_BUCKETS - 1;
	h->lin[lin]++;
	if (len > h->max_len)
		h->max_len = len;
	h->frames++;
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "Dual BSD/GPL";
