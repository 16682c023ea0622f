// SPDX-License-Identifier: BSD-2-Clause
/*
 * global_funcs.c - a program built from global (non-static) functions, each verified on its own
 * by the kernel from its BTF prototype, and static __noinline helpers verified in context: a
 * global parser fills a flow record on the caller's stack through a pointer it must NULL-check,
 * reading the headers from the context it is given; a static subprogram takes packet pointers
 * and the record; a global policy function takes only scalars. Verdicts are counted.
 */
#include "corpus.h"

struct flow {
	__be32 saddr;
	__be32 daddr;
	__be16 sport;
	__be16 dport;
	__u8 proto;
	__u8 ttl;
	__u16 len;
};

enum { F_PASS, F_DROP, F_NOTIP, F_MAX };

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, F_MAX);
	__type(key, __u32);
	__type(value, __u64);
} fstats SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 256);
	__type(key, __u16);
	__type(value, __u8);
} closed_ports SEC(".maps");

/* Ports of a TCP or UDP header at l4 (packet pointers), or 0 when it is cut short. */
static __noinline int read_ports(void *l4, void *end, struct flow *f)
{
	struct udphdr *uh = l4; /* the ports sit at the same place in TCP */

	if ((void *)(uh + 1) > end)
		return 0;
	f->sport = uh->source;
	f->dport = uh->dest;
	return 1;
}

/* Global: verified alone with ctx a context and f memory of sizeof(*f) or NULL. */
__noinline int parse_flow(struct xdp_md *ctx, struct flow *f)
{
	void *data = (void *)(long)ctx->data, *end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = data;
	struct iphdr *iph;

	if (!f)
		return -1;
	__builtin_memset(f, 0, sizeof(*f));
	if ((void *)(eth + 1) > end || eth->h_proto != bpf_htons(ETH_P_IP))
		return -1;
	iph = (void *)(eth + 1);
	if ((void *)(iph + 1) > end || iph->ihl < 5)
		return -1;
	f->saddr = iph->saddr;
	f->daddr = iph->daddr;
	f->proto = iph->protocol;
	f->ttl = iph->ttl;
	f->len = bpf_ntohs(iph->tot_len);
	if (iph->protocol == IPPROTO_TCP || iph->protocol == IPPROTO_UDP)
		return read_ports((void *)iph + iph->ihl * 4, end, f);
	return 0;
}

/* Global, scalars only: is this flow allowed? */
__noinline int policy(__u32 proto, __u32 dport, __u32 ttl)
{
	__u16 port = (__u16)dport;

	if (ttl <= 1)
		return 0;
	if (proto != IPPROTO_TCP && proto != IPPROTO_UDP)
		return 1;
	return bpf_map_lookup_elem(&closed_ports, &port) == NULL;
}

static __noinline int count(__u32 what, int action)
{
	__u64 *v = bpf_map_lookup_elem(&fstats, &what);

	if (v)
		*v += 1;
	return action;
}

SEC("xdp")
int xdp_global_funcs(struct xdp_md *ctx)
{
	struct flow f;

	if (parse_flow(ctx, &f) < 0)
		return count(F_NOTIP, XDP_PASS);
	if (!policy(f.proto, bpf_ntohs(f.dport), f.ttl))
		return count(F_DROP, XDP_DROP);
	return count(F_PASS, XDP_PASS);
}

char LICENSE[] SEC("license") = "Dual BSD/GPL";
