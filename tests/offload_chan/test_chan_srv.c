// SPDX-License-Identifier: BSD-2-Clause
/*
 * test_chan_srv.c - the guest channel's server and client together, in one process, over a
 * simulated link that loses, duplicates and reorders frames both ways: the server runs on a
 * real offload registry (a switch with three idle ports, not started), the client is the one
 * vxdp-guest uses. Loading, listing, maps, pagination, idempotent retransmission, isolation
 * between ports, rate limits, and every kind of malformed frame.
 * Usage: test_chan_srv CHAN_FW_OBJECT
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <vxbpf/map.h>
#include <vxoffload/chan.h>
#include <vxoffload/chan_client.h>

#include "chan_priv.h"
#include "../tap.h"
#include "idle_switch.h"

#define NPORTS	3
#define QMAX	64

/* One guest's link: frames both ways, with faults. */
struct link {
	unsigned int port;
	uint8_t q[QMAX][VX_CHAN_FRAME_MAX];	/* replies waiting for the client */
	size_t qlen[QMAX];
	unsigned int head, tail;
	unsigned long up, down;			/* frames each way */
	unsigned int drop_every, dup_every;	/* 0: never */
	bool reorder;
	uint8_t held[VX_CHAN_FRAME_MAX];
	size_t held_len;
	uint64_t replies;
};

static struct vx_chan *chan;
static struct vx_offload *reg;
static struct link links[NPORTS];

static int srv_send(void *arg, unsigned int port, const void *frame, size_t len)
{
	struct link *l = &links[port];

	(void)arg;
	l->replies++;
	if (l->drop_every && ++l->down % l->drop_every == 0)
		return 0;	/* lost on the way back */
	if (l->head - l->tail == QMAX)
		return -EAGAIN;
	memcpy(l->q[l->head % QMAX], frame, len);
	l->qlen[l->head % QMAX] = len;
	l->head++;
	return 0;
}

static int cl_send(void *arg, const void *frame, size_t len)
{
	struct link *l = arg;

	l->up++;
	if (l->drop_every && l->up % l->drop_every == 0)
		return 0;
	if (l->reorder && !l->held_len && l->up % 3 == 0) {
		memcpy(l->held, frame, len);	/* overtaken by the next frame */
		l->held_len = len;
		return 0;
	}
	chan_handle(chan, l->port, frame, len, false);
	if (l->dup_every && l->up % l->dup_every == 0)
		chan_handle(chan, l->port, frame, len, false);
	if (l->held_len) {
		size_t n = l->held_len;

		l->held_len = 0;
		chan_handle(chan, l->port, l->held, n, false);
	}
	return 0;
}

static int cl_recv(void *arg, void *buf, size_t cap, int timeout_ms)
{
	struct link *l = arg;
	size_t n;

	if (l->head == l->tail) {
		usleep(timeout_ms * 1000);
		return 0;
	}
	n = l->qlen[l->tail % QMAX];
	memcpy(buf, l->q[l->tail % QMAX], n < cap ? n : cap);
	l->tail++;
	return (int)n;
}

static void client(struct vx_chan_client *c, unsigned int port)
{
	struct vx_chan_transport t = { cl_send, cl_recv, &links[port] };
	uint8_t mac[6] = { 0x52, 0x54, 0, 0, 0, (uint8_t)(port + 1) };

	vx_chan_client_init(c, &t, mac);
	c->timeout_ms = 5;
	c->retries = 30;
}

static void faults(unsigned int port, unsigned int drop, unsigned int dup, bool reorder)
{
	links[port].drop_every = drop;
	links[port].dup_every = dup;
	links[port].reorder = reorder;
}

static uint8_t *read_obj(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	uint8_t *buf = malloc(VX_CHAN_OBJ_MAX);

	if (!f || !buf)
		return NULL;
	*len = fread(buf, 1, VX_CHAN_OBJ_MAX, f);
	fclose(f);
	return buf;
}

static int req(struct vx_chan_client *c, uint8_t op, const char *map, const void *key,
	       size_t klen, const void *val, size_t vlen, struct vx_chan_rd *r)
{
	struct vx_chan_req q = { .op = op, .key = { key, klen }, .value = { val, vlen } };

	snprintf(q.map, sizeof(q.map), "%s", map ? map : "");
	return vx_chan_call(c, &q, r);
}

