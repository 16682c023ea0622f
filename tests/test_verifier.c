// SPDX-License-Identifier: BSD-2-Clause
/*
 * test_verifier.c - the verifier's tests: every tests/verifier/neg/ case must be rejected for the
 * reason its `# expect:` line names and every pos/ case accepted; with BPF privileges each case is
 * also loaded into the kernel and the verdicts compared (cases marked `# policy:` are where we
 * are deliberately stricter, listed apart); then every program of the compiled objects given as
 * further arguments must be accepted.
 *
 * Programs with functions are given to the kernel with a minimal BTF and func_info (it wants
 * them for callbacks). KLOG=1 prints the kernel's verifier log of every case.
 *
 * Case files are assembler text with header comments:
 *   # maps: TYPE:KEY:VALUE:ENTRIES[:ro] ...   maps created for the case, indexed from 0
 *   # ref: SLOT MAP                              ld_imm64 at SLOT references map MAP
 *   # refval: SLOT MAP OFF                       ... the address of MAP's value + OFF
 *   # func: SLOT TARGET                          ... the function starting at slot TARGET
 *   # class: guest                               verify as a guest program
 *   # expect: TEXT                               neg: a substring of the reason
 *   # policy: WHY                                neg: the kernel (root) accepts it; we do not
 *   # rule: TEXT                                 the rule the case breaks (documentation)
 *   # kernel: skip WHY                           not compared with the kernel
 *   # kernel: since X.Y                          compared only with kernels X.Y or newer (the
 *                                                kernel's verdict changed then)
 *   # data: MAP TEXT                             MAP's value for key 0 starts with TEXT and a NUL
 *                                                (C escapes \n \t \\); a read-only map is then
 *                                                frozen, as a loader does with .rodata
 *   # retval: N                                  pos: run on a 64-byte frame by the interpreter
 *                                                and the JIT (trusted, and guest-hardened), each
 *                                                just after the host stack was filled with 0xaa:
 *                                                each must return N (unwritten stack reads zero)
 *   # gap: WHY                                   pos: a known precision gap (the kernel accepts it,
 *                                                we do not yet): reported, not failed; accepting
 *                                                it fails until the line is removed
 */
#include <dirent.h>
#include <errno.h>
#include <inttypes.h>
#include <linux/bpf.h>
#include <linux/btf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

#include "prog_priv.h"
#include "tap.h"
#include "vxbpf/asm.h"
#include "vxbpf/helper.h"
#include "vxbpf/jit.h"
#include "vxbpf/map.h"
#include "vxbpf/obj.h"
#include "vxbpf/verifier.h"
#include "vxbpf/xdp.h"

#define MAX_MAPS 8
#define MAX_PATCH 32

struct patch {
	int slot, map, off, kind; /* kind: VX_PSEUDO_MAP_IDX, _MAP_IDX_VALUE or _FUNC */
};

struct tcase {
	char name[256];
	char expect[256];
	char gap[256];
	bool policy, guest, no_kernel, has_retval;
	uint64_t retval;
	int kernel_since; /* major * 1000 + minor, 0: any */
	int data_map; /* -1: none */
	char data[256];
	size_t data_len;
	struct vx_map_def defs[MAX_MAPS];
	int nmaps;
	struct patch patches[MAX_PATCH];
	int npatches;
};

static const struct {
	const char *name;
	uint32_t type;
} map_types[] = {
	{ "array", VX_MAP_ARRAY }, { "hash", VX_MAP_HASH }, { "percpu_array", VX_MAP_PERCPU_ARRAY },
	{ "percpu_hash", VX_MAP_PERCPU_HASH }, { "lru_hash", VX_MAP_LRU_HASH },
	{ "prog_array", VX_MAP_PROG_ARRAY }, { "ringbuf", VX_MAP_RINGBUF },
	{ "devmap", VX_MAP_DEVMAP },
};

