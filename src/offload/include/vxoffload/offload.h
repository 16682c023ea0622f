/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * vxoffload/offload.h - the per-port offload registry: the XDP objects a guest (or the host) has
 * loaded for one switch port, the program attached to the port's hook, quotas, counters.
 *
 * Every operation names the port it acts for; that port is the caller's identity (the guest
 * channel passes the port a request arrived on, the control socket the port the operator
 * named), so a guest reaches only its own port's objects. Objects are identified by a small
 * per-port id; maps by name, looked up in the port's objects (newest first), or as
 * "ID/NAME" to pick one object's map.
 *
 * Maps pinned by name (`pinning = LIBBPF_PIN_BY_NAME`) live in the port's namespace, as in
 * libbpf's pin directory: an object that pins a name one of the port's objects already pins
 * shares that map if the definitions agree (type, key and value size, max_entries, flags) and
 * is refused naming the map and the attribute otherwise; program arrays are not shared. The map
 * lives until the last object using it is unloaded, is never seen from another port, and counts
 * once in the port's map memory.
 *
 * Threading: all calls on one thread (the control thread). Attaching publishes the program to
 * the datapath with RCU; the switch's workers never block on these calls.
 * Errors: 0 or a negative errno; on failure err->msg says what went wrong in words.
 */
#ifndef VXOFFLOAD_OFFLOAD_H
#define VXOFFLOAD_OFFLOAD_H

#include <stddef.h>
#include <stdint.h>

#include <vxbpf/error.h>
#include <vxbpf/xdp.h>
#include <vxdp/switch.h>

/* The guest channel's EtherType: IEEE 802 Local Experimental EtherType 1. */
#define VX_OFF_ETHERTYPE	0x88b5

#define VX_OFF_NAME_MAX		64
#define VX_OFF_OBJ_MAX_BYTES	(4u << 20)	/* largest object the channel carries */

/* Per-port quotas; 0 in a field of vx_offload_new()'s argument means the default. */
struct vx_off_limits {
	unsigned int max_objects;	/* default 8 */
	unsigned int max_insns;		/* all programs of all objects; default 262144 */
	uint64_t max_map_bytes;		/* declared size of all maps; default 64 MiB */
	unsigned int max_req_per_s;	/* guest channel requests; default 1000 */
};

/* Whose request: the policy differs (helper class, quotas). */
enum vx_off_origin {
	VX_OFF_GUEST,		/* from the guest channel: VX_HELPER_GUEST, quotas enforced */
	VX_OFF_HOST,		/* from the control socket: trusted helper class, no quotas */
};

struct vx_off_obj_info {
	uint32_t id;
	char name[VX_OFF_NAME_MAX];
	enum vx_off_origin origin;
	unsigned int nprogs, nmaps;
	unsigned int insns;
	uint64_t map_bytes;	/* declared bytes of the maps it uses, shared ones included */
	int attached;		/* one of its programs is attached to the port */
};

/* Counters of the port's hook, per action and per kind of refusal. */
struct vx_off_counters {
	uint64_t runs;
	uint64_t aborted, drop, pass, tx, redirect;
	uint64_t redirect_denied;	/* REDIRECT to a port the policy does not allow, or none */
	uint64_t loop_drop;		/* TX/REDIRECT chains cut at the re-entry limit */
	uint64_t requests, requests_refused;	/* guest channel */
};

struct vx_offload;

struct vx_offload *vx_offload_new(struct vx_switch *sw, const struct vx_off_limits *defaults);
/* Detaches every program (waits for the workers to let go) and frees every object. */
void vx_offload_free(struct vx_offload *off);

int vx_off_set_limits(struct vx_offload *off, unsigned int port, const struct vx_off_limits *lim);
int vx_off_get_limits(struct vx_offload *off, unsigned int port, struct vx_off_limits *out);

/*
 * Charge one guest-channel request to port's rate quota: 0, or -EBUSY when over
 * max_req_per_s (the channel answers with an error and counts it).
 */
int vx_off_charge_request(struct vx_offload *off, unsigned int port);

/*
 * Load an ELF object (copied; name is for messages and lists) and prepare every program:
 * verified for the origin's helper class and compiled for the switch's engine. *id on success.
 */
int vx_off_obj_load(struct vx_offload *off, unsigned int port, enum vx_off_origin origin,
		    const void *elf, size_t len, const char *name, uint32_t *id,
		    struct vx_error *err);
/* Unload (detaching first if one of its programs is attached). */
int vx_off_obj_unload(struct vx_offload *off, unsigned int port, uint32_t id,
		      struct vx_error *err);
/*
 * Attach program prog (by function name; NULL: the object's first program) of object id to the
 * port's hook, replacing what was attached. ifindex: what the program reads as ingress_ifindex
 * (the guest's own ifindex for its NIC; 0: the port's switch ifindex, index + 1).
 */
int vx_off_attach(struct vx_offload *off, unsigned int port, uint32_t id, const char *prog,
		  uint32_t ifindex, struct vx_error *err);
int vx_off_detach(struct vx_offload *off, unsigned int port, struct vx_error *err);

/* The port's objects, oldest first: fills up to max, returns how many there are. */
unsigned int vx_off_list(struct vx_offload *off, unsigned int port, struct vx_off_obj_info *out,
			 unsigned int max);
/* Names of object id's programs and maps (for listings); NULL when out of range. */
const char *vx_off_prog_name(struct vx_offload *off, unsigned int port, uint32_t id,
			     unsigned int i);
const char *vx_off_map_name(struct vx_offload *off, unsigned int port, uint32_t id,
			    unsigned int i);

/*
 * A map of the port's objects by name ("NAME" or "ID/NAME"); NULL with *err set. Use the
 * vxbpf/map.h control API on it (vx_map_get_def gives key and value sizes). Valid until the
 * next unload on this port.
 */
struct vx_map *vx_off_map(struct vx_offload *off, unsigned int port, const char *name,
			  struct vx_error *err);

void vx_off_counters(struct vx_offload *off, unsigned int port, struct vx_off_counters *out);
/* Counted by the guest channel. */
void vx_off_count_request(struct vx_offload *off, unsigned int port, int refused);

/* Host policy: may a program attached to port from redirect frames to port to? Default: no. */
int vx_off_allow_redirect(struct vx_offload *off, unsigned int from, unsigned int to, int allow);

/*
 * The engine programs are prepared for and run with (before the first load; default the JIT
 * where vx_jit_supported(), else the interpreter). Objects loaded for the JIT may also be
 * attached to run in the interpreter, not the other way round.
 */
void vx_off_set_engine(struct vx_offload *off, enum vx_engine engine);
enum vx_engine vx_off_engine(const struct vx_offload *off);
/* vx_off_attach() with an engine for this attachment; engine < 0: the registry's. */
int vx_off_attach_engine(struct vx_offload *off, unsigned int port, uint32_t id,
			 const char *prog, uint32_t ifindex, int engine, struct vx_error *err);
/* What is attached to port: object id (0: nothing), program name, ifindex, engine. */
uint32_t vx_off_attached(struct vx_offload *off, unsigned int port, const char **prog,
			 uint32_t *ifindex, enum vx_engine *engine);
/* May port from's program redirect to to? (the policy vx_off_allow_redirect sets) */
int vx_off_redirect_allowed(struct vx_offload *off, unsigned int from, unsigned int to);

#endif /* VXOFFLOAD_OFFLOAD_H */
