// SPDX-License-Identifier: BSD-2-Clause
/*
 * obj_maps.c - test object for the ELF loader: BTF-defined maps of several types (hash, array,
 * per-CPU array, LPM trie without preallocation, a statically initialised program array,
 * ring buffer, devmap) used by two XDP programs in the same section.
 */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct lpm_key {
	__u32 prefixlen;
	__u32 addr;
};

struct flow {
	__u64 packets;
	__u64 bytes;
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__type(key, __u32);
	__type(value, struct flow);
	__uint(max_entries, 1024);
} flows SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(key_size, 4);
	__uint(value_size, 8);
	__uint(max_entries, 16);
} counters SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__type(key, __u32);
	__type(value, __u64);
	__uint(max_entries, 4);
} pcpu SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_LPM_TRIE);
	__type(key, struct lpm_key);
	__type(value, __u32);
	__uint(max_entries, 256);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__uint(pinning, 0);
} routes SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 4096);
} events SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_DEVMAP);
	__uint(key_size, sizeof(__u32));
	__uint(value_size, sizeof(__u32));
	__uint(max_entries, 8);
} ports SEC(".maps");

SEC("xdp")
int prog_b(struct xdp_md *ctx)
{
	__u32 key = 0;
	__u64 *v = bpf_map_lookup_elem(&counters, &key);

	if (v)
		__sync_fetch_and_add(v, 1);
	return XDP_PASS;
}

struct {
	__uint(type, BPF_MAP_TYPE_PROG_ARRAY);
	__uint(max_entries, 4);
	__uint(key_size, sizeof(__u32));
	__array(values, int(void *));
} jumps SEC(".maps") = {
	.values = {
		[1] = (void *)&prog_b,
	},
};

SEC("xdp")
int prog_a(struct xdp_md *ctx)
{
	struct lpm_key lk = { .prefixlen = 32, .addr = ctx->rx_queue_index };
	__u32 key = ctx->ingress_ifindex, *port;
	struct flow *f, nf = {};
	__u64 *pc;

	f = bpf_map_lookup_elem(&flows, &key);
	if (!f) {
		bpf_map_update_elem(&flows, &key, &nf, BPF_ANY);
		return XDP_PASS;
	}
	f->packets++;
	key = 0;
	pc = bpf_map_lookup_elem(&pcpu, &key);
	if (pc)
		(*pc)++;
	port = bpf_map_lookup_elem(&routes, &lk);
	if (port)
		return bpf_redirect_map(&ports, *port, 0);
	bpf_ringbuf_output(&events, &key, sizeof(key), 0);
	bpf_tail_call(ctx, &jumps, 1);
	return XDP_DROP;
}

char LICENSE[] SEC("license") = "Dual BSD/GPL";
