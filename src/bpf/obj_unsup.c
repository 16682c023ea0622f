// SPDX-License-Identifier: BSD-2-Clause
/*
 * obj_unsup.c - features of libbpf objects the engine refuses, each named in the error: CO-RE
 * relocations (.BTF.ext core_relo records, which need the kernel's BTF), and externs: kfunc
 * calls, `.kconfig` variables and `.ksyms` kernel symbols.
 */
#include <stdio.h>
#include <string.h>

#include "obj_priv.h"

#define BTF_EXT_MAGIC 0xeb9f
#define BTF_EXT_HDR_CORE 32 /* header length that includes core_relo_off/len */

static uint32_t rd32(const uint8_t *p)
{
	uint32_t v;

	memcpy(&v, p, sizeof(v));
	return v;
}

static const char *core_kind_str(uint32_t kind)
{
	static const char *const names[] = {
		"field byte offset", "field byte size", "field existence", "field signedness",
		"field left shift",  "field right shift", "local type id",  "target type id",
		"type existence",    "type size",	  "enum value existence", "enum value",
		"type match",
	};

	if (kind >= sizeof(names) / sizeof(names[0]))
		return "unknown";
	return names[kind];
}

/*
 * Describe the first core_relo record of a section's group (p: its section name offset, its
 * count, then its records) in the words of the error, if it can be read.
 */
static int core_error(struct ld *ld, const uint8_t *p, size_t len, uint32_t rec_size)
{
	uint32_t nrecs, type_id, access, kind;
	const char *sec = NULL, *type = NULL, *path = NULL;
	struct vx_btf_type t = { 0 };

	if (len < 8 + 16 || !ld->btf || rec_size < 16)
		return vx_error_set(ld->err, -1, "CO-RE relocations (.BTF.ext) are not supported");
	nrecs = rd32(p + 4);
	if (nrecs == 0)
		return vx_error_set(ld->err, -1, "CO-RE relocations (.BTF.ext) are not supported");
	sec = vx_btf_str(ld->btf, rd32(p));
	type_id = rd32(p + 12);
	access = rd32(p + 16);
	kind = rd32(p + 20);
	if (vx_btf_type(ld->btf, type_id, &t) == 0) {
		type = vx_btf_str(ld->btf, t.name_off);
		path = vx_btf_str(ld->btf, access);
	}
	return vx_error_set(ld->err, -1,
			    "CO-RE relocation (%s) in '%s' against %s '%s' (access %s) unsupported",
			    core_kind_str(kind), sec ? sec : "?",
			    type ? vx_btf_kind_str(t.kind) : "type", type ? type : "?",
			    path ? path : "?");
}

/*
 * The core_relo records come grouped by code section; only those of sections the loader loads
 * count (a tracepoint beside the XDP programs may need the kernel's BTF, and is skipped).
 */
static int core_sections(struct ld *ld, const uint8_t *p, size_t len)
{
	uint32_t rec_size, nrecs;
	size_t pos = 4;
	const char *sec;

	if (len < 4 || !ld->btf)
		return core_error(ld, p, 0, 0);
	rec_size = rd32(p);
	while (pos + 8 <= len) {
		nrecs = rd32(p + pos + 4);
		sec = vx_btf_str(ld->btf, rd32(p + pos));
		if (!sec || ld_is_loaded_code(sec) || rec_size < 16 ||
		    (uint64_t)nrecs * rec_size > len - pos - 8)
			return core_error(ld, p + pos, len - pos, rec_size);
		pos += 8 + (size_t)nrecs * rec_size;
	}
	return 0;
}

/*
 * Like libbpf, a .BTF.ext that cannot be parsed is ignored; one that holds CO-RE relocations
 * fails the load.
 */
int ld_check_core(struct ld *ld)
{
	const struct ld_sec *s = &ld->secs[ld->btf_ext_sec];
	uint32_t hdr_len, off, len;

	if (!ld->btf_ext_sec || !s->buf || s->size < BTF_EXT_HDR_CORE)
		return 0;
	if ((rd32(s->buf) & 0xffff) != BTF_EXT_MAGIC || s->buf[2] != 1)
		return 0;
	hdr_len = rd32(s->buf + 4);
	if (hdr_len < BTF_EXT_HDR_CORE || hdr_len > s->size)
		return 0;
	off = rd32(s->buf + 24);
	len = rd32(s->buf + 28);
	if (len == 0 || (uint64_t)hdr_len + off + len > s->size)
		return 0;
	return core_sections(ld, s->buf + hdr_len + off, len);
}

/* The DATASEC (.kconfig or .ksyms) that declares extern name, or NULL. */
static const char *extern_sec(const struct ld *ld, const char *name)
{
	static const char *const secs[] = { ".kconfig", ".ksyms" };
	size_t i;

	if (!ld->btf)
		return NULL;
	for (i = 0; i < sizeof(secs) / sizeof(secs[0]); i++) {
		int64_t id = vx_btf_find(ld->btf, secs[i], VX_BTF_KIND_DATASEC);

		if (id > 0 && vx_btf_datasec_has(ld->btf, (uint32_t)id, name))
			return secs[i];
	}
	return NULL;
}

int ld_extern_error(struct ld *ld, const char *name, bool call)
{
	const char *sec = extern_sec(ld, name);

	if (call || (ld->btf && vx_btf_find(ld->btf, name, VX_BTF_KIND_FUNC) > 0))
		return vx_error_set(ld->err, -1,
				    "kfunc '%s' (call to an extern function) is not supported",
				    name);
	if (sec)
		return vx_error_set(ld->err, -1, "'%s' extern '%s' is not supported", sec, name);
	return vx_error_set(ld->err, -1, "extern symbol '%s' is not supported", name);
}

int ld_check_externs(struct ld *ld)
{
	size_t i;

	for (i = 0; i < ld->nsyms; i++) {
		const char *name;
		GElf_Sym sym;

		if (ld_sym(ld, i, &sym))
			return vx_error_set(ld->err, -1, "cannot read symbol %zu", i);
		if (!ld_sym_is_extern(&sym))
			continue;
		name = ld_sym_name(ld, &sym);
		if (!name || !*name)
			continue;
		return ld_extern_error(ld, name, false);
	}
	return 0;
}
