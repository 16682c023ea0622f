// SPDX-License-Identifier: BSD-2-Clause
/*
 * obj.c - opening clang-built eBPF ELF objects the way libbpf does: the public object API, the
 * ELF header, sections and symbols, the license, finding programs and subprograms, and building
 * each program once maps exist and relocations are known (obj_maps.c, obj_reloc.c).
 *
 * The caller's bytes are copied first and libelf reads the copy; everything kept after opening
 * (names, license, instructions) is copied again, so nothing points into the input.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "obj_priv.h"
#include "prog_priv.h"
#include "vxbpf/prog.h"

#define LD_MAX_OBJ_SIZE (256u << 20)

#ifndef EM_BPF
#define EM_BPF 247
#endif
#ifndef SHT_LLVM_ADDRSIG
#define SHT_LLVM_ADDRSIG 0x6fff4c03
#endif

/* Symbols. */

int ld_sym(const struct ld *ld, size_t i, GElf_Sym *sym)
{
	if (i >= ld->nsyms || i > INT32_MAX || !gelf_getsym(ld->syms, (int)i, sym))
		return -1;
	return 0;
}

const char *ld_sym_name(const struct ld *ld, const GElf_Sym *sym)
{
	return elf_strptr(ld->elf, ld->strtab, sym->st_name);
}

/* Undefined global or weak symbols without a type: libbpf's externs. */
bool ld_sym_is_extern(const GElf_Sym *sym)
{
	int bind = GELF_ST_BIND(sym->st_info);

	return sym->st_shndx == SHN_UNDEF && (bind == STB_GLOBAL || bind == STB_WEAK) &&
	       GELF_ST_TYPE(sym->st_info) == STT_NOTYPE;
}

/* The function of section sec holding slot insn, or -1. */
long ld_find_func(const struct ld *ld, size_t sec, size_t insn)
{
	size_t lo = 0, hi = ld->nfuncs;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const struct ld_func *f = &ld->funcs[mid];

		if (f->sec < sec || (f->sec == sec && f->off + f->len <= insn))
			lo = mid + 1;
		else if (f->sec > sec || f->off > insn)
			hi = mid;
		else
			return (long)mid;
	}
	return -1;
}

/* ELF header and sections. */

static int check_header(struct ld *ld)
{
	GElf_Ehdr eh;

	if (elf_kind(ld->elf) != ELF_K_ELF)
		return vx_error_set(ld->err, -1, "not an ELF object");
	if (gelf_getclass(ld->elf) != ELFCLASS64)
		return vx_error_set(ld->err, -1, "not a 64-bit ELF object");
	if (!gelf_getehdr(ld->elf, &eh))
		return vx_error_set(ld->err, -1, "bad ELF header: %s", elf_errmsg(-1));
	if (eh.e_ident[EI_DATA] == ELFDATA2MSB)
		return vx_error_set(ld->err, -1, "big-endian eBPF objects are not supported");
	if (eh.e_ident[EI_DATA] != ELFDATA2LSB)
		return vx_error_set(ld->err, -1, "ELF object has unknown byte order");
	/* Old LLVM left e_machine at EM_NONE. */
	if (eh.e_machine != EM_BPF && eh.e_machine != EM_NONE)
		return vx_error_set(ld->err, -1, "not an eBPF ELF object (e_machine %u)",
				    eh.e_machine);
	if (eh.e_type != ET_REL)
		return vx_error_set(ld->err, -1, "not a relocatable ELF object (e_type %u)",
				    eh.e_type);
	return 0;
}

static bool has_prefix(const char *s, const char *pfx)
{
	return !strncmp(s, pfx, strlen(pfx));
}

/* name is `base` or `base.*`. */
static bool is_named(const char *name, const char *base)
{
	size_t n = strlen(base);

	return !strncmp(name, base, n) && (name[n] == '\0' || name[n] == '.');
}

/* name is `base` or `base/...`. */
static bool is_sec_def(const char *name, const char *base)
{
	size_t n = strlen(base);

	return !strncmp(name, base, n) && (name[n] == '\0' || name[n] == '/');
}

