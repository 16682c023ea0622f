// SPDX-License-Identifier: BSD-2-Clause
/*
 * cmd_prog.c - `vxdp prog run|show|dump`: run, describe and disassemble XDP objects with the
 * engine, no kernel needed.
 *
 * `prog run` is a contract scripts depend on (see README): its options and its JSON output are
 * extended, never changed.
 */
#include <errno.h>
#include <json-c/json.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cmd.h"
#include "util.h"
#include "vxbpf/asm.h"
#include "vxbpf/helper.h"
#include "vxbpf/jit.h"
#include "vxbpf/map.h"
#include "vxbpf/obj.h"
#include "vxbpf/prog.h"
#include "vxbpf/xdp.h"

struct map_init {
	char *name;
	uint8_t *key, *value;
	size_t key_len, value_len;
};

struct run_opts {
	const char *path, *prog;
	struct map_init *maps;
	size_t nmaps;
	enum vx_engine engine;
	bool engine_set; /* --engine given: no fallback */
	unsigned long repeat;
	bool json;
	const char **inputs;
	size_t ninputs;
};

static char *hex(const uint8_t *p, size_t n)
{
	char *s = malloc(n * 2 + 1);
	size_t i;

	for (i = 0; s && i < n; i++)
		sprintf(s + 2 * i, "%02x", p[i]);
	if (s)
		s[2 * n] = '\0';
	return s;
}

static int parse_map_arg(const char *arg, struct map_init *mi)
{
	char *copy = strdup(arg), *colon, *eq, msg[128];
	int ret = -1;

	colon = strrchr(copy, ':');
	eq = colon ? strchr(colon, '=') : NULL;
	if (!colon || !eq || colon == copy) {
		util_err("--map '%s': expected NAME:KEYHEX=VALUEHEX", arg);
		goto out;
	}
	*colon = *eq = '\0';
	mi->key = util_parse_hex(colon + 1, &mi->key_len, msg, sizeof(msg));
	if (!mi->key) {
		util_err("--map '%s': key: %s", arg, msg);
		goto out;
	}
	mi->value = util_parse_hex(eq + 1, &mi->value_len, msg, sizeof(msg));
	if (!mi->value) {
		util_err("--map '%s': value: %s", arg, msg);
		goto out;
	}
	mi->name = strndup(copy, (size_t)(colon - copy));
	ret = 0;
out:
	free(copy);
	return ret;
}

static int parse_engine(const char *s, enum vx_engine *e)
{
	if (!strcmp(s, "interp")) {
		*e = VX_ENGINE_INTERP;
		return 0;
	}
	if (!strcmp(s, "jit")) {
		*e = VX_ENGINE_JIT;
		return 0;
	}
	util_err("unknown engine '%s' (expected interp or jit)", s);
	return -1;
}

static int parse_run(int argc, char **argv, struct run_opts *o)
{
	char *end;
	int i;

	memset(o, 0, sizeof(*o));
	o->repeat = 1;
	/* The JIT by default where it exists; the checked interpreter elsewhere. */
	o->engine = vx_jit_supported() ? VX_ENGINE_JIT : VX_ENGINE_INTERP;
	o->maps = calloc((size_t)argc + 1, sizeof(*o->maps));
	o->inputs = calloc((size_t)argc + 1, sizeof(*o->inputs));
	for (i = 0; i < argc; i++) {
		const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;

		if (!strcmp(a, "--json")) {
			o->json = true;
			continue;
		}
		if (a[0] == '-' && a[1] == '-' && !v)
			return util_err("prog run: %s needs a value", a), -1;
		if (!strcmp(a, "--prog"))
			o->prog = v;
		else if (!strcmp(a, "--map") && parse_map_arg(v, &o->maps[o->nmaps++]))
			return -1;
		else if (!strcmp(a, "--engine") && parse_engine(v, &o->engine))
			return -1;
		else if (!strcmp(a, "--engine"))
			o->engine_set = true;
		else if (!strcmp(a, "--data-in"))
			o->inputs[o->ninputs++] = v;
		else if (!strcmp(a, "--repeat")) {
			errno = 0;
			o->repeat = strtoul(v, &end, 10);
			if (errno || *end || !*v || o->repeat < 1 || o->repeat > 100000000)
				return util_err("--repeat '%s': expected 1..100000000", v), -1;
		} else if (strcmp(a, "--map") && strcmp(a, "--engine")) {
			if (a[0] == '-' || o->path)
				return util_err("prog run: unexpected argument '%s'", a), -1;
			o->path = a;
			continue;
		}
		i++;
	}
	if (!o->path)
		return util_err("prog run: missing OBJECT"), -1;
	if (!o->ninputs)
		return util_err("prog run: at least one --data-in FILE is needed"), -1;
	return 0;
}