static void test_load_lossy(struct vx_chan_client *c, const uint8_t *obj, size_t len,
			    uint32_t *id)
{
	struct vx_chan_rd r;
	struct vx_chan_obj_entry e;
	int err;

	faults(0, 7, 5, true);
	err = vx_chan_load(c, obj, len, "chan_fw", true, "chan_fw", 0, id);
	ok(err == 0, "load + attach over a link losing 1/7, duplicating 1/5, reordering: %s",
	   err ? c->err : "ok");
	ok(c->retransmits > 0 && chan_counters(chan, 0)->chunk_dups > 0,
	   "client retransmitted (%llu), server ignored duplicate chunks (%llu)",
	   (unsigned long long)c->retransmits,
	   (unsigned long long)chan_counters(chan, 0)->chunk_dups);
	ok(chan_counters(chan, 0)->loads == 1, "loaded exactly once");
	err = req(c, VX_CHAN_LIST, NULL, NULL, 0, NULL, 0, &r);
	ok(!err && vx_chan_get_u32(&r) == 1 && vx_chan_get_u8(&r) == 1, "list: one object");
	vx_chan_get_obj_entry(&r, &e);
	ok(vx_chan_rd_done(&r) && e.id == *id && e.attached && e.nprogs == 2 && e.nmaps == 2 &&
	   !strcmp(e.name, "chan_fw") && e.origin == 0, "list entry: id, name, attached, counts");
	faults(0, 0, 0, false);
}

static void test_maps(struct vx_chan_client *c)
{
	static const uint8_t k9001[2] = { 0x23, 0x29 }, one[4] = { 1, 0, 0, 0 };
	uint8_t key[2], val[4];
	struct vx_chan_rd r;
	struct vx_chan_blob b;
	unsigned int i, total = 0, pages = 0, n;
	int err;

	err = req(c, VX_CHAN_MAP_UPDATE, "blocked", k9001, 2, one, 4, &r);
	ok(!err, "map update blocked[9001]");
	err = req(c, VX_CHAN_MAP_LOOKUP, "blocked", k9001, 2, NULL, 0, &r);
	b = vx_chan_get_blob(&r);
	ok(!err && b.len == 4 && !memcmp(b.p, one, 4), "map lookup reads it back");
	err = req(c, VX_CHAN_MAP_LOOKUP, "blocked", k9001, 1, NULL, 0, &r);
	ok(err == EINVAL && strstr(c->err, "key is 2 bytes"), "wrong key size: %s", c->err);
	err = req(c, VX_CHAN_MAP_LOOKUP, "nosuch", k9001, 2, NULL, 0, &r);
	ok(err == ENOENT, "unknown map: %s", c->err);
	/* 400 entries: the dump takes several pages. */
	for (i = 0; i < 400; i++) {
		key[0] = i >> 8;
		key[1] = i;
		memcpy(val, &i, 4);
		if (req(c, VX_CHAN_MAP_UPDATE, "blocked", key, 2, val, 4, &r))
			break;
	}
	ok(i == 400, "400 updates");
	{
		struct vx_chan_req q = { .op = VX_CHAN_MAP_DUMP };
		uint8_t cursor[2];

		strcpy(q.map, "blocked");
		for (;;) {
			unsigned int more;

			err = vx_chan_call(c, &q, &r);
			if (err)
				break;
			vx_chan_get_u16(&r);
			vx_chan_get_u16(&r);
			n = vx_chan_get_u16(&r);
			more = vx_chan_get_u8(&r);
			vx_chan_get_bytes(&r, n * 6);
			total += n;
			pages++;
			if (!more)
				break;
			b = vx_chan_get_blob(&r);
			memcpy(cursor, b.p, 2);
			q.key = (struct vx_chan_blob){ cursor, 2 };
		}
	}
	ok(!err && total == 401 && pages > 1, "dump: %u entries in %u pages", total, pages);
	err = req(c, VX_CHAN_MAP_DELETE, "blocked", k9001, 2, NULL, 0, &r);
	ok(!err, "map delete");
	err = req(c, VX_CHAN_MAP_DELETE, "blocked", k9001, 2, NULL, 0, &r);
	ok(err == ENOENT, "delete again: %s", c->err);
	err = req(c, VX_CHAN_MAP_NEXT, "fw_stats", NULL, 0, NULL, 0, &r);
	b = vx_chan_get_blob(&r);
	ok(!err && b.len == 4 && !memcmp(b.p, "\0\0\0\0", 4), "get-next from the start");
}

