// SPDX-License-Identifier: BSD-2-Clause
/*
 * test_kdiff.c - the kernel differential test: an XDP object that clang builds and the kernel
 * accepts must behave the same in vxdp.
 *
 * Usage: test_kdiff OBJ_DIR PKT_DIR [MAPS_DIR]
 *
 * For every object OBJ_DIR/NAME.o and every program in it, both sides load the object afresh,
 * apply MAPS_DIR/NAME.maps (lines `MAP KEYHEX VALUEHEX`, per-CPU values go to every CPU), then
 * run every frame of PKT_DIR in name order over the same maps: the kernel with
 * BPF_PROG_TEST_RUN (libbpf; legacy `maps`-section objects, which libbpf 1.x refuses, are
 * loaded by hand), vxdp in-process with the interpreter. Compared: each run's return value and
 * data out (metadata + packet), then every map's contents (hash-like maps as sorted sets,
 * per-CPU values slot by slot, ring buffers as record sequences; program arrays skipped).
 * The process is pinned to one CPU and vxdp runs as the same CPU with as many per-CPU slots as
 * the kernel has possible CPUs, so per-CPU values compare exactly, slot by slot.
 * TAP output; `1..0 # SKIP` when BPF is not available. KDIFF_VERBOSE=1 in the environment
 * prints every map's kernel contents too.
 */
#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <libelf.h>
#include <linux/bpf.h>
#include <net/if.h>
#include <sched.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tap.h"
#include "vxbpf/error.h"
#include "vxbpf/helper.h"
#include "vxbpf/map.h"
#include "vxbpf/obj.h"
#include "vxbpf/xdp.h"

#define MAX_MAPS 64
#define MAX_PROGS 32
#define NAME_MAX_LEN 64
#define OUT_MAX 4096
#define ETH_HLEN 14
#define DIAG_DIFFS 8
#define HEX_WINDOW 64
#define LOG_TAIL 6000

/* A byte string: a frame, a key, a value, a ring buffer record. */
struct blob {
	uint8_t *p;
	size_t n;
};

struct pkt {
	char *name;
	struct blob data;
};

/* A map's contents: entries (key, value), or ring records (value only). */
struct entry {
	struct blob key, val;
};

struct dump {
	struct entry *v;
	size_t n, cap;
};

struct kmap {
	char name[NAME_MAX_LEN];
	int fd;
	uint32_t type, key_size, value_size, max_entries, flags;
};

struct kprog {
	char name[NAME_MAX_LEN];
	int fd;
};

/* The kernel side of one object. */
struct kobj {
	struct bpf_object *obj; /* NULL when loaded by hand (legacy maps): fds are ours */
	struct kmap maps[MAX_MAPS];
	size_t nmaps;
	struct kprog progs[MAX_PROGS];
	size_t nprogs;
};

/* Run-wide settings. */
struct env {
	int kcpus;	    /* the kernel's possible CPUs: per-CPU slots in its values */
	unsigned vcpus;	    /* vxdp's per-CPU slots */
	unsigned cpu;	    /* the CPU both sides run on */
	unsigned lo_ifindex; /* BPF_PROG_TEST_RUN's ingress device */
	const char *maps_dir;
	bool verbose;	    /* KDIFF_VERBOSE set: print every map's kernel contents */
	enum vx_engine engine; /* VXDP_ENGINE=interp (default) or jit */
	struct pkt *pkts;
	size_t npkts;
};

/* One test case: a program of an object. */
struct tcase {
	const struct env *env;
	char path[4096];
	char obj[NAME_MAX_LEN]; /* object name: file name without .o */
	char prog[NAME_MAX_LEN];
	struct kobj ko;
	struct vx_obj *vo;
	int kfd;
	struct vx_prog *vp;
};

static char *log_buf;
static size_t log_len;

/* ------------------------------------------------------------------------------------- */
/* Small utilities */

static __attribute__((format(printf, 1, 2))) void note(const char *fmt, ...)
{
	va_list ap;

	printf("# ");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
}

static void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (!p) {
		perror("calloc");
		exit(2);
	}
	return p;
}

static uint8_t *dup_bytes(const void *p, size_t n)
{
	uint8_t *d = xcalloc(1, n);

	if (n)
		memcpy(d, p, n);
	return d;
}

static void hex_print(const char *side, const char *what, const uint8_t *p, size_t n,
		      size_t from)
{
	size_t i, end = from + HEX_WINDOW * 2 < n ? from + HEX_WINDOW * 2 : n;

	printf("# %s: %s", side, what);
	if (from)
		printf("[%zu..] ", from);
	for (i = from; i < end; i++)
		printf("%02x", p[i]);
	if (end < n)
		printf("... (%zu bytes)", n);
	printf("\n");
}

static size_t first_diff(const struct blob *a, const struct blob *b)
{
	size_t i, n = a->n < b->n ? a->n : b->n;

	for (i = 0; i < n; i++)
		if (a->p[i] != b->p[i])
			break;
	return i;
}

static bool blob_eq(const struct blob *a, const struct blob *b)
{
	return a->n == b->n && (!a->n || !memcmp(a->p, b->p, a->n));
}

static int blob_cmp(const struct blob *a, const struct blob *b)
{
	size_t n = a->n < b->n ? a->n : b->n;
	int c = n ? memcmp(a->p, b->p, n) : 0;

	if (c)
		return c;
	return a->n < b->n ? -1 : a->n > b->n;
}

static int read_file(const char *path, struct blob *out)
{
	FILE *f = fopen(path, "rb");
	uint8_t chunk[4096];
	size_t got;

	if (!f)
		return -1;
	out->p = NULL;
	out->n = 0;
	while ((got = fread(chunk, 1, sizeof(chunk), f)) > 0) {
		out->p = realloc(out->p, out->n + got);
		memcpy(out->p + out->n, chunk, got);
		out->n += got;
	}
	fclose(f);
	if (!out->p)
		out->p = xcalloc(1, 1);
	return 0;
}