static struct vx_prog *pick_prog(struct vx_obj *obj, const char *name)
{
	struct vx_prog *p;

	if (!vx_obj_prog_count(obj)) {
		util_err("%s: no XDP program in this object", vx_obj_name(obj));
		return NULL;
	}
	if (!name)
		return vx_obj_prog(obj, 0);
	p = vx_obj_find_prog(obj, name);
	if (!p)
		util_err("%s: no program named '%s'", vx_obj_name(obj), name);
	return p;
}

static int apply_prog_array(struct vx_obj *obj, struct vx_map *map, const struct map_init *mi)
{
	uint32_t key, idx;

	if (mi->key_len != 4 || mi->value_len != 4)
		return util_err("--map %s: program arrays take a 4-byte key and a 4-byte program "
				"index (as `vxdp prog show` numbers them)",
				mi->name),
		       -1;
	memcpy(&key, mi->key, 4);
	memcpy(&idx, mi->value, 4);
	if (idx >= vx_obj_prog_count(obj))
		return util_err("--map %s: no program number %u", mi->name, idx), -1;
	if (vx_prog_array_set(map, key, vx_obj_prog(obj, idx)))
		return util_err("--map %s: index %u out of range", mi->name, key), -1;
	return 0;
}

static bool is_percpu(uint32_t type)
{
	return type == VX_MAP_PERCPU_ARRAY || type == VX_MAP_PERCPU_HASH ||
	       type == VX_MAP_LRU_PERCPU_HASH;
}

/* Per-CPU maps take one value and give it to every CPU, in the control-side layout. */
static int apply_map(struct vx_obj *obj, const struct map_init *mi)
{
	struct vx_map *map = vx_obj_find_map(obj, mi->name);
	const struct vx_map_def *def;
	size_t cp, stride, i;
	uint8_t *value;
	int ret;

	if (!map)
		return util_err("--map: the object has no map named '%s'", mi->name), -1;
	def = vx_map_get_def(map);
	if (def->type == VX_MAP_PROG_ARRAY)
		return apply_prog_array(obj, map, mi);
	if (mi->key_len != def->key_size || mi->value_len != def->value_size)
		return util_err("--map %s: key is %zu bytes and value %zu, the map wants %u and %u",
				mi->name, mi->key_len, mi->value_len, def->key_size,
				def->value_size),
		       -1;
	cp = vx_map_cp_value_size(map);
	value = calloc(1, cp);
	stride = is_percpu(def->type) ? (def->value_size + 7) & ~7u : cp;
	for (i = 0; i + def->value_size <= cp; i += stride)
		memcpy(value + i, mi->value, def->value_size);
	ret = vx_map_update(map, mi->key, value, VX_ANY);
	free(value);
	if (ret)
		return util_err("--map %s: update failed: %s", mi->name, strerror(-ret)), -1;
	return 0;
}

static double now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e9 + ts.tv_nsec;
}

struct run_out {
	struct vx_xdp_result res;
	uint8_t *data; /* metadata and packet after the program, as BPF_PROG_TEST_RUN's data_out */
	size_t len;
	uint64_t duration_ns;
};

static int run_frame(const struct run_opts *o, const struct vx_prog *prog, const uint8_t *pkt,
		     size_t len, struct run_out *out)
{
	static uint8_t buf[VX_XDP_FRAME_SIZE];
	struct vx_xdp_frame frame;
	struct vx_error err;
	char msg[320];
	unsigned long r;
	double t0, t1;

	t0 = now_ns();
	for (r = 0; r < o->repeat; r++) {
		if (vx_xdp_frame_init(&frame, buf, pkt, (uint32_t)len, &err) ||
		    vx_xdp_run(prog, o->engine, &frame, &out->res, &err)) {
			util_err("%s", vx_error_str(&err, msg, sizeof(msg)));
			return -1;
		}
	}
	t1 = now_ns();
	out->duration_ns = (uint64_t)((t1 - t0) / (double)o->repeat);
	out->len = frame.meta_len + frame.data_len;
	out->data = malloc(out->len + 1);
	memcpy(out->data, buf + frame.data_off - frame.meta_len, out->len);
	return 0;
}

