// SPDX-License-Identifier: BSD-2-Clause
/*
 * offload.c - the per-port offload registry: objects loaded for a port (verified for the
 * origin's helper class, compiled for the engine, charged to the port's quotas), the program
 * attached to the port's hook (published with RCU), maps by name.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <vxbpf/helper.h>
#include <vxbpf/jit.h>
#include <vxbpf/map.h>

#include "offload_priv.h"

struct vx_offload *vx_offload_new(struct vx_switch *sw, const struct vx_off_limits *defaults)
{
	struct vx_offload *off = calloc(1, sizeof(*off));
	unsigned int i;

	if (!off)
		return NULL;
	off->sw = sw;
	if (defaults)
		off->defaults = *defaults;
	off_limits_fill(&off->defaults, NULL);
	off->engine = vx_jit_supported() ? VX_ENGINE_JIT : VX_ENGINE_INTERP;
	for (i = 0; i < VX_SW_MAX_PORTS; i++) {
		off->ports[i].lim = off->defaults;
		off->ports[i].next_id = 1;
	}
	return off;
}

void vx_off_set_engine(struct vx_offload *off, enum vx_engine engine)
{
	off->engine = engine;
}

enum vx_engine vx_off_engine(const struct vx_offload *off)
{
	return off->engine;
}

/* Publish x on the port and free what was there once no worker can still run it. */
static void publish(struct vx_offload *off, unsigned int port, struct vx_dp_xdp *x,
		    struct off_obj *o)
{
	struct off_port *p = &off->ports[port];
	struct vx_dp_xdp *old = vx_dp_xdp_publish(vx_switch_port(off->sw, port), x);

	p->attached = x;
	p->attached_obj = o;
	if (old) {
		vx_rcu_synchronize();
		free(old);
	}
}

static void obj_free(struct off_obj *o)
{
	vx_obj_close(o->obj);
	free(o);
}

void vx_offload_free(struct vx_offload *off)
{
	unsigned int i;

	if (!off)
		return;
	for (i = 0; i < vx_switch_nports(off->sw); i++) {
		struct off_port *p = &off->ports[i];

		if (p->attached)
			publish(off, i, NULL, NULL);
		while (p->objs) {
			struct off_obj *o = p->objs;

			p->objs = o->next;
			obj_free(o);
		}
	}
	free(off);
}

static struct off_obj *find_obj(struct off_port *p, uint32_t id)
{
	struct off_obj *o;

	for (o = p->objs; o; o = o->next) {
		if (o->id == id)
			return o;
	}
	return NULL;
}

static unsigned int count_insns(const struct vx_obj *obj)
{
	unsigned int sum = 0;
	size_t i, len;

	for (i = 0; i < vx_obj_prog_count(obj); i++) {
		vx_prog_insns(vx_obj_prog(obj, i), &len);
		sum += (unsigned int)len;
	}
	return sum;
}

static uint64_t count_map_bytes(const struct vx_obj *obj)
{
	uint64_t sum = 0;
	size_t i;

	for (i = 0; i < vx_obj_map_count(obj); i++)
		sum += vx_map_def_bytes(vx_map_get_def(vx_obj_map(obj, i)));
	return sum;
}

/* Whether an object before stop in the port's list (or stop's maps before i) has map m. */
static bool counted(const struct off_port *p, const struct off_obj *stop, size_t i,
		    const struct vx_map *m)
{
	const struct off_obj *o;
	size_t k;

	for (o = p->objs; o; o = o->next) {
		size_t n = o == stop ? i : vx_obj_map_count(o->obj);

		for (k = 0; k < n; k++)
			if (vx_obj_map(o->obj, k) == m)
				return true;
		if (o == stop)
			return false;
	}
	return false;
}

/* The declared bytes of the port's maps, a map shared by several objects counted once. */
static uint64_t port_map_bytes(const struct off_port *p)
{
	const struct off_obj *o;
	uint64_t sum = 0;
	size_t i;

	for (o = p->objs; o; o = o->next)
		for (i = 0; i < vx_obj_map_count(o->obj); i++) {
			const struct vx_map *m = vx_obj_map(o->obj, i);

			if (!vx_obj_map_shared(o->obj, i) || !counted(p, o, i, m))
				sum += vx_map_def_bytes(vx_map_get_def(m));
		}
	return sum;
}

/*
 * The port's pin namespace (vx_obj_opts.pinned_map), as libbpf's pin directory: a map pinned by
 * name in one of the port's objects. All the port's objects that pin a name share one map, so
 * the first found is the one.
 */
static struct vx_map *port_pinned_map(void *arg, const char *name)
{
	const struct off_port *p = arg;
	const struct off_obj *o;
	size_t i;

	for (o = p->objs; o; o = o->next)
		for (i = 0; i < vx_obj_map_count(o->obj); i++)
			if (vx_obj_map_pinning(o->obj, i) == VX_PIN_BY_NAME &&
			    !strcmp(vx_obj_map_name(o->obj, i), name))
				return vx_obj_map(o->obj, i);
	return NULL;
}

