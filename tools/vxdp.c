// SPDX-License-Identifier: BSD-2-Clause
/*
 * vxdp - the command-line tool: `vxdp asm`, `vxdp disasm`, `vxdp prog`, `vxdp port`,
 * `vxdp stats`, and (as they land) `map` and `top`. Errors go to stderr with a non-zero exit
 * status (2 for usage).
 */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "util.h"
#include "vxbpf/asm.h"
#include "vxbpf/prog.h"

static void usage(FILE *out)
{
	fprintf(out,
		"usage: vxdp COMMAND [ARGS]\n"
		"\n"
		"local commands (no daemon):\n"
		"  asm FILE [-o OUT] [--hex]   assemble eBPF text (bpf_conformance syntax) into\n"
		"                              bytecode: raw little-endian slots to OUT or stdout,\n"
		"                              or hex bytes with --hex\n"
		"  disasm FILE [--hex]         disassemble bytecode (raw, or hex text with --hex);\n"
		"                              FILE may be - for stdin\n"
		"  prog run OBJECT [--prog NAME] [--map NAME:KEYHEX=VALUEHEX]...\n"
		"           [--engine interp|jit] [--repeat N] [--json] --data-in FILE...\n"
		"                              run an XDP program over frames (one per file)\n"
		"  prog show OBJECT [--json]   list an object's programs and maps\n"
		"  prog dump OBJECT [--prog NAME]\n"
		"                              disassemble programs after relocation\n"
		"  prog verify OBJECT [--prog NAME] [-v] [--guest]\n"
		"                              prove programs safe (exit 0) or say why not (1)\n"
		"\n"
		"commands that talk to a running vxdpd (--ctl PATH: its control socket):\n"
		"  port list [--json]          its ports (index, ifindex = index + 1, ...)\n"
		"  stats [--json]              its counters, per port and per XDP action\n"
		"  top [--count N]             live per-port counters per action, every second\n"
		"  prog attach PORT OBJECT [--prog NAME] [--engine interp|jit] [--ifindex N]\n"
		"                              load OBJECT (read by vxdpd) and attach a program\n"
		"                              to PORT's XDP hook, replacing what was attached\n"
		"  prog detach PORT            detach PORT's program (back to plain forwarding)\n"
		"  prog list [PORT] [--json]   objects, attached programs, policy, counters\n"
		"  map dump PORT MAP           entries of a map of PORT's objects (MAP: NAME or\n"
		"                              ID/NAME); keys and values in hex, memory order\n"
		"  map lookup|delete PORT MAP KEYHEX\n"
		"  map update PORT MAP KEYHEX VALUEHEX\n"
		"  policy allow-redirect FROM TO [--deny]\n"
		"                              let FROM's program redirect to port TO (or not)\n"
		"\n"
		"  help                        this text\n"
		"prog run|show|dump|verify work on local files without a daemon.\n");
}

static int write_program(const struct vx_insn *insns, size_t len, const char *out, bool hex)
{
	FILE *f = stdout;
	size_t i;
	int j;

	if (out && !(f = fopen(out, "wb"))) {
		util_err("cannot write %s: %s", out, strerror(errno));
		return 1;
	}
	if (!out && !hex && isatty(STDOUT_FILENO)) {
		util_err("refusing to write bytecode to a terminal; use -o FILE or --hex");
		return 1;
	}
	for (i = 0; i < len; i++) {
		uint8_t b[VX_INSN_SIZE];

		vx_insn_encode(&insns[i], b);
		if (!hex) {
			fwrite(b, 1, sizeof(b), f);
			continue;
		}
		for (j = 0; j < VX_INSN_SIZE; j++)
			fprintf(f, "%02x%s", b[j], j == VX_INSN_SIZE - 1 ? "\n" : " ");
	}
	if (f != stdout ? fclose(f) : fflush(f)) {
		util_err("write failed: %s", strerror(errno));
		return 1;
	}
	return 0;
}

