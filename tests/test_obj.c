// SPDX-License-Identifier: BSD-2-Clause
/*
 * test_obj.c - the ELF object loader against clang-built objects (the C files of tests/progs,
 * compiled into the directory given as argv[1]): programs, subprograms appended as libbpf
 * appends them, relocated map, data and function references (checked against the object's
 * own relocations, read here with libelf), map definitions and names, initial contents of
 * global data, statically initialised program arrays, maps pinned by name (recorded, and shared
 * through a pin namespace with libbpf's compatibility checks), each unsupported feature refused
 * by name, and truncated or corrupted objects failing cleanly.
 */
#include <gelf.h>
#include <libelf.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "vxbpf/helper.h"
#include "vxbpf/obj.h"
#include "vxbpf/prog.h"
#include "vxbpf/xdp.h"

#define MAX_SECS 128
#define MAX_SYMS 256
#define MAX_FUNCS 64
#define MAX_RELS 512
#define MAX_NAME 64

static const char *dir;

/* The object as libelf sees it: functions, relocations of code sections, section places. */

struct efunc {
	char name[MAX_NAME];
	size_t sec;
	size_t off, len; /* slots */
	size_t objdump_len; /* slots llvm-objdump shows for it, 0 if unknown */
};

struct erel {
	size_t sec; /* the section relocated */
	size_t off; /* byte offset in it */
	GElf_Sym sym;
	char sym_name[MAX_NAME];
};

struct esym {
	char name[MAX_NAME];
	size_t shndx, index;
	uint64_t value;
};

struct esec {
	char name[MAX_NAME];
	size_t offset, size; /* in the file */
	const uint8_t *buf;
};

struct eobj {
	char path[512];
	uint8_t *buf;
	size_t size;
	Elf *elf;
	struct esec secs[MAX_SECS];
	size_t nsecs;
	struct esym syms[MAX_SYMS];
	size_t nsyms;
	struct efunc funcs[MAX_FUNCS];
	size_t nfuncs;
	struct erel rels[MAX_RELS];
	size_t nrels;
};

static uint8_t *read_all(const char *path, size_t *size)
{
	FILE *f = fopen(path, "rb");
	uint8_t *buf;
	long n;

	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = malloc(n > 0 ? (size_t)n : 1);
	if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
		free(buf);
		buf = NULL;
	}
	fclose(f);
	*size = (size_t)n;
	return buf;
}

static void eobj_sections(struct eobj *e)
{
	size_t i, shstrndx;

	elf_getshdrnum(e->elf, &e->nsecs);
	elf_getshdrstrndx(e->elf, &shstrndx);
	if (e->nsecs > MAX_SECS)
		e->nsecs = MAX_SECS;
	for (i = 1; i < e->nsecs; i++) {
		Elf_Scn *scn = elf_getscn(e->elf, i);
		GElf_Shdr sh;
		Elf_Data *d;

		gelf_getshdr(scn, &sh);
		snprintf(e->secs[i].name, MAX_NAME, "%s", elf_strptr(e->elf, shstrndx, sh.sh_name));
		e->secs[i].offset = sh.sh_offset;
		e->secs[i].size = sh.sh_size;
		d = sh.sh_type == SHT_NOBITS ? NULL : elf_getdata(scn, NULL);
		e->secs[i].buf = d ? d->d_buf : NULL;
	}
}

static void eobj_symbols(struct eobj *e, Elf_Data *syms, size_t strtab)
{
	GElf_Sym sym;
	int i;

	for (i = 0; gelf_getsym(syms, i, &sym); i++) {
		struct efunc *f;

		if (e->nsyms < MAX_SYMS) {
			struct esym *y = &e->syms[e->nsyms++];

			snprintf(y->name, MAX_NAME, "%s", elf_strptr(e->elf, strtab, sym.st_name));
			y->shndx = sym.st_shndx;
			y->index = (size_t)i;
			y->value = sym.st_value;
		}
		if (GELF_ST_TYPE(sym.st_info) != STT_FUNC || e->nfuncs == MAX_FUNCS)
			continue;
		f = &e->funcs[e->nfuncs++];
		snprintf(f->name, MAX_NAME, "%s", elf_strptr(e->elf, strtab, sym.st_name));
		f->sec = sym.st_shndx;
		f->off = sym.st_value / 8;
		f->len = sym.st_size / 8;
	}
}

static void eobj_relocs(struct eobj *e, Elf_Data *syms, size_t strtab)
{
	Elf_Scn *scn = NULL;

	while ((scn = elf_nextscn(e->elf, scn))) {
		Elf_Data *d;
		GElf_Shdr sh;
		GElf_Rel rel;
		int i;

		gelf_getshdr(scn, &sh);
		if (sh.sh_type != SHT_REL || !strncmp(e->secs[sh.sh_info].name, ".debug", 6))
			continue;
		d = elf_getdata(scn, NULL);
		for (i = 0; gelf_getrel(d, i, &rel) && e->nrels < MAX_RELS; i++) {
			struct erel *r = &e->rels[e->nrels++];

			r->sec = sh.sh_info;
			r->off = rel.r_offset;
			gelf_getsym(syms, (int)GELF_R_SYM(rel.r_info), &r->sym);
			snprintf(r->sym_name, MAX_NAME, "%s",
				 elf_strptr(e->elf, strtab, r->sym.st_name));
		}
	}
}

/* Slots per function as `llvm-objdump -d` shows them (labels LBB* belong to the function). */
static void eobj_objdump(struct eobj *e)
{
	const char *tool = getenv("LLVM_OBJDUMP") ? getenv("LLVM_OBJDUMP") : "llvm-objdump";
	char cmd[1024], line[512], sec[MAX_NAME] = "", func[MAX_NAME] = "";
	FILE *p;

	snprintf(cmd, sizeof(cmd), "%s -d '%s' 2>/dev/null", tool, e->path);
	p = popen(cmd, "r");
	if (!p)
		return;
	while (fgets(line, sizeof(line), p)) {
		char name[MAX_NAME], *tab, *end;
		unsigned long long addr;
		size_t i, bytes = 0;

		if (sscanf(line, "Disassembly of section %63[^:]:", sec) == 1)
			continue;
		if (sscanf(line, "%llx <%63[^>]>:", &addr, name) == 2) {
			if (strncmp(name, "LBB", 3))
				snprintf(func, sizeof(func), "%s", name);
			continue;
		}
		tab = strchr(line, '\t');
		if (!tab || tab == line || tab[-1] != ':' || !strchr(tab + 1, '\t'))
			continue;
		end = strchr(tab + 1, '\t');
		for (char *c = tab + 1; c < end; c++)
			bytes += c[0] != ' ' && (c == tab + 1 || c[-1] == ' ');
		for (i = 0; i < e->nfuncs; i++)
			if (!strcmp(e->funcs[i].name, func) &&
			    !strcmp(e->secs[e->funcs[i].sec].name, sec))
				e->funcs[i].objdump_len += bytes / 8;
	}
	pclose(p);
}

