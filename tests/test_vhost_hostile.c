// SPDX-License-Identifier: BSD-2-Clause
/*
 * test_vhost_hostile.c - a hostile frontend against the vhost-user backend: malformed
 * messages must close only that connection (counted, logged), broken descriptor chains must
 * mark only that queue broken; the device takes the next frontend and moves traffic.
 */
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <vxvirtio/net.h>

#include "frame.h"
#include "tap.h"
#include "vhost/backend.h"
#include "vhost/traffic.h"

static char sock_path[108];

static bool errors_at_least(const struct vx_vhost_stats *s, unsigned long n)
{
	return s->protocol_errors >= n;
}

static bool disconnects_at_least(const struct vx_vhost_stats *s, unsigned long n)
{
	return s->disconnects >= n;
}

static bool breaks_at_least(const struct vx_vhost_stats *s, unsigned long n)
{
	return s->queue_breaks >= n;
}

static bool rx_at_least(const struct vx_vhost_stats *s, unsigned long n)
{
	return s->rx_packets >= n;
}

static struct vg_cfg cfg_of(bool indirect)
{
	return (struct vg_cfg){ .path = sock_path, .region_size = 16 << 20, .qsize = 256,
				.indirect = indirect, .mrg_rxbuf = true };
}

static void hang_up(struct tb *b, struct vg_fe *fe)
{
	struct vx_vhost_stats s;

	tb_stats(b, &s);
	vg_close(fe);
	tb_wait(b, disconnects_at_least, s.disconnects + 1, 3000);
}

/* ---- malformed messages ---- */

struct raw {
	const char *what;
	uint32_t req, flags, size;
	const void *payload;
	bool setup_first;	/* full setup before the bad message */
	unsigned int nfds;	/* memfds to attach */
};

static void run_raw(struct tb *b, const struct raw *r)
{
	struct vx_vhost_stats s0, s1;
	struct vg_cfg c = cfg_of(false);
	struct vg_fe fe;
	int fds[4], err;
	unsigned long logs = tb_log_lines();
	bool closed;

	err = vg_open(&fe, &c);
	if (!err && r->setup_first)
		err = vg_setup(&fe);
	tb_stats(b, &s0);
	fds[0] = fds[1] = fds[2] = fds[3] = fe.mem[0].fd;
	if (!err && r->size > VX_VHOST_USER_MAX_PAYLOAD) {
		struct vx_vhost_user_hdr h = { r->req, r->flags, r->size };

		err = send(fe.sock, &h, sizeof(h), 0) == sizeof(h) ? 0 : -1;
	} else if (!err) {
		err = vg_msg_send(&fe, r->req, r->flags, r->payload, r->size, fds, r->nfds);
	}
	closed = !err && vg_wait_closed(&fe, 3000);
	tb_wait(b, errors_at_least, s0.protocol_errors + 1, 3000);
	tb_stats(b, &s1);
	ok(closed && s1.protocol_errors == s0.protocol_errors + 1 && tb_log_lines() > logs,
	   "%s: that connection closed, counted and logged", r->what);
	vg_close(&fe);
	tb_wait(b, disconnects_at_least, s0.disconnects + 1, 3000);
}

