// SPDX-License-Identifier: BSD-2-Clause
/*
 * guest_cmd.c - the guest channel's commands (shared by vxdp-guest and `vguest offload`):
 * argument parsing, one or more requests through the client, and printing the answers.
 */
#include <errno.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "guest_cmd.h"

#define KV_MAX	VX_CHAN_BODY_MAX

struct cmd_ctx {
	struct vx_chan_client *c;
	const char *tool;
	uint32_t ifindex;
};

void guest_cmd_usage(FILE *f)
{
	fprintf(f,
		"  prog load OBJ [--attach] [--prog NAME] [--name NAME]\n"
		"  prog attach ID [--prog NAME]\n"
		"  prog detach\n"
		"  prog unload ID\n"
		"  prog list\n"
		"  map lookup MAP KEYHEX\n"
		"  map update MAP KEYHEX VALUEHEX [--flags any|noexist|exist]\n"
		"  map delete MAP KEYHEX\n"
		"  map next MAP [KEYHEX]\n"
		"  map dump MAP\n"
		"  stats\n"
		"  hello\n"
		"  MAP is a map's name, or ID/NAME for object ID's map; keys and values are raw\n"
		"  bytes in memory order, in hex (spaces and colons ignored).\n");
}

static int usage_err(struct cmd_ctx *x, const char *what)
{
	fprintf(stderr, "%s: %s (see --help)\n", x->tool, what);
	return 2;
}

/* The client's error for a failed call, as an exit status. */
static int call_err(struct cmd_ctx *x, int err)
{
	fprintf(stderr, "%s: %s\n", x->tool, x->c->err[0] ? x->c->err : strerror(err < 0 ? -err :
									      err));
	return 1;
}

static int call(struct cmd_ctx *x, struct vx_chan_req *q, struct vx_chan_rd *r)
{
	int err = vx_chan_call(x->c, q, r);

	return err ? call_err(x, err) : 0;
}

static int bad_reply(struct cmd_ctx *x)
{
	fprintf(stderr, "%s: malformed reply from the host\n", x->tool);
	return 1;
}

static int hexval(int ch)
{
	if (ch >= '0' && ch <= '9')
		return ch - '0';
	if (ch >= 'a' && ch <= 'f')
		return ch - 'a' + 10;
	if (ch >= 'A' && ch <= 'F')
		return ch - 'A' + 10;
	return -1;
}

/* Hex into out: byte count, or -1. */
static int parse_hex(const char *s, uint8_t *out, size_t cap)
{
	size_t n = 0;
	int hi = -1;

	for (; *s; s++) {
		int v = hexval(*s);

		if (*s == ' ' || *s == ':' || *s == '-')
			continue;
		if (v < 0)
			return -1;
		if (hi < 0) {
			hi = v;
			continue;
		}
		if (n == cap)
			return -1;
		out[n++] = hi << 4 | v;
		hi = -1;
	}
	return hi < 0 ? (int)n : -1;
}

static void print_hex(const uint8_t *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		printf("%s%02x", i ? " " : "", p[i]);
}

static int parse_u32(const char *s, uint32_t *out)
{
	char *end;
	unsigned long v;

	errno = 0;
	v = strtoul(s, &end, 0);
	if (errno || *end || end == s || v > UINT32_MAX)
		return -1;
	*out = v;
	return 0;
}

static uint8_t *read_file(const char *path, size_t *len, const char **why)
{
	FILE *f = fopen(path, "rb");
	uint8_t *buf = NULL;
	long n;

	*why = NULL;
	if (!f) {
		*why = strerror(errno);
		return NULL;
	}
	if (fseek(f, 0, SEEK_END) || (n = ftell(f)) < 0 || fseek(f, 0, SEEK_SET)) {
		*why = "cannot tell its size";
	} else if (n == 0 || n > (long)VX_CHAN_OBJ_MAX) {
		*why = "objects must be 1 byte to 4 MiB";
	} else {
		buf = malloc(n);
		if (!buf || fread(buf, 1, n, f) != (size_t)n) {
			*why = "read error";
			free(buf);
			buf = NULL;
		}
		*len = n;
	}
	fclose(f);
	return buf;
}

enum { O_ATTACH = 0x100, O_PROG, O_NAME, O_FLAGS };

