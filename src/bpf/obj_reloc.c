// SPDX-License-Identifier: BSD-2-Clause
/*
 * obj_reloc.c - relocations of program sections and .text, and linking each program: its
 * entry function first, then every subprogram it reaches, appended depth-first in the order
 * calls are met, each once (libbpf's order); calls and callback addresses are pointed at the
 * appended copies, map references become VX_PSEUDO_MAP_IDX{,_VALUE} ld_imm64s.
 *
 * As in libbpf, the relocation type is not looked at: the instruction decides. A call with
 * src 1 and no relocation is pc-relative inside its section (static calls within .text).
 */
#include <stdlib.h>
#include <string.h>

#include "obj_priv.h"
#include "vxbpf/prog.h"

#define CALL_CODE (VX_JMP | VX_CALL)

struct reloc {
	const struct ld_sec *rs; /* the relocation section */
	const GElf_Rel *rel;
	const char *sym_name;
	GElf_Sym sym;
	struct vx_insn insn;
};

static int add_fix(struct ld *ld, struct ld_func *f, const struct ld_fix *fix)
{
	struct ld_fix *x = realloc(f->fix, (f->nfix + 1) * sizeof(*x));

	if (!x)
		return vx_error_set(ld->err, -1, "out of memory");
	f->fix = x;
	x[f->nfix++] = *fix;
	return 0;
}

/* The function of section sec starting at slot (a call or callback target), or -1. */
static long func_at(const struct ld *ld, size_t sec, int64_t slot)
{
	long f;

	if (slot < 0)
		return -1;
	f = ld_find_func(ld, sec, (size_t)slot);
	if (f < 0 || ld->funcs[f].off != (size_t)slot)
		return -1;
	return f;
}

static int reloc_error(struct ld *ld, const struct reloc *r, const char *what)
{
	return vx_error_set(ld->err, -1, "relocation at %s offset 0x%llx against '%s': %s",
			    r->rs->name, (unsigned long long)r->rel->r_offset, r->sym_name, what);
}

static int record_call(struct ld *ld, const struct reloc *r, struct ld_fix *fix)
{
	long t;

	if (r->insn.src != VX_CALL_LOCAL)
		return reloc_error(ld, r, "the call is not a bpf-to-bpf call");
	if (!ld->text || r->sym.st_shndx != ld->text)
		return reloc_error(ld, r, "called functions must be in .text");
	if (r->sym.st_value % VX_INSN_SIZE)
		return reloc_error(ld, r, "the call target is not on an instruction");
	t = func_at(ld, ld->text, (int64_t)(r->sym.st_value / VX_INSN_SIZE) + r->insn.imm + 1);
	if (t < 0)
		return reloc_error(ld, r, "the call does not land on the start of a function");
	fix->kind = LD_FIX_CALL;
	fix->target = (size_t)t;
	return 0;
}

static bool is_subprog_sym(const struct ld *ld, const GElf_Sym *sym)
{
	int type = GELF_ST_TYPE(sym->st_info);

	return ld->text && sym->st_shndx == ld->text && (type == STT_FUNC || type == STT_SECTION);
}

static int record_func_addr(struct ld *ld, const struct reloc *r, struct ld_fix *fix)
{
	int64_t off;
	long t;

	if (r->sym.st_value % VX_INSN_SIZE || r->insn.imm % VX_INSN_SIZE)
		return reloc_error(ld, r, "the function address is not on an instruction");
	if (r->sym.st_value > ld->secs[ld->text].size)
		return reloc_error(ld, r, "the symbol lies outside .text");
	off = (int64_t)r->sym.st_value + r->insn.imm;
	t = func_at(ld, ld->text, off / VX_INSN_SIZE);
	if (off < 0 || t < 0)
		return reloc_error(ld, r, "the address is not the start of a function");
	fix->kind = LD_FIX_FUNC;
	fix->target = (size_t)t;
	return 0;
}