static void test_raw_messages(struct tb *b)
{
	static const uint64_t log_all = VX_BIT(VX_VHOST_F_LOG_ALL) | VX_BIT(VX_VIRTIO_F_VERSION_1);
	static const uint64_t kick_nofd_missing = 0, kick_bad_idx = 7, kick_bits = 0x1000;
	static const struct vx_vhost_user_state idx2 = { 2, 256 }, npow2 = { 0, 100 },
		big = { 0, 65536 }, zero = { 0, 0 }, base_big = { 0, 70000 }, en2 = { 0, 2 };
	static const struct vx_vhost_user_addr outside = {
		.index = 1, .desc = 0x10, .used = 0x1000, .avail = 0x2000 };
	static const struct vx_vhost_user_addr logflag = { .index = 1, .flags = 1 };
	static const uint32_t nine[2 + 9 * 8] = { 9 };
	static struct vx_vhost_user_mem two = { .nregions = 2, .regions = {
		{ 0, 4096, 0x10000, 0 }, { 0x100000, 4096, 0x20000, 0 } } };
	static struct vx_vhost_user_mem huge = { .nregions = 1, .regions = {
		{ 0, 1ULL << 30, 0x10000, 0 } } };
	static struct vx_vhost_user_mem wrap = { .nregions = 1, .regions = {
		{ ~0ULL - 100, 4096, 0x10000, 0 } } };
	static struct vx_vhost_user_mem overlap = { .nregions = 2, .regions = {
		{ 0, 8192, 0x10000, 0 }, { 4096, 4096, 0x20000, 0 } } };
	static const uint8_t junk[16];
	const uint32_t V = VX_VHOST_USER_VERSION;
	const struct raw cases[] = {
		{ "SET_FEATURES of 4 bytes", VX_VHOST_USER_SET_FEATURES, V, 4, junk, 0, 0 },
		{ "GET_FEATURES with a payload", VX_VHOST_USER_GET_FEATURES, V, 8, junk, 0, 0 },
		{ "payload size 4097", VX_VHOST_USER_SET_FEATURES, V, 4097, NULL, 0, 0 },
		{ "version 2 in the flags", VX_VHOST_USER_GET_FEATURES, 2, 0, NULL, 0, 0 },
		{ "reply flag on a request", VX_VHOST_USER_GET_FEATURES, V | 4, 0, NULL, 0, 0 },
		{ "unknown flag bits", VX_VHOST_USER_GET_FEATURES, V | 0x100, 0, NULL, 0, 0 },
		{ "request 0", 0, V, 0, NULL, 0, 0 },
		{ "unknown request 99", 99, V, 0, NULL, 0, 0 },
		{ "unsupported request GET_CONFIG", 24, V, 0, NULL, 0, 0 },
		{ "an fd on GET_FEATURES", VX_VHOST_USER_GET_FEATURES, V, 0, NULL, 0, 1 },
		{ "SET_FEATURES with LOG_ALL (not offered)", VX_VHOST_USER_SET_FEATURES, V, 8,
		  &log_all, 0, 0 },
		{ "SET_VRING_NUM on queue 2", VX_VHOST_USER_SET_VRING_NUM, V, 8, &idx2, 0, 0 },
		{ "SET_VRING_NUM 100 (not a power of 2)", VX_VHOST_USER_SET_VRING_NUM, V, 8,
		  &npow2, 0, 0 },
		{ "SET_VRING_NUM 65536", VX_VHOST_USER_SET_VRING_NUM, V, 8, &big, 0, 0 },
		{ "SET_VRING_NUM 0", VX_VHOST_USER_SET_VRING_NUM, V, 8, &zero, 0, 0 },
		{ "SET_VRING_BASE 70000", VX_VHOST_USER_SET_VRING_BASE, V, 8, &base_big, 0, 0 },
		{ "SET_VRING_ENABLE 2", VX_VHOST_USER_SET_VRING_ENABLE, V, 8, &en2, 0, 0 },
		{ "SET_VRING_ADDR outside the memory table", VX_VHOST_USER_SET_VRING_ADDR, V, 40,
		  &outside, 1, 0 },
		{ "SET_VRING_ADDR with the log flag", VX_VHOST_USER_SET_VRING_ADDR, V, 40,
		  &logflag, 0, 0 },
		{ "SET_MEM_TABLE with 9 regions", VX_VHOST_USER_SET_MEM_TABLE, V, 8 + 9 * 32, nine,
		  0, 0 },
		{ "SET_MEM_TABLE with an fd missing", VX_VHOST_USER_SET_MEM_TABLE, V, 8 + 2 * 32,
		  &two, 0, 1 },
		{ "SET_MEM_TABLE with no fds", VX_VHOST_USER_SET_MEM_TABLE, V, 8 + 2 * 32, &two, 0,
		  0 },
		{ "SET_MEM_TABLE region larger than its file", VX_VHOST_USER_SET_MEM_TABLE, V,
		  8 + 32, &huge, 0, 1 },
		{ "SET_MEM_TABLE region wrapping the address space", VX_VHOST_USER_SET_MEM_TABLE, V,
		  8 + 32, &wrap, 0, 1 },
		{ "SET_MEM_TABLE overlapping regions", VX_VHOST_USER_SET_MEM_TABLE, V, 8 + 64,
		  &overlap, 0, 2 },
		{ "SET_MEM_TABLE size not matching its count", VX_VHOST_USER_SET_MEM_TABLE, V,
		  8 + 32, &two, 0, 2 },
		{ "SET_VRING_KICK without fd or no-fd flag", VX_VHOST_USER_SET_VRING_KICK, V, 8,
		  &kick_nofd_missing, 0, 0 },
		{ "SET_VRING_CALL on queue 7", VX_VHOST_USER_SET_VRING_CALL, V, 8, &kick_bad_idx,
		  0, 1 },
		{ "SET_VRING_ERR with unknown bits", VX_VHOST_USER_SET_VRING_ERR, V, 8, &kick_bits,
		  0, 1 },
		{ "SET_VRING_KICK before any ring setup", VX_VHOST_USER_SET_VRING_KICK, V, 8,
		  &kick_nofd_missing, 0, 1 },
	};
	unsigned int i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		run_raw(b, &cases[i]);
}

