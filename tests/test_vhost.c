// SPDX-License-Identifier: BSD-2-Clause
/*
 * test_vhost.c - the vhost-user backend against the vguest frontend: traffic both ways over a
 * loopback device with every feature combination, large frames over merged buffers, drops,
 * notification suppression, reconnects in server mode and client mode, rings restarted with a
 * base behind their used index (as DPDK's virtio-user does after its backend restarts).
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <vxvirtio/net.h>

#include "tap.h"
#include "vhost/backend.h"
#include "vhost/traffic.h"

static char sock_path[108], sock_path2[108];

static bool disconnects_at_least(const struct vx_vhost_stats *s, unsigned long n)
{
	return s->disconnects >= n;
}

static bool connects_at_least(const struct vx_vhost_stats *s, unsigned long n)
{
	return s->connects >= n;
}

static struct vg_cfg base_cfg(const char *path)
{
	return (struct vg_cfg){ .path = path, .region_size = 16 << 20 };
}

/* Close the frontend and wait until the backend saw it go. */
static void hang_up(struct tb *b, struct vg_fe *fe)
{
	struct vx_vhost_stats s;

	tb_stats(b, &s);
	vg_close(fe);
	tb_wait(b, disconnects_at_least, s.disconnects + 1, 3000);
}

static void test_matrix(struct tb *b)
{
	struct tr_result r;
	struct vg_fe fe;
	struct vg_cfg c;
	unsigned int m;
	int err;

	for (m = 0; m < 8; m++) {
		c = base_cfg(sock_path);
		c.mrg_rxbuf = m & 1;
		c.event_idx = m & 2;
		c.indirect = m & 4;
		err = vg_open(&fe, &c);
		err = err ? err : vg_setup(&fe);
		ok(!err, "setup mrg=%d event_idx=%d indirect=%d (%d)", !!(m & 1), !!(m & 2),
		   !!(m & 4), err);
		ok(!!(fe.features & VX_BIT(VX_VIRTIO_NET_F_MRG_RXBUF)) == !!(m & 1) &&
		   !!(fe.features & VX_BIT(VX_VIRTIO_RING_F_EVENT_IDX)) == !!(m & 2) &&
		   !!(fe.features & VX_BIT(VX_VIRTIO_RING_F_INDIRECT_DESC)) == !!(m & 4),
		   "features negotiated as asked");
		tr_exchange(&fe, 1000, 60, 1514, 0, 10000, &r);
		ok(r.received == 1000 && !r.bad && !r.reordered,
		   "1000 frames of 60..1514 bytes looped back intact and in order "
		   "(got %lu, bad %lu, reordered %lu)", r.received, r.bad, r.reordered);
		hang_up(b, &fe);
	}
}

static void test_no_protocol_features(struct tb *b)
{
	struct tr_result r;
	struct vg_fe fe;
	struct vg_cfg c = base_cfg(sock_path);
	int err;

	c.no_protocol = true;
	c.mrg_rxbuf = true;
	err = vg_open(&fe, &c);
	err = err ? err : vg_setup(&fe);
	tr_exchange(&fe, 300, 60, 1514, 0, 5000, &r);
	ok(!err && !(fe.features & VX_BIT(VX_VHOST_USER_F_PROTOCOL_FEATURES)) &&
	   r.received == 300, "without protocol features (no REPLY_ACK, no SET_VRING_ENABLE) "
	   "rings start enabled: 300 frames back");
	hang_up(b, &fe);
}