static int record_map(struct ld *ld, const struct reloc *r, struct ld_fix *fix)
{
	size_t i;

	for (i = 0; i < ld->nmaps; i++) {
		if (ld->maps[i].sec == r->sym.st_shndx && !ld->maps[i].internal &&
		    ld->maps[i].off == r->sym.st_value) {
			fix->kind = LD_FIX_MAP;
			fix->target = i;
			return 0;
		}
	}
	return reloc_error(ld, r, "no map is defined there");
}

static int record_data(struct ld *ld, const struct reloc *r, struct ld_fix *fix)
{
	const struct ld_sec *s = &ld->secs[r->sym.st_shndx];
	int64_t off = r->insn.imm;

	if (r->sym.st_value <= s->size)
		off += (int64_t)r->sym.st_value;
	if (r->sym.st_value > s->size || off < 0 || (uint64_t)off >= s->size) {
		vx_error_set(ld->err, -1,
			     "relocation at %s offset 0x%llx: '%s' + %lld is outside section '%s'",
			     r->rs->name, (unsigned long long)r->rel->r_offset, r->sym_name,
			     (long long)r->insn.imm, s->name);
		return -1;
	}
	fix->kind = LD_FIX_DATA;
	fix->target = (size_t)s->map;
	fix->off = (uint32_t)off;
	return 0;
}

static int record_ld(struct ld *ld, const struct reloc *r, const struct ld_func *f,
		     struct ld_fix *fix)
{
	size_t shndx = r->sym.st_shndx;
	enum ld_sec_kind kind;

	if (fix->insn + 1 >= f->len)
		return reloc_error(ld, r, "the ld_imm64 is cut short by the end of its function");
	if (shndx == SHN_UNDEF || shndx >= ld->nsecs)
		return reloc_error(ld, r, "the symbol is in a special section");
	if (is_subprog_sym(ld, &r->sym) &&
	    (r->insn.src == VX_PSEUDO_NONE || r->insn.src == VX_PSEUDO_FUNC))
		return record_func_addr(ld, r, fix);
	if (r->insn.src != VX_PSEUDO_NONE)
		return reloc_error(ld, r, "the ld_imm64 already has a pseudo source");
	kind = ld->secs[shndx].kind;
	if (kind == LD_SEC_MAPS || kind == LD_SEC_LEGACY_MAPS)
		return record_map(ld, r, fix);
	if ((kind == LD_SEC_DATA || kind == LD_SEC_RODATA || kind == LD_SEC_BSS) &&
	    ld->secs[shndx].map >= 0)
		return record_data(ld, r, fix);
	vx_error_set(ld->err, -1,
		     "relocation at %s offset 0x%llx against '%s' in section '%s' is not supported",
		     r->rs->name, (unsigned long long)r->rel->r_offset, r->sym_name,
		     ld->secs[shndx].name);
	return -1;
}

static const char *sym_name(const struct ld *ld, const GElf_Sym *sym)
{
	const char *name;

	if (GELF_ST_TYPE(sym->st_info) == STT_SECTION && sym->st_shndx < ld->nsecs &&
	    sym->st_shndx != SHN_UNDEF)
		return ld->secs[sym->st_shndx].name;
	name = ld_sym_name(ld, sym);
	return name ? name : "?";
}

