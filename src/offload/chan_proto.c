// SPDX-License-Identifier: BSD-2-Clause
/*
 * chan_proto.c - the guest channel's codec: headers, request bodies, reply pieces, CRC-32.
 * Pure functions over caller buffers; every read is bounds-checked (the input is a guest's).
 */
#include <errno.h>
#include <string.h>

#include <vxoffload/chan_proto.h>

static uint32_t crc_table[256];

static void crc_init(void)
{
	uint32_t i, j, c;

	for (i = 0; i < 256; i++) {
		c = i;
		for (j = 0; j < 8; j++)
			c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
		crc_table[i] = c;
	}
}

uint32_t vx_chan_crc32(uint32_t crc, const void *p, size_t n)
{
	const uint8_t *b = p;

	if (!crc_table[1])
		crc_init();
	crc = ~crc;
	while (n--)
		crc = crc_table[(crc ^ *b++) & 0xff] ^ (crc >> 8);
	return ~crc;
}

static const char *const op_names[] = {
	[VX_CHAN_HELLO] = "hello",
	[VX_CHAN_LOAD_CHUNK] = "load-chunk",
	[VX_CHAN_LOAD_COMMIT] = "load-commit",
	[VX_CHAN_UNLOAD] = "unload",
	[VX_CHAN_ATTACH] = "attach",
	[VX_CHAN_DETACH] = "detach",
	[VX_CHAN_LIST] = "list",
	[VX_CHAN_OBJ_INFO] = "obj-info",
	[VX_CHAN_MAP_LOOKUP] = "map-lookup",
	[VX_CHAN_MAP_UPDATE] = "map-update",
	[VX_CHAN_MAP_DELETE] = "map-delete",
	[VX_CHAN_MAP_NEXT] = "map-next",
	[VX_CHAN_MAP_DUMP] = "map-dump",
	[VX_CHAN_COUNTERS] = "counters",
};

const char *vx_chan_op_name(unsigned int op)
{
	op &= ~VX_CHAN_REPLY;
	if (op == 0 || op > VX_CHAN_OP_MAX)
		return "unknown";
	return op_names[op];
}

const char *vx_chan_perr_str(enum vx_chan_perr e)
{
	switch (e) {
	case VX_CHAN_OK: return "ok";
	case VX_CHAN_E_SHORT: return "frame shorter than the channel header";
	case VX_CHAN_E_ETYPE: return "not the channel's EtherType";
	case VX_CHAN_E_MAGIC: return "bad magic";
	case VX_CHAN_E_VERSION: return "unsupported version";
	case VX_CHAN_E_TRUNC: return "body shorter than its header says";
	case VX_CHAN_E_LONG: return "body longer than the channel allows";
	}
	return "?";
}

/* Writer */

void vx_chan_wr_init(struct vx_chan_wr *w, uint8_t *p, size_t cap)
{
	*w = (struct vx_chan_wr){ .p = p, .cap = cap };
}

static uint8_t *wr_take(struct vx_chan_wr *w, size_t n)
{
	uint8_t *p;

	if (w->err || n > w->cap - w->len) {
		w->err = true;
		return NULL;
	}
	p = w->p + w->len;
	w->len += n;
	return p;
}

void vx_chan_put_u8(struct vx_chan_wr *w, uint8_t v)
{
	uint8_t *p = wr_take(w, 1);

	if (p)
		p[0] = v;
}

void vx_chan_put_u16(struct vx_chan_wr *w, uint16_t v)
{
	uint8_t *p = wr_take(w, 2);

	if (p) {
		p[0] = v >> 8;
		p[1] = v;
	}
}

void vx_chan_put_u32(struct vx_chan_wr *w, uint32_t v)
{
	uint8_t *p = wr_take(w, 4);

	if (p) {
		p[0] = v >> 24;
		p[1] = v >> 16;
		p[2] = v >> 8;
		p[3] = v;
	}
}

void vx_chan_put_u64(struct vx_chan_wr *w, uint64_t v)
{
	uint8_t *p = wr_take(w, 8);
	int i;

	for (i = 0; p && i < 8; i++)
		p[i] = v >> (56 - 8 * i);
}

void vx_chan_put_bytes(struct vx_chan_wr *w, const void *src, size_t n)
{
	uint8_t *p = wr_take(w, n);

	if (p && n)
		memcpy(p, src, n);
}

void vx_chan_put_str(struct vx_chan_wr *w, const char *s)
{
	size_t n = strlen(s);

	if (n > VX_CHAN_STR_MAX) {
		w->err = true;
		return;
	}
	vx_chan_put_u8(w, n);
	vx_chan_put_bytes(w, s, n);
}

