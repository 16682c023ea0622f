// SPDX-License-Identifier: BSD-2-Clause
/*
 * xdp_fw4.c - an IPv4 firewall: VLAN/QinQ, header validation, IPv4 options walked with a
 * bounded loop (source routing is denied), an LPM trie of source prefixes (longest match
 * wins, allow or deny; denied sources are learned as /32s until the trie is full), a hash of allowed TCP/UDP ports, fragments, ICMP by type. Counters in
 * a per-CPU array, verdicts counted atomically in an array, configuration in .rodata.
 */
#include "xdp_common.h"

#include <linux/bpf.h>
#include <linux/icmp.h>
#include <linux/if_ether.h>
#include <linux/in.h>
#include <linux/ip.h>
#include <linux/tcp.h>
#include <linux/udp.h>
#include <bpf/bpf_endian.h>
#include <bpf/bpf_helpers.h>

#define MAX_OPT_STEPS 12

struct lpm_v4_key {
	__u32 prefixlen;
	__u8 addr[4];
};

struct rule {
	__u32 action; /* XDP_DROP or XDP_PASS */
	__u32 id;
};

struct port_key {
	__u8 proto;
	__u8 pad;
	__be16 port;
};

struct counter {
	__u64 packets;
	__u64 bytes;
};

enum { C_NON_IP, C_MALFORMED, C_OPTIONS, C_FRAG, C_TCP, C_UDP, C_ICMP, C_OTHER, C_MAX };

struct rc_key {
	__u32 what; /* RC_* */
	__s32 rc;
};

enum { RC_LEARN, RC_LONG_PREFIX, RC_DELETE_ABSENT };

#define LEARNED_ID 9

struct {
	__uint(type, BPF_MAP_TYPE_LPM_TRIE);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__uint(max_entries, 6);
	__type(key, struct lpm_v4_key);
	__type(value, struct rule);
} src_rules SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 16);
	__type(key, struct port_key);
	__type(value, __u32);
} allow_ports SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, C_MAX);
	__type(key, __u32);
	__type(value, struct counter);
} class_stats SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 8);
	__type(key, __u32);
	__type(value, __u64);
} verdicts SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 16);
	__type(key, __u32);
	__type(value, __u32);
} rule_hits SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 16);
	__type(key, struct rc_key);
	__type(value, __u32);
} trie_rc SEC(".maps");

const volatile __u32 cfg_allow_icmp_echo = 1;
const volatile __u32 cfg_allow_nonfirst_frags = 0;
const volatile __u32 cfg_default = XDP_DROP;

__u32 last_vlan[2];    /* .bss */
__u32 options_seen;    /* .bss */
__u32 max_opt_steps;   /* .bss */
__u64 fw_generation = 0x0102030405060708ULL; /* .data */

static __always_inline void count(__u32 class, __u32 len)
{
	struct counter *c = bpf_map_lookup_elem(&class_stats, &class);

	if (!c)
		return;
	c->packets++;
	c->bytes += len;
}

static __always_inline int verdict(int action)
{
	__u32 key = action;
	__u64 *v = bpf_map_lookup_elem(&verdicts, &key);

	if (v)
		__sync_fetch_and_add(v, 1);
	return action;
}

/* Walk the options; 1 when a source-route option is present, -1 when malformed. */
static __always_inline int walk_options(void *opt, void *data_end, __u32 optlen)
{
	__u32 off = 0, step;
	__u8 *p, len;

	for (step = 0; step < MAX_OPT_STEPS; step++) {
		if (off >= optlen || off > 40)
			break;
		p = opt + off;
		if ((void *)(p + 1) > data_end)
			return -1;
		if (p[0] == IPOPT_END)
			break;
		if (p[0] == IPOPT_NOOP) {
			off++;
			continue;
		}
		if ((void *)(p + 2) > data_end)
			return -1;
		if (p[0] == IPOPT_LSRR || p[0] == IPOPT_SSRR)
			return 1;
		len = p[1];
		if (len < 2 || off + len > optlen)
			return -1;
		off += len;
	}
	if (step > max_opt_steps)
		max_opt_steps = step;
	return 0;
}

static __always_inline void count_rc(__u32 what, long rc)
{
	struct rc_key key = { what, rc };
	__u32 one = 1, *n = bpf_map_lookup_elem(&trie_rc, &key);

	if (n)
		__sync_fetch_and_add(n, 1);
	else
		bpf_map_update_elem(&trie_rc, &key, &one, BPF_NOEXIST);
}

