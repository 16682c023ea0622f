// SPDX-License-Identifier: BSD-2-Clause
/*
 * test_ctl_sink.c - the switch's hooks for the guest channel, with two vguest frontends on a
 * running switch: frames of the channel's EtherType from a guest reach the sink on a worker and
 * are never switched nor seen by an XDP hook; VLAN-tagged ones are dropped and counted;
 * vx_switch_send() reaches a guest through a port whose program drops everything.
 * Usage: test_ctl_sink PROGS_DIR
 */
#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <vxbpf/map.h>
#include <vxoffload/offload.h>

#include "frontend.h"
#include "../tap.h"

struct fe_thread {
	struct vg_fe fe;
	struct vg_cfg cfg;
	int err;
	bool done;
};

static void *fe_main(void *arg)
{
	struct fe_thread *t = arg;

	t->err = vg_open(&t->fe, &t->cfg);
	if (!t->err)
		t->err = vg_setup(&t->fe);
	__atomic_store_n(&t->done, true, __ATOMIC_RELEASE);
	return NULL;
}

static struct vx_switch *sw;
static unsigned int sink_calls, sink_port = 99, sink_len;
static uint8_t sink_byte;

static void sink(void *arg, unsigned int port, const struct vx_dp_pkt *pkt)
{
	(void)arg;
	__atomic_store_n(&sink_port, port, __ATOMIC_RELAXED);
	__atomic_store_n(&sink_len, pkt->len, __ATOMIC_RELAXED);
	__atomic_store_n(&sink_byte, ((const uint8_t *)pkt->iov[0].iov_base)[14],
			 __ATOMIC_RELAXED);
	__atomic_fetch_add(&sink_calls, 1, __ATOMIC_RELEASE);
}

/* Serve both ports' vhost-user messages for ms milliseconds. */
static void serve(int ms)
{
	struct pollfd p[2];
	unsigned int i;
	int left;

	for (left = ms; left > 0; left -= 10) {
		for (i = 0; i < 2; i++) {
			struct vx_port *port = vx_switch_port(sw, i);

			p[i] = (struct pollfd){ .fd = port->ops->ctl_fd(port), .events = POLLIN };
		}
		if (poll(p, 2, 10) <= 0)
			continue;
		for (i = 0; i < 2; i++) {
			struct vx_port *port = vx_switch_port(sw, i);

			if (p[i].revents)
				port->ops->ctl_process(port);
		}
	}
}

/* Frames the guest received within ms milliseconds (the first one's byte 14 in *b14). */
static int recv_all(struct vg_fe *fe, int ms, uint8_t *b14)
{
	uint8_t buf[2048];
	int n = 0, len;

	for (; ms > 0; ms -= 10) {
		while ((len = vg_recv(fe, buf, sizeof(buf))) > 0) {
			if (!n && b14)
				*b14 = buf[14];
			n++;
		}
		serve(10);
	}
	return n;
}

static void frame(uint8_t *f, size_t len, uint16_t type, bool vlan, uint8_t mark)
{
	memset(f, 0, len);
	memset(f, 0xff, 6);
	memcpy(f + 6, "\x52\x54\x00\x00\x00\x01", 6);
	if (vlan) {
		f[12] = 0x81;
		f[16] = (uint8_t)(type >> 8);
		f[17] = (uint8_t)type;
	} else {
		f[12] = (uint8_t)(type >> 8);
		f[13] = (uint8_t)type;
	}
	f[14] = mark;
}

static struct vx_port_stats stats(unsigned int i)
{
	struct vx_port_stats s;

	vx_port_stats(vx_switch_port(sw, i), &s);
	return s;
}

static int attach_drop(struct vx_offload *off, const char *dir)
{
	char path[512];
	struct vx_error err;
	uint8_t *buf = malloc(1 << 16);
	uint32_t id;
	size_t n;
	FILE *f;

	snprintf(path, sizeof(path), "%s/off_drop.o", dir);
	f = fopen(path, "rb");
	n = f && buf ? fread(buf, 1, 1 << 16, f) : 0;
	if (f)
		fclose(f);
	if (!n || vx_off_obj_load(off, 1, VX_OFF_HOST, buf, n, "off_drop.o", &id, &err) ||
	    vx_off_attach(off, 1, id, NULL, 0, &err)) {
		free(buf);
		return -1;
	}
	free(buf);
	return 0;
}