static int parse_map(const char *spec, struct vx_map_def *d)
{
	char type[32] = "", ro[8] = "";
	size_t i;

	memset(d, 0, sizeof(*d));
	if (sscanf(spec, "%31[a-z_]:%u:%u:%u:%7s", type, &d->key_size, &d->value_size,
		   &d->max_entries, ro) < 4)
		return -1;
	for (i = 0; i < sizeof(map_types) / sizeof(map_types[0]); i++)
		if (!strcmp(type, map_types[i].name))
			d->type = map_types[i].type;
	if (!strcmp(ro, "ro"))
		d->flags = VX_F_RDONLY_PROG;
	snprintf(d->name, sizeof(d->name), "m_%s", type);
	return d->type ? 0 : -1;
}

/* TEXT with C escapes into tc->data, NUL-terminated. */
static void parse_data(const char *text, struct tcase *tc)
{
	size_t n = 0;

	for (; *text && n + 1 < sizeof(tc->data); text++) {
		char c = *text;

		if (c == '\\' && text[1]) {
			text++;
			c = *text == 'n' ? '\n' : *text == 't' ? '\t' : *text;
		}
		tc->data[n++] = c;
	}
	tc->data[n++] = '\0';
	tc->data_len = n;
}

static void parse_header(const char *text, struct tcase *tc)
{
	const char *line = text;

	for (; line && *line; line = strchr(line, '\n'), line = line ? line + 1 : NULL) {
		char buf[512], *p;
		size_t n = strcspn(line, "\n");
		int consumed = 0, major, minor;
		struct patch *pt = &tc->patches[tc->npatches];

		if (n >= sizeof(buf) || line[0] != '#')
			continue;
		memcpy(buf, line, n);
		buf[n] = '\0';
		if (!strncmp(buf, "# expect: ", 10)) {
			snprintf(tc->expect, sizeof(tc->expect), "%.*s", (int)sizeof(tc->expect) - 1,
				 buf + 10);
		} else if (!strncmp(buf, "# gap: ", 7)) {
			snprintf(tc->gap, sizeof(tc->gap), "%.*s", (int)sizeof(tc->gap) - 1, buf + 7);
		} else if (!strncmp(buf, "# data: ", 8) &&
			   sscanf(buf + 8, "%d %n", &tc->data_map, &consumed) == 1) {
			parse_data(buf + 8 + consumed, tc);
		} else if (sscanf(buf, "# retval: %" SCNu64, &tc->retval) == 1) {
			tc->has_retval = true;
		} else if (!strncmp(buf, "# policy:", 9)) {
			tc->policy = true;
		} else if (sscanf(buf, "# kernel: since %d.%d", &major, &minor) == 2) {
			tc->kernel_since = major * 1000 + minor;
		} else if (!strncmp(buf, "# kernel: skip", 14)) {
			tc->no_kernel = true;
		} else if (!strncmp(buf, "# class: guest", 14)) {
			tc->guest = true;
		} else if (!strncmp(buf, "# maps:", 7)) {
			for (p = strtok(buf + 7, " "); p && tc->nmaps < MAX_MAPS; p = strtok(NULL, " "))
				if (!parse_map(p, &tc->defs[tc->nmaps]))
					tc->nmaps++;
		} else if (tc->npatches < MAX_PATCH &&
			   sscanf(buf, "# ref: %d %d", &pt->slot, &pt->map) == 2) {
			pt->kind = VX_PSEUDO_MAP_IDX;
			tc->npatches++;
		} else if (tc->npatches < MAX_PATCH &&
			   sscanf(buf, "# refval: %d %d %d", &pt->slot, &pt->map, &pt->off) == 3) {
			pt->kind = VX_PSEUDO_MAP_IDX_VALUE;
			tc->npatches++;
		} else if (tc->npatches < MAX_PATCH &&
			   sscanf(buf, "# func: %d %d", &pt->slot, &pt->map) == 2) {
			pt->kind = VX_PSEUDO_FUNC;
			tc->npatches++;
		}
	}
}

static char *read_text(const char *path)
{
	FILE *f = fopen(path, "r");
	char *buf;
	long n;

	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = calloc(1, (size_t)n + 1);
	if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
		free(buf);
		buf = NULL;
	}
	fclose(f);
	return buf;
}