static const struct option sub_opts[] = {
	{ "attach", no_argument, NULL, O_ATTACH },
	{ "prog", required_argument, NULL, O_PROG },
	{ "name", required_argument, NULL, O_NAME },
	{ "flags", required_argument, NULL, O_FLAGS },
	{ NULL, 0, NULL, 0 },
};

struct sub {
	bool attach;
	const char *prog, *name, *flags;
	int npos;
	char *pos[4];
};

/* Options anywhere after the verb; positional words in order. */
static int parse_sub(struct cmd_ctx *x, int argc, char **argv, struct sub *s)
{
	int c;

	memset(s, 0, sizeof(*s));
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "-", sub_opts, NULL)) != -1) {
		switch (c) {
		case 1:
			if (s->npos == 4)
				return usage_err(x, "too many arguments");
			s->pos[s->npos++] = optarg;
			break;
		case O_ATTACH: s->attach = true; break;
		case O_PROG: s->prog = optarg; break;
		case O_NAME: s->name = optarg; break;
		case O_FLAGS: s->flags = optarg; break;
		default: return usage_err(x, "unknown option");
		}
	}
	return 0;
}

static int prog_load(struct cmd_ctx *x, struct sub *s)
{
	const char *why, *base;
	uint32_t id = 0;
	size_t len = 0;
	uint8_t *obj;
	int err;

	if (s->npos != 1)
		return usage_err(x, "prog load needs one OBJ");
	obj = read_file(s->pos[0], &len, &why);
	if (!obj) {
		fprintf(stderr, "%s: %s: %s\n", x->tool, s->pos[0], why);
		return 1;
	}
	base = strrchr(s->pos[0], '/');
	base = base ? base + 1 : s->pos[0];
	err = vx_chan_load(x->c, obj, len, s->name ? s->name : base, s->attach, s->prog,
			   x->ifindex, &id);
	free(obj);
	if (err)
		return call_err(x, err);
	printf("loaded %s as %u%s\n", s->pos[0], id, s->attach ? ", attached" : "");
	return 0;
}

static int prog_simple(struct cmd_ctx *x, struct sub *s, uint8_t op)
{
	struct vx_chan_req q = { .op = op, .ifindex = x->ifindex };
	struct vx_chan_rd r;
	int err;

	if (op != VX_CHAN_DETACH && (s->npos != 1 || parse_u32(s->pos[0], &q.obj)))
		return usage_err(x, "needs one object ID");
	if (op == VX_CHAN_DETACH && s->npos)
		return usage_err(x, "prog detach takes no argument");
	snprintf(q.prog, sizeof(q.prog), "%s", s->prog ? s->prog : "");
	err = call(x, &q, &r);
	if (err)
		return err;
	if (op == VX_CHAN_ATTACH)
		printf("attached %u\n", q.obj);
	else if (op == VX_CHAN_UNLOAD)
		printf("unloaded %u\n", q.obj);
	else
		printf("detached\n");
	return 0;
}

/* The names of object id's programs and maps, page by page. */
static int print_names(struct cmd_ctx *x, uint32_t id)
{
	struct vx_chan_req q = { .op = VX_CHAN_OBJ_INFO, .obj = id };
	unsigned int total = 1;

	while (q.cursor < total) {
		struct vx_chan_rd r;
		unsigned int np, nm, n, i;
		int err = call(x, &q, &r);

		if (err)
			return err;
		np = vx_chan_get_u16(&r);
		nm = vx_chan_get_u16(&r);
		n = vx_chan_get_u8(&r);
		total = np + nm;
		for (i = 0; i < n; i++) {
			char name[VX_CHAN_STR_MAX + 1];
			unsigned int k = q.cursor + i;

			vx_chan_get_str(&r, name, sizeof(name));
			printf("%s%s %s", k == 0 || k == np ? "\n    " : "",
			       k == 0 ? "progs:" : k == np ? "maps:" : "", name);
		}
		if (!vx_chan_rd_done(&r) || (n == 0 && q.cursor < total))
			return bad_reply(x);
		q.cursor += n;
	}
	printf("\n");
	return 0;
}

