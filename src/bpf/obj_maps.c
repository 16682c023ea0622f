// SPDX-License-Identifier: BSD-2-Clause
/*
 * obj_maps.c - an object's maps, in libbpf's order: legacy `maps` definitions (struct
 * bpf_map_def, symbol order), BTF-defined `.maps` (DATASEC order by offset), then one
 * single-entry array per non-empty .data/.rodata/.bss section (section order) named as libbpf
 * names it. Also program arrays statically initialised through .rel.maps, map creation (maps
 * pinned by name taken from the caller's pin namespace when it has them, after libbpf's
 * compatibility checks), the initial contents of the data sections and freezing .rodata.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "obj_priv.h"
#include "prog_priv.h"

#define LEGACY_DEF_SIZE 20 /* struct bpf_map_def: type, key_size, value_size, max_entries, flags */
#define RINGBUF_PAGE 4096

static uint32_t rd32(const uint8_t *p)
{
	uint32_t v;

	memcpy(&v, p, sizeof(v));
	return v;
}

static struct ld_map *add_map(struct ld *ld, const char *name, size_t sec)
{
	struct ld_map *maps = realloc(ld->maps, (ld->nmaps + 1) * sizeof(*maps)), *m;

	if (!maps) {
		vx_error_set(ld->err, -1, "out of memory");
		return NULL;
	}
	ld->maps = maps;
	m = &maps[ld->nmaps];
	memset(m, 0, sizeof(*m));
	m->name = strdup(name);
	if (!m->name) {
		vx_error_set(ld->err, -1, "out of memory");
		return NULL;
	}
	ld->nmaps++;
	m->sec = sec;
	snprintf(m->def.name, sizeof(m->def.name), "%s", name);
	return m;
}

void ld_free_maps(struct ld *ld)
{
	size_t i;

	for (i = 0; i < ld->nmaps; i++) {
		free(ld->maps[i].name);
		free(ld->maps[i].slots);
	}
	free(ld->maps);
}

/* Legacy maps. */

static size_t count_legacy(const struct ld *ld)
{
	size_t i, n = 0;

	for (i = 0; i < ld->nsyms; i++) {
		GElf_Sym sym;

		if (ld_sym(ld, i, &sym) == 0 && sym.st_shndx == ld->legacy_sec &&
		    GELF_ST_TYPE(sym.st_info) != STT_SECTION)
			n++;
	}
	return n;
}

static int legacy_map(struct ld *ld, const GElf_Sym *sym, size_t def_size)
{
	const struct ld_sec *s = &ld->secs[ld->legacy_sec];
	uint8_t raw[LEGACY_DEF_SIZE] = { 0 };
	const char *name = ld_sym_name(ld, sym);
	size_t size = sym->st_size ? sym->st_size : def_size, i;
	struct ld_map *m;

	if (!name || !*name)
		return vx_error_set(ld->err, -1, "section 'maps': map without a name");
	if (GELF_ST_BIND(sym->st_info) == STB_LOCAL)
		return vx_error_set(ld->err, -1, "map '%s' (legacy): static maps are not supported",
				    name);
	if (sym->st_value > s->size || size > s->size - sym->st_value)
		return vx_error_set(ld->err, -1,
				    "map '%s' (legacy): definition lies outside section 'maps'",
				    name);
	for (i = LEGACY_DEF_SIZE; i < size; i++)
		if (s->buf[sym->st_value + i])
			return vx_error_set(ld->err, -1,
					    "map '%s' (legacy): unknown non-zero fields", name);
	memcpy(raw, s->buf + sym->st_value, size < LEGACY_DEF_SIZE ? size : LEGACY_DEF_SIZE);
	m = add_map(ld, name, ld->legacy_sec);
	if (!m)
		return -1;
	m->off = sym->st_value;
	m->size = size;
	m->def.type = rd32(raw);
	m->def.key_size = rd32(raw + 4);
	m->def.value_size = rd32(raw + 8);
	m->def.max_entries = rd32(raw + 12);
	m->def.flags = rd32(raw + 16);
	if (!m->def.type)
		return vx_error_set(ld->err, -1, "map '%s': map type isn't specified", name);
	return 0;
}