void vx_chan_put_blob(struct vx_chan_wr *w, const void *p, size_t n)
{
	if (n > UINT16_MAX) {
		w->err = true;
		return;
	}
	vx_chan_put_u16(w, n);
	vx_chan_put_bytes(w, p, n);
}

void vx_chan_put_text(struct vx_chan_wr *w, const char *s)
{
	size_t n = strlen(s), room;

	if (w->err || w->cap - w->len < 2) {
		w->err = true;
		return;
	}
	room = w->cap - w->len - 2;
	if (n > room)
		n = room;
	vx_chan_put_blob(w, s, n);
}

/* Reader */

void vx_chan_rd_init(struct vx_chan_rd *r, const uint8_t *p, size_t len)
{
	*r = (struct vx_chan_rd){ .p = p, .len = len };
}

const uint8_t *vx_chan_get_bytes(struct vx_chan_rd *r, size_t n)
{
	const uint8_t *p;

	if (r->err || n > r->len - r->off) {
		r->err = true;
		return NULL;
	}
	p = r->p + r->off;
	r->off += n;
	return p;
}

uint8_t vx_chan_get_u8(struct vx_chan_rd *r)
{
	const uint8_t *p = vx_chan_get_bytes(r, 1);

	return p ? p[0] : 0;
}

uint16_t vx_chan_get_u16(struct vx_chan_rd *r)
{
	const uint8_t *p = vx_chan_get_bytes(r, 2);

	return p ? (uint16_t)(p[0] << 8 | p[1]) : 0;
}

uint32_t vx_chan_get_u32(struct vx_chan_rd *r)
{
	uint32_t hi = vx_chan_get_u16(r);

	return hi << 16 | vx_chan_get_u16(r);
}

uint64_t vx_chan_get_u64(struct vx_chan_rd *r)
{
	uint64_t hi = vx_chan_get_u32(r);

	return hi << 32 | vx_chan_get_u32(r);
}

void vx_chan_get_str(struct vx_chan_rd *r, char *out, size_t cap)
{
	size_t n = vx_chan_get_u8(r);
	const uint8_t *p = vx_chan_get_bytes(r, n);

	out[0] = 0;
	if (!p)
		return;
	if (n >= cap || memchr(p, 0, n)) {
		r->err = true;
		return;
	}
	memcpy(out, p, n);
	out[n] = 0;
}

struct vx_chan_blob vx_chan_get_blob(struct vx_chan_rd *r)
{
	struct vx_chan_blob b = { NULL, 0 };
	uint16_t n = vx_chan_get_u16(r);
	const uint8_t *p = vx_chan_get_bytes(r, n);

	if (p) {
		b.p = p;
		b.len = n;
	}
	return b;
}

void vx_chan_get_text(struct vx_chan_rd *r, char *out, size_t cap)
{
	struct vx_chan_blob b = vx_chan_get_blob(r);
	size_t i, n = b.len < cap - 1 ? b.len : cap - 1;

	for (i = 0; i < n; i++)
		out[i] = (b.p[i] >= 0x20 && b.p[i] < 0x7f) ? (char)b.p[i] : '?';
	out[n] = 0;
}

bool vx_chan_rd_done(const struct vx_chan_rd *r)
{
	return !r->err && r->off == r->len;
}

/* Headers */

enum vx_chan_perr vx_chan_parse(const uint8_t *frame, size_t len, struct vx_chan_hdr *hdr,
				const uint8_t **body)
{
	const uint8_t *h = frame + VX_CHAN_ETH_HLEN;
	size_t avail;

	memset(hdr, 0, sizeof(*hdr));
	*body = NULL;
	if (len < VX_CHAN_ETH_HLEN + VX_CHAN_HDR_LEN)
		return VX_CHAN_E_SHORT;
	memcpy(hdr->dst, frame, 6);
	memcpy(hdr->src, frame + 6, 6);
	if ((frame[12] << 8 | frame[13]) != VX_CHAN_ETHERTYPE)
		return VX_CHAN_E_ETYPE;
	if (h[0] != VX_CHAN_MAGIC0 || h[1] != VX_CHAN_MAGIC1)
		return VX_CHAN_E_MAGIC;
	hdr->version = h[2];
	hdr->op = h[3];
	hdr->id = (uint32_t)h[4] << 24 | h[5] << 16 | h[6] << 8 | h[7];
	hdr->status = h[8] << 8 | h[9];
	hdr->body_len = h[10] << 8 | h[11];
	if (hdr->version != VX_CHAN_VERSION)
		return VX_CHAN_E_VERSION;
	if (hdr->body_len > VX_CHAN_BODY_MAX)
		return VX_CHAN_E_LONG;
	avail = len - VX_CHAN_ETH_HLEN - VX_CHAN_HDR_LEN;
	if (hdr->body_len > avail)
		return VX_CHAN_E_TRUNC;
	*body = h + VX_CHAN_HDR_LEN;
	return VX_CHAN_OK;
}

