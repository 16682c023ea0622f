// SPDX-License-Identifier: BSD-2-Clause
/*
 * xdp_helpers.c - helper semantics, recorded in maps: time and randomness reduced to facts
 * that hold everywhere (t2 >= t1, (rand | 1) != 0), the CPU id, bpf_trace_printk's return
 * (the formatted length, also for %s, %c and %pI4), bpf_loop (and its error returns), bpf_for_each_map_elem over a hash
 * and an array (with an early stop), and the update/delete flags and error codes of hash,
 * array, per-CPU array and LRU per-CPU hash maps, including a hash filling up (-E2BIG), and
 * the context's ingress ifindex and RX queue (BPF_PROG_TEST_RUN's: loopback, queue 0).
 */
#include "xdp_common.h"

#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <bpf/bpf_endian.h>
#include <bpf/bpf_helpers.h>

#define E2BIG 7
#define ENOENT 2
#define EEXIST 17
#define EINVAL 22

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 8);
	__type(key, __u32);
	__type(value, __u64);
} small_hash SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 16);
	__type(key, __u32);
	__type(value, __u64);
} arr SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 4);
	__type(key, __u32);
	__type(value, __u32);
} pc_arr SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_LRU_PERCPU_HASH);
	__uint(max_entries, 64);
	__type(key, __u16);
	__type(value, __u64);
} lru_pc SEC(".maps");

/* Outcomes: slot -> last value seen. */
enum {
	R_TIME, R_BOOT, R_JIFFIES, R_RAND, R_CPU, R_PRINTK1, R_PRINTK2, R_PRINTK3, R_PRINTK_S,
	R_PRINTK_IP4,
	R_LOOP, R_LOOP_SUM, R_LOOP_FLAGS, R_LOOP_BIG, R_FE_HASH, R_FE_HASH_SUM, R_FE_ARR,
	R_FE_ARR_SUM, R_H_NOEXIST, R_H_EXIST, R_H_ANY, R_H_NEW, R_H_FULL, R_H_DEL, R_H_DEL_AGAIN,
	R_H_BADFLAGS, R_A_NOEXIST, R_A_RANGE, R_A_DEL, R_A_EXIST, R_PC_UPD, R_LRU_NEW, R_LRU_DUP,
	R_LRU_EXIST, R_LRU_DEL, R_IFINDEX, R_RXQ, R_MAX
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, R_MAX);
	__type(key, __u32);
	__type(value, __s64);
} results SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 64);
	__type(key, __s64);
	__type(value, __u32);
} errs_seen SEC(".maps");

__u32 frames;		/* .bss */
__u64 loop_acc = 7;	/* .data */

struct loop_ctx {
	__u32 limit;
	__u64 sum;
};

struct fe_ctx {
	__u64 count;
	__u64 sum;
	__u32 stop_at;
};

static __always_inline void put(__u32 slot, __s64 v)
{
	__s64 *p = bpf_map_lookup_elem(&results, &slot);

	if (p)
		*p = v;
}

/* Count each error code; the hash holds the set of codes seen. */
static __always_inline long seen(long err)
{
	__s64 key = err;
	__u32 one = 1, *n = bpf_map_lookup_elem(&errs_seen, &key);

	if (n)
		__sync_fetch_and_add(n, 1);
	else
		bpf_map_update_elem(&errs_seen, &key, &one, BPF_NOEXIST);
	return err;
}

static long loop_cb(__u32 i, void *c)
{
	struct loop_ctx *lc = c;

	lc->sum += i * i + loop_acc;
	if (i >= lc->limit)
		return 1;
	return 0;
}

static long fe_hash_cb(void *map, __u32 *key, __u64 *val, void *c)
{
	struct fe_ctx *fc = c;

	(void)map;
	fc->count++;
	fc->sum += *key * 1000 + *val;
	return 0;
}

static long fe_arr_cb(void *map, __u32 *key, __u64 *val, void *c)
{
	struct fe_ctx *fc = c;

	(void)map;
	fc->count++;
	fc->sum = fc->sum * 31 + *val + *key;
	*val += 1;
	return *key >= fc->stop_at;
}

static __noinline int time_and_luck(void)
{
	__u64 t1, t2, b1, b2, j1, j2;
	__u32 r;

	t1 = bpf_ktime_get_ns();
	b1 = bpf_ktime_get_boot_ns();
	j1 = bpf_jiffies64();
	r = bpf_get_prandom_u32();
	t2 = bpf_ktime_get_ns();
	b2 = bpf_ktime_get_boot_ns();
	j2 = bpf_jiffies64();
	put(R_TIME, t2 >= t1);
	put(R_BOOT, b2 >= b1 && b1 >= t1 - t1);
	put(R_JIFFIES, j2 >= j1);
	put(R_RAND, (r | 1) != 0);
	put(R_CPU, bpf_get_smp_processor_id());
	return 0;
}