/*
 * Remember a denied source as a /32 of its own until the trie is full (-ENOSPC); probe the
 * trie's errors too: a prefix longer than the address, deleting what is not there.
 */
static __always_inline void learn(struct lpm_v4_key *key)
{
	struct lpm_v4_key bad = *key, gone = { .prefixlen = 32, .addr = { 10, 0, 0, 99 } };
	struct rule r = { XDP_DROP, LEARNED_ID };

	count_rc(RC_LEARN, bpf_map_update_elem(&src_rules, key, &r, BPF_NOEXIST));
	bad.prefixlen = 33;
	count_rc(RC_LONG_PREFIX, bpf_map_update_elem(&src_rules, &bad, &r, BPF_ANY));
	count_rc(RC_DELETE_ABSENT, bpf_map_delete_elem(&src_rules, &gone));
}

static __always_inline int check_src(struct iphdr *ip)
{
	struct lpm_v4_key key = { .prefixlen = 32 };
	struct rule *r;
	__u32 id, *hits;
	int act;

	__builtin_memcpy(key.addr, &ip->saddr, 4);
	r = bpf_map_lookup_elem(&src_rules, &key);
	if (!r)
		return -1;
	id = r->id & 15;
	hits = bpf_map_lookup_elem(&rule_hits, &id);
	if (hits)
		__sync_fetch_and_add(hits, 1);
	act = r->action;
	if (act == XDP_DROP && id != LEARNED_ID)
		learn(&key);
	return act;
}

static __always_inline int check_port(__u8 proto, __be16 port)
{
	struct port_key key = { .proto = proto, .port = port };
	__u32 *act = bpf_map_lookup_elem(&allow_ports, &key);

	return act ? (int)*act : (int)cfg_default;
}

static __always_inline int l4_verdict(void *l4, void *data_end, __u8 proto, __u32 len)
{
	struct tcphdr *tcp = l4;
	struct udphdr *udp = l4;
	struct icmphdr *icmp = l4;

	if (proto == IPPROTO_TCP) {
		count(C_TCP, len);
		if ((void *)(tcp + 1) > data_end || tcp->doff < 5)
			return XDP_DROP;
		return check_port(proto, tcp->dest);
	}
	if (proto == IPPROTO_UDP) {
		count(C_UDP, len);
		if ((void *)(udp + 1) > data_end)
			return XDP_DROP;
		return check_port(proto, udp->dest);
	}
	if (proto == IPPROTO_ICMP) {
		count(C_ICMP, len);
		if ((void *)(icmp + 1) > data_end)
			return XDP_DROP;
		if (icmp->type == ICMP_ECHO)
			return cfg_allow_icmp_echo ? XDP_PASS : XDP_DROP;
		return XDP_PASS;
	}
	count(C_OTHER, len);
	return cfg_default;
}

SEC("xdp")
int fw4(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	__u32 len = data_end - data, ihl, tot;
	struct l2_info l2;
	struct iphdr *ip;
	int act;

	if (parse_l2(data, data_end, &l2))
		return verdict(XDP_DROP);
	if (l2.nr_vlans)
		last_vlan[0] = l2.vlan[0];
	if (l2.nr_vlans > 1)
		last_vlan[1] = l2.vlan[1];
	if (l2.proto != ETH_P_IP) {
		count(C_NON_IP, len);
		return verdict(XDP_PASS);
	}
	if (l2.l3_off > 22)
		return verdict(XDP_ABORTED);
	ip = data + l2.l3_off;
	if ((void *)(ip + 1) > data_end || ip->version != 4 || ip->ihl < 5)
		goto malformed;
	ihl = ip->ihl * 4;
	tot = bpf_ntohs(ip->tot_len);
	if ((void *)ip + ihl > data_end || tot < ihl || (void *)ip + tot > data_end)
		goto malformed;
	if (ihl > sizeof(*ip)) {
		count(C_OPTIONS, len);
		options_seen++;
		act = walk_options(ip + 1, data_end, ihl - sizeof(*ip));
		if (act)
			return verdict(act > 0 ? XDP_DROP : XDP_ABORTED);
	}
	act = check_src(ip);
	if (act >= 0)
		return verdict(act);
	if (ip->frag_off & bpf_htons(0x1fff)) {
		count(C_FRAG, len);
		return verdict(cfg_allow_nonfirst_frags ? XDP_PASS : XDP_DROP);
	}
	return verdict(l4_verdict((void *)ip + ihl, data_end, ip->protocol, len));
malformed:
	count(C_MALFORMED, len);
	return verdict(XDP_DROP);
}

char LICENSE[] SEC("license") = "Dual BSD/GPL";