static int legacy_maps(struct ld *ld)
{
	const struct ld_sec *s = &ld->secs[ld->legacy_sec];
	size_t i, n;

	if (!ld->legacy_sec)
		return 0;
	n = count_legacy(ld);
	if (!s->buf || !s->size || !n || s->size % n)
		return vx_error_set(ld->err, -1,
				    "section 'maps': cannot tell the size of the definitions");
	for (i = 0; i < ld->nsyms; i++) {
		GElf_Sym sym;

		if (ld_sym(ld, i, &sym))
			return vx_error_set(ld->err, -1, "cannot read symbol %zu", i);
		if (sym.st_shndx != ld->legacy_sec || GELF_ST_TYPE(sym.st_info) == STT_SECTION)
			continue;
		if (legacy_map(ld, &sym, s->size / n))
			return -1;
	}
	return 0;
}

/* BTF-defined maps. */

struct btf_var {
	uint32_t type; /* the VAR */
	uint32_t off, size;
	uint32_t index;
};

/* __uint(name, val): `int (*name)[val]`. */
static int field_int(struct ld *ld, const char *map, const char *attr, uint32_t type,
		     uint32_t *val)
{
	int64_t id = vx_btf_skip_mods(ld->btf, type);
	struct vx_btf_type t = { 0 };
	struct vx_btf_array a;

	if (id <= 0 || vx_btf_type(ld->btf, (uint32_t)id, &t) || t.kind != VX_BTF_KIND_PTR)
		return vx_error_set(ld->err, -1, "map '%s': attribute '%s' is not a __uint()",
				    map, attr);
	if (vx_btf_array(ld->btf, t.size_type, &a))
		return vx_error_set(ld->err, -1, "map '%s': attribute '%s' is not a __uint()",
				    map, attr);
	*val = a.nelems;
	return 0;
}

/* __type(name, T): `T *name`; the size of T. */
static int field_type_size(struct ld *ld, const char *map, const char *attr, uint32_t type,
			   uint32_t *size)
{
	struct vx_btf_type t = { 0 };
	int64_t sz;

	if (vx_btf_type(ld->btf, type, &t) || t.kind != VX_BTF_KIND_PTR)
		return vx_error_set(ld->err, -1, "map '%s': attribute '%s' is not a __type()", map,
				    attr);
	sz = vx_btf_resolve_size(ld->btf, t.size_type);
	if (sz < 0)
		return vx_error_set(ld->err, -1, "map '%s': cannot tell the size of the %s type",
				    map, attr);
	*size = (uint32_t)sz;
	return 0;
}

static int set_size(struct ld *ld, const char *map, const char *what, uint32_t *size,
		    uint32_t val)
{
	if (*size && *size != val)
		return vx_error_set(ld->err, -1, "map '%s': conflicting %s size %u != %u", map,
				    what, *size, val);
	*size = val;
	return 0;
}