static void test_large(struct tb *b)
{
	struct vx_vhost_stats s0, s1;
	struct tr_result r;
	struct vg_fe fe;
	struct vg_cfg c = base_cfg(sock_path);
	int err;

	c.mrg_rxbuf = true;
	c.event_idx = true;
	err = vg_open(&fe, &c);
	err = err ? err : vg_setup(&fe);
	tr_exchange(&fe, 40, 9000, 65535, 0, 10000, &r);
	ok(!err && r.received == 40 && !r.bad,
	   "MRG_RXBUF: 40 frames of 9000..65535 bytes spread over 2048-byte buffers (got %lu)",
	   r.received);
	hang_up(b, &fe);

	c.mrg_rxbuf = false;
	err = vg_open(&fe, &c);
	err = err ? err : vg_setup(&fe);
	tb_stats(b, &s0);
	tr_exchange(&fe, 5, 4000, 4000, 0, 300, &r);
	tb_stats(b, &s1);
	ok(!err && r.received == 0 && s1.drop_too_long - s0.drop_too_long == 5,
	   "without MRG_RXBUF, 4000-byte frames do not fit 2048-byte buffers: dropped, counted "
	   "(%llu)", (unsigned long long)(s1.drop_too_long - s0.drop_too_long));
	tr_exchange(&fe, 10, 100, 1000, 100, 5000, &r);
	ok(r.received == 10, "the same buffers still take frames that fit");
	hang_up(b, &fe);
}

static void test_no_buffers(struct tb *b)
{
	struct vx_vhost_stats s0, s1;
	struct tr_result r;
	struct vg_fe fe;
	struct vg_cfg c = base_cfg(sock_path);
	int err;

	c.rx_none = true;
	err = vg_open(&fe, &c);
	err = err ? err : vg_setup(&fe);
	tb_stats(b, &s0);
	tr_exchange(&fe, 10, 100, 100, 0, 300, &r);
	tb_stats(b, &s1);
	ok(!err && r.sent == 10 && r.received == 0 &&
	   s1.drop_no_buffers - s0.drop_no_buffers == 10 && s1.rx_packets - s0.rx_packets == 10,
	   "no receive buffers posted: 10 frames dropped and counted as no-buffers (%llu)",
	   (unsigned long long)(s1.drop_no_buffers - s0.drop_no_buffers));
	hang_up(b, &fe);
}

static void test_calls(struct tb *b)
{
	struct vx_vhost_stats s0, s1;
	struct tr_result r;
	struct vg_fe fe;
	struct vg_cfg c = base_cfg(sock_path);
	unsigned long bursts;
	int err;

	c.no_interrupt = true;
	err = vg_open(&fe, &c);
	err = err ? err : vg_setup(&fe);
	tb_stats(b, &s0);
	tr_exchange(&fe, 200, 60, 200, 0, 5000, &r);
	tb_stats(b, &s1);
	vg_drain_calls(&fe);
	ok(!err && r.received == 200 && s1.calls == s0.calls && fe.st.calls == 0,
	   "VRING_AVAIL_F_NO_INTERRUPT: no calls (%llu)",
	   (unsigned long long)(s1.calls - s0.calls));
	ok(fe.tx.kicks == 0 && fe.rx.kicks == 0,
	   "poll-mode backend sets VRING_USED_F_NO_NOTIFY: the frontend never kicked");
	hang_up(b, &fe);

	c.no_interrupt = false;
	c.event_idx = true;
	err = vg_open(&fe, &c);
	err = err ? err : vg_setup(&fe);
	bursts = __atomic_load_n(&b->bursts, __ATOMIC_RELAXED);
	tb_stats(b, &s0);
	tr_exchange(&fe, 200, 60, 200, 0, 5000, &r);
	tb_stats(b, &s1);
	bursts = __atomic_load_n(&b->bursts, __ATOMIC_RELAXED) - bursts;
	vg_drain_calls(&fe);
	ok(!err && r.received == 200 && s1.calls > s0.calls && s1.calls - s0.calls <= 2 * bursts &&
	   fe.st.calls > 0,
	   "EVENT_IDX: calls sent (%llu) and at most one per burst and queue (%lu bursts)",
	   (unsigned long long)(s1.calls - s0.calls), bursts);
	hang_up(b, &fe);
}

static bool ask_kicks(struct tb *b, bool on)
{
	int tries;

	for (tries = 0; tries < 1000; tries++, usleep(1000)) {
		if (vx_net_want_kicks(b->dev, 1, on))
			return true;
	}
	return false;
}

