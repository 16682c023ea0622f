// SPDX-License-Identifier: BSD-2-Clause
/*
 * cmd_offload.c - the offload commands that talk to vxdpd: `vxdp prog attach|detach|list`,
 * `vxdp map dump|lookup|update|delete`, `vxdp policy allow-redirect`. Each is one JSON
 * request on the control socket (docs/offload.md); --json prints the daemon's answer.
 */
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "cmd.h"
#include "util.h"

struct opts {
	const char *ctl;
	bool json, deny;
	const char *prog, *engine, *ifindex;
	const char *pos[4];
	int npos;
};

/* Positional arguments and the common options; -1 after a message. */
static int parse(struct opts *o, int argc, char **argv, int maxpos, const char *usage)
{
	int i;

	for (i = 0; i < argc; i++) {
		const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;

		if (!strcmp(a, "--json")) {
			o->json = true;
		} else if (!strcmp(a, "--deny")) {
			o->deny = true;
		} else if (v && !strcmp(a, "--ctl")) {
			o->ctl = argv[++i];
		} else if (v && !strcmp(a, "--prog")) {
			o->prog = argv[++i];
		} else if (v && !strcmp(a, "--engine")) {
			o->engine = argv[++i];
		} else if (v && !strcmp(a, "--ifindex")) {
			o->ifindex = argv[++i];
		} else if (a[0] == '-' && a[1]) {
			util_err("unknown option '%s' (usage: %s)", a, usage);
			return -1;
		} else if (o->npos < maxpos) {
			o->pos[o->npos++] = a;
		} else {
			util_err("unexpected argument '%s' (usage: %s)", a, usage);
			return -1;
		}
	}
	return 0;
}

static void put_str(struct json_object *r, const char *key, const char *v)
{
	if (v)
		json_object_object_add(r, key, json_object_new_string(v));
}

/* Send r (consumed); print the answer as JSON or with show(). Exit status. */
static int call(const struct opts *o, struct json_object *r,
		void (*show)(struct json_object *ans, const struct opts *o))
{
	struct json_object *ans = cmd_ctl_request(o->ctl, json_object_to_json_string_ext(
							  r, JSON_C_TO_STRING_PLAIN));

	json_object_put(r);
	if (!ans)
		return 1;
	if (o->json || !show)
		printf("%s\n", json_object_to_json_string_ext(ans, JSON_C_TO_STRING_PLAIN));
	else
		show(ans, o);
	json_object_put(ans);
	return fflush(stdout) ? 1 : 0;
}

static struct json_object *req(const char *cmd)
{
	struct json_object *r = json_object_new_object();

	put_str(r, "cmd", cmd);
	return r;
}

static const char *get(struct json_object *o, const char *key)
{
	struct json_object *v;

	return json_object_object_get_ex(o, key, &v) ? json_object_get_string(v) : "-";
}

static void show_attach(struct json_object *ans, const struct opts *o)
{
	printf("port %s: object %s attached, program %s\n", o->pos[0], get(ans, "id"),
	       get(ans, "prog"));
}

#define ATTACH_USAGE "vxdp prog attach PORT OBJECT [--prog NAME] [--engine interp|jit] " \
		     "[--ifindex N] [--ctl PATH] [--json]"

static int prog_attach(int argc, char **argv)
{
	struct opts o = { 0 };
	char path[PATH_MAX];
	struct json_object *r;
	const char *base;

	if (parse(&o, argc, argv, 2, ATTACH_USAGE) || o.npos != 2)
		return o.npos != 2 ? (util_err("usage: %s", ATTACH_USAGE), 2) : 2;
	if (!realpath(o.pos[1], path))
		return util_err("cannot read %s: %s", o.pos[1], strerror(errno)), 1;
	base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	r = req("prog attach");
	put_str(r, "port", o.pos[0]);
	put_str(r, "path", path);
	put_str(r, "name", base);
	put_str(r, "prog", o.prog);
	put_str(r, "engine", o.engine);
	if (o.ifindex)
		json_object_object_add(r, "ifindex",
				       json_object_new_int64(strtol(o.ifindex, NULL, 0)));
	return call(&o, r, show_attach);
}

static void show_ok(struct json_object *ans, const struct opts *o)
{
	(void)ans;
	(void)o;
}

static int prog_detach(int argc, char **argv)
{
	static const char usage[] = "vxdp prog detach PORT [--ctl PATH]";
	struct opts o = { 0 };
	struct json_object *r;

	if (parse(&o, argc, argv, 1, usage) || o.npos != 1)
		return o.npos != 1 ? (util_err("usage: %s", usage), 2) : 2;
	r = req("prog detach");
	put_str(r, "port", o.pos[0]);
	return call(&o, r, show_ok);
}