static int parse_hex(const char *s, struct blob *out)
{
	size_t len = strlen(s), i;
	unsigned byte;

	if (len % 2)
		return -1;
	out->n = len / 2;
	out->p = xcalloc(1, out->n);
	for (i = 0; i < out->n; i++) {
		if (sscanf(s + 2 * i, "%2x", &byte) != 1) {
			free(out->p);
			return -1;
		}
		out->p[i] = (uint8_t)byte;
	}
	return 0;
}

static int name_cmp(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

static bool has_suffix(const char *s, const char *sfx)
{
	size_t n = strlen(s), m = strlen(sfx);

	return n > m && !strcmp(s + n - m, sfx);
}

static int regular_file(const struct dirent *d)
{
	return d->d_name[0] != '.';
}

static int object_file(const struct dirent *d)
{
	return regular_file(d) && has_suffix(d->d_name, ".o");
}

/* ------------------------------------------------------------------------------------- */
/* Dumps */

static void dump_add(struct dump *d, const void *key, size_t klen, const void *val, size_t vlen)
{
	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 16;
		d->v = realloc(d->v, d->cap * sizeof(*d->v));
	}
	d->v[d->n].key.p = dup_bytes(key, klen);
	d->v[d->n].key.n = klen;
	d->v[d->n].val.p = dup_bytes(val, vlen);
	d->v[d->n].val.n = vlen;
	d->n++;
}

static void dump_free(struct dump *d)
{
	size_t i;

	for (i = 0; i < d->n; i++) {
		free(d->v[i].key.p);
		free(d->v[i].val.p);
	}
	free(d->v);
	memset(d, 0, sizeof(*d));
}

static int entry_cmp(const void *a, const void *b)
{
	return blob_cmp(&((const struct entry *)a)->key, &((const struct entry *)b)->key);
}

static void dump_sort(struct dump *d)
{
	if (d->n)
		qsort(d->v, d->n, sizeof(*d->v), entry_cmp);
}

static bool is_percpu(uint32_t type)
{
	return type == BPF_MAP_TYPE_PERCPU_HASH || type == BPF_MAP_TYPE_PERCPU_ARRAY ||
	       type == BPF_MAP_TYPE_LRU_PERCPU_HASH;
}

static size_t round8(size_t n)
{
	return (n + 7) & ~(size_t)7;
}

/*
 * Per-CPU values are compared as kcpus slots of value_size bytes (the padding to 8 is not part
 * of the value). Kernel slot i is vxdp slot i; when vxdp has fewer slots, the kernel's extra
 * slots are compared with a vxdp slot no program ran on.
 */
static unsigned vslot_of(const struct env *env, unsigned kslot)
{
	if (kslot < env->vcpus)
		return kslot;
	return env->cpu == env->vcpus - 1 ? 0 : env->vcpus - 1;
}

static uint8_t *compact_percpu(const struct env *env, const uint8_t *v, size_t vs, bool vxdp)
{
	uint8_t *out = xcalloc((size_t)env->kcpus, vs);
	int i;

	for (i = 0; i < env->kcpus; i++) {
		unsigned src = vxdp ? vslot_of(env, (unsigned)i) : (unsigned)i;

		memcpy(out + (size_t)i * vs, v + src * round8(vs), vs);
	}
	return out;
}

/* ------------------------------------------------------------------------------------- */
/* Kernel side: dumping maps */

static int ring_record(void *ctx, void *data, size_t size)
{
	dump_add(ctx, NULL, 0, data, size);
	return 0;
}

static int kdump_ring(const struct kmap *m, struct dump *d)
{
	struct ring_buffer *rb = ring_buffer__new(m->fd, ring_record, d, NULL);
	int n;

	if (!rb)
		return -errno;
	n = ring_buffer__consume(rb);
	ring_buffer__free(rb);
	return n < 0 ? n : 0;
}

static int kdump_map(const struct env *env, const struct kmap *m, struct dump *d)
{
	bool pc = is_percpu(m->type);
	size_t vsz = pc ? round8(m->value_size) * (size_t)env->kcpus : m->value_size;
	uint8_t *key = xcalloc(1, m->key_size), *next = xcalloc(1, m->key_size);
	uint8_t *val = xcalloc(1, vsz), *c;
	int err;

	if (m->type == BPF_MAP_TYPE_RINGBUF) {
		err = kdump_ring(m, d);
		goto out;
	}
	err = bpf_map_get_next_key(m->fd, NULL, next);
	while (!err) {
		if (!bpf_map_lookup_elem(m->fd, next, val)) {
			c = pc ? compact_percpu(env, val, m->value_size, false) : val;
			dump_add(d, next, m->key_size, c,
				 pc ? m->value_size * (size_t)env->kcpus : vsz);
			if (c != val)
				free(c);
		}
		memcpy(key, next, m->key_size);
		err = bpf_map_get_next_key(m->fd, key, next);
	}
	err = errno == ENOENT ? 0 : -errno;
out:
	free(key);
	free(next);
	free(val);
	return err;
}

/* ------------------------------------------------------------------------------------- */
/* Kernel side: loading with libbpf */

static int capture_log(enum libbpf_print_level level, const char *fmt, va_list ap)
{
	char line[1024];
	int n;

	if (level == LIBBPF_DEBUG)
		return 0;
	n = vsnprintf(line, sizeof(line), fmt, ap);
	if (n <= 0)
		return 0;
	if ((size_t)n >= sizeof(line))
		n = sizeof(line) - 1;
	log_buf = realloc(log_buf, log_len + (size_t)n + 1);
	memcpy(log_buf + log_len, line, (size_t)n + 1);
	log_len += (size_t)n;
	return 0;
}

static void log_reset(void)
{
	free(log_buf);
	log_buf = NULL;
	log_len = 0;
}

/* Print the end of the captured libbpf/verifier log as diagnostics. */
static void log_diag(void)
{
	char *p, *line;

	if (!log_buf)
		return;
	p = log_len > LOG_TAIL ? log_buf + log_len - LOG_TAIL : log_buf;
	for (line = strtok(p, "\n"); line; line = strtok(NULL, "\n"))
		note("  %s", line);
	log_reset();
}

