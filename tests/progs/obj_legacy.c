// SPDX-License-Identifier: BSD-2-Clause
/*
 * obj_legacy.c - test object for the ELF loader: maps defined the pre-BTF way, as struct
 * bpf_map_def in a `maps` section (libbpf 1.x dropped the struct, so it is defined here).
 */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct legacy_map_def {
	__u32 type;
	__u32 key_size;
	__u32 value_size;
	__u32 max_entries;
	__u32 map_flags;
};

struct legacy_map_def legacy_hash SEC("maps") = {
	.type = BPF_MAP_TYPE_HASH,
	.key_size = 4,
	.value_size = 8,
	.max_entries = 64,
	.map_flags = BPF_F_NO_PREALLOC,
};

struct legacy_map_def legacy_array SEC("maps") = {
	.type = BPF_MAP_TYPE_ARRAY,
	.key_size = 4,
	.value_size = 4,
	.max_entries = 2,
};

SEC("xdp/legacy")
int legacy_prog(struct xdp_md *ctx)
{
	__u32 key = 1, *v;
	__u64 init = 1;

	bpf_map_update_elem(&legacy_hash, &key, &init, BPF_NOEXIST);
	v = bpf_map_lookup_elem(&legacy_array, &key);
	return v ? *v : XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
