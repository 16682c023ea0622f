#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# mkinitramfs.sh - build a busybox initramfs for a QEMU test guest. Its /init mounts proc, sys,
# dev and tmp, loads the virtio-net modules in order, brings eth0 up with the address given on
# the kernel command line (vx.ip=ADDR/LEN), runs the test's init fragment, prints "VXQ: end"
# and powers off. The fragment (a busybox sh script, sourced) reports with `say WORDS...`, which
# prints "VXQ: WORDS" on the console; command-line values vx.KEY=VALUE arrive as $VX_KEY.
#
# Usage: mkinitramfs.sh --root KERNEL_ROOT --kver KVER --init FRAGMENT --out FILE
#            [--modules "m1 m2 ..."] [--bin PROGRAM[:GUEST_PATH]]... [--file SRC:GUEST_PATH]...
# --bin copies a program and the shared libraries ldd finds for it (same paths in the guest).
set -eu
modules="virtio_ring virtio virtio_pci_modern_dev virtio_pci_legacy_dev virtio_pci failover
net_failover virtio_net"
root="" kver="" init="" out="" bins="" files=""
die() {
	echo "mkinitramfs.sh: $*" >&2
	exit 1
}
while [ $# -gt 0 ]; do
	[ $# -ge 2 ] || die "$1 needs a value"
	case $1 in
	--root) root=$2 ;;
	--kver) kver=$2 ;;
	--init) init=$2 ;;
	--out) out=$2 ;;
	--modules) modules=$2 ;;
	--bin) bins="$bins $2" ;;
	--file) files="$files $2" ;;
	*) die "unknown option $1" ;;
	esac
	shift 2
done
[ -n "$root" ] && [ -n "$kver" ] && [ -n "$init" ] && [ -n "$out" ] ||
	die "usage: --root DIR --kver KVER --init FRAGMENT --out FILE [--modules LIST] [--bin P] [--file S:D]"
bb=$(command -v busybox || true)
[ -n "$bb" ] || die "busybox not found (busybox-static)"
ldd "$bb" >/dev/null 2>&1 && die "$bb is not static (install busybox-static)"
mods="$root/lib/modules/$kver"
[ -f "$mods/modules.dep" ] || die "no $mods/modules.dep (run depmod)"

tree=$(mktemp -d)
trap 'rm -rf "$tree"' EXIT
mkdir -p "$tree/bin" "$tree/sbin" "$tree/usr/bin" "$tree/usr/sbin" "$tree/proc" "$tree/sys" \
	"$tree/dev" "$tree/tmp" "$tree/run" "$tree/etc" "$tree/lib/modules"
cp "$bb" "$tree/bin/busybox"

# Modules in the given order; built-in ones are skipped; xz/zstd ones unpacked (busybox insmod).
: > "$tree/etc/vx-modules"
for m in $modules; do
	rel=$(grep -E "(^|/)$m\.ko(\.xz|\.zst)?:" "$mods/modules.dep" | head -n 1 | cut -d: -f1)
	if [ -z "$rel" ]; then
		grep -qE "(^|/)$m\.ko$" "$mods/modules.builtin" 2>/dev/null && continue
		die "module $m not found in $mods"
	fi
	case $rel in
	*.xz) xz -dc "$mods/$rel" > "$tree/lib/modules/$m.ko" ;;
	*.zst) zstd -qdc "$mods/$rel" > "$tree/lib/modules/$m.ko" ;;
	*) cp "$mods/$rel" "$tree/lib/modules/$m.ko" ;;
	esac
	echo "$m" >> "$tree/etc/vx-modules"
done

put() { # host file, guest path
	mkdir -p "$tree/$(dirname "$2")"
	cp -L "$1" "$tree/$2"
}
for b in $bins; do
	src=${b%%:*}
	dst=${b#*:}
	[ "$dst" = "$b" ] && dst=/usr/bin/$(basename "$src")
	[ -f "$src" ] || die "no program $src"
	put "$src" "$dst"
	for lib in $(ldd "$src" 2>/dev/null | sed -n 's/.*=> \(\/[^ ]*\).*/\1/p; s/^[[:space:]]*\(\/[^ ]*\) (.*/\1/p'); do
		[ -e "$tree/$lib" ] || put "$lib" "$lib"
	done
done
for f in $files; do
	put "${f%%:*}" "${f#*:}"
done
cp "$init" "$tree/vx-fragment.sh"

cat > "$tree/init" <<'INIT'
#!/bin/busybox sh
/bin/busybox --install -s /bin
export PATH=/bin:/sbin:/usr/bin:/usr/sbin
mount -t proc proc /proc
mount -t sysfs sys /sys
mount -t devtmpfs dev /dev
mount -t tmpfs tmp /tmp
say() { echo "VXQ: $*"; }
for w in $(cat /proc/cmdline); do
	case $w in
	vx.*=*) k=${w%%=*}; eval "VX_${k#vx.}=\${w#*=}" ;;
	esac
done
for m in $(cat /etc/vx-modules); do
	insmod /lib/modules/$m.ko || say "error insmod $m"
done
ip link set lo up
i=0
while [ ! -e /sys/class/net/eth0 ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
if [ -e /sys/class/net/eth0 ]; then
	[ -n "${VX_ip:-}" ] && ip addr add "$VX_ip" dev eth0
	ip link set eth0 up
	say "up $(cat /sys/class/net/eth0/address)"
else
	say "error no eth0"
fi
. /vx-fragment.sh
say "end"
sync
poweroff -f
INIT
chmod +x "$tree/init"
(cd "$tree" && find . | cpio -o -H newc --quiet | gzip -1) > "$out.tmp"
mv "$out.tmp" "$out"