bool ld_is_loaded_code(const char *name)
{
	return !strcmp(name, ".text") || is_sec_def(name, "xdp") || is_sec_def(name, "xdp.frags");
}

/*
 * Objects often carry programs of other types beside their XDP ones (xdp-bench's tracepoint
 * counters, a tc twin): those sections are not loaded, and the object says which they were.
 */
static int skip_code(struct ld *ld, struct ld_sec *s)
{
	char **n = realloc(ld->obj->skipped, (ld->obj->nskipped + 1) * sizeof(*n));

	if (!n)
		return vx_error_set(ld->err, -1, "out of memory");
	ld->obj->skipped = n;
	n[ld->obj->nskipped] = strdup(s->name);
	if (!n[ld->obj->nskipped])
		return vx_error_set(ld->err, -1, "out of memory");
	ld->obj->nskipped++;
	s->kind = LD_SEC_SKIP;
	return 0;
}

static bool is_ignored(const struct ld_sec *s)
{
	const char *name = s->name;

	if (s->shdr.sh_type == SHT_STRTAB || s->shdr.sh_type == SHT_LLVM_ADDRSIG)
		return true;
	if (has_prefix(name, ".debug_"))
		return true;
	if (has_prefix(name, ".rel")) {
		name += 4;
		return has_prefix(name, ".debug_") || !strcmp(name, ".BTF") ||
		       !strcmp(name, ".BTF.ext");
	}
	return false;
}

static int load_data(struct ld *ld, size_t i)
{
	struct ld_sec *s = &ld->secs[i];

	s->data = elf_getdata(elf_getscn(ld->elf, i), NULL);
	if (!s->data)
		return vx_error_set(ld->err, -1, "section '%s': cannot read its data: %s", s->name,
				    elf_errmsg(-1));
	s->buf = s->data->d_buf;
	s->size = s->data->d_size;
	if (!s->buf)
		s->size = 0;
	return 0;
}

/* Remember the index of a section that must be unique. */
static int set_unique(struct ld *ld, size_t *where, size_t i)
{
	if (*where)
		return vx_error_set(ld->err, -1, "duplicate section '%s'", ld->secs[i].name);
	*where = i;
	return load_data(ld, i);
}

static int classify_code(struct ld *ld, size_t i)
{
	struct ld_sec *s = &ld->secs[i];

	if (!strcmp(s->name, ".text")) {
		s->kind = LD_SEC_TEXT;
		return set_unique(ld, &ld->text, i);
	}
	if (is_sec_def(s->name, "xdp") || is_sec_def(s->name, "xdp.frags")) {
		s->kind = LD_SEC_PROG;
		s->frags = is_sec_def(s->name, "xdp.frags");
		return load_data(ld, i);
	}
	return skip_code(ld, s);
}

static int classify_progbits(struct ld *ld, size_t i)
{
	struct ld_sec *s = &ld->secs[i];

	if (s->shdr.sh_flags & SHF_EXECINSTR)
		return classify_code(ld, i);
	if (is_named(s->name, ".data"))
		s->kind = LD_SEC_DATA;
	else if (is_named(s->name, ".rodata"))
		s->kind = LD_SEC_RODATA;
	else if (!strcmp(s->name, ".struct_ops") || !strcmp(s->name, ".struct_ops.link"))
		return vx_error_set(ld->err, -1, "section '%s': struct_ops is not supported",
				    s->name);
	else
		return 0;
	return load_data(ld, i);
}

static int classify_rel(struct ld *ld, size_t i)
{
	struct ld_sec *s = &ld->secs[i];
	size_t target = s->shdr.sh_info;

	if (s->shdr.sh_entsize != sizeof(Elf64_Rel) || target == 0 || target >= ld->nsecs)
		return vx_error_set(ld->err, -1, "relocation section '%s' is malformed", s->name);
	if (!(ld->secs[target].shdr.sh_flags & SHF_EXECINSTR) && strcmp(s->name, ".rel.maps"))
		return 0;
	if ((ld->secs[target].shdr.sh_flags & SHF_EXECINSTR) &&
	    !ld_is_loaded_code(ld->secs[target].name))
		return 0; /* relocations of a section not loaded */
	s->kind = LD_SEC_REL;
	return load_data(ld, i);
}

