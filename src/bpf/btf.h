/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * btf.h - a small reader for BPF Type Format data (the .BTF section of an object), with just
 * what the object loader needs: types by id, names, modifier chains, sizes, struct members,
 * arrays, variables and data sections. Every offset in the input is bounds-checked when it is
 * parsed or read, so hostile input fails cleanly. Not a public header.
 */
#ifndef VXBPF_BTF_H
#define VXBPF_BTF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "vxbpf/error.h"

/* Type kinds (the kernel's BTF_KIND_*). */
#define VX_BTF_KIND_INT 1
#define VX_BTF_KIND_PTR 2
#define VX_BTF_KIND_ARRAY 3
#define VX_BTF_KIND_STRUCT 4
#define VX_BTF_KIND_UNION 5
#define VX_BTF_KIND_ENUM 6
#define VX_BTF_KIND_FWD 7
#define VX_BTF_KIND_TYPEDEF 8
#define VX_BTF_KIND_VOLATILE 9
#define VX_BTF_KIND_CONST 10
#define VX_BTF_KIND_RESTRICT 11
#define VX_BTF_KIND_FUNC 12
#define VX_BTF_KIND_FUNC_PROTO 13
#define VX_BTF_KIND_VAR 14
#define VX_BTF_KIND_DATASEC 15
#define VX_BTF_KIND_FLOAT 16
#define VX_BTF_KIND_DECL_TAG 17
#define VX_BTF_KIND_TYPE_TAG 18
#define VX_BTF_KIND_ENUM64 19
#define VX_BTF_KIND_MAX VX_BTF_KIND_ENUM64

/* Variable linkage (BTF_VAR_*). */
#define VX_BTF_VAR_STATIC 0
#define VX_BTF_VAR_GLOBAL 1
#define VX_BTF_VAR_EXTERN 2

struct vx_btf;

/* One type's common header, decoded. size_type is the size or the referenced type by kind. */
struct vx_btf_type {
	uint32_t name_off;
	uint32_t kind;
	uint32_t vlen;
	bool kflag;
	uint32_t size_type;
};

struct vx_btf_member {
	uint32_t name_off;
	uint32_t type;
	uint32_t bit_offset;
	uint32_t bitfield_size; /* 0 when not a bitfield */
};

struct vx_btf_array {
	uint32_t type;
	uint32_t index_type;
	uint32_t nelems;
};

struct vx_btf_secinfo {
	uint32_t type;
	uint32_t offset;
	uint32_t size;
};

/* Parse (and copy) size bytes of .BTF data. Returns 0, or -1 with *err naming the problem. */
int vx_btf_parse(const void *data, size_t size, struct vx_btf **btf, struct vx_error *err);
void vx_btf_free(struct vx_btf *btf);

/* Number of type ids, counting void (id 0). */
uint32_t vx_btf_count(const struct vx_btf *btf);

/* The string at off in the string section; NULL when off is out of range. */
const char *vx_btf_str(const struct vx_btf *btf, uint32_t off);

/* Type id's header; -1 for void (0) or an id out of range. */
int vx_btf_type(const struct vx_btf *btf, uint32_t id, struct vx_btf_type *t);

/* Type id's name ("" when anonymous), or NULL for an invalid id. */
const char *vx_btf_name(const struct vx_btf *btf, uint32_t id);

/* A kind's name for messages: "struct", "ptr", ... */
const char *vx_btf_kind_str(uint32_t kind);

/* Follow typedef, const, volatile, restrict and type_tag; the id reached, or -1. */
int64_t vx_btf_skip_mods(const struct vx_btf *btf, uint32_t id);

/* Size in bytes of type id (pointers are 8 bytes); -1 when it has none or is invalid. */
int64_t vx_btf_resolve_size(const struct vx_btf *btf, uint32_t id);

/* Member i of struct or union id. Returns 0, or -1 if id is not one or i is out of range. */
int vx_btf_member(const struct vx_btf *btf, uint32_t id, uint32_t i, struct vx_btf_member *m);

/* The array description of array type id; -1 if id is not an array. */
int vx_btf_array(const struct vx_btf *btf, uint32_t id, struct vx_btf_array *a);

/* The linkage of variable id; -1 if id is not a VAR. */
int vx_btf_var_linkage(const struct vx_btf *btf, uint32_t id, uint32_t *linkage);

/* Entry i of data section id; -1 if id is not a DATASEC or i is out of range. */
int vx_btf_secinfo(const struct vx_btf *btf, uint32_t id, uint32_t i, struct vx_btf_secinfo *s);

/* The first type of this kind with this name; -1 when there is none. */
int64_t vx_btf_find(const struct vx_btf *btf, const char *name, uint32_t kind);

/* Whether data section id holds a VAR (or FUNC) named name. */
bool vx_btf_datasec_has(const struct vx_btf *btf, uint32_t id, const char *name);

#endif /* VXBPF_BTF_H */