/* A retransmitted request is answered from the cache, not done again. */
static void test_idempotent(struct vx_chan_client *c)
{
	static const uint8_t k[2] = { 0x77, 0x77 }, v[4] = { 5, 0, 0, 0 };
	struct vx_chan_req q = { .op = VX_CHAN_MAP_UPDATE, .map_flags = 1 /* BPF_NOEXIST */,
				 .key = { k, 2 }, .value = { v, 4 } };
	uint8_t frame[VX_CHAN_FRAME_MAX], host[6] = VX_CHAN_HOST_MAC;
	uint64_t dups = chan_counters(chan, 0)->duplicates;
	struct vx_chan_hdr h1, h2;
	const uint8_t *b;
	int n;

	strcpy(q.map, "blocked");
	q.id = 0xabcdef;
	n = vx_chan_req_frame(&q, host, c->mac, frame, sizeof(frame));
	links[0].head = links[0].tail = 0;
	chan_handle(chan, 0, frame, n, false);
	chan_handle(chan, 0, frame, n, false);
	vx_chan_parse(links[0].q[0], links[0].qlen[0], &h1, &b);
	vx_chan_parse(links[0].q[1], links[0].qlen[1], &h2, &b);
	ok(links[0].head == 2 && h1.status == 0 && h2.status == 0 && h2.id == 0xabcdef &&
	   chan_counters(chan, 0)->duplicates == dups + 1,
	   "NOEXIST update sent twice: both answered OK, the second from the cache");
	links[0].head = links[0].tail = 0;
}

static void test_isolation(struct vx_chan_client *c1, uint32_t id0)
{
	static const uint8_t k[2] = { 0x23, 0x29 }, v[4] = { 1, 0, 0, 0 };
	struct vx_chan_rd r;
	struct vx_chan_req q = { .op = VX_CHAN_UNLOAD, .obj = id0 };
	char map[32];
	int err;

	err = req(c1, VX_CHAN_LIST, NULL, NULL, 0, NULL, 0, &r);
	ok(!err && vx_chan_get_u32(&r) == 0, "port 1 lists none of port 0's objects");
	err = req(c1, VX_CHAN_MAP_UPDATE, "blocked", k, 2, v, 4, &r);
	ok(err == ENOENT, "port 1 cannot update port 0's map: %s", c1->err);
	snprintf(map, sizeof(map), "%u/blocked", id0);
	err = req(c1, VX_CHAN_MAP_LOOKUP, map, k, 2, NULL, 0, &r);
	ok(err == ENOENT, "nor by ID/NAME: %s", c1->err);
	err = vx_chan_call(c1, &q, &r);
	ok(err != 0, "port 1 cannot unload port 0's object: %s", c1->err);
	q.op = VX_CHAN_DETACH;
	err = vx_chan_call(c1, &q, &r);
	q.op = VX_CHAN_OBJ_INFO;
	err = vx_chan_call(c1, &q, &r);
	ok(err == ENOENT, "nor see its names: %s", c1->err);
}

static void send_raw(unsigned int port, const uint8_t *f, size_t len, bool oversize)
{
	links[port].head = links[port].tail = 0;
	chan_handle(chan, port, f, len, oversize);
}

static uint16_t last_status(unsigned int port, char *text, size_t cap)
{
	struct vx_chan_hdr h;
	const uint8_t *b;
	struct vx_chan_rd r;

	if (links[port].head == 0 ||
	    vx_chan_parse(links[port].q[0], links[port].qlen[0], &h, &b) != VX_CHAN_OK)
		return 0xffff;
	vx_chan_rd_init(&r, b, h.body_len);
	vx_chan_get_text(&r, text, cap);
	return h.status;
}

static void test_malformed(void)
{
	uint8_t f[VX_CHAN_FRAME_MAX];
	struct vx_chan_hdr h = { .version = 1, .op = VX_CHAN_HELLO, .id = 1,
				 .src = { 0x52, 0, 0, 0, 0, 9 } };
	uint64_t ign = chan_counters(chan, 2)->ignored;
	char text[128];
	size_t n;

	memset(f, 0, sizeof(f));
	n = vx_chan_put_hdr(f, &h);
	send_raw(2, f, n, false);
	ok(last_status(2, text, sizeof(text)) == 0, "hello answered");
	f[16] = 9;
	send_raw(2, f, n, false);
	ok(last_status(2, text, sizeof(text)) == EPROTONOSUPPORT && strstr(text, "version 1"),
	   "version 9 answered EPROTONOSUPPORT: %s", text);
	f[16] = 1;
	f[24] = 0;
	f[25] = 50;
	send_raw(2, f, n, false);
	ok(last_status(2, text, sizeof(text)) == EBADMSG, "truncated body: %s", text);
	f[25] = 0;
	f[17] = 99;
	send_raw(2, f, n, false);
	ok(last_status(2, text, sizeof(text)) == EBADMSG && strstr(text, "unknown"),
	   "unknown op: %s", text);
	f[17] = VX_CHAN_HELLO;
	send_raw(2, f, n, true);
	ok(last_status(2, text, sizeof(text)) == E2BIG, "oversize frame: %s", text);
	f[17] = VX_CHAN_HELLO | VX_CHAN_REPLY;
	send_raw(2, f, n, false);
	ok(links[2].head == 0, "a reply sent to the host is never answered");
	f[17] = VX_CHAN_HELLO;
	f[15] = 'Z';
	send_raw(2, f, n, false);
	send_raw(2, f, 20, false);
	f[15] = 'X';
	f[6] = 0x01;	/* multicast source */
	send_raw(2, f, n, false);
	ok(links[2].head == 0 && chan_counters(chan, 2)->ignored == ign + 4,
	   "foreign magic, runt, multicast sender: ignored and counted");
}