static int classify(struct ld *ld, size_t i)
{
	struct ld_sec *s = &ld->secs[i];
	unsigned type = s->shdr.sh_type;

	if (is_ignored(s))
		return 0;
	if (!strcmp(s->name, "license"))
		return set_unique(ld, &ld->license_sec, i);
	if (!strcmp(s->name, "maps")) {
		s->kind = LD_SEC_LEGACY_MAPS;
		return set_unique(ld, &ld->legacy_sec, i);
	}
	if (!strcmp(s->name, ".maps")) {
		s->kind = LD_SEC_MAPS;
		return set_unique(ld, &ld->maps_sec, i);
	}
	if (!strcmp(s->name, ".BTF") && type == SHT_PROGBITS)
		return set_unique(ld, &ld->btf_sec, i);
	if (!strcmp(s->name, ".BTF.ext") && type == SHT_PROGBITS)
		return set_unique(ld, &ld->btf_ext_sec, i);
	if (type == SHT_PROGBITS && s->shdr.sh_size > 0)
		return classify_progbits(ld, i);
	if (type == SHT_REL)
		return classify_rel(ld, i);
	if (type == SHT_NOBITS && is_named(s->name, ".bss")) {
		s->kind = LD_SEC_BSS;
		s->size = s->shdr.sh_size;
	}
	return 0;
}

static int read_sections(struct ld *ld)
{
	size_t i, shstrndx;

	if (elf_getshdrnum(ld->elf, &ld->nsecs) || elf_getshdrstrndx(ld->elf, &shstrndx))
		return vx_error_set(ld->err, -1, "bad ELF section table: %s", elf_errmsg(-1));
	if (shstrndx >= ld->nsecs || !elf_rawdata(elf_getscn(ld->elf, shstrndx), NULL))
		return vx_error_set(ld->err, -1, "ELF section names are missing");
	ld->secs = calloc(ld->nsecs ? ld->nsecs : 1, sizeof(*ld->secs));
	if (!ld->secs)
		return vx_error_set(ld->err, -1, "out of memory");
	for (i = 1; i < ld->nsecs; i++) {
		struct ld_sec *s = &ld->secs[i];

		s->map = -1;
		if (!gelf_getshdr(elf_getscn(ld->elf, i), &s->shdr))
			return vx_error_set(ld->err, -1, "section %zu: bad header", i);
		s->name = elf_strptr(ld->elf, shstrndx, s->shdr.sh_name);
		if (!s->name)
			return vx_error_set(ld->err, -1, "section %zu has no name", i);
	}
	return 0;
}

static int find_symtab(struct ld *ld)
{
	size_t i, found = 0;

	for (i = 1; i < ld->nsecs; i++) {
		if (ld->secs[i].shdr.sh_type != SHT_SYMTAB)
			continue;
		if (found)
			return vx_error_set(ld->err, -1, "more than one symbol table");
		found = i;
	}
	if (!found)
		return vx_error_set(ld->err, -1, "no symbol table (stripped object?)");
	ld->syms = elf_getdata(elf_getscn(ld->elf, found), NULL);
	if (!ld->syms)
		return vx_error_set(ld->err, -1, "cannot read the symbol table: %s",
				    elf_errmsg(-1));
	ld->nsyms = ld->syms->d_size / sizeof(Elf64_Sym);
	ld->strtab = ld->secs[found].shdr.sh_link;
	if (ld->strtab == 0 || ld->strtab >= ld->nsecs ||
	    ld->secs[ld->strtab].shdr.sh_type != SHT_STRTAB)
		return vx_error_set(ld->err, -1, "the symbol table has no string table");
	return 0;
}

