#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-2-Clause
# scripts/run-tests.sh - what `make test` runs: every test in three builds, one summary line.
#   build       gcc, -Werror: the whole suite
#   build-asan  gcc with AddressSanitizer and UndefinedBehaviorSanitizer: the whole suite
#   build-fuzz  clang: each libFuzzer target for FUZZ_SMOKE_SECONDS (default 20)
# Ends with "N passed, N failed[, N skipped]" counted over TAP results; exit status 1 on failure.
set -u
cd "$(dirname "$0")/.."
smoke=${FUZZ_SMOKE_SECONDS:-20}
logs=()
status=0

setup() { # dir, meson options...
	local dir=$1
	shift
	if [ ! -f "$dir/build.ninja" ]; then
		meson setup "$dir" "$@" >"$dir.setup.log" 2>&1 || { cat "$dir.setup.log"; return 1; }
	fi
	meson configure "$dir" "$@" >/dev/null || return 1
	ninja -C "$dir" >"$dir.build.log" 2>&1 || { cat "$dir.build.log"; return 1; }
}

run() { # dir, description, setup options...
	local dir=$1 what=$2
	shift 2
	echo "== $what ($dir)"
	if ! setup "$dir" "$@"; then
		echo "== $what: build failed"
		status=1
		logs+=("BUILD-FAILED:$what")
		return
	fi
	meson test -C "$dir" --print-errorlogs --num-processes 2 "${MESON_TEST_ARGS[@]}" || status=1
	logs+=("$dir/meson-logs/testlog.json")
}

MESON_TEST_ARGS=(--no-suite fuzz)
run build "gcc, -Werror"
run build-asan "gcc, ASan+UBSan" -Db_sanitize=address,undefined -Db_lundef=false
if command -v clang >/dev/null; then
	MESON_TEST_ARGS=(--suite fuzz)
	CC=clang run build-fuzz "clang, libFuzzer smoke run of ${smoke}s per target" \
		-Dfuzz=true -Dfuzz_seconds="$smoke" -Db_sanitize=address,undefined -Db_lundef=false
else
	echo "== fuzz: skipped: clang is not installed"
fi

python3 scripts/tap-summary.py "${logs[@]}" || status=1
exit $status