/* A guest's object against what its port has left. */
static int check_quota(const struct off_port *p, const struct off_obj *o, struct vx_error *err)
{
	if (o->insns > p->lim.max_insns || p->insns > p->lim.max_insns - o->insns)
		return vx_error_set(err, -1, "quota: object '%s' has %u instructions; the port "
				    "has %u of %u left", o->name, o->insns,
				    p->lim.max_insns - p->insns, p->lim.max_insns);
	return 0;
}

static int open_obj(struct vx_offload *off, struct off_port *p, struct off_obj *o,
		    const void *elf, size_t len, struct vx_error *err)
{
	struct vx_obj_opts opts = { .pinned_map = port_pinned_map, .pinned_arg = p };
	bool guest = o->origin == VX_OFF_GUEST;
	struct vx_error e;

	/* A full port may still take an object whose maps are all shared (pinned by name). */
	if (guest && p->map_bytes >= p->lim.max_map_bytes)
		opts.zero_budget = true;
	else if (guest)
		opts.max_map_bytes = p->lim.max_map_bytes - p->map_bytes;
	o->obj = vx_obj_open_mem_opts(elf, len, o->name, &opts, &e);
	if (!o->obj)
		return vx_error_set(err, -1, "%s%s", guest && strstr(e.msg, "bytes allowed") ?
				    "quota: port map memory: " : "", e.msg);
	if (!vx_obj_prog_count(o->obj))
		return vx_error_set(err, -1, "object '%s' has no XDP program", o->name);
	o->insns = count_insns(o->obj);
	o->map_bytes = count_map_bytes(o->obj);
	if (guest && check_quota(p, o, err))
		return -1;
	if (vx_obj_prepare(o->obj, off->engine, guest ? VX_HELPER_GUEST : VX_HELPER_TRUSTED, &e))
		return vx_error_set(err, e.insn, "%s", e.msg);
	return 0;
}

int vx_off_obj_load(struct vx_offload *off, unsigned int port, enum vx_off_origin origin,
		    const void *elf, size_t len, const char *name, uint32_t *id,
		    struct vx_error *err)
{
	struct off_port *p = off_port(off, port, err);
	struct off_obj *o, **tail;

	if (!p)
		return -ENODEV;
	if (!elf || !len)
		return vx_error_set(err, -1, "empty object"), -EINVAL;
	if (len > VX_OFF_OBJ_MAX_BYTES)
		return vx_error_set(err, -1, "object of %zu bytes exceeds the %u-byte maximum", len,
				    VX_OFF_OBJ_MAX_BYTES), -E2BIG;
	if (origin == VX_OFF_GUEST && p->nobjs >= p->lim.max_objects)
		return vx_error_set(err, -1, "quota: the port already has %u objects (at most %u)",
				    p->nobjs, p->lim.max_objects), -EDQUOT;
	o = calloc(1, sizeof(*o));
	if (!o)
		return vx_error_set(err, -1, "out of memory"), -ENOMEM;
	o->origin = origin;
	snprintf(o->name, sizeof(o->name), "%s", name && *name ? name : "object");
	if (open_obj(off, p, o, elf, len, err)) {
		int ret = strncmp(err->msg, "quota:", 6) ? -EINVAL : -EDQUOT;

		obj_free(o);
		return ret;
	}
	o->id = p->next_id++;
	for (tail = &p->objs; *tail; tail = &(*tail)->next)
		;
	*tail = o;
	p->nobjs++;
	p->insns += o->insns;
	p->map_bytes = port_map_bytes(p);
	if (id)
		*id = o->id;
	return 0;
}

int vx_off_detach(struct vx_offload *off, unsigned int port, struct vx_error *err)
{
	struct off_port *p = off_port(off, port, err);

	if (!p)
		return -ENODEV;
	if (!p->attached)
		return vx_error_set(err, -1, "nothing is attached to port %u", port), -ENOENT;
	publish(off, port, NULL, NULL);
	return 0;
}

int vx_off_obj_unload(struct vx_offload *off, unsigned int port, uint32_t id,
		      struct vx_error *err)
{
	struct off_port *p = off_port(off, port, err);
	struct off_obj *o, **link;

	if (!p)
		return -ENODEV;
	for (link = &p->objs; *link && (*link)->id != id; link = &(*link)->next)
		;
	o = *link;
	if (!o)
		return vx_error_set(err, -1, "no object %u on port %u", id, port), -ENOENT;
	if (p->attached_obj == o)
		publish(off, port, NULL, NULL);
	*link = o->next;
	p->nobjs--;
	p->insns -= o->insns;
	obj_free(o);
	p->map_bytes = port_map_bytes(p);
	return 0;
}

static struct vx_prog *pick_prog(struct off_obj *o, const char *prog, struct vx_error *err)
{
	struct vx_prog *pr = prog && *prog ? vx_obj_find_prog(o->obj, prog) : vx_obj_prog(o->obj, 0);