static int read_license(struct ld *ld)
{
	const struct ld_sec *s = &ld->secs[ld->license_sec];

	if (!ld->license_sec)
		return vx_error_set(ld->err, -1, "no license section");
	if (!s->buf || !s->size || !memchr(s->buf, '\0', s->size))
		return vx_error_set(ld->err, -1, "license section is not a NUL-terminated string");
	ld->obj->license = strdup((const char *)s->buf);
	if (!ld->obj->license)
		return vx_error_set(ld->err, -1, "out of memory");
	return 0;
}

/* BTF is needed for .maps only; like libbpf, bad BTF is ignored when nothing needs it. */
static int read_btf(struct ld *ld)
{
	const struct ld_sec *s = &ld->secs[ld->btf_sec];
	struct vx_error berr;

	if (!ld->btf_sec) {
		if (ld->maps_sec)
			return vx_error_set(ld->err, -1, "section '.maps' needs BTF: no .BTF");
		return 0;
	}
	if (vx_btf_parse(s->buf, s->size, &ld->btf, &berr) == 0)
		return 0;
	if (ld->maps_sec)
		return vx_error_set(ld->err, -1, "bad .BTF section: %s", berr.msg);
	return 0;
}

/* Functions. */

static int cmp_func(const void *a, const void *b)
{
	const struct ld_func *x = a, *y = b;

	if (x->sec != y->sec)
		return x->sec < y->sec ? -1 : 1;
	if (x->off != y->off)
		return x->off < y->off ? -1 : 1;
	return 0;
}

static int add_func(struct ld *ld, const GElf_Sym *sym, size_t *cap)
{
	const struct ld_sec *s = &ld->secs[sym->st_shndx];
	const char *name = ld_sym_name(ld, sym);
	struct ld_func *f;

	if (!name || !*name)
		return vx_error_set(ld->err, -1, "section '%s': function without a name", s->name);
	if (sym->st_value % VX_INSN_SIZE || sym->st_size % VX_INSN_SIZE || !sym->st_size ||
	    sym->st_value > s->size || sym->st_size > s->size - sym->st_value)
		return vx_error_set(ld->err, -1, "function '%s' lies outside section '%s'", name,
				    s->name);
	if (s->kind == LD_SEC_PROG && GELF_ST_BIND(sym->st_info) == STB_LOCAL)
		return vx_error_set(ld->err, -1, "program '%s' is static, which is not supported",
				    name);
	if (ld->nfuncs == *cap) {
		size_t n = *cap ? *cap * 2 : 16;

		f = realloc(ld->funcs, n * sizeof(*f));
		if (!f)
			return vx_error_set(ld->err, -1, "out of memory");
		ld->funcs = f;
		*cap = n;
	}
	f = &ld->funcs[ld->nfuncs++];
	memset(f, 0, sizeof(*f));
	f->name = name;
	f->sec = sym->st_shndx;
	f->off = sym->st_value / VX_INSN_SIZE;
	f->len = sym->st_size / VX_INSN_SIZE;
	return 0;
}

static int collect_funcs(struct ld *ld)
{
	size_t i, cap = 0;

	for (i = 0; i < ld->nsyms; i++) {
		GElf_Sym sym;

		if (ld_sym(ld, i, &sym))
			return vx_error_set(ld->err, -1, "cannot read symbol %zu", i);
		if (GELF_ST_TYPE(sym.st_info) != STT_FUNC || sym.st_shndx >= ld->nsecs)
			continue;
		if (ld->secs[sym.st_shndx].kind != LD_SEC_PROG &&
		    ld->secs[sym.st_shndx].kind != LD_SEC_TEXT)
			continue;
		if (add_func(ld, &sym, &cap))
			return -1;
	}
	if (ld->nfuncs)
		qsort(ld->funcs, ld->nfuncs, sizeof(*ld->funcs), cmp_func);
	for (i = 1; i < ld->nfuncs; i++) {
		const struct ld_func *a = &ld->funcs[i - 1], *b = &ld->funcs[i];

		if (a->sec == b->sec && a->off + a->len > b->off)
			return vx_error_set(ld->err, -1,
					    "functions '%s' and '%s' overlap in section '%s'",
					    a->name, b->name, ld->secs[a->sec].name);
	}
	return 0;
}

