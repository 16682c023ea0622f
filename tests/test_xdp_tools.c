// SPDX-License-Identifier: BSD-2-Clause
/*
 * test_xdp_tools.c - the real xdp-tools BPF objects the system ships (Debian's libxdp1 puts
 * xdp-filter's, xdpdump's, the XDP dispatcher's and AF_XDP's default program in
 * /usr/lib/<multiarch>/bpf): every object must load here unless it needs a feature the engine
 * documents as unsupported (a map type, a program type: then a SKIP names it); every program of
 * an object that loads must verify as a trusted program and as a guest's; the kernel (libbpf,
 * pinning switched off so nothing is left in bpffs) must accept the object too; and every
 * program runs under `vxdp prog run` on one IPv4/TCP SYN, once with empty maps and once with
 * xdp-filter's rule maps matching the frame, in the interpreter and in the JIT, which must
 * agree on the verdict, the frame and every map, and with the kernel's BPF_PROG_TEST_RUN on the
 * verdict and the frame.
 *
 * Usage: test_xdp_tools DIR (the objects' directory; SKIP when absent). Env VXDP: the vxdp
 * binary. VXDP_NO_KERNEL: do not ask the kernel.
 */
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include <json-c/json.h>

#include "tap.h"
#include "vxbpf/helper.h"
#include "vxbpf/map.h"
#include "vxbpf/obj.h"
#include "vxbpf/verifier.h"

#define MAX_OBJS 64
#define FRAME_MAX 4096
#define MAX_RULES 12

static const char *vxdp;
static char tmpdir[] = "/tmp/vxdp-xdptools.XXXXXX";
static char frame_path[600];
static uint8_t frame[128];
static size_t frame_len;

/* Counts for the summary. */
static int nobjs, nloaded, nskipped, nprogs, nverified, kaccepted, kunasked, nagree;

/* ---- the frame: Ethernet, IPv4, TCP SYN with the usual options, checksums right ---- */

static uint16_t csum_fold(uint32_t sum)
{
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return (uint16_t)~sum;
}

static uint32_t csum_add(uint32_t sum, const uint8_t *p, size_t n)
{
	size_t i;

	for (i = 0; i + 1 < n; i += 2)
		sum += (uint32_t)(p[i] << 8 | p[i + 1]);
	if (n & 1)
		sum += (uint32_t)p[n - 1] << 8;
	return sum;
}

static const uint8_t dst_mac[6] = { 0x52, 0x54, 0x00, 0x12, 0x34, 0x56 };
static const uint8_t src_mac[6] = { 0x52, 0x54, 0x00, 0xab, 0xcd, 0xef };
static const uint8_t src_ip[4] = { 192, 0, 2, 10 }, dst_ip[4] = { 198, 51, 100, 20 };
static const uint16_t sport = 40000, dport = 80;

static void build_frame(void)
{
	static const uint8_t opts[20] = { 2, 4, 0x05, 0xb4, 4, 2, 8, 10, 0, 0x12, 0x34, 0x56,
					  0, 0, 0, 0, 1, 3, 3, 7 };
	uint8_t *eth = frame, *ip = frame + 14, *tcp = ip + 20, pseudo[12];
	uint32_t sum;

	memcpy(eth, dst_mac, 6);
	memcpy(eth + 6, src_mac, 6);
	eth[12] = 0x08;
	eth[13] = 0x00;
	ip[0] = 0x45;
	ip[3] = 60; /* total length: 20 + 40 */
	ip[4] = 0x1c;
	ip[5] = 0x46;
	ip[6] = 0x40; /* DF */
	ip[8] = 64;
	ip[9] = 6;
	memcpy(ip + 12, src_ip, 4);
	memcpy(ip + 16, dst_ip, 4);
	sum = csum_fold(csum_add(0, ip, 20));
	ip[10] = (uint8_t)(sum >> 8);
	ip[11] = (uint8_t)sum;
	tcp[0] = sport >> 8;
	tcp[1] = sport & 0xff;
	tcp[2] = dport >> 8;
	tcp[3] = dport & 0xff;
	tcp[4] = 0x6b; /* sequence number */
	tcp[5] = 0x8b;
	tcp[6] = 0x45;
	tcp[7] = 0x67;
	tcp[12] = 10 << 4; /* 40-byte header */
	tcp[13] = 0x02;	   /* SYN */
	tcp[14] = 0xfa;	   /* window 64240 */
	tcp[15] = 0xf0;
	memcpy(tcp + 20, opts, sizeof(opts));
	memcpy(pseudo, src_ip, 4);
	memcpy(pseudo + 4, dst_ip, 4);
	pseudo[8] = 0;
	pseudo[9] = 6;
	pseudo[10] = 0;
	pseudo[11] = 40;
	sum = csum_fold(csum_add(csum_add(0, pseudo, 12), tcp, 40));
	tcp[16] = (uint8_t)(sum >> 8);
	tcp[17] = (uint8_t)sum;
	frame_len = 14 + 20 + 40;
}