static void test_bad_checksum(struct vx_chan_client *c, const uint8_t *obj, size_t len)
{
	struct vx_chan_req q = { .op = VX_CHAN_LOAD_CHUNK, .xfer = 4242, .total = len,
				 .crc = vx_chan_crc32(0, obj, len) ^ 1, .chunk_size = 1024 };
	struct vx_chan_rd r;
	uint32_t off;
	int err = 0;

	for (off = 0; off < len && !err; off += 1024) {
		q.offset = off;
		q.data = (struct vx_chan_blob){ obj + off, len - off < 1024 ? len - off : 1024 };
		q.op = VX_CHAN_LOAD_CHUNK;
		err = vx_chan_call(c, &q, &r);
	}
	q.op = VX_CHAN_LOAD_COMMIT;
	err = err ? err : vx_chan_call(c, &q, &r);
	ok(err == EBADMSG && strstr(c->err, "checksum") &&
	   chan_counters(chan, 1)->bad_checksum == 1, "corrupted object refused: %s", c->err);
	err = vx_chan_call(c, &q, &r);
	ok(err == ENOENT, "and its transfer dropped: %s", c->err);
	q.op = VX_CHAN_LOAD_COMMIT;
	q.xfer = 999;
	err = vx_chan_call(c, &q, &r);
	ok(err == ENOENT, "commit of an unknown transfer: %s", c->err);
}

static void test_garbage_object(struct vx_chan_client *c)
{
	static uint8_t junk[3000];
	uint32_t id;
	int err;

	memset(junk, 0x5a, sizeof(junk));
	err = vx_chan_load(c, junk, sizeof(junk), "junk", false, NULL, 0, &id);
	ok(err > 0 && c->err[0], "not an ELF object: refused with text: %s", c->err);
}

static void test_rate(struct vx_chan_client *c)
{
	struct vx_off_limits lim = { .max_req_per_s = 5 };
	struct vx_chan_req q = { .op = VX_CHAN_HELLO };
	struct vx_chan_rd r;
	unsigned int i, busy = 0;

	vx_off_set_limits(reg, 2, &lim);
	c->retries = 0;
	for (i = 0; i < 20; i++) {
		if (vx_chan_call(c, &q, &r) == EBUSY)
			busy++;
	}
	ok(busy >= 10 && chan_counters(chan, 2)->rate_limited == busy,
	   "request rate quota: %u of 20 refused with EBUSY: %s", busy, c->err);
}

int main(int argc, char **argv)
{
	struct vx_switch *sw;
	struct vx_offload *off;
	struct vx_chan_client c0, c1, c2;
	uint8_t *obj;
	size_t len = 0;
	uint32_t id = 0;
	unsigned int i;

	if (argc != 2 || !(obj = read_obj(argv[1], &len))) {
		fprintf(stderr, "usage: test_chan_srv CHAN_FW_OBJECT\n");
		return 2;
	}
	sw = idle_switch(NPORTS);
	off = sw ? vx_offload_new(sw, NULL) : NULL;
	reg = off;
	chan = off ? chan_new_raw(off, NPORTS, srv_send, NULL) : NULL;
	if (!ok(chan != NULL, "server on a registry over a 3-port switch"))
		return tap_done();
	for (i = 0; i < NPORTS; i++)
		links[i].port = i;
	client(&c0, 0);
	client(&c1, 1);
	client(&c2, 2);
	test_load_lossy(&c0, obj, len, &id);
	test_maps(&c0);
	test_idempotent(&c0);
	test_isolation(&c1, id);
	test_bad_checksum(&c1, obj, len);
	test_garbage_object(&c1);
	test_malformed();
	test_rate(&c2);
	vx_chan_free(chan);
	vx_offload_free(off);
	vx_switch_free(sw);
	free(obj);
	return tap_done();
}
