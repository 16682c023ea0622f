// SPDX-License-Identifier: BSD-2-Clause
/*
 * chan_ops.c - the guest channel's operations: each decoded request done through the offload
 * registry (vx_off_*) as VX_OFF_GUEST for the port it arrived on, and its reply body written.
 * Formats in docs/guest-channel.md.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <vxbpf/map.h>
#include <vxoffload/offload.h>

#include "chan_priv.h"

static __attribute__((format(printf, 3, 4)))
void fail(struct chan_ctx *cx, int err, const char *fmt, ...)
{
	va_list ap;

	cx->status = err > 0 ? err : EIO;
	va_start(ap, fmt);
	vsnprintf(cx->msg, sizeof(cx->msg), fmt, ap);
	va_end(ap);
}

static void do_hello(struct chan_ctx *cx)
{
	vx_chan_put_u8(&cx->body, VX_CHAN_VERSION);
	vx_chan_put_u16(&cx->body, VX_CHAN_CHUNK_MAX);
	vx_chan_put_u32(&cx->body, VX_CHAN_OBJ_MAX);
	vx_chan_put_u8(&cx->body, CHAN_MAX_XFERS);
}

static void do_chunk(struct chan_ctx *cx, const struct vx_chan_req *q)
{
	struct chan_xfer *x;
	const char *why;
	int r;

	cx->p->cnt.chunks++;
	r = chan_xfer_chunk(cx->p, cx->g, q, cx->now_ms, &x, &why);
	if (r < 0) {
		fail(cx, -r, "chunk at %u of transfer %u: %s", q->offset, q->xfer, why);
		return;
	}
	vx_chan_put_u32(&cx->body, x ? x->bytes : q->total);
	vx_chan_put_u32(&cx->body, q->total);
}

/* The object is whole: check it, load it, attach it if asked (all or nothing). */
static void load_xfer(struct chan_ctx *cx, const struct vx_chan_req *q, struct chan_xfer *x)
{
	struct vx_error err = { .insn = -1 };
	uint32_t id = 0;
	int r;

	r = vx_off_obj_load(cx->off, cx->port, VX_OFF_GUEST, x->buf, x->total,
			    q->name[0] ? q->name : "object", &id, &err);
	if (r) {
		fail(cx, -r, "load: %s", err.msg[0] ? err.msg : strerror(-r));
		return;
	}
	cx->p->cnt.loads++;
	if (q->flags & VX_CHAN_F_ATTACH) {
		r = vx_off_attach(cx->off, cx->port, id, q->prog[0] ? q->prog : NULL, q->ifindex,
				  &err);
		if (r) {
			struct vx_error e2 = { .insn = -1 };

			vx_off_obj_unload(cx->off, cx->port, id, &e2);
			fail(cx, -r, "attach: %s (the object was not kept)",
			     err.msg[0] ? err.msg : strerror(-r));
			return;
		}
	}
	vx_chan_put_u32(&cx->body, id);
	vx_chan_put_u8(&cx->body, !!(q->flags & VX_CHAN_F_ATTACH));
}

static void do_commit(struct chan_ctx *cx, const struct vx_chan_req *q)
{
	struct chan_xfer *x = chan_xfer_find(cx->p, q->xfer);
	uint32_t crc;

	if (!x) {
		fail(cx, ENOENT, "transfer %u is not open (finished, expired or never started)",
		     q->xfer);
		return;
	}
	if (x->total != q->total || x->crc != q->crc) {
		fail(cx, EINVAL, "transfer %u: size or checksum differ from its chunks'", q->xfer);
		return;
	}
	if (!chan_xfer_complete(x)) {
		fail(cx, EAGAIN, "transfer %u incomplete: %u of %u bytes", q->xfer, x->bytes,
		     x->total);
		return;
	}
	crc = vx_chan_crc32(0, x->buf, x->total);
	if (crc != x->crc) {
		cx->p->cnt.bad_checksum++;
		fail(cx, EBADMSG, "transfer %u: checksum %08x, expected %08x; send it again",
		     q->xfer, crc, x->crc);
	} else {
		load_xfer(cx, q, x);
	}
	chan_xfer_close(cx->p, cx->g, x);
}

static void do_unload(struct chan_ctx *cx, const struct vx_chan_req *q)
{
	struct vx_error err = { .insn = -1 };
	int r = vx_off_obj_unload(cx->off, cx->port, q->obj, &err);

	if (r)
		fail(cx, -r, "unload %u: %s", q->obj, err.msg[0] ? err.msg : strerror(-r));
}