static bool eobj_load(struct eobj *e, const char *file)
{
	Elf_Scn *scn = NULL;

	memset(e, 0, sizeof(*e));
	snprintf(e->path, sizeof(e->path), "%s/%s", dir, file);
	e->buf = read_all(e->path, &e->size);
	if (!e->buf)
		return false;
	elf_version(EV_CURRENT);
	e->elf = elf_memory((char *)e->buf, e->size);
	if (!e->elf)
		return false;
	eobj_sections(e);
	while ((scn = elf_nextscn(e->elf, scn))) {
		GElf_Shdr sh;

		gelf_getshdr(scn, &sh);
		if (sh.sh_type != SHT_SYMTAB)
			continue;
		eobj_symbols(e, elf_getdata(scn, NULL), sh.sh_link);
		eobj_relocs(e, elf_getdata(scn, NULL), sh.sh_link);
	}
	eobj_objdump(e);
	return true;
}

static void eobj_free(struct eobj *e)
{
	if (e->elf)
		elf_end(e->elf);
	free(e->buf);
}

static const struct efunc *efunc_named(const struct eobj *e, const char *name)
{
	size_t i;

	for (i = 0; i < e->nfuncs; i++)
		if (!strcmp(e->funcs[i].name, name))
			return &e->funcs[i];
	return NULL;
}

static const struct efunc *efunc_at(const struct eobj *e, size_t sec, int64_t slot)
{
	size_t i;

	for (i = 0; i < e->nfuncs; i++)
		if (e->funcs[i].sec == sec && (int64_t)e->funcs[i].off == slot)
			return &e->funcs[i];
	return NULL;
}

static const struct erel *erel_at(const struct eobj *e, size_t sec, size_t off)
{
	size_t i;

	for (i = 0; i < e->nrels; i++)
		if (e->rels[i].sec == sec && e->rels[i].off == off)
			return &e->rels[i];
	return NULL;
}

static const struct esym *esym_named(const struct eobj *e, const char *name)
{
	size_t i;

	for (i = 0; i < e->nsyms; i++)
		if (!strcmp(e->syms[i].name, name))
			return &e->syms[i];
	return NULL;
}

static size_t esec_named(const struct eobj *e, const char *name)
{
	size_t i;

	for (i = 1; i < e->nsecs; i++)
		if (!strcmp(e->secs[i].name, name))
			return i;
	return 0;
}

/* Checking one loaded program against the object. */

struct layout {
	const struct efunc *funcs[16]; /* in the order they should be appended */
	size_t pos[16];
	size_t n, len;
	const char *const *data_maps; /* pairs: data section name, map name */
};

static long layout_pos(const struct layout *l, const struct efunc *f)
{
	size_t i;

	for (i = 0; f && i < l->n; i++)
		if (l->funcs[i] == f)
			return (long)l->pos[i];
	return -1;
}

static long map_index(const struct vx_obj *obj, const char *name)
{
	struct vx_map *m = vx_obj_find_map(obj, name);
	size_t i;

	for (i = 0; m && i < vx_obj_map_count(obj); i++)
		if (vx_obj_map(obj, i) == m)
			return (long)i;
	return -1;
}

static const char *data_map(const struct layout *l, const char *sec)
{
	size_t i;

	for (i = 0; l->data_maps && l->data_maps[i]; i += 2)
		if (!strcmp(l->data_maps[i], sec))
			return l->data_maps[i + 1];
	return NULL;
}

/* What slot at (pos + j), an ld_imm64 or a call, should hold after relocation. */
static void expect_ref(const struct eobj *e, const struct vx_obj *obj, const struct layout *l,
		       const struct efunc *f, size_t at, size_t j, struct vx_insn *want)
{
	const struct erel *r = erel_at(e, f->sec, (f->off + j) * 8);
	const char *sec = r ? e->secs[r->sym.st_shndx].name : "";
	long target;

	if (want[0].code == 0x85) {
		const struct efunc *callee;

		if (r)
			callee = efunc_at(e, r->sym.st_shndx,
					  (int64_t)r->sym.st_value / 8 + want[0].imm + 1);
		else
			callee = efunc_at(e, f->sec, (int64_t)(f->off + j) + want[0].imm + 1);

		want[0].imm = (int32_t)(layout_pos(l, callee) - (long)(at + j + 1));
		return;
	}
	if (!r)
		return;
	if (!strcmp(sec, ".text")) {
		target = layout_pos(l, efunc_at(e, r->sym.st_shndx,
						((int64_t)r->sym.st_value + want[0].imm) / 8));
		want[0].src = VX_PSEUDO_FUNC;
		want[0].imm = (int32_t)(target - (long)(at + j + 1));
		want[1].imm = 0;
	} else if (!strcmp(sec, ".maps") || !strcmp(sec, "maps")) {
		want[0].src = VX_PSEUDO_MAP_IDX;
		want[0].imm = (int32_t)map_index(obj, r->sym_name);
		want[1].imm = 0;
	} else {
		const char *m = data_map(l, sec);

		want[0].src = VX_PSEUDO_MAP_IDX_VALUE;
		want[1].imm = want[0].imm + (int32_t)r->sym.st_value;
		want[0].imm = m ? (int32_t)map_index(obj, m) : -1;
	}
}