static const char *action_name(uint64_t v)
{
	static const char *const names[] = { "XDP_ABORTED", "XDP_DROP", "XDP_PASS", "XDP_TX",
					     "XDP_REDIRECT" };

	return v < 5 ? names[v] : "invalid action";
}

struct dump_ctx {
	json_object *arr;
	const struct vx_map_def *def;
	size_t cp;
};

static int dump_entry(const void *key, const void *value, void *arg)
{
	struct dump_ctx *d = arg;
	json_object *e = json_object_new_object(), *vals;
	size_t stride = (d->def->value_size + 7) & ~7u, i;
	char *s;

	s = hex(key, d->def->key_size);
	json_object_object_add(e, "key", json_object_new_string(s));
	free(s);
	if (!is_percpu(d->def->type)) {
		s = hex(value, d->def->value_size);
		json_object_object_add(e, "value", json_object_new_string(s));
		free(s);
	} else {
		vals = json_object_new_array();
		for (i = 0; i + d->def->value_size <= d->cp; i += stride) {
			s = hex((const uint8_t *)value + i, d->def->value_size);
			json_object_array_add(vals, json_object_new_string(s));
			free(s);
		}
		json_object_object_add(e, "values", vals);
	}
	json_object_array_add(d->arr, e);
	return 0;
}

static int dump_record(const void *data, size_t size, void *arg)
{
	json_object *e = json_object_new_object();
	char *s = hex(data, size);

	json_object_object_add(e, "value", json_object_new_string(s));
	free(s);
	json_object_array_add(arg, e);
	return 0;
}

static json_object *maps_json(struct vx_obj *obj)
{
	json_object *maps = json_object_new_object();
	size_t i;

	for (i = 0; i < vx_obj_map_count(obj); i++) {
		struct vx_map *map = vx_obj_map(obj, i);
		struct dump_ctx d = { json_object_new_array(), vx_map_get_def(map),
				      vx_map_cp_value_size(map) };

		if (d.def->type == VX_MAP_PROG_ARRAY) {
			json_object_put(d.arr);
			continue;
		}
		if (d.def->type == VX_MAP_RINGBUF)
			vx_ringbuf_consume(map, dump_record, d.arr);
		else
			vx_map_dump(map, dump_entry, &d);
		json_object_object_add(maps, d.def->name, d.arr);
	}
	return maps;
}

static void print_text(const struct run_opts *o, const struct vx_prog *prog,
		       const struct run_out *outs, json_object *maps)
{
	size_t i;

	printf("prog %s\n", vx_prog_name(prog));
	for (i = 0; i < o->ninputs; i++) {
		char *s = hex(outs[i].data, outs[i].len);

		printf("run %zu (%s): retval %llu (%s), %zu bytes out, %llu ns%s\n  data_out %s\n",
		       i + 1, o->inputs[i], (unsigned long long)outs[i].res.retval,
		       action_name(outs[i].res.retval), outs[i].len,
		       (unsigned long long)outs[i].duration_ns,
		       o->repeat > 1 ? " per run" : "", s);
		free(s);
	}
	json_object_object_foreach(maps, name, entries)
	{
		printf("map %s: %s\n", name,
		       json_object_to_json_string_ext(entries, JSON_C_TO_STRING_PLAIN));
	}
}

static void print_json(const struct vx_prog *prog, const struct run_out *outs, size_t n,
		       json_object *maps)
{
	json_object *top = json_object_new_object(), *runs = json_object_new_array();
	size_t i;

	json_object_object_add(top, "prog", json_object_new_string(vx_prog_name(prog)));
	for (i = 0; i < n; i++) {
		json_object *r = json_object_new_object();
		char *s = hex(outs[i].data, outs[i].len);

		json_object_object_add(r, "retval", json_object_new_uint64(outs[i].res.retval));
		json_object_object_add(r, "data_out", json_object_new_string(s));
		json_object_object_add(r, "duration_ns",
				       json_object_new_uint64(outs[i].duration_ns));
		json_object_array_add(runs, r);
		free(s);
	}
	json_object_object_add(top, "runs", runs);
	json_object_object_add(top, "maps", json_object_get(maps));
	printf("%s\n", json_object_to_json_string_ext(top, JSON_C_TO_STRING_PLAIN));
	json_object_put(top);
}