static int kmap_add(struct kobj *ko, const char *name, int fd)
{
	struct bpf_map_info info;
	__u32 len = sizeof(info);
	struct kmap *m;

	if (ko->nmaps == MAX_MAPS)
		return -E2BIG;
	memset(&info, 0, sizeof(info));
	if (bpf_obj_get_info_by_fd(fd, &info, &len))
		return -errno;
	m = &ko->maps[ko->nmaps++];
	snprintf(m->name, sizeof(m->name), "%s", name);
	m->fd = fd;
	m->type = info.type;
	m->key_size = info.key_size;
	m->value_size = info.value_size;
	m->max_entries = info.max_entries;
	m->flags = info.map_flags;
	return 0;
}

static int kprog_add(struct kobj *ko, const char *name, int fd)
{
	if (ko->nprogs == MAX_PROGS)
		return -E2BIG;
	snprintf(ko->progs[ko->nprogs].name, NAME_MAX_LEN, "%s", name);
	ko->progs[ko->nprogs++].fd = fd;
	return 0;
}

static int kobj_load_libbpf(const char *path, struct kobj *ko)
{
	struct bpf_program *p;
	struct bpf_map *m;
	int err;

	ko->obj = bpf_object__open_file(path, NULL);
	if (!ko->obj)
		return -errno;
	err = bpf_object__load(ko->obj);
	if (err)
		return err;
	bpf_object__for_each_program(p, ko->obj) {
		err = kprog_add(ko, bpf_program__name(p), bpf_program__fd(p));
		if (err)
			return err;
	}
	bpf_object__for_each_map(m, ko->obj) {
		err = kmap_add(ko, bpf_map__name(m), bpf_map__fd(m));
		if (err)
			return err;
	}
	return 0;
}

/* ------------------------------------------------------------------------------------- */
/* Kernel side: objects with a legacy `maps` section, which libbpf 1.x refuses */

struct elf_obj {
	int fd;
	Elf *elf;
	size_t shstrndx;
	Elf_Data *symtab;
	size_t nsyms;
	size_t strtab;	/* section index of the symbol names */
	size_t maps_idx; /* 0 when there is no `maps` section */
	Elf_Data *maps;
	char license[128];
};

static void elf_obj_close(struct elf_obj *eo)
{
	if (eo->elf)
		elf_end(eo->elf);
	if (eo->fd >= 0)
		close(eo->fd);
}

static void elf_note_section(struct elf_obj *eo, Elf_Scn *scn, size_t idx)
{
	const char *name;
	GElf_Shdr sh;
	Elf_Data *data;

	if (!gelf_getshdr(scn, &sh))
		return;
	name = elf_strptr(eo->elf, eo->shstrndx, sh.sh_name);
	data = elf_getdata(scn, NULL);
	if (sh.sh_type == SHT_SYMTAB) {
		eo->symtab = data;
		eo->nsyms = sh.sh_entsize ? sh.sh_size / sh.sh_entsize : 0;
		eo->strtab = sh.sh_link;
	} else if (name && !strcmp(name, "maps")) {
		eo->maps_idx = idx;
		eo->maps = data;
	} else if (name && !strcmp(name, "license") && data && data->d_size) {
		snprintf(eo->license, sizeof(eo->license), "%.*s", (int)data->d_size,
			 (const char *)data->d_buf);
	}
}

static int elf_obj_open(const char *path, struct elf_obj *eo)
{
	Elf_Scn *scn = NULL;

	memset(eo, 0, sizeof(*eo));
	eo->fd = open(path, O_RDONLY);
	if (eo->fd < 0)
		return -errno;
	elf_version(EV_CURRENT);
	eo->elf = elf_begin(eo->fd, ELF_C_READ, NULL);
	if (!eo->elf || elf_getshdrstrndx(eo->elf, &eo->shstrndx))
		return -EINVAL;
	while ((scn = elf_nextscn(eo->elf, scn)))
		elf_note_section(eo, scn, elf_ndxscn(scn));
	return eo->symtab ? 0 : -EINVAL;
}

static bool has_legacy_maps(const char *path)
{
	struct elf_obj eo;
	bool legacy;

	legacy = !elf_obj_open(path, &eo) && eo.maps_idx;
	elf_obj_close(&eo);
	return legacy;
}

static const char *sym_name(const struct elf_obj *eo, const GElf_Sym *sym)
{
	return elf_strptr(eo->elf, eo->strtab, sym->st_name);
}

static int legacy_maps(struct elf_obj *eo, struct kobj *ko)
{
	struct { __u32 type, key_size, value_size, max_entries, flags; } def;
	GElf_Sym sym;
	size_t i;
	int fd, err;

	for (i = 0; i < eo->nsyms; i++) {
		if (!gelf_getsym(eo->symtab, (int)i, &sym) || sym.st_shndx != eo->maps_idx ||
		    GELF_ST_TYPE(sym.st_info) == STT_SECTION)
			continue;
		if (!eo->maps || sym.st_value + sizeof(def) > eo->maps->d_size)
			return -EINVAL;
		memcpy(&def, (uint8_t *)eo->maps->d_buf + sym.st_value, sizeof(def));
		LIBBPF_OPTS(bpf_map_create_opts, opts, .map_flags = def.flags);
		fd = bpf_map_create(def.type, sym_name(eo, &sym), def.key_size, def.value_size,
				    def.max_entries, &opts);
		if (fd < 0)
			return -errno;
		err = kmap_add(ko, sym_name(eo, &sym), fd);
		if (err)
			return err;
	}
	return 0;
}

/* The map whose definition starts at offset off of the `maps` section. */
static int legacy_map_fd(struct elf_obj *eo, struct kobj *ko, size_t off)
{
	GElf_Sym sym;
	size_t i, m;

	for (i = 0; i < eo->nsyms; i++) {
		if (!gelf_getsym(eo->symtab, (int)i, &sym) || sym.st_shndx != eo->maps_idx ||
		    sym.st_value != off || GELF_ST_TYPE(sym.st_info) == STT_SECTION)
			continue;
		for (m = 0; m < ko->nmaps; m++)
			if (!strcmp(ko->maps[m].name, sym_name(eo, &sym)))
				return ko->maps[m].fd;
	}
	return -1;
}

