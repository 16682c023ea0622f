// SPDX-License-Identifier: BSD-2-Clause
/*
 * off_redirect.c - offload test: `to_port` redirects every frame to the port in entry 0 of the
 * devmap `ports` (drops when empty); `bcast` redirects to every entry except the ingress.
 */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_DEVMAP);
	__uint(max_entries, 4);
	__type(key, __u32);
	__type(value, __u32);
} ports SEC(".maps");

SEC("xdp")
int to_port(struct xdp_md *ctx)
{
	(void)ctx;
	return bpf_redirect_map(&ports, 0, XDP_DROP);
}

SEC("xdp")
int bcast(struct xdp_md *ctx)
{
	(void)ctx;
	return bpf_redirect_map(&ports, 0, BPF_F_BROADCAST | BPF_F_EXCLUDE_INGRESS);
}

char LICENSE[] SEC("license") = "GPL";
