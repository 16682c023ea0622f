// SPDX-License-Identifier: BSD-2-Clause
/*
 * cmd_port.c - `vxdp port list` and `vxdp stats`: one request to vxdpd's control socket,
 * the answer as a table or, with --json, as the daemon's JSON object.
 */
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include <vxctl/client.h>

#include "cmd.h"
#include "util.h"

#define CTL_TIMEOUT_MS	5000

struct ctl_opts {
	const char *ctl;
	bool json;
};

static int parse_opts(struct ctl_opts *o, int argc, char **argv, const char *what)
{
	int i;

	for (i = 0; i < argc; i++) {
		if (!strcmp(argv[i], "--json")) {
			o->json = true;
		} else if (!strcmp(argv[i], "--ctl") && i + 1 < argc && *argv[i + 1]) {
			o->ctl = argv[++i];
		} else {
			util_err("%s: unexpected argument '%s' (usage: vxdp %s [--ctl PATH] [--json])",
				 what, argv[i], what);
			return -1;
		}
	}
	return 0;
}

static struct json_object *request(const struct ctl_opts *o, const char *req)
{
	return cmd_ctl_request(o->ctl, req);
}

struct json_object *cmd_ctl_request(const char *ctl, const char *req)
{
	char buf[256], *reply = NULL;
	const char *path = ctl;
	struct json_object *ans, *err;
	int ret;

	if (!path && vx_ctl_default_path(buf, sizeof(buf)) == 0)
		path = buf;
	if (!path) {
		util_err("default control path too long; use --ctl");
		return NULL;
	}
	ret = vx_ctl_request(path, req, &reply, CTL_TIMEOUT_MS);
	if (ret) {
		util_err("cannot reach vxdpd at %s: %s", path, strerror(-ret));
		return NULL;
	}
	ans = json_tokener_parse(reply);
	free(reply);
	if (!ans || !json_object_is_type(ans, json_type_object)) {
		util_err("malformed answer from vxdpd");
		json_object_put(ans);
		return NULL;
	}
	if (json_object_object_get_ex(ans, "error", &err)) {
		util_err("vxdpd: %s", json_object_get_string(err));
		json_object_put(ans);
		return NULL;
	}
	return ans;
}

static const char *str(struct json_object *o, const char *key)
{
	struct json_object *v;

	return json_object_object_get_ex(o, key, &v) ? json_object_get_string(v) : "?";
}

static uint64_t num(struct json_object *o, const char *key)
{
	struct json_object *v;

	return json_object_object_get_ex(o, key, &v) ? json_object_get_uint64(v) : 0;
}

static struct json_object *ports_of(struct json_object *ans)
{
	struct json_object *a;

	if (!json_object_object_get_ex(ans, "ports", &a) ||
	    !json_object_is_type(a, json_type_array))
		return NULL;
	return a;
}

static void print_json(struct json_object *ans)
{
	printf("%s\n", json_object_to_json_string_ext(ans, JSON_C_TO_STRING_PLAIN));
}

static void print_port_list(struct json_object *ans)
{
	struct json_object *a = ports_of(ans);
	size_t i, n = a ? json_object_array_length(a) : 0;

	printf("mode %s\n", str(ans, "mode"));
	printf("%-5s %-16s %-10s %-9s %-6s %-7s %s\n", "INDEX", "NAME", "TYPE", "CONNECTED",
	       "WORKER", "IFINDEX", "DESC");
	for (i = 0; i < n; i++) {
		struct json_object *p = json_object_array_get_idx(a, i);

		printf("%-5s %-16s %-10s %-9s %-6s %-7s %s\n", str(p, "index"), str(p, "name"),
		       str(p, "type"), str(p, "connected"), str(p, "worker"), str(p, "ifindex"),
		       str(p, "desc"));
	}
}

static uint64_t drop_total(struct json_object *p)
{
	struct json_object *d;
	uint64_t sum = 0;

	if (!json_object_object_get_ex(p, "drops", &d) ||
	    !json_object_is_type(d, json_type_object))
		return 0;
	json_object_object_foreach(d, key, val) {
		(void)key;
		sum += json_object_get_uint64(val);
	}
	return sum;
}

static void print_drops(struct json_object *p)
{
	struct json_object *d;
	bool first = true;

	if (!json_object_object_get_ex(p, "drops", &d))
		return;
	json_object_object_foreach(d, key, val) {
		if (!json_object_get_uint64(val))
			continue;
		printf("%s%s=%" PRIu64, first ? " (" : " ", key, json_object_get_uint64(val));
		first = false;
	}
	if (!first)
		printf(")");
}

/* The XDP hook's counters, once the port's hook has run a program. */
static void print_xdp(struct json_object *p)
{
	struct json_object *x;

	if (!json_object_object_get_ex(p, "xdp", &x) || !num(x, "runs"))
		return;
	printf("%-16s xdp:", "");
	json_object_object_foreach(x, key, val)
		printf(" %s=%" PRIu64, key, json_object_get_uint64(val));
	printf("\n");
}

static void print_stats(struct json_object *ans)
{
	struct json_object *a = ports_of(ans);
	size_t i, n = a ? json_object_array_length(a) : 0;

	printf("mode %s, flooded %" PRIu64 ", macs %" PRIu64 "\n", str(ans, "mode"),
	       num(ans, "flooded"), num(ans, "macs"));
	printf("%-16s %12s %14s %12s %14s %10s\n", "PORT", "RX_PACKETS", "RX_BYTES",
	       "TX_PACKETS", "TX_BYTES", "DROPS");
	for (i = 0; i < n; i++) {
		struct json_object *p = json_object_array_get_idx(a, i);

		printf("%-16s %12" PRIu64 " %14" PRIu64 " %12" PRIu64 " %14" PRIu64 " %10" PRIu64,
		       str(p, "name"), num(p, "rx_packets"), num(p, "rx_bytes"),
		       num(p, "tx_packets"), num(p, "tx_bytes"), drop_total(p));
		print_drops(p);
		printf("\n");
		print_xdp(p);
	}
}

static int run(int argc, char **argv, const char *what, const char *req,
	       void (*show)(struct json_object *))
{
	struct ctl_opts o = { 0 };
	struct json_object *ans;

	if (parse_opts(&o, argc, argv, what))
		return 2;
	ans = request(&o, req);
	if (!ans)
		return 1;
	if (o.json)
		print_json(ans);
	else
		show(ans);
	json_object_put(ans);
	return fflush(stdout) ? 1 : 0;
}

int cmd_port(int argc, char **argv)
{
	if (argc < 1 || strcmp(argv[0], "list")) {
		util_err("usage: vxdp port list [--ctl PATH] [--json]");
		return 2;
	}
	return run(argc - 1, argv + 1, "port list", "{\"cmd\":\"port list\"}", print_port_list);
}

int cmd_stats(int argc, char **argv)
{
	return run(argc, argv, "stats", "{\"cmd\":\"stats\"}", print_stats);
}
