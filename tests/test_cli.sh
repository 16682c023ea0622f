#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-2-Clause
# test_cli.sh - the command-line contracts of `vxdp asm|disasm` and `vxdp-bpf-plugin`, in TAP.
# Needs VXDP and VXDP_PLUGIN (set by meson) pointing at the built programs.
set -u
n=0
failed=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

check() { # description, then a command that must succeed
	local what=$1
	shift
	n=$((n + 1))
	if "$@" >"$tmp/out" 2>&1; then
		echo "ok $n - $what"
	else
		failed=$((failed + 1))
		echo "not ok $n - $what"
		sed 's/^/# /' "$tmp/out"
	fi
}


cat >"$tmp/prog.s" <<'ASM'
# sum the first two bytes of memory
ldxb %r0, [%r1]
ldxb %r2, [%r1+1]
add %r0, %r2
jeq %r0, 0, zero
exit
zero:
mov %r0, 0xdead
exit
ASM

check "vxdp asm --hex prints one slot per line" \
	bash -c "'$VXDP' asm --hex '$tmp/prog.s' > '$tmp/prog.hex' && [ \$(wc -l < '$tmp/prog.hex') -eq 7 ] &&
		head -1 '$tmp/prog.hex' | grep -qx '71 10 00 00 00 00 00 00'"
check "vxdp asm -o writes raw bytecode" \
	bash -c "'$VXDP' asm '$tmp/prog.s' -o '$tmp/prog.bin' && [ \$(stat -c %s '$tmp/prog.bin') -eq 56 ]"
check "vxdp disasm round-trips through vxdp asm" \
	bash -c "'$VXDP' disasm '$tmp/prog.bin' > '$tmp/back.s' && '$VXDP' asm '$tmp/back.s' -o '$tmp/back.bin' &&
		cmp '$tmp/prog.bin' '$tmp/back.bin'"
check "vxdp disasm --hex reads the plugin's hex format" \
	bash -c "'$VXDP' disasm --hex '$tmp/prog.hex' | grep -q 'ldxb %r2, \[%r1+1\]'"

printf 'mov %%r0, 1\n\nbogus %%r1\nexit\n' >"$tmp/bad.s"
check "an assembler error names the file and line, exit 1" \
	bash -c "! '$VXDP' asm --hex '$tmp/bad.s' 2>'$tmp/err' && grep -q 'bad.s:3:' '$tmp/err'"
printf '\x95\x00\x00' >"$tmp/short.bin"
check "disasm rejects a truncated slot" \
	bash -c "! '$VXDP' disasm '$tmp/short.bin' 2>'$tmp/err' && grep -q 'multiple of 8' '$tmp/err'"
check "an unknown command exits 2 with a message" \
	bash -c "'$VXDP' frobnicate 2>'$tmp/err'; [ \$? -eq 2 ] && grep -q \"unknown command 'frobnicate'\" '$tmp/err'"

check "the plugin runs a program over memory and prints r0 in hex" \
	bash -c "[ \"\$('$VXDP_PLUGIN' '01 02 03' < '$tmp/prog.hex')\" = 3 ]"
check "the plugin accepts --engine interp anywhere" \
	bash -c "[ \"\$('$VXDP_PLUGIN' 'fe 01' --engine interp < '$tmp/prog.hex')\" = ff ] &&
		[ \"\$('$VXDP_PLUGIN' --engine interp '00 00' < '$tmp/prog.hex')\" = dead ]"
check "the plugin without memory passes r1 = r2 = 0" \
	bash -c "echo 'bf 20 00 00 00 00 00 00 95 00 00 00 00 00 00 00' | '$VXDP_PLUGIN' | grep -qx 0"
check "the plugin reports an out-of-bounds read on stderr, exit 1" \
	bash -c "'$VXDP_PLUGIN' '01' < '$tmp/prog.hex' 2>'$tmp/err'; [ \$? -eq 1 ] && grep -q 'insn 1: out-of-bounds read' '$tmp/err'"
check "the plugin rejects a malformed encoding, exit 1" \
	bash -c "echo 'b7 00 01 00 01 00 00 00 95 00 00 00 00 00 00 00' | '$VXDP_PLUGIN' 2>'$tmp/err'; [ \$? -eq 1 ] &&
		grep -q 'insn 0: invalid offset 1' '$tmp/err'"
check "the plugin says plainly that the JIT is not built, exit 2" \
	bash -c "'$VXDP_PLUGIN' --engine jit < '$tmp/prog.hex' 2>'$tmp/err'; [ \$? -eq 2 ] && grep -q 'JIT' '$tmp/err'"
check "the plugin rejects an unknown engine, exit 2" \
	bash -c "'$VXDP_PLUGIN' --engine foo < '$tmp/prog.hex' 2>'$tmp/err'; [ \$? -eq 2 ] && grep -q \"unknown engine 'foo'\" '$tmp/err'"
check "the plugin rejects bad memory hex, exit 2" \
	bash -c "'$VXDP_PLUGIN' 'zz' < '$tmp/prog.hex' 2>'$tmp/err'; [ \$? -eq 2 ] && grep -q 'bad hex' '$tmp/err'"

echo "1..$n"
[ "$failed" -eq 0 ]
