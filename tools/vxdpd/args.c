// SPDX-License-Identifier: BSD-2-Clause
/* args.c - vxdpd's options: control path, cores, mode, burst, aging, ports; clear refusals. */
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "args.h"

void args_usage(FILE *f)
{
	fprintf(f,
		"usage: vxdpd [--ctl PATH] [--cores LIST] [--mode learn|xconnect] [--burst N]\n"
		"             [--age SECONDS] [--engine interp|jit] [--allow-redirect FROM:TO]...\n"
		"             [--quota KEY=N]... --port NAME=vhost-user:PATH[,client]...\n"
		"             [--port NAME=tap:IFNAME]...\n"
		"  --ctl PATH      control socket (default $XDG_RUNTIME_DIR/vxdp/vxdpd.sock,\n"
		"                  else /run/vxdp/vxdpd.sock)\n"
		"  --cores LIST    one pinned worker per core, e.g. 2,4-5 (default: one unpinned)\n"
		"  --mode MODE     learn (MAC learning, default) or xconnect (ports paired in order)\n"
		"  --burst N       frames per burst, %d..%d (default 64)\n"
		"  --age SECONDS   MAC table aging (default 300)\n"
		"  --port NAME=vhost-user:PATH[,client|,server]\n"
		"                  a vhost-user port; server mode (we listen) unless client\n"
		"  --port NAME=tap:IFNAME\n"
		"                  a tap interface to the host's stack, created (or attached) and\n"
		"                  brought up; needs CAP_NET_ADMIN; addresses are yours to set\n"
		"  --engine interp|jit      how offloaded XDP programs run (default: jit where\n"
		"                           the host supports it, else interp)\n"
		"  --allow-redirect FROM:TO let FROM's program redirect frames to port TO\n"
		"                           (port names; repeatable; default: no redirects)\n"
		"  --quota KEY=N            guests' per-port quotas: objects (8), insns (262144),\n"
		"                           map-bytes (64 MiB), requests (1000 per second)\n",
		VX_SW_BURST_MIN, VX_SW_BURST_MAX);
}

