// SPDX-License-Identifier: BSD-2-Clause
/*
 * btf.c - reading BPF Type Format data for the object loader.
 *
 * The input is copied; parsing checks the header, that the type and string sections lie inside
 * the data, that the string section is NUL-terminated, and walks every type checking that its
 * kind is known and its trailing data fits. Type ids found inside types are checked when they
 * are followed. All reads go through memcpy, so unaligned input is fine.
 */
#include <stdlib.h>
#include <string.h>

#include "btf.h"

#define BTF_MAGIC 0xeb9f
#define BTF_HDR_MIN 24
#define BTF_TYPE_SIZE 12
#define BTF_MAX_TYPES 0xfffff
#define BTF_MAX_DEPTH 32
#define BTF_PTR_SIZE 8

struct vx_btf {
	uint8_t *types; /* type section */
	size_t types_len;
	char *strs; /* string section, NUL-terminated */
	size_t strs_len;
	uint32_t *offs; /* offs[id]: offset of type id in types; offs[0] unused */
	uint32_t count; /* type ids, counting void */
	uint8_t *blob;	/* the copy everything points into */
};

static uint32_t rd32(const uint8_t *p)
{
	uint32_t v;

	memcpy(&v, p, sizeof(v));
	return v;
}

static uint16_t rd16(const uint8_t *p)
{
	uint16_t v;

	memcpy(&v, p, sizeof(v));
	return v;
}

/* Bytes of kind-specific data following a type's 12-byte header; -1 for an unknown kind. */
static int64_t extra_size(uint32_t kind, uint32_t vlen)
{
	switch (kind) {
	case VX_BTF_KIND_PTR:
	case VX_BTF_KIND_FWD:
	case VX_BTF_KIND_TYPEDEF:
	case VX_BTF_KIND_VOLATILE:
	case VX_BTF_KIND_CONST:
	case VX_BTF_KIND_RESTRICT:
	case VX_BTF_KIND_FUNC:
	case VX_BTF_KIND_FLOAT:
	case VX_BTF_KIND_TYPE_TAG:
		return 0;
	case VX_BTF_KIND_INT:
	case VX_BTF_KIND_VAR:
	case VX_BTF_KIND_DECL_TAG:
		return 4;
	case VX_BTF_KIND_ARRAY:
		return 12;
	case VX_BTF_KIND_STRUCT:
	case VX_BTF_KIND_UNION:
	case VX_BTF_KIND_DATASEC:
	case VX_BTF_KIND_ENUM64:
		return (int64_t)vlen * 12;
	case VX_BTF_KIND_ENUM:
	case VX_BTF_KIND_FUNC_PROTO:
		return (int64_t)vlen * 8;
	}
	return -1;
}

static void decode_type(const uint8_t *p, struct vx_btf_type *t)
{
	uint32_t info = rd32(p + 4);

	t->name_off = rd32(p);
	t->kind = (info >> 24) & 0x7f;
	t->vlen = info & 0xffffff;
	t->kflag = info >> 31;
	t->size_type = rd32(p + 8);
}

static int walk_types(struct vx_btf *btf, struct vx_error *err)
{
	size_t off = 0, cap = 64;
	uint32_t n = 1;

	btf->offs = malloc(cap * sizeof(*btf->offs));
	if (!btf->offs)
		return vx_error_set(err, -1, "out of memory");
	while (off < btf->types_len) {
		struct vx_btf_type t = { 0 };
		int64_t extra;

		if (btf->types_len - off < BTF_TYPE_SIZE)
			return vx_error_set(err, -1, "BTF type [%u] is truncated", n);
		decode_type(btf->types + off, &t);
		extra = extra_size(t.kind, t.vlen);
		if (extra < 0 || t.kind == 0)
			return vx_error_set(err, -1,
					    "BTF type [%u] has unknown kind %u", n, t.kind);
		if ((uint64_t)extra > btf->types_len - off - BTF_TYPE_SIZE)
			return vx_error_set(err, -1, "BTF type [%u] runs past the type section", n);
		if (t.name_off >= btf->strs_len)
			return vx_error_set(err, -1, "BTF type [%u] has a name outside the strings",
					    n);
		if (n > BTF_MAX_TYPES)
			return vx_error_set(err, -1, "BTF has more than %u types", BTF_MAX_TYPES);
		if (n == cap) {
			uint32_t *o = realloc(btf->offs, cap * 2 * sizeof(*o));

			if (!o)
				return vx_error_set(err, -1, "out of memory");
			btf->offs = o;
			cap *= 2;
		}
		btf->offs[n++] = (uint32_t)off;
		off += BTF_TYPE_SIZE + (size_t)extra;
	}
	btf->count = n;
	return 0;
}