int ld_prog_relo(struct ld *ld, const struct ld_sec *rs, const GElf_Rel *rel)
{
	size_t target = rs->shdr.sh_info;
	const struct ld_sec *ts = &ld->secs[target];
	struct reloc r = { .rs = rs, .rel = rel };
	struct ld_fix fix = { 0 };
	struct ld_func *f;
	long fi;

	if (rel->r_offset >= ts->size)
		return vx_error_set(ld->err, -1,
				    "relocation at %s offset 0x%llx points outside the section",
				    rs->name, (unsigned long long)rel->r_offset);
	if (rel->r_offset % VX_INSN_SIZE)
		return vx_error_set(ld->err, -1,
				    "relocation at %s offset 0x%llx is not on an instruction",
				    rs->name, (unsigned long long)rel->r_offset);
	fi = ld_find_func(ld, target, rel->r_offset / VX_INSN_SIZE);
	if (fi < 0)
		return 0; /* code outside any function is never loaded */
	if (ld_sym(ld, GELF_R_SYM(rel->r_info), &r.sym))
		return vx_error_set(ld->err, -1, "relocation at %s offset 0x%llx: no symbol %llu",
				    rs->name, (unsigned long long)rel->r_offset,
				    (unsigned long long)GELF_R_SYM(rel->r_info));
	r.sym_name = sym_name(ld, &r.sym);
	r.insn = vx_insn_decode(ts->buf + rel->r_offset);
	f = &ld->funcs[fi];
	fix.insn = rel->r_offset / VX_INSN_SIZE - f->off;
	if (ld_sym_is_extern(&r.sym))
		return ld_extern_error(ld, r.sym_name, r.insn.code == CALL_CODE);
	if (r.insn.code == CALL_CODE) {
		if (record_call(ld, &r, &fix))
			return -1;
	} else if (r.insn.code == VX_LD_IMM64) {
		if (record_ld(ld, &r, f, &fix))
			return -1;
	} else {
		return reloc_error(ld, &r, "the instruction is neither a call nor an ld_imm64");
	}
	return add_fix(ld, f, &fix);
}

/* Checking every function's instructions against its relocations. */

static int cmp_fix(const void *a, const void *b)
{
	const struct ld_fix *x = a, *y = b;

	return x->insn < y->insn ? -1 : x->insn > y->insn;
}

static const struct ld_fix *find_fix(const struct ld_func *f, size_t n, size_t insn)
{
	struct ld_fix key = { .insn = insn };

	if (!n)
		return NULL;
	return bsearch(&key, f->fix, n, sizeof(*f->fix), cmp_fix);
}

static struct vx_insn func_insn(const struct ld *ld, const struct ld_func *f, size_t i)
{
	return vx_insn_decode(ld->secs[f->sec].buf + (f->off + i) * VX_INSN_SIZE);
}

/* A call with src 1 and no relocation: pc-relative within .text. */
static int local_call(struct ld *ld, struct ld_func *f, size_t i, const struct vx_insn *in)
{
	struct ld_fix fix = { .insn = i, .kind = LD_FIX_CALL };
	long t;

	if (f->sec != ld->text)
		return vx_error_set(ld->err, (int)i, "function '%s': call without a relocation",
				    f->name);
	t = func_at(ld, ld->text, (int64_t)(f->off + i) + in->imm + 1);
	if (t < 0)
		return vx_error_set(ld->err, (int)i,
				    "function '%s': call does not land on the start of a function",
				    f->name);
	fix.target = (size_t)t;
	return add_fix(ld, f, &fix);
}

static int scan_insn(struct ld *ld, struct ld_func *f, size_t n, size_t *i)
{
	const struct ld_fix *fix = find_fix(f, n, *i);
	struct vx_insn in = func_insn(ld, f, *i);

	if (in.code == VX_LD_IMM64) {
		if (*i + 1 >= f->len)
			return vx_error_set(ld->err, (int)*i,
					    "function '%s': ld_imm64 cut short by its end",
					    f->name);
		if (!fix && in.src != VX_PSEUDO_NONE)
			return vx_error_set(ld->err, (int)*i,
					    "function '%s': pseudo ld_imm64 (src %u) not relocated",
					    f->name, in.src);
		if (find_fix(f, n, *i + 1))
			return vx_error_set(ld->err, (int)*i + 1,
					    "function '%s': relocation inside an ld_imm64",
					    f->name);
		(*i)++;
		return 0;
	}
	if (in.code == CALL_CODE && in.src == VX_CALL_LOCAL && !fix)
		return local_call(ld, f, *i, &in);
	return 0;
}

static int scan_func(struct ld *ld, struct ld_func *f)
{
	size_t i, n = f->nfix;

	if (n)
		qsort(f->fix, n, sizeof(*f->fix), cmp_fix);
	for (i = 1; i < n; i++)
		if (f->fix[i].insn == f->fix[i - 1].insn)
			return vx_error_set(ld->err, (int)f->fix[i].insn,
					    "function '%s': two relocations for one instruction",
					    f->name);
	for (i = 0; i < f->len; i++)
		if (scan_insn(ld, f, n, &i))
			return -1;
	if (f->nfix > n)
		qsort(f->fix, f->nfix, sizeof(*f->fix), cmp_fix);
	return 0;
}