static int prog_list(struct cmd_ctx *x)
{
	struct vx_chan_req q = { .op = VX_CHAN_LIST };
	uint32_t total = 1;
	uint32_t ids[256];
	unsigned int nids = 0, i;

	while (q.cursor < total) {
		struct vx_chan_rd r;
		unsigned int n;
		int err = call(x, &q, &r);

		if (err)
			return err;
		total = vx_chan_get_u32(&r);
		n = vx_chan_get_u8(&r);
		for (i = 0; i < n; i++) {
			struct vx_chan_obj_entry e;

			vx_chan_get_obj_entry(&r, &e);
			if (r.err)
				break;
			printf("%u: %s  %s%s  progs %u maps %u insns %u map_bytes %llu\n", e.id,
			       e.name, e.origin ? "host" : "guest", e.attached ? " attached" : "",
			       e.nprogs, e.nmaps, e.insns, (unsigned long long)e.map_bytes);
			if (nids < 256)
				ids[nids++] = e.id;
		}
		if (!vx_chan_rd_done(&r) || (n == 0 && q.cursor < total))
			return bad_reply(x);
		q.cursor += n;
	}
	if (!nids)
		printf("no objects\n");
	for (i = 0; i < nids; i++) {
		int err;

		printf("%u:", ids[i]);
		err = print_names(x, ids[i]);
		if (err)
			return err;
	}
	return 0;
}

static int cmd_prog(struct cmd_ctx *x, int argc, char **argv)
{
	struct sub s;
	int err;

	if (argc < 2)
		return usage_err(x, "prog needs a verb");
	err = parse_sub(x, argc - 1, argv + 1, &s);
	if (err)
		return err;
	if (!strcmp(argv[1], "load"))
		return prog_load(x, &s);
	if (!strcmp(argv[1], "attach"))
		return prog_simple(x, &s, VX_CHAN_ATTACH);
	if (!strcmp(argv[1], "detach"))
		return prog_simple(x, &s, VX_CHAN_DETACH);
	if (!strcmp(argv[1], "unload"))
		return prog_simple(x, &s, VX_CHAN_UNLOAD);
	if (!strcmp(argv[1], "list") && !s.npos)
		return prog_list(x);
	return usage_err(x, "unknown prog command");
}

static int map_flags(const char *s, uint64_t *out)
{
	if (!s || !strcmp(s, "any"))
		*out = 0;
	else if (!strcmp(s, "noexist"))
		*out = 1;
	else if (!strcmp(s, "exist"))
		*out = 2;
	else
		return -1;
	return 0;
}

static int map_dump(struct cmd_ctx *x, struct vx_chan_req *q)
{
	static uint8_t cursor[KV_MAX];
	unsigned long entries = 0, pages = 0;

	for (;;) {
		struct vx_chan_rd r;
		unsigned int ksz, vsz, n, more, i;
		int err = call(x, q, &r);

		if (err)
			return err;
		ksz = vx_chan_get_u16(&r);
		vsz = vx_chan_get_u16(&r);
		n = vx_chan_get_u16(&r);
		more = vx_chan_get_u8(&r);
		for (i = 0; i < n && !r.err; i++) {
			const uint8_t *k = vx_chan_get_bytes(&r, ksz), *v = vx_chan_get_bytes(&r, vsz);

			if (!k || !v)
				break;
			printf("key: ");
			print_hex(k, ksz);
			printf("  value: ");
			print_hex(v, vsz);
			printf("\n");
			entries++;
		}
		if (more) {
			struct vx_chan_blob b = vx_chan_get_blob(&r);

			if (b.len != ksz || !b.p)
				return bad_reply(x);
			memcpy(cursor, b.p, b.len);
			q->key.p = cursor;
			q->key.len = b.len;
		}
		if (!vx_chan_rd_done(&r))
			return bad_reply(x);
		pages++;
		if (!more)
			break;
	}
	printf("%lu entries\n", entries);
	(void)pages;
	return 0;
}