size_t vx_chan_put_hdr(uint8_t *frame, const struct vx_chan_hdr *hdr)
{
	uint8_t *h = frame + VX_CHAN_ETH_HLEN;

	memcpy(frame, hdr->dst, 6);
	memcpy(frame + 6, hdr->src, 6);
	frame[12] = VX_CHAN_ETHERTYPE >> 8;
	frame[13] = VX_CHAN_ETHERTYPE & 0xff;
	h[0] = VX_CHAN_MAGIC0;
	h[1] = VX_CHAN_MAGIC1;
	h[2] = hdr->version;
	h[3] = hdr->op;
	h[4] = hdr->id >> 24;
	h[5] = hdr->id >> 16;
	h[6] = hdr->id >> 8;
	h[7] = hdr->id;
	h[8] = hdr->status >> 8;
	h[9] = hdr->status;
	h[10] = hdr->body_len >> 8;
	h[11] = hdr->body_len;
	return VX_CHAN_ETH_HLEN + VX_CHAN_HDR_LEN;
}

/* Request bodies: one encoder and one decoder per op, in the same field order. */

static int enc_body(const struct vx_chan_req *q, struct vx_chan_wr *w)
{
	switch (q->op) {
	case VX_CHAN_HELLO:
	case VX_CHAN_DETACH:
	case VX_CHAN_COUNTERS:
		return 0;
	case VX_CHAN_LOAD_CHUNK:
		vx_chan_put_u32(w, q->xfer);
		vx_chan_put_u32(w, q->total);
		vx_chan_put_u32(w, q->crc);
		vx_chan_put_u16(w, q->chunk_size);
		vx_chan_put_u32(w, q->offset);
		vx_chan_put_bytes(w, q->data.p, q->data.len);
		return 0;
	case VX_CHAN_LOAD_COMMIT:
		vx_chan_put_u32(w, q->xfer);
		vx_chan_put_u32(w, q->total);
		vx_chan_put_u32(w, q->crc);
		vx_chan_put_u8(w, q->flags);
		vx_chan_put_u32(w, q->ifindex);
		vx_chan_put_str(w, q->name);
		vx_chan_put_str(w, q->prog);
		return 0;
	case VX_CHAN_UNLOAD:
		vx_chan_put_u32(w, q->obj);
		return 0;
	case VX_CHAN_ATTACH:
		vx_chan_put_u32(w, q->obj);
		vx_chan_put_u32(w, q->ifindex);
		vx_chan_put_str(w, q->prog);
		return 0;
	case VX_CHAN_LIST:
		vx_chan_put_u32(w, q->cursor);
		return 0;
	case VX_CHAN_OBJ_INFO:
		vx_chan_put_u32(w, q->obj);
		vx_chan_put_u32(w, q->cursor);
		return 0;
	case VX_CHAN_MAP_UPDATE:
		vx_chan_put_str(w, q->map);
		vx_chan_put_u64(w, q->map_flags);
		vx_chan_put_blob(w, q->key.p, q->key.len);
		vx_chan_put_blob(w, q->value.p, q->value.len);
		return 0;
	case VX_CHAN_MAP_LOOKUP:
	case VX_CHAN_MAP_DELETE:
	case VX_CHAN_MAP_NEXT:
	case VX_CHAN_MAP_DUMP:
		vx_chan_put_str(w, q->map);
		vx_chan_put_blob(w, q->key.p, q->key.len);
		return 0;
	}
	return -EINVAL;
}

int vx_chan_req_encode(const struct vx_chan_req *req, uint8_t *out, size_t cap)
{
	struct vx_chan_wr w;
	int err;

	if (cap > VX_CHAN_BODY_MAX)
		cap = VX_CHAN_BODY_MAX;
	vx_chan_wr_init(&w, out, cap);
	err = enc_body(req, &w);
	if (err)
		return err;
	return w.err ? -E2BIG : (int)w.len;
}