static void test_kicks(struct tb *b)
{
	struct tr_result r;
	struct vg_fe fe;
	struct vg_cfg c = base_cfg(sock_path);
	uint64_t v;
	unsigned int m;
	bool asked;
	int err;

	for (m = 0; m < 2; m++) {
		c.event_idx = m;
		err = vg_open(&fe, &c);
		err = err ? err : vg_setup(&fe);
		asked = !err && ask_kicks(b, true);
		tr_exchange(&fe, 200, 60, 200, 0, 5000, &r);
		usleep(50000);
		ok(asked && r.received == 200 && fe.tx.kicks > 0 &&
		   read(fe.tx.kick_fd, &v, sizeof(v)) < 0,
		   "interrupt mode (event_idx=%u): the guest kicks (%llu) and the backend drains "
		   "the kick eventfd", m, (unsigned long long)fe.tx.kicks);
		hang_up(b, &fe);
	}
}

static void test_reconnect(struct tb *b)
{
	struct vx_vhost_stats s0, s1;
	struct tr_result r;
	struct vg_fe fe;
	struct vg_cfg c = base_cfg(sock_path);
	int i, good = 0, err;

	tb_stats(b, &s0);
	for (i = 0; i < 3; i++) {
		err = vg_open(&fe, &c);
		err = err ? err : vg_setup(&fe);
		tr_exchange(&fe, 50, 60, 600, 0, 5000, &r);
		good += !err && r.received == 50;
		/* Leave without a goodbye, mid-flight for the last frames. */
		vg_send(&fe, "x", 1);
		hang_up(b, &fe);
	}
	tb_stats(b, &s1);
	ok(good == 3 && s1.connects - s0.connects == 3 && s1.disconnects - s0.disconnects == 3,
	   "server mode: three frontends in turn on the same device, traffic each time");
}

static void test_live_changes(struct tb *b)
{
	struct vx_vhost_stats s0, s1;
	struct tr_result r1, r2, r3;
	struct vg_cfg c = base_cfg(sock_path);
	uint32_t base[2] = { 0, 0 };
	struct vg_fe fe;
	uint32_t gen;
	int err, err2, err3;

	c.mrg_rxbuf = true;
	c.event_idx = true;
	err = vg_open(&fe, &c);
	err = err ? err : vg_setup(&fe);
	tb_stats(b, &s0);
	tr_exchange(&fe, 300, 60, 1514, 0, 5000, &r1);
	gen = vx_vhost_generation(b->dev);
	err2 = vg_resend_mem_table(&fe);
	tr_exchange(&fe, 300, 60, 1514, 300, 5000, &r2);
	ok(!err && !err2 && r1.received == 300 && r2.received == 300 && !r2.bad &&
	   vx_vhost_generation(b->dev) != gen,
	   "memory table sent again while traffic runs: rings re-translated, traffic continues");
	err3 = vg_restart_rings(&fe, base);
	tr_exchange(&fe, 300, 60, 1514, 600, 5000, &r3);
	tb_stats(b, &s1);
	ok(!err3 && base[1] == 600 && base[0] == 600 && r3.received == 300 && !r3.bad,
	   "GET_VRING_BASE stops the rings at avail %u/%u (600 frames each way), restart from "
	   "there, traffic continues", base[0], base[1]);
	ok(s1.rx_packets - s0.rx_packets == 900 && s1.tx_packets - s0.tx_packets == 900,
	   "counters: 900 frames each way");
	hang_up(b, &fe);
}

/* Stop a ring (GET_VRING_BASE) and start it again from base 0 over the same memory. */
static int restart_from_zero(struct vg_fe *fe, struct vg_ring *r, uint32_t q)
{
	struct vx_vhost_user_state st = { q, 0 }, num = { q, r->num }, en = { q, 1 };
	struct vx_vhost_user_addr a = {
		.index = q, .desc = vg_uva(r->desc), .used = vg_uva(r->used),
		.avail = vg_uva(r->avail),
	};
	struct vx_vhost_user_hdr h;
	uint64_t idx = q;
	int err = vg_msg_send(fe, VX_VHOST_USER_GET_VRING_BASE, VX_VHOST_USER_VERSION, &st,
			      sizeof(st), NULL, 0);

	if (!err && vg_msg_recv(fe, &h, &st, sizeof(st)) != sizeof(st))
		err = -EPROTO;
	st.num = 0;
	err = err ? err : vg_request(fe, VX_VHOST_USER_SET_VRING_NUM, &num, sizeof(num), NULL, 0);
	err = err ? err : vg_request(fe, VX_VHOST_USER_SET_VRING_BASE, &st, sizeof(st), NULL, 0);
	err = err ? err : vg_request(fe, VX_VHOST_USER_SET_VRING_ADDR, &a, sizeof(a), NULL, 0);
	err = err ? err : vg_request(fe, VX_VHOST_USER_SET_VRING_KICK, &idx, 8, &r->kick_fd, 1);
	err = err ? err : vg_request(fe, VX_VHOST_USER_SET_VRING_ENABLE, &en, sizeof(en), NULL, 0);
	return err;
}