static Elf_Data *rel_data_for(struct elf_obj *eo, size_t sec)
{
	Elf_Scn *scn = NULL;
	GElf_Shdr sh;

	while ((scn = elf_nextscn(eo->elf, scn)))
		if (gelf_getshdr(scn, &sh) && sh.sh_type == SHT_REL && sh.sh_info == sec)
			return elf_getdata(scn, NULL);
	return NULL;
}

/* Point the program's map references (ld_imm64 against `maps`) at the maps' fds. */
static int legacy_relocate(struct elf_obj *eo, struct kobj *ko, const GElf_Sym *fn,
			   struct bpf_insn *insns, size_t n)
{
	Elf_Data *rd = rel_data_for(eo, fn->st_shndx);
	size_t i, cnt = rd ? rd->d_size / sizeof(Elf64_Rel) : 0, at;
	GElf_Rel rel;
	GElf_Sym sym;
	int fd;

	for (i = 0; i < cnt; i++) {
		if (!gelf_getrel(rd, (int)i, &rel) || rel.r_offset < fn->st_value ||
		    rel.r_offset >= fn->st_value + n * sizeof(*insns))
			continue;
		at = (rel.r_offset - fn->st_value) / sizeof(*insns);
		if (!gelf_getsym(eo->symtab, (int)GELF_R_SYM(rel.r_info), &sym) ||
		    sym.st_shndx != eo->maps_idx || insns[at].code != (BPF_LD | BPF_IMM | BPF_DW)) {
			note("legacy loader: unsupported relocation at insn %zu", at);
			return -ENOTSUP;
		}
		fd = legacy_map_fd(eo, ko, sym.st_value + (size_t)insns[at].imm);
		if (fd < 0)
			return -ENOENT;
		insns[at].src_reg = BPF_PSEUDO_MAP_FD;
		insns[at].imm = fd;
	}
	return 0;
}

static int legacy_prog(struct elf_obj *eo, struct kobj *ko, const GElf_Sym *fn)
{
	Elf_Data *code = elf_getdata(elf_getscn(eo->elf, fn->st_shndx), NULL);
	size_t n = fn->st_size / sizeof(struct bpf_insn);
	char name[16], *vlog = xcalloc(1, 1 << 20);
	struct bpf_insn *insns;
	int fd, err;

	if (!code || fn->st_value + fn->st_size > code->d_size)
		return -EINVAL;
	insns = (struct bpf_insn *)dup_bytes((uint8_t *)code->d_buf + fn->st_value, fn->st_size);
	err = legacy_relocate(eo, ko, fn, insns, n);
	snprintf(name, sizeof(name), "%s", sym_name(eo, fn));
	/* With log_level 0, libbpf loads again with a log when the first load fails. */
	LIBBPF_OPTS(bpf_prog_load_opts, opts, .log_buf = vlog, .log_size = 1 << 20);
	fd = err ? -1 : bpf_prog_load(BPF_PROG_TYPE_XDP, name, eo->license, insns, n, &opts);
	if (!err && fd < 0) {
		err = -errno;
		log_buf = realloc(log_buf, log_len + strlen(vlog) + 1);
		strcpy(log_buf + log_len, vlog);
		log_len += strlen(vlog);
	}
	free(insns);
	free(vlog);
	return err ? err : kprog_add(ko, sym_name(eo, fn), fd);
}

static bool is_prog_sym(struct elf_obj *eo, const GElf_Sym *sym)
{
	GElf_Shdr sh;

	if (GELF_ST_TYPE(sym->st_info) != STT_FUNC || GELF_ST_BIND(sym->st_info) != STB_GLOBAL ||
	    !gelf_getshdr(elf_getscn(eo->elf, sym->st_shndx), &sh))
		return false;
	return (sh.sh_flags & SHF_EXECINSTR) &&
	       strcmp(elf_strptr(eo->elf, eo->shstrndx, sh.sh_name), ".text");
}

static int kobj_load_legacy(const char *path, struct kobj *ko, bool load)
{
	struct elf_obj eo;
	GElf_Sym sym;
	size_t i;
	int err;

	err = elf_obj_open(path, &eo);
	if (!err && load)
		err = legacy_maps(&eo, ko);
	for (i = 0; !err && i < eo.nsyms; i++) {
		if (!gelf_getsym(eo.symtab, (int)i, &sym) || !is_prog_sym(&eo, &sym))
			continue;
		err = load ? legacy_prog(&eo, ko, &sym) : kprog_add(ko, sym_name(&eo, &sym), -1);
	}
	elf_obj_close(&eo);
	return err;
}

/* ------------------------------------------------------------------------------------- */
/* Kernel side: objects */

static void kobj_close(struct kobj *ko)
{
	size_t i;

	if (ko->obj) {
		bpf_object__close(ko->obj);
	} else {
		for (i = 0; i < ko->nprogs; i++)
			if (ko->progs[i].fd >= 0)
				close(ko->progs[i].fd);
		for (i = 0; i < ko->nmaps; i++)
			close(ko->maps[i].fd);
	}
	memset(ko, 0, sizeof(*ko));
}

static int kobj_load(const char *path, struct kobj *ko)
{
	memset(ko, 0, sizeof(*ko));
	log_reset();
	if (has_legacy_maps(path))
		return kobj_load_legacy(path, ko, true);
	return kobj_load_libbpf(path, ko);
}

/* The programs of an object, without loading it. */
static int kobj_prog_names(const char *path, struct kobj *ko)
{
	struct bpf_program *p;
	int err = 0;

	memset(ko, 0, sizeof(*ko));
	log_reset();
	if (has_legacy_maps(path))
		return kobj_load_legacy(path, ko, false);
	ko->obj = bpf_object__open_file(path, NULL);
	if (!ko->obj)
		return -errno;
	bpf_object__for_each_program(p, ko->obj) {
		err = kprog_add(ko, bpf_program__name(p), -1);
		if (err)
			break;
	}
	bpf_object__close(ko->obj);
	ko->obj = NULL;
	return err;
}

