// SPDX-License-Identifier: BSD-2-Clause
/*
 * fuzz_asm.c - libFuzzer target: random text through the assembler; whatever assembles must
 * disassemble and assemble back to the same bytes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vxbpf/asm.h"
#include "vxbpf/prog.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct vx_insn *a, *b;
	struct vx_error err;
	size_t na, nb, textlen;
	char *src, *text;
	FILE *f;

	src = malloc(size + 1);
	memcpy(src, data, size);
	src[size] = '\0';
	if (vx_assemble(src, &a, &na, &err)) {
		free(src);
		return 0;
	}
	free(src);
	f = open_memstream(&text, &textlen);
	vx_disasm(a, na, f);
	fclose(f);
	if (vx_assemble(text, &b, &nb, &err)) {
		fprintf(stderr, "disassembly does not assemble: %s\n%s", err.msg, text);
		abort();
	}
	if (!vx_insns_equal(a, na, b, nb)) {
		fprintf(stderr, "round trip changed the program\n%s", text);
		abort();
	}
	free(a);
	free(b);
	free(text);
	return 0;
}
