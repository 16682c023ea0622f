// SPDX-License-Identifier: BSD-2-Clause
/*
 * fuzz_obj.c - libFuzzer target: arbitrary bytes as an eBPF ELF object. Opening must fail with
 * a message or succeed; whatever loads must pass vx_check() and be closed without leaks. Seed
 * it with the objects compiled from tests/progs.
 */
#include <stdio.h>
#include <stdlib.h>

#include "vxbpf/obj.h"
#include "vxbpf/prog.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct vx_error err;
	struct vx_obj *obj = vx_obj_open_mem(data, size, "fuzz", &err);
	size_t i, len;

	if (!obj) {
		if (!err.msg[0])
			abort(); /* a failure must say why */
		return 0;
	}
	for (i = 0; i < vx_obj_prog_count(obj); i++) {
		const struct vx_insn *insns = vx_prog_insns(vx_obj_prog(obj, i), &len);

		if (vx_check(insns, len, VX_CHECK_PSEUDO, &err)) {
			fprintf(stderr, "loaded program fails vx_check: %s\n", err.msg);
			abort();
		}
	}
	vx_obj_close(obj);
	return 0;
}