/* Check the header and locate the sections; sizes are checked in 64 bits. */
static int parse_header(struct vx_btf *btf, size_t size, struct vx_error *err)
{
	const uint8_t *p = btf->blob;
	uint32_t hdr_len, type_off, type_len, str_off, str_len;
	uint16_t magic;

	if (size < BTF_HDR_MIN)
		return vx_error_set(err, -1, "BTF is truncated (%zu bytes)", size);
	magic = rd16(p);
	if (magic == 0x9feb)
		return vx_error_set(err, -1, "big-endian BTF is not supported");
	if (magic != BTF_MAGIC)
		return vx_error_set(err, -1, "BTF has bad magic 0x%04x", magic);
	if (p[2] != 1)
		return vx_error_set(err, -1, "BTF version %u is not supported", p[2]);
	hdr_len = rd32(p + 4);
	type_off = rd32(p + 8);
	type_len = rd32(p + 12);
	str_off = rd32(p + 16);
	str_len = rd32(p + 20);
	if (hdr_len < BTF_HDR_MIN || hdr_len > size)
		return vx_error_set(err, -1, "BTF header length %u is invalid", hdr_len);
	if ((uint64_t)hdr_len + type_off + type_len > size ||
	    (uint64_t)hdr_len + str_off + str_len > size)
		return vx_error_set(err, -1, "BTF sections run past the end of .BTF");
	if (type_off % 4)
		return vx_error_set(err, -1, "BTF type section is not 4-byte aligned");
	if (str_len == 0 || p[(size_t)hdr_len + str_off] != '\0' ||
	    p[(size_t)hdr_len + str_off + str_len - 1] != '\0')
		return vx_error_set(err, -1, "BTF string section is malformed");
	btf->types = btf->blob + (size_t)hdr_len + type_off;
	btf->types_len = type_len;
	btf->strs = (char *)btf->blob + (size_t)hdr_len + str_off;
	btf->strs_len = str_len;
	return 0;
}

int vx_btf_parse(const void *data, size_t size, struct vx_btf **out, struct vx_error *err)
{
	struct vx_btf *btf;

	*out = NULL;
	btf = calloc(1, sizeof(*btf));
	if (!btf)
		return vx_error_set(err, -1, "out of memory");
	btf->blob = malloc(size ? size : 1);
	if (!btf->blob) {
		vx_btf_free(btf);
		return vx_error_set(err, -1, "out of memory");
	}
	if (size)
		memcpy(btf->blob, data, size);
	if (parse_header(btf, size, err) || walk_types(btf, err)) {
		vx_btf_free(btf);
		return -1;
	}
	*out = btf;
	return 0;
}

void vx_btf_free(struct vx_btf *btf)
{
	if (!btf)
		return;
	free(btf->offs);
	free(btf->blob);
	free(btf);
}

uint32_t vx_btf_count(const struct vx_btf *btf)
{
	return btf->count;
}

const char *vx_btf_str(const struct vx_btf *btf, uint32_t off)
{
	if (off >= btf->strs_len)
		return NULL;
	return btf->strs + off;
}

/* Pointer to type id's header, or NULL. */
static const uint8_t *type_ptr(const struct vx_btf *btf, uint32_t id)
{
	if (id == 0 || id >= btf->count)
		return NULL;
	return btf->types + btf->offs[id];
}

int vx_btf_type(const struct vx_btf *btf, uint32_t id, struct vx_btf_type *t)
{
	const uint8_t *p = type_ptr(btf, id);

	if (!p)
		return -1;
	decode_type(p, t);
	return 0;
}

const char *vx_btf_name(const struct vx_btf *btf, uint32_t id)
{
	struct vx_btf_type t = { 0 };

	if (vx_btf_type(btf, id, &t))
		return NULL;
	return vx_btf_str(btf, t.name_off);
}

const char *vx_btf_kind_str(uint32_t kind)
{
	static const char *const names[] = {
		"void",	    "int",	"ptr",	   "array",    "struct", "union",    "enum",
		"fwd",	    "typedef",	"volatile", "const",    "restrict", "func",
		"func_proto", "var",	"datasec", "float",    "decl_tag", "type_tag", "enum64",
	};

	if (kind >= sizeof(names) / sizeof(names[0]))
		return "unknown";
	return names[kind];
}

static bool is_mod(uint32_t kind)
{
	return kind == VX_BTF_KIND_TYPEDEF || kind == VX_BTF_KIND_VOLATILE ||
	       kind == VX_BTF_KIND_CONST || kind == VX_BTF_KIND_RESTRICT ||
	       kind == VX_BTF_KIND_TYPE_TAG;
}

int64_t vx_btf_skip_mods(const struct vx_btf *btf, uint32_t id)
{
	struct vx_btf_type t = { 0 };
	int depth;

	for (depth = 0; depth < BTF_MAX_DEPTH; depth++) {
		if (vx_btf_type(btf, id, &t))
			return id == 0 ? 0 : -1;
		if (!is_mod(t.kind))
			return id;
		id = t.size_type;
	}
	return -1;
}