static void test_truncated(struct tb *b)
{
	struct vx_vhost_stats s0, s1;
	struct vg_cfg c = cfg_of(false);
	struct vx_vhost_user_hdr h = { VX_VHOST_USER_SET_FEATURES, 1, 8 };
	struct vg_fe fe;
	int err = vg_open(&fe, &c);

	tb_stats(b, &s0);
	if (!err && send(fe.sock, &h, sizeof(h), 0) == sizeof(h) &&
	    send(fe.sock, "abcd", 4, 0) == 4)
		shutdown(fe.sock, SHUT_WR);
	tb_wait(b, disconnects_at_least, s0.disconnects + 1, 3000);
	tb_stats(b, &s1);
	ok(!err && s1.disconnects == s0.disconnects + 1,
	   "message cut short by the frontend hanging up: connection dropped");
	vg_close(&fe);
}

static void test_refused(struct tb *b)
{
	struct vx_vhost_stats s0, s1;
	struct vg_cfg c = cfg_of(false);
	uint64_t log[2] = { 4096, 0 }, f = 0;
	struct vg_fe fe;
	int err = vg_open(&fe, &c), ack = -1, fd;

	err = err ? err : vg_setup(&fe);
	tb_stats(b, &s0);
	fd = fe.mem[0].fd;
	if (!err)
		ack = vg_request(&fe, VX_VHOST_USER_SET_LOG_BASE, log, sizeof(log), &fd, 1);
	if (!err)
		err = vg_get_u64(&fe, VX_VHOST_USER_GET_FEATURES, &f);
	tb_stats(b, &s1);
	ok(!err && ack == 1 && s1.refused == s0.refused + 1 &&
	   s1.protocol_errors == s0.protocol_errors && !(f & VX_BIT(VX_VHOST_F_LOG_ALL)),
	   "SET_LOG_BASE refused with a negative ack, connection kept, LOG_ALL not offered");
	hang_up(b, &fe);
}

