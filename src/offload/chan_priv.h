/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * chan_priv.h - the guest channel server's per-port state, shared by chan.c (the server),
 * chan_xfer.c (object reassembly and the reply cache) and the tests and fuzz target: none of it
 * does I/O, so it runs without a switch.
 */
#ifndef VXOFFLOAD_CHAN_PRIV_H
#define VXOFFLOAD_CHAN_PRIV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <vxoffload/chan_proto.h>

#define CHAN_MAX_XFERS		2		/* concurrent transfers per port */
#define CHAN_PORT_XFER_BYTES	(8u << 20)	/* reassembly memory per port */
#define CHAN_TOTAL_XFER_BYTES	(64u << 20)	/* reassembly memory of all ports together */
#define CHAN_XFER_TIMEOUT_MS	10000		/* a transfer with no chunk for this long is dropped */
#define CHAN_CACHE		8		/* recent replies kept per port */
#define CHAN_CLOSED		8		/* recently finished transfer ids per port */

/* Per-port counters of the channel (also reported by COUNTERS). */
struct chan_counters {
	uint64_t frames;		/* handed to the server */
	uint64_t malformed;		/* bad header or body (answered when it could be) */
	uint64_t ignored;		/* not ours (magic), replies, runts: never answered */
	uint64_t bad_version;
	uint64_t oversize;		/* longer than VX_CHAN_FRAME_MAX */
	uint64_t queue_full;		/* dropped before the control thread saw them */
	uint64_t duplicates;		/* answered from the reply cache */
	uint64_t rate_limited;
	uint64_t chunks, chunk_dups;
	uint64_t xfers, xfers_expired, xfers_refused, bad_checksum;
	uint64_t loads, errors;		/* replies with a non-zero status */
	uint64_t reply_drops;		/* replies the port had no room for */
};

struct chan_xfer {
	bool used;
	uint32_t id, total, crc;
	uint16_t chunk;
	uint32_t nchunks, have;		/* chunks expected, received */
	uint32_t bytes;			/* bytes received */
	uint8_t *buf, *bitmap;
	uint64_t last_ms;
};

struct chan_cached {
	bool used;
	uint32_t id, req_crc;
	uint16_t len;
	uint8_t frame[VX_CHAN_FRAME_MAX];
};

struct chan_port {
	struct chan_xfer xfers[CHAN_MAX_XFERS];
	uint64_t xfer_bytes;
	uint32_t closed[CHAN_CLOSED];
	unsigned int nclosed, closed_next;
	struct chan_cached cache[CHAN_CACHE];
	unsigned int cache_next;
	struct chan_counters cnt;
};

/* Reassembly memory of all ports. */
struct chan_global {
	uint64_t xfer_bytes;
};

enum chan_chunk_res {
	CHAN_CHUNK_NEW,		/* stored */
	CHAN_CHUNK_DUP,		/* already had it: ignored */
	CHAN_CHUNK_CLOSED,	/* the transfer already finished: ignored */
};

/*
 * Take one LOAD_CHUNK request for port state p: opens the transfer on its first chunk (within
 * the limits), checks the chunk against it, stores it. A chunk_res, or a negative errno with
 * *why (-EINVAL bad geometry or mismatch with the open transfer, -ENOSPC/-EBUSY limits).
 * *x is the transfer when one is open.
 */
int chan_xfer_chunk(struct chan_port *p, struct chan_global *g, const struct vx_chan_req *q,
		    uint64_t now_ms, struct chan_xfer **x, const char **why);
struct chan_xfer *chan_xfer_find(struct chan_port *p, uint32_t id);
bool chan_xfer_complete(const struct chan_xfer *x);
bool chan_xfer_was_closed(const struct chan_port *p, uint32_t id);
/* Free a transfer and remember its id as finished. */
void chan_xfer_close(struct chan_port *p, struct chan_global *g, struct chan_xfer *x);
/* Drop transfers idle longer than CHAN_XFER_TIMEOUT_MS (counted). */
void chan_xfer_expire(struct chan_port *p, struct chan_global *g, uint64_t now_ms);
/* Free everything a port holds. */
void chan_port_clear(struct chan_port *p, struct chan_global *g);

/* The cached reply to request id with this body CRC, or NULL. */
const struct chan_cached *chan_cache_find(const struct chan_port *p, uint32_t id,
					  uint32_t req_crc);
void chan_cache_put(struct chan_port *p, uint32_t id, uint32_t req_crc, const uint8_t *frame,
		    size_t len);

/* One request being answered (chan_ops.c): the registry, the caller's port and its state. */
struct vx_offload;
struct chan_ctx {
	struct vx_offload *off;
	unsigned int port;
	struct chan_port *p;
	struct chan_global *g;
	uint64_t now_ms;
	struct vx_chan_wr body;		/* the reply body on success */
	uint16_t status;		/* 0 or a positive errno */
	char msg[320];			/* the error text when status != 0 */
};

/* Do request q (already decoded) and fill cx's reply. */
void chan_do(struct chan_ctx *cx, const struct vx_chan_req *q);

/* The server with its transport replaced (tests, fuzzing): no switch, no sink. */
struct vx_chan;
typedef int (*chan_send_fn)(void *arg, unsigned int port, const void *frame, size_t len);
struct vx_chan *chan_new_raw(struct vx_offload *off, unsigned int nports, chan_send_fn send,
			     void *arg);
/* Handle one frame from port as the control thread does (oversize: it was cut). */
void chan_handle(struct vx_chan *c, unsigned int port, const uint8_t *frame, size_t len,
		 bool oversize);
const struct chan_counters *chan_counters(const struct vx_chan *c, unsigned int port);

#endif /* VXOFFLOAD_CHAN_PRIV_H */