/* __array(values, ...) of a program array: `int (*values[])(void *)`. */
static int field_values(struct ld *ld, struct ld_map *m, const struct vx_btf_member *mb,
			bool last)
{
	struct vx_btf_array a;
	struct vx_btf_type t = { 0 };
	int64_t id;

	if (m->def.type == 12 || m->def.type == 13)
		return vx_error_set(ld->err, -1, "map '%s': maps of maps are not supported",
				    m->name);
	if (m->def.type != VX_MAP_PROG_ARRAY)
		return vx_error_set(ld->err, -1, "map '%s': 'values' needs a program array",
				    m->name);
	if (!last)
		return vx_error_set(ld->err, -1, "map '%s': 'values' must be the last attribute",
				    m->name);
	if (set_size(ld, m->name, "value", &m->def.value_size, 4))
		return -1;
	if (vx_btf_array(ld->btf, mb->type, &a) || a.nelems)
		return vx_error_set(ld->err, -1, "map '%s': 'values' is not a zero-sized array",
				    m->name);
	id = vx_btf_skip_mods(ld->btf, a.type);
	if (id <= 0 || vx_btf_type(ld->btf, (uint32_t)id, &t) || t.kind != VX_BTF_KIND_PTR)
		return vx_error_set(ld->err, -1, "map '%s': 'values' are not pointers", m->name);
	id = vx_btf_skip_mods(ld->btf, t.size_type);
	if (id <= 0 || vx_btf_type(ld->btf, (uint32_t)id, &t) || t.kind != VX_BTF_KIND_FUNC_PROTO)
		return vx_error_set(ld->err, -1, "map '%s': 'values' are not functions", m->name);
	m->has_values = true;
	m->values_off = mb->bit_offset / 8;
	return 0;
}

/* libbpf's enum libbpf_pin_type: none, or by name in the caller's pin namespace. */
static int field_pinning(struct ld *ld, struct ld_map *m, uint32_t type)
{
	uint32_t val;

	if (field_int(ld, m->name, "pinning", type, &val))
		return -1;
	if (val != VX_PIN_NONE && val != VX_PIN_BY_NAME)
		return vx_error_set(ld->err, -1,
				    "map '%s': pinning = %u is not supported (only 0, none, and 1, "
				    "LIBBPF_PIN_BY_NAME)", m->name, val);
	m->pinning = (uint8_t)val;
	return 0;
}

/* Attributes that only matter when they are not zero. */
static int field_zero(struct ld *ld, struct ld_map *m, const char *attr, uint32_t type)
{
	uint32_t val;

	if (field_int(ld, m->name, attr, type, &val))
		return -1;
	if (val)
		return vx_error_set(ld->err, -1, "map '%s': attribute '%s' = %u is not supported",
				    m->name, attr, val);
	return 0;
}

static int map_field(struct ld *ld, struct ld_map *m, const struct vx_btf_member *mb,
		     const char *attr, bool last)
{
	uint32_t sz = 0;

	if (!strcmp(attr, "type"))
		return field_int(ld, m->name, attr, mb->type, &m->def.type);
	if (!strcmp(attr, "max_entries"))
		return field_int(ld, m->name, attr, mb->type, &m->def.max_entries);
	if (!strcmp(attr, "map_flags"))
		return field_int(ld, m->name, attr, mb->type, &m->def.flags);
	if (!strcmp(attr, "numa_node"))
		return field_int(ld, m->name, attr, mb->type, &sz);
	if (!strcmp(attr, "key_size"))
		return field_int(ld, m->name, attr, mb->type, &sz) ||
		       set_size(ld, m->name, "key", &m->def.key_size, sz);
	if (!strcmp(attr, "key"))
		return field_type_size(ld, m->name, attr, mb->type, &sz) ||
		       set_size(ld, m->name, "key", &m->def.key_size, sz);
	if (!strcmp(attr, "value_size"))
		return field_int(ld, m->name, attr, mb->type, &sz) ||
		       set_size(ld, m->name, "value", &m->def.value_size, sz);
	if (!strcmp(attr, "value"))
		return field_type_size(ld, m->name, attr, mb->type, &sz) ||
		       set_size(ld, m->name, "value", &m->def.value_size, sz);
	if (!strcmp(attr, "values"))
		return field_values(ld, m, mb, last);
	if (!strcmp(attr, "pinning"))
		return field_pinning(ld, m, mb->type);
	if (!strcmp(attr, "map_extra"))
		return field_zero(ld, m, attr, mb->type);
	return vx_error_set(ld->err, -1, "map '%s': unknown attribute '%s'", m->name, attr);
}