/*
 * xdp-filter's rule maps, keyed as its programs look them up, each rule with every flag bit of
 * the low byte set (source, destination, TCP, UDP...) and a zero hit count.
 */
struct rule {
	const char *map;
	uint8_t key[16];
	size_t klen;
};

static struct rule rules[MAX_RULES];
static int nrules;

static void add_rule(const char *map, const void *key, size_t klen)
{
	struct rule *r = &rules[nrules++];

	r->map = map;
	memcpy(r->key, key, klen);
	r->klen = klen;
}

static void build_rules(void)
{
	/* Ports in host and in network byte order: a program may index with either. */
	uint32_t ports[4] = { dport, sport, (uint32_t)(dport >> 8 | (dport & 0xff) << 8),
			      (uint32_t)(sport >> 8 | (sport & 0xff) << 8) };
	int i;

	for (i = 0; i < 4; i++)
		add_rule("filter_ports", &ports[i], 4);
	add_rule("filter_ipv4", src_ip, 4);
	add_rule("filter_ipv4", dst_ip, 4);
	add_rule("filter_ethernet", src_mac, 6);
	add_rule("filter_ethernet", dst_mac, 6);
}

static const uint8_t rule_value[8] = { 0xff };

/* ---- the kernel, through libbpf ---- */

static char *klog;
static size_t klog_len;

static int capture(enum libbpf_print_level level, const char *fmt, va_list ap)
{
	char line[1024], *p;
	int n;

	if (level == LIBBPF_DEBUG)
		return 0;
	n = vsnprintf(line, sizeof(line), fmt, ap);
	if (n <= 0)
		return 0;
	if ((size_t)n >= sizeof(line))
		n = sizeof(line) - 1;
	p = realloc(klog, klog_len + (size_t)n + 1);
	if (!p)
		return 0;
	klog = p;
	memcpy(klog + klog_len, line, (size_t)n + 1);
	klog_len += (size_t)n;
	return 0;
}

static void klog_drop(bool show)
{
	char *line;

	if (klog && show) {
		char *p = klog_len > 1500 ? klog + klog_len - 1500 : klog;

		for (line = strtok(p, "\n"); line; line = strtok(NULL, "\n"))
			printf("#   %s\n", line);
	}
	free(klog);
	klog = NULL;
	klog_len = 0;
}

static bool kernel_usable(void)
{
	const struct bpf_insn ret_pass[] = {
		{ .code = BPF_ALU64 | BPF_MOV | BPF_K, .dst_reg = BPF_REG_0, .imm = XDP_PASS },
		{ .code = BPF_JMP | BPF_EXIT },
	};
	int fd = bpf_prog_load(BPF_PROG_TYPE_XDP, NULL, "GPL", ret_pass, 2, NULL);

	if (fd < 0)
		return false;
	close(fd);
	return true;
}

/* Open and load the object in the kernel with pinning off; NULL when the kernel refuses it. */
static struct bpf_object *kernel_open(const char *path, const char *name)
{
	struct bpf_object *obj = bpf_object__open_file(path, NULL);
	struct bpf_map *m;
	int err;

	if (!obj) {
		ok(false, "%s: libbpf cannot open it", name);
		klog_drop(true);
		return NULL;
	}
	bpf_object__for_each_map(m, obj)
		bpf_map__set_pin_path(m, NULL); /* libbpf would pin in /sys/fs/bpf otherwise */
	err = bpf_object__load(obj);
	ok(!err, "%s: the kernel accepts it (maps unpinned)%s", name, err ? ": refused" : "");
	if (err) {
		klog_drop(true);
		bpf_object__close(obj);
		return NULL;
	}
	klog_drop(false);
	kaccepted++;
	return obj;
}

