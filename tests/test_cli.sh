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
check "the plugin runs the JIT with --engine jit, same r0 as the interpreter" \
	bash -c "[ \"\$('$VXDP_PLUGIN' --engine jit '01 02 03' < '$tmp/prog.hex')\" = 3 ] &&
		[ \"\$('$VXDP_PLUGIN' '00 00' --engine jit < '$tmp/prog.hex')\" = dead ]"
check "under --engine jit a faulting program is stopped by the interpreter's dry run, exit 1" \
	bash -c "'$VXDP_PLUGIN' --engine jit '01' < '$tmp/prog.hex' 2>'$tmp/err'; [ \$? -eq 1 ] && grep -q 'out-of-bounds read' '$tmp/err'"
check "the plugin rejects an unknown engine, exit 2" \
	bash -c "'$VXDP_PLUGIN' --engine foo < '$tmp/prog.hex' 2>'$tmp/err'; [ \$? -eq 2 ] && grep -q \"unknown engine 'foo'\" '$tmp/err'"
check "the plugin rejects bad memory hex, exit 2" \
	bash -c "'$VXDP_PLUGIN' 'zz' < '$tmp/prog.hex' 2>'$tmp/err'; [ \$? -eq 2 ] && grep -q 'bad hex' '$tmp/err'"

# --- vxdp prog run|show|dump (PROGS_DIR holds the compiled tests/progs objects) ---
obj="$PROGS_DIR/cli_count.o"
printf '\x02\x00\x00\x00\x00\x01\x02\x00\x00\x00\x00\x02\x08\x00\x45\x00' >"$tmp/ipv4.bin"
printf '\x02\x00\x00\x00\x00\x01\x02\x00\x00\x00\x00\x02\x86\xdd\x60\x00' >"$tmp/ipv6.bin"
json_get() { # file, python expression over j
	python3 -c "import json,sys; j=json.load(open(sys.argv[1])); print($2)" "$1"
}
check "prog run --json: the contract's shape, the default program, map contents after the frames" \
	bash -c "'$VXDP' prog run '$obj' --data-in '$tmp/ipv4.bin' --data-in '$tmp/ipv6.bin' --data-in '$tmp/ipv4.bin' --json >'$tmp/run.json' &&
		[ \"\$(python3 -c \"import json; j=json.load(open('$tmp/run.json')); print(j['prog'], len(j['runs']), j['runs'][0]['retval'], j['runs'][0]['data_out'][:8], type(j['runs'][0]['duration_ns']).__name__, sorted((e['key'], e['value']) for e in j['maps']['by_type']), j['maps']['frames'][0]['values'])\")\" = \"count 3 2 02000000 int [('0800', '0200000000000000'), ('86dd', '0100000000000000')] ['0300000000000000']\" ]"
check "prog run --map sets an entry before the first frame; --prog picks a program" \
	bash -c "[ \"\$('$VXDP' prog run '$obj' --map verdict:00000000=01000000 --data-in '$tmp/ipv4.bin' --json | python3 -c 'import json,sys; print(json.load(sys.stdin)[\"runs\"][0][\"retval\"])')\" = 1 ] &&
		[ \"\$('$VXDP' prog run '$obj' --prog drop_all --data-in '$tmp/ipv4.bin' --json | python3 -c 'import json,sys; print(json.load(sys.stdin)[\"prog\"])')\" = drop_all ]"
check "prog run --map on a per-CPU map gives the value to every CPU" \
	bash -c "'$VXDP' prog run '$obj' --map frames:00000000=0a00000000000000 --data-in '$tmp/ipv4.bin' --json | grep -q '\"values\": *\[ *\"0b00000000000000\"'"
check "prog run --repeat runs each frame N times (maps see every run)" \
	bash -c "'$VXDP' prog run '$obj' --repeat 5 --data-in '$tmp/ipv4.bin' --json | grep -q '\"key\": *\"0800\", *\"value\": *\"0500000000000000\"'"
check "prog run prints a readable summary without --json" \
	bash -c "'$VXDP' prog run '$obj' --data-in '$tmp/ipv4.bin' | grep -q 'retval 2 (XDP_PASS), 16 bytes out'"
check "prog run without --data-in is a usage error (exit 2)" \
	bash -c "'$VXDP' prog run '$obj' 2>'$tmp/err'; [ \$? -eq 2 ] && grep -q 'data-in' '$tmp/err'"
check "prog run --map with an unknown map or wrong sizes: exit 2, named" \
	bash -c "'$VXDP' prog run '$obj' --map nosuch:00=00 --data-in '$tmp/ipv4.bin' 2>'$tmp/err'; [ \$? -eq 2 ] && grep -q \"no map named 'nosuch'\" '$tmp/err' &&
		{ '$VXDP' prog run '$obj' --map verdict:00=00 --data-in '$tmp/ipv4.bin' 2>'$tmp/err'; [ \$? -eq 2 ]; } && grep -q 'wants 4 and 4' '$tmp/err'"
check "prog run on something that is not an object: exit 1, said so" \
	bash -c "'$VXDP' prog run '$tmp/ipv4.bin' --data-in '$tmp/ipv4.bin' 2>'$tmp/err'; [ \$? -eq 1 ] && [ -s '$tmp/err' ]"
check "prog run --prog with an unknown name: exit 1" \
	bash -c "'$VXDP' prog run '$obj' --prog nosuch --data-in '$tmp/ipv4.bin' 2>'$tmp/err'; [ \$? -eq 1 ] && grep -q \"no program named 'nosuch'\" '$tmp/err'"
check "prog run refuses a runt frame as the kernel's test run does: exit 1" \
	bash -c "printf 'abc' >'$tmp/runt.bin'; '$VXDP' prog run '$obj' --data-in '$tmp/runt.bin' 2>'$tmp/err'; [ \$? -eq 1 ] && grep -q 'shorter than an Ethernet header' '$tmp/err'"
check "prog run --engine jit verifies, compiles and gives the interpreter's results; --repeat 0 is refused" \
	bash -c "'$VXDP' prog run '$obj' --engine jit --data-in '$tmp/ipv4.bin' --data-in '$tmp/ipv6.bin' --json >'$tmp/jit.json' &&
		'$VXDP' prog run '$obj' --data-in '$tmp/ipv4.bin' --data-in '$tmp/ipv6.bin' --json >'$tmp/int.json' &&
		python3 -c \"import json,sys
def norm(f):
    j = json.load(open(f))
    for r in j['runs']: del r['duration_ns']
    j['maps'] = {k: sorted(v, key=json.dumps) for k, v in j['maps'].items()}
    return j
sys.exit(norm('$tmp/jit.json') != norm('$tmp/int.json'))\" &&
		{ '$VXDP' prog run '$obj' --repeat 0 --data-in '$tmp/ipv4.bin' 2>/dev/null; [ \$? -eq 2 ]; }"
check "prog run --engine jit refuses a program the verifier rejects (exit 1, reason named)" \
	bash -c "'$VXDP' prog run '$PROGS_DIR/unsafe_pkt.o' --engine jit --data-in '$tmp/ipv4.bin' >/dev/null 2>'$tmp/err'; [ \$? -eq 1 ] &&
		grep -q 'program unchecked: .*packet' '$tmp/err' &&
		'$VXDP' prog verify '$PROGS_DIR/unsafe_pkt.o' >/dev/null 2>&1; [ \$? -eq 1 ]"
check "prog show lists programs and maps (and --json parses)" \
	bash -c "'$VXDP' prog show '$obj' | grep -q 'map by_type: hash  key 2 B  value 8 B  max_entries 16' &&
		'$VXDP' prog show '$obj' --json | python3 -c 'import json,sys; j=json.load(sys.stdin); assert [p[\"name\"] for p in j[\"programs\"]] == [\"count\", \"drop_all\"]'"
check "prog show marks maps pinned by name, says they are the object's own here (--json: pinning)" \
	bash -c "'$VXDP' prog show '$PROGS_DIR/obj_pinned.o' >'$tmp/show' &&
		grep -q 'map counters: array  key 4 B  value 8 B  max_entries 4  flags 0x0  pinned by name' '$tmp/show' &&
		grep -q 'map local: array .*flags 0x0\$' '$tmp/show' && grep -q '^note: maps pinned by name are the object.s own' '$tmp/show' &&
		! '$VXDP' prog show '$obj' | grep -q 'pinned' &&
		'$VXDP' prog show '$PROGS_DIR/obj_pinned.o' --json | python3 -c 'import json,sys; j=json.load(sys.stdin); assert {m[\"name\"]: m[\"pinning\"] for m in j[\"maps\"]} == {\"counters\": \"by_name\", \"local\": \"none\", \"jumps\": \"by_name\", \"cfg\": \"by_name\"}'"
check "prog dump shows relocated map references by name and helper names" \
	bash -c "'$VXDP' prog dump '$obj' --prog count >'$tmp/dump' && grep -q 'lddw %r1, map verdict' '$tmp/dump' &&
		grep -q 'bpf_map_lookup_elem' '$tmp/dump' && ! grep -q drop_all '$tmp/dump'"

check "prog verify accepts a safe program (exit 0) and names the reason of a refusal (exit 1)" \
	bash -c "'$VXDP' prog verify '$obj' | grep -q 'count: accepted' &&
		'$VXDP' prog verify '$PROGS_DIR/obj_globals.o' --guest >'$tmp/out' 2>&1; [ \$? -eq 1 ] && grep -q 'insn [0-9]*: ' '$tmp/out'"
check "prog verify without an object is a usage error (exit 2)" \
	bash -c "'$VXDP' prog verify 2>/dev/null; [ \$? -eq 2 ]"

echo "1..$n"
[ "$failed" -eq 0 ]