static void do_attach(struct chan_ctx *cx, const struct vx_chan_req *q)
{
	struct vx_error err = { .insn = -1 };
	int r = vx_off_attach(cx->off, cx->port, q->obj, q->prog[0] ? q->prog : NULL, q->ifindex,
			      &err);

	if (r)
		fail(cx, -r, "attach %u: %s", q->obj, err.msg[0] ? err.msg : strerror(-r));
}

static void do_detach(struct chan_ctx *cx)
{
	struct vx_error err = { .insn = -1 };
	int r = vx_off_detach(cx->off, cx->port, &err);

	if (r)
		fail(cx, -r, "detach: %s", err.msg[0] ? err.msg : strerror(-r));
}

/* The port's objects (caller frees); *n how many. */
static struct vx_off_obj_info *list_objs(struct chan_ctx *cx, unsigned int *n)
{
	struct vx_off_obj_info one, *all;

	*n = vx_off_list(cx->off, cx->port, &one, 1);
	all = calloc(*n ? *n : 1, sizeof(*all));
	if (all)
		*n = vx_off_list(cx->off, cx->port, all, *n);
	return all;
}

static void entry_of(const struct vx_off_obj_info *i, struct vx_chan_obj_entry *e)
{
	memset(e, 0, sizeof(*e));
	e->id = i->id;
	e->origin = i->origin == VX_OFF_HOST;
	e->attached = !!i->attached;
	e->nprogs = i->nprogs;
	e->nmaps = i->nmaps;
	e->insns = i->insns;
	e->map_bytes = i->map_bytes;
	snprintf(e->name, sizeof(e->name), "%s", i->name);
}

/* Append what put writes only when all of it fits; false when it did not. */
static bool append(struct vx_chan_wr *w, const struct vx_chan_wr *piece)
{
	if (piece->err || piece->len > w->cap - w->len)
		return false;
	vx_chan_put_bytes(w, piece->p, piece->len);
	return true;
}

static void do_list(struct chan_ctx *cx, const struct vx_chan_req *q)
{
	unsigned int n, i;
	struct vx_off_obj_info *all = list_objs(cx, &n);
	size_t count_at;
	uint8_t count = 0;

	if (!all) {
		fail(cx, ENOMEM, "list: out of memory");
		return;
	}
	vx_chan_put_u32(&cx->body, n);
	count_at = cx->body.len;
	vx_chan_put_u8(&cx->body, 0);
	for (i = q->cursor; i < n && count < 255; i++, count++) {
		struct vx_chan_obj_entry e;
		uint8_t tmp[256];
		struct vx_chan_wr w;

		entry_of(&all[i], &e);
		vx_chan_wr_init(&w, tmp, sizeof(tmp));
		vx_chan_put_obj_entry(&w, &e);
		if (!append(&cx->body, &w))
			break;
	}
	if (!cx->body.err)
		cx->body.p[count_at] = count;
	free(all);
}

static void do_info(struct chan_ctx *cx, const struct vx_chan_req *q)
{
	unsigned int n, i;
	struct vx_off_obj_info *all = list_objs(cx, &n), *info = NULL;
	size_t count_at;
	uint8_t count = 0;

	for (i = 0; all && i < n; i++) {
		if (all[i].id == q->obj)
			info = &all[i];
	}
	if (!info) {
		fail(cx, all ? ENOENT : ENOMEM, "object %u: not loaded on this port", q->obj);
		free(all);
		return;
	}
	vx_chan_put_u16(&cx->body, info->nprogs);
	vx_chan_put_u16(&cx->body, info->nmaps);
	count_at = cx->body.len;
	vx_chan_put_u8(&cx->body, 0);
	for (i = q->cursor; i < info->nprogs + info->nmaps && count < 255; i++, count++) {
		const char *name = i < info->nprogs ?
			vx_off_prog_name(cx->off, cx->port, q->obj, i) :
			vx_off_map_name(cx->off, cx->port, q->obj, i - info->nprogs);
		uint8_t tmp[VX_CHAN_STR_MAX + 1];
		struct vx_chan_wr w;

		vx_chan_wr_init(&w, tmp, sizeof(tmp));
		vx_chan_put_str(&w, name ? name : "?");
		if (!append(&cx->body, &w))
			break;
	}
	if (!cx->body.err)
		cx->body.p[count_at] = count;
	free(all);
}

/* The map a request names, with its key checked; NULL after fail(). */
static struct vx_map *req_map(struct chan_ctx *cx, const struct vx_chan_req *q, bool key_opt)
{
	struct vx_error err = { .insn = -1 };
	struct vx_map *map = vx_off_map(cx->off, cx->port, q->map, &err);
	const struct vx_map_def *def;