int ld_scan_funcs(struct ld *ld)
{
	size_t i;

	for (i = 0; i < ld->nfuncs; i++)
		if (scan_func(ld, &ld->funcs[i]))
			return -1;
	return 0;
}

/* Linking one program. */

struct frame {
	size_t func;
	size_t next; /* next fix to apply */
};

struct link {
	const char *name; /* the program's */
	struct vx_insn *buf;
	size_t len, cap;
	struct frame *stack;
	size_t depth;
};

static int append(struct ld *ld, struct link *lk, size_t fi)
{
	struct ld_func *f = &ld->funcs[fi];
	size_t i;

	if (lk->len + f->len > VX_MAX_INSNS)
		return vx_error_set(ld->err, -1, "program '%s' has more than %d instructions",
				    lk->name, VX_MAX_INSNS);
	if (lk->len + f->len > lk->cap) {
		size_t cap = (lk->len + f->len) * 2;
		struct vx_insn *b = realloc(lk->buf, cap * sizeof(*b));

		if (!b)
			return vx_error_set(ld->err, -1, "out of memory");
		lk->buf = b;
		lk->cap = cap;
	}
	f->at = lk->len;
	f->linked = true;
	for (i = 0; i < f->len; i++)
		lk->buf[lk->len + i] = func_insn(ld, f, i);
	lk->len += f->len;
	lk->stack[lk->depth].func = fi;
	lk->stack[lk->depth].next = 0;
	lk->depth++;
	return 0;
}

static int apply(struct ld *ld, struct link *lk, const struct ld_func *f, const struct ld_fix *fix)
{
	size_t slot = f->at + fix->insn;
	struct ld_func *t;

	switch (fix->kind) {
	case LD_FIX_MAP:
		lk->buf[slot].src = VX_PSEUDO_MAP_IDX;
		lk->buf[slot].imm = (int32_t)fix->target;
		lk->buf[slot + 1].imm = 0;
		return 0;
	case LD_FIX_DATA:
		lk->buf[slot].src = VX_PSEUDO_MAP_IDX_VALUE;
		lk->buf[slot].imm = (int32_t)fix->target;
		lk->buf[slot + 1].imm = (int32_t)fix->off;
		return 0;
	case LD_FIX_CALL:
	case LD_FIX_FUNC:
		t = &ld->funcs[fix->target];
		if (!t->linked && append(ld, lk, fix->target))
			return -1;
		lk->buf[slot].imm = (int32_t)((int64_t)t->at - (int64_t)(slot + 1));
		if (fix->kind == LD_FIX_FUNC) {
			lk->buf[slot].src = VX_PSEUDO_FUNC;
			lk->buf[slot + 1].imm = 0;
		}
		return 0;
	}
	return 0;
}

int ld_link(struct ld *ld, size_t fi, struct vx_insn **insns, size_t *len)
{
	struct link lk = { .name = ld->funcs[fi].name };
	size_t i;

	for (i = 0; i < ld->nfuncs; i++)
		ld->funcs[i].linked = false;
	lk.stack = calloc(ld->nfuncs, sizeof(*lk.stack));
	if (!lk.stack)
		return vx_error_set(ld->err, -1, "out of memory");
	if (append(ld, &lk, fi))
		goto fail;
	while (lk.depth) {
		struct frame *fr = &lk.stack[lk.depth - 1];
		const struct ld_func *f = &ld->funcs[fr->func];

		if (fr->next == f->nfix) {
			lk.depth--;
			continue;
		}
		if (apply(ld, &lk, f, &f->fix[fr->next++]))
			goto fail;
	}
	free(lk.stack);
	*insns = lk.buf;
	*len = lk.len;
	return 0;
fail:
	free(lk.stack);
	free(lk.buf);
	return -1;
}