static struct kmap *kobj_map(struct kobj *ko, const char *name)
{
	size_t i;

	for (i = 0; i < ko->nmaps; i++)
		if (!strcmp(ko->maps[i].name, name))
			return &ko->maps[i];
	return NULL;
}

static int kobj_prog_fd(const struct kobj *ko, const char *name)
{
	size_t i;

	for (i = 0; i < ko->nprogs; i++)
		if (!strcmp(ko->progs[i].name, name))
			return ko->progs[i].fd;
	return -1;
}

/* ------------------------------------------------------------------------------------- */
/* vxdp side */

struct vdump_ctx {
	const struct env *env;
	const struct vx_map_def *def;
	struct dump *d;
};

static int vdump_entry(const void *key, const void *value, void *arg)
{
	struct vdump_ctx *c = arg;
	uint8_t *v;

	if (!is_percpu(c->def->type)) {
		dump_add(c->d, key, c->def->key_size, value, c->def->value_size);
		return 0;
	}
	v = compact_percpu(c->env, value, c->def->value_size, true);
	dump_add(c->d, key, c->def->key_size, v, c->def->value_size * (size_t)c->env->kcpus);
	free(v);
	return 0;
}

static int vdump_record(const void *data, size_t size, void *arg)
{
	dump_add(arg, NULL, 0, data, size);
	return 0;
}

static int vdump_map(const struct env *env, struct vx_map *map, struct dump *d)
{
	struct vdump_ctx c = { env, vx_map_get_def(map), d };
	int ret;

	if (c.def->type == VX_MAP_RINGBUF) {
		ret = vx_ringbuf_consume(map, vdump_record, d);
		return ret < 0 ? ret : 0;
	}
	return vx_map_dump(map, vdump_entry, &c);
}

/* ------------------------------------------------------------------------------------- */
/* Initial map contents: NAME.maps */

/* A per-CPU value for the control side: the same value in every slot. */
static uint8_t *spread(const struct blob *val, size_t slots)
{
	uint8_t *v = xcalloc(slots, round8(val->n));
	size_t i;

	for (i = 0; i < slots; i++)
		memcpy(v + i * round8(val->n), val->p, val->n);
	return v;
}

static int kapply(const struct env *env, struct kmap *m, const struct blob *k,
		  const struct blob *v)
{
	uint8_t *val;
	int err;

	if (k->n != m->key_size || v->n != m->value_size)
		return -EINVAL;
	val = is_percpu(m->type) ? spread(v, (size_t)env->kcpus) : dup_bytes(v->p, v->n);
	err = bpf_map_update_elem(m->fd, k->p, val, BPF_ANY) ? -errno : 0;
	free(val);
	return err;
}

static int vapply(struct vx_map *map, const struct blob *k, const struct blob *v)
{
	const struct vx_map_def *def = vx_map_get_def(map);
	uint8_t *val;
	int err;

	if (k->n != def->key_size || v->n != def->value_size)
		return -EINVAL;
	if (is_percpu(def->type))
		val = spread(v, vx_map_cp_value_size(map) / round8(v->n));
	else
		val = dup_bytes(v->p, v->n);
	err = vx_map_update(map, k->p, val, VX_ANY);
	free(val);
	return err;
}

static int apply_line(struct tcase *tc, char *line, unsigned lineno)
{
	char *name = strtok(line, " \t\r\n"), *khex = strtok(NULL, " \t\r\n");
	char *vhex = strtok(NULL, " \t\r\n");
	struct blob k = { 0 }, v = { 0 };
	struct kmap *km;
	struct vx_map *vm;
	int kerr = -ENOENT, verr = -ENOENT;

	if (!name || name[0] == '#')
		return 0;
	if (!khex || !vhex || parse_hex(khex, &k) || parse_hex(vhex, &v)) {
		note("%s.maps:%u: expected MAP KEYHEX VALUEHEX", tc->obj, lineno);
		free(k.p);
		return -1;
	}
	km = kobj_map(&tc->ko, name);
	vm = tc->vo ? vx_obj_find_map(tc->vo, name) : NULL;
	if (km)
		kerr = kapply(tc->env, km, &k, &v);
	if (vm)
		verr = vapply(vm, &k, &v);
	if (kerr || (tc->vo && verr))
		note("%s.maps:%u: map %s: kernel: %s, vxdp: %s", tc->obj, lineno, name,
		     strerror(-kerr), strerror(-verr));
	free(k.p);
	free(v.p);
	return kerr || (tc->vo && verr) ? -1 : 0;
}

static int apply_maps_file(struct tcase *tc)
{
	char path[4096], line[8192];
	unsigned lineno = 0;
	int err = 0;
	FILE *f;

	if (!tc->env->maps_dir)
		return 0;
	snprintf(path, sizeof(path), "%s/%s.maps", tc->env->maps_dir, tc->obj);
	f = fopen(path, "r");
	if (!f)
		return errno == ENOENT ? 0 : -1;
	while (fgets(line, sizeof(line), f))
		if (apply_line(tc, line, ++lineno))
			err = -1;
	fclose(f);
	return err;
}

/* ------------------------------------------------------------------------------------- */
/* Running frames */

struct run_out {
	int err;	/* 0, or the failure (kernel: -errno; vxdp: -1) */
	uint32_t retval;
	struct blob data;
	char msg[VX_ERROR_MSG_MAX + 64];
};

static void krun(int fd, const struct blob *pkt, struct run_out *out)
{
	LIBBPF_OPTS(bpf_test_run_opts, opts, .data_in = pkt->n ? pkt->p : NULL,
		    .data_size_in = (__u32)pkt->n, .repeat = 1);

	out->data.p = xcalloc(1, OUT_MAX);
	opts.data_out = out->data.p;
	opts.data_size_out = OUT_MAX;
	out->err = bpf_prog_test_run_opts(fd, &opts) ? -errno : 0;
	out->retval = opts.retval;
	out->data.n = out->err ? 0 : opts.data_size_out;
	if (out->err)
		snprintf(out->msg, sizeof(out->msg), "%s", strerror(-out->err));
}