/* Compare the program's copy of function k with the object's bytes, relocations applied. */
static size_t check_func(const struct eobj *e, const struct vx_obj *obj, const struct layout *l,
			 size_t k, const struct vx_insn *insns)
{
	const struct efunc *f = l->funcs[k];
	const uint8_t *code = e->secs[f->sec].buf + f->off * 8;
	size_t j, bad = 0;

	for (j = 0; j < f->len; j++) {
		struct vx_insn want[2];
		bool wide = code[j * 8] == VX_LD_IMM64 && j + 1 < f->len;

		want[0] = vx_insn_decode(code + j * 8);
		if (wide)
			want[1] = vx_insn_decode(code + (j + 1) * 8);
		if (want[0].code == 0x85 && want[0].src == VX_CALL_LOCAL)
			expect_ref(e, obj, l, f, l->pos[k], j, want);
		else if (wide)
			expect_ref(e, obj, l, f, l->pos[k], j, want);
		if (!vx_insns_equal(want, wide ? 2 : 1, &insns[l->pos[k] + j], wide ? 2 : 1)) {
			if (!bad++)
				printf("# %s+%zu (slot %zu) differs\n", f->name, j, l->pos[k] + j);
		}
		j += wide;
	}
	return bad;
}

/* Check program name, laid out as the functions named in order, against the object. */
static void check_prog(const struct eobj *e, const struct vx_obj *obj, const char *name,
		       const char *const *funcs, const char *const *data_maps)
{
	struct vx_prog *p = vx_obj_find_prog(obj, name);
	struct layout l = { .data_maps = data_maps };
	size_t len, i, bad = 0, dump = 0;
	const struct vx_insn *insns;
	struct vx_error err;

	if (!ok(p != NULL, "program '%s' is found", name))
		return;
	for (i = 0; funcs[i]; i++) {
		l.funcs[l.n] = efunc_named(e, funcs[i]);
		if (!l.funcs[l.n])
			return (void)ok(false, "function '%s' in the object", funcs[i]);
		l.pos[l.n] = l.len;
		l.len += l.funcs[l.n]->len;
		dump += l.funcs[l.n]->objdump_len;
		l.n++;
	}
	insns = vx_prog_insns(p, &len);
	ok(len == l.len, "'%s': %zu instructions, as the object's symbols say (%zu)", name, len,
	   l.len);
	if (dump)
		ok(len == dump, "'%s': %zu instructions, as llvm-objdump shows (%zu)", name, len,
		   dump);
	else
		skip("instruction count from llvm-objdump", "llvm-objdump not found");
	if (len != l.len)
		return;
	for (i = 0; i < l.n; i++)
		bad += check_func(e, obj, &l, i, insns);
	ok(bad == 0, "'%s': the object's code, maps, data, calls, callbacks relocated (%zu differ)",
	   name, bad);
	ok(vx_check(insns, len, VX_CHECK_PSEUDO, &err) == 0, "'%s' passes vx_check (%s)", name,
	   err.msg);
}

static struct vx_obj *open_obj(const char *file, struct vx_error *err)
{
	char path[512];

	snprintf(path, sizeof(path), "%s/%s", dir, file);
	return vx_obj_open(path, err);
}

static void check_map(const struct vx_obj *obj, const char *name, uint32_t type, uint32_t key,
		      uint32_t value, uint32_t max, uint32_t flags)
{
	struct vx_map *m = vx_obj_find_map(obj, name);
	const struct vx_map_def *d = m ? vx_map_get_def(m) : NULL;
	/* Like the kernel, map creation may make devmaps read-only for programs. */
	uint32_t added = type == VX_MAP_DEVMAP ? VX_F_RDONLY_PROG : 0;

	ok(d && !strcmp(d->name, name) && d->type == type && d->key_size == key &&
		   d->value_size == value && d->max_entries == max &&
		   (d->flags & ~added) == flags,
	   "map '%s': type %u key %u value %u max %u flags 0x%x (got '%s' %u %u %u %u 0x%x)",
	   name, type, key, value, max, flags, d ? d->name : "-", d ? d->type : 0,
	   d ? d->key_size : 0, d ? d->value_size : 0, d ? d->max_entries : 0, d ? d->flags : 0);
}

/* The maps are names[] (from index first) in the order of keys[], ties in names[] order. */
static void check_order(const struct vx_obj *obj, size_t first, const char *const *names,
			const uint64_t *keys, size_t n, const char *rule)
{
	size_t i, j, bad = 0;

	for (i = 0; i < n; i++) {
		size_t rank = 0;

		for (j = 0; j < n; j++)
			rank += keys[j] < keys[i] || (keys[j] == keys[i] && j < i);
		bad += vx_obj_map(obj, first + rank) != vx_obj_find_map(obj, names[i]) ||
		       !vx_obj_find_map(obj, names[i]);
	}
	ok(bad == 0, "maps %zu..%zu are in %s (%zu misplaced)", first, first + n - 1, rule, bad);
}

/* Keys: the offset of each map's symbol in its section. */
static void sym_keys(const struct eobj *e, const char *const *names, uint64_t *keys, size_t n,
		     bool by_index)
{
	size_t i;

	for (i = 0; i < n; i++) {
		const struct esym *y = esym_named(e, names[i]);

		keys[i] = !y ? UINT64_MAX : by_index ? y->index : y->value;
	}
}

/* Programs are every function of the xdp sections, by section index then offset (libbpf's). */
static void check_prog_order(const struct vx_obj *obj, const struct eobj *e)
{
	size_t i, n = 0, bad = 0;
	const struct efunc *prev = NULL;

	for (i = 0; i < e->nfuncs; i++)
		n += !strncmp(e->secs[e->funcs[i].sec].name, "xdp", 3);
	for (i = 0; i < vx_obj_prog_count(obj); i++) {
		const struct efunc *f = efunc_named(e, vx_prog_name(vx_obj_prog(obj, i)));

		if (!f || strcmp(e->secs[f->sec].name, vx_prog_section(vx_obj_prog(obj, i))) ||
		    (prev && (prev->sec > f->sec || (prev->sec == f->sec && prev->off >= f->off))))
			bad++;
		prev = f;
	}
	ok(bad == 0 && n == vx_obj_prog_count(obj),
	   "every xdp function is a program, in section then offset order (%zu of %zu, %zu "
	   "misplaced)",
	   vx_obj_prog_count(obj), n, bad);
}

/* The objects. */