static int map_cmd(struct cmd_ctx *x, const char *verb, struct sub *s)
{
	static uint8_t key[KV_MAX], val[KV_MAX];
	struct vx_chan_req q = { 0 };
	struct vx_chan_rd r;
	struct vx_chan_blob b;
	int n, err;

	if (s->npos < 1)
		return usage_err(x, "map commands need a MAP");
	if (strlen(s->pos[0]) > VX_CHAN_STR_MAX)
		return usage_err(x, "map name too long");
	snprintf(q.map, sizeof(q.map), "%s", s->pos[0]);
	if (s->npos >= 2) {
		n = parse_hex(s->pos[1], key, sizeof(key));
		if (n < 0)
			return usage_err(x, "KEYHEX is not hex bytes");
		q.key = (struct vx_chan_blob){ key, n };
	}
	if (!strcmp(verb, "dump") && s->npos == 1) {
		q.op = VX_CHAN_MAP_DUMP;
		return map_dump(x, &q);
	}
	if (!strcmp(verb, "next") && s->npos <= 2)
		q.op = VX_CHAN_MAP_NEXT;
	else if (!strcmp(verb, "lookup") && s->npos == 2)
		q.op = VX_CHAN_MAP_LOOKUP;
	else if (!strcmp(verb, "delete") && s->npos == 2)
		q.op = VX_CHAN_MAP_DELETE;
	else if (!strcmp(verb, "update") && s->npos == 3) {
		q.op = VX_CHAN_MAP_UPDATE;
		n = parse_hex(s->pos[2], val, sizeof(val));
		if (n < 0)
			return usage_err(x, "VALUEHEX is not hex bytes");
		q.value = (struct vx_chan_blob){ val, n };
		if (map_flags(s->flags, &q.map_flags))
			return usage_err(x, "--flags is any, noexist or exist");
	} else {
		return usage_err(x, "unknown map command or wrong arguments");
	}
	err = call(x, &q, &r);
	if (err)
		return err;
	if (q.op == VX_CHAN_MAP_LOOKUP || q.op == VX_CHAN_MAP_NEXT) {
		b = vx_chan_get_blob(&r);
		if (!vx_chan_rd_done(&r))
			return bad_reply(x);
		printf("%s: ", q.op == VX_CHAN_MAP_LOOKUP ? "value" : "next key");
		print_hex(b.p, b.len);
		printf("\n");
	} else {
		printf("%s\n", q.op == VX_CHAN_MAP_UPDATE ? "updated" : "deleted");
	}
	return 0;
}

static int cmd_map(struct cmd_ctx *x, int argc, char **argv)
{
	struct sub s;
	int err;

	if (argc < 2)
		return usage_err(x, "map needs a verb");
	err = parse_sub(x, argc - 1, argv + 1, &s);
	return err ? err : map_cmd(x, argv[1], &s);
}

static int cmd_stats(struct cmd_ctx *x)
{
	struct vx_chan_req q = { .op = VX_CHAN_COUNTERS };
	struct vx_chan_rd r;
	unsigned int n, i;
	int err = call(x, &q, &r);

	if (err)
		return err;
	n = vx_chan_get_u8(&r);
	for (i = 0; i < n; i++) {
		char name[VX_CHAN_STR_MAX + 1];
		uint64_t v;

		vx_chan_get_str(&r, name, sizeof(name));
		v = vx_chan_get_u64(&r);
		if (r.err)
			break;
		printf("%s %llu\n", name, (unsigned long long)v);
	}
	return vx_chan_rd_done(&r) ? 0 : bad_reply(x);
}

static int cmd_hello(struct cmd_ctx *x)
{
	struct vx_chan_req q = { .op = VX_CHAN_HELLO };
	struct vx_chan_rd r;
	unsigned int version, chunk, xfers;
	uint32_t max;
	int err = call(x, &q, &r);

	if (err)
		return err;
	version = vx_chan_get_u8(&r);
	chunk = vx_chan_get_u16(&r);
	max = vx_chan_get_u32(&r);
	xfers = vx_chan_get_u8(&r);
	if (!vx_chan_rd_done(&r))
		return bad_reply(x);
	printf("host speaks version %u, chunks up to %u bytes, objects up to %u bytes, "
	       "%u transfers at once\n", version, chunk, max, xfers);
	return 0;
}

int guest_cmd_run(struct vx_chan_client *c, const char *tool, int argc, char **argv,
		  uint32_t ifindex)
{
	struct cmd_ctx x = { .c = c, .tool = tool, .ifindex = ifindex };

	if (argc < 1)
		return usage_err(&x, "no command");
	if (!strcmp(argv[0], "prog"))
		return cmd_prog(&x, argc, argv);
	if (!strcmp(argv[0], "map"))
		return cmd_map(&x, argc, argv);
	if (!strcmp(argv[0], "stats") && argc == 1)
		return cmd_stats(&x);
	if (!strcmp(argv[0], "hello") && argc == 1)
		return cmd_hello(&x);
	return usage_err(&x, "unknown command");
}