static void vrun(const struct env *env, const struct vx_prog *prog, const struct blob *pkt,
		 struct run_out *out)
{
	static uint8_t buf[VX_XDP_FRAME_SIZE];
	struct vx_xdp_frame frame;
	struct vx_xdp_result res;
	struct vx_error err;
	char msg[VX_ERROR_MSG_MAX + 32];

	memset(buf, 0, sizeof(buf)); /* the kernel's test-run buffer is zeroed too */
	vx_error_clear(&err);
	out->err = vx_xdp_frame_init(&frame, buf, pkt->p, (uint32_t)pkt->n, &err);
	if (!out->err) {
		frame.ingress_ifindex = env->lo_ifindex;
		frame.rx_queue_index = 0;
		out->err = vx_xdp_run(prog, env->engine, &frame, &res, &err);
		out->retval = (uint32_t)res.retval;
	}
	vx_rcu_quiescent();
	if (out->err) {
		snprintf(out->msg, sizeof(out->msg), "%s", vx_error_str(&err, msg, sizeof(msg)));
		out->data.p = xcalloc(1, 1);
		out->data.n = 0;
		return;
	}
	out->data.n = frame.meta_len + frame.data_len;
	out->data.p = dup_bytes(buf + frame.data_off - frame.meta_len, out->data.n);
}

static void print_side(const char *side, const struct run_out *o, size_t from)
{
	char what[128];

	if (o->err) {
		note("%s: failed: %s", side, o->msg);
		return;
	}
	snprintf(what, sizeof(what), "retval %u, %zu bytes: ", o->retval, o->data.n);
	hex_print(side, what, o->data.p, o->data.n, from);
}

/* Say what differs; return where the hex dumps should start. */
static size_t explain(const struct run_out *k, const struct run_out *v)
{
	size_t at = first_diff(&k->data, &v->data);

	if (k->err || v->err)
		return 0;
	if (k->retval != v->retval)
		note("retval differs: kernel %u, vxdp %u", k->retval, v->retval);
	if (blob_eq(&k->data, &v->data)) {
		note("data out identical");
		return 0;
	}
	note("data out differs from byte %zu (kernel %zu bytes, vxdp %zu bytes)", at,
	     k->data.n, v->data.n);
	if (k->data.n <= 2 * HEX_WINDOW && v->data.n <= 2 * HEX_WINDOW)
		return 0; /* small enough to show whole */
	return at > 16 ? at - 16 : 0;
}

static void run_pkt(struct tcase *tc, const struct pkt *pkt)
{
	struct run_out k = { 0 }, v = { 0 };
	char desc[2 * NAME_MAX_LEN + 300];
	size_t from;
	bool same;

	krun(tc->kfd, &pkt->data, &k);
	vrun(tc->env, tc->vp, &pkt->data, &v);
	if (pkt->data.n < ETH_HLEN) {
		/* Both refuse frames shorter than an Ethernet header, as XDP never sees them. */
		snprintf(desc, sizeof(desc), "%s/%s %s", tc->obj, tc->prog, pkt->name);
		ok(k.err && v.err, "%s: %zu-byte runt refused by both (kernel %s, vxdp %s)", desc,
		   pkt->data.n, k.err ? "refused" : "ran", v.err ? "refused" : "ran");
		free(k.data.p);
		free(v.data.p);
		return;
	}
	same = !k.err && !v.err && k.retval == v.retval && blob_eq(&k.data, &v.data);
	if (!ok(same, "%s/%s %s: retval %u, %zu bytes out", tc->obj, tc->prog, pkt->name,
		k.retval, k.data.n)) {
		from = explain(&k, &v);
		print_side("kernel", &k, from);
		print_side("vxdp", &v, from);
	}
	free(k.data.p);
	free(v.data.p);
}

/* ------------------------------------------------------------------------------------- */
/* Comparing maps */

static void print_entry(const char *side, const struct entry *e)
{
	if (!e) {
		note("%s: (no entry)", side);
		return;
	}
	if (e->key.n)
		hex_print(side, "key ", e->key.p, e->key.n, 0);
	hex_print(side, "value ", e->val.p, e->val.n, 0);
}

/* KDIFF_VERBOSE: show what the kernel holds. */
static void dump_print(const struct dump *d)
{
	size_t i;

	for (i = 0; i < d->n; i++)
		print_entry("kernel", &d->v[i]);
}

/* Walk two sorted dumps together; print up to DIAG_DIFFS differing entries. */
static void diff_sets(const struct dump *k, const struct dump *v)
{
	size_t i = 0, j = 0, shown = 0;
	int c;

	while ((i < k->n || j < v->n) && shown < DIAG_DIFFS) {
		c = i == k->n ? 1 : j == v->n ? -1 : blob_cmp(&k->v[i].key, &v->v[j].key);
		if (!c && blob_eq(&k->v[i].val, &v->v[j].val)) {
			i++, j++;
			continue;
		}
		shown++;
		print_entry("kernel", c <= 0 ? &k->v[i] : NULL);
		print_entry("vxdp", c >= 0 ? &v->v[j] : NULL);
		i += c <= 0;
		j += c >= 0;
	}
}

static void diff_records(const struct dump *k, const struct dump *v)
{
	size_t i, n = k->n > v->n ? k->n : v->n, shown = 0;

	for (i = 0; i < n && shown < DIAG_DIFFS; i++) {
		if (i < k->n && i < v->n && blob_eq(&k->v[i].val, &v->v[i].val))
			continue;
		shown++;
		note("record %zu:", i);
		print_entry("kernel", i < k->n ? &k->v[i] : NULL);
		print_entry("vxdp", i < v->n ? &v->v[i] : NULL);
	}
}

static bool dumps_equal(const struct dump *k, const struct dump *v)
{
	size_t i;

	if (k->n != v->n)
		return false;
	for (i = 0; i < k->n; i++)
		if (!blob_eq(&k->v[i].key, &v->v[i].key) || !blob_eq(&k->v[i].val, &v->v[i].val))
			return false;
	return true;
}