static void test_maps(void)
{
	static const char *const a[] = { "prog_a", NULL }, *const b[] = { "prog_b", NULL };
	static const char *const maps[] = { "counters", "jumps", "flows", "pcpu",
					    "routes",	"ports", "events" };
	uint64_t keys[7];
	struct vx_error err;
	struct vx_obj *obj = open_obj("obj_maps.o", &err);
	struct vx_prog *pa, *pb;
	struct vx_map *jumps;
	struct eobj e;

	if (!ok(obj != NULL, "obj_maps.o loads (%s)", obj ? "" : err.msg))
		return;
	ok(!strcmp(vx_obj_name(obj), "obj_maps") && !strcmp(vx_obj_license(obj), "Dual BSD/GPL"),
	   "object name and license");
	pb = vx_obj_find_prog(obj, "prog_b");
	pa = vx_obj_find_prog(obj, "prog_a");
	ok(vx_obj_prog_count(obj) == 2 && pa && pb && !strcmp(vx_prog_section(pa), "xdp") &&
		   !strcmp(vx_prog_section(pb), "xdp"),
	   "two programs in section xdp");
	ok(vx_obj_map_count(obj) == 7, "seven maps");
	if (eobj_load(&e, "obj_maps.o")) {
		check_prog_order(obj, &e);
		sym_keys(&e, maps, keys, 7, false);
		check_order(obj, 0, maps, keys, 7, "the order of their definitions in .maps");
	}
	check_map(obj, "counters", VX_MAP_ARRAY, 4, 8, 16, 0);
	check_map(obj, "jumps", VX_MAP_PROG_ARRAY, 4, 4, 4, 0);
	check_map(obj, "flows", VX_MAP_HASH, 4, 16, 1024, 0);
	check_map(obj, "pcpu", VX_MAP_PERCPU_ARRAY, 4, 8, 4, 0);
	check_map(obj, "routes", VX_MAP_LPM_TRIE, 8, 4, 256, VX_F_NO_PREALLOC);
	check_map(obj, "ports", VX_MAP_DEVMAP, 4, 4, 8, 0);
	check_map(obj, "events", VX_MAP_RINGBUF, 0, 0, 4096, 0);
	ok(pa && vx_prog_map_count(pa) == 7 && vx_prog_map(pa, 4) == vx_obj_map(obj, 4),
	   "programs index the object's map table");
	jumps = vx_obj_find_map(obj, "jumps");
	ok(jumps && vx_prog_array_get(jumps, 1) == pb && !vx_prog_array_get(jumps, 0) &&
		   !vx_prog_array_get(jumps, 2) && !vx_prog_array_get(jumps, 3),
	   "prog array 'jumps' is initialised statically: slot 1 is prog_b, others empty");
	check_prog(&e, obj, "prog_a", a, NULL);
	check_prog(&e, obj, "prog_b", b, NULL);
	eobj_free(&e);
	vx_obj_close(obj);
}

static void test_legacy(void)
{
	static const char *const p[] = { "legacy_prog", NULL };
	static const char *const maps[] = { "legacy_hash", "legacy_array" };
	uint64_t keys[2];
	struct vx_error err;
	struct vx_obj *obj = open_obj("obj_legacy.o", &err);
	struct eobj e;

	if (!ok(obj != NULL, "obj_legacy.o loads (%s)", obj ? "" : err.msg))
		return;
	ok(vx_obj_map_count(obj) == 2, "two legacy maps");
	check_map(obj, "legacy_hash", VX_MAP_HASH, 4, 8, 64, VX_F_NO_PREALLOC);
	check_map(obj, "legacy_array", VX_MAP_ARRAY, 4, 4, 2, 0);
	ok(vx_obj_prog_count(obj) == 1 &&
		   !strcmp(vx_prog_section(vx_obj_prog(obj, 0)), "xdp/legacy"),
	   "program in section xdp/legacy");
	if (eobj_load(&e, "obj_legacy.o")) {
		sym_keys(&e, maps, keys, 2, true);
		check_order(obj, 0, maps, keys, 2, "symbol table order (libbpf 0.x)");
		check_prog(&e, obj, "legacy_prog", p, NULL);
	}
	eobj_free(&e);
	vx_obj_close(obj);
}

static bool value_is(struct vx_map *m, const void *want, size_t size)
{
	uint8_t buf[64] = { 0 };
	uint32_t key = 0;

	if (!m || vx_map_get_def(m)->value_size != size || size > sizeof(buf))
		return false;
	return vx_map_lookup(m, &key, buf) == 0 && !memcmp(buf, want, size);
}

static void test_globals_values(struct vx_obj *obj, const struct eobj *e)
{
	const uint32_t rodata[2] = { 3, 1500 }; /* XDP_TX, cfg_limit */
	const uint64_t stats = 42, bss[2] = { 0, 0 };
	uint8_t data[12] = { 0x88, 0x77, 0x66, 0x55, 0x44, 0x33, 0x22, 0x11, 7, 0, 0, 0 };
	struct vx_map *ro = vx_obj_find_map(obj, "obj_glob.rodata");
	struct vx_map *rw = vx_obj_find_map(obj, "obj_glob.data");

	ok(value_is(ro, rodata, sizeof(rodata)) && vx_map_frozen(ro),
	   ".rodata holds the const volatile config and is frozen");
	ok(value_is(rw, data, sizeof(data)) && !vx_map_frozen(rw), ".data holds its initial value");
	ok(value_is(vx_obj_find_map(obj, ".data.stats"), &stats, sizeof(stats)),
	   ".data.stats holds its initial value");
	ok(value_is(vx_obj_find_map(obj, "obj_glob.bss"), bss, sizeof(bss)), ".bss is zero");
	ok(value_is(vx_obj_find_map(obj, ".rodata.str1.1"), "drop %u\n", 9) &&
		   vx_map_frozen(vx_obj_find_map(obj, ".rodata.str1.1")),
	   ".rodata.str1.1 holds the string literal and is frozen");
	ok(e->secs[esec_named(e, ".data")].size == sizeof(data) &&
		   e->secs[esec_named(e, ".rodata")].size == sizeof(rodata),
	   "value sizes are the sections' sizes");
}