int vx_chan_req_frame(const struct vx_chan_req *req, const uint8_t dst[6], const uint8_t src[6],
		      uint8_t *frame, size_t cap)
{
	struct vx_chan_hdr h = { .version = VX_CHAN_VERSION, .op = req->op, .id = req->id };
	size_t hl = VX_CHAN_ETH_HLEN + VX_CHAN_HDR_LEN;
	int n;

	if (cap < hl)
		return -E2BIG;
	n = vx_chan_req_encode(req, frame + hl, cap - hl);
	if (n < 0)
		return n;
	memcpy(h.dst, dst, 6);
	memcpy(h.src, src, 6);
	h.body_len = n;
	vx_chan_put_hdr(frame, &h);
	return (int)hl + n;
}

static void dec_body(struct vx_chan_req *q, struct vx_chan_rd *r)
{
	switch (q->op) {
	case VX_CHAN_LOAD_CHUNK:
		q->xfer = vx_chan_get_u32(r);
		q->total = vx_chan_get_u32(r);
		q->crc = vx_chan_get_u32(r);
		q->chunk_size = vx_chan_get_u16(r);
		q->offset = vx_chan_get_u32(r);
		if (!r->err) {
			q->data.p = r->p + r->off;
			q->data.len = r->len - r->off;
			r->off = r->len;
		}
		return;
	case VX_CHAN_LOAD_COMMIT:
		q->xfer = vx_chan_get_u32(r);
		q->total = vx_chan_get_u32(r);
		q->crc = vx_chan_get_u32(r);
		q->flags = vx_chan_get_u8(r);
		q->ifindex = vx_chan_get_u32(r);
		vx_chan_get_str(r, q->name, sizeof(q->name));
		vx_chan_get_str(r, q->prog, sizeof(q->prog));
		return;
	case VX_CHAN_UNLOAD:
		q->obj = vx_chan_get_u32(r);
		return;
	case VX_CHAN_ATTACH:
		q->obj = vx_chan_get_u32(r);
		q->ifindex = vx_chan_get_u32(r);
		vx_chan_get_str(r, q->prog, sizeof(q->prog));
		return;
	case VX_CHAN_LIST:
		q->cursor = vx_chan_get_u32(r);
		return;
	case VX_CHAN_OBJ_INFO:
		q->obj = vx_chan_get_u32(r);
		q->cursor = vx_chan_get_u32(r);
		return;
	case VX_CHAN_MAP_UPDATE:
		vx_chan_get_str(r, q->map, sizeof(q->map));
		q->map_flags = vx_chan_get_u64(r);
		q->key = vx_chan_get_blob(r);
		q->value = vx_chan_get_blob(r);
		return;
	case VX_CHAN_MAP_LOOKUP:
	case VX_CHAN_MAP_DELETE:
	case VX_CHAN_MAP_NEXT:
	case VX_CHAN_MAP_DUMP:
		vx_chan_get_str(r, q->map, sizeof(q->map));
		q->key = vx_chan_get_blob(r);
		return;
	}
}

int vx_chan_req_decode(uint8_t op, uint32_t id, const uint8_t *body, size_t len,
		       struct vx_chan_req *req, const char **why)
{
	struct vx_chan_rd r;

	memset(req, 0, sizeof(*req));
	req->op = op;
	req->id = id;
	*why = NULL;
	if (op == 0 || op > VX_CHAN_OP_MAX) {
		*why = "unknown operation";
		return -EBADMSG;
	}
	vx_chan_rd_init(&r, body, len);
	dec_body(req, &r);
	if (r.err) {
		*why = "body truncated or a name too long or holding a NUL byte";
		return -EBADMSG;
	}
	if (r.off != r.len) {
		*why = "trailing bytes after the body";
		return -EBADMSG;
	}
	return 0;
}

/* Reply pieces */

void vx_chan_put_obj_entry(struct vx_chan_wr *w, const struct vx_chan_obj_entry *e)
{
	vx_chan_put_u32(w, e->id);
	vx_chan_put_u8(w, e->origin);
	vx_chan_put_u8(w, e->attached);
	vx_chan_put_u16(w, e->nprogs);
	vx_chan_put_u16(w, e->nmaps);
	vx_chan_put_u32(w, e->insns);
	vx_chan_put_u64(w, e->map_bytes);
	vx_chan_put_str(w, e->name);
}

void vx_chan_get_obj_entry(struct vx_chan_rd *r, struct vx_chan_obj_entry *e)
{
	e->id = vx_chan_get_u32(r);
	e->origin = vx_chan_get_u8(r);
	e->attached = vx_chan_get_u8(r);
	e->nprogs = vx_chan_get_u16(r);
	e->nmaps = vx_chan_get_u16(r);
	e->insns = vx_chan_get_u32(r);
	e->map_bytes = vx_chan_get_u64(r);
	vx_chan_get_str(r, e->name, sizeof(e->name));
}