static int apply_patches(const struct tcase *tc, struct vx_insn *insns, size_t len)
{
	int i;

	for (i = 0; i < tc->npatches; i++) {
		const struct patch *p = &tc->patches[i];

		if (p->slot < 0 || (size_t)p->slot + 1 >= len || insns[p->slot].code != VX_LD_IMM64)
			return -1;
		insns[p->slot].src = (uint8_t)p->kind;
		if (p->kind == VX_PSEUDO_FUNC) {
			insns[p->slot].imm = p->map - (p->slot + 1);
			continue;
		}
		insns[p->slot].imm = p->map;
		insns[p->slot + 1].imm = p->kind == VX_PSEUDO_MAP_IDX_VALUE ? p->off : 0;
	}
	return 0;
}

/* ---- the kernel ---- */

static bool kernel_ok = true;
static char klog[1 << 16];

static long sys_bpf(int cmd, union bpf_attr *attr)
{
	return syscall(__NR_bpf, cmd, attr, sizeof(*attr));
}

/* Set the value of key 0 from the case's data, and freeze a read-only map. */
static int kernel_fill(int fd, const struct vx_map_def *d, const struct tcase *tc)
{
	char *value = calloc(1, d->value_size);
	uint32_t key = 0;
	union bpf_attr a;
	int rc;

	if (!value)
		return -1;
	memcpy(value, tc->data, tc->data_len < d->value_size ? tc->data_len : d->value_size);
	memset(&a, 0, sizeof(a));
	a.map_fd = (uint32_t)fd;
	a.key = (uintptr_t)&key;
	a.value = (uintptr_t)value;
	rc = (int)sys_bpf(BPF_MAP_UPDATE_ELEM, &a);
	free(value);
	if (rc || !(d->flags & VX_F_RDONLY_PROG))
		return rc;
	memset(&a, 0, sizeof(a));
	a.map_fd = (uint32_t)fd;
	return (int)sys_bpf(BPF_MAP_FREEZE, &a);
}

/* Our side of the same. */
static int fill(struct vx_map *m, const struct tcase *tc)
{
	const struct vx_map_def *d = vx_map_get_def(m);
	char *value = calloc(1, d->value_size);
	uint32_t key = 0;
	int rc;

	if (!value)
		return -1;
	memcpy(value, tc->data, tc->data_len < d->value_size ? tc->data_len : d->value_size);
	rc = vx_map_update(m, &key, value, 0);
	free(value);
	if (!rc && (d->flags & VX_F_RDONLY_PROG))
		vx_map_freeze(m);
	return rc;
}

/*
 * The kernel loads a program whose functions are callbacks only with BTF func_info naming every
 * function: make a minimal BTF (int, a prototype `int (void)`, one static FUNC per function) and
 * the func_info for the function starts (insn 0, call and function reference targets).
 */
#define MAX_FUNCS 32

static int func_starts(const struct vx_insn *insns, size_t len, uint32_t *starts)
{
	int n = 1, i, k;
	size_t j;

	starts[0] = 0;
	for (j = 0; j < len; j++) {
		bool call = insns[j].code == (VX_JMP | VX_CALL) && insns[j].src == VX_CALL_LOCAL;
		bool ref = insns[j].code == VX_LD_IMM64 && insns[j].src == VX_PSEUDO_FUNC;
		long t = (long)j + 1 + insns[j].imm;

		if ((!call && !ref) || t < 0 || (size_t)t >= len)
			continue;
		for (i = 0; i < n && starts[i] != (uint32_t)t; i++)
			;
		if (i == n && n < MAX_FUNCS)
			starts[n++] = (uint32_t)t;
	}
	for (i = 1; i < n; i++) /* insertion sort: the kernel wants them in order */
		for (k = i; k > 0 && starts[k - 1] > starts[k]; k--) {
			uint32_t t = starts[k];

			starts[k] = starts[k - 1];
			starts[k - 1] = t;
		}
	return n;
}