static void kernel_set_rules(struct bpf_object *obj)
{
	int ncpus = libbpf_num_possible_cpus(), i;
	size_t vlen = (size_t)(ncpus > 0 ? ncpus : 1) * 8;
	uint8_t *vals = calloc(1, vlen);

	for (i = 0; vals && i < ncpus; i++)
		memcpy(vals + (size_t)i * 8, rule_value, 8);
	for (i = 0; vals && i < nrules; i++) {
		struct bpf_map *m = bpf_object__find_map_by_name(obj, rules[i].map);

		if (m && bpf_map__key_size(m) == rules[i].klen)
			bpf_map__update_elem(m, rules[i].key, rules[i].klen, vals, vlen, 0);
	}
	free(vals);
}

struct outcome {
	bool ran;
	unsigned retval;
	char data_out[2 * FRAME_MAX + 1];
	char *maps; /* JSON text of the maps (ours only) */
};

static void to_hex(const uint8_t *p, size_t n, char *out)
{
	size_t i;

	for (i = 0; i < n; i++)
		sprintf(out + 2 * i, "%02x", p[i]);
	out[2 * n] = '\0';
}

static void kernel_run(struct bpf_object *obj, const char *prog, struct outcome *k)
{
	struct bpf_program *p = bpf_object__find_program_by_name(obj, prog);
	uint8_t out[FRAME_MAX];
	LIBBPF_OPTS(bpf_test_run_opts, o, .data_in = frame, .data_size_in = (uint32_t)frame_len,
		    .data_out = out, .data_size_out = sizeof(out), .repeat = 1);

	memset(k, 0, sizeof(*k));
	if (!p || bpf_prog_test_run_opts(bpf_program__fd(p), &o))
		return;
	k->ran = true;
	k->retval = o.retval;
	to_hex(out, o.data_size_out < sizeof(out) ? o.data_size_out : sizeof(out), k->data_out);
}

/* ---- ours: vxdp prog run ---- */

static void diag_lines(char *text)
{
	char *line;

	for (line = strtok(text, "\n"); line; line = strtok(NULL, "\n"))
		diag(line);
}

static bool object_has_map(const struct vx_obj *o, const char *name)
{
	return vx_obj_find_map(o, name) != NULL;
}

/* The --map arguments that load the rules into the object's maps that exist. */
static void rule_args(const struct vx_obj *o, char *out, size_t size)
{
	char k[40], v[20];
	size_t len = 0;
	int i;

	out[0] = '\0';
	to_hex(rule_value, 8, v);
	for (i = 0; i < nrules; i++) {
		if (!object_has_map(o, rules[i].map))
			continue;
		to_hex(rules[i].key, rules[i].klen, k);
		len += (size_t)snprintf(out + len, len < size ? size - len : 0, " --map %s:%s=%s",
					rules[i].map, k, v);
	}
}

static int cmp_ptr_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Append piece and sep to *out (length *len, room *cap, grown by doubling); false on ENOMEM. */
static bool append(char **out, size_t *len, size_t *cap, const char *piece, char sep)
{
	size_t n = strlen(piece);
	char *t;

	if (*len + n + 2 > *cap) {
		*cap = (*len + n + 2) * 2;
		t = realloc(*out, *cap);
		if (!t)
			return false;
		*out = t;
	}
	memcpy(*out + *len, piece, n);
	(*out)[*len + n] = sep;
	*len += n + 1;
	(*out)[*len] = '\0';
	return true;
}

/* The maps as text with each map's entries sorted: hash maps dump in no fixed order. */
static char *canon_maps(json_object *maps)
{
	size_t len = 0, cap = 0, i, n;
	char *out = NULL;
	bool good = true;

	json_object_object_foreach(maps, name, arr) {
		const char **ents;

		n = json_object_is_type(arr, json_type_array) ? json_object_array_length(arr) : 0;
		ents = calloc(n ? n : 1, sizeof(*ents));
		good = good && ents && append(&out, &len, &cap, name, ':');
		for (i = 0; good && i < n; i++)
			ents[i] = json_object_to_json_string_ext(json_object_array_get_idx(arr, i),
								 JSON_C_TO_STRING_PLAIN);
		if (good)
			qsort(ents, n, sizeof(*ents), cmp_ptr_str);
		for (i = 0; good && i < n; i++)
			good = append(&out, &len, &cap, ents[i], i + 1 == n ? ';' : ',');
		free(ents);
	}
	if (!good) {
		free(out);
		return NULL;
	}
	return out ? out : strdup("");
}

