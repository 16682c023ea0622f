#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# guest-kernel.sh - fetch a Debian guest kernel for the QEMU tests, once, into a cache folder:
# `apt-get download` of the package linux-image-cloud-amd64 depends on (downloaded, never
# installed), unpacked with dpkg-deb, modules indexed with depmod.
# Usage: guest-kernel.sh CACHE_DIR. Prints "KVER VMLINUZ MODULES_ROOT" on success; exits 77
# with the reason on stderr when the kernel cannot be had (no apt, no network, ...).
set -u
cache=${1:?usage: guest-kernel.sh CACHE_DIR}
meta=linux-image-cloud-amd64

fail() {
	echo "guest-kernel.sh: $*" >&2
	exit 77
}

mkdir -p "$cache" || fail "cannot create $cache"
cache=$(cd "$cache" && pwd)
if [ -f "$cache/kernel.done" ]; then
	cat "$cache/kernel.done"
	exit 0
fi
for tool in apt-cache apt-get dpkg-deb depmod; do
	command -v $tool >/dev/null 2>&1 || fail "$tool not found (install kmod / run on Debian)"
done
pkg=$(apt-cache depends "$meta" 2>/dev/null | sed -n 's/^ *Depends: \(linux-image-[^ ]*\)$/\1/p' |
	head -n 1)
[ -n "$pkg" ] || fail "apt knows no $meta (apt-get update, or not Debian amd64)"
work="$cache/dl.$$"
rm -rf "$work"
mkdir -p "$work" || fail "cannot create $work"
# apt drops privileges to _apt for downloads: let it write here.
chmod 777 "$work" 2>/dev/null
if ! (cd "$work" && timeout 300 apt-get download -q "$pkg") >"$work/log" 2>&1; then
	tail -n 3 "$work/log" >&2
	rm -rf "$work"
	fail "apt-get download $pkg failed"
fi
deb=$(ls "$work"/*.deb 2>/dev/null | head -n 1)
[ -n "$deb" ] || fail "apt-get download $pkg produced no .deb"
rm -rf "$cache/root"
dpkg-deb -x "$deb" "$cache/root" || fail "dpkg-deb -x $deb failed"
rm -rf "$work"
kver=$(ls "$cache/root/lib/modules" 2>/dev/null | head -n 1)
[ -n "$kver" ] || fail "$pkg holds no /lib/modules"
vmlinuz="$cache/root/boot/vmlinuz-$kver"
[ -f "$vmlinuz" ] || fail "$pkg holds no $vmlinuz"
depmod -b "$cache/root" "$kver" || fail "depmod failed"
echo "$kver $vmlinuz $cache/root" > "$cache/kernel.done"
cat "$cache/kernel.done"