static int load_func_btf(int nfuncs)
{
	uint32_t types[3 + 2 * 3 + MAX_FUNCS * 3], *t = types;
	char strs[8 + MAX_FUNCS * 4], blob[sizeof(struct btf_header) + sizeof(types) + sizeof(strs)];
	struct btf_header h = { .magic = BTF_MAGIC, .version = BTF_VERSION,
				.hdr_len = sizeof(struct btf_header) };
	size_t sl = 5;
	union bpf_attr a;
	int i;

	memcpy(strs, "\0int", 5);
	*t++ = 1;			 /* [1] int */
	*t++ = BTF_KIND_INT << 24;
	*t++ = 4;
	*t++ = BTF_INT_SIGNED << 24 | 32;
	*t++ = 0;			 /* [2] int (void) */
	*t++ = BTF_KIND_FUNC_PROTO << 24;
	*t++ = 1;
	for (i = 0; i < nfuncs; i++) {	 /* [3 + i] static int fI(void) */
		*t++ = (uint32_t)sl;
		*t++ = BTF_KIND_FUNC << 24;
		*t++ = 2;
		sl += (size_t)snprintf(strs + sl, sizeof(strs) - sl, "f%d", i) + 1;
	}
	h.type_len = (uint32_t)((char *)t - (char *)types);
	h.str_off = h.type_len;
	h.str_len = (uint32_t)sl;
	memcpy(blob, &h, sizeof(h));
	memcpy(blob + sizeof(h), types, h.type_len);
	memcpy(blob + sizeof(h) + h.type_len, strs, sl);
	memset(&a, 0, sizeof(a));
	a.btf = (uintptr_t)blob;
	a.btf_size = (uint32_t)(sizeof(h) + h.type_len + sl);
	return (int)sys_bpf(BPF_BTF_LOAD, &a);
}

/* 1 accepted, 0 rejected, -1 could not ask. */
static int kernel_verdict(const struct tcase *tc, const struct vx_insn *insns, size_t len)
{
	struct bpf_insn *k = calloc(len, sizeof(*k));
	int fds[MAX_MAPS], i, verdict = -1, nfuncs, btf_fd = -1;
	struct bpf_func_info finfo[MAX_FUNCS];
	uint32_t starts[MAX_FUNCS];
	union bpf_attr a;
	size_t j;

	for (i = 0; i < tc->nmaps; i++) {
		memset(&a, 0, sizeof(a));
		a.map_type = tc->defs[i].type;
		a.key_size = tc->defs[i].key_size;
		a.value_size = tc->defs[i].value_size;
		a.max_entries = tc->defs[i].max_entries;
		a.map_flags = tc->defs[i].flags;
		fds[i] = (int)sys_bpf(BPF_MAP_CREATE, &a);
		if (fds[i] < 0)
			goto out;
		if (i == tc->data_map && kernel_fill(fds[i], &tc->defs[i], tc)) {
			close(fds[i]);
			goto out;
		}
	}
	for (j = 0; j < len; j++) {
		k[j].code = insns[j].code;
		k[j].dst_reg = insns[j].dst & 0xf;
		k[j].src_reg = insns[j].src & 0xf;
		k[j].off = insns[j].off;
		k[j].imm = insns[j].imm;
		if (insns[j].code != VX_LD_IMM64 || j + 1 >= len)
			continue;
		if (insns[j].src == VX_PSEUDO_MAP_IDX || insns[j].src == VX_PSEUDO_MAP_IDX_VALUE) {
			k[j].src_reg = insns[j].src == VX_PSEUDO_MAP_IDX ? BPF_PSEUDO_MAP_FD :
									   BPF_PSEUDO_MAP_VALUE;
			k[j].imm = insns[j].imm < tc->nmaps ? fds[insns[j].imm] : -1;
		}
	}
	nfuncs = func_starts(insns, len, starts);
	if (nfuncs > 1 && (btf_fd = load_func_btf(nfuncs)) < 0) {
		i = tc->nmaps;
		goto out;
	}
	memset(&a, 0, sizeof(a));
	for (i = 0; nfuncs > 1 && i < nfuncs; i++)
		finfo[i] = (struct bpf_func_info){ starts[i], (uint32_t)(3 + i) };
	if (nfuncs > 1) {
		a.prog_btf_fd = (uint32_t)btf_fd;
		a.func_info = (uintptr_t)finfo;
		a.func_info_rec_size = sizeof(finfo[0]);
		a.func_info_cnt = (uint32_t)nfuncs;
	}
	a.prog_type = BPF_PROG_TYPE_XDP;
	a.insns = (uintptr_t)k;
	a.insn_cnt = (uint32_t)len;
	a.license = (uintptr_t)"GPL";
	a.log_buf = (uintptr_t)klog;
	a.log_size = sizeof(klog);
	a.log_level = 1;
	klog[0] = '\0';
	verdict = (int)sys_bpf(BPF_PROG_LOAD, &a);
	if (verdict < 0 && errno == ENOSPC) {
		/* the log outgrew klog (a long exploration): the verdict without a log */
		a.log_buf = 0;
		a.log_size = 0;
		a.log_level = 0;
		verdict = (int)sys_bpf(BPF_PROG_LOAD, &a);
		if (verdict < 0)
			snprintf(klog, sizeof(klog), "rejected (log too long to show): %s",
				 strerror(errno));
	}
	if (verdict >= 0) {
		close(verdict);
		verdict = 1;
	} else {
		verdict = errno == EPERM && !klog[0] ? -1 : 0;
	}
	i = tc->nmaps;
out:
	while (i-- > 0)
		close(fds[i]);
	if (btf_fd >= 0)
		close(btf_fd);
	free(k);
	return verdict;
}

