// SPDX-License-Identifier: BSD-2-Clause
/*
 * test_jit.c - the x86-64 JIT against the expected results and the checked interpreter.
 *
 * Usage: test_jit CONFORMANCE_TESTS_DIR XDP_OBJ_DIR PKT_DIR [MAPS_DIR [NPROGS]]
 * 1. every bpf_conformance test (except callx and expected errors) gives its `-- result` when
 *    compiled, run as a raw program with r1 = mem, r2 = its length;
 * 2. NPROGS (default 100000) random safe programs (jit_gen.c) give the interpreter's r0, plain
 *    and with constant blinding every fourth program;
 * 3. every program of every XDP object, over every frame, gives the interpreter's return
 *    value and output bytes, and leaves the same map contents. The context-load facts the
 *    verifier will provide are computed here by a small stand-in analysis (ldxw through
 *    registers that certainly hold r1's entry value);
 * 5. sign-extending context loads (xdp_ctx_sx.o) give the RFC 9669 values for fields with and
 *    without bit 31 set, in the interpreter and the JIT (trusted, and guest: hardened, blinded).
 * TAP output.
 */
#include <dirent.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "jit_gen.h"
#include "jit_priv.h"
#include "prog_priv.h"
#include "tap.h"
#include "vxbpf/asm.h"
#include "vxbpf/helper.h"
#include "vxbpf/interp.h"
#include "vxbpf/jit.h"
#include "vxbpf/map.h"
#include "vxbpf/obj.h"
#include "vxbpf/prog.h"
#include "vxbpf/xdp.h"

#define MAX_PROGS 32

static char *slurp(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long sz;

	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	sz = ftell(f);
	rewind(f);
	buf = malloc((size_t)sz + 1);
	if (buf && fread(buf, 1, (size_t)sz, f) != (size_t)sz) {
		free(buf);
		buf = NULL;
	}
	if (buf)
		buf[sz] = '\0';
	if (n)
		*n = (size_t)sz;
	fclose(f);
	return buf;
}