static void test_globals(void)
{
	static const char *const p[] = { "globals_prog", NULL };
	static const char *const data[] = { ".rodata", "obj_glob.rodata", ".data", "obj_glob.data",
					    ".data.stats", ".data.stats", ".bss", "obj_glob.bss",
					    ".rodata.str1.1", ".rodata.str1.1", NULL };
	const uint32_t mm = VX_F_MMAPABLE;
	const char *names[5];
	uint64_t keys[5];
	struct vx_error err;
	struct vx_obj *obj = open_obj("obj_globals.o", &err);
	size_t i;
	struct eobj e;

	if (!ok(obj != NULL, "obj_globals.o loads (%s)", obj ? "" : err.msg))
		return;
	ok(vx_obj_map_count(obj) == 5, "five global data maps");
	check_map(obj, "obj_glob.rodata", VX_MAP_ARRAY, 4, 8, 1, VX_F_RDONLY_PROG | mm);
	check_map(obj, "obj_glob.data", VX_MAP_ARRAY, 4, 12, 1, mm);
	check_map(obj, ".data.stats", VX_MAP_ARRAY, 4, 8, 1, mm);
	check_map(obj, ".rodata.str1.1", VX_MAP_ARRAY, 4, 9, 1, VX_F_RDONLY_PROG);
	check_map(obj, "obj_glob.bss", VX_MAP_ARRAY, 4, 16, 1, mm);
	if (eobj_load(&e, "obj_globals.o")) {
		for (i = 0; i < 5; i++) {
			names[i] = data[2 * i + 1];
			keys[i] = esec_named(&e, data[2 * i]);
		}
		check_order(obj, 0, names, keys, 5, "section order");
		test_globals_values(obj, &e);
		check_prog(&e, obj, "globals_prog", p, data);
	}
	eobj_free(&e);
	vx_obj_close(obj);
}

/* Opening from memory: the name makes the internal map names; the buffer is not kept. */
static void test_open_mem(void)
{
	char path[512];
	struct vx_error err;
	struct vx_obj *obj;
	size_t size, len;
	uint8_t *buf;

	snprintf(path, sizeof(path), "%s/obj_globals.o", dir);
	buf = read_all(path, &size);
	if (!ok(buf != NULL, "read obj_globals.o"))
		return;
	obj = vx_obj_open_mem(buf, size, "my_object_name", &err);
	memset(buf, 0xa5, size);
	free(buf);
	if (!ok(obj != NULL, "open from memory (%s)", obj ? "" : err.msg))
		return;
	ok(!strcmp(vx_obj_name(obj), "my_object_name"), "object name is the given name");
	ok(vx_obj_find_map(obj, "my_objec.rodata") && vx_obj_find_map(obj, "my_objec.data") &&
		   vx_obj_find_map(obj, "my_objec.bss") && vx_obj_find_map(obj, ".data.stats"),
	   "internal maps: 8 characters of the object name, then the section name");
	vx_prog_insns(vx_obj_prog(obj, 0), &len);
	ok(len > 0 && !strcmp(vx_obj_license(obj), "GPL") &&
		   !strcmp(vx_prog_name(vx_obj_prog(obj, 0)), "globals_prog"),
	   "nothing points into the freed input");
	vx_obj_close(obj);
	buf = read_all(path, &size);
	obj = buf ? vx_obj_open_mem(buf, size, "x", &err) : NULL;
	ok(obj && vx_obj_find_map(obj, "x.rodata") && vx_obj_find_map(obj, "x.bss"),
	   "short object name 'x': x.rodata, x.bss");
	vx_obj_close(obj);
	free(buf);
}

static void test_subprogs(void)
{
	static const char *const main_fns[] = { "sub_main", "loop_cb", "global_len", "twice",
						"bump", NULL };
	static const char *const other[] = { "sub_other", "bump", NULL };
	static const char *const frags[] = { "sub_frags", "global_len", NULL };
	static const char *const plain[] = { "sub_plain", NULL };
	static const char *const data[] = { ".bss", "obj_subp.bss", NULL };
	struct vx_error err;
	struct vx_obj *obj = open_obj("obj_subprogs.o", &err);
	struct vx_prog *p;
	struct eobj e;

	if (!ok(obj != NULL, "obj_subprogs.o loads (%s)", obj ? "" : err.msg))
		return;
	ok(vx_obj_prog_count(obj) == 4 && vx_obj_find_prog(obj, "sub_main") &&
		   vx_obj_find_prog(obj, "sub_plain") && vx_obj_find_prog(obj, "sub_other"),
	   "four programs");
	p = vx_obj_find_prog(obj, "sub_frags");
	ok(p && !strcmp(vx_prog_section(p), "xdp.frags"), "sub_frags is in xdp.frags");
	ok(!vx_obj_find_prog(obj, "bump") && !vx_obj_find_prog(obj, "global_len"),
	   "subprograms are not programs");
	check_map(obj, "stats", VX_MAP_ARRAY, 4, 8, 4, 0);
	check_map(obj, "obj_subp.bss", VX_MAP_ARRAY, 4, 8, 1, VX_F_MMAPABLE);
	ok(vx_obj_map(obj, 0) == vx_obj_find_map(obj, "stats") &&
		   vx_obj_map(obj, 1) == vx_obj_find_map(obj, "obj_subp.bss"),
	   ".maps maps come before global data maps");
	if (eobj_load(&e, "obj_subprogs.o")) {
		check_prog_order(obj, &e);
		check_prog(&e, obj, "sub_main", main_fns, data);
		check_prog(&e, obj, "sub_other", other, data);
		check_prog(&e, obj, "sub_frags", frags, data);
		check_prog(&e, obj, "sub_plain", plain, data);
	}
	eobj_free(&e);
	vx_obj_close(obj);
}

/* Refusals. */

static void expect_fail(const char *file, const char *needle1, const char *needle2)
{
	struct vx_error err;
	struct vx_obj *obj = open_obj(file, &err);

	ok(!obj && strstr(err.msg, needle1) && (!needle2 || strstr(err.msg, needle2)),
	   "%s is refused naming '%s'%s%s%s (%s)", file, needle1, needle2 ? " and '" : "",
	   needle2 ? needle2 : "", needle2 ? "'" : "", obj ? "loaded" : err.msg);
	vx_obj_close(obj);
}