static const char *klog_tail(void)
{
	size_t n = strlen(klog);
	char *p;

	while (n && klog[n - 1] == '\n')
		klog[--n] = '\0';
	p = strrchr(klog, '\n');
	return p ? p + 1 : klog;
}

/* The running kernel's version as major * 1000 + minor. */
static int running_kernel(void)
{
	static int v = -1;
	struct utsname u;
	int major = 0, minor = 0;

	if (v < 0) {
		if (!uname(&u))
			sscanf(u.release, "%d.%d", &major, &minor);
		v = major * 1000 + minor;
	}
	return v;
}

/* ---- cases ---- */

static int agree, disagree, policy_cases, kskipped, nneg, npos, ngaps, nguest, npolicy;

/* Leave 0xaa over the stack the engines' frames are about to use. */
static __attribute__((noinline)) void dirty_stack(void)
{
	volatile uint8_t junk[16384];

	memset((void *)junk, 0xaa, sizeof(junk));
	__asm__ volatile("" : : "r"(junk) : "memory");
}

static int run_engine(struct vx_prog *prog, int engine, unsigned class, uint64_t *ret,
		      struct vx_error *err)
{
	static const uint8_t pkt[64] = { [12] = 0x08 };
	uint8_t buf[VX_XDP_FRAME_SIZE];
	struct vx_xdp_frame frame;
	struct vx_xdp_result res;

	if (vx_prog_prepare(prog, engine, class, err) ||
	    vx_xdp_frame_init(&frame, buf, pkt, sizeof(pkt), err))
		return -1;
	dirty_stack();
	if (vx_xdp_run(prog, engine, &frame, &res, err))
		return -1;
	*ret = res.retval;
	return 0;
}

/* # retval: the program's result in each engine, with stack garbage under its frames. */
static void check_retval(const struct tcase *tc, struct vx_prog *prog)
{
	static const struct {
		const char *name;
		int engine;
		unsigned class;
	} runs[] = {
		{ "interpreter", VX_ENGINE_INTERP, VX_HELPER_TRUSTED },
		{ "JIT", VX_ENGINE_JIT, VX_HELPER_TRUSTED },
		{ "guest JIT", VX_ENGINE_JIT, VX_HELPER_GUEST },
	};
	struct vx_error err;
	uint64_t ret = 0;
	size_t i;

	for (i = 0; i < sizeof(runs) / sizeof(runs[0]); i++) {
		if (runs[i].engine == VX_ENGINE_JIT && !vx_jit_supported()) {
			skip(tc->name, "no JIT on this host");
			continue;
		}
		if (run_engine(prog, runs[i].engine, runs[i].class, &ret, &err)) {
			ok(false, "%s: %s run: %s", tc->name, runs[i].name, err.msg);
			continue;
		}
		ok(ret == tc->retval, "%s: %s returns %" PRIu64 " (expected %" PRIu64 ")",
		   tc->name, runs[i].name, ret, tc->retval);
	}
	vx_prog_unprepare(prog);
}