static int run_all(const struct run_opts *o, struct vx_obj *obj, const struct vx_prog *prog)
{
	struct run_out *outs = calloc(o->ninputs, sizeof(*outs));
	json_object *maps;
	size_t i, len;
	uint8_t *pkt;
	int ret = 0;

	for (i = 0; i < o->ninputs && !ret; i++) {
		pkt = util_read_path(o->inputs[i], &len);
		if (!pkt) {
			util_err("cannot read %s: %s", o->inputs[i], strerror(errno));
			ret = 1;
			break;
		}
		if (run_frame(o, prog, pkt, len, &outs[i]))
			ret = 1;
		free(pkt);
	}
	if (!ret) {
		maps = maps_json(obj);
		if (o->json)
			print_json(prog, outs, o->ninputs, maps);
		else
			print_text(o, prog, outs, maps);
		json_object_put(maps);
	}
	for (i = 0; i < o->ninputs; i++)
		free(outs[i].data);
	free(outs);
	return ret;
}

static void free_opts(struct run_opts *o)
{
	size_t i;

	for (i = 0; i < o->nmaps; i++) {
		free(o->maps[i].name);
		free(o->maps[i].key);
		free(o->maps[i].value);
	}
	free(o->maps);
	free(o->inputs);
}

static struct vx_obj *open_obj(const char *path)
{
	struct vx_error err;
	struct vx_obj *obj = vx_obj_open(path, &err);
	char msg[320];

	if (!obj)
		util_err("%s: %s", path, vx_error_str(&err, msg, sizeof(msg)));
	else
		util_note_skipped(path, obj);
	return obj;
}

/*
 * The JIT runs only programs the verifier proved safe; the interpreter checks as it goes.
 * Under the default engine (the JIT), an object the verifier refuses runs in the checked
 * interpreter instead, with a note on stderr; `--engine jit` makes that refusal an error.
 */
static int prepare(struct vx_obj *obj, struct run_opts *o)
{
	struct vx_error err;
	char msg[320];

	if (o->engine != VX_ENGINE_JIT)
		return 0;
	if (!vx_obj_prepare(obj, VX_ENGINE_JIT, VX_HELPER_TRUSTED, &err))
		return 0;
	vx_error_str(&err, msg, sizeof(msg));
	if (o->engine_set) {
		util_err("%s: %s", vx_obj_name(obj), msg);
		return -1;
	}
	fprintf(stderr, "vxdp: note: %s: %s; running it in the checked interpreter\n",
		vx_obj_name(obj), msg);
	o->engine = VX_ENGINE_INTERP;
	return 0;
}

static int prog_run(int argc, char **argv)
{
	struct run_opts o;
	struct vx_obj *obj = NULL;
	struct vx_prog *prog;
	size_t i;
	int ret = 2;

	if (parse_run(argc, argv, &o))
		goto out;
	vx_rcu_thread_online();
	ret = 1;
	obj = open_obj(o.path);
	if (!obj || !(prog = pick_prog(obj, o.prog)) || prepare(obj, &o))
		goto out_rcu;
	ret = 2;
	for (i = 0; i < o.nmaps; i++)
		if (apply_map(obj, &o.maps[i]))
			goto out_rcu;
	ret = run_all(&o, obj, prog);
out_rcu:
	vx_obj_close(obj);
	vx_rcu_thread_offline();
out:
	free_opts(&o);
	return ret;
}

static const char *map_type_name(uint32_t t)
{
	switch (t) {
	case VX_MAP_HASH:
		return "hash";
	case VX_MAP_ARRAY:
		return "array";
	case VX_MAP_PROG_ARRAY:
		return "prog_array";
	case VX_MAP_PERCPU_HASH:
		return "percpu_hash";
	case VX_MAP_PERCPU_ARRAY:
		return "percpu_array";
	case VX_MAP_LRU_HASH:
		return "lru_hash";
	case VX_MAP_LRU_PERCPU_HASH:
		return "lru_percpu_hash";
	case VX_MAP_LPM_TRIE:
		return "lpm_trie";
	case VX_MAP_DEVMAP:
		return "devmap";
	case VX_MAP_DEVMAP_HASH:
		return "devmap_hash";
	case VX_MAP_RINGBUF:
		return "ringbuf";
	}
	return "unknown";
}