int main(int argc, char **argv)
{
	struct vx_sw_cfg cfg = { .mode = VX_SW_LEARN };
	char tmp[] = "/tmp/vxsink.XXXXXX", path[2][300];
	struct fe_thread fe[2] = { 0 };
	pthread_t th[2];
	struct vx_offload *off;
	uint8_t f[64], b14 = 0;
	int i, ret;

	if (argc < 2 || !mkdtemp(tmp))
		return 2;
	sw = vx_switch_new(&cfg);
	for (i = 0; i < 2; i++) {
		snprintf(path[i], sizeof(path[i]), "%s/p%d.sock", tmp, i);
		vx_switch_add_port(sw, vx_port_vhost_new(i ? "p1" : "p0", path[i], false));
	}
	vx_switch_set_ctl_sink(sw, VX_OFF_ETHERTYPE, sink, NULL);
	off = vx_offload_new(sw, NULL);
	ok(!attach_drop(off, argv[1]), "a DROP program attached to p1");
	ok(!vx_switch_start(sw), "switch started");
	for (i = 0; i < 2; i++) {
		fe[i].cfg = (struct vg_cfg){ .path = path[i], .mrg_rxbuf = true, .event_idx = true };
		pthread_create(&th[i], NULL, fe_main, &fe[i]);
	}
	for (i = 0; i < 500 && !(__atomic_load_n(&fe[0].done, __ATOMIC_ACQUIRE) &&
				  __atomic_load_n(&fe[1].done, __ATOMIC_ACQUIRE)); i++)
		serve(10);
	pthread_join(th[0], NULL);
	pthread_join(th[1], NULL);
	serve(100);
	if (!ok(!fe[0].err && !fe[1].err, "two guests connected")) {
		printf("Bail out! no guests\n");
		return 1;
	}

	frame(f, sizeof(f), VX_OFF_ETHERTYPE, false, 0x42);
	vg_send(&fe[0].fe, f, sizeof(f));
	for (i = 0; i < 300 && !__atomic_load_n(&sink_calls, __ATOMIC_ACQUIRE); i++)
		serve(10);
	ok(sink_calls == 1 && sink_port == 0 && sink_len == sizeof(f) && sink_byte == 0x42,
	   "a channel frame from guest p0 reached the sink (calls %u, port %u, %u bytes)",
	   sink_calls, sink_port, sink_len);
	ok(stats(0).ctl_rx == 1, "counted ctl_rx on p0");
	ret = recv_all(&fe[1].fe, 300, NULL);
	ok(ret == 0 && stats(1).xdp.runs == 0,
	   "it was not switched: p1 got %d frames, p1's hook ran %llu times", ret,
	   (unsigned long long)stats(1).xdp.runs);

	frame(f, sizeof(f), VX_OFF_ETHERTYPE, true, 0x43);
	vg_send(&fe[0].fe, f, sizeof(f));
	for (i = 0; i < 300 && !stats(0).drop_ctl; i++)
		serve(10);
	ok(stats(0).drop_ctl == 1 && sink_calls == 1,
	   "a VLAN-tagged channel frame is dropped and counted, not handed over");

	frame(f, sizeof(f), 0x0800, false, 0x44);
	vg_send(&fe[0].fe, f, sizeof(f));
	for (i = 0; i < 300 && !stats(1).xdp.drop; i++)
		serve(10);
	ok(stats(1).xdp.runs == 1 && stats(1).xdp.drop == 1,
	   "an ordinary frame toward p1 meets its DROP program");

	frame(f, sizeof(f), VX_OFF_ETHERTYPE, false, 0x45);
	ret = vx_switch_send(sw, 1, f, sizeof(f));
	ok(ret == 0, "vx_switch_send to p1: %d", ret);
	ret = recv_all(&fe[1].fe, 500, &b14);
	ok(ret == 1 && b14 == 0x45 && stats(1).xdp.runs == 1,
	   "p1's guest got it (%d frames), past its DROP program", ret);
	ok(vx_switch_send(sw, 7, f, sizeof(f)) == -EINVAL, "no such port: -EINVAL");
	ok(vx_switch_send(sw, 1, f, 10) == -EINVAL, "a runt: -EINVAL");

	vg_close(&fe[0].fe);
	vg_close(&fe[1].fe);
	vx_switch_stop(sw);
	vx_offload_free(off);
	vx_switch_free(sw);
	vx_rcu_barrier();
	unlink(path[0]);
	unlink(path[1]);
	rmdir(tmp);
	return tap_done();
}