	if (!pr)
		vx_error_set(err, -1, "object %u ('%s') has no program '%s'", o->id, o->name, prog);
	return pr;
}

int vx_off_attach_engine(struct vx_offload *off, unsigned int port, uint32_t id,
			 const char *prog, uint32_t ifindex, int engine, struct vx_error *err)
{
	struct off_port *p = off_port(off, port, err);
	struct vx_dp_xdp *x;
	struct vx_prog *pr;
	struct off_obj *o;

	if (!p)
		return -ENODEV;
	o = find_obj(p, id);
	if (!o)
		return vx_error_set(err, -1, "no object %u on port %u", id, port), -ENOENT;
	pr = pick_prog(o, prog, err);
	if (!pr)
		return -ENOENT;
	if (engine < 0)
		engine = (int)off->engine;
	if (engine == VX_ENGINE_JIT && off->engine != VX_ENGINE_JIT)
		return vx_error_set(err, -1, "the JIT is not in use (vxdpd --engine interp or no "
				    "JIT for this host)"), -EINVAL;
	x = calloc(1, sizeof(*x));
	if (!x)
		return vx_error_set(err, -1, "out of memory"), -ENOMEM;
	x->prog = pr;
	x->engine = (enum vx_engine)engine;
	x->ifindex = ifindex ? ifindex : vx_dp_port_ifindex(port);
	snprintf(x->name, sizeof(x->name), "%u/%s", o->id, vx_prog_name(pr));
	publish(off, port, x, o);
	return 0;
}

int vx_off_attach(struct vx_offload *off, unsigned int port, uint32_t id, const char *prog,
		  uint32_t ifindex, struct vx_error *err)
{
	return vx_off_attach_engine(off, port, id, prog, ifindex, -1, err);
}

uint32_t vx_off_attached(struct vx_offload *off, unsigned int port, const char **prog,
			 uint32_t *ifindex, enum vx_engine *engine)
{
	struct off_port *p = off_port(off, port, NULL);

	if (!p || !p->attached)
		return 0;
	if (prog)
		*prog = vx_prog_name(p->attached->prog);
	if (ifindex)
		*ifindex = p->attached->ifindex;
	if (engine)
		*engine = p->attached->engine;
	return p->attached_obj->id;
}

unsigned int vx_off_list(struct vx_offload *off, unsigned int port, struct vx_off_obj_info *out,
			 unsigned int max)
{
	struct off_port *p = off_port(off, port, NULL);
	struct off_obj *o;
	unsigned int n = 0;

	if (!p)
		return 0;
	for (o = p->objs; o; o = o->next, n++) {
		if (n >= max)
			continue;
		out[n] = (struct vx_off_obj_info){
			.id = o->id,
			.origin = o->origin,
			.nprogs = (unsigned int)vx_obj_prog_count(o->obj),
			.nmaps = (unsigned int)vx_obj_map_count(o->obj),
			.insns = o->insns,
			.map_bytes = o->map_bytes,
			.attached = p->attached_obj == o,
		};
		memcpy(out[n].name, o->name, sizeof(o->name));
	}
	return n;
}

const char *vx_off_prog_name(struct vx_offload *off, unsigned int port, uint32_t id,
			     unsigned int i)
{
	struct off_port *p = off_port(off, port, NULL);
	struct off_obj *o = p ? find_obj(p, id) : NULL;

	if (!o || i >= vx_obj_prog_count(o->obj))
		return NULL;
	return vx_prog_name(vx_obj_prog(o->obj, i));
}

const char *vx_off_map_name(struct vx_offload *off, unsigned int port, uint32_t id,
			    unsigned int i)
{
	struct off_port *p = off_port(off, port, NULL);
	struct off_obj *o = p ? find_obj(p, id) : NULL;

	if (!o || i >= vx_obj_map_count(o->obj))
		return NULL;
	return vx_map_get_def(vx_obj_map(o->obj, i))->name;
}

/* "ID/NAME": that object's map; "NAME": the newest object's map of that name. */
struct vx_map *vx_off_map(struct vx_offload *off, unsigned int port, const char *name,
			  struct vx_error *err)
{
	struct off_port *p = off_port(off, port, err);
	struct vx_map *found = NULL, *m;
	const char *slash = strchr(name, '/');
	struct off_obj *o;
	char *end;
	unsigned long id = 0;

	if (!p)
		return NULL;
	if (slash) {
		id = strtoul(name, &end, 10);
		if (end != slash || !id)
			slash = NULL;
	}
	for (o = p->objs; o; o = o->next) {
		if (slash && o->id != id)
			continue;
		m = vx_obj_find_map(o->obj, slash ? slash + 1 : name);
		if (m)
			found = m;	/* the list is oldest first: the last match is the newest */
	}
	if (!found)
		vx_error_set(err, -1, "port %u has no map '%s'", port, name);
	return found;
}
