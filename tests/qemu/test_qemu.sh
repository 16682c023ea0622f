#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# test_qemu.sh - a real Linux guest (Debian's cloud kernel under QEMU TCG, busybox initramfs) on
# a vhost-user port of vxdpd, pinging the host through a tap port in a network namespace: the
# guest pings the host, the host pings the guest, and the guest's eth0 counters agree with
# vxdpd's port counters. Fails on "Failed initializing vhost-user memory map" and on a QEMU
# crash; every boot is bounded by a watchdog. Needs root, /dev/net/tun, qemu-system-x86,
# busybox-static, cpio, kmod and the guest kernel (downloaded once into $QEMU_CACHE), else SKIP.
# Env: $VXDPD, $VXDP, $QEMU_CACHE.
. "$(dirname "$0")/../lib.sh"
here=$(cd "$(dirname "$0")" && pwd)
NS=vxqemu$$
IF=vxq0
HOST_IP=10.78.0.1
GUEST_IP=10.78.0.2
GUEST_MAC=52:54:00:12:34:56
PINGS=5
qemu_setup "$here"

# The guest: busybox, the virtio-net modules, the ping fragment.
"$here/mkinitramfs.sh" --root "$KROOT" --kver "$KVER" --init "$here/ping-fragment.sh" \
	--out "$dir/initrd.gz" 2>"$dir/mkinitramfs.err"
check "initramfs built (busybox, virtio-net modules, init fragment)" test -s "$dir/initrd.gz"
[ $fail = 0 ] || { sed 's/^/# /' "$dir/mkinitramfs.err"; echo "1..$n"; exit 1; }

# The host: vxdpd in a namespace, no IPv6 (so the host stack sends only what the test causes).
in_ns sh -c 'echo 1 > /proc/sys/net/ipv6/conf/default/disable_ipv6; echo 1 > /proc/sys/net/ipv6/conf/all/disable_ipv6'
spawn_vxdpd_ns --cores 0 \
	--port vm=vhost-user:"$dir/vm.sock" --port host=tap:$IF
check "vxdpd runs with a vhost-user port and a tap port" wait_for 10 up
in_ns ip addr add $HOST_IP/24 dev $IF

"$here/boot.sh" --kernel "$VMLINUZ" --initrd "$dir/initrd.gz" --socket "$dir/vm.sock" \
	--log "$dir/console.log" --mac $GUEST_MAC --cpu 1 --timeout 400 \
	--append "vx.ip=$GUEST_IP/24 vx.peer=$HOST_IP vx.count=$PINGS vx.expect=$PINGS" \
	2>"$dir/boot.err" &
qemu=$!
pids="$pids $qemu"
ready() { grep -q "^VXQ: ready" "$dir/console.log" 2>/dev/null || ! kill -0 $qemu 2>/dev/null; }
wait_for 400 ready
# The host pings the guest (busybox ping: the host may have no iputils).
in_ns busybox ping -c $PINGS -W 5 $GUEST_IP > "$dir/hostping.out" 2>&1
wait $qemu
rc=$?
pids=$sw
host_got=$(sed -n 's/.* \([0-9]*\) packets received.*/\1/p' "$dir/hostping.out")

no_mapfail() { ! grep -q "Failed initializing vhost-user memory map" "$dir/console.log"; }
check "QEMU shared guest memory with vxdpd (no 'Failed initializing vhost-user memory map')" \
	no_mapfail
check "QEMU did not crash (exit 139) and the guest powered off (exit $rc)" test $rc = 0
check "the guest loaded virtio_net and brought eth0 up ($GUEST_MAC)" \
	test "$(vxq up)" = "$GUEST_MAC"
check "the guest's ping to the host's tap address: $PINGS of $PINGS replies" \
	test "$(vxq ping_to_host)" = $PINGS
check "the host's ping to the guest through the tap: $PINGS of $PINGS replies" \
	test "$host_got" = $PINGS
check "the guest answered $PINGS echo requests" test "$(vxq echo_replies)" = $PINGS
for pair in rx_packets:tx_packets tx_packets:rx_packets rx_bytes:tx_bytes tx_bytes:rx_bytes; do
	g=${pair%%:*}
	v=${pair#*:}
	gv=$(vxq "stat $g")
	vv=$(pstat vm "$v")
	check "guest eth0 $g ($gv) = vxdpd port vm $v ($vv)" test "$gv" = "$vv"
done
check "the guest dropped nothing" test "$(vxq 'stat rx_dropped') $(vxq 'stat tx_dropped')" = "0 0"

kill -TERM $sw
wait $sw
rc=$?
check "vxdpd exits 0 on SIGTERM (got $rc)" test $rc = 0
clean_log() { ! grep -Eq "runtime error|Sanitizer" "$dir/vxdpd.err"; }
check "vxdpd's log has no sanitizer report" clean_log
if [ $fail != 0 ]; then
	sed 's/^/# console: /' "$dir/console.log" | tr -d '\r' | tail -n 40
	sed 's/^/# boot: /' "$dir/boot.err"
	sed 's/^/# vxdpd: /' "$dir/vxdpd.err"
	sed 's/^/# host ping: /' "$dir/hostping.out"
fi
echo "1..$n"