static void show_port(struct json_object *p)
{
	struct json_object *att, *objs, *c, *rt;
	size_t i, n;

	printf("port %s (index %s, ifindex %s)", get(p, "port"), get(p, "index"), get(p, "ifindex"));
	if (json_object_object_get_ex(p, "attached", &att) && att)
		printf(": attached %s/%s (%s, ingress_ifindex %s)", get(att, "id"), get(att, "prog"),
		       get(att, "engine"), get(att, "ifindex"));
	printf("\n");
	if (json_object_object_get_ex(p, "objects", &objs)) {
		n = json_object_array_length(objs);
		for (i = 0; i < n; i++) {
			struct json_object *ob = json_object_array_get_idx(objs, i), *v;

			printf("  object %s %s (%s): %s insns, %s map bytes", get(ob, "id"),
			       get(ob, "name"), get(ob, "origin"), get(ob, "insns"),
			       get(ob, "map_bytes"));
			if (json_object_object_get_ex(ob, "progs", &v))
				printf(", progs %s", json_object_to_json_string(v));
			if (json_object_object_get_ex(ob, "maps", &v))
				printf(", maps %s", json_object_to_json_string(v));
			printf("\n");
		}
	}
	if (json_object_object_get_ex(p, "redirect_to", &rt) && json_object_array_length(rt))
		printf("  may redirect to %s\n", json_object_to_json_string(rt));
	if (json_object_object_get_ex(p, "limits", &c)) {
		printf("  guest quotas:");
		json_object_object_foreach(c, key, val)
			printf(" %s=%" PRIu64, key, json_object_get_uint64(val));
		printf("\n");
	}
	if (json_object_object_get_ex(p, "counters", &c)) {
		printf("  counters:");
		json_object_object_foreach(c, key, val)
			printf(" %s=%" PRIu64, key, json_object_get_uint64(val));
		printf("\n");
	}
}

static void show_list(struct json_object *ans, const struct opts *o)
{
	struct json_object *a;
	size_t i;

	(void)o;
	if (!json_object_object_get_ex(ans, "ports", &a))
		return;
	for (i = 0; i < json_object_array_length(a); i++)
		show_port(json_object_array_get_idx(a, i));
}

static int prog_list(int argc, char **argv)
{
	static const char usage[] = "vxdp prog list [PORT] [--ctl PATH] [--json]";
	struct opts o = { 0 };
	struct json_object *r;

	if (parse(&o, argc, argv, 1, usage))
		return 2;
	r = req("prog list");
	if (o.npos)
		put_str(r, "port", o.pos[0]);
	return call(&o, r, show_list);
}

bool cmd_prog_is_remote(const char *sub)
{
	return sub && (!strcmp(sub, "attach") || !strcmp(sub, "detach") || !strcmp(sub, "list"));
}

int cmd_prog_remote(int argc, char **argv)
{
	if (!strcmp(argv[0], "attach"))
		return prog_attach(argc - 1, argv + 1);
	if (!strcmp(argv[0], "detach"))
		return prog_detach(argc - 1, argv + 1);
	return prog_list(argc - 1, argv + 1);
}

static void show_entries(struct json_object *ans, const struct opts *o)
{
	struct json_object *a;
	size_t i;

	(void)o;
	if (!json_object_object_get_ex(ans, "entries", &a))
		return;
	for (i = 0; i < json_object_array_length(a); i++) {
		struct json_object *e = json_object_array_get_idx(a, i);

		printf("key %s value %s\n", get(e, "key"), get(e, "value"));
	}
}

#define MAP_USAGE "vxdp map dump PORT MAP | map lookup|delete PORT MAP KEYHEX | " \
		  "map update PORT MAP KEYHEX VALUEHEX [--ctl PATH] [--json]"

int cmd_map(int argc, char **argv)
{
	struct opts o = { 0 };
	struct json_object *r;
	const char *op = argc ? argv[0] : "";
	int want;
	char cmd[32];

	want = !strcmp(op, "dump") ? 2 : !strcmp(op, "update") ? 4 :
	       !strcmp(op, "lookup") || !strcmp(op, "delete") ? 3 : 0;
	if (!want)
		return util_err("usage: %s", MAP_USAGE), 2;
	if (parse(&o, argc - 1, argv + 1, 4, MAP_USAGE))
		return 2;
	if (o.npos != want)
		return util_err("usage: %s", MAP_USAGE), 2;
	snprintf(cmd, sizeof(cmd), "map %s", op);
	r = req(cmd);
	put_str(r, "port", o.pos[0]);
	put_str(r, "map", o.pos[1]);
	if (want > 2)
		put_str(r, "key", o.pos[2]);
	if (want > 3)
		put_str(r, "value", o.pos[3]);
	return call(&o, r, show_entries);
}

int cmd_policy(int argc, char **argv)
{
	static const char usage[] = "vxdp policy allow-redirect FROM TO [--deny] [--ctl PATH]";
	struct opts o = { 0 };
	struct json_object *r;

	if (!argc || strcmp(argv[0], "allow-redirect"))
		return util_err("usage: %s", usage), 2;
	if (parse(&o, argc - 1, argv + 1, 2, usage) || o.npos != 2)
		return o.npos != 2 ? (util_err("usage: %s", usage), 2) : 2;
	r = req("policy allow-redirect");
	put_str(r, "from", o.pos[0]);
	put_str(r, "to", o.pos[1]);
	json_object_object_add(r, "allow", json_object_new_boolean(!o.deny));
	return call(&o, r, show_ok);
}
