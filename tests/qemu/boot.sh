#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# boot.sh - boot a test guest under QEMU (TCG) with its virtio-net NIC on a vhost-user socket,
# bounded by a watchdog; the console (and QEMU's own messages) go to a log file.
#
# Usage: boot.sh --kernel VMLINUZ --initrd INITRD --socket SOCK --log FILE
#            [--mac MAC] [--append "vx.ip=... ..."] [--timeout SECONDS] [--mem MB] [--cpu N]
#            [--server]   (QEMU listens on SOCK; the backend connects as a client)
# Exit status: QEMU's (0 after the guest's poweroff), 124 when the watchdog fired, 139 when QEMU
# crashed (SIGSEGV), 3 when QEMU could not share guest memory with the backend ("Failed
# initializing vhost-user memory map": the NIC silently falls back to userspace virtio).
# After a boot, `grep '^VXQ: ' LOG` gives the guest's reports (see mkinitramfs.sh).
set -u
kernel="" initrd="" sock="" log="" mac=52:54:00:12:34:56 append="" limit=300 mem=512 cpu=""
server=""
die() {
	echo "boot.sh: $*" >&2
	exit 2
}
while [ $# -gt 0 ]; do
	case $1 in
	--server) server=",server=on,wait=off"; shift; continue ;;
	esac
	[ $# -ge 2 ] || die "$1 needs a value"
	case $1 in
	--kernel) kernel=$2 ;;
	--initrd) initrd=$2 ;;
	--socket) sock=$2 ;;
	--log) log=$2 ;;
	--mac) mac=$2 ;;
	--append) append=$2 ;;
	--timeout) limit=$2 ;;
	--mem) mem=$2 ;;
	--cpu) cpu=$2 ;;
	*) die "unknown option $1" ;;
	esac
	shift 2
done
[ -n "$kernel" ] && [ -n "$initrd" ] && [ -n "$sock" ] && [ -n "$log" ] ||
	die "usage: --kernel K --initrd I --socket S --log FILE [options]"
qemu=$(command -v qemu-system-x86_64) || die "qemu-system-x86_64 not found (qemu-system-x86)"
pin=""
# Pin only to a CPU this machine has (the backend's worker may be pinned to another).
[ -n "$cpu" ] && command -v taskset >/dev/null && [ "$cpu" -lt "$(nproc)" ] &&
	pin="taskset -c $cpu"

# vectors=0: Debian 12's QEMU 7.2 crashes under TCG with vhost-user and MSI-X once the guest
# driver starts the device. share=on: the backend maps guest memory through the memfd.
timeout -k 5 "$limit" $pin "$qemu" -machine q35,accel=tcg -cpu max -smp 1 -m "$mem" \
	-object memory-backend-memfd,id=mem,size="${mem}M",share=on -numa node,memdev=mem \
	-chardev socket,id=c0,path="$sock$server" \
	-netdev vhost-user,id=n0,chardev=c0 \
	-device virtio-net-pci,netdev=n0,mac="$mac",romfile=,vectors=0 \
	-kernel "$kernel" -initrd "$initrd" \
	-append "console=ttyS0 quiet panic=-1 ipv6.disable=1 $append" \
	-display none -monitor none -serial stdio -no-reboot </dev/null >"$log" 2>&1
rc=$?
if grep -q "Failed initializing vhost-user memory map" "$log"; then
	echo "boot.sh: QEMU could not share guest memory with the backend" >&2
	exit 3
fi
case $rc in
124 | 137) echo "boot.sh: watchdog: guest still running after ${limit}s" >&2; exit 124 ;;
139) echo "boot.sh: QEMU crashed (SIGSEGV)" >&2 ;;
0) ;;
*) echo "boot.sh: QEMU exited with $rc" >&2 ;;
esac
exit $rc
