// SPDX-License-Identifier: BSD-2-Clause
/*
 * test_chan.c - the guest channel's codec (headers, every request, hostile bodies) and the
 * server's per-port bookkeeping: object reassembly (order, duplicates, geometry, limits,
 * timeouts) and the reply cache.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <vxoffload/chan_proto.h>

#include "chan_priv.h"
#include "tap.h"

static const uint8_t mac_a[6] = { 0x52, 0x54, 0, 0, 0, 1 };
static const uint8_t mac_h[6] = VX_CHAN_HOST_MAC;

static void test_crc(void)
{
	ok(vx_chan_crc32(0, "123456789", 9) == 0xcbf43926, "crc32 check value");
	ok(vx_chan_crc32(vx_chan_crc32(0, "1234", 4), "56789", 5) == 0xcbf43926,
	   "crc32 in pieces");
}

static struct vx_chan_req sample(uint8_t op)
{
	static const uint8_t key[4] = { 1, 2, 3, 4 }, val[8] = { 9, 8, 7, 6, 5, 4, 3, 2 };
	static const uint8_t data[100] = { 0x7f, 'E', 'L', 'F' };
	struct vx_chan_req q = {
		.op = op, .id = 0x01020304, .xfer = 77, .total = 100, .crc = 0xdeadbeef,
		.chunk_size = 128, .offset = 0, .data = { data, 100 }, .flags = VX_CHAN_F_ATTACH,
		.ifindex = 3, .obj = 5, .cursor = 2, .map_flags = 2,
		.key = { key, 4 }, .value = { val, 8 },
	};

	strcpy(q.name, "fw.o");
	strcpy(q.prog, "xdp_fw");
	strcpy(q.map, "1/rules");
	return q;
}

/* Fields an op carries must survive a round trip. */
static bool same(const struct vx_chan_req *a, const struct vx_chan_req *b)
{
	switch (a->op) {
	case VX_CHAN_LOAD_CHUNK:
		return a->xfer == b->xfer && a->total == b->total && a->crc == b->crc &&
		       a->chunk_size == b->chunk_size && a->offset == b->offset &&
		       a->data.len == b->data.len && !memcmp(a->data.p, b->data.p, a->data.len);
	case VX_CHAN_LOAD_COMMIT:
		return a->xfer == b->xfer && a->total == b->total && a->crc == b->crc &&
		       a->flags == b->flags && a->ifindex == b->ifindex &&
		       !strcmp(a->name, b->name) && !strcmp(a->prog, b->prog);
	case VX_CHAN_UNLOAD:
		return a->obj == b->obj;
	case VX_CHAN_ATTACH:
		return a->obj == b->obj && a->ifindex == b->ifindex && !strcmp(a->prog, b->prog);
	case VX_CHAN_LIST:
		return a->cursor == b->cursor;
	case VX_CHAN_OBJ_INFO:
		return a->obj == b->obj && a->cursor == b->cursor;
	case VX_CHAN_MAP_UPDATE:
		if (a->value.len != b->value.len || memcmp(a->value.p, b->value.p, a->value.len) ||
		    a->map_flags != b->map_flags)
			return false;
		/* fall through */
	case VX_CHAN_MAP_LOOKUP:
	case VX_CHAN_MAP_DELETE:
	case VX_CHAN_MAP_NEXT:
	case VX_CHAN_MAP_DUMP:
		return !strcmp(a->map, b->map) && a->key.len == b->key.len &&
		       !memcmp(a->key.p, b->key.p, a->key.len);
	default:
		return true;
	}
}