/* Hand every relocation of section relsec to fn, in order. */
static int for_each_rel(struct ld *ld, size_t relsec,
			int (*fn)(struct ld *ld, const struct ld_sec *rs, const GElf_Rel *rel))
{
	const struct ld_sec *rs = &ld->secs[relsec];
	size_t i, n = rs->size / sizeof(Elf64_Rel);

	for (i = 0; i < n; i++) {
		GElf_Rel rel;

		if (i > INT32_MAX || !gelf_getrel(rs->data, (int)i, &rel))
			return vx_error_set(ld->err, -1, "%s: cannot read relocation %zu", rs->name,
					    i);
		if (fn(ld, rs, &rel))
			return -1;
	}
	return 0;
}

static int collect_relos(struct ld *ld)
{
	size_t i;

	for (i = 1; i < ld->nsecs; i++) {
		const struct ld_sec *s = &ld->secs[i];
		int ret;

		if (s->kind != LD_SEC_REL)
			continue;
		if (ld->secs[s->shdr.sh_info].kind == LD_SEC_MAPS)
			ret = for_each_rel(ld, i, ld_map_relo);
		else if (ld->secs[s->shdr.sh_info].kind == LD_SEC_PROG ||
			 ld->secs[s->shdr.sh_info].kind == LD_SEC_TEXT)
			ret = for_each_rel(ld, i, ld_prog_relo);
		else
			ret = 0;
		if (ret)
			return -1;
	}
	return 0;
}

/* Programs. */

static void free_prog(struct vx_prog *prog)
{
	if (!prog)
		return;
	vx_prog_unprepare(prog);
	free(prog->name);
	free(prog->section);
	free(prog->insns);
	free(prog);
}

static int check_prog(struct ld *ld, const struct vx_prog *prog)
{
	char msg[VX_ERROR_MSG_MAX];

	if (vx_check(prog->insns, prog->len, VX_CHECK_PSEUDO, ld->err) == 0)
		return 0;
	snprintf(msg, sizeof(msg), "%s", ld->err->msg);
	return vx_error_set(ld->err, ld->err->insn, "program '%s': %s", prog->name, msg);
}

static int build_prog(struct ld *ld, size_t fi)
{
	struct ld_func *f = &ld->funcs[fi];
	struct vx_obj *obj = ld->obj;
	struct vx_prog *prog;

	prog = calloc(1, sizeof(*prog));
	if (!prog)
		return vx_error_set(ld->err, -1, "out of memory");
	obj->progs[obj->nprogs++] = prog;
	prog->name = strdup(f->name);
	prog->section = strdup(ld->secs[f->sec].name);
	if (!prog->name || !prog->section)
		return vx_error_set(ld->err, -1, "out of memory");
	prog->frags = ld->secs[f->sec].frags;
	prog->obj = obj;
	prog->maps = obj->maps;
	prog->nmaps = obj->nmaps;
	f->prog = prog;
	if (ld_link(ld, fi, &prog->insns, &prog->len))
		return -1;
	return check_prog(ld, prog);
}

static int build_progs(struct ld *ld)
{
	size_t i;

	ld->obj->progs = calloc(ld->nfuncs ? ld->nfuncs : 1, sizeof(*ld->obj->progs));
	if (!ld->obj->progs)
		return vx_error_set(ld->err, -1, "out of memory");
	for (i = 0; i < ld->nfuncs; i++) {
		if (ld->secs[ld->funcs[i].sec].kind != LD_SEC_PROG)
			continue;
		if (build_prog(ld, i))
			return -1;
	}
	return 0;
}

/* Opening. */

