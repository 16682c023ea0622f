// SPDX-License-Identifier: BSD-2-Clause
/*
 * cmd_offload.c - the control socket's offload requests: prog attach|detach|list, map
 * dump|lookup|update|delete, policy allow-redirect. The operator's requests: objects load with
 * the trusted helper class and no quotas (VX_OFF_HOST). See docs/offload.md.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <vxbpf/map.h>
#include <vxoffload/offload.h>

#include "cmd_priv.h"

#define MAX_OBJS	64

/* "port": a name or an index. */
static int port_of(struct vx_switch *sw, struct json_object *req, const char *key,
		   unsigned int *out, struct json_object **err)
{
	const char *s = ctl_str(req, key);
	struct vx_port *p;
	char *end;
	unsigned long i;

	if (!s) {
		*err = ctl_error("request needs a \"%s\" string (a port name or index)", key);
		return -1;
	}
	p = vx_switch_port_by_name(sw, s);
	if (!p && *s >= '0' && *s <= '9') {
		i = strtoul(s, &end, 10);
		if (!*end)
			p = vx_switch_port(sw, (unsigned int)i);
	}
	if (!p) {
		*err = ctl_error("no port '%s'", s);
		return -1;
	}
	*out = p->index;
	return 0;
}

static int b64_val(int c)
{
	if (c >= 'A' && c <= 'Z')
		return c - 'A';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 26;
	if (c >= '0' && c <= '9')
		return c - '0' + 52;
	return c == '+' ? 62 : c == '/' ? 63 : -1;
}

/* Standard base64 with padding; NULL on a bad character. */
static uint8_t *b64_decode(const char *s, size_t *len)
{
	size_t n = strlen(s), i, o = 0;
	uint8_t *out = malloc(n / 4 * 3 + 3);
	uint32_t acc = 0;
	int bits = 0, v;

	for (i = 0; out && i < n && s[i] != '='; i++) {
		v = b64_val((unsigned char)s[i]);
		if (v < 0) {
			free(out);
			return NULL;
		}
		acc = acc << 6 | (uint32_t)v;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			out[o++] = (uint8_t)(acc >> bits);
		}
	}
	*len = o;
	return out;
}

/* A regular file of at most VX_OFF_OBJ_MAX_BYTES (never a FIFO or device: no blocking). */
static uint8_t *read_object(const char *path, size_t *len, struct json_object **err)
{
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	uint8_t *buf = NULL;
	struct stat st;
	ssize_t n = -1;

	if (fd < 0) {
		*err = ctl_error("cannot read %s: %s", path, strerror(errno));
		return NULL;
	}
	if (fstat(fd, &st) || !S_ISREG(st.st_mode)) {
		*err = ctl_error("cannot read %s: not a regular file", path);
	} else if ((uint64_t)st.st_size > VX_OFF_OBJ_MAX_BYTES) {
		*err = ctl_error("%s: object of %lld bytes exceeds the %u-byte maximum", path,
				 (long long)st.st_size, VX_OFF_OBJ_MAX_BYTES);
	} else if ((buf = malloc(st.st_size ? (size_t)st.st_size : 1))) {
		n = read(fd, buf, (size_t)st.st_size);
		if (n != (ssize_t)st.st_size) {
			*err = ctl_error("cannot read %s", path);
			free(buf);
			buf = NULL;
		}
	} else {
		*err = ctl_error("out of memory");
	}
	close(fd);
	*len = buf ? (size_t)n : 0;
	return buf;
}

/* The object of a prog attach: "object" (base64) or "path" (read by the daemon). */
static uint8_t *attach_object(struct json_object *req, size_t *len, struct json_object **err)
{
	const char *b64 = ctl_str(req, "object"), *path = ctl_str(req, "path");
	uint8_t *elf;

	if (path)
		return read_object(path, len, err);
	if (!b64) {
		*err = ctl_error("prog attach needs \"path\" or \"object\" (base64)");
		return NULL;
	}
	elf = b64_decode(b64, len);
	if (!elf)
		*err = ctl_error("\"object\" is not valid base64");
	return elf;
}

static int engine_of(struct json_object *req, int *engine, struct json_object **err)
{
	const char *e = ctl_str(req, "engine");

	*engine = -1;
	if (!e)
		return 0;
	if (!strcmp(e, "interp") || !strcmp(e, "jit")) {
		*engine = e[0] == 'j' ? VX_ENGINE_JIT : VX_ENGINE_INTERP;
		return 0;
	}
	*err = ctl_error("engine '%s' is not interp or jit", e);
	return -1;
}

