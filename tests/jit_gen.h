/* SPDX-License-Identifier: BSD-2-Clause */
/* jit_gen.h - a generator of safe random programs for the JIT's differential test and fuzzer. */
#ifndef VXDP_TESTS_JIT_GEN_H
#define VXDP_TESTS_JIT_GEN_H

#include <stddef.h>
#include <stdint.h>

#include "vxbpf/isa.h"

/*
 * A random program that is safe by construction (every register written first, memory only in
 * 64 initialised bytes of its own stack, forward branches only), for differential tests of the JIT against the interpreter. rnd supplies the randomness (a
 * PRNG, or a fuzzer's bytes). Returns the number of slots written to out (cap >= JIT_GEN_MAX).
 */
#define JIT_GEN_MAX 512
size_t jit_gen_program(uint32_t (*rnd)(void *arg), void *arg, struct vx_insn *out);

#endif /* VXDP_TESTS_JIT_GEN_H */