/* Programs of other types beside the XDP ones are skipped, CO-RE relocations of theirs too. */
static void test_mixed(void)
{
	struct vx_error err;
	struct vx_obj *obj = open_obj("obj_mixed.o", &err);

	if (!ok(obj != NULL, "obj_mixed.o loads (%s)", obj ? "" : err.msg))
		return;
	ok(vx_obj_prog_count(obj) == 1 && !strcmp(vx_prog_name(vx_obj_prog(obj, 0)), "xdp_ok"),
	   "obj_mixed.o: its one XDP program is loaded (%zu programs)", vx_obj_prog_count(obj));
	ok(vx_obj_skipped_count(obj) == 2 && !strcmp(vx_obj_skipped(obj, 0), "tc") &&
		   !strcmp(vx_obj_skipped(obj, 1), "tp_btf/xdp_exception") &&
		   !vx_obj_skipped(obj, 2),
	   "obj_mixed.o: the tc and tp_btf sections are named as skipped (%zu)",
	   vx_obj_skipped_count(obj));
	ok(vx_obj_find_map(obj, "seen") != NULL, "obj_mixed.o: the shared map exists");
	ok(vx_obj_prepare(obj, VX_ENGINE_INTERP, VX_HELPER_GUEST, &err) == 0,
	   "obj_mixed.o: the XDP program verifies (%s)", err.msg);
	vx_obj_close(obj);
}

static void test_unsupported(const char *self)
{
	struct vx_error err;
	struct vx_obj *obj;

	expect_fail("neg_tc_only.o", "no XDP program: section 'tc' is not XDP", NULL);
	expect_fail("neg_core.o", "CO-RE", "xdp_buff");
	expect_fail("neg_kfunc.o", "kfunc", "bpf_xdp_metadata_rx_timestamp");
	expect_fail("neg_kconfig.o", ".kconfig", "LINUX_KERNEL_VERSION");
	expect_fail("neg_ksym.o", ".ksyms", "bpf_prog_active");
	expect_fail("neg_maptype.o", "map 'pending'", NULL);
	expect_fail("neg_pinning.o", "map 'pinned': pinning = 2 is not supported", NULL);
	expect_fail("neg_zero_entries.o", "map 'counters'", NULL);
	expect_fail("neg_map_in_map.o", "map 'outer'", "maps of maps");
	expect_fail("neg_no_license.o", "no license section", NULL);
	obj = vx_obj_open(self, &err);
	ok(!obj && strstr(err.msg, "not an eBPF ELF object (e_machine 62)"),
	   "a host executable is refused (%s)", obj ? "loaded" : err.msg);
	vx_obj_close(obj);
	obj = vx_obj_open_mem("hello", 5, "t", &err);
	ok(!obj && strstr(err.msg, "not an ELF"), "text is refused (%s)", err.msg);
	obj = vx_obj_open("/nonexistent/x.o", &err);
	ok(!obj && strstr(err.msg, "/nonexistent/x.o"), "a missing file is named (%s)", err.msg);
}

/* Maps pinned by name. */

/* A pin namespace for the tests: the maps of one object (NULL: none), the names it answers. */
struct pins {
	const struct vx_obj *from;
	const char *only; /* answer only for this name (NULL: every pinned map of from) */
	struct vx_map *map; /* answer this map instead (for only) */
	unsigned calls;
};

static struct vx_map *pin_lookup(void *arg, const char *name)
{
	struct pins *p = arg;
	size_t i;

	p->calls++;
	if (p->only && strcmp(p->only, name))
		return NULL;
	if (p->map)
		return p->map;
	for (i = 0; p->from && i < vx_obj_map_count(p->from); i++)
		if (vx_obj_map_pinning(p->from, i) == VX_PIN_BY_NAME &&
		    !strcmp(vx_obj_map_name(p->from, i), name))
			return vx_obj_map(p->from, i);
	return NULL;
}

static struct vx_obj *open_pinned(struct pins *pins, uint64_t budget, struct vx_error *err)
{
	struct vx_obj_opts o = { .max_map_bytes = budget, .pinned_map = pin_lookup,
				 .pinned_arg = pins };
	char path[512];
	struct vx_obj *obj;
	size_t size;
	uint8_t *buf;

	snprintf(path, sizeof(path), "%s/obj_pinned.o", dir);
	buf = read_all(path, &size);
	if (!buf)
		return vx_error_set(err, -1, "cannot read %s", path), NULL;
	obj = vx_obj_open_mem_opts(buf, size, "obj_pinned", &o, err);
	free(buf);
	return obj;
}

/* Run the object's program once in the interpreter; the XDP action or -1. */
static int run_once(struct vx_obj *obj)
{
	static uint8_t buf[VX_XDP_FRAME_SIZE];
	uint8_t pkt[64] = { 0 };
	struct vx_xdp_frame fr;
	struct vx_xdp_result res;
	struct vx_error err;

	if (vx_obj_prepare(obj, VX_ENGINE_INTERP, VX_HELPER_GUEST, &err) ||
	    vx_xdp_frame_init(&fr, buf, pkt, sizeof(pkt), &err) ||
	    vx_xdp_run(vx_obj_prog(obj, 0), VX_ENGINE_INTERP, &fr, &res, &err))
		return -1;
	return res.action;
}

static uint64_t counter(struct vx_obj *obj, const char *map)
{
	uint32_t k = 0;
	uint64_t v = 0;
	struct vx_map *m = vx_obj_find_map(obj, map);

	return m && !vx_map_lookup(m, &k, &v) ? v : (uint64_t)-1;
}

static long index_of(const struct vx_obj *obj, const char *name)
{
	size_t i;

	for (i = 0; i < vx_obj_map_count(obj); i++)
		if (!strcmp(vx_obj_map_name(obj, i), name))
			return (long)i;
	return -1;
}

/* Without a pin namespace: recorded, every map the object's own. */
static void test_pinned_alone(void)
{
	static const char *const names[] = { "counters", "cfg", "local", "jumps" };
	static const unsigned pins[] = { VX_PIN_BY_NAME, VX_PIN_BY_NAME, VX_PIN_NONE,
					 VX_PIN_BY_NAME };
	struct vx_error err;
	struct vx_obj *a = open_obj("obj_pinned.o", &err), *b = open_obj("obj_pinned.o", &err);
	size_t i, bad = 0;

	if (!ok(a && b, "an object with maps pinned by name loads (%s)", a && b ? "" : err.msg))
		goto out;
	for (i = 0; i < 4; i++) {
		long k = index_of(a, names[i]);

		bad += k < 0 || vx_obj_map_pinning(a, (size_t)k) != pins[i] ||
		       vx_obj_map_shared(a, (size_t)k);
	}
	ok(!bad, "pinning recorded per map: counters, cfg, jumps by name, local none");
	ok(vx_obj_find_map(a, "counters") != vx_obj_find_map(b, "counters") &&
		   run_once(a) == VX_XDP_PASS && counter(a, "counters") == 1 &&
		   counter(b, "counters") == 0,
	   "without a pin namespace two opens have their own pinned maps");
	ok(vx_obj_map_pinning(a, 99) == VX_PIN_NONE && !vx_obj_map_shared(a, 99) &&
		   !vx_obj_map_name(a, 99),
	   "out-of-range map index: none, not shared, no name");
out:
	vx_obj_close(a);
	vx_obj_close(b);
}