static enum vx_off_origin origin_of(struct vx_offload *off, unsigned int port, uint32_t id)
{
	struct vx_off_obj_info info[MAX_OBJS];
	unsigned int i, n = vx_off_list(off, port, info, MAX_OBJS);

	for (i = 0; i < n && i < MAX_OBJS; i++) {
		if (info[i].id == id)
			return info[i].origin;
	}
	return VX_OFF_GUEST;
}

/* The host's object attached before is unloaded with it; a guest's stays loaded. */
static void drop_replaced(struct vx_offload *off, unsigned int port, uint32_t old, uint32_t id)
{
	struct vx_error e;

	if (old && old != id && origin_of(off, port, old) == VX_OFF_HOST)
		vx_off_obj_unload(off, port, old, &e);
}

static struct json_object *prog_attach(struct vx_switch *sw, struct vx_offload *off,
				       struct json_object *req)
{
	const char *name = ctl_str(req, "name"), *prog = ctl_str(req, "prog");
	struct json_object *err = NULL, *o, *v;
	unsigned int port;
	struct vx_error e;
	uint32_t id, old, ifindex = 0;
	uint8_t *elf;
	size_t len;
	int engine;

	if (port_of(sw, req, "port", &port, &err) || engine_of(req, &engine, &err))
		return err;
	if (json_object_object_get_ex(req, "ifindex", &v))
		ifindex = (uint32_t)json_object_get_uint64(v);
	elf = attach_object(req, &len, &err);
	if (!elf)
		return err;
	old = vx_off_attached(off, port, NULL, NULL, NULL);
	if (vx_off_obj_load(off, port, VX_OFF_HOST, elf, len, name, &id, &e)) {
		free(elf);
		return ctl_error("%s", e.msg);
	}
	free(elf);
	if (vx_off_attach_engine(off, port, id, prog, ifindex, engine, &e)) {
		err = ctl_error("%s", e.msg);
		vx_off_obj_unload(off, port, id, &e);
		return err;
	}
	drop_replaced(off, port, old, id);
	o = json_object_new_object();
	json_object_object_add(o, "id", json_object_new_int64(id));
	vx_off_attached(off, port, &prog, NULL, NULL);
	json_object_object_add(o, "prog", json_object_new_string(prog));
	return o;
}

static struct json_object *prog_detach(struct vx_switch *sw, struct vx_offload *off,
				       struct json_object *req)
{
	struct json_object *err = NULL;
	unsigned int port;
	struct vx_error e;
	uint32_t old;

	if (port_of(sw, req, "port", &port, &err))
		return err;
	old = vx_off_attached(off, port, NULL, NULL, NULL);
	if (vx_off_detach(off, port, &e))
		return ctl_error("%s", e.msg);
	drop_replaced(off, port, old, 0);
	return json_object_new_object();
}

static struct json_object *obj_info(struct vx_offload *off, unsigned int port,
				    const struct vx_off_obj_info *i)
{
	struct json_object *o = json_object_new_object(), *pa = json_object_new_array(),
			   *ma = json_object_new_array();
	const char *s;
	unsigned int k;

	json_object_object_add(o, "id", json_object_new_int64(i->id));
	json_object_object_add(o, "name", json_object_new_string(i->name));
	json_object_object_add(o, "origin", json_object_new_string(
				       i->origin == VX_OFF_HOST ? "host" : "guest"));
	for (k = 0; (s = vx_off_prog_name(off, port, i->id, k)); k++)
		json_object_array_add(pa, json_object_new_string(s));
	for (k = 0; (s = vx_off_map_name(off, port, i->id, k)); k++)
		json_object_array_add(ma, json_object_new_string(s));
	json_object_object_add(o, "progs", pa);
	json_object_object_add(o, "maps", ma);
	ctl_add_u64(o, "insns", i->insns);
	ctl_add_u64(o, "map_bytes", i->map_bytes);
	json_object_object_add(o, "attached", json_object_new_boolean(i->attached));
	return o;
}

static struct json_object *attached_info(struct vx_offload *off, unsigned int port)
{
	struct json_object *o;
	enum vx_engine engine;
	const char *prog;
	uint32_t ifindex, id = vx_off_attached(off, port, &prog, &ifindex, &engine);

	if (!id)
		return NULL;
	o = json_object_new_object();
	json_object_object_add(o, "id", json_object_new_int64(id));
	json_object_object_add(o, "prog", json_object_new_string(prog));
	ctl_add_u64(o, "ifindex", ifindex);
	json_object_object_add(o, "engine", json_object_new_string(
				       engine == VX_ENGINE_JIT ? "jit" : "interp"));
	return o;
}

static struct json_object *counters_obj(struct vx_offload *off, unsigned int port)
{
	struct json_object *o = json_object_new_object();
	struct vx_off_counters c;

