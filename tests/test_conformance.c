// SPDX-License-Identifier: BSD-2-Clause
/*
 * test_conformance.c - runs the bpf_conformance suite through the assembler, the decoder and the
 * checked interpreter, one TAP line per file.
 *
 * Usage: test_conformance TESTS_DIR NEGATIVE_DIR
 * Every file of TESTS_DIR must give its `-- result` (or be rejected when it has `-- error`);
 * every file of NEGATIVE_DIR must be rejected: by the assembler, the decoder or the interpreter,
 * or (for a file with `-- result` only) by producing a different result.
 */
#include <dirent.h>
#include <errno.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vxbpf/asm.h"
#include "vxbpf/interp.h"
#include "vxbpf/prog.h"

struct tcase {
	char *asm_text; /* NULL when absent */
	char *raw_text;
	char *mem_text;
	char *result_text;
	bool has_error;
	bool has_unknown_section;
};

enum outcome { PASSED, REJECTED, MISMATCH, UNSUPPORTED };

static int tap_no, n_fail, n_skip;

static char *read_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long n;

	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	buf = malloc((size_t)n + 1);
	if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
		free(buf);
		buf = NULL;
	}
	if (buf)
		buf[n] = '\0';
	fclose(f);
	return buf;
}

static void append(char **dst, const char *line, size_t n)
{
	size_t old = *dst ? strlen(*dst) : 0;
	char *p = realloc(*dst, old + n + 2);

	if (!p)
		abort();
	memcpy(p + old, line, n);
	p[old + n] = '\n';
	p[old + n + 1] = '\0';
	*dst = p;
}

/* Where the lines of section name go; NULL for sections that are only information. */
static char **section_slot(struct tcase *tc, const char *name)
{
	if (!strcmp(name, "asm"))
		return &tc->asm_text;
	if (!strcmp(name, "raw"))
		return &tc->raw_text;
	if (!strcmp(name, "mem"))
		return &tc->mem_text;
	if (!strcmp(name, "result"))
		return &tc->result_text;
	if (!strcmp(name, "error")) {
		tc->has_error = true;
		return NULL;
	}
	if (strcmp(name, "c") && strcmp(name, "no register offset"))
		tc->has_unknown_section = true;
	return NULL;
}

static void parse(char *text, struct tcase *tc)
{
	char **cur = NULL;
	char *line = text, *next;

	memset(tc, 0, sizeof(*tc));
	for (; line && *line; line = next) {
		size_t n;

		next = strchr(line, '\n');
		n = next ? (size_t)(next - line) : strlen(line);
		if (next)
			next++;
		if (!strncmp(line, "-- ", 3)) {
			char name[64];

			snprintf(name, sizeof(name), "%.*s", (int)(n - 3), line + 3);
			name[strcspn(name, "\r")] = '\0';
			cur = section_slot(tc, name);
			if (cur && !*cur)
				append(cur, "", 0);
			continue;
		}
		if (cur)
			append(cur, line, n);
	}
}

static void free_case(struct tcase *tc)
{
	free(tc->asm_text);
	free(tc->raw_text);
	free(tc->mem_text);
	free(tc->result_text);
}

/* Hex bytes separated by whitespace, e.g. "aa bb 11". Returns the count, -1 on bad input. */
static long parse_bytes(const char *s, uint8_t **out)
{
	size_t cap = 64, n = 0;
	uint8_t *b = malloc(cap);

	while (b && *s) {
		char *end;
		unsigned long v;

		if (strchr(" \t\r\n", *s)) {
			s++;
			continue;
		}
		v = strtoul(s, &end, 16);
		if (end == s || v > 0xff) {
			free(b);
			return -1;
		}
		s = end;
		if (n == cap)
			b = realloc(b, cap *= 2);
		if (b)
			b[n++] = (uint8_t)v;
	}
	*out = b;
	return b ? (long)n : -1;
}

/*
 * `-- raw` holds either one 64-bit word per line ("0x5566778800000018") or the 8 bytes of a slot
 * separated by spaces ("07 00 01 00 ...").
 */
static int parse_raw(const char *text, struct vx_insn **insns, size_t *len)
{
	uint8_t *bytes = NULL;
	size_t n = 0;
	char *copy = strdup(text), *line, *save = NULL;
	int ret = 0;

	for (line = strtok_r(copy, "\n", &save); line && !ret; line = strtok_r(NULL, "\n", &save)) {
		uint8_t *lb;
		long k;

		line += strspn(line, " \t\r");
		if (!*line || *line == '#')
			continue;
		if (!strncmp(line, "0x", 2) && !strchr(line, ' ')) {
			uint64_t w = strtoull(line, NULL, 16);

			bytes = realloc(bytes, n + 8);
			for (k = 0; k < 8; k++)
				bytes[n++] = (uint8_t)(w >> (8 * k));
			continue;
		}
		k = parse_bytes(line, &lb);
		if (k < 0) {
			ret = -1;
			break;
		}
		bytes = realloc(bytes, n + (size_t)k + 1);
		memcpy(bytes + n, lb, (size_t)k);
		n += (size_t)k;
		free(lb);
	}
	free(copy);
	if (!ret)
		ret = vx_decode(bytes, n, insns, len, NULL);
	free(bytes);
	return ret;
}