static bool has_size(uint32_t kind)
{
	return kind == VX_BTF_KIND_INT || kind == VX_BTF_KIND_ENUM ||
	       kind == VX_BTF_KIND_ENUM64 || kind == VX_BTF_KIND_STRUCT ||
	       kind == VX_BTF_KIND_UNION || kind == VX_BTF_KIND_DATASEC ||
	       kind == VX_BTF_KIND_FLOAT;
}

int64_t vx_btf_resolve_size(const struct vx_btf *btf, uint32_t id)
{
	uint64_t nelems = 1, size = 0;
	struct vx_btf_type t = { 0 };
	int depth;

	for (depth = 0; depth < BTF_MAX_DEPTH; depth++) {
		struct vx_btf_array a;

		if (vx_btf_type(btf, id, &t))
			return -1;
		if (has_size(t.kind)) {
			size = t.size_type;
			break;
		}
		if (t.kind == VX_BTF_KIND_PTR) {
			size = BTF_PTR_SIZE;
			break;
		}
		if (t.kind == VX_BTF_KIND_ARRAY) {
			vx_btf_array(btf, id, &a);
			nelems *= a.nelems;
			if (nelems > UINT32_MAX)
				return -1;
			id = a.type;
			continue;
		}
		if (!is_mod(t.kind) && t.kind != VX_BTF_KIND_VAR && t.kind != VX_BTF_KIND_DECL_TAG)
			return -1;
		id = t.size_type;
	}
	if (depth == BTF_MAX_DEPTH || size * nelems > UINT32_MAX)
		return -1;
	return (int64_t)(size * nelems);
}

int vx_btf_member(const struct vx_btf *btf, uint32_t id, uint32_t i, struct vx_btf_member *m)
{
	const uint8_t *p = type_ptr(btf, id);
	struct vx_btf_type t = { 0 };
	uint32_t off;

	if (!p)
		return -1;
	decode_type(p, &t);
	if ((t.kind != VX_BTF_KIND_STRUCT && t.kind != VX_BTF_KIND_UNION) || i >= t.vlen)
		return -1;
	p += BTF_TYPE_SIZE + (size_t)i * 12;
	m->name_off = rd32(p);
	m->type = rd32(p + 4);
	off = rd32(p + 8);
	m->bit_offset = t.kflag ? off & 0xffffff : off;
	m->bitfield_size = t.kflag ? off >> 24 : 0;
	return 0;
}

int vx_btf_array(const struct vx_btf *btf, uint32_t id, struct vx_btf_array *a)
{
	const uint8_t *p = type_ptr(btf, id);
	struct vx_btf_type t = { 0 };

	if (!p)
		return -1;
	decode_type(p, &t);
	if (t.kind != VX_BTF_KIND_ARRAY)
		return -1;
	a->type = rd32(p + BTF_TYPE_SIZE);
	a->index_type = rd32(p + BTF_TYPE_SIZE + 4);
	a->nelems = rd32(p + BTF_TYPE_SIZE + 8);
	return 0;
}

int vx_btf_var_linkage(const struct vx_btf *btf, uint32_t id, uint32_t *linkage)
{
	const uint8_t *p = type_ptr(btf, id);
	struct vx_btf_type t = { 0 };

	if (!p)
		return -1;
	decode_type(p, &t);
	if (t.kind != VX_BTF_KIND_VAR)
		return -1;
	*linkage = rd32(p + BTF_TYPE_SIZE);
	return 0;
}

int vx_btf_secinfo(const struct vx_btf *btf, uint32_t id, uint32_t i, struct vx_btf_secinfo *s)
{
	const uint8_t *p = type_ptr(btf, id);
	struct vx_btf_type t = { 0 };

	if (!p)
		return -1;
	decode_type(p, &t);
	if (t.kind != VX_BTF_KIND_DATASEC || i >= t.vlen)
		return -1;
	p += BTF_TYPE_SIZE + (size_t)i * 12;
	s->type = rd32(p);
	s->offset = rd32(p + 4);
	s->size = rd32(p + 8);
	return 0;
}

int64_t vx_btf_find(const struct vx_btf *btf, const char *name, uint32_t kind)
{
	uint32_t id;

	for (id = 1; id < btf->count; id++) {
		struct vx_btf_type t = { 0 };

		vx_btf_type(btf, id, &t);
		if (t.kind == kind && !strcmp(btf->strs + t.name_off, name))
			return id;
	}
	return -1;
}

bool vx_btf_datasec_has(const struct vx_btf *btf, uint32_t id, const char *name)
{
	struct vx_btf_secinfo s;
	uint32_t i;

	for (i = 0; vx_btf_secinfo(btf, id, i, &s) == 0; i++) {
		const char *n = vx_btf_name(btf, s.type);

		if (n && !strcmp(n, name))
			return true;
	}
	return false;
}