static void test_misc_requests(struct tb *b)
{
	struct vx_vhost_stats s0, s1;
	struct vg_cfg c = cfg_of(false);
	struct vx_vhost_user_state st = { 1, 0 };
	struct vx_vhost_user_hdr h;
	uint64_t qn = 0, mtu = 1500, tiny = 10, mac = 0x5254001234ULL;
	struct vg_fe fe;
	int err = vg_open(&fe, &c), a_mtu = -1, a_tiny = -1, a_rarp = -1, a_reset = -1, r = -1;

	err = err ? err : vg_setup(&fe);
	tb_stats(b, &s0);
	err = err ? err : vg_get_u64(&fe, VX_VHOST_USER_GET_QUEUE_NUM, &qn);
	if (!err) {
		a_mtu = vg_request(&fe, VX_VHOST_USER_NET_SET_MTU, &mtu, 8, NULL, 0);
		a_tiny = vg_request(&fe, VX_VHOST_USER_NET_SET_MTU, &tiny, 8, NULL, 0);
		a_rarp = vg_request(&fe, VX_VHOST_USER_SEND_RARP, &mac, 8, NULL, 0);
		a_reset = vg_request(&fe, VX_VHOST_USER_RESET_OWNER, NULL, 0, NULL, 0);
		r = vg_msg_send(&fe, VX_VHOST_USER_GET_VRING_BASE, VX_VHOST_USER_VERSION, &st,
				sizeof(st), NULL, 0);
		r = r ? r : vg_msg_recv(&fe, &h, &st, sizeof(st));
	}
	tb_stats(b, &s1);
	ok(!err && qn == 1, "GET_QUEUE_NUM: one queue pair");
	ok(a_mtu == 0 && a_tiny == 1 && s1.refused == s0.refused + 1,
	   "NET_SET_MTU 1500 acked, 10 refused with a negative ack");
	ok(a_rarp == 0, "SEND_RARP acked (and ignored)");
	ok(a_reset == 0 && r == sizeof(st) && st.num == 0 && !vx_vhost_ready(b->dev) &&
	   s1.protocol_errors == s0.protocol_errors,
	   "RESET_OWNER forgets the rings (base back to 0, device not ready), connection kept");
	hang_up(b, &fe);
}

/* ---- hostile descriptor chains ---- */

enum expect { BREAKS, DELIVERED, MALFORMED };

struct dcase {
	const char *what;
	bool indirect;
	enum expect expect;
	void (*craft)(struct vg_fe *fe);
};

static void post(struct vg_fe *fe, uint16_t head)
{
	struct vg_ring *r = &fe->tx;

	r->avail->ring[r->avail_idx & (r->num - 1)] = head;
	r->avail_idx++;
	__atomic_store_n(&r->avail->idx, r->avail_idx, __ATOMIC_RELEASE);
}

static void set(struct vx_vring_desc *d, uint64_t addr, uint32_t len, uint16_t flags, uint16_t next)
{
	*d = (struct vx_vring_desc){ addr, len, flags, next };
}

static uint64_t frame_at(struct vg_fe *fe, size_t len)
{
	static const uint8_t a[6] = { 2, 0, 0, 0, 0, 1 }, z[6] = { 2, 0, 0, 0, 0, 2 };

	memset(fe->tx_buf, 0, 12);
	vg_frame_build(fe->tx_buf + 12, len, a, z, 7);
	return fe->tx_buf_gpa;
}

static void c_loop(struct vg_fe *fe)
{
	uint64_t g = frame_at(fe, 60);

	set(&fe->tx.desc[0], g, 12, VX_VRING_DESC_F_NEXT, 1);
	set(&fe->tx.desc[1], g + 12, 60, VX_VRING_DESC_F_NEXT, 0);
	post(fe, 0);
}

static void c_self_loop(struct vg_fe *fe)
{
	set(&fe->tx.desc[5], frame_at(fe, 60), 0, VX_VRING_DESC_F_NEXT, 5);
	post(fe, 5);
}

static void c_outside(struct vg_fe *fe)
{
	set(&fe->tx.desc[0], 0xdead00000000ULL, 100, 0, 0);
	post(fe, 0);
}

static void c_straddle(struct vg_fe *fe)
{
	set(&fe->tx.desc[0], fe->mem[1].gpa + fe->mem[1].size - 10, 100, 0, 0);
	post(fe, 0);
}