/* libbpf rounds a ring buffer's size up to a power-of-2 number of pages. */
static uint32_t ringbuf_size(uint32_t sz)
{
	uint64_t n;

	if (!sz || (sz % RINGBUF_PAGE == 0 && !((sz / RINGBUF_PAGE) & (sz / RINGBUF_PAGE - 1))))
		return sz;
	for (n = RINGBUF_PAGE; n <= UINT32_MAX; n <<= 1)
		if (n > sz)
			return (uint32_t)n;
	return sz;
}

static int btf_map(struct ld *ld, const struct btf_var *v)
{
	const char *name = vx_btf_name(ld->btf, v->type);
	struct vx_btf_type var = { 0 }, def = { 0 };
	struct ld_map *m;
	int64_t id;
	uint32_t i;

	vx_btf_type(ld->btf, v->type, &var);
	id = vx_btf_skip_mods(ld->btf, var.size_type);
	if (id <= 0 || vx_btf_type(ld->btf, (uint32_t)id, &def) || def.kind != VX_BTF_KIND_STRUCT)
		return vx_error_set(ld->err, -1, "map '%s': definition is not a struct", name);
	if (def.size_type > v->size)
		return vx_error_set(ld->err, -1, "map '%s': definition is larger than its variable",
				    name);
	m = add_map(ld, name, ld->maps_sec);
	if (!m)
		return -1;
	m->off = v->off;
	m->size = v->size;
	for (i = 0; i < def.vlen; i++) {
		struct vx_btf_member mb;
		const char *attr;

		attr = NULL;
		if (vx_btf_member(ld->btf, (uint32_t)id, i, &mb) == 0)
			attr = vx_btf_str(ld->btf, mb.name_off);
		if (!attr || !*attr)
			return vx_error_set(ld->err, -1,
					    "map '%s': attribute #%u has no name", name, i);
		if (map_field(ld, m, &mb, attr, i + 1 == def.vlen))
			return -1;
	}
	if (!m->def.type)
		return vx_error_set(ld->err, -1, "map '%s': map type isn't specified", name);
	if (m->def.type == VX_MAP_RINGBUF)
		m->def.max_entries = ringbuf_size(m->def.max_entries);
	return 0;
}

/* The symbol of a global map: clang leaves DATASEC offsets at 0, libbpf takes them from it. */
static int map_sym_offset(struct ld *ld, const char *name, uint32_t *off)
{
	size_t i;

	for (i = 0; i < ld->nsyms; i++) {
		const char *n;
		GElf_Sym sym;

		if (ld_sym(ld, i, &sym) || sym.st_shndx != ld->maps_sec ||
		    GELF_ST_TYPE(sym.st_info) != STT_OBJECT ||
		    GELF_ST_BIND(sym.st_info) == STB_LOCAL)
			continue;
		n = ld_sym_name(ld, &sym);
		if (n && !strcmp(n, name) && sym.st_value <= UINT32_MAX) {
			*off = (uint32_t)sym.st_value;
			return 0;
		}
	}
	return vx_error_set(ld->err, -1, "map '%s': no symbol for it in section '.maps'", name);
}

static int read_btf_var(struct ld *ld, uint32_t sec, uint32_t i, bool fixup, struct btf_var *v)
{
	struct vx_btf_secinfo si = { 0 };
	uint32_t linkage = VX_BTF_VAR_STATIC;
	const char *name;

	vx_btf_secinfo(ld->btf, sec, i, &si);
	name = vx_btf_name(ld->btf, si.type);
	if (vx_btf_var_linkage(ld->btf, si.type, &linkage) || !name || !*name)
		return vx_error_set(ld->err, -1, "map #%u in '.maps' is not a named variable", i);
	if (linkage != VX_BTF_VAR_GLOBAL)
		return vx_error_set(ld->err, -1, "map '%s': only global maps are supported", name);
	v->type = si.type;
	v->off = si.offset;
	v->size = si.size;
	v->index = i;
	if (fixup && map_sym_offset(ld, name, &v->off))
		return -1;
	if ((uint64_t)v->off + v->size > ld->secs[ld->maps_sec].size)
		return vx_error_set(ld->err, -1, "map '%s' lies outside section '.maps'", name);
	return 0;
}