/*
 * DPDK's virtio-user in server mode keeps its rings when its backend goes away and, when a new
 * backend connects, sets every ring's base to 0 over rings whose indexes moved on: the device
 * must resume at the used index instead of finding the avail index more than a ring ahead.
 */
static void test_base_behind_used(struct tb *b)
{
	struct vx_vhost_stats s0, s1;
	struct tr_result r1, r2;
	struct vg_cfg c = base_cfg(sock_path);
	struct vg_fe fe;
	int err, err2;

	err = vg_open(&fe, &c);
	err = err ? err : vg_setup(&fe);
	tr_exchange(&fe, 400, 60, 200, 0, 5000, &r1);
	tb_stats(b, &s0);
	err2 = restart_from_zero(&fe, &fe.rx, 0);
	err2 = err2 ? err2 : restart_from_zero(&fe, &fe.tx, 1);
	tr_exchange(&fe, 400, 60, 200, 400, 5000, &r2);
	tb_stats(b, &s1);
	ok(!err && !err2 && r1.received == 400 && r2.received == 400 && !r2.bad &&
	   !r2.reordered && s1.queue_breaks == s0.queue_breaks,
	   "rings restarted from base 0 after 400 frames: resumed at the used index, no break "
	   "(%lu received, %llu breaks)", r2.received,
	   (unsigned long long)(s1.queue_breaks - s0.queue_breaks));
	hang_up(b, &fe);
}

static void test_client_mode(void)
{
	struct vx_vhost_cfg cfg = {
		.path = sock_path2, .name = "client", .server = false,
		.reconnect_min_ms = 10, .reconnect_max_ms = 100,
	};
	struct vg_cfg c = base_cfg(sock_path2);
	struct tr_result r;
	struct vg_fe fe;
	struct tb b;
	int i, good = 0, err;

	unlink(sock_path2);
	if (tb_start(&b, &cfg, true)) {
		ok(0, "client-mode device created");
		return;
	}
	c.server = true;
	c.mrg_rxbuf = true;
	for (i = 0; i < 2; i++) {
		err = vg_open(&fe, &c);
		err = err ? err : vg_setup(&fe);
		tr_exchange(&fe, 100, 60, 3000, 0, 5000, &r);
		good += !err && r.received == 100;
		hang_up(&b, &fe);
		unlink(sock_path2);
	}
	ok(good == 2, "client mode: the backend dials the frontend, traffic, redials after a "
	   "disconnect (%d of 2)", good);
	ok(tb_wait(&b, connects_at_least, 2, 0), "client mode: two connections counted");
	tb_stop(&b);
}

int main(void)
{
	struct vx_vhost_cfg cfg = { .name = "server" };
	struct tb b;

	snprintf(sock_path, sizeof(sock_path), "/tmp/vxdp-test-vhost-%d.sock", (int)getpid());
	snprintf(sock_path2, sizeof(sock_path2), "/tmp/vxdp-test-vhost-%d-c.sock", (int)getpid());
	cfg.path = sock_path;
	cfg.server = true;
	if (!ok(tb_start(&b, &cfg, true) == 0, "server-mode device listens on %s", sock_path))
		return tap_done();
	test_matrix(&b);
	test_no_protocol_features(&b);
	test_large(&b);
	test_no_buffers(&b);
	test_calls(&b);
	test_kicks(&b);
	test_reconnect(&b);
	test_live_changes(&b);
	test_base_behind_used(&b);
	tb_stop(&b);
	test_client_mode();
	return tap_done();
}