static void test_requests(void)
{
	unsigned int op;

	for (op = 1; op <= VX_CHAN_OP_MAX; op++) {
		struct vx_chan_req q = sample(op), d;
		uint8_t frame[VX_CHAN_FRAME_MAX];
		struct vx_chan_hdr h;
		const uint8_t *body;
		const char *why;
		bool all_fail = true;
		int n = vx_chan_req_frame(&q, mac_h, mac_a, frame, sizeof(frame)), i;

		ok(n > 0 && vx_chan_parse(frame, n, &h, &body) == VX_CHAN_OK && h.op == op &&
		   h.id == q.id && !memcmp(h.src, mac_a, 6) && !memcmp(h.dst, mac_h, 6),
		   "%s: frame and header", vx_chan_op_name(op));
		ok(vx_chan_req_decode(h.op, h.id, body, h.body_len, &d, &why) == 0 && same(&q, &d),
		   "%s: body round trip", vx_chan_op_name(op));
		/* Every shorter body is refused (a chunk's data length is checked later). */
		for (i = 0; i < h.body_len && op != VX_CHAN_LOAD_CHUNK; i++) {
			if (vx_chan_req_decode(h.op, h.id, body, i, &d, &why) == 0)
				all_fail = false;
		}
		ok(all_fail, "%s: every truncated body refused", vx_chan_op_name(op));
		if (op != VX_CHAN_LOAD_CHUNK) {
			uint8_t longer[VX_CHAN_BODY_MAX + 1];

			memcpy(longer, body, h.body_len);
			longer[h.body_len] = 0;
			ok(vx_chan_req_decode(h.op, h.id, longer, h.body_len + 1, &d, &why) ==
			   -EBADMSG && strstr(why, "trailing"), "%s: trailing byte refused",
			   vx_chan_op_name(op));
		}
	}
}

static void test_bad_bodies(void)
{
	uint8_t body[64] = { 0 };
	struct vx_chan_req d;
	const char *why;

	ok(vx_chan_req_decode(0, 1, body, 0, &d, &why) == -EBADMSG &&
	   vx_chan_req_decode(VX_CHAN_OP_MAX + 1, 1, body, 0, &d, &why) == -EBADMSG &&
	   vx_chan_req_decode(0x7f, 1, body, 0, &d, &why) == -EBADMSG, "unknown ops refused");
	/* A map name holding a NUL byte. */
	body[0] = 3;
	memcpy(body + 1, "a\0b", 3);
	ok(vx_chan_req_decode(VX_CHAN_MAP_LOOKUP, 1, body, 6, &d, &why) == -EBADMSG,
	   "string with a NUL refused");
	/* A blob longer than the body. */
	body[0] = 1;
	body[1] = 'm';
	body[2] = 0xff;
	body[3] = 0xff;
	ok(vx_chan_req_decode(VX_CHAN_MAP_LOOKUP, 1, body, 10, &d, &why) == -EBADMSG,
	   "blob past the end refused");
	{
		struct vx_chan_req q = sample(VX_CHAN_MAP_LOOKUP);
		uint8_t out[VX_CHAN_BODY_MAX];

		char longname[VX_CHAN_STR_MAX + 2];
		struct vx_chan_wr w;

		memset(q.map, 'x', VX_CHAN_STR_MAX);
		q.map[VX_CHAN_STR_MAX] = 0;
		ok(vx_chan_req_encode(&q, out, sizeof(out)) > VX_CHAN_STR_MAX,
		   "longest name encoded");
		memset(longname, 'x', sizeof(longname) - 1);
		longname[sizeof(longname) - 1] = 0;
		vx_chan_wr_init(&w, out, sizeof(out));
		vx_chan_put_str(&w, longname);
		ok(w.err, "overlong name not encoded");
		q = sample(VX_CHAN_LOAD_CHUNK);
		q.data.len = VX_CHAN_CHUNK_MAX + 1;
		ok(vx_chan_req_encode(&q, out, sizeof(out)) == -E2BIG,
		   "chunk over VX_CHAN_CHUNK_MAX not encoded");
	}
}

static size_t mk_frame(uint8_t *f, uint8_t version, uint16_t body_len, size_t len)
{
	struct vx_chan_hdr h = { .version = version, .op = VX_CHAN_HELLO, .id = 42,
				 .body_len = body_len };

	memcpy(h.dst, mac_h, 6);
	memcpy(h.src, mac_a, 6);
	memset(f, 0, VX_CHAN_FRAME_MAX);
	vx_chan_put_hdr(f, &h);
	return len;
}