static int cmp_var(const void *a, const void *b)
{
	const struct btf_var *x = a, *y = b;

	if (x->off != y->off)
		return x->off < y->off ? -1 : 1;
	return x->index < y->index ? -1 : x->index > y->index;
}

static int btf_maps(struct ld *ld)
{
	struct btf_var *vars;
	struct vx_btf_type sec = { 0 };
	int64_t id;
	uint32_t i;
	int ret = 0;

	if (!ld->maps_sec)
		return 0;
	id = vx_btf_find(ld->btf, ".maps", VX_BTF_KIND_DATASEC);
	if (id <= 0)
		return vx_error_set(ld->err, -1, "BTF has no DATASEC '.maps'");
	vx_btf_type(ld->btf, (uint32_t)id, &sec);
	vars = calloc(sec.vlen ? sec.vlen : 1, sizeof(*vars));
	if (!vars)
		return vx_error_set(ld->err, -1, "out of memory");
	for (i = 0; i < sec.vlen && !ret; i++)
		ret = read_btf_var(ld, (uint32_t)id, i, sec.size_type == 0, &vars[i]);
	if (!ret)
		qsort(vars, sec.vlen, sizeof(*vars), cmp_var);
	for (i = 0; i < sec.vlen && !ret; i++)
		ret = btf_map(ld, &vars[i]);
	free(vars);
	return ret;
}

/* Internal maps for global data. */

/* libbpf's rule: up to 8 characters of the object's name, then the section's name. */
static void internal_name(const struct ld *ld, const char *sec, char *out, size_t size)
{
	size_t sfx = strlen(sec) > 7 ? strlen(sec) : 7, pfx = 0;
	char *p;

	if (sfx >= LD_OBJ_NAME_LEN)
		sfx = LD_OBJ_NAME_LEN - 1;
	if (!strchr(sec + 1, '.')) {
		pfx = strlen(ld->obj->name);
		if (pfx > LD_OBJ_NAME_LEN - sfx - 1)
			pfx = LD_OBJ_NAME_LEN - sfx - 1;
	}
	snprintf(out, size, "%.*s%.*s", (int)pfx, ld->obj->name, (int)sfx, sec);
	for (p = out; *p; p++)
		if (!isalnum((unsigned char)*p) && *p != '_' && *p != '.')
			*p = '_';
}

/* Whether a global variable's symbol hides it (libbpf then treats it as static). */
static bool var_hidden(const struct ld *ld, const char *name)
{
	size_t i;

	for (i = 0; i < ld->nsyms; i++) {
		const char *n;
		GElf_Sym sym;

		if (ld_sym(ld, i, &sym) || GELF_ST_TYPE(sym.st_info) != STT_OBJECT ||
		    GELF_ST_BIND(sym.st_info) == STB_LOCAL)
			continue;
		n = ld_sym_name(ld, &sym);
		if (n && !strcmp(n, name))
			return GELF_ST_VISIBILITY(sym.st_other) == STV_HIDDEN ||
			       GELF_ST_VISIBILITY(sym.st_other) == STV_INTERNAL;
	}
	return false;
}

/* libbpf makes a data map mmapable when its DATASEC holds a non-static variable. */
static bool mmapable(const struct ld *ld, const char *sec)
{
	struct vx_btf_secinfo si;
	int64_t id;
	uint32_t i, linkage;

	if (!ld->btf)
		return false;
	id = vx_btf_find(ld->btf, sec, VX_BTF_KIND_DATASEC);
	if (id <= 0)
		return false;
	for (i = 0; vx_btf_secinfo(ld->btf, (uint32_t)id, i, &si) == 0; i++) {
		const char *name = vx_btf_name(ld->btf, si.type);

		if (vx_btf_var_linkage(ld->btf, si.type, &linkage) || linkage == VX_BTF_VAR_STATIC)
			continue;
		if (name && !var_hidden(ld, name))
			return true;
	}
	return false;
}