static int load(struct ld *ld, const void *buf, size_t size)
{
	size_t i;

	ld->image = malloc(size);
	if (!ld->image)
		return vx_error_set(ld->err, -1, "out of memory");
	memcpy(ld->image, buf, size);
	ld->elf = elf_memory((char *)ld->image, size);
	if (!ld->elf)
		return vx_error_set(ld->err, -1, "not an ELF object: %s", elf_errmsg(-1));
	if (check_header(ld) || read_sections(ld) || find_symtab(ld))
		return -1;
	for (i = 1; i < ld->nsecs; i++)
		if (classify(ld, i))
			return -1;
	if (read_license(ld) || read_btf(ld) || ld_check_core(ld) || ld_check_externs(ld))
		return -1;
	if (collect_funcs(ld) || ld_collect_maps(ld) || collect_relos(ld) || ld_scan_funcs(ld))
		return -1;
	if (ld_create_maps(ld) || build_progs(ld))
		return -1;
	if (!ld->obj->nprogs && ld->obj->nskipped)
		return vx_error_set(ld->err, -1,
				    "no XDP program: section '%s'%s is not XDP (only XDP programs run here)",
				    ld->obj->skipped[0], ld->obj->nskipped > 1 ? " and others" : "");
	return ld_fill_prog_arrays(ld);
}

static void ld_free(struct ld *ld)
{
	size_t i;

	for (i = 0; i < ld->nfuncs; i++)
		free(ld->funcs[i].fix);
	free(ld->funcs);
	ld_free_maps(ld);
	vx_btf_free(ld->btf);
	free(ld->secs);
	if (ld->elf)
		elf_end(ld->elf);
	free(ld->image);
}

struct vx_obj *vx_obj_open_mem(const void *buf, size_t size, const char *name,
			       struct vx_error *err)
{
	return vx_obj_open_mem_opts(buf, size, name, NULL, err);
}

struct vx_obj *vx_obj_open_mem_opts(const void *buf, size_t size, const char *name,
				    const struct vx_obj_opts *opts, struct vx_error *err)
{
	struct ld ld = { .err = err };
	struct vx_error local;
	int ret;

	if (!err)
		ld.err = err = &local;
	if (opts) {
		ld.max_map_bytes = opts->max_map_bytes;
		ld.zero_budget = opts->zero_budget;
		ld.pinned_map = opts->pinned_map;
		ld.pinned_arg = opts->pinned_arg;
	}
	vx_error_clear(err);
	if (!buf || !size)
		return vx_error_set(err, -1, "empty object"), NULL;
	if (elf_version(EV_CURRENT) == EV_NONE)
		return vx_error_set(err, -1, "libelf is too old"), NULL;
	ld.obj = calloc(1, sizeof(*ld.obj));
	if (!ld.obj)
		return vx_error_set(err, -1, "out of memory"), NULL;
	snprintf(ld.obj->name, sizeof(ld.obj->name), "%s", name ? name : "");
	ret = load(&ld, buf, size);
	ld_free(&ld);
	if (ret) {
		vx_obj_close(ld.obj);
		return NULL;
	}
	return ld.obj;
}

static void *read_file(const char *path, size_t *size, struct vx_error *err)
{
	FILE *f = fopen(path, "rb");
	uint8_t *buf = NULL;
	size_t cap = 0, n = 0;

	if (!f)
		return vx_error_set(err, -1, "cannot open '%s': %s", path, strerror(errno)), NULL;
	for (;;) {
		uint8_t *b;

		if (n == cap) {
			cap = cap ? cap * 2 : 65536;
			if (cap > LD_MAX_OBJ_SIZE) {
				vx_error_set(err, -1, "'%s' is larger than %u bytes", path,
					     LD_MAX_OBJ_SIZE);
				break;
			}
			b = realloc(buf, cap);
			if (!b) {
				vx_error_set(err, -1, "out of memory");
				break;
			}
			buf = b;
		}
		n += fread(buf + n, 1, cap - n, f);
		if (n < cap) {
			if (ferror(f))
				vx_error_set(err, -1, "cannot read '%s'", path);
			else
				cap = 0;
			break;
		}
	}
	fclose(f);
	if (cap) {
		free(buf);
		return NULL;
	}
	*size = n;
	return buf;
}