static void test_parse(void)
{
	uint8_t f[VX_CHAN_FRAME_MAX + 8];
	struct vx_chan_hdr h;
	const uint8_t *body;
	size_t n;

	n = mk_frame(f, 1, 0, 60);
	ok(vx_chan_parse(f, n, &h, &body) == VX_CHAN_OK && h.body_len == 0 && h.id == 42,
	   "padded minimum frame: padding ignored");
	ok(vx_chan_parse(f, 25, &h, &body) == VX_CHAN_E_SHORT, "runt");
	f[13] = 0xb6;
	ok(vx_chan_parse(f, n, &h, &body) == VX_CHAN_E_ETYPE, "other EtherType");
	n = mk_frame(f, 1, 0, 60);
	f[15] = 'Y';
	ok(vx_chan_parse(f, n, &h, &body) == VX_CHAN_E_MAGIC, "bad magic");
	n = mk_frame(f, 2, 0, 60);
	ok(vx_chan_parse(f, n, &h, &body) == VX_CHAN_E_VERSION && h.id == 42 &&
	   !memcmp(h.src, mac_a, 6), "bad version: header kept for the answer");
	n = mk_frame(f, 1, 100, 60);
	ok(vx_chan_parse(f, n, &h, &body) == VX_CHAN_E_TRUNC, "truncated body");
	n = mk_frame(f, 1, VX_CHAN_BODY_MAX + 1, VX_CHAN_FRAME_MAX + 1);
	ok(vx_chan_parse(f, n, &h, &body) == VX_CHAN_E_LONG, "oversize body length");
}

static void test_wr_rd(void)
{
	uint8_t buf[8];
	struct vx_chan_wr w;
	struct vx_chan_rd r;
	char text[8];

	vx_chan_wr_init(&w, buf, sizeof(buf));
	vx_chan_put_u32(&w, 1);
	vx_chan_put_u64(&w, 2);
	ok(w.err && w.len == 4, "writer stops at its capacity");
	vx_chan_wr_init(&w, buf, sizeof(buf));
	vx_chan_put_text(&w, "a long message");
	ok(!w.err && w.len == 8 && buf[1] == 6, "text cut to fit");
	vx_chan_rd_init(&r, buf, w.len);
	vx_chan_get_text(&r, text, sizeof(text));
	ok(vx_chan_rd_done(&r) && !strcmp(text, "a long"), "text read back");
	buf[3] = 1;
	vx_chan_rd_init(&r, buf, w.len);
	vx_chan_get_text(&r, text, sizeof(text));
	ok(text[1] == '?', "control bytes in text made harmless");
	vx_chan_rd_init(&r, buf, 3);
	vx_chan_get_u32(&r);
	ok(r.err && !vx_chan_rd_done(&r), "reader stops at the end");
}

/* Reassembly */

#define OBJ_LEN 5000
#define CHUNK 1024

static uint8_t obj[OBJ_LEN];

static struct vx_chan_req chunk_req(uint32_t xfer, uint32_t i)
{
	uint32_t off = i * CHUNK;
	struct vx_chan_req q = {
		.op = VX_CHAN_LOAD_CHUNK, .xfer = xfer, .total = OBJ_LEN,
		.crc = vx_chan_crc32(0, obj, OBJ_LEN), .chunk_size = CHUNK, .offset = off,
		.data = { obj + off, OBJ_LEN - off < CHUNK ? OBJ_LEN - off : CHUNK },
	};
	return q;
}

static int put(struct chan_port *p, struct chan_global *g, struct vx_chan_req q, uint64_t now)
{
	struct chan_xfer *x;
	const char *why;

	return chan_xfer_chunk(p, g, &q, now, &x, &why);
}