static int internal_map(struct ld *ld, size_t i)
{
	struct ld_sec *s = &ld->secs[i];
	char name[LD_OBJ_NAME_LEN];
	struct ld_map *m;

	if (s->size > UINT32_MAX)
		return vx_error_set(ld->err, -1, "section '%s' is too large for a map", s->name);
	internal_name(ld, s->name, name, sizeof(name));
	m = add_map(ld, name, i);
	if (!m)
		return -1;
	s->map = (long)(ld->nmaps - 1);
	m->internal = true;
	m->size = s->size;
	m->def.type = VX_MAP_ARRAY;
	m->def.key_size = 4;
	m->def.value_size = (uint32_t)s->size;
	m->def.max_entries = 1;
	if (s->kind == LD_SEC_RODATA)
		m->def.flags |= VX_F_RDONLY_PROG;
	if (mmapable(ld, s->name))
		m->def.flags |= VX_F_MMAPABLE;
	return 0;
}

static int internal_maps(struct ld *ld)
{
	size_t i;

	for (i = 1; i < ld->nsecs; i++) {
		enum ld_sec_kind k = ld->secs[i].kind;

		if (k != LD_SEC_DATA && k != LD_SEC_RODATA && k != LD_SEC_BSS)
			continue;
		if (!ld->secs[i].size)
			continue;
		if (internal_map(ld, i))
			return -1;
	}
	return 0;
}

int ld_collect_maps(struct ld *ld)
{
	if (legacy_maps(ld) || btf_maps(ld) || internal_maps(ld))
		return -1;
	return 0;
}

/* Creation. */

static int init_contents(struct ld *ld, size_t i, struct vx_map *map)
{
	const struct ld_sec *s = &ld->secs[ld->maps[i].sec];
	uint32_t key = 0;
	int ret;

	if (s->kind == LD_SEC_BSS || !s->buf)
		return 0;
	ret = vx_map_update(map, &key, s->buf, VX_ANY);
	if (ret < 0)
		return vx_error_set(ld->err, -1, "map '%s': cannot set its initial value: %s",
				    ld->obj->map_names[i], strerror(-ret));
	if (s->kind == LD_SEC_RODATA)
		vx_map_freeze(map);
	return 0;
}

/* Pass map creation's error up, naming the map unless it already does. */
static int create_error(struct ld *ld, const char *name, const struct vx_error *merr)
{
	char quoted[VX_MAP_NAME_MAX + 8];

	snprintf(quoted, sizeof(quoted), "map '%s'", name);
	if (strstr(merr->msg, quoted))
		return vx_error_set(ld->err, -1, "%s", merr->msg);
	return vx_error_set(ld->err, -1, "map '%s': %s", name, merr->msg);
}

uint64_t vx_map_def_bytes(const struct vx_map_def *d)
{
	bool percpu = d->type == VX_MAP_PERCPU_ARRAY || d->type == VX_MAP_PERCPU_HASH ||
		      d->type == VX_MAP_LRU_PERCPU_HASH;
	uint64_t per = (uint64_t)d->value_size * (percpu ? vx_ncpus() : 1) + d->key_size;

	if (d->type == VX_MAP_RINGBUF)
		return d->max_entries;
	return per * d->max_entries;
}