/* Assemble and/or decode the program; when both forms are present they must agree. */
static int load_program(const struct tcase *tc, struct vx_insn **insns, size_t *len, char *why,
			size_t whylen)
{
	struct vx_insn *a = NULL, *r = NULL;
	size_t na = 0, nr = 0;
	struct vx_error err;
	char buf[320];

	if (!tc->asm_text && !tc->raw_text)
		return snprintf(why, whylen, "no program"), -1;
	if (tc->asm_text && vx_assemble(tc->asm_text, &a, &na, &err))
		return snprintf(why, whylen, "assembler: %s", vx_error_str(&err, buf, sizeof(buf))),
		       -1;
	if (tc->raw_text && parse_raw(tc->raw_text, &r, &nr)) {
		free(a);
		return snprintf(why, whylen, "malformed raw section"), -1;
	}
	if (a && r && !vx_insns_equal(a, na, r, nr)) {
		free(a);
		free(r);
		return snprintf(why, whylen, "asm and raw sections differ"), -1;
	}
	if (a) {
		free(r);
		*insns = a;
		*len = na;
	} else {
		*insns = r;
		*len = nr;
	}
	return 0;
}

static enum outcome run_case(const struct tcase *tc, char *why, size_t whylen)
{
	struct vx_insn *insns = NULL;
	size_t len = 0;
	uint8_t *mem = NULL;
	long memlen = 0;
	struct vx_error err;
	struct vx_env env;
	uint64_t args[2] = { 0, 0 }, r0 = 0, want;
	enum outcome out = PASSED;
	char buf[320];

	if (tc->has_unknown_section)
		return snprintf(why, whylen, "unknown section"), REJECTED;
	if (!tc->result_text && !tc->has_error)
		return snprintf(why, whylen, "no expected result"), REJECTED;
	if (load_program(tc, &insns, &len, why, whylen))
		return REJECTED;
	if (vx_check(insns, len, 0, &err)) {
		snprintf(why, whylen, "decoder: %s", vx_error_str(&err, buf, sizeof(buf)));
		free(insns);
		return strstr(err.msg, "callx") ? UNSUPPORTED : REJECTED;
	}
	if (tc->mem_text && (memlen = parse_bytes(tc->mem_text, &mem)) < 0) {
		free(insns);
		return snprintf(why, whylen, "malformed mem section"), REJECTED;
	}
	vx_env_init(&env);
	if (memlen > 0) {
		vx_env_add_region(&env, mem, (size_t)memlen, VX_MEM_READ | VX_MEM_WRITE);
		args[0] = (uint64_t)(uintptr_t)mem;
		args[1] = (uint64_t)memlen;
	}
	if (vx_interp_run(insns, len, &env, args, 2, &r0, &err)) {
		snprintf(why, whylen, "interpreter: %s", vx_error_str(&err, buf, sizeof(buf)));
		out = REJECTED;
	} else if (tc->has_error) {
		snprintf(why, whylen, "ran to r0=0x%" PRIx64 " but an error was expected", r0);
		out = MISMATCH;
	} else {
		want = strtoull(tc->result_text, NULL, 16);
		if (r0 != want) {
			snprintf(why, whylen, "r0=0x%" PRIx64 ", expected 0x%" PRIx64, r0, want);
			out = MISMATCH;
		}
	}
	free(mem);
	free(insns);
	return out;
}

static void report(bool ok, const char *name, const char *detail, bool skip)
{
	tap_no++;
	if (skip) {
		n_skip++;
		printf("ok %d - %s # SKIP %s\n", tap_no, name, detail);
		return;
	}
	if (!ok)
		n_fail++;
	printf("%sok %d - %s%s%s\n", ok ? "" : "not ", tap_no, name, *detail ? ": " : "", detail);
}

static void one_file(const char *dir, const char *name, bool negative)
{
	char path[4096], why[512] = "";
	struct tcase tc;
	enum outcome out;
	char *text;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	text = read_file(path);
	if (!text) {
		report(false, name, strerror(errno), false);
		return;
	}
	parse(text, &tc);
	out = run_case(&tc, why, sizeof(why));
	free_case(&tc);
	free(text);
	if (out == UNSUPPORTED) {
		report(true, name, why, true);
		return;
	}
	if (negative) {
		report(out != PASSED, name, out == PASSED ? "accepted, must be rejected" : why,
		       false);
		return;
	}
	if (tc.has_error)
		report(out == REJECTED, name, out == REJECTED ? "" : why, false);
	else
		report(out == PASSED, name, why, false);
}

static int by_name(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

static int run_dir(const char *dir, bool negative)
{
	struct dirent **ents;
	int n, i, count = 0;

	n = scandir(dir, &ents, NULL, by_name);
	if (n < 0) {
		printf("Bail out! cannot read %s: %s\n", dir, strerror(errno));
		exit(1);
	}
	for (i = 0; i < n; i++) {
		size_t l = strlen(ents[i]->d_name);

		if (l > 5 && !strcmp(ents[i]->d_name + l - 5, ".data")) {
			one_file(dir, ents[i]->d_name, negative);
			count++;
		}
		free(ents[i]);
	}
	free(ents);
	return count;
}

int main(int argc, char **argv)
{
	int total;

	if (argc != 3) {
		printf("1..0 # SKIP usage: %s TESTS_DIR NEGATIVE_DIR\n", argv[0]);
		return 0;
	}
	total = run_dir(argv[1], false);
	total += run_dir(argv[2], true);
	printf("1..%d\n", total);
	fprintf(stderr, "conformance: %d files, %d failed, %d unsupported\n", total, n_fail,
		n_skip);
	return n_fail ? 1 : 0;
}