/* Shared through a namespace: one map, either object's program sees the other's updates. */
static void test_pinned_shared(void)
{
	struct pins p = { 0 };
	struct vx_error err;
	struct vx_obj *a = open_pinned(&p, 0, &err), *b;
	struct vx_map *shared;
	uint32_t k = 0, drop = VX_XDP_DROP;

	if (!ok(a && p.calls == 3, "the namespace is asked once per map pinned by name (%u) %s",
		p.calls, a ? "" : err.msg))
		return vx_obj_close(a);
	p = (struct pins){ .from = a, .only = "counters" };
	b = open_pinned(&p, 0, &err);
	if (!ok(b != NULL, "a second object shares 'counters' (%s)", b ? "" : err.msg))
		return vx_obj_close(a);
	shared = vx_obj_find_map(a, "counters");
	ok(vx_obj_find_map(b, "counters") == shared && vx_obj_map_shared(b, 0) &&
		   !vx_obj_map_shared(a, 0) && vx_obj_find_map(b, "cfg") != vx_obj_find_map(a, "cfg"),
	   "'counters' is one map, marked shared in the second; 'cfg' (not offered) is its own");
	ok(run_once(a) == VX_XDP_PASS && run_once(b) == VX_XDP_PASS && run_once(b) == VX_XDP_PASS &&
		   counter(a, "counters") == 3 && counter(a, "local") == 1 &&
		   counter(b, "local") == 2,
	   "both programs count into the shared map (3), each into its own 'local' (1, 2)");
	vx_map_update(vx_obj_find_map(a, "cfg"), &k, &drop, VX_ANY);
	ok(run_once(b) == VX_XDP_PASS && run_once(a) == VX_XDP_DROP,
	   "an unshared pinned map stays apart: cfg set in the first only drops there");
	vx_obj_close(a);
	ok(run_once(b) == VX_XDP_PASS && counter(b, "counters") == 6,
	   "the shared map outlives the object that created it (6)");
	vx_obj_close(b);
}

/* libbpf's compatibility checks, the program array rule, and the budget. */
static void test_pinned_refused(void)
{
	struct vx_map_def d = { .name = "counters", .type = VX_MAP_ARRAY, .key_size = 4,
				.value_size = 8, .max_entries = 8 };
	struct pins p = { .only = "counters" };
	struct vx_error err;
	struct vx_obj *a, *b;
	uint64_t own;

	p.map = vx_map_create(&d, &err);
	b = open_pinned(&p, 0, &err);
	ok(!b && strstr(err.msg, "map 'counters'") && strstr(err.msg, "max_entries (4 here, 8 "),
	   "a pinned map of another max_entries is refused naming it (%s)", b ? "loaded" : err.msg);
	vx_obj_close(b);
	vx_map_destroy(p.map);
	d = (struct vx_map_def){ .name = "counters", .type = VX_MAP_ARRAY, .key_size = 4,
				 .value_size = 4, .max_entries = 4 };
	p.map = vx_map_create(&d, &err);
	b = open_pinned(&p, 0, &err);
	ok(!b && strstr(err.msg, "value_size (8 here, 4 pinned)"), "another value size (%s)",
	   b ? "loaded" : err.msg);
	vx_obj_close(b);
	vx_map_destroy(p.map);
	d = (struct vx_map_def){ .name = "cfg", .type = VX_MAP_HASH, .key_size = 4,
				 .value_size = 4, .max_entries = 1024, .flags = VX_F_NO_PREALLOC };
	p = (struct pins){ .only = "cfg", .map = vx_map_create(&d, &err) };
	b = open_pinned(&p, 0, &err);
	ok(!b && strstr(err.msg, "map 'cfg'") && strstr(err.msg, "map_flags (0 here, 1 pinned)"),
	   "other flags (%s)", b ? "loaded" : err.msg);
	vx_obj_close(b);
	vx_map_destroy(p.map);
	p = (struct pins){ 0 };
	a = open_pinned(&p, 0, &err);
	p = (struct pins){ .from = a, .only = "jumps" };
	b = a ? open_pinned(&p, 0, &err) : NULL;
	ok(a && !b && strstr(err.msg, "map 'jumps': a pinned program array cannot be shared"),
	   "a pinned program array is never shared (%s)", b ? "loaded" : err.msg);
	vx_obj_close(b);
	/* Budget: own maps only. counters (4 x 12) shared, the rest created. */
	own = vx_map_def_bytes(vx_map_get_def(vx_obj_find_map(a, "cfg"))) +
	      vx_map_def_bytes(vx_map_get_def(vx_obj_find_map(a, "local"))) +
	      vx_map_def_bytes(vx_map_get_def(vx_obj_find_map(a, "jumps")));
	p = (struct pins){ .from = a, .only = "counters" };
	b = a ? open_pinned(&p, own, &err) : NULL;
	ok(b != NULL, "a budget of the created maps' %llu bytes is enough when 'counters' is "
	   "shared (%s)", (unsigned long long)own, b ? "" : err.msg);
	vx_obj_close(b);
	p = (struct pins){ 0 };
	b = a ? open_pinned(&p, own, &err) : NULL;
	ok(!b && strstr(err.msg, "bytes allowed"), "and too little when it is not (%s)",
	   b ? "loaded" : err.msg);
	vx_obj_close(b);
	vx_obj_close(a);
}

/* Patch a copy of file at off and open it. */
static struct vx_obj *open_patched(const struct eobj *e, size_t off, const void *bytes,
				   size_t n, struct vx_error *err)
{
	uint8_t *copy = malloc(e->size);
	struct vx_obj *obj;

	memcpy(copy, e->buf, e->size);
	if (off + n <= e->size)
		memcpy(copy + off, bytes, n);
	obj = vx_obj_open_mem(copy, e->size, "patched", err);
	free(copy);
	return obj;
}