/* The caller's budget for all the object's maps, checked before any is allocated. */
static int check_budget(struct ld *ld)
{
	uint64_t sum = 0;
	size_t i;

	if (!ld->max_map_bytes && !ld->zero_budget)
		return 0;
	for (i = 0; i < ld->nmaps; i++)
		if (!ld->obj->map_shared[i])
			sum += vx_map_def_bytes(&ld->maps[i].def);
	if (sum <= ld->max_map_bytes)
		return 0;
	return vx_error_set(ld->err, -1, "the object's maps declare %llu bytes, over the "
				       "%llu bytes allowed", (unsigned long long)sum,
			    (unsigned long long)ld->max_map_bytes);
}

/* The first attribute in which an existing map differs from a declaration (libbpf's checks). */
static const char *mismatch(const struct vx_map_def *decl, const struct vx_map_def *have,
			    uint32_t *want, uint32_t *got)
{
	struct vx_map_def d = *decl;

	vx_map_def_normalize(&d);
#define CMP(f, what)                                                                            \
	if (d.f != have->f) {                                                                   \
		*want = d.f;                                                                    \
		*got = have->f;                                                                 \
		return what;                                                                    \
	}
	CMP(type, "type")
	CMP(key_size, "key_size")
	CMP(value_size, "value_size")
	CMP(max_entries, "max_entries")
	CMP(flags, "map_flags")
#undef CMP
	return NULL;
}

/* A map pinned by name that the caller already has: share it, if it is compatible. */
static int share_pinned(struct ld *ld, size_t i, struct vx_map *have)
{
	const struct vx_map_def *hd = vx_map_get_def(have);
	const char *name = ld->obj->map_names[i], *attr;
	uint32_t want = 0, got = 0;

	attr = mismatch(&ld->maps[i].def, hd, &want, &got);
	if (attr)
		return vx_error_set(ld->err, -1,
				    "map '%s': the pinned map of that name differs in %s (%u here, "
				    "%u pinned)", name, attr, want, got);
	if (hd->type == VX_MAP_PROG_ARRAY)
		return vx_error_set(ld->err, -1,
				    "map '%s': a pinned program array cannot be shared (its entries "
				    "are the programs of one object)", name);
	ld->obj->maps[i] = vx_map_ref(have);
	ld->obj->map_shared[i] = 1;
	return 0;
}

/* Ask the caller's pin namespace for each map pinned by name. */
static int resolve_pinned(struct ld *ld)
{
	size_t i;

	for (i = 0; i < ld->nmaps; i++) {
		struct vx_map *have;

		ld->obj->map_pinning[i] = ld->maps[i].pinning;
		if (ld->maps[i].pinning != VX_PIN_BY_NAME || !ld->pinned_map)
			continue;
		have = ld->pinned_map(ld->pinned_arg, ld->obj->map_names[i]);
		if (have && share_pinned(ld, i, have))
			return -1;
	}
	return 0;
}

int ld_create_maps(struct ld *ld)
{
	struct vx_obj *obj = ld->obj;
	size_t i, n = ld->nmaps ? ld->nmaps : 1;

	obj->maps = calloc(n, sizeof(*obj->maps));
	obj->map_names = calloc(n, sizeof(*obj->map_names));
	obj->map_pinning = calloc(n, 1);
	obj->map_shared = calloc(n, 1);
	if (!obj->maps || !obj->map_names || !obj->map_pinning || !obj->map_shared)
		return vx_error_set(ld->err, -1, "out of memory");
	obj->nmaps = ld->nmaps;
	for (i = 0; i < ld->nmaps; i++) {
		obj->map_names[i] = ld->maps[i].name;
		ld->maps[i].name = NULL;
	}
	if (resolve_pinned(ld) || check_budget(ld))
		return -1;
	for (i = 0; i < ld->nmaps; i++) {
		struct vx_error merr;

		if (obj->maps[i])
			continue;
		vx_error_clear(&merr);
		obj->maps[i] = vx_map_create(&ld->maps[i].def, &merr);
		if (!obj->maps[i])
			return create_error(ld, obj->map_names[i], &merr);
		if (ld->maps[i].internal && init_contents(ld, i, obj->maps[i]))
			return -1;
	}
	return 0;
}