static void run_case(const char *dir, const char *file, bool pos)
{
	char path[1024], msg[512], vlog[1 << 14];
	struct vx_map *maps[MAX_MAPS] = { 0 };
	struct tcase tc = { .data_map = -1 };
	struct vx_insn *insns = NULL;
	struct vx_prog prog = { 0 };
	struct vx_verify_opts o = { 0 };
	struct vx_error err;
	size_t len = 0;
	char *text;
	int i, rc, kv;

	if (snprintf(path, sizeof(path), "%s/%s", dir, file) >= (int)sizeof(path) ||
	    snprintf(tc.name, sizeof(tc.name), "%s/%s", pos ? "pos" : "neg", file) >=
		    (int)sizeof(tc.name)) {
		ok(false, "%s: path too long", file);
		return;
	}
	text = read_text(path);
	if (!text || (parse_header(text, &tc), vx_assemble(text, &insns, &len, &err))) {
		ok(false, "%s: does not assemble: %s", tc.name, text ? err.msg : "unreadable");
		free(text);
		return;
	}
	if (apply_patches(&tc, insns, len)) {
		ok(false, "%s: bad ref/func slot", tc.name);
		goto out;
	}
	for (i = 0; i < tc.nmaps; i++) {
		if (tc.defs[i].type == VX_MAP_RINGBUF)
			tc.defs[i].key_size = tc.defs[i].value_size = 0;
		maps[i] = vx_map_create(&tc.defs[i], &err);
		if (!maps[i]) {
			ok(false, "%s: map %d: %s", tc.name, i, err.msg);
			goto out;
		}
		if (i == tc.data_map && fill(maps[i], &tc)) {
			ok(false, "%s: map %d: cannot set its data", tc.name, i);
			goto out;
		}
	}
	prog.name = tc.name;
	prog.insns = insns;
	prog.len = len;
	prog.maps = maps;
	prog.nmaps = (size_t)tc.nmaps;
	o.helper_class = tc.guest ? VX_HELPER_GUEST : VX_HELPER_TRUSTED;
	o.log = vlog;
	o.log_size = sizeof(vlog);
	o.log_level = 1;
	rc = vx_verify(&prog, &o, NULL, &err);
	vx_error_str(&err, msg, sizeof(msg));
	pos ? npos++ : nneg++;
	nguest += tc.guest;
	npolicy += !pos && tc.policy;
	if (pos && tc.gap[0]) {
		ngaps++;
		ok(rc != 0, "%s: known precision gap (%s)%s%s", tc.name, tc.gap,
		   rc ? ": rejected: " : " -- now accepted: remove its # gap: line",
		   rc ? msg : "");
	} else if (pos) {
		ok(rc == 0, "%s: accepted%s%s", tc.name, rc ? " -- rejected: " : "", rc ? msg : "");
		if (!rc && tc.has_retval)
			check_retval(&tc, &prog);
	}
	else
		ok(rc && tc.expect[0] && strstr(msg, tc.expect), "%s: rejected: %s%s%s", tc.name, msg,
		   tc.expect[0] && strstr(msg, tc.expect) ? "" : " -- expected: ", 
		   tc.expect[0] && strstr(msg, tc.expect) ? "" : tc.expect);
	if (!kernel_ok || tc.no_kernel || running_kernel() < tc.kernel_since) {
		kskipped++;
		goto out;
	}
	kv = kernel_verdict(&tc, insns, len);
	if (kv < 0) {
		kernel_ok = false;
		kskipped++;
		goto out;
	}
	if (getenv("KLOG"))
		fputs(klog, stdout);
	if (!pos && tc.policy) {
		policy_cases++;
		ok(kv == 1, "%s: policy case: the kernel (root) accepts it%s%s", tc.name,
		   kv ? "" : " -- kernel rejected: ", kv ? "" : klog_tail());
	} else if (kv == (pos ? 1 : 0)) {
		agree++;
	} else {
		disagree++;
		ok(false, "%s: kernel verdict differs: kernel %s%s%s", tc.name,
		   kv ? "accepts" : "rejects: ", kv ? "" : klog_tail(), "");
	}
out:
	for (i = 0; i < tc.nmaps; i++)
		if (maps[i])
			vx_map_destroy(maps[i]);
	free(insns);
	free(text);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void run_dir(const char *base, const char *sub, bool pos)
{
	char dir[1024], *names[4096];
	struct dirent *e;
	int n = 0, i;
	DIR *d;

	snprintf(dir, sizeof(dir), "%s/%s", base, sub);
	d = opendir(dir);
	if (!d) {
		ok(false, "cannot open %s", dir);
		return;
	}
	while ((e = readdir(d)) && n < 4096) {
		size_t l = strlen(e->d_name);

		if (l > 2 && !strcmp(e->d_name + l - 2, ".s"))
			names[n++] = strdup(e->d_name);
	}
	closedir(d);
	qsort(names, (size_t)n, sizeof(char *), cmp_str);
	for (i = 0; i < n; i++) {
		run_case(dir, names[i], pos);
		free(names[i]);
	}
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Facts for the JIT: every reached memory instruction proven, context loads named. */
static bool facts_ok(const struct vx_prog *p, const struct vx_verify_facts *f)
{
	size_t i;

	for (i = 0; f && i < p->len; i++) {
		uint8_t c = VX_CLASS(p->insns[i].code), fl = f->insn_flags[i];
		bool mem = c == VX_LDX || c == VX_ST || c == VX_STX;

		if ((fl & VX_VF_SEEN) && mem && !(fl & VX_VF_MEM_SAFE) && !(fl & VX_VF_CTX_LOAD))
			return false;
		if ((fl & VX_VF_CTX_LOAD) && (f->ctx_field[i] < 0 || f->ctx_field[i] > 5))
			return false;
	}
	return f != NULL;
}

static void run_object(const char *path)
{
	struct vx_error err;
	struct vx_obj *obj = vx_obj_open(path, &err);
	char msg[512];
	size_t i;

	if (!obj) {
		ok(false, "%s: does not load: %s", path, err.msg);
		return;
	}
	for (i = 0; i < vx_obj_prog_count(obj); i++) {
		struct vx_prog *p = vx_obj_prog(obj, i);
		struct vx_verify_facts *f = NULL;
		double t0 = now();
		int rc = vx_verify(p, NULL, &f, &err);
		double dt = now() - t0;

		vx_error_str(&err, msg, sizeof(msg));
		ok(rc == 0 && facts_ok(p, f), "%s %s: %s (%lu insns processed, %lu states, %.1f ms)",
		   path, vx_prog_name(p), rc ? msg : "accepted", f ? f->insns_processed : 0,
		   f ? f->states_stored : 0, dt * 1000);
		vx_verify_facts_free(f);
	}
	vx_obj_close(obj);
}

int main(int argc, char **argv)
{
	char line[256];
	int i;

	if (argc < 2) {
		fprintf(stderr, "usage: %s TESTS_VERIFIER_DIR [OBJECT.o ...]\n", argv[0]);
		return 2;
	}
	kernel_ok = getenv("VXDP_NO_KERNEL") == NULL;
	run_dir(argv[1], "neg", false);
	run_dir(argv[1], "pos", true);
	snprintf(line, sizeof(line),
		 "%d negative cases (%d policy, stricter than the kernel), %d positive cases (%d known precision gaps), %d verified as guest programs",
		 nneg, npolicy, npos, ngaps, nguest);
	diag(line);
	if (kernel_ok || agree || disagree) {
		snprintf(line, sizeof(line),
			 "kernel agreement: %d agree, %d disagree, %d policy cases (stricter than the kernel), %d not compared",
			 agree, disagree, policy_cases, kskipped);
		diag(line);
	} else {
		skip("kernel comparison", "no BPF privileges");
	}
	for (i = 2; i < argc; i++)
		run_object(argv[i]);
	vx_rcu_barrier();
	return tap_done();
}