	if (!map) {
		fail(cx, ENOENT, "map %s: %s", q->map, err.msg[0] ? err.msg : "not found");
		return NULL;
	}
	def = vx_map_get_def(map);
	if (key_opt && q->key.len == 0)
		return map;
	if (q->key.len != def->key_size) {
		fail(cx, EINVAL, "map %s: key is %u bytes, got %u", q->map, def->key_size,
		     q->key.len);
		return NULL;
	}
	return map;
}

static void do_lookup(struct chan_ctx *cx, const struct vx_chan_req *q)
{
	struct vx_map *map = req_map(cx, q, false);
	size_t vsz;
	uint8_t *val;
	int r;

	if (!map)
		return;
	vsz = vx_map_cp_value_size(map);
	if (vsz + 2 > cx->body.cap) {
		fail(cx, E2BIG, "map %s: a value of %zu bytes does not fit a channel frame",
		     q->map, vsz);
		return;
	}
	val = calloc(1, vsz ? vsz : 1);
	if (!val) {
		fail(cx, ENOMEM, "out of memory");
		return;
	}
	r = vx_map_lookup(map, q->key.p, val);
	if (r)
		fail(cx, -r, "map %s: lookup: %s", q->map, strerror(-r));
	else
		vx_chan_put_blob(&cx->body, val, vsz);
	free(val);
}

static void do_update(struct chan_ctx *cx, const struct vx_chan_req *q)
{
	struct vx_map *map = req_map(cx, q, false);
	size_t vsz;
	int r;

	if (!map)
		return;
	vsz = vx_map_cp_value_size(map);
	if (q->value.len != vsz) {
		fail(cx, EINVAL, "map %s: value is %zu bytes, got %u", q->map, vsz, q->value.len);
		return;
	}
	r = vx_map_update(map, q->key.p, q->value.p, q->map_flags);
	if (r)
		fail(cx, -r, "map %s: update: %s", q->map, strerror(-r));
}

static void do_delete(struct chan_ctx *cx, const struct vx_chan_req *q)
{
	struct vx_map *map = req_map(cx, q, false);
	int r;

	if (!map)
		return;
	r = vx_map_delete(map, q->key.p);
	if (r)
		fail(cx, -r, "map %s: delete: %s", q->map, strerror(-r));
}

static void do_next(struct chan_ctx *cx, const struct vx_chan_req *q)
{
	struct vx_map *map = req_map(cx, q, true);
	uint8_t *next;
	size_t ksz;
	int r;

	if (!map)
		return;
	ksz = vx_map_get_def(map)->key_size;
	next = calloc(1, ksz ? ksz : 1);
	if (!next) {
		fail(cx, ENOMEM, "out of memory");
		return;
	}
	r = vx_map_get_next_key(map, q->key.len ? q->key.p : NULL, next);
	if (r)
		fail(cx, -r, "map %s: next key: %s", q->map, r == -ENOENT ? "no more keys" :
		     strerror(-r));
	else
		vx_chan_put_blob(&cx->body, next, ksz);
	free(next);
}

/*
 * Entries after q->key (or from the first) while they fit one reply; when more remain, the
 * key to continue after ends the reply. At most DUMP_STEPS keys are visited per page.
 */
#define DUMP_STEPS	4096

static void dump_page(struct chan_ctx *cx, const struct vx_chan_req *q, struct vx_map *map,
		      uint8_t *prev, uint8_t *key, uint8_t *val)
{
	size_t ksz = vx_map_get_def(map)->key_size, vsz = vx_map_cp_value_size(map);
	size_t count_at, more_at, room;
	bool have_prev = q->key.len != 0, more = false;
	unsigned int steps;
	uint16_t count = 0;
	int r = 0;

	if (have_prev)
		memcpy(prev, q->key.p, ksz);
	vx_chan_put_u16(&cx->body, ksz);
	vx_chan_put_u16(&cx->body, vsz);
	count_at = cx->body.len;
	vx_chan_put_u16(&cx->body, 0);
	more_at = cx->body.len;
	vx_chan_put_u8(&cx->body, 0);
	room = cx->body.cap - cx->body.len - (ksz + 2);	/* the cursor's place */
	for (steps = 0; steps < DUMP_STEPS; steps++) {
		r = vx_map_get_next_key(map, have_prev ? prev : NULL, key);
		if (r)
			break;
		if (vx_map_lookup(map, key, val) == 0) {
			if (ksz + vsz > room) {
				more = true;
				break;
			}
			vx_chan_put_bytes(&cx->body, key, ksz);
			vx_chan_put_bytes(&cx->body, val, vsz);
			room -= ksz + vsz;
			count++;
		}
		memcpy(prev, key, ksz);
		have_prev = true;
	}
	if (r && r != -ENOENT) {
		fail(cx, -r, "map %s: dump: %s", q->map, strerror(-r));
		return;
	}
	if (steps == DUMP_STEPS)
		more = true;
	cx->body.p[count_at] = count >> 8;
	cx->body.p[count_at + 1] = count;
	cx->body.p[more_at] = more;
	if (more)
		vx_chan_put_blob(&cx->body, prev, have_prev ? ksz : 0);
}