/* Program arrays initialised statically: `.values = { [1] = &prog }` relocated in .rel.maps. */

static long map_at(const struct ld *ld, uint64_t off)
{
	size_t i;

	for (i = 0; i < ld->nmaps; i++) {
		const struct ld_map *m = &ld->maps[i];

		if (m->sec == ld->maps_sec && m->off <= off && off - m->off <= m->size &&
		    m->size - (off - m->off) >= 8)
			return (long)i;
	}
	return -1;
}

/* The entry point at sym: a program, not a subprogram. */
static long prog_at(const struct ld *ld, const GElf_Sym *sym)
{
	long f;

	if (sym->st_shndx >= ld->nsecs || ld->secs[sym->st_shndx].kind != LD_SEC_PROG ||
	    sym->st_value % VX_INSN_SIZE)
		return -1;
	f = ld_find_func(ld, sym->st_shndx, sym->st_value / VX_INSN_SIZE);
	if (f < 0 || ld->funcs[f].off != sym->st_value / VX_INSN_SIZE)
		return -1;
	return f;
}

static int add_slot(struct ld *ld, struct ld_map *m, uint32_t index, size_t func)
{
	struct ld_slot *s = realloc(m->slots, (m->nslots + 1) * sizeof(*s));

	if (!s)
		return vx_error_set(ld->err, -1, "out of memory");
	m->slots = s;
	s[m->nslots].index = index;
	s[m->nslots].func = func;
	m->nslots++;
	return 0;
}

int ld_map_relo(struct ld *ld, const struct ld_sec *rs, const GElf_Rel *rel)
{
	const char *name;
	struct ld_map *m;
	uint64_t moff;
	GElf_Sym sym;
	long mi, f;

	if (ld_sym(ld, GELF_R_SYM(rel->r_info), &sym))
		return vx_error_set(ld->err, -1, "relocation at %s offset 0x%llx: no symbol %llu",
				    rs->name, (unsigned long long)rel->r_offset,
				    (unsigned long long)GELF_R_SYM(rel->r_info));
	name = ld_sym_name(ld, &sym);
	name = name ? name : "?";
	mi = map_at(ld, rel->r_offset);
	if (mi < 0)
		return vx_error_set(ld->err, -1,
				    "relocation at %s offset 0x%llx against '%s' outside any map",
				    rs->name, (unsigned long long)rel->r_offset, name);
	m = &ld->maps[mi];
	if (m->def.type != VX_MAP_PROG_ARRAY || !m->has_values)
		return vx_error_set(ld->err, -1,
				    "map '%s': initial value '%s' is only for program arrays",
				    m->name, name);
	moff = rel->r_offset - m->off;
	if (moff < m->values_off || (moff - m->values_off) % 8)
		return vx_error_set(ld->err, -1, "map '%s': bad initial value relocation for '%s'",
				    m->name, name);
	f = prog_at(ld, &sym);
	if (f < 0)
		return vx_error_set(ld->err, -1, "map '%s': '%s' is not an XDP program", m->name,
				    name);
	moff = (moff - m->values_off) / 8;
	return add_slot(ld, m, (uint32_t)moff, (size_t)f);
}

int ld_fill_prog_arrays(struct ld *ld)
{
	size_t i, j;

	for (i = 0; i < ld->nmaps; i++) {
		const struct ld_map *m = &ld->maps[i];

		for (j = 0; j < m->nslots; j++) {
			const struct ld_func *f = &ld->funcs[m->slots[j].func];
			int ret = vx_prog_array_set(ld->obj->maps[i], m->slots[j].index, f->prog);

			if (ret)
				return vx_error_set(ld->err, -1,
						    "map '%s': slot %u: program '%s': %s",
						    ld->obj->map_names[i], m->slots[j].index,
						    f->name, strerror(ret < 0 ? -ret : ret));
		}
	}
	return 0;
}