static __always_inline void printks(__u32 len, __u16 proto)
{
	put(R_PRINTK1, bpf_printk("vxdp kdiff frame %u", frames));
	put(R_PRINTK2, bpf_printk("len=%u proto=0x%x neg=%d", len, proto, -(int)len));
	put(R_PRINTK3, bpf_printk("hex %llx", (__u64)len << 40 | proto));
}

/* The string and pointer conversions the kernel's bpf_trace_printk also supports. */
static __always_inline void printks_ptr(void *data, void *data_end)
{
	char who[8] = "vxdp";
	__u8 *ip = data + 26; /* an IPv4 source address, if there is one */

	put(R_PRINTK_S, bpf_printk("who %s %c", who, 'x'));
	if ((void *)(ip + 4) <= data_end)
		put(R_PRINTK_IP4, bpf_printk("addr %pI4", ip));
}

static __always_inline void loops(__u32 len)
{
	struct loop_ctx lc = { .limit = len & 15 };
	struct fe_ctx fh = {}, fa = { .stop_at = len % 16 };

	put(R_LOOP, bpf_loop(32, loop_cb, &lc, 0));
	put(R_LOOP_SUM, lc.sum);
	put(R_LOOP_FLAGS, seen(bpf_loop(4, loop_cb, &lc, 1)));
	put(R_LOOP_BIG, seen(bpf_loop(1 << 24, loop_cb, &lc, 0)));
	put(R_FE_HASH, bpf_for_each_map_elem(&small_hash, fe_hash_cb, &fh, 0));
	put(R_FE_HASH_SUM, fh.sum + fh.count);
	put(R_FE_ARR, bpf_for_each_map_elem(&arr, fe_arr_cb, &fa, 0));
	put(R_FE_ARR_SUM, fa.sum + fa.count);
}

static __always_inline void hash_ops(__u32 len)
{
	__u32 k = len & 15, k2 = 1000 + frames;
	__u64 v = len;

	put(R_H_NOEXIST, seen(bpf_map_update_elem(&small_hash, &k, &v, BPF_NOEXIST)));
	v++;
	put(R_H_EXIST, seen(bpf_map_update_elem(&small_hash, &k, &v, BPF_EXIST)));
	put(R_H_ANY, seen(bpf_map_update_elem(&small_hash, &k, &v, BPF_ANY)));
	put(R_H_NEW, seen(bpf_map_update_elem(&small_hash, &k2, &v, BPF_EXIST)));
	put(R_H_FULL, seen(bpf_map_update_elem(&small_hash, &k2, &v, BPF_NOEXIST)));
	put(R_H_DEL, seen(bpf_map_delete_elem(&small_hash, &k2)));
	put(R_H_DEL_AGAIN, seen(bpf_map_delete_elem(&small_hash, &k2)));
	put(R_H_BADFLAGS, seen(bpf_map_update_elem(&small_hash, &k, &v, 4)));
	if (frames % 5 == 0)
		bpf_map_delete_elem(&small_hash, &k);
}

static __always_inline void array_ops(__u32 len)
{
	__u32 k = len % 20, pk = len & 3;
	__u64 v = frames;
	__u32 pv = len;

	put(R_A_NOEXIST, seen(bpf_map_update_elem(&arr, &k, &v, BPF_NOEXIST)));
	put(R_A_EXIST, seen(bpf_map_update_elem(&arr, &k, &v, BPF_EXIST)));
	put(R_A_RANGE, seen(bpf_map_update_elem(&arr, &k, &v, BPF_ANY)));
	put(R_A_DEL, seen(bpf_map_delete_elem(&arr, &k)));
	put(R_PC_UPD, seen(bpf_map_update_elem(&pc_arr, &pk, &pv, BPF_ANY)));
}

static __always_inline void lru_ops(__u16 proto, __u32 len)
{
	__u64 v = len, *p;

	put(R_LRU_NEW, seen(bpf_map_update_elem(&lru_pc, &proto, &v, BPF_NOEXIST)));
	p = bpf_map_lookup_elem(&lru_pc, &proto);
	if (p)
		*p += 1;
	put(R_LRU_DUP, seen(bpf_map_update_elem(&lru_pc, &proto, &v, BPF_NOEXIST)));
	proto ^= 0x8000;
	put(R_LRU_EXIST, seen(bpf_map_update_elem(&lru_pc, &proto, &v, BPF_EXIST)));
	put(R_LRU_DEL, seen(bpf_map_delete_elem(&lru_pc, &proto)));
}

SEC("xdp")
int helpers(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = data;
	__u32 len = data_end - data;
	__u16 proto;

	if ((void *)(eth + 1) > data_end)
		return XDP_DROP;
	proto = bpf_ntohs(eth->h_proto);
	frames++;
	time_and_luck();
	printks(len, proto);
	printks_ptr(data, data_end);
	loops(len);
	hash_ops(len);
	array_ops(len);
	lru_ops(proto, len);
	put(R_IFINDEX, ctx->ingress_ifindex);
	put(R_RXQ, ctx->rx_queue_index);
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "Dual BSD/GPL";