static void test_reassembly_order(void)
{
	static const uint32_t order[] = { 4, 2, 0, 3, 1 };
	struct chan_port *p = calloc(1, sizeof(*p));
	struct chan_global g = { 0 };
	struct chan_xfer *x;
	unsigned int i;
	bool fine = true;

	for (i = 0; i < OBJ_LEN; i++)
		obj[i] = (uint8_t)(i * 7 + 3);
	for (i = 0; i < 5; i++)
		fine &= put(p, &g, chunk_req(9, order[i]), 1000) == CHAN_CHUNK_NEW;
	x = chan_xfer_find(p, 9);
	ok(fine && x && chan_xfer_complete(x) && x->bytes == OBJ_LEN &&
	   !memcmp(x->buf, obj, OBJ_LEN) && vx_chan_crc32(0, x->buf, OBJ_LEN) == x->crc,
	   "chunks out of order: object reassembled, checksum matches");
	ok(put(p, &g, chunk_req(9, 2), 1000) == CHAN_CHUNK_DUP && p->cnt.chunk_dups == 1 &&
	   x->have == 5, "duplicate chunk ignored and counted");
	ok(p->xfer_bytes == OBJ_LEN && g.xfer_bytes == OBJ_LEN, "memory accounted");
	chan_xfer_close(p, &g, x);
	ok(!chan_xfer_find(p, 9) && p->xfer_bytes == 0 && g.xfer_bytes == 0,
	   "closed transfer freed");
	ok(put(p, &g, chunk_req(9, 3), 1000) == CHAN_CHUNK_CLOSED && !chan_xfer_find(p, 9),
	   "late chunk of a finished transfer ignored, no new state");
	chan_port_clear(p, &g);
	free(p);
}

static void test_reassembly_loss(void)
{
	struct chan_port *p = calloc(1, sizeof(*p));
	struct chan_global g = { 0 };
	struct chan_xfer *x;
	unsigned int i;

	/* Chunk 3 lost the first time, sent again later (the client retransmits). */
	for (i = 0; i < 5; i++) {
		if (i != 3)
			put(p, &g, chunk_req(11, i), 2000);
	}
	x = chan_xfer_find(p, 11);
	ok(x && !chan_xfer_complete(x) && x->bytes == OBJ_LEN - CHUNK,
	   "lost chunk: transfer incomplete");
	ok(put(p, &g, chunk_req(11, 3), 2500) == CHAN_CHUNK_NEW && chan_xfer_complete(x) &&
	   !memcmp(x->buf, obj, OBJ_LEN), "retransmitted chunk completes it");
	chan_xfer_expire(p, &g, 2499);
	ok(chan_xfer_find(p, 11) == x, "a clock read before the last chunk expires nothing");
	chan_xfer_expire(p, &g, 2500 + CHAN_XFER_TIMEOUT_MS);
	ok(chan_xfer_find(p, 11) == x, "not expired at exactly the timeout");
	chan_port_clear(p, &g);
	free(p);
}

static void test_reassembly_bad(void)
{
	struct chan_port *p = calloc(1, sizeof(*p));
	struct chan_global g = { 0 };
	struct vx_chan_req q;

	q = chunk_req(1, 0);
	q.offset = 100;
	ok(put(p, &g, q, 0) == -EINVAL && !chan_xfer_find(p, 1), "unaligned offset refused");
	q = chunk_req(1, 0);
	q.data.len = 10;
	ok(put(p, &g, q, 0) == -EINVAL, "short chunk refused");
	q = chunk_req(1, 4);
	q.data.len = CHUNK;
	ok(put(p, &g, q, 0) == -EINVAL, "last chunk longer than the object's end refused");
	q = chunk_req(1, 0);
	q.total = VX_CHAN_OBJ_MAX + 1;
	ok(put(p, &g, q, 0) == -EINVAL, "object over 4 MiB refused");
	q = chunk_req(1, 0);
	q.total = 0;
	ok(put(p, &g, q, 0) == -EINVAL, "empty object refused");
	q = chunk_req(1, 0);
	q.chunk_size = 16;
	q.data.len = 16;
	ok(put(p, &g, q, 0) == -EINVAL, "tiny chunk size refused");
	q = chunk_req(1, 0);
	q.offset = OBJ_LEN + CHUNK - OBJ_LEN % CHUNK;
	ok(put(p, &g, q, 0) == -EINVAL, "offset past the end refused");
	ok(put(p, &g, chunk_req(1, 0), 0) == CHAN_CHUNK_NEW, "good chunk opens the transfer");
	q = chunk_req(1, 1);
	q.crc ^= 1;
	ok(put(p, &g, q, 0) == -EINVAL, "chunk with another checksum than its transfer refused");
	q = chunk_req(1, 1);
	q.total = OBJ_LEN - 1;
	ok(put(p, &g, q, 0) == -EINVAL, "chunk with another total than its transfer refused");
	ok(p->xfer_bytes == OBJ_LEN, "refused chunks took no memory");
	chan_port_clear(p, &g);
	free(p);
}

