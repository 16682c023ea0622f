/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * prog_priv.h - the engine's internal view of a loaded program (struct vx_prog), shared by the
 * object loader that builds it and the engines that run it. Not a public header.
 */
#ifndef VXBPF_PROG_PRIV_H
#define VXBPF_PROG_PRIV_H

#include <stdbool.h>
#include <stddef.h>

#include "vxbpf/isa.h"
#include "vxbpf/map.h"

struct vx_obj;
struct vx_jit;
struct vx_verify_facts;

struct vx_prog {
	char *name;	      /* function name */
	char *section;	      /* ELF section, e.g. "xdp" or "xdp/fw" */
	struct vx_insn *insns; /* relocated: entry function first, then its subprograms */
	size_t len;
	struct vx_map **maps; /* map table for VX_PSEUDO_MAP_IDX{,_VALUE} imm (the object's maps) */
	size_t nmaps;
	bool frags;	      /* from an xdp.frags section */
	struct vx_obj *obj;
	/* Set by vx_obj_prepare(): the verifier's facts and, for the JIT, the compiled image. */
	struct vx_verify_facts *facts;
	uint8_t *ctx_field;   /* per slot: xdp_md offset + 1 of a context load, else 0 */
	uint8_t *barrier;     /* guest class: per slot, a Spectre v4 barrier after it */
	struct vx_jit *jit;
};

/*
 * Verify one program for helper_class and, for VX_ENGINE_JIT, compile it (what
 * vx_obj_prepare() does for each program of an object; tests use it on assembled programs).
 */
int vx_prog_prepare(struct vx_prog *prog, int engine, unsigned helper_class,
		    struct vx_error *err);

#endif /* VXBPF_PROG_PRIV_H */
