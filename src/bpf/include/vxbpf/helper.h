/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * vxbpf/helper.h - the helper functions programs may call, by the kernel's numbers.
 *
 * One table holds every helper the engine implements: its number and name, its prototype (what
 * the verifier and the checked interpreter hold each argument and the result to), the program
 * classes allowed to call it, and its implementation. Implementations have the kernel's calling
 * convention, up to five 64-bit arguments (r1-r5) and a 64-bit result (r0), so compiled code can
 * call them directly.
 */
#ifndef VXBPF_HELPER_H
#define VXBPF_HELPER_H

#include <stdint.h>

typedef uint64_t (*vx_helper_fn)(uint64_t r1, uint64_t r2, uint64_t r3, uint64_t r4,
				 uint64_t r5);

/* What an argument must be. */
enum vx_arg_type {
	VX_ARG_NONE,	   /* no more arguments */
	VX_ARG_ANYTHING,   /* any initialised scalar */
	VX_ARG_CTX,	   /* the program's context pointer */
	VX_ARG_MAP,	   /* a map of the program's (ld_imm64 map reference) */
	VX_ARG_MAP_KEY,	   /* key_size readable bytes of the map in the previous argument */
	VX_ARG_MAP_VALUE,  /* value_size readable bytes of the map two arguments before */
	VX_ARG_MEM,	   /* readable memory, its size in the next argument */
	VX_ARG_MEM_OR_NULL, /* like VX_ARG_MEM, or NULL with size 0 */
	VX_ARG_CONST_SIZE, /* the size of the previous memory argument, > 0 */
	VX_ARG_CONST_SIZE_OR_ZERO,
	VX_ARG_RINGBUF_MEM, /* a sample from ringbuf_reserve, not yet submitted */
	VX_ARG_FUNC,	   /* a callback: a function of the program (ld_imm64 func reference) */
	VX_ARG_MAP_PROG_ARRAY, /* a program array of the program's */
	VX_ARG_MAP_RINGBUF,    /* a ring buffer map of the program's */
	VX_ARG_PTR_TO_STACK_OR_NULL, /* callback context: a pointer to the stack, or NULL */
};

/* What the result is. */
enum vx_ret_type {
	VX_RET_INTEGER,
	VX_RET_VOID,
	VX_RET_MAP_VALUE_OR_NULL, /* value_size bytes of the map in the first argument */
	VX_RET_MEM_OR_NULL,	  /* as many bytes as the second argument says */
};

/* Program classes that may call a helper. */
#define VX_HELPER_TRUSTED 0x1 /* programs of the host's own operator (vxdp prog run) */
#define VX_HELPER_GUEST 0x2   /* programs offloaded by a guest: nothing that reveals host state */
#define VX_HELPER_ALL (VX_HELPER_TRUSTED | VX_HELPER_GUEST)

/* Behaviour flags. */
#define VX_HELPER_PKT_CHANGE 0x1 /* may move the packet: packet pointers become invalid */
#define VX_HELPER_CALLBACK 0x2	 /* calls back into the program (VX_ARG_FUNC argument) */
#define VX_HELPER_TAIL_CALL 0x4	 /* bpf_tail_call: handled by the engines themselves */

struct vx_helper {
	uint32_t id;	  /* the kernel's helper number (enum bpf_func_id) */
	const char *name; /* without the bpf_ prefix, e.g. "ktime_get_ns" */
	vx_helper_fn fn;
	uint8_t ret;	  /* enum vx_ret_type */
	uint8_t args[5];  /* enum vx_arg_type, VX_ARG_NONE after the last */
	uint8_t classes;  /* VX_HELPER_TRUSTED | VX_HELPER_GUEST */
	uint8_t flags;	  /* VX_HELPER_PKT_CHANGE | ... */
};

/* The helper with this id, or NULL when the engine does not implement it. */
const struct vx_helper *vx_helper_get(uint32_t id);

/* The kernel's name of helper id ("map_lookup_elem"), known to the engine or not; NULL if none. */
const char *vx_helper_name(uint32_t id);

#endif /* VXBPF_HELPER_H */