static bool def_matches(const struct kmap *km, const struct vx_map_def *d)
{
	return km->type == d->type && km->key_size == d->key_size &&
	       km->value_size == d->value_size && km->max_entries == d->max_entries;
}

/* The same map exists on both sides; say what differs when not. */
static bool defined_alike(const struct tcase *tc, const struct kmap *km,
			  const struct vx_map_def *d)
{
	if (d && def_matches(km, d))
		return true;
	ok(false, "%s/%s map %s: defined alike", tc->obj, tc->prog, km->name);
	note("kernel: type %u, key %u, value %u, max_entries %u, flags %#x", km->type,
	     km->key_size, km->value_size, km->max_entries, km->flags);
	if (d)
		note("vxdp: type %u, key %u, value %u, max_entries %u, flags %#x", d->type,
		     d->key_size, d->value_size, d->max_entries, d->flags);
	else
		note("vxdp: no map named %s", km->name);
	return false;
}

static void compare_map(struct tcase *tc, const struct kmap *km)
{
	struct vx_map *vm = vx_obj_find_map(tc->vo, km->name);
	const struct vx_map_def *d = vm ? vx_map_get_def(vm) : NULL;
	struct dump kd = { 0 }, vd = { 0 };
	bool ring = km->type == BPF_MAP_TYPE_RINGBUF, same;
	int kerr, verr;

	if (!defined_alike(tc, km, d))
		return;
	kerr = kdump_map(tc->env, km, &kd);
	verr = vdump_map(tc->env, vm, &vd);
	if (!ring) {
		dump_sort(&kd);
		dump_sort(&vd);
	}
	if (tc->env->verbose)
		dump_print(&kd);
	same = !kerr && !verr && dumps_equal(&kd, &vd);
	if (!ok(same, "%s/%s map %s: %zu %s", tc->obj, tc->prog, km->name, kd.n,
		ring ? "records" : "entries")) {
		note("kernel: %zu %s%s%s, vxdp: %zu%s%s", kd.n, ring ? "records" : "entries",
		     kerr ? ", dump failed: " : "", kerr ? strerror(-kerr) : "", vd.n,
		     verr ? ", dump failed: " : "", verr ? strerror(-verr) : "");
		if (ring)
			diff_records(&kd, &vd);
		else
			diff_sets(&kd, &vd);
	}
	dump_free(&kd);
	dump_free(&vd);
}

/* vxdp maps the kernel does not have. */
static void extra_maps(struct tcase *tc)
{
	size_t i, n = vx_obj_map_count(tc->vo), extra = 0;
	const char *name;

	for (i = 0; i < n; i++) {
		name = vx_map_get_def(vx_obj_map(tc->vo, i))->name;
		if (kobj_map(&tc->ko, name))
			continue;
		if (!extra++)
			note("maps in vxdp only:");
		note("  %s", name);
	}
	ok(!extra, "%s/%s: vxdp has no map the kernel lacks", tc->obj, tc->prog);
}

static void compare_maps(struct tcase *tc)
{
	size_t i;

	for (i = 0; i < tc->ko.nmaps; i++) {
		if (tc->ko.maps[i].type == BPF_MAP_TYPE_PROG_ARRAY)
			continue;
		compare_map(tc, &tc->ko.maps[i]);
	}
	extra_maps(tc);
}

/* ------------------------------------------------------------------------------------- */
/* Test cases */

static bool setup_case(struct tcase *tc)
{
	struct vx_error err;
	char msg[VX_ERROR_MSG_MAX + 32];
	int kerr;

	kerr = kobj_load(tc->path, &tc->ko);
	if (!ok(!kerr, "%s/%s: the kernel loads the object", tc->obj, tc->prog)) {
		note("kernel: %s", strerror(-kerr));
		log_diag();
		return false;
	}
	vx_error_clear(&err);
	tc->vo = vx_obj_open(tc->path, &err);
	if (tc->vo && tc->env->engine == VX_ENGINE_JIT &&
	    vx_obj_prepare(tc->vo, VX_ENGINE_JIT, VX_HELPER_TRUSTED, &err)) {
		vx_obj_close(tc->vo);
		tc->vo = NULL;
	}
	if (!ok(tc->vo != NULL, "%s/%s: vxdp loads the object%s", tc->obj, tc->prog,
		tc->env->engine == VX_ENGINE_JIT ? ", verifies and compiles it" : "")) {
		note("vxdp: %s", vx_error_str(&err, msg, sizeof(msg)));
		return false;
	}
	tc->kfd = kobj_prog_fd(&tc->ko, tc->prog);
	tc->vp = vx_obj_find_prog(tc->vo, tc->prog);
	if (!ok(tc->kfd >= 0 && tc->vp, "%s/%s: both sides have the program", tc->obj, tc->prog))
		return false;
	return ok(!apply_maps_file(tc), "%s/%s: initial map contents applied to both", tc->obj,
		  tc->prog);
}

static void run_case(const struct env *env, const char *path, const char *obj,
		     const char *prog)
{
	struct tcase *tc = xcalloc(1, sizeof(*tc));
	size_t i;

	tc->env = env;
	snprintf(tc->path, sizeof(tc->path), "%s", path);
	snprintf(tc->obj, sizeof(tc->obj), "%s", obj);
	snprintf(tc->prog, sizeof(tc->prog), "%s", prog);
	if (setup_case(tc)) {
		for (i = 0; i < env->npkts; i++)
			run_pkt(tc, &env->pkts[i]);
		compare_maps(tc);
	}
	if (tc->vo)
		vx_obj_close(tc->vo);
	kobj_close(&tc->ko);
	free(tc);
}

