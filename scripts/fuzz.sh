#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-2-Clause
# scripts/fuzz.sh SECONDS - what `make fuzz` runs: every libFuzzer target for SECONDS, seeded with
# the bpf_conformance programs (assembled by vxdp) and the test objects, corpus kept in
# fuzz-corpus/. FUZZ_TARGETS="interp obj" picks targets.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-600}
# undefined behaviour is a finding like a crash: stop on the first report
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
conf=${CONFORMANCE_DIR:-../shared/conformance/bpf_conformance}
[ -f build-fuzz/build.ninja ] || CC=clang meson setup build-fuzz -Dfuzz=true \
	-Db_sanitize=address,undefined -Db_lundef=false >/dev/null
ninja -C build-fuzz >/dev/null
[ -f build/build.ninja ] || meson setup build >/dev/null
ninja -C build >/dev/null
mkdir -p fuzz-corpus/interp fuzz-corpus/asm fuzz-corpus/obj
cp build-fuzz/tests/progs/*.o build-fuzz/tests/xdp/*.o fuzz-corpus/obj/ 2>/dev/null || true
tmp_bin=$(mktemp)
trap 'rm -f "$tmp_bin"' EXIT
if [ -d "$conf/tests" ]; then
	for f in "$conf"/tests/*.data; do
		base=$(basename "$f" .data)
		awk '/^-- /{s=$2; next} s=="asm"' "$f" >"fuzz-corpus/asm/$base"
		# interp seeds: a zero memory-length byte, then the bytecode
		if build/tools/vxdp asm "fuzz-corpus/asm/$base" -o "$tmp_bin" 2>/dev/null; then
			{ printf '\0'; cat "$tmp_bin"; } >"fuzz-corpus/interp/$base"
		fi
	done 2>/dev/null || true
fi
for t in ${FUZZ_TARGETS:-interp asm obj}; do
	echo "== fuzz_$t for ${secs}s"
	build-fuzz/fuzz/fuzz_$t -max_total_time="$secs" -rss_limit_mb=2048 -print_final_stats=1 \
		-artifact_prefix=fuzz-corpus/ "fuzz-corpus/$t" 2>&1 | tail -n 12
done