static void vxdp_run(const char *path, const char *prog, const char *engine, const char *maps,
		     struct outcome *r)
{
	char cmd[4096];
	json_object *top, *run;
	const char *hex;
	char *text = NULL;
	size_t cap = 0, len = 0;
	FILE *f;

	memset(r, 0, sizeof(*r));
	snprintf(cmd, sizeof(cmd), "'%s' prog run '%s' --prog '%s' --engine %s --json%s "
		 "--data-in '%s' 2>&1", vxdp, path, prog, engine, maps, frame_path);
	f = popen(cmd, "r");
	if (!f)
		return;
	for (;;) {
		char *t;

		if (len + 4096 + 1 > cap) {
			cap = cap ? cap * 2 : 65536;
			t = realloc(text, cap);
			if (!t)
				break;
			text = t;
		}
		if (!fgets(text + len, (int)(cap - len), f))
			break;
		len += strlen(text + len);
	}
	if (pclose(f) != 0 || !text) {
		if (text)
			diag_lines(text);
		free(text);
		return;
	}
	top = json_tokener_parse(text);
	run = top ? json_object_array_get_idx(json_object_object_get(top, "runs"), 0) : NULL;
	hex = run ? json_object_get_string(json_object_object_get(run, "data_out")) : NULL;
	if (run && hex && strlen(hex) < sizeof(r->data_out)) {
		r->ran = true;
		r->retval = (unsigned)json_object_get_int64(json_object_object_get(run, "retval"));
		snprintf(r->data_out, sizeof(r->data_out), "%s", hex);
		r->maps = canon_maps(json_object_object_get(top, "maps"));
	} else {
		diag_lines(text);
	}
	json_object_put(top);
	free(text);
}

static const char *action(unsigned v)
{
	static const char *const names[] = { "ABORTED", "DROP", "PASS", "TX", "REDIRECT" };

	return v < 5 ? names[v] : "?";
}

static void run_prog(const char *path, const char *obj, const char *prog, const char *maps,
		     const char *what, struct bpf_object *kobj)
{
	struct outcome in, jit, k;

	vxdp_run(path, prog, "interp", maps, &in);
	vxdp_run(path, prog, "jit", maps, &jit);
	ok(in.ran && jit.ran && in.retval == jit.retval && !strcmp(in.data_out, jit.data_out) &&
		   in.maps && jit.maps && !strcmp(in.maps, jit.maps),
	   "%s %s, %s: interpreter and JIT agree on verdict, frame and maps (%s)", obj, prog,
	   what, in.ran ? action(in.retval) : "did not run");
	if (in.ran && jit.ran && in.retval == jit.retval && !strcmp(in.data_out, jit.data_out))
		nagree++;
	if (kobj) {
		kernel_run(kobj, prog, &k);
		ok(k.ran && in.ran && k.retval == in.retval && !strcmp(k.data_out, in.data_out),
		   "%s %s, %s: the kernel's test run agrees (kernel %s, ours %s)", obj, prog, what,
		   k.ran ? action(k.retval) : "did not run", in.ran ? action(in.retval) : "-");
	}
	free(in.maps);
	free(jit.maps);
}

/* ---- per object ---- */

static void verify_prog(const char *obj, struct vx_prog *p, bool guest)
{
	struct vx_verify_opts o = { .helper_class = guest ? VX_HELPER_GUEST : VX_HELPER_TRUSTED };
	struct vx_verify_facts *f = NULL;
	struct vx_error err;
	char msg[1024];
	int rc = vx_verify(p, &o, &f, &err);

	vx_error_str(&err, msg, sizeof(msg));
	ok(!rc, "%s %s (%s): the verifier accepts it%s%s", obj, vx_prog_name(p),
	   guest ? "guest" : "trusted", rc ? ": " : "", rc ? msg : "");
	nverified += !rc;
	vx_verify_facts_free(f);
}