static int cmd_asm(int argc, char **argv)
{
	const char *path = NULL, *out = NULL;
	bool hex = false;
	struct vx_insn *insns;
	struct vx_error err;
	size_t size, len;
	char *text;
	int i, ret;

	for (i = 0; i < argc; i++) {
		if (!strcmp(argv[i], "-o") && i + 1 < argc)
			out = argv[++i];
		else if (!strcmp(argv[i], "--hex"))
			hex = true;
		else if (!path)
			path = argv[i];
		else
			return util_err("asm: unexpected argument '%s'", argv[i]), 2;
	}
	if (!path)
		return util_err("asm: missing FILE"), 2;
	text = (char *)util_read_path(path, &size);
	if (!text)
		return util_err("cannot read %s: %s", path, strerror(errno)), 1;
	if (strlen(text) != size) {
		free(text);
		return util_err("%s: not a text file (NUL byte)", path), 1;
	}
	ret = vx_assemble(text, &insns, &len, &err);
	free(text);
	if (ret)
		return util_err("%s:%d: %s", path, err.line, err.msg), 1;
	ret = write_program(insns, len, out, hex);
	free(insns);
	return ret;
}

static int cmd_disasm(int argc, char **argv)
{
	const char *path = NULL;
	bool hex = false;
	struct vx_insn *insns;
	struct vx_error err;
	uint8_t *data, *code;
	size_t size, codelen, len;
	char msg[320];
	int i;

	for (i = 0; i < argc; i++) {
		if (!strcmp(argv[i], "--hex"))
			hex = true;
		else if (!path)
			path = argv[i];
		else
			return util_err("disasm: unexpected argument '%s'", argv[i]), 2;
	}
	if (!path)
		return util_err("disasm: missing FILE"), 2;
	data = util_read_path(path, &size);
	if (!data)
		return util_err("cannot read %s: %s", path, strerror(errno)), 1;
	code = data;
	codelen = size;
	if (hex && !(code = util_parse_hex((char *)data, &codelen, msg, sizeof(msg)))) {
		free(data);
		return util_err("%s: %s", path, msg), 1;
	}
	if (vx_decode(code, codelen, &insns, &len, &err)) {
		if (code != data)
			free(code);
		free(data);
		return util_err("%s: %s", path, vx_error_str(&err, msg, sizeof(msg))), 1;
	}
	if (code != data)
		free(code);
	free(data);
	vx_disasm(insns, len, stdout);
	free(insns);
	return 0;
}

int main(int argc, char **argv)
{
	const char *cmd = argc > 1 ? argv[1] : NULL;

	util_prog_name = "vxdp";
	if (!cmd) {
		usage(stderr);
		return 2;
	}
	if (!strcmp(cmd, "help") || !strcmp(cmd, "-h") || !strcmp(cmd, "--help")) {
		usage(stdout);
		return 0;
	}
	if (!strcmp(cmd, "asm"))
		return cmd_asm(argc - 2, argv + 2);
	if (!strcmp(cmd, "disasm"))
		return cmd_disasm(argc - 2, argv + 2);
	if (!strcmp(cmd, "prog") && argc > 2 && cmd_prog_is_remote(argv[2]))
		return cmd_prog_remote(argc - 2, argv + 2);
	if (!strcmp(cmd, "prog"))
		return cmd_prog(argc - 2, argv + 2);
	if (!strcmp(cmd, "map"))
		return cmd_map(argc - 2, argv + 2);
	if (!strcmp(cmd, "policy"))
		return cmd_policy(argc - 2, argv + 2);
	if (!strcmp(cmd, "top"))
		return cmd_top(argc - 2, argv + 2);
	if (!strcmp(cmd, "port"))
		return cmd_port(argc - 2, argv + 2);
	if (!strcmp(cmd, "stats"))
		return cmd_stats(argc - 2, argv + 2);
	util_err("unknown command '%s'; try 'vxdp help'", cmd);
	return 2;
}