static json_object *show_json(struct vx_obj *obj)
{
	json_object *top = json_object_new_object(), *progs = json_object_new_array();
	json_object *maps = json_object_new_array(), *skipped;
	size_t i, len;

	json_object_object_add(top, "object", json_object_new_string(vx_obj_name(obj)));
	json_object_object_add(top, "license", json_object_new_string(vx_obj_license(obj)));
	skipped = json_object_new_array();
	for (i = 0; i < vx_obj_skipped_count(obj); i++)
		json_object_array_add(skipped, json_object_new_string(vx_obj_skipped(obj, i)));
	json_object_object_add(top, "skipped", skipped);
	for (i = 0; i < vx_obj_prog_count(obj); i++) {
		struct vx_prog *p = vx_obj_prog(obj, i);
		json_object *e = json_object_new_object();

		vx_prog_insns(p, &len);
		json_object_object_add(e, "index", json_object_new_uint64(i));
		json_object_object_add(e, "name", json_object_new_string(vx_prog_name(p)));
		json_object_object_add(e, "section", json_object_new_string(vx_prog_section(p)));
		json_object_object_add(e, "insns", json_object_new_uint64(len));
		json_object_array_add(progs, e);
	}
	for (i = 0; i < vx_obj_map_count(obj); i++) {
		const struct vx_map_def *d = vx_map_get_def(vx_obj_map(obj, i));
		json_object *e = json_object_new_object();

		json_object_object_add(e, "name", json_object_new_string(d->name));
		json_object_object_add(e, "type", json_object_new_string(map_type_name(d->type)));
		json_object_object_add(e, "key_size", json_object_new_uint64(d->key_size));
		json_object_object_add(e, "value_size", json_object_new_uint64(d->value_size));
		json_object_object_add(e, "max_entries", json_object_new_uint64(d->max_entries));
		json_object_object_add(e, "flags", json_object_new_uint64(d->flags));
		json_object_object_add(e, "pinning", json_object_new_string(
			vx_obj_map_pinning(obj, i) == VX_PIN_BY_NAME ? "by_name" : "none"));
		json_object_array_add(maps, e);
	}
	json_object_object_add(top, "programs", progs);
	json_object_object_add(top, "maps", maps);
	return top;
}

static void show_text(json_object *top)
{
	json_object *progs = json_object_object_get(top, "programs");
	json_object *maps = json_object_object_get(top, "maps");
	json_object *skipped = json_object_object_get(top, "skipped");
	size_t i, pinned = 0;

	printf("object %s, license \"%s\"\n",
	       json_object_get_string(json_object_object_get(top, "object")),
	       json_object_get_string(json_object_object_get(top, "license")));
	for (i = 0; i < json_object_array_length(progs); i++) {
		json_object *p = json_object_array_get_idx(progs, i);

		printf("prog %zu: %s  section %s  %d insns\n", i,
		       json_object_get_string(json_object_object_get(p, "name")),
		       json_object_get_string(json_object_object_get(p, "section")),
		       json_object_get_int(json_object_object_get(p, "insns")));
	}
	for (i = 0; i < json_object_array_length(maps); i++) {
		json_object *m = json_object_array_get_idx(maps, i);
		bool pin = !strcmp(json_object_get_string(json_object_object_get(m, "pinning")),
				   "by_name");

		pinned += pin;
		printf("map %s: %s  key %d B  value %d B  max_entries %d  flags 0x%x%s\n",
		       json_object_get_string(json_object_object_get(m, "name")),
		       json_object_get_string(json_object_object_get(m, "type")),
		       json_object_get_int(json_object_object_get(m, "key_size")),
		       json_object_get_int(json_object_object_get(m, "value_size")),
		       json_object_get_int(json_object_object_get(m, "max_entries")),
		       json_object_get_int(json_object_object_get(m, "flags")),
		       pin ? "  pinned by name" : "");
	}
	for (i = 0; i < json_object_array_length(skipped); i++)
		printf("skipped: section %s (not XDP, not loaded)\n",
		       json_object_get_string(json_object_array_get_idx(skipped, i)));
	if (pinned)
		printf("note: maps pinned by name are the object's own in prog run|verify|show (no "
		       "pin directory); offloaded objects of one port share them by name "
		       "(docs/offload.md)\n");
}