static void test_patched(void)
{
	const uint64_t far = 0x10000;
	struct vx_error err;
	struct vx_obj *obj;
	struct eobj e;
	size_t s;

	if (!eobj_load(&e, "obj_maps.o")) {
		eobj_free(&e);
		return (void)ok(false, "read obj_maps.o");
	}
	s = esec_named(&e, ".relxdp");
	obj = open_patched(&e, e.secs[s].offset, &far, sizeof(far), &err);
	ok(!obj && strstr(err.msg, "relocation at .relxdp offset 0x10000 points outside the "
				   "section"),
	   "a relocation outside its section is refused (%s)", obj ? "loaded" : err.msg);
	vx_obj_close(obj);
	s = esec_named(&e, "license");
	obj = open_patched(&e, e.secs[s].offset + e.secs[s].size - 1, "X", 1, &err);
	ok(!obj && strstr(err.msg, "license"), "an unterminated license is refused (%s)",
	   obj ? "loaded" : err.msg);
	vx_obj_close(obj);
	s = esec_named(&e, ".BTF");
	obj = open_patched(&e, e.secs[s].offset, "\0\0", 2, &err);
	ok(!obj && strstr(err.msg, "BTF"), "bad BTF is refused when .maps needs it (%s)",
	   obj ? "loaded" : err.msg);
	vx_obj_close(obj);
	eobj_free(&e);
}

/* Hostile input: every truncation and random byte flips never crash and fail cleanly. */

#define TRUNC_ALL 4096 /* every truncation below this length, then one every TRUNC_STEP */
#define TRUNC_STEP 13
#define FLIP_ROUNDS 2000

static uint64_t rng_state = 0x9e3779b97f4a7c15ull;

static uint64_t rng(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state;
}

static bool try_open(const uint8_t *buf, size_t size, size_t *loaded)
{
	struct vx_error err;
	struct vx_obj *obj = vx_obj_open_mem(buf, size, "fuzz", &err);

	size_t i, len;
	bool good = true;

	if (!obj)
		return err.msg[0] != '\0';
	for (i = 0; i < vx_obj_prog_count(obj); i++) {
		const struct vx_insn *insns = vx_prog_insns(vx_obj_prog(obj, i), &len);

		if (vx_check(insns, len, VX_CHECK_PSEUDO, &err))
			good = false;
	}
	(*loaded)++;
	vx_obj_close(obj);
	return good;
}

static void test_truncated(const char *file)
{
	struct eobj e;
	size_t n, bad = 0, loaded = 0, tries = 0;

	if (!eobj_load(&e, file)) {
		eobj_free(&e);
		return (void)ok(false, "read %s", file);
	}
	for (n = 0; n < e.size; n += n < TRUNC_ALL ? 1 : TRUNC_STEP) {
		uint8_t *copy = malloc(n ? n : 1);

		memcpy(copy, e.buf, n);
		bad += !try_open(copy, n, &loaded);
		free(copy);
		tries++;
	}
	ok(bad == 0 && loaded == 0, "%s: %zu truncations fail cleanly (%zu bad, %zu loaded)", file,
	   tries, bad, loaded);
	eobj_free(&e);
}

static void test_flipped(const char *file, unsigned rounds)
{
	uint8_t *copy;
	size_t bad = 0, loaded = 0;
	struct eobj e;
	unsigned r;

	if (!eobj_load(&e, file)) {
		eobj_free(&e);
		return (void)ok(false, "read %s", file);
	}
	copy = malloc(e.size);
	for (r = 0; r < rounds; r++) {
		unsigned k, flips = 1 + rng() % 8;

		memcpy(copy, e.buf, e.size);
		for (k = 0; k < flips; k++)
			copy[rng() % e.size] ^= (uint8_t)(1 + rng() % 255);
		bad += !try_open(copy, e.size, &loaded);
	}
	ok(bad == 0, "%s: %u corrupted copies load or fail cleanly (%zu loaded, %zu bad)", file,
	   rounds, loaded, bad);
	free(copy);
	eobj_free(&e);
}

/* Flips inside the sections the loader reads closely: code, relocations, symbols, BTF, maps. */
static void test_flipped_sections(const char *file, unsigned rounds)
{
	static const char *const names[] = { ".BTF", ".symtab", ".maps", ".relxdp", ".rel.text",
					     ".rel.maps", "xdp", ".text", ".BTF.ext", "maps",
					     ".data", "license" };
	size_t idx[sizeof(names) / sizeof(names[0])], n = 0, i, bad = 0, loaded = 0;
	uint8_t *copy;
	struct eobj e;
	unsigned r;

	if (!eobj_load(&e, file)) {
		eobj_free(&e);
		return (void)ok(false, "read %s", file);
	}
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		size_t s = esec_named(&e, names[i]);

		if (s && e.secs[s].size && e.secs[s].offset + e.secs[s].size <= e.size)
			idx[n++] = s;
	}
	copy = malloc(e.size);
	for (r = 0; n && r < rounds; r++) {
		const struct esec *s = &e.secs[idx[rng() % n]];
		unsigned k, flips = 1 + rng() % 4;

		memcpy(copy, e.buf, e.size);
		for (k = 0; k < flips; k++)
			copy[s->offset + rng() % s->size] ^= (uint8_t)(1 + rng() % 255);
		bad += !try_open(copy, e.size, &loaded);
	}
	ok(n && bad == 0, "%s: %u copies corrupted in %zu key sections (%zu loaded, %zu bad)",
	   file, rounds, n, loaded, bad);
	free(copy);
	eobj_free(&e);
}

int main(int argc, char **argv)
{
	static const char *const files[] = { "obj_maps.o", "obj_subprogs.o", "obj_globals.o",
					     "obj_legacy.o" };
	size_t i;

	if (argc < 2) {
		printf("Bail out! usage: %s DIR-OF-COMPILED-TEST-OBJECTS\n", argv[0]);
		return 1;
	}
	dir = argv[1];
	test_maps();
	test_legacy();
	test_globals();
	test_open_mem();
	test_subprogs();
	test_unsupported("/proc/self/exe");
	test_mixed();
	test_pinned_alone();
	test_pinned_shared();
	test_pinned_refused();
	test_patched();
	for (i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		test_truncated(files[i]);
		test_flipped(files[i], FLIP_ROUNDS);
		test_flipped_sections(files[i], FLIP_ROUNDS);
	}
	return tap_done();
}