static int bad(const char *fmt, ...)
{
	va_list ap;

	fputs("vxdpd: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return -1;
}

static int parse_uint(const char *s, unsigned long max, unsigned long *out)
{
	char *end;

	if (*s < '0' || *s > '9')
		return -1;
	errno = 0;
	*out = strtoul(s, &end, 10);
	return errno || *end || *out > max ? -1 : 0;
}

static int add_core(struct args *a, unsigned long c)
{
	if (a->sw.ncores >= VX_SW_MAX_WORKERS)
		return bad("--cores: at most %d cores", VX_SW_MAX_WORKERS);
	a->sw.cores[a->sw.ncores++] = (int)c;
	return 0;
}

/* One item of a core list: N or N-M. */
static int parse_core_item(struct args *a, char *item)
{
	char *dash = strchr(item, '-');
	unsigned long lo, hi;

	if (dash)
		*dash = 0;
	if (parse_uint(item, 1023, &lo) || (dash && parse_uint(dash + 1, 1023, &hi)))
		return bad("--cores: '%s' is not a core number (0..1023) or range", item);
	if (!dash)
		hi = lo;
	if (hi < lo)
		return bad("--cores: range %lu-%lu goes backwards", lo, hi);
	for (; lo <= hi; lo++) {
		if (add_core(a, lo))
			return -1;
	}
	return 0;
}

static int parse_cores(struct args *a, const char *list)
{
	char *copy = strdup(list), *save = NULL, *item;
	int err = 0;

	if (!copy)
		return bad("out of memory");
	if (!*copy)
		err = bad("--cores: empty list");
	for (item = strtok_r(copy, ",", &save); item && !err; item = strtok_r(NULL, ",", &save))
		err = parse_core_item(a, item);
	free(copy);
	return err;
}

static int parse_vhost(struct args *a, struct port_arg *p, const char *spec)
{
	const char *comma = strrchr(spec, ',');
	size_t len = comma ? (size_t)(comma - spec) : strlen(spec);
	char *path = a->paths[a->nports];

	if (comma && !strcmp(comma + 1, "client"))
		p->client = true;
	else if (comma && strcmp(comma + 1, "server"))
		return bad("--port %s: unknown option '%s' (client or server)", p->name, comma + 1);
	if (!len)
		return bad("--port %s: vhost-user needs a socket path", p->name);
	if (len >= sizeof(a->paths[0]))
		return bad("--port %s: socket path too long (max %zu)", p->name,
			   sizeof(a->paths[0]) - 1);
	memcpy(path, spec, len);
	path[len] = 0;
	p->path = path;
	return 0;
}

/* IFNAMSIZ is 16: at most 15 characters, none of them '/' or white space. */
static int parse_tap(struct args *a, struct port_arg *p, const char *ifname)
{
	size_t len = strlen(ifname);
	char *copy = a->paths[a->nports];

	if (!len)
		return bad("--port %s: tap needs an interface name", p->name);
	if (len > 15)
		return bad("--port %s: interface name '%s' too long (max 15)", p->name, ifname);
	if (strpbrk(ifname, "/: \t\n") || !strcmp(ifname, ".") || !strcmp(ifname, ".."))
		return bad("--port %s: '%s' is not a valid interface name", p->name, ifname);
	memcpy(copy, ifname, len + 1);
	p->path = copy;
	p->tap = true;
	return 0;
}

static int parse_port(struct args *a, const char *arg)
{
	const char *eq = strchr(arg, '=');
	struct port_arg *p = &a->ports[a->nports];
	size_t nlen = eq ? (size_t)(eq - arg) : 0;
	unsigned int i;

	if (a->nports >= VX_SW_MAX_PORTS)
		return bad("--port: at most %d ports", VX_SW_MAX_PORTS);
	if (!eq || !nlen)
		return bad("--port '%s': expected NAME=TYPE:ARGS", arg);
	if (nlen >= VX_PORT_NAME_MAX)
		return bad("--port '%s': name longer than %d", arg, VX_PORT_NAME_MAX - 1);
	memcpy(a->names[a->nports], arg, nlen);
	a->names[a->nports][nlen] = 0;
	p->name = a->names[a->nports];
	for (i = 0; i < a->nports; i++) {
		if (!strcmp(a->ports[i].name, p->name))
			return bad("--port: name '%s' used twice", p->name);
	}
	if (!strncmp(eq + 1, "tap:", 4)) {
		if (parse_tap(a, p, eq + 5))
			return -1;
	} else if (!strncmp(eq + 1, "vhost-user:", 11)) {
		if (parse_vhost(a, p, eq + 12))
			return -1;
	} else {
		return bad("--port %s: unknown port type in '%s' (vhost-user:PATH or tap:IFNAME)",
			   p->name, eq + 1);
	}
	a->nports++;
	return 0;
}

enum { O_CTL = 1, O_CORES, O_MODE, O_PORT, O_BURST, O_AGE, O_ENGINE, O_REDIRECT, O_QUOTA };

static const struct option opts[] = {
	{ "ctl", required_argument, NULL, O_CTL },
	{ "cores", required_argument, NULL, O_CORES },
	{ "mode", required_argument, NULL, O_MODE },
	{ "port", required_argument, NULL, O_PORT },
	{ "burst", required_argument, NULL, O_BURST },
	{ "age", required_argument, NULL, O_AGE },
	{ "engine", required_argument, NULL, O_ENGINE },
	{ "allow-redirect", required_argument, NULL, O_REDIRECT },
	{ "quota", required_argument, NULL, O_QUOTA },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

static int parse_quota(struct args *a, const char *arg)
{
	static const char *const keys[] = { "objects=", "insns=", "map-bytes=", "requests=" };
	unsigned long long *vals[] = { &a->quota_objects, &a->quota_insns, &a->quota_map_bytes,
				       &a->quota_req_per_s };
	unsigned long v;
	unsigned int i;

	for (i = 0; i < 4; i++) {
		size_t n = strlen(keys[i]);

		if (strncmp(arg, keys[i], n))
			continue;
		if (parse_uint(arg + n, i == 2 ? ~0ul : 0xfffffffful, &v) || !v)
			return bad("--quota %s: not a positive number", arg);
		*vals[i] = v;
		return 0;
	}
	return bad("--quota '%s': expected objects=N, insns=N, map-bytes=N or requests=N", arg);
}

static int set_offload_opt(struct args *a, int c, const char *arg)
{
	if (c == O_QUOTA)
		return parse_quota(a, arg);
	if (c == O_ENGINE) {
		if (strcmp(arg, "interp") && strcmp(arg, "jit"))
			return bad("--engine: '%s' is not interp or jit", arg);
		a->engine = arg[0] == 'j';
		return 0;
	}
	if (!strchr(arg, ':') || arg[0] == ':' || !strchr(arg, ':')[1])
		return bad("--allow-redirect: '%s' is not FROM:TO (port names)", arg);
	if (a->nredirects == sizeof(a->redirects) / sizeof(a->redirects[0]))
		return bad("--allow-redirect: too many");
	a->redirects[a->nredirects++] = arg;
	return 0;
}

static int set_opt(struct args *a, int c, const char *arg)
{
	unsigned long v;

	switch (c) {
	case O_CTL:
		if (!*arg)
			return bad("--ctl: empty path");
		a->ctl = arg;
		return 0;
	case O_CORES:
		return parse_cores(a, arg);
	case O_MODE:
		if (!strcmp(arg, "learn") || !strcmp(arg, "xconnect")) {
			a->sw.mode = arg[0] == 'x' ? VX_SW_XCONNECT : VX_SW_LEARN;
			return 0;
		}
		return bad("--mode: '%s' is not learn or xconnect", arg);
	case O_PORT:
		return parse_port(a, arg);
	case O_BURST:
		if (parse_uint(arg, VX_SW_BURST_MAX, &v) || v < VX_SW_BURST_MIN)
			return bad("--burst: '%s' is not %d..%d", arg, VX_SW_BURST_MIN,
				   VX_SW_BURST_MAX);
		a->sw.burst = (unsigned int)v;
		return 0;
	case O_AGE:
		if (parse_uint(arg, 86400, &v) || !v)
			return bad("--age: '%s' is not 1..86400 seconds", arg);
		a->sw.age_s = (unsigned int)v;
		return 0;
	case O_ENGINE:
	case O_REDIRECT:
	case O_QUOTA:
		return set_offload_opt(a, c, arg);
	case 'h':
		a->help = true;
		return 0;
	default:
		return bad("unknown option (see --help)");
	}
}

static int check(const struct args *a)
{
	if (!a->nports)
		return bad("no ports: give at least one --port NAME=vhost-user:PATH or NAME=tap:IFNAME");
	if (a->sw.mode == VX_SW_XCONNECT && a->nports % 2)
		return bad("--mode xconnect pairs ports in order: give an even number (got %u)",
			   a->nports);
	return 0;
}

int args_parse(struct args *a, int argc, char **argv)
{
	int c;

	opterr = 0;
	a->engine = -1;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		if (c == '?' || c == ':')
			return bad("bad option '%s' (see --help)", argv[optind - 1]);
		if (set_opt(a, c, optarg))
			return -1;
	}
	if (optind < argc)
		return bad("unexpected argument '%s'", argv[optind]);
	return a->help ? 0 : check(a);
}