static void c_wrap(struct vg_fe *fe)
{
	set(&fe->tx.desc[0], ~0ULL - 10, 100, 0, 0);
	post(fe, 0);
}

static void c_next_range(struct vg_fe *fe)
{
	set(&fe->tx.desc[0], frame_at(fe, 60), 12, VX_VRING_DESC_F_NEXT, 300);
	post(fe, 0);
}

static void c_head_range(struct vg_fe *fe)
{
	post(fe, 999);
}

static void c_avail_jump(struct vg_fe *fe)
{
	fe->tx.avail_idx += 1000;
	__atomic_store_n(&fe->tx.avail->idx, fe->tx.avail_idx, __ATOMIC_RELEASE);
}

static void c_writable(struct vg_fe *fe)
{
	set(&fe->tx.desc[0], frame_at(fe, 60), 72, VX_VRING_DESC_F_WRITE, 0);
	post(fe, 0);
}

static struct vx_vring_desc *table(struct vg_fe *fe, unsigned int n, uint64_t *gpa)
{
	struct vx_vring_desc *t = vg_alloc(fe, 1, n * sizeof(*t), 16);

	*gpa = vg_gpa(fe, t);
	return t;
}

static void c_ind_not_negotiated(struct vg_fe *fe)
{
	uint64_t g;
	struct vx_vring_desc *t = table(fe, 1, &g);

	set(&t[0], frame_at(fe, 60), 72, 0, 0);
	set(&fe->tx.desc[0], g, 16, VX_VRING_DESC_F_INDIRECT, 0);
	post(fe, 0);
}

static void c_ind_len(struct vg_fe *fe)
{
	uint64_t g;
	struct vx_vring_desc *t = table(fe, 2, &g);

	set(&t[0], frame_at(fe, 60), 72, 0, 0);
	set(&fe->tx.desc[0], g, 20, VX_VRING_DESC_F_INDIRECT, 0);
	post(fe, 0);
}

static void c_ind_zero(struct vg_fe *fe)
{
	set(&fe->tx.desc[0], frame_at(fe, 60), 0, VX_VRING_DESC_F_INDIRECT, 0);
	post(fe, 0);
}

static void c_ind_nested(struct vg_fe *fe)
{
	uint64_t g;
	struct vx_vring_desc *t = table(fe, 1, &g);

	set(&t[0], g, 16, VX_VRING_DESC_F_INDIRECT, 0);
	set(&fe->tx.desc[0], g, 16, VX_VRING_DESC_F_INDIRECT, 0);
	post(fe, 0);
}

static void c_ind_outside(struct vg_fe *fe)
{
	set(&fe->tx.desc[0], 0x7000000000ULL, 64, VX_VRING_DESC_F_INDIRECT, 0);
	post(fe, 0);
}

static void c_ind_next(struct vg_fe *fe)
{
	uint64_t g;
	struct vx_vring_desc *t = table(fe, 1, &g);

	set(&t[0], frame_at(fe, 60), 72, 0, 0);
	set(&fe->tx.desc[0], g, 16, VX_VRING_DESC_F_INDIRECT | VX_VRING_DESC_F_NEXT, 1);
	set(&fe->tx.desc[1], g, 16, 0, 0);
	post(fe, 0);
}

static void c_ind_loop(struct vg_fe *fe)
{
	uint64_t g;
	struct vx_vring_desc *t = table(fe, 4, &g);
	unsigned int i;

	for (i = 0; i < 4; i++)
		set(&t[i], frame_at(fe, 60), 1, VX_VRING_DESC_F_NEXT, (i + 1) % 4);
	set(&fe->tx.desc[0], g, 64, VX_VRING_DESC_F_INDIRECT, 0);
	post(fe, 0);
}

static void c_ind_huge(struct vg_fe *fe)
{
	uint64_t g, fg = frame_at(fe, 1000);
	struct vx_vring_desc *t = table(fe, 300, &g);
	unsigned int i;

	for (i = 0; i < 300; i++)
		set(&t[i], fg + i, 1, i < 299 ? VX_VRING_DESC_F_NEXT : 0, i + 1);
	set(&fe->tx.desc[0], g, 300 * 16, VX_VRING_DESC_F_INDIRECT, 0);
	post(fe, 0);
}