static void do_dump(struct chan_ctx *cx, const struct vx_chan_req *q)
{
	struct vx_map *map = req_map(cx, q, true);
	size_t ksz, vsz;
	uint8_t *prev, *key, *val;

	if (!map)
		return;
	ksz = vx_map_get_def(map)->key_size;
	vsz = vx_map_cp_value_size(map);
	if (2 * ksz + vsz + 9 > cx->body.cap || vsz > UINT16_MAX) {
		fail(cx, E2BIG, "map %s: an entry of %zu bytes does not fit a channel frame",
		     q->map, ksz + vsz);
		return;
	}
	prev = calloc(1, ksz + 1);
	key = calloc(1, ksz + 1);
	val = calloc(1, vsz + 1);
	if (prev && key && val)
		dump_page(cx, q, map, prev, key, val);
	else
		fail(cx, ENOMEM, "out of memory");
	free(prev);
	free(key);
	free(val);
}

static void put_counter(struct vx_chan_wr *w, const char *name, uint64_t v)
{
	vx_chan_put_str(w, name);
	vx_chan_put_u64(w, v);
}

static void do_counters(struct chan_ctx *cx)
{
	const struct chan_counters *k = &cx->p->cnt;
	struct vx_off_counters c;
	struct vx_chan_wr *w = &cx->body;

	vx_off_counters(cx->off, cx->port, &c);
	vx_chan_put_u8(w, 21);
	put_counter(w, "runs", c.runs);
	put_counter(w, "pass", c.pass);
	put_counter(w, "drop", c.drop);
	put_counter(w, "aborted", c.aborted);
	put_counter(w, "tx", c.tx);
	put_counter(w, "redirect", c.redirect);
	put_counter(w, "redirect_denied", c.redirect_denied);
	put_counter(w, "loop_drop", c.loop_drop);
	put_counter(w, "requests", c.requests);
	put_counter(w, "requests_refused", c.requests_refused);
	put_counter(w, "chan_frames", k->frames);
	put_counter(w, "chan_malformed", k->malformed + k->bad_version + k->oversize);
	put_counter(w, "chan_duplicates", k->duplicates);
	put_counter(w, "chan_rate_limited", k->rate_limited);
	put_counter(w, "chan_queue_full", k->queue_full);
	put_counter(w, "chan_chunks", k->chunks);
	put_counter(w, "chan_xfers", k->xfers);
	put_counter(w, "chan_xfers_expired", k->xfers_expired);
	put_counter(w, "chan_bad_checksum", k->bad_checksum);
	put_counter(w, "chan_errors", k->errors);
	put_counter(w, "chan_reply_drops", k->reply_drops);
}

void chan_do(struct chan_ctx *cx, const struct vx_chan_req *q)
{
	switch (q->op) {
	case VX_CHAN_HELLO: do_hello(cx); break;
	case VX_CHAN_LOAD_CHUNK: do_chunk(cx, q); break;
	case VX_CHAN_LOAD_COMMIT: do_commit(cx, q); break;
	case VX_CHAN_UNLOAD: do_unload(cx, q); break;
	case VX_CHAN_ATTACH: do_attach(cx, q); break;
	case VX_CHAN_DETACH: do_detach(cx); break;
	case VX_CHAN_LIST: do_list(cx, q); break;
	case VX_CHAN_OBJ_INFO: do_info(cx, q); break;
	case VX_CHAN_MAP_LOOKUP: do_lookup(cx, q); break;
	case VX_CHAN_MAP_UPDATE: do_update(cx, q); break;
	case VX_CHAN_MAP_DELETE: do_delete(cx, q); break;
	case VX_CHAN_MAP_NEXT: do_next(cx, q); break;
	case VX_CHAN_MAP_DUMP: do_dump(cx, q); break;
	case VX_CHAN_COUNTERS: do_counters(cx); break;
	default: fail(cx, EBADMSG, "unknown operation %u", q->op); break;
	}
	if (!cx->status && cx->body.err)
		fail(cx, E2BIG, "%s: the reply does not fit a channel frame", vx_chan_op_name(q->op));
}
