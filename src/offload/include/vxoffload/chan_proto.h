/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * vxoffload/chan_proto.h - the guest channel's wire format (docs/guest-channel.md): frame
 * header, request bodies, reply pieces, and the bounded readers and writers both sides build
 * them with. No I/O and no state: the server (chan.c) and the clients (chan_client.c, vxdp-guest,
 * vguest) share it. Every decoder treats its input as hostile: lengths are checked before
 * every read, strings must be short and free of NUL bytes, and trailing bytes are an error.
 */
#ifndef VXOFFLOAD_CHAN_PROTO_H
#define VXOFFLOAD_CHAN_PROTO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define VX_CHAN_ETHERTYPE	0x88b5	/* = VX_OFF_ETHERTYPE */
#define VX_CHAN_VERSION		1
#define VX_CHAN_MAGIC0		'V'
#define VX_CHAN_MAGIC1		'X'

#define VX_CHAN_ETH_HLEN	14
#define VX_CHAN_HDR_LEN		12	/* magic, version, op, id, status, body length */
#define VX_CHAN_PAYLOAD_MAX	1500	/* channel header + body: one default-MTU frame */
#define VX_CHAN_BODY_MAX	(VX_CHAN_PAYLOAD_MAX - VX_CHAN_HDR_LEN)
#define VX_CHAN_FRAME_MAX	(VX_CHAN_ETH_HLEN + VX_CHAN_PAYLOAD_MAX)
#define VX_CHAN_CHUNK_HDR	18	/* xfer, total, crc, chunk size, offset */
#define VX_CHAN_CHUNK_MAX	(VX_CHAN_BODY_MAX - VX_CHAN_CHUNK_HDR)
#define VX_CHAN_CHUNK_MIN	64
#define VX_CHAN_OBJ_MAX		(4u << 20)
#define VX_CHAN_STR_MAX		127	/* names on the wire */
#define VX_CHAN_REPLY		0x80	/* op bit of replies */

/* The host's address replies come from (a locally administered unicast MAC). */
#define VX_CHAN_HOST_MAC	{ 0x02, 0x76, 0x78, 0x64, 0x70, 0x00 }

enum vx_chan_op {
	VX_CHAN_HELLO = 1,
	VX_CHAN_LOAD_CHUNK,
	VX_CHAN_LOAD_COMMIT,
	VX_CHAN_UNLOAD,
	VX_CHAN_ATTACH,
	VX_CHAN_DETACH,
	VX_CHAN_LIST,
	VX_CHAN_OBJ_INFO,
	VX_CHAN_MAP_LOOKUP,
	VX_CHAN_MAP_UPDATE,
	VX_CHAN_MAP_DELETE,
	VX_CHAN_MAP_NEXT,
	VX_CHAN_MAP_DUMP,
	VX_CHAN_COUNTERS,
	VX_CHAN_OP_MAX = VX_CHAN_COUNTERS,
};

#define VX_CHAN_F_ATTACH	0x01	/* LOAD_COMMIT: attach once loaded (atomic: unload on failure) */

/* The decoded channel header. */
struct vx_chan_hdr {
	uint8_t dst[6], src[6];
	uint8_t version;
	uint8_t op;		/* with VX_CHAN_REPLY in replies */
	uint32_t id;
	uint16_t status;	/* replies: 0 or a positive errno */
	uint16_t body_len;
};

/* Why a frame was not accepted (vx_chan_parse). */
enum vx_chan_perr {
	VX_CHAN_OK = 0,
	VX_CHAN_E_SHORT,	/* shorter than the two headers: ignored */
	VX_CHAN_E_ETYPE,	/* not our EtherType: ignored */
	VX_CHAN_E_MAGIC,	/* our EtherType, someone else's protocol: ignored */
	VX_CHAN_E_VERSION,	/* answered with EPROTONOSUPPORT */
	VX_CHAN_E_TRUNC,	/* body shorter than the header says: answered */
	VX_CHAN_E_LONG,		/* body longer than VX_CHAN_BODY_MAX: answered */
};

/* A byte range inside a frame (decode) or the caller's memory (encode). */
struct vx_chan_blob {
	const uint8_t *p;
	uint16_t len;
};

/* Every request's fields; each op uses the ones docs/guest-channel.md lists for it. */
struct vx_chan_req {
	uint8_t op;
	uint32_t id;
	uint32_t xfer, total, crc;		/* LOAD_CHUNK, LOAD_COMMIT */
	uint16_t chunk_size;			/* LOAD_CHUNK */
	uint32_t offset;			/* LOAD_CHUNK */
	struct vx_chan_blob data;		/* LOAD_CHUNK: the rest of the body */
	uint8_t flags;				/* LOAD_COMMIT */
	uint32_t ifindex;			/* LOAD_COMMIT, ATTACH */
	uint32_t obj;				/* UNLOAD, ATTACH, OBJ_INFO */
	uint32_t cursor;			/* LIST, OBJ_INFO */
	char name[VX_CHAN_STR_MAX + 1];		/* LOAD_COMMIT: object name */
	char prog[VX_CHAN_STR_MAX + 1];		/* LOAD_COMMIT, ATTACH: "" = first program */
	char map[VX_CHAN_STR_MAX + 1];		/* MAP_*: "NAME" or "ID/NAME" */
	uint64_t map_flags;			/* MAP_UPDATE: BPF_ANY/NOEXIST/EXIST */
	struct vx_chan_blob key, value;		/* MAP_*: key (empty = first for NEXT/DUMP) */
};