static void c_ind_table_too_big(struct vg_fe *fe)
{
	set(&fe->tx.desc[0], fe->tx_buf_gpa, 5000 * 16, VX_VRING_DESC_F_INDIRECT, 0);
	post(fe, 0);
}

/* A whole ring of 1-byte buffers: long but legal (256 segments). */
static void c_long_chain(struct vg_fe *fe)
{
	uint64_t g = frame_at(fe, 244);
	unsigned int i;

	for (i = 0; i < 256; i++)
		set(&fe->tx.desc[i], g + i, 1, i < 255 ? VX_VRING_DESC_F_NEXT : 0, i + 1);
	post(fe, 0);
}

static void c_zero_len(struct vg_fe *fe)
{
	uint64_t g = frame_at(fe, 60);

	set(&fe->tx.desc[0], g, 12, VX_VRING_DESC_F_NEXT, 1);
	set(&fe->tx.desc[1], 0xdeadbeef000ULL, 0, VX_VRING_DESC_F_NEXT, 2);
	set(&fe->tx.desc[2], g + 12, 30, VX_VRING_DESC_F_NEXT, 3);
	set(&fe->tx.desc[3], g + 42, 0, VX_VRING_DESC_F_NEXT, 4);
	set(&fe->tx.desc[4], g + 42, 30, 0, 0);
	post(fe, 0);
}

static void c_short_hdr(struct vg_fe *fe)
{
	set(&fe->tx.desc[0], frame_at(fe, 60), 5, 0, 0);
	post(fe, 0);
}

static void check_outcome(struct tb *b, struct vg_fe *fe, const struct dcase *d,
			  const struct vx_vhost_stats *s0, unsigned long logs)
{
	struct vx_vhost_stats s1;
	uint8_t buf[2048];
	uint64_t seq;
	int n = 0, tries;

	if (d->expect == BREAKS) {
		tb_wait(b, breaks_at_least, s0->queue_breaks + 1, 2000);
		tb_stats(b, &s1);
		ok(s1.queue_breaks == s0->queue_breaks + 1 && tb_log_lines() > logs &&
		   s1.protocol_errors == s0->protocol_errors,
		   "%s: queue broken, counted, logged", d->what);
		return;
	}
	tb_wait(b, rx_at_least, s0->rx_packets + (d->expect == DELIVERED), 2000);
	usleep(20000);
	tb_stats(b, &s1);
	if (d->expect == MALFORMED) {
		ok(s1.rx_malformed == s0->rx_malformed + 1 && s1.queue_breaks == s0->queue_breaks,
		   "%s: dropped as malformed, queue kept", d->what);
		return;
	}
	for (tries = 0; tries < 200 && n == 0; tries++, usleep(1000))
		n = vg_recv(fe, buf, sizeof(buf));
	ok(s1.rx_packets == s0->rx_packets + 1 && s1.queue_breaks == s0->queue_breaks &&
	   (d->craft == c_long_chain || (n > 0 && !vg_frame_check(buf, n, &seq) && seq == 7)),
	   "%s: accepted and delivered", d->what);
}

static void run_desc(struct tb *b, const struct dcase *d)
{
	struct vx_vhost_stats s0;
	struct vg_cfg c = cfg_of(d->indirect);
	struct vg_fe fe;
	unsigned long logs;
	int err = vg_open(&fe, &c);

	err = err ? err : vg_setup(&fe);
	if (err) {
		ok(0, "%s: setup (%d)", d->what, err);
		vg_close(&fe);
		return;
	}
	tb_stats(b, &s0);
	logs = tb_log_lines();
	d->craft(&fe);
	check_outcome(b, &fe, d, &s0, logs);
	hang_up(b, &fe);
}

