#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-2-Clause
# scripts/deps.sh - install the Debian packages vxdp needs to build and test.
# Idempotent: checks each package and installs only what is missing; prints nothing when all
# are present. Called by `make` and `make test`.
set -eu

pkgs=(
	build-essential pkg-config meson ninja-build python3
	clang llvm libclang-rt-dev
	libelf-dev zlib1g-dev liburcu-dev libbpf-dev linux-libc-dev bpftool libjson-c-dev
	# tests/test_xdp_tools.c: xdp-tools' real BPF objects (/usr/lib/<multiarch>/bpf/*.o)
	libxdp1
	# tests/tap, tests/qemu: tap ports in a network namespace; a Debian guest under QEMU (TCG)
	qemu-system-x86 busybox-static kmod cpio iproute2
	# tests/dpdk, bench/pvp: DPDK testpmd (Debian ships dpdk-testpmd in dpdk-dev)
	dpdk-dev
)

missing=()
for p in "${pkgs[@]}"; do
	status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
	[ "$status" = "install ok installed" ] || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
if [ "$(id -u)" -ne 0 ]; then
	if ! command -v sudo >/dev/null 2>&1; then
		echo "deps.sh: missing packages: ${missing[*]}" >&2
		echo "deps.sh: run as root, or install them with apt-get" >&2
		exit 1
	fi
	sudo=sudo
fi
echo "deps.sh: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq >/dev/null
log=$(mktemp)
if ! $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >"$log" 2>&1; then
	cat "$log" >&2
	rm -f "$log"
	exit 1
fi
rm -f "$log"