/* vxdp must see the programs the kernel sees. */
static void same_programs(const char *path, const char *obj, const struct kobj *names)
{
	struct vx_error err;
	struct vx_obj *vo;
	char msg[VX_ERROR_MSG_MAX + 32];
	size_t i, n;
	bool same;

	vx_error_clear(&err);
	vo = vx_obj_open(path, &err);
	n = vo ? vx_obj_prog_count(vo) : 0;
	same = vo && n == names->nprogs;
	for (i = 0; same && i < names->nprogs; i++)
		same = vx_obj_find_prog(vo, names->progs[i].name) != NULL;
	if (!ok(same, "%s: vxdp finds the kernel's %zu programs", obj, names->nprogs)) {
		if (!vo)
			note("vxdp: %s", vx_error_str(&err, msg, sizeof(msg)));
		for (i = 0; i < n; i++)
			note("vxdp program: %s", vx_prog_name(vx_obj_prog(vo, i)));
	}
	if (vo)
		vx_obj_close(vo);
}

static void run_object(const struct env *env, const char *dir, const char *file)
{
	char path[4096], obj[NAME_MAX_LEN];
	struct kobj names;
	size_t i;
	int err;

	snprintf(path, sizeof(path), "%s/%s", dir, file);
	snprintf(obj, sizeof(obj), "%.*s", (int)(strlen(file) - 2), file);
	err = kobj_prog_names(path, &names);
	if (!ok(!err && names.nprogs, "%s: the kernel's loader opens it (%zu programs)", obj,
		names.nprogs)) {
		note("%s", err ? strerror(-err) : "no programs");
		log_diag();
		return;
	}
	same_programs(path, obj, &names);
	for (i = 0; i < names.nprogs; i++)
		run_case(env, path, obj, names.progs[i].name);
}

/* ------------------------------------------------------------------------------------- */
/* Setup */

static int load_packets(struct env *env, const char *dir)
{
	struct dirent **list;
	char path[4096];
	int n, i;

	n = scandir(dir, &list, regular_file, name_cmp);
	if (n < 0)
		return -1;
	env->pkts = xcalloc((size_t)n, sizeof(*env->pkts));
	for (i = 0; i < n; i++) {
		snprintf(path, sizeof(path), "%s/%s", dir, list[i]->d_name);
		if (!read_file(path, &env->pkts[env->npkts].data))
			env->pkts[env->npkts++].name = strdup(list[i]->d_name);
		free(list[i]);
	}
	free(list);
	return 0;
}

static void free_packets(struct env *env)
{
	size_t i;

	for (i = 0; i < env->npkts; i++) {
		free(env->pkts[i].name);
		free(env->pkts[i].data.p);
	}
	free(env->pkts);
}

/* NULL when BPF works here, else why not. */
static const char *bpf_unavailable(void)
{
	static char why[128];
	int fd;

	if (geteuid() != 0)
		return "not root";
	fd = bpf_map_create(BPF_MAP_TYPE_ARRAY, "kdiff_probe", 4, 4, 1, NULL);
	if (fd >= 0) {
		close(fd);
		return NULL;
	}
	if (errno != EPERM && errno != EACCES && errno != ENOSYS && errno != EOPNOTSUPP)
		return NULL;
	snprintf(why, sizeof(why), "bpf() fails: %s", strerror(errno));
	return why;
}

/* Pin to the first CPU we may run on; per-CPU values land in its slot on both sides. */
static int pin_cpu(struct env *env)
{
	cpu_set_t set;
	int c;

	if (sched_getaffinity(0, sizeof(set), &set))
		return -1;
	for (c = 0; c < CPU_SETSIZE && !CPU_ISSET(c, &set); c++)
		;
	if (c == CPU_SETSIZE || c >= VX_MAX_CPUS)
		return -1;
	CPU_ZERO(&set);
	CPU_SET(c, &set);
	if (sched_setaffinity(0, sizeof(set), &set))
		return -1;
	env->cpu = (unsigned)c;
	return 0;
}

static int setup_env(struct env *env)
{
	env->kcpus = libbpf_num_possible_cpus();
	if (env->kcpus <= 0 || pin_cpu(env))
		return -1;
	env->vcpus = env->kcpus < VX_MAX_CPUS ? (unsigned)env->kcpus : VX_MAX_CPUS;
	if (env->vcpus < 2 && env->kcpus > 1)
		return -1;
	if (vx_set_ncpus(env->vcpus))
		return -1;
	vx_set_cpu(env->cpu);
	env->lo_ifindex = if_nametoindex("lo");
	vx_set_trace_hook(NULL, NULL);
	libbpf_set_print(capture_log);
	return 0;
}

static void run_objects(const struct env *env, const char *dir)
{
	struct dirent **list;
	int n, i;

	n = scandir(dir, &list, object_file, name_cmp);
	if (!ok(n > 0, "objects found in %s", dir))
		return;
	for (i = 0; i < n; i++) {
		run_object(env, dir, list[i]->d_name);
		free(list[i]);
	}
	free(list);
}

int main(int argc, char **argv)
{
	struct env env = { 0 };
	const char *why;

	if (argc < 3 || argc > 4) {
		fprintf(stderr, "usage: %s OBJ_DIR PKT_DIR [MAPS_DIR]\n", argv[0]);
		return 2;
	}
	setvbuf(stdout, NULL, _IOLBF, 0);
	why = bpf_unavailable();
	if (why) {
		printf("1..0 # SKIP %s\n", why);
		return 0;
	}
	env.maps_dir = argc > 3 ? argv[3] : NULL;
	env.engine = getenv("VXDP_ENGINE") && !strcmp(getenv("VXDP_ENGINE"), "jit") ?
			     VX_ENGINE_JIT :
			     VX_ENGINE_INTERP;
	env.verbose = getenv("KDIFF_VERBOSE") != NULL;
	if (setup_env(&env) || load_packets(&env, argv[2])) {
		fprintf(stderr, "test_kdiff: cannot set up (CPU pinning, per-CPU slots or %s)\n",
			argv[2]);
		return 2;
	}
	note("%zu frames, kernel CPUs %d, vxdp slots %u, running on CPU %u, lo ifindex %u",
	     env.npkts, env.kcpus, env.vcpus, env.cpu, env.lo_ifindex);
	vx_rcu_thread_online();
	run_objects(&env, argv[1]);
	vx_rcu_thread_offline();
	vx_rcu_barrier();
	free_packets(&env);
	log_reset();
	return tap_done();
}