	vx_off_counters(off, port, &c);
	ctl_add_u64(o, "runs", c.runs);
	ctl_add_u64(o, "pass", c.pass);
	ctl_add_u64(o, "drop", c.drop);
	ctl_add_u64(o, "tx", c.tx);
	ctl_add_u64(o, "redirect", c.redirect);
	ctl_add_u64(o, "aborted", c.aborted);
	ctl_add_u64(o, "redirect_denied", c.redirect_denied);
	ctl_add_u64(o, "loop_drop", c.loop_drop);
	ctl_add_u64(o, "requests", c.requests);
	ctl_add_u64(o, "requests_refused", c.requests_refused);
	return o;
}

/* The guests' quotas on this port. */
static struct json_object *limits_obj(struct vx_offload *off, unsigned int port)
{
	struct json_object *o = json_object_new_object();
	struct vx_off_limits l;

	vx_off_get_limits(off, port, &l);
	ctl_add_u64(o, "objects", l.max_objects);
	ctl_add_u64(o, "insns", l.max_insns);
	ctl_add_u64(o, "map_bytes", l.max_map_bytes);
	ctl_add_u64(o, "requests_per_s", l.max_req_per_s);
	return o;
}

static struct json_object *port_offload(struct vx_switch *sw, struct vx_offload *off,
					unsigned int port)
{
	struct json_object *o = json_object_new_object(), *a = json_object_new_array(),
			   *r = json_object_new_array(), *att = attached_info(off, port);
	struct vx_off_obj_info info[MAX_OBJS];
	unsigned int i, n = vx_off_list(off, port, info, MAX_OBJS);

	json_object_object_add(o, "port", json_object_new_string(vx_switch_port(sw, port)->name));
	json_object_object_add(o, "index", json_object_new_int((int)port));
	json_object_object_add(o, "ifindex", json_object_new_int((int)port + 1));
	json_object_object_add(o, "attached", att ? att : json_object_new_null());
	for (i = 0; i < n && i < MAX_OBJS; i++)
		json_object_array_add(a, obj_info(off, port, &info[i]));
	json_object_object_add(o, "objects", a);
	for (i = 0; i < vx_switch_nports(sw); i++) {
		if (vx_off_redirect_allowed(off, port, i))
			json_object_array_add(r, json_object_new_string(
						      vx_switch_port(sw, i)->name));
	}
	json_object_object_add(o, "redirect_to", r);
	json_object_object_add(o, "limits", limits_obj(off, port));
	json_object_object_add(o, "counters", counters_obj(off, port));
	return o;
}

static struct json_object *prog_list(struct vx_switch *sw, struct vx_offload *off,
				     struct json_object *req)
{
	struct json_object *o, *a, *err = NULL;
	unsigned int port, i;

	if (ctl_str(req, "port")) {
		if (port_of(sw, req, "port", &port, &err))
			return err;
		o = json_object_new_object();
		a = json_object_new_array();
		json_object_array_add(a, port_offload(sw, off, port));
		json_object_object_add(o, "ports", a);
		return o;
	}
	o = json_object_new_object();
	a = json_object_new_array();
	for (i = 0; i < vx_switch_nports(sw); i++)
		json_object_array_add(a, port_offload(sw, off, i));
	json_object_object_add(o, "ports", a);
	return o;
}

static char *to_hex(const uint8_t *b, size_t n)
{
	char *s = malloc(n * 2 + 1);
	size_t i;

	for (i = 0; s && i < n; i++)
		snprintf(s + 2 * i, 3, "%02x", b[i]);
	if (s)
		s[n * 2] = 0;
	return s;
}

