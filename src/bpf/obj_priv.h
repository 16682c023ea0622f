/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * obj_priv.h - the object loader's state: the loaded object (struct vx_obj) and the working
 * state kept while an ELF object is being opened (struct ld), shared by obj.c (ELF sections,
 * symbols, programs), obj_maps.c (map definitions), obj_reloc.c (relocations, linking) and
 * obj_unsup.c (features the engine refuses). Not a public header.
 */
#ifndef VXBPF_OBJ_PRIV_H
#define VXBPF_OBJ_PRIV_H

#include <gelf.h>
#include <libelf.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "btf.h"
#include "vxbpf/obj.h"

/* libbpf's BPF_OBJ_NAME_LEN: object and internal map names fit in 15 characters. */
#define LD_OBJ_NAME_LEN 16

struct vx_obj {
	char name[LD_OBJ_NAME_LEN];
	char *license;
	struct vx_prog **progs;
	size_t nprogs;
	struct vx_map **maps; /* the table every program's map references index */
	char **map_names;     /* full names (a definition's name may be truncated) */
	uint8_t *map_pinning; /* VX_PIN_* as declared */
	uint8_t *map_shared;  /* 1: taken from the caller's pin namespace, not created */
	size_t nmaps;
	char **skipped;	      /* code sections that are not XDP (not loaded) */
	size_t nskipped;
};

enum ld_sec_kind {
	LD_SEC_OTHER, /* ignored */
	LD_SEC_PROG,  /* xdp, xdp/..., xdp.frags, xdp.frags/...: entry points */
	LD_SEC_TEXT,  /* .text: subprograms */
	LD_SEC_DATA,  /* .data, .data.* */
	LD_SEC_RODATA, /* .rodata, .rodata.* */
	LD_SEC_BSS,   /* .bss, .bss.* */
	LD_SEC_MAPS,  /* .maps: BTF-defined maps */
	LD_SEC_LEGACY_MAPS, /* maps: struct bpf_map_def */
	LD_SEC_REL,   /* relocations for a code section or .maps */
	LD_SEC_SKIP,  /* code of another program type (tp_btf/..., tc, kprobe/...): not loaded */
};

struct ld_sec {
	const char *name; /* points into the ELF image */
	GElf_Shdr shdr;
	Elf_Data *data;	    /* NULL for .bss and ignored sections */
	const uint8_t *buf; /* contents; NULL for .bss */
	size_t size;
	enum ld_sec_kind kind;
	bool frags;
	long map; /* map of a data section, or -1 */
};

enum ld_fix_kind {
	LD_FIX_MAP,  /* ld_imm64 of a map */
	LD_FIX_DATA, /* ld_imm64 of an address in a data section's map value */
	LD_FIX_CALL, /* bpf-to-bpf call */
	LD_FIX_FUNC, /* ld_imm64 of a subprogram's address (callback) */
};

struct ld_fix {
	size_t insn; /* slot in the function */
	enum ld_fix_kind kind;
	size_t target; /* map index or function index */
	uint32_t off;  /* LD_FIX_DATA: offset in the value */
};

/* A function: an entry point in a program section, or a subprogram in .text. */
struct ld_func {
	const char *name; /* points into the ELF image */
	size_t sec;
	size_t off, len; /* slots */
	struct ld_fix *fix; /* sorted by insn */
	size_t nfix;
	size_t at; /* where it was appended in the program being linked */
	bool linked;
	struct vx_prog *prog; /* entry points: the program built from it */
};

struct ld_slot {
	uint32_t index;
	size_t func;
};

/* A map definition before the map is created. */
struct ld_map {
	char *name;
	struct vx_map_def def;
	size_t sec;
	size_t off, size;	 /* the definition's (or data's) place in its section */
	bool internal;		 /* .data, .rodata, .bss and their variants */
	bool has_values;	 /* prog array with a `values` member */
	uint32_t values_off;	 /* its byte offset in the definition */
	struct ld_slot *slots; /* static initialisation of a prog array */
	size_t nslots;
	uint8_t pinning;	 /* VX_PIN_* */
};

struct ld {
	struct vx_obj *obj;
	struct vx_error *err;
	uint8_t *image; /* private copy of the object */
	Elf *elf;
	struct ld_sec *secs;
	size_t nsecs;
	Elf_Data *syms;
	size_t nsyms;
	size_t strtab;
	/* Section indexes, 0 when absent. */
	size_t text, maps_sec, legacy_sec, btf_sec, btf_ext_sec, license_sec;
	struct vx_btf *btf;
	struct ld_func *funcs; /* sorted by section, then offset */
	size_t nfuncs;
	struct ld_map *maps;
	size_t nmaps;
	uint64_t max_map_bytes; /* 0: no budget unless zero_budget (vx_obj_open_mem_opts) */
	bool zero_budget;
	struct vx_map *(*pinned_map)(void *arg, const char *name); /* NULL: no pin namespace */
	void *pinned_arg;
};

/* obj.c */
int ld_sym(const struct ld *ld, size_t i, GElf_Sym *sym);
const char *ld_sym_name(const struct ld *ld, const GElf_Sym *sym);
bool ld_sym_is_extern(const GElf_Sym *sym);
long ld_find_func(const struct ld *ld, size_t sec, size_t insn);

/* obj_maps.c */
int ld_collect_maps(struct ld *ld);
/* One relocation of .rel.maps (static program array slots). */
int ld_map_relo(struct ld *ld, const struct ld_sec *rs, const GElf_Rel *rel);
int ld_create_maps(struct ld *ld);
int ld_fill_prog_arrays(struct ld *ld);
void ld_free_maps(struct ld *ld);

/* obj_reloc.c */
/* One relocation of a program section or .text. */
int ld_prog_relo(struct ld *ld, const struct ld_sec *rs, const GElf_Rel *rel);
int ld_scan_funcs(struct ld *ld);
int ld_link(struct ld *ld, size_t func, struct vx_insn **insns, size_t *len);

/* obj_unsup.c */
int ld_check_core(struct ld *ld);
int ld_check_externs(struct ld *ld);
int ld_extern_error(struct ld *ld, const char *name, bool call);

/* A code section the loader loads: `.text`, or an XDP program section. */
bool ld_is_loaded_code(const char *name);

#endif /* VXBPF_OBJ_PRIV_H */