/* Bounded writer: any overflow sets err and writes nothing more. */
struct vx_chan_wr {
	uint8_t *p;
	size_t cap, len;
	bool err;
};

/* Bounded reader: any short read sets err and returns zeros. */
struct vx_chan_rd {
	const uint8_t *p;
	size_t len, off;
	bool err;
};

/* CRC-32 (IEEE 802.3, as zlib's crc32): start with crc 0. */
uint32_t vx_chan_crc32(uint32_t crc, const void *p, size_t n);

const char *vx_chan_op_name(unsigned int op);
const char *vx_chan_perr_str(enum vx_chan_perr e);

/*
 * Parse the Ethernet and channel headers of frame[0..len). On VX_CHAN_OK, *body points at
 * hdr->body_len bytes (Ethernet padding after them is ignored). On E_VERSION, E_TRUNC and E_LONG
 * hdr is filled (id, op, src) so the server can answer.
 */
enum vx_chan_perr vx_chan_parse(const uint8_t *frame, size_t len, struct vx_chan_hdr *hdr,
				const uint8_t **body);

/* Write both headers for a body of body_len bytes at frame[0..]; returns the header length. */
size_t vx_chan_put_hdr(uint8_t *frame, const struct vx_chan_hdr *hdr);

/* A request's body into out[0..cap): its length, or -E2BIG, -EINVAL (bad op or field). */
int vx_chan_req_encode(const struct vx_chan_req *req, uint8_t *out, size_t cap);
/* A whole request frame: its length, or a negative errno. */
int vx_chan_req_frame(const struct vx_chan_req *req, const uint8_t dst[6], const uint8_t src[6],
		      uint8_t *frame, size_t cap);
/*
 * Decode a request body of op: 0, or -EBADMSG with *why saying what is wrong (unknown op,
 * truncated, trailing bytes, a string too long or with a NUL, a chunk of the wrong length).
 * Blobs point into body.
 */
int vx_chan_req_decode(uint8_t op, uint32_t id, const uint8_t *body, size_t len,
		       struct vx_chan_req *req, const char **why);

/* Writer and reader primitives (big-endian numbers; str: u8 length; blob and text: u16). */
void vx_chan_wr_init(struct vx_chan_wr *w, uint8_t *p, size_t cap);
void vx_chan_put_u8(struct vx_chan_wr *w, uint8_t v);
void vx_chan_put_u16(struct vx_chan_wr *w, uint16_t v);
void vx_chan_put_u32(struct vx_chan_wr *w, uint32_t v);
void vx_chan_put_u64(struct vx_chan_wr *w, uint64_t v);
void vx_chan_put_bytes(struct vx_chan_wr *w, const void *p, size_t n);
void vx_chan_put_str(struct vx_chan_wr *w, const char *s);	/* err if > VX_CHAN_STR_MAX */
void vx_chan_put_blob(struct vx_chan_wr *w, const void *p, size_t n);
void vx_chan_put_text(struct vx_chan_wr *w, const char *s);	/* truncated to fit */

void vx_chan_rd_init(struct vx_chan_rd *r, const uint8_t *p, size_t len);
uint8_t vx_chan_get_u8(struct vx_chan_rd *r);
uint16_t vx_chan_get_u16(struct vx_chan_rd *r);
uint32_t vx_chan_get_u32(struct vx_chan_rd *r);
uint64_t vx_chan_get_u64(struct vx_chan_rd *r);
const uint8_t *vx_chan_get_bytes(struct vx_chan_rd *r, size_t n);
/* A str into out (NUL-terminated); err when longer than cap - 1 or holding a NUL. */
void vx_chan_get_str(struct vx_chan_rd *r, char *out, size_t cap);
struct vx_chan_blob vx_chan_get_blob(struct vx_chan_rd *r);
/* A text (error message) into out, cut to cap - 1, non-printable bytes replaced by '?'. */
void vx_chan_get_text(struct vx_chan_rd *r, char *out, size_t cap);
/* True when all was read without error. */
bool vx_chan_rd_done(const struct vx_chan_rd *r);

/* Reply pieces shared by both sides (formats in docs/guest-channel.md). */
struct vx_chan_obj_entry {
	uint32_t id;
	uint8_t origin;		/* 0 guest, 1 host */
	uint8_t attached;
	uint16_t nprogs, nmaps;
	uint32_t insns;
	uint64_t map_bytes;
	char name[VX_CHAN_STR_MAX + 1];
};
void vx_chan_put_obj_entry(struct vx_chan_wr *w, const struct vx_chan_obj_entry *e);
void vx_chan_get_obj_entry(struct vx_chan_rd *r, struct vx_chan_obj_entry *e);

#endif /* VXOFFLOAD_CHAN_PROTO_H */