static void test_limits(void)
{
	struct chan_port *ports = calloc(20, sizeof(*ports));
	struct chan_global g = { 0 };
	struct vx_chan_req q = chunk_req(1, 0);
	unsigned int i, opened = 0;
	int r;

	ok(put(&ports[0], &g, chunk_req(1, 0), 0) == CHAN_CHUNK_NEW &&
	   put(&ports[0], &g, chunk_req(2, 0), 0) == CHAN_CHUNK_NEW,
	   "two transfers on one port");
	ok(put(&ports[0], &g, chunk_req(3, 0), 0) == -EBUSY && ports[0].cnt.xfers_refused == 1,
	   "a third refused (-EBUSY) and counted");
	ok(put(&ports[0], &g, chunk_req(3, 0), CHAN_XFER_TIMEOUT_MS + 1) == CHAN_CHUNK_NEW &&
	   ports[0].cnt.xfers_expired == 2 && ports[0].xfer_bytes == OBJ_LEN,
	   "idle transfers expire: room for a new one");
	chan_port_clear(&ports[0], &g);
	/* 4 MiB objects: two per port, 64 MiB over all ports. */
	q.total = VX_CHAN_OBJ_MAX;
	q.data.len = CHUNK;
	for (i = 1; i < 20; i++) {
		q.xfer = 100 + i;
		r = put(&ports[i], &g, q, 0);
		q.xfer = 200 + i;
		r = r == CHAN_CHUNK_NEW ? put(&ports[i], &g, q, 0) : r;
		if (r == CHAN_CHUNK_NEW)
			opened += 2;
		if (r != CHAN_CHUNK_NEW)
			break;
	}
	ok(opened == CHAN_TOTAL_XFER_BYTES / VX_CHAN_OBJ_MAX && r == -ENOSPC &&
	   g.xfer_bytes == CHAN_TOTAL_XFER_BYTES,
	   "reassembly memory bounded over all ports (%u transfers of 4 MiB)", opened);
	for (i = 0; i < 20; i++)
		chan_port_clear(&ports[i], &g);
	ok(g.xfer_bytes == 0, "all memory given back");
	free(ports);
}

static void test_cache(void)
{
	struct chan_port *p = calloc(1, sizeof(*p));
	uint8_t f[64] = { 1, 2, 3 };
	const struct chan_cached *c;
	unsigned int i;

	chan_cache_put(p, 5, 0xaa, f, sizeof(f));
	c = chan_cache_find(p, 5, 0xaa);
	ok(c && c->len == sizeof(f) && !memcmp(c->frame, f, sizeof(f)), "cached reply found");
	ok(!chan_cache_find(p, 5, 0xab), "same id, other request: not a duplicate");
	for (i = 0; i < CHAN_CACHE; i++)
		chan_cache_put(p, 100 + i, 0, f, sizeof(f));
	ok(!chan_cache_find(p, 5, 0xaa) && chan_cache_find(p, 100, 0),
	   "cache keeps the %d most recent", CHAN_CACHE);
	free(p);
}

int main(void)
{
	test_crc();
	test_requests();
	test_bad_bodies();
	test_parse();
	test_wr_rd();
	test_reassembly_order();
	test_reassembly_loss();
	test_reassembly_bad();
	test_limits();
	test_cache();
	return tap_done();
}