static void test_descriptors(struct tb *b)
{
	const struct dcase cases[] = {
		{ "two-descriptor loop", 0, BREAKS, c_loop },
		{ "descriptor chained to itself", 0, BREAKS, c_self_loop },
		{ "buffer outside guest memory", 0, BREAKS, c_outside },
		{ "buffer running past the end of a region", 0, BREAKS, c_straddle },
		{ "buffer address wrapping", 0, BREAKS, c_wrap },
		{ "next index out of range", 0, BREAKS, c_next_range },
		{ "avail head out of range", 0, BREAKS, c_head_range },
		{ "avail index jumping past the ring size", 0, BREAKS, c_avail_jump },
		{ "device-writable descriptor in the TX ring", 0, BREAKS, c_writable },
		{ "indirect descriptor not negotiated", 0, BREAKS, c_ind_not_negotiated },
		{ "indirect table length not a multiple of 16", 1, BREAKS, c_ind_len },
		{ "indirect table of length 0", 1, BREAKS, c_ind_zero },
		{ "nested indirect table", 1, BREAKS, c_ind_nested },
		{ "indirect table outside guest memory", 1, BREAKS, c_ind_outside },
		{ "indirect descriptor with NEXT", 1, BREAKS, c_ind_next },
		{ "loop inside an indirect table", 1, BREAKS, c_ind_loop },
		{ "indirect chain of 300 segments", 1, BREAKS, c_ind_huge },
		{ "indirect table of 5000 entries", 1, BREAKS, c_ind_table_too_big },
		{ "chain through the whole ring of 1-byte buffers", 0, DELIVERED, c_long_chain },
		{ "zero-length descriptors inside a chain", 0, DELIVERED, c_zero_len },
		{ "chain shorter than the virtio-net header", 0, MALFORMED, c_short_hdr },
	};
	unsigned int i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		run_desc(b, &cases[i]);
}

static void test_rx_readable(struct tb *b)
{
	struct vx_vhost_stats s0, s1;
	struct vg_cfg c = cfg_of(false);
	struct tr_result r;
	struct vg_fe fe;
	unsigned int i;
	int err = vg_open(&fe, &c);

	err = err ? err : vg_setup(&fe);
	for (i = 0; !err && i < fe.rx.num; i++)
		fe.rx.desc[i].flags = 0;
	tb_stats(b, &s0);
	tr_exchange(&fe, 3, 100, 100, 0, 300, &r);
	tb_stats(b, &s1);
	ok(!err && s1.queue_breaks == s0.queue_breaks + 1 && s1.drop_broken - s0.drop_broken == 3 &&
	   r.received == 0, "device-readable buffers in the RX ring: queue broken, frames dropped "
	   "as broken (%llu)", (unsigned long long)(s1.drop_broken - s0.drop_broken));
	hang_up(b, &fe);
}

static void test_still_works(struct tb *b)
{
	struct vg_cfg c = cfg_of(true);
	struct tr_result r;
	struct vg_fe fe;
	int err = vg_open(&fe, &c);

	err = err ? err : vg_setup(&fe);
	tr_exchange(&fe, 500, 60, 1514, 0, 5000, &r);
	ok(!err && r.received == 500 && !r.bad,
	   "after all that, the same device moves traffic for a new frontend");
	hang_up(b, &fe);
}

int main(void)
{
	struct vx_vhost_cfg cfg = { .name = "hostile", .server = true };
	struct tb b;

	snprintf(sock_path, sizeof(sock_path), "/tmp/vxdp-test-vhost-h-%d.sock", (int)getpid());
	cfg.path = sock_path;
	if (!ok(tb_start(&b, &cfg, true) == 0, "server-mode device"))
		return tap_done();
	test_raw_messages(&b);
	test_truncated(&b);
	test_refused(&b);
	test_misc_requests(&b);
	test_descriptors(&b);
	test_rx_readable(&b);
	test_still_works(&b);
	tb_stop(&b);
	return tap_done();
}
