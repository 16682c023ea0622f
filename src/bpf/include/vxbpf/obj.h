/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * vxbpf/obj.h - loading clang-built eBPF ELF objects, as libbpf does.
 *
 * An object holds programs (one per function in an `xdp`, `xdp/...` or `xdp.frags` section) and
 * maps (BTF-defined in `.maps`, legacy in `maps`, and `.data`/`.bss`/`.rodata`/`.rodata.*` as
 * single-entry array maps named like libbpf's, `.rodata` frozen). Each program's instructions
 * are relocated: subprograms from `.text` appended and calls fixed; map references as ld_imm64
 * with src VX_PSEUDO_MAP_IDX (imm = index into the program's map table) or
 * VX_PSEUDO_MAP_IDX_VALUE (imm = map index, second imm = offset in the value); callback
 * references (bpf_loop) as VX_PSEUDO_FUNC with imm = target - (index + 1). Statically initialised
 * program arrays are filled. Code sections of other program types are skipped (listed by
 * vx_obj_skipped()). Maps declared with `pinning = LIBBPF_PIN_BY_NAME` are the object's own
 * unless the caller gives a pin namespace (vx_obj_opts.pinned_map) that already has a map of
 * that name. Unsupported features fail the load with an error naming them.
 */
#ifndef VXBPF_OBJ_H
#define VXBPF_OBJ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "vxbpf/error.h"
#include "vxbpf/isa.h"
#include "vxbpf/map.h"

struct vx_obj;
struct vx_prog;

/* Open an object from a file or from memory (name: used for the internal maps' names). */
struct vx_obj *vx_obj_open(const char *path, struct vx_error *err);
struct vx_obj *vx_obj_open_mem(const void *buf, size_t size, const char *name,
			       struct vx_error *err);
/* A map's pinning, the BTF attribute `pinning` (libbpf's enum libbpf_pin_type). */
#define VX_PIN_NONE 0
#define VX_PIN_BY_NAME 1

/*
 * Options for opening from memory.
 * - max_map_bytes (0: none): refuse the object, before any map is allocated, when the maps it
 *   creates declare more than that many bytes in all (vx_map_def_bytes()); shared maps (below)
 *   are not counted. zero_budget: the budget is 0 bytes (only shared maps; max_map_bytes 0).
 * - pinned_map: the caller's pin namespace, as libbpf's pin directory (NULL: none; every map
 *   is then the object's own, pinned or not). Called, before any map is created, with the full
 *   name of each map declared with `pinning = LIBBPF_PIN_BY_NAME`: return an existing map to
 *   share it (the object takes a reference, vx_map_ref(), and drops it when closed), NULL to
 *   create the object's own. As with libbpf, a shared map must match the declaration in type,
 *   key_size, value_size, max_entries and map_flags, else the open fails naming the map and
 *   the attribute; program arrays are never shared (their entries are one object's programs).
 */
struct vx_obj_opts {
	uint64_t max_map_bytes;
	bool zero_budget;
	struct vx_map *(*pinned_map)(void *arg, const char *name);
	void *pinned_arg;
};
struct vx_obj *vx_obj_open_mem_opts(const void *buf, size_t size, const char *name,
				    const struct vx_obj_opts *opts, struct vx_error *err);
/* A map's declared size: (key + value, per-CPU values times vx_ncpus()) * max_entries;
 * a ring buffer's data size. What quotas charge, not what the map happens to use. */
uint64_t vx_map_def_bytes(const struct vx_map_def *def);

/* Free the object and its programs, and drop its references to its maps (vx_map_destroy). */
void vx_obj_close(struct vx_obj *obj);

const char *vx_obj_name(const struct vx_obj *obj);
const char *vx_obj_license(const struct vx_obj *obj);

size_t vx_obj_prog_count(const struct vx_obj *obj);
/*
 * Code sections of other program types (tracepoints, tc, kprobes...) are not loaded: an object
 * loads when it has at least one XDP program. Their section names, in ELF order.
 */
size_t vx_obj_skipped_count(const struct vx_obj *obj);
const char *vx_obj_skipped(const struct vx_obj *obj, size_t i);
struct vx_prog *vx_obj_prog(const struct vx_obj *obj, size_t i);
/* By function name; NULL when absent. */
struct vx_prog *vx_obj_find_prog(const struct vx_obj *obj, const char *name);

size_t vx_obj_map_count(const struct vx_obj *obj);
struct vx_map *vx_obj_map(const struct vx_obj *obj, size_t i);
struct vx_map *vx_obj_find_map(const struct vx_obj *obj, const char *name);
/* Map i's full name (vx_map_get_def()'s may be truncated), its VX_PIN_*, and whether it was
 * shared from the pin namespace (vx_obj_opts.pinned_map) rather than created. */
const char *vx_obj_map_name(const struct vx_obj *obj, size_t i);
unsigned vx_obj_map_pinning(const struct vx_obj *obj, size_t i);
bool vx_obj_map_shared(const struct vx_obj *obj, size_t i);

/* A program: its function name, its section, its relocated instructions and map table. */
const char *vx_prog_name(const struct vx_prog *prog);
const char *vx_prog_section(const struct vx_prog *prog);
const struct vx_insn *vx_prog_insns(const struct vx_prog *prog, size_t *len);
size_t vx_prog_map_count(const struct vx_prog *prog);
struct vx_map *vx_prog_map(const struct vx_prog *prog, size_t i);

/*
 * Get every program of obj ready to run on engine: verify each (helper_class VX_HELPER_TRUSTED
 * or VX_HELPER_GUEST) and, for VX_ENGINE_JIT, compile it with the verifier's facts. As with the
 * kernel, one program that fails fails the object: *err names it, the instruction and the
 * reason. Tail calls between the object's programs reach their compiled images.
 */
int vx_obj_prepare(struct vx_obj *obj, int engine, unsigned helper_class, struct vx_error *err);

/* Drop what vx_obj_prepare() made for one program (done by vx_obj_close()). */
void vx_prog_unprepare(struct vx_prog *prog);

#endif /* VXBPF_OBJ_H */