static int hex_val(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Exactly size bytes of hex (spaces allowed) into out. */
static int from_hex(const char *s, uint8_t *out, size_t size)
{
	size_t n = 0;
	int v;

	for (; *s; s++) {
		if (*s == ' ')
			continue;
		v = hex_val(*s);
		if (n == size * 2 || v < 0)
			return -1;
		out[n / 2] = (uint8_t)(n % 2 ? out[n / 2] << 4 | v : v);
		n++;
	}
	return n == size * 2 ? 0 : -1;
}

struct map_req {
	struct vx_map *map;
	uint8_t *key, *value;
	size_t ksize, vsize;
};

static struct json_object *map_open(struct vx_switch *sw, struct vx_offload *off,
				    struct json_object *req, struct map_req *m, bool key,
				    bool value)
{
	const char *name = ctl_str(req, "map"), *k = ctl_str(req, "key"), *v = ctl_str(req, "value");
	struct json_object *err = NULL;
	unsigned int port;
	struct vx_error e;

	if (port_of(sw, req, "port", &port, &err))
		return err;
	if (!name)
		return ctl_error("request needs a \"map\" string");
	m->map = vx_off_map(off, port, name, &e);
	if (!m->map)
		return ctl_error("%s", e.msg);
	m->ksize = vx_map_get_def(m->map)->key_size;
	m->vsize = vx_map_cp_value_size(m->map);
	m->key = calloc(1, m->ksize ? m->ksize : 1);
	m->value = calloc(1, m->vsize ? m->vsize : 1);
	if (!m->key || !m->value)
		return ctl_error("out of memory");
	if (key && (!k || from_hex(k, m->key, m->ksize)))
		return ctl_error("map %s: \"key\" must be %zu bytes in hex", name, m->ksize);
	if (value && (!v || from_hex(v, m->value, m->vsize)))
		return ctl_error("map %s: \"value\" must be %zu bytes in hex", name, m->vsize);
	return NULL;
}

static void entry_add(struct json_object *a, const void *key, size_t ks, const void *val,
		      size_t vs)
{
	struct json_object *o = json_object_new_object();
	char *k = to_hex(key, ks), *v = to_hex(val, vs);

	json_object_object_add(o, "key", json_object_new_string(k ? k : ""));
	json_object_object_add(o, "value", json_object_new_string(v ? v : ""));
	json_object_array_add(a, o);
	free(k);
	free(v);
}

struct dump {
	struct json_object *a;
	size_t ks, vs, n;
};

static int dump_one(const void *key, const void *value, void *arg)
{
	struct dump *d = arg;

	entry_add(d->a, key, d->ks, value, d->vs);
	return ++d->n >= 4096;	/* an answer line stays bounded */
}

static const char *errno_text(int err)
{
	return strerror(err < 0 ? -err : err);
}

static struct json_object *map_cmd(struct vx_switch *sw, struct vx_offload *off,
				   const char *op, struct json_object *req)
{
	struct map_req m = { 0 };
	struct json_object *ans, *a;
	struct dump d;
	int err = 0;

	ans = map_open(sw, off, req, &m, strcmp(op, "dump"), !strcmp(op, "update"));
	if (!ans) {
		ans = json_object_new_object();
		a = json_object_new_array();
		if (!strcmp(op, "dump")) {
			d = (struct dump){ a, m.ksize, m.vsize, 0 };
			err = vx_map_dump(m.map, dump_one, &d);
			err = err > 0 ? 0 : err;
		} else if (!strcmp(op, "lookup") && !(err = vx_map_lookup(m.map, m.key, m.value))) {
			entry_add(a, m.key, m.ksize, m.value, m.vsize);
		} else if (!strcmp(op, "update")) {
			err = vx_map_update(m.map, m.key, m.value, VX_ANY);
		} else if (!strcmp(op, "delete")) {
			err = vx_map_delete(m.map, m.key);
		}
		json_object_object_add(ans, "entries", a);
	}
	free(m.key);
	free(m.value);
	if (err) {
		json_object_put(ans);
		return ctl_error("map %s: %s", op, errno_text(err));
	}
	return ans;
}

static struct json_object *policy(struct vx_switch *sw, struct vx_offload *off,
				  struct json_object *req)
{
	struct json_object *err = NULL, *v;
	unsigned int from, to;
	bool allow = true;

	if (port_of(sw, req, "from", &from, &err) || port_of(sw, req, "to", &to, &err))
		return err;
	if (json_object_object_get_ex(req, "allow", &v))
		allow = json_object_get_boolean(v);
	vx_off_allow_redirect(off, from, to, allow);
	return json_object_new_object();
}

struct json_object *ctl_offload_dispatch(struct vx_switch *sw, struct vx_offload *off,
					 const char *name, struct json_object *req)
{
	bool ours = !strncmp(name, "prog ", 5) || !strncmp(name, "map ", 4) ||
		    !strncmp(name, "policy ", 7);

	if (!ours)
		return NULL;
	if (!off)
		return ctl_error("offload is not enabled in this daemon");
	if (!strcmp(name, "prog attach"))
		return prog_attach(sw, off, req);
	if (!strcmp(name, "prog detach"))
		return prog_detach(sw, off, req);
	if (!strcmp(name, "prog list"))
		return prog_list(sw, off, req);
	if (!strcmp(name, "map dump") || !strcmp(name, "map lookup") ||
	    !strcmp(name, "map update") || !strcmp(name, "map delete"))
		return map_cmd(sw, off, name + 4, req);
	if (!strcmp(name, "policy allow-redirect"))
		return policy(sw, off, req);
	return NULL;
}