static int by_name(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

static bool has_suffix(const char *s, const char *sfx)
{
	size_t a = strlen(s), b = strlen(sfx);

	return a >= b && !strcmp(s + a - b, sfx);
}

/* ------------------------------------------------------------------------------------- */
/* 1. Conformance */

struct conf {
	char *sect[3]; /* asm, mem, result */
	bool error;
};

static void conf_parse(char *text, struct conf *tc)
{
	char *line, *save = NULL, **cur = NULL;

	memset(tc, 0, sizeof(*tc));
	for (line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		if (!strncmp(line, "-- ", 3)) {
			cur = NULL;
			if (!strncmp(line + 3, "asm", 3))
				cur = &tc->sect[0];
			else if (!strncmp(line + 3, "mem", 3))
				cur = &tc->sect[1];
			else if (!strncmp(line + 3, "result", 6))
				cur = &tc->sect[2];
			else if (!strncmp(line + 3, "error", 5))
				tc->error = true;
			continue;
		}
		if (cur) {
			size_t old = *cur ? strlen(*cur) : 0, n = strlen(line);

			*cur = realloc(*cur, old + n + 2);
			memcpy(*cur + old, line, n);
			(*cur)[old + n] = '\n';
			(*cur)[old + n + 1] = '\0';
		}
	}
}

static size_t parse_mem(const char *s, uint8_t *out, size_t cap)
{
	size_t n = 0;
	char *end;

	while (s && *s && n < cap) {
		unsigned long v = strtoul(s, &end, 16);

		if (end == s) {
			s++;
			continue;
		}
		out[n++] = (uint8_t)v;
		s = end;
	}
	return n;
}

static void conf_one(const char *dir, const char *name)
{
	char path[4096], msg[VX_ERROR_MSG_MAX + 32];
	struct vx_insn *insns = NULL;
	static uint8_t mem[65536];
	struct vx_error err;
	struct vx_jit *jit;
	struct conf tc;
	size_t len, memlen;
	uint64_t want, r0;
	char *text;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	text = slurp(path, NULL);
	if (!text)
		return (void)ok(false, "conformance %s: readable", name);
	conf_parse(text, &tc);
	if (tc.error || !tc.sect[0] || !tc.sect[2])
		skip(name, "expects an error (or has no asm/result)");
	else if (vx_assemble(tc.sect[0], &insns, &len, &err))
		ok(false, "conformance %s: assembles: %s", name, vx_error_str(&err, msg, 200));
	else if (vx_check(insns, len, 0, &err))
		skip(name, vx_error_str(&err, msg, sizeof(msg)));
	else if (!(jit = vx_jit_compile(insns, len, NULL, NULL, &err)))
		ok(false, "conformance %s: compiles: %s", name, vx_error_str(&err, msg, 200));
	else {
		memlen = parse_mem(tc.sect[1], mem, sizeof(mem));
		want = strtoull(tc.sect[2], NULL, 16);
		r0 = vx_jit_run2(jit, memlen ? (uint64_t)(uintptr_t)mem : 0, memlen);
		ok(r0 == want, "conformance %s: r0 = 0x%" PRIx64 " (expected 0x%" PRIx64 ")", name,
		   r0, want);
		vx_jit_free(jit);
	}
	free(insns);
	free(tc.sect[0]);
	free(tc.sect[1]);
	free(tc.sect[2]);
	free(text);
}

static void test_conformance(const char *dir)
{
	struct dirent **ents;
	int n, i;

	n = scandir(dir, &ents, NULL, by_name);
	if (n < 0)
		return (void)ok(false, "conformance directory %s readable", dir);
	for (i = 0; i < n; i++) {
		if (has_suffix(ents[i]->d_name, ".data"))
			conf_one(dir, ents[i]->d_name);
		free(ents[i]);
	}
	free(ents);
}

/* ------------------------------------------------------------------------------------- */
/* 2. Random differential */

static uint64_t rng_state = 0x243f6a8885a308d3ull;

static uint32_t xorshift(void *arg)
{
	uint64_t x = rng_state;

	(void)arg;
	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	rng_state = x;
	return (uint32_t)(x >> 16);
}

/* 0 same, 1 differs, -1 an engine refused. */
static int diff_one(const struct vx_insn *p, size_t len, unsigned flags, uint64_t *ri,
		    uint64_t *rj, char *why, size_t whylen)
{
	struct vx_jit_opts opts = { .flags = flags };
	struct vx_error err;
	struct vx_env env;
	struct vx_jit *jit;

	if (vx_check(p, len, 0, &err))
		return snprintf(why, whylen, "check: %s", err.msg), -1;
	vx_env_init(&env);
	if (vx_interp_run(p, len, &env, NULL, 0, ri, &err))
		return snprintf(why, whylen, "interp: insn %d: %s", err.insn, err.msg), -1;
	jit = vx_jit_compile(p, len, NULL, &opts, &err);
	if (!jit)
		return snprintf(why, whylen, "jit: %s", err.msg), -1;
	*rj = vx_jit_run2(jit, 0, 0);
	vx_jit_free(jit);
	return *ri != *rj;
}

static void test_random(unsigned long nprogs)
{
	static struct vx_insn prog[JIT_GEN_MAX];
	unsigned long i, same = 0, blinded = 0, hardened = 0, bad = 0;
	uint64_t ri = 0, rj = 0;
	char why[512];

	for (i = 0; i < nprogs; i++) {
		size_t len = jit_gen_program(xorshift, NULL, prog);
		unsigned flags = i % 4 == 3 ? VX_JIT_BLIND :
				 i % 4 == 2 ? VX_JIT_BLIND | VX_JIT_HARDEN : 0;
		int d = diff_one(prog, len, flags, &ri, &rj, why, sizeof(why));

		if (!d) {
			same++;
			blinded += flags != 0;
			hardened += !!(flags & VX_JIT_HARDEN);
			continue;
		}
		if (bad++ < 5) {
			printf("# program %lu: %s", i,
			       d < 0 ? why : "r0 differs");
			if (d > 0)
				printf(": interp 0x%" PRIx64 ", jit 0x%" PRIx64, ri, rj);
			printf("\n");
			vx_disasm(prog, len, stdout);
		}
	}
	ok(!bad, "random differential: %lu of %lu programs agree (%lu blinded, %lu of them "
	   "hardened)", same, nprogs, blinded, hardened);
}

/* ------------------------------------------------------------------------------------- */
/* 3. XDP corpus */

#define R(n) (1u << (n))

/*
 * Stand-in for the verifier's context facts: a forward dataflow of where the entry r1 certainly
 * is (registers, and 8-byte stack slots it was spilled to) from the entry; callees start with
 * the caller's r1-r5 and an empty frame; calls clobber r0-r5. ldxw of an xdp_md field through
 * such a register is a context load.
 */
struct cstate {
	uint16_t regs;
	uint64_t slots; /* bit k: [r10 - 8(k + 1)] */
	bool seen;
};

static int slot_of(const struct vx_insn *in, bool base_src)
{
	int off = in->off;

	if ((base_src ? in->src : in->dst) != VX_REG_FP || off >= 0 || off < -512 || off % 8)
		return -1;
	return -off / 8 - 1 < 64 ? -off / 8 - 1 : -1;
}

static void cs_transfer(const struct vx_insn *in, struct cstate *o, uint8_t *fact)
{
	uint8_t cls = VX_CLASS(in->code), op = VX_OP(in->code);
	uint16_t dbit = (uint16_t)R(in->dst);
	int k;

	if (cls == VX_LDX) {
		bool sx = VX_MODE(in->code) == VX_MEMSX;

		/* ldxw of any field, ldxsw of the 32-bit ones (from offset 12) */
		if ((o->regs & R(in->src)) && VX_SIZE(in->code) == VX_W && in->off >= (sx ? 12 : 0) &&
		    in->off <= 20 && in->off % 4 == 0)
			*fact = (uint8_t)(in->off + 1);
		k = slot_of(in, true);
		o->regs &= (uint16_t)~dbit;
		if (k >= 0 && VX_SIZE(in->code) == VX_DW && (o->slots >> k & 1))
			o->regs |= dbit;
	} else if (cls == VX_ST || cls == VX_STX) {
		k = slot_of(in, false);
		if (k >= 0)
			o->slots &= ~(1ull << k);
		if (k >= 0 && cls == VX_STX && VX_MODE(in->code) == VX_MEM &&
		    VX_SIZE(in->code) == VX_DW && (o->regs & R(in->src)))
			o->slots |= 1ull << k;
		if (VX_MODE(in->code) == VX_ATOMIC && (in->imm & VX_FETCH))
			o->regs &= (uint16_t)~(in->imm == VX_CMPXCHG ? R(0) : R(in->src));
	} else if (cls == VX_ALU64 && op == VX_MOV && VX_SRC(in->code) == VX_X && !in->off) {
		o->regs = (o->regs & R(in->src)) ? o->regs | dbit : o->regs & (uint16_t)~dbit;
	} else if (cls == VX_ALU || cls == VX_ALU64 || cls == VX_LD) {
		o->regs &= (uint16_t)~dbit;
	} else if (op == VX_CALL) {
		o->regs &= (uint16_t)~0x3f;
	}
}

static bool cs_merge(struct cstate *to, const struct cstate *from)
{
	struct cstate m = *from;

	if (to->seen) {
		m.regs &= to->regs;
		m.slots &= to->slots;
	}
	m.seen = true;
	if (to->seen && m.regs == to->regs && m.slots == to->slots)
		return false;
	*to = m;
	return true;
}

static void ctx_facts(const struct vx_insn *in, size_t len, uint8_t *facts)
{
	struct cstate *st = calloc(len + 1, sizeof(*st));
	bool changed = true;
	size_t i;

	st[0] = (struct cstate){ R(1), 0, true };
	while (changed) {
		changed = false;
		for (i = 0; i < len; i++) {
			uint8_t cls = VX_CLASS(in[i].code), op = VX_OP(in[i].code);
			size_t next = i + (in[i].code == VX_LD_IMM64 ? 2 : 1);
			long t = vx_branch_target(in, i);
			bool jmp = cls == VX_JMP || cls == VX_JMP32;
			struct cstate o = st[i], to;

			if (!st[i].seen)
				continue;
			cs_transfer(&in[i], &o, &facts[i]);
			to = o;
			if (jmp && op == VX_CALL)
				to = (struct cstate){ (uint16_t)(st[i].regs & 0x3e), 0, true };
			if (!(jmp && (op == VX_EXIT || op == VX_JA)) && next < len)
				changed |= cs_merge(&st[next], &o);
			if (t >= 0 && (size_t)t < len)
				changed |= cs_merge(&st[t], &to);
		}
	}
	free(st);
}

struct xside {
	struct vx_obj *obj;
	size_t nprogs;
	struct vx_prog *progs[MAX_PROGS];
	struct vx_jit *jits[MAX_PROGS];
	uint8_t *facts[MAX_PROGS];
	bool guest; /* prepared by vx_obj_prepare() for the guest class: hardened JIT */
};

static const struct vx_jit *resolve(const struct vx_prog *target, void *arg)
{
	struct xside *x = arg;
	size_t i;

	for (i = 0; i < x->nprogs; i++)
		if (x->progs[i] == target)
			return x->jits[i];
	return NULL;
}

static int hexval(const char *s, uint8_t *out, size_t cap)
{
	size_t n = 0;

	while (s[0] && s[1] && n < cap) {
		char b[3] = { s[0], s[1], 0 };

		out[n++] = (uint8_t)strtoul(b, NULL, 16);
		s += 2;
	}
	return (int)n;
}

/* MAPS_DIR/NAME.maps: `MAP KEYHEX VALUEHEX` lines, per-CPU values to every slot. */
static void apply_maps(struct vx_obj *obj, const char *maps_dir, const char *name)
{
	char path[4096], line[8192];
	uint8_t k[512], v[4096], val[65536];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s.maps", maps_dir, name);
	f = maps_dir ? fopen(path, "r") : NULL;
	while (f && fgets(line, sizeof(line), f)) {
		char *m = strtok(line, " \t\r\n"), *kh = strtok(NULL, " \t\r\n");
		char *vh = strtok(NULL, " \t\r\n");
		struct vx_map *map;
		size_t cp, i, vn;

		if (!m || m[0] == '#' || !kh || !vh || !(map = vx_obj_find_map(obj, m)))
			continue;
		hexval(kh, k, sizeof(k));
		vn = (size_t)hexval(vh, v, sizeof(v));
		cp = vx_map_cp_value_size(map);
		memset(val, 0, sizeof(val));
		for (i = 0; vn && i + vn <= cp && i + vn <= sizeof(val); i += (vn + 7) & ~7ul)
			memcpy(val + i, v, vn);
		vx_map_update(map, k, val, 0);
	}
	if (f)
		fclose(f);
}

static void xside_free(struct xside *x)
{
	size_t i;

	for (i = 0; i < x->nprogs; i++) {
		vx_jit_free(x->jits[i]);
		free(x->facts[i]);
	}
	if (x->obj)
		vx_obj_close(x->obj);
}

static bool xside_open(struct xside *x, const char *path, bool jit)
{
	struct vx_jit_opts opts = { .flags = VX_JIT_XDP_CTX, .resolve = resolve, .resolve_arg = x };
	struct vx_error err;
	size_t i, len;

	memset(x, 0, sizeof(*x));
	x->obj = vx_obj_open(path, &err);
	if (!x->obj)
		return false;
	x->nprogs = vx_obj_prog_count(x->obj);
	if (x->nprogs > MAX_PROGS)
		x->nprogs = MAX_PROGS;
	for (i = 0; i < x->nprogs; i++) {
		const struct vx_insn *in;

		x->progs[i] = vx_obj_prog(x->obj, i);
		if (!jit)
			continue;
		in = vx_prog_insns(x->progs[i], &len);
		x->facts[i] = calloc(len, 1);
		ctx_facts(in, len, x->facts[i]);
		opts.ctx_field = x->facts[i];
		x->jits[i] = vx_jit_compile(in, len, x->progs[i], &opts, &err);
		if (!ok(x->jits[i] != NULL, "%s: compiles", vx_prog_name(x->progs[i])))
			printf("# %s\n", err.msg);
	}
	return true;
}

/* The object prepared as an offloaded program is: verified, compiled hardened and blinded. */
static bool xside_open_guest(struct xside *x, const char *path)
{
	struct vx_error err;
	size_t i;

	memset(x, 0, sizeof(*x));
	x->guest = true;
	x->obj = vx_obj_open(path, &err);
	if (!x->obj)
		return false;
	if (vx_obj_prepare(x->obj, VX_ENGINE_JIT, VX_HELPER_GUEST, &err)) {
		printf("# %s: not accepted for guests (%s): no hardened run\n", path, err.msg);
		vx_obj_close(x->obj);
		x->obj = NULL;
		return false;
	}
	x->nprogs = vx_obj_prog_count(x->obj);
	if (x->nprogs > MAX_PROGS)
		x->nprogs = MAX_PROGS;
	for (i = 0; i < x->nprogs; i++)
		x->progs[i] = vx_obj_prog(x->obj, i);
	return true;
}

struct pkt {
	uint8_t *p;
	size_t n;
};

struct out {
	int err;
	struct vx_xdp_result res;
	uint8_t data[VX_XDP_FRAME_SIZE];
	size_t n;
	char trace[4096]; /* bpf_trace_printk lines, NUL-separated */
	size_t tn;
};

static void trace_line(const char *line, void *arg)
{
	struct out *o = arg;
	size_t n = strlen(line);

	if (o->tn + n + 1 < sizeof(o->trace)) {
		memcpy(o->trace + o->tn, line, n + 1);
		o->tn += n + 1;
	}
}

static void run_side(struct xside *x, size_t k, bool jit, const struct pkt *pk, struct out *o)
{
	static uint8_t buf[VX_XDP_FRAME_SIZE];
	struct vx_xdp_frame frame;
	struct vx_error err;

	memset(buf, 0, sizeof(buf));
	memset(o, 0, sizeof(*o));
	o->err = vx_xdp_frame_init(&frame, buf, pk->p, (uint32_t)pk->n, &err);
	if (o->err)
		return;
	frame.ingress_ifindex = 1;
	vx_set_trace_hook(trace_line, o);
	if (jit && x->guest)
		o->err = vx_xdp_run(x->progs[k], VX_ENGINE_JIT, &frame, &o->res, &err);
	else if (jit && x->jits[k])
		vx_jit_xdp_run(x->jits[k], &frame, &o->res);
	else
		o->err = vx_xdp_run(x->progs[k], VX_ENGINE_INTERP, &frame, &o->res, &err);
	vx_set_trace_hook(NULL, NULL);
	vx_rcu_quiescent();
	o->n = frame.meta_len + frame.data_len;
	memcpy(o->data, buf + frame.data_off - frame.meta_len, o->n);
}

struct mdump {
	uint8_t *p;
	size_t n;
};

static void md_add(struct mdump *d, const void *p, size_t n)
{
	d->p = realloc(d->p, d->n + n + 1);
	memcpy(d->p + d->n, p, n);
	d->n += n;
}

struct dctx {
	struct mdump *d;
	const struct vx_map_def *def;
	size_t vsize;
};

static int dump_entry(const void *key, const void *value, void *arg)
{
	struct dctx *c = arg;

	md_add(c->d, key, c->def->key_size);
	md_add(c->d, value, c->vsize);
	return 0;
}

static size_t sort_size;

static int rec_cmp(const void *a, const void *b)
{
	return memcmp(a, b, sort_size);
}

static int dump_record(const void *data, size_t size, void *arg)
{
	md_add(arg, &size, sizeof(size));
	md_add(arg, data, size);
	return 0;
}

static void dump_map(struct vx_map *map, struct mdump *d)
{
	struct dctx c = { d, vx_map_get_def(map), vx_map_cp_value_size(map) };

	if (c.def->type == VX_MAP_PROG_ARRAY)
		return;
	if (c.def->type == VX_MAP_RINGBUF)
		vx_ringbuf_consume(map, dump_record, d);
	else
		vx_map_dump(map, dump_entry, &c);
	/* hash maps iterate in an order of their own: compare as sets */
	sort_size = c.def->key_size + c.vsize;
	if (c.def->type != VX_MAP_RINGBUF && sort_size && d->n)
		qsort(d->p, d->n / sort_size, sort_size, rec_cmp);
}

static bool maps_equal(struct xside *a, struct xside *b, const char *obj)
{
	size_t i, n = vx_obj_map_count(a->obj);
	bool same = n == vx_obj_map_count(b->obj);

	for (i = 0; same && i < n; i++) {
		struct mdump da = { 0 }, db = { 0 };

		dump_map(vx_obj_map(a->obj, i), &da);
		dump_map(vx_obj_map(b->obj, i), &db);
		if (da.n != db.n || (da.n && memcmp(da.p, db.p, da.n))) {
			size_t at = 0;

			while (at < da.n && at < db.n && da.p[at] == db.p[at])
				at++;
			printf("# %s: map %s differs (%zu vs %zu bytes, first at byte %zu)\n", obj,
			       vx_map_get_def(vx_obj_map(a->obj, i))->name, da.n, db.n, at);
			same = false;
		}
		free(da.p);
		free(db.p);
	}
	return same;
}

static bool same_out(const struct out *i, const struct out *j)
{
	if (i->err || j->err)
		return i->err == j->err && i->n == 0 && j->n == 0;
	return i->res.retval == j->res.retval && i->n == j->n && i->tn == j->tn &&
	       !memcmp(i->trace, j->trace, i->tn) &&
	       !memcmp(i->data, j->data, i->n) &&
	       i->res.redirect_ifindex == j->res.redirect_ifindex &&
	       i->res.redirect_flags == j->res.redirect_flags;
}

static void xdp_prog(struct xside *xi, struct xside *xj, size_t k, const struct pkt *pkts,
		     size_t npkts, const char *obj)
{
	static struct out oi, oj;
	size_t p, agree = 0;

	for (p = 0; p < npkts; p++) {
		run_side(xi, k, false, &pkts[p], &oi);
		run_side(xj, k, true, &pkts[p], &oj);
		if (same_out(&oi, &oj))
			agree++;
		else if (agree + 3 > p)
			printf("# %s/%s packet %zu: interp err %d r0 %" PRIu64 " len %zu, jit r0 %"
			       PRIu64 " len %zu\n", obj, vx_prog_name(xi->progs[k]), p, oi.err,
			       oi.res.retval, oi.n, oj.res.retval, oj.n);
	}
	ok(agree == npkts, "%s/%s%s: %zu of %zu frames agree", obj, vx_prog_name(xi->progs[k]),
	   xj->guest ? " (guest, hardened)" : "", agree, npkts);
	ok(maps_equal(xi, xj, obj), "%s/%s%s: maps agree", obj, vx_prog_name(xi->progs[k]),
	   xj->guest ? " (guest, hardened)" : "");
}

static void xdp_object(const char *dir, const char *file, const char *maps_dir,
		       const struct pkt *pkts, size_t npkts)
{
	char path[4096], name[256];
	struct xside xi, xj;
	size_t k;

	snprintf(path, sizeof(path), "%s/%s", dir, file);
	snprintf(name, sizeof(name), "%.*s", (int)(strlen(file) - 2), file);
	if (!ok(xside_open(&xi, path, false) && xside_open(&xj, path, true), "%s: opens", name))
		return;
	apply_maps(xi.obj, maps_dir, name);
	apply_maps(xj.obj, maps_dir, name);
	for (k = 0; k < xi.nprogs; k++)
		xdp_prog(&xi, &xj, k, pkts, npkts, name);
	xside_free(&xi);
	xside_free(&xj);
	/* Again with the guest class's hardened code, against a fresh interpreter side. */
	if (!xside_open_guest(&xj, path))
		return;
	if (xside_open(&xi, path, false)) {
		apply_maps(xi.obj, maps_dir, name);
		apply_maps(xj.obj, maps_dir, name);
		for (k = 0; k < xi.nprogs; k++)
			xdp_prog(&xi, &xj, k, pkts, npkts, name);
		xside_free(&xi);
	}
	xside_free(&xj);
}

static size_t load_pkts(const char *dir, struct pkt **out)
{
	struct dirent **ents;
	char path[4096];
	struct pkt *p;
	int n, i;
	size_t k = 0;

	n = scandir(dir, &ents, NULL, by_name);
	if (n < 0)
		return 0;
	p = calloc((size_t)n, sizeof(*p));
	for (i = 0; i < n; i++) {
		snprintf(path, sizeof(path), "%s/%s", dir, ents[i]->d_name);
		if (ents[i]->d_name[0] != '.' && (p[k].p = (uint8_t *)slurp(path, &p[k].n)))
			k++;
		free(ents[i]);
	}
	free(ents);
	*out = p;
	return k;
}

static double now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

/* ns per frame over one frame, both engines, frame set up afresh each run. */
static void timing(const char *dir, const char *file, const struct pkt *pk)
{
	static uint8_t buf[VX_XDP_FRAME_SIZE];
	struct vx_xdp_frame frame;
	struct vx_xdp_result res;
	struct vx_error err;
	char path[4096];
	struct xside x;
	double t0, ti, tj;
	int i, n = 200000;

	snprintf(path, sizeof(path), "%s/%s", dir, file);
	if (!xside_open(&x, path, true) || !x.jits[0])
		return;
	t0 = now_ns();
	for (i = 0; i < n; i++) {
		vx_xdp_frame_init(&frame, buf, pk->p, (uint32_t)pk->n, &err);
		vx_xdp_run(x.progs[0], VX_ENGINE_INTERP, &frame, &res, &err);
	}
	ti = (now_ns() - t0) / n;
	t0 = now_ns();
	for (i = 0; i < n; i++) {
		vx_xdp_frame_init(&frame, buf, pk->p, (uint32_t)pk->n, &err);
		vx_jit_xdp_run(x.jits[0], &frame, &res);
	}
	tj = (now_ns() - t0) / n;
	printf("# timing %s/%s: interpreter %.1f ns/frame, jit %.1f ns/frame (%d runs, "
	       "frame copy included)\n", file, vx_prog_name(x.progs[0]), ti, tj, n);
	xside_free(&x);
}

static void test_xdp(const char *dir, const char *pkt_dir, const char *maps_dir)
{
	struct dirent **ents;
	struct pkt *pkts = NULL;
	size_t npkts = load_pkts(pkt_dir, &pkts), i;
	int n, k;

	if (!ok(npkts > 0, "xdp: %zu frames loaded", npkts))
		return;
	n = scandir(dir, &ents, NULL, by_name);
	for (k = 0; k < n; k++) {
		if (has_suffix(ents[k]->d_name, ".o"))
			xdp_object(dir, ents[k]->d_name, maps_dir, pkts, npkts);
		free(ents[k]);
	}
	if (n > 0)
		free(ents);
	/* subprograms and a bpf_loop callback (the hardened callback trampoline) */
	if (getenv("PROGS_DIR"))
		xdp_object(getenv("PROGS_DIR"), "obj_subprogs.o", NULL, pkts, npkts);
	else
		skip("subprograms and callbacks", "PROGS_DIR is not set");
	timing(dir, "xdp_fw4.o", &pkts[0]);
	for (i = 0; i < npkts; i++)
		free(pkts[i].p);
	free(pkts);
}

/* ------------------------------------------------------------------------------------- */
/* 4. The hardening is in the code of guest programs and not in trusted ones' */

struct hpat {
	unsigned cmov, or_slh, lfence, tramp;
};

/* Count the hardening's instruction patterns in the compiled code. */
static struct hpat scan_code(const struct vx_jit *jit)
{
	const uint8_t *b = jit->image;
	struct hpat h = { 0 };
	size_t i;

	for (i = 0; i + 5 <= jit->size; i++) {
		/* cmov<cc> r12, [rip + disp] */
		h.cmov += b[i] == 0x4c && b[i + 1] == 0x0f && (b[i + 2] & 0xf0) == 0x40 &&
			  b[i + 3] == 0x25;
		/* or reg, r12 */
		h.or_slh += (b[i] == 0x4c || b[i] == 0x4d) && b[i + 1] == 0x09 &&
			    (b[i + 2] & 0xf8) == 0xe0;
		h.lfence += b[i] == 0x0f && b[i + 1] == 0xae && b[i + 2] == 0xe8;
		/* push r12; xor r12d, r12d */
		h.tramp += b[i] == 0x41 && b[i + 1] == 0x54 && b[i + 2] == 0x45 &&
			   b[i + 3] == 0x31 && b[i + 4] == 0xe4;
	}
	return h;
}

static void harden_raw(void)
{
	static const struct vx_insn p[] = {
		{ .code = VX_ALU64 | VX_MOV | VX_X, .dst = 2, .src = 1 },
		{ .code = VX_LDX | VX_MEM | VX_B, .dst = 0, .src = 2 },
		{ .code = VX_JMP | VX_JEQ | VX_K, .dst = 0, .off = 1, .imm = 7 },
		{ .code = VX_STX | VX_MEM | VX_B, .dst = 2, .src = 0, .off = 1 },
		{ .code = VX_STX | VX_MEM | VX_DW, .dst = 10, .src = 0, .off = -8 },
		{ .code = VX_LDX | VX_MEM | VX_DW, .dst = 0, .src = 10, .off = -8 },
		{ .code = VX_JMP | VX_EXIT },
	};
	static const uint8_t barrier[7] = { [4] = 1 };
	struct vx_jit_opts plain = { .barrier = barrier };
	struct vx_jit_opts hard = { .flags = VX_JIT_HARDEN, .barrier = barrier };
	uint8_t mem_a[8] = { 5 }, mem_b[8] = { 5 };
	struct vx_error err;
	struct vx_jit *jp = vx_jit_compile(p, 7, NULL, &plain, &err);
	struct vx_jit *jh = vx_jit_compile(p, 7, NULL, &hard, &err);
	struct hpat hp, hh;

	if (!ok(jp && jh, "hardening: a raw program compiles plain and hardened")) {
		vx_jit_free(jp);
		vx_jit_free(jh);
		return;
	}
	hp = scan_code(jp);
	hh = scan_code(jh);
	ok(hh.cmov == 2 && hh.or_slh == 2 && hh.lfence == 1 && hh.tramp == 1,
	   "hardening: branch masks, masked load and store, a v4 barrier, trampoline (cmov %u, "
	   "or %u, lfence %u, trampoline %u)", hh.cmov, hh.or_slh, hh.lfence, hh.tramp);
	ok(!hp.cmov && !hp.or_slh && !hp.lfence && !hp.tramp,
	   "hardening: none of it without VX_JIT_HARDEN (cmov %u, or %u, lfence %u, tramp %u)",
	   hp.cmov, hp.or_slh, hp.lfence, hp.tramp);
	ok(vx_jit_run2(jp, (uint64_t)(uintptr_t)mem_a, 0) ==
		   vx_jit_run2(jh, (uint64_t)(uintptr_t)mem_b, 0) &&
		   !memcmp(mem_a, mem_b, sizeof(mem_a)) && mem_a[1] == 5,
	   "hardening: same result and memory hardened or not");
	vx_jit_free(jp);
	vx_jit_free(jh);
}

/* fw4 prepared for each class: map lookups, packet loads, branches. */
static void harden_class(const char *dir, unsigned class, bool want)
{
	char path[4096];
	struct vx_error err;
	struct vx_obj *obj;
	struct hpat h;

	snprintf(path, sizeof(path), "%s/xdp_fw4.o", dir);
	obj = vx_obj_open(path, &err);
	if (!ok(obj && !vx_obj_prepare(obj, VX_ENGINE_JIT, class, &err),
		"hardening: xdp_fw4 prepared for the %s class", want ? "guest" : "trusted")) {
		vx_obj_close(obj);
		return;
	}
	h = scan_code(vx_obj_prog(obj, 0)->jit);
	if (want)
		ok(h.cmov > 10 && h.or_slh > 10 && h.lfence >= 1 && h.tramp == 1 &&
		   (vx_obj_prog(obj, 0)->jit->flags & VX_JIT_BLIND),
		   "hardening: guest fw4 is blinded and has branch masks (%u), masked loads and "
		   "arguments (%u), barriers (%u), a trampoline", h.cmov, h.or_slh, h.lfence);
	else
		ok(!h.cmov && !h.or_slh && !h.lfence && !h.tramp &&
		   !(vx_obj_prog(obj, 0)->jit->flags & VX_JIT_BLIND),
		   "hardening: trusted fw4 is neither blinded nor hardened (cmov %u, or %u, "
		   "lfence %u)", h.cmov, h.or_slh, h.lfence);
	vx_obj_close(obj);
}

/*
 * An array lookup compiled inline (jit_inline.c): r0 = value[key] or NULL, the same plain and
 * hardened, for keys in and out of range, with no helper call left in the code.
 */
static void inline_lookup(void)
{
	static const struct vx_insn p[] = {
		{ .code = VX_ALU64 | VX_MOV | VX_X, .dst = 2, .src = 1 },
		{ .code = VX_LD_IMM64, .dst = 1, .src = VX_PSEUDO_MAP_IDX, .imm = 0 },
		{ .code = 0 },
		{ .code = VX_JMP | VX_CALL, .imm = 1 },
		{ .code = VX_JMP | VX_JEQ | VX_K, .dst = 0, .off = 2, .imm = 0 },
		{ .code = VX_LDX | VX_MEM | VX_DW, .dst = 0, .src = 0, .off = 0 },
		{ .code = VX_JMP | VX_EXIT },
		{ .code = VX_ALU64 | VX_MOV | VX_K, .dst = 0, .imm = 99 },
		{ .code = VX_JMP | VX_EXIT },
	};
	struct vx_map_def def = { .name = "arr", .type = VX_MAP_ARRAY, .key_size = 4,
				  .value_size = 12, .max_entries = 5 };
	struct vx_jit_opts hard = { .flags = VX_JIT_HARDEN | VX_JIT_BLIND };
	struct vx_prog prog = { .name = "lookup", .insns = (struct vx_insn *)p, .len = 9 };
	struct vx_jit *jp = NULL, *jh = NULL;
	struct vx_error err;
	struct vx_map *map = vx_map_create(&def, &err);
	uint32_t k, bad = 0;

	prog.maps = &map;
	prog.nmaps = 1;
	for (k = 0; map && k < 5; k++) {
		uint64_t v[2] = { k * 10 + 1, 0 };

		vx_map_update(map, &k, v, 0);
	}
	if (map) {
		jp = vx_jit_compile(p, 9, &prog, NULL, &err);
		jh = vx_jit_compile(p, 9, &prog, &hard, &err);
	}
	if (!ok(jp && jh, "inline lookup: compiles plain and hardened")) {
		vx_jit_free(jp);
		vx_jit_free(jh);
		vx_map_destroy(map);
		return;
	}
	for (k = 0; k < 9; k++) {
		uint32_t key = k < 7 ? k : 0xffffffffu - (k - 7);
		uint64_t want = key < 5 ? key * 10 + 1 : 99;

		bad += vx_jit_run2(jp, (uint64_t)(uintptr_t)&key, 4) != want;
		bad += vx_jit_run2(jh, (uint64_t)(uintptr_t)&key, 4) != want;
	}
	ok(!bad, "inline lookup: values in range, NULL beyond (keys 0..6, 2^32-1, 2^32-2)");
	ok(!scan_code(jh).lfence && !scan_code(jp).lfence,
	   "inline lookup: no helper call, so no barrier after it in hardened code");
	vx_jit_free(jp);
	vx_jit_free(jh);
	vx_map_destroy(map);
}

/* ------------------------------------------------------------------------------------- */
/* 5. ldxsw of ingress_ifindex and rx_queue_index: sign-extended the same by every engine */

/* xdp_ctx_sx writes sext(ingress_ifindex), sext(rx_queue_index) over bytes 0..15; its action
 * is PASS when ingress_ifindex is non-negative as an s32, DROP otherwise. */
static bool signext_run(const struct vx_prog *prog, enum vx_engine engine, uint32_t ifindex,
			uint32_t rxq, const char *what)
{
	static uint8_t fbuf[VX_XDP_FRAME_SIZE];
	uint8_t frame_in[64] = { 0 };
	int64_t want[2] = { (int32_t)ifindex, (int32_t)rxq }, got[2];
	struct vx_xdp_frame frame;
	struct vx_xdp_result res;
	struct vx_error err;
	bool good;

	memset(fbuf, 0, sizeof(fbuf));
	if (vx_xdp_frame_init(&frame, fbuf, frame_in, sizeof(frame_in), &err))
		return ok(false, "ldxsw: %s: frame: %s", what, err.msg);
	frame.ingress_ifindex = ifindex;
	frame.rx_queue_index = rxq;
	if (vx_xdp_run(prog, engine, &frame, &res, &err))
		return ok(false, "ldxsw: %s: run: %s", what, err.msg);
	vx_rcu_quiescent();
	memcpy(got, fbuf + frame.data_off, sizeof(got));
	good = got[0] == want[0] && got[1] == want[1] &&
	       res.retval == ((int32_t)ifindex < 0 ? 1u : 2u);
	return ok(good, "ldxsw: %s, ingress_ifindex %#x, rx_queue_index %#x: %#" PRIx64 ", %#"
		  PRIx64 ", action %" PRIu64, what, ifindex, rxq, (uint64_t)got[0],
		  (uint64_t)got[1], res.retval);
}

static void test_ctx_signext(const char *dir)
{
	static const uint32_t vals[][2] = {
		{ 1, 0 }, { 0x7fffffff, 0x80000000 }, { 0x80000005, 0xfffffffe },
		{ 0xffffffff, 0x7ffffffe },
	};
	static const struct {
		enum vx_engine engine;
		unsigned class;
		const char *what;
	} sides[] = {
		{ VX_ENGINE_INTERP, VX_HELPER_TRUSTED, "interpreter" },
		{ VX_ENGINE_JIT, VX_HELPER_TRUSTED, "JIT" },
		{ VX_ENGINE_JIT, VX_HELPER_GUEST, "JIT, guest (hardened, blinded)" },
	};
	char path[4096];
	struct vx_error err;
	size_t s, v;

	snprintf(path, sizeof(path), "%s/xdp_ctx_sx.o", dir);
	for (s = 0; s < sizeof(sides) / sizeof(sides[0]); s++) {
		struct vx_obj *obj = vx_obj_open(path, &err);

		if (!ok(obj && !vx_obj_prepare(obj, sides[s].engine, sides[s].class, &err),
			"ldxsw: xdp_ctx_sx verified and prepared for the %s", sides[s].what)) {
			printf("# %s\n", err.msg);
			vx_obj_close(obj);
			continue;
		}
		for (v = 0; v < sizeof(vals) / sizeof(vals[0]); v++)
			signext_run(vx_obj_prog(obj, 0), sides[s].engine, vals[v][0], vals[v][1],
				    sides[s].what);
		vx_obj_close(obj);
	}
}

static void test_hardening(const char *xdp_dir)
{
	harden_raw();
	inline_lookup();
	harden_class(xdp_dir, VX_HELPER_GUEST, true);
	harden_class(xdp_dir, VX_HELPER_TRUSTED, false);
}

int main(int argc, char **argv)
{
	if (argc < 4) {
		printf("1..0 # SKIP usage: %s CONF_DIR XDP_OBJ_DIR PKT_DIR [MAPS_DIR [NPROGS]]\n",
		       argv[0]);
		return 0;
	}
	if (!vx_jit_supported()) {
		printf("1..0 # SKIP the JIT supports only x86-64\n");
		return 0;
	}
	vx_rcu_thread_online();
	test_conformance(argv[1]);
	test_random(argc > 5 ? strtoul(argv[5], NULL, 0) : 100000);
	test_xdp(argv[2], argv[3], argc > 4 ? argv[4] : NULL);
	test_hardening(argv[2]);
	test_ctx_signext(argv[2]);
	vx_rcu_thread_offline();
	return tap_done();
}