static int prog_show(int argc, char **argv)
{
	const char *path = NULL;
	bool json = false;
	struct vx_obj *obj;
	json_object *top;
	int i;

	for (i = 0; i < argc; i++) {
		if (!strcmp(argv[i], "--json"))
			json = true;
		else if (!path && argv[i][0] != '-')
			path = argv[i];
		else
			return util_err("prog show: unexpected argument '%s'", argv[i]), 2;
	}
	if (!path)
		return util_err("prog show: missing OBJECT"), 2;
	obj = open_obj(path);
	if (!obj)
		return 1;
	top = show_json(obj);
	if (json)
		printf("%s\n", json_object_to_json_string_ext(top, JSON_C_TO_STRING_PLAIN));
	else
		show_text(top);
	json_object_put(top);
	vx_obj_close(obj);
	return 0;
}

/* One line of `prog dump`: map and function references by name, helpers named. */
static void dump_insn(const struct vx_prog *p, const struct vx_insn *in, size_t len, size_t i,
		      char *buf, size_t size)
{
	const struct vx_insn *x = &in[i];
	const char *h;

	if (x->code == VX_LD_IMM64 && x->src && i + 1 < len) {
		const char *name = (size_t)x->imm < vx_prog_map_count(p) ?
					   vx_map_get_def(vx_prog_map(p, (size_t)x->imm))->name :
					   "?";

		if (x->src == VX_PSEUDO_MAP_IDX)
			snprintf(buf, size, "lddw %%r%u, map %s", x->dst, name);
		else if (x->src == VX_PSEUDO_MAP_IDX_VALUE)
			snprintf(buf, size, "lddw %%r%u, map %s value + %d", x->dst, name,
				 in[i + 1].imm);
		else if (x->src == VX_PSEUDO_FUNC)
			snprintf(buf, size, "lddw %%r%u, function %+d  ; at %zu", x->dst, x->imm,
				 i + 1 + (size_t)x->imm);
		else
			vx_disasm_insn(in, len, i, buf, size);
		return;
	}
	vx_disasm_insn(in, len, i, buf, size);
	if (x->code == (VX_JMP | VX_CALL) && x->src == VX_CALL_HELPER &&
	    (h = vx_helper_name((uint32_t)x->imm)))
		snprintf(buf + strlen(buf), size - strlen(buf), "  ; bpf_%s", h);
	else if (vx_branch_target(in, i) >= 0)
		snprintf(buf + strlen(buf), size - strlen(buf), "  ; to %ld",
			 vx_branch_target(in, i));
}

static void dump_prog(const struct vx_prog *p)
{
	size_t len, i;
	const struct vx_insn *in = vx_prog_insns(p, &len);
	char buf[256];

	printf("%s (section %s, %zu insns):\n", vx_prog_name(p), vx_prog_section(p), len);
	for (i = 0; i < len; i++) {
		dump_insn(p, in, len, i, buf, sizeof(buf));
		printf("%5zu: %s\n", i, buf);
		if (in[i].code == VX_LD_IMM64)
			i++;
	}
}

static int prog_dump(int argc, char **argv)
{
	const char *path = NULL, *name = NULL;
	struct vx_obj *obj;
	size_t i;
	int a;

	for (a = 0; a < argc; a++) {
		if (!strcmp(argv[a], "--prog") && a + 1 < argc)
			name = argv[++a];
		else if (!path && argv[a][0] != '-')
			path = argv[a];
		else
			return util_err("prog dump: unexpected argument '%s'", argv[a]), 2;
	}
	if (!path)
		return util_err("prog dump: missing OBJECT"), 2;
	obj = open_obj(path);
	if (!obj)
		return 1;
	if (name && !vx_obj_find_prog(obj, name)) {
		util_err("%s: no program named '%s'", path, name);
		vx_obj_close(obj);
		return 1;
	}
	for (i = 0; i < vx_obj_prog_count(obj); i++)
		if (!name || !strcmp(vx_prog_name(vx_obj_prog(obj, i)), name))
			dump_prog(vx_obj_prog(obj, i));
	vx_obj_close(obj);
	return 0;
}

int cmd_prog(int argc, char **argv)
{
	if (argc < 1)
		return util_err("prog: expected run, show, dump or verify"), 2;
	if (!strcmp(argv[0], "run"))
		return prog_run(argc - 1, argv + 1);
	if (!strcmp(argv[0], "show"))
		return prog_show(argc - 1, argv + 1);
	if (!strcmp(argv[0], "dump"))
		return prog_dump(argc - 1, argv + 1);
	if (!strcmp(argv[0], "verify"))
		return cmd_prog_verify(argc - 1, argv + 1);
	util_err("prog: unknown subcommand '%s' (expected run, show, dump or verify)", argv[0]);
	return 2;
}