/* A refusal the engine documents: the feature, or NULL for any other refusal. */
static const char *unsupported(const char *msg)
{
	if (strstr(msg, "program type not supported") || strstr(msg, "no XDP program"))
		return "program type (only XDP)";
	if (strstr(msg, "map type") && strstr(msg, "is not supported"))
		return "map type";
	return NULL;
}

static void run_object(const char *dir, const char *file, bool ask_kernel)
{
	char path[1024], maps[1024];
	struct bpf_object *kobj = NULL;
	struct vx_error err;
	const char *why;
	struct vx_obj *o;
	size_t i;

	snprintf(path, sizeof(path), "%s/%s", dir, file);
	nobjs++;
	o = vx_obj_open(path, &err);
	if (!o) {
		why = unsupported(err.msg);
		if (!why) {
			ok(false, "%s: our loader refuses it: %s", file, err.msg);
			return;
		}
		nskipped++;
		snprintf(maps, sizeof(maps), "unsupported %s: %s", why, err.msg);
		skip(file, maps);
		return;
	}
	nloaded++;
	ok(true, "%s: our loader takes it (%zu programs, %zu maps)", file, vx_obj_prog_count(o),
	   vx_obj_map_count(o));
	for (i = 0; i < vx_obj_prog_count(o); i++) {
		nprogs++;
		verify_prog(file, vx_obj_prog(o, i), false);
		verify_prog(file, vx_obj_prog(o, i), true);
	}
	if (ask_kernel)
		kobj = kernel_open(path, file);
	else
		kunasked++;
	rule_args(o, maps, sizeof(maps));
	for (i = 0; i < vx_obj_prog_count(o); i++) {
		const char *name = vx_prog_name(vx_obj_prog(o, i));

		run_prog(path, file, name, "", "empty maps", kobj);
		if (!maps[0])
			continue;
		if (kobj)
			kernel_set_rules(kobj);
		run_prog(path, file, name, maps, "rules matching the frame", kobj);
	}
	bpf_object__close(kobj);
	vx_obj_close(o);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int list_objects(const char *dir, char **names)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	if (!d)
		return -1;
	while ((e = readdir(d)) && n < MAX_OBJS) {
		size_t len = strlen(e->d_name);

		if (len > 2 && !strcmp(e->d_name + len - 2, ".o"))
			names[n++] = strdup(e->d_name);
	}
	closedir(d);
	qsort(names, (size_t)n, sizeof(*names), cmp_str);
	return n;
}

static bool write_frame(void)
{
	FILE *f;

	if (!mkdtemp(tmpdir))
		return false;
	snprintf(frame_path, sizeof(frame_path), "%s/syn.bin", tmpdir);
	f = fopen(frame_path, "wb");
	if (!f)
		return false;
	fwrite(frame, 1, frame_len, f);
	return fclose(f) == 0;
}

int main(int argc, char **argv)
{
	bool ask = getenv("VXDP_NO_KERNEL") == NULL;
	char *names[MAX_OBJS], line[512];
	int n, i;

	vxdp = getenv("VXDP");
	if (argc < 2 || !vxdp) {
		fprintf(stderr, "usage: VXDP=vxdp %s DIR\n", argv[0]);
		return 2;
	}
	n = list_objects(argv[1], names);
	if (n <= 0) {
		printf("1..0 # SKIP no xdp-tools objects in '%s' (Debian: package libxdp1)\n",
		       argv[1]);
		return 0;
	}
	build_frame();
	build_rules();
	if (!write_frame())
		return printf("Bail out! cannot write the frame in %s\n", tmpdir), 1;
	libbpf_set_print(capture);
	if (ask && !kernel_usable()) {
		diag("the kernel cannot load XDP programs here: not compared with it");
		ask = false;
	}
	for (i = 0; i < n; i++) {
		run_object(argv[1], names[i], ask);
		free(names[i]);
	}
	unlink(frame_path);
	rmdir(tmpdir);
	snprintf(line, sizeof(line),
		 "%d objects: %d loaded, %d skipped (unsupported feature); %d programs, %d of %d "
		 "verifications accepted; kernel accepted %d objects (%d not asked); %d runs "
		 "where interpreter and JIT agree", nobjs, nloaded, nskipped, nprogs, nverified,
		 2 * nprogs, kaccepted, kunasked, nagree);
	diag(line);
	vx_rcu_barrier();
	return tap_done();
}