struct vx_obj *vx_obj_open(const char *path, struct vx_error *err)
{
	char name[LD_OBJ_NAME_LEN], *dot;
	const char *base = strrchr(path, '/');
	struct vx_obj *obj;
	size_t size;
	void *buf;

	vx_error_clear(err);
	buf = read_file(path, &size, err);
	if (!buf)
		return NULL;
	/* libbpf: the file's base name up to its first dot, in 15 characters. */
	snprintf(name, sizeof(name), "%s", base ? base + 1 : path);
	dot = strchr(name, '.');
	if (dot)
		*dot = '\0';
	obj = vx_obj_open_mem(buf, size, name, err);
	free(buf);
	return obj;
}

void vx_obj_close(struct vx_obj *obj)
{
	size_t i;

	if (!obj)
		return;
	for (i = 0; i < obj->nmaps; i++) {
		if (obj->maps[i])
			vx_map_destroy(obj->maps[i]);
		free(obj->map_names[i]);
	}
	for (i = 0; i < obj->nprogs; i++)
		free_prog(obj->progs[i]);
	for (i = 0; i < obj->nskipped; i++)
		free(obj->skipped[i]);
	free(obj->skipped);
	free(obj->maps);
	free(obj->map_names);
	free(obj->map_pinning);
	free(obj->map_shared);
	free(obj->progs);
	free(obj->license);
	free(obj);
}

/* Accessors. */

const char *vx_obj_name(const struct vx_obj *obj)
{
	return obj->name;
}

const char *vx_obj_license(const struct vx_obj *obj)
{
	return obj->license;
}

size_t vx_obj_skipped_count(const struct vx_obj *obj)
{
	return obj->nskipped;
}

const char *vx_obj_skipped(const struct vx_obj *obj, size_t i)
{
	return i < obj->nskipped ? obj->skipped[i] : NULL;
}

size_t vx_obj_prog_count(const struct vx_obj *obj)
{
	return obj->nprogs;
}

struct vx_prog *vx_obj_prog(const struct vx_obj *obj, size_t i)
{
	return i < obj->nprogs ? obj->progs[i] : NULL;
}

struct vx_prog *vx_obj_find_prog(const struct vx_obj *obj, const char *name)
{
	size_t i;

	for (i = 0; i < obj->nprogs; i++)
		if (!strcmp(obj->progs[i]->name, name))
			return obj->progs[i];
	return NULL;
}

size_t vx_obj_map_count(const struct vx_obj *obj)
{
	return obj->nmaps;
}

struct vx_map *vx_obj_map(const struct vx_obj *obj, size_t i)
{
	return i < obj->nmaps ? obj->maps[i] : NULL;
}

const char *vx_obj_map_name(const struct vx_obj *obj, size_t i)
{
	return i < obj->nmaps ? obj->map_names[i] : NULL;
}

unsigned vx_obj_map_pinning(const struct vx_obj *obj, size_t i)
{
	return i < obj->nmaps && obj->map_pinning ? obj->map_pinning[i] : VX_PIN_NONE;
}

bool vx_obj_map_shared(const struct vx_obj *obj, size_t i)
{
	return i < obj->nmaps && obj->map_shared && obj->map_shared[i];
}

struct vx_map *vx_obj_find_map(const struct vx_obj *obj, const char *name)
{
	size_t i;

	for (i = 0; i < obj->nmaps; i++)
		if (!strcmp(obj->map_names[i], name))
			return obj->maps[i];
	return NULL;
}

const char *vx_prog_name(const struct vx_prog *prog)
{
	return prog->name;
}

const char *vx_prog_section(const struct vx_prog *prog)
{
	return prog->section;
}

const struct vx_insn *vx_prog_insns(const struct vx_prog *prog, size_t *len)
{
	if (len)
		*len = prog->len;
	return prog->insns;
}

size_t vx_prog_map_count(const struct vx_prog *prog)
{
	return prog->nmaps;
}

struct vx_map *vx_prog_map(const struct vx_prog *prog, size_t i)
{
	return i < prog->nmaps ? prog->maps[i] : NULL;
}
