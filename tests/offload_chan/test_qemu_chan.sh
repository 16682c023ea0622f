#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# test_qemu_chan.sh - the guest channel from a real Linux guest: Debian's kernel under QEMU on a
# vhost-user port of vxdpd runs vxdp-guest, which offloads a firewall over eth0 and changes its
# map live while the host (a tap port in a network namespace) sends it UDP; the guest's own UDP
# counters show what the host's copy of its program dropped. Also: a channel frame sent from
# the host-side (tap) port gets no answer. Uses the QEMU harness of tests/qemu ($QEMU_DIR);
# SKIPs without it, without root, /dev/net/tun, QEMU, busybox or the guest kernel.
# Env: $VXDPD, $VXDP, $VXDP_GUEST, $CHAN_FW, $QEMU_DIR, $QEMU_CACHE.
. "$(dirname "$0")/../lib.sh"
here=$(cd "$(dirname "$0")" && pwd)
NS=vxchan$$
IF=vxc0
HOST_IP=10.79.0.1
GUEST_IP=10.79.0.2
GUEST_MAC=52:54:00:12:34:57
COUNT=50
[ -x "${QEMU_DIR:-}/boot.sh" ] || skip_all "no QEMU harness (tests/qemu/boot.sh, branch sw-tap-qemu)"
qemu_setup "$QEMU_DIR" python3
vxq_has() { # key, pattern: the guest's report for key matches
	vxq "$1" | grep -q "$2"
}
send_udp() { # count to port 9001, then one marker to 9002, from the host's namespace
	in_ns python3 -c '
import socket, sys
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
for i in range(int(sys.argv[2])):
    s.sendto(b"blocked?", (sys.argv[1], 9001))
s.sendto(b"marker", (sys.argv[1], 9002))' "$GUEST_IP" "$1"
}

"$QEMU_DIR/mkinitramfs.sh" --root "$KROOT" --kver "$KVER" --init "$here/qemu-fragment.sh" \
	--bin "$VXDP_GUEST:/usr/bin/vxdp-guest" --file "$CHAN_FW:/chan_fw.o" \
	--out "$dir/initrd.gz" 2>"$dir/mkinitramfs.err"
check "initramfs with vxdp-guest and the firewall object" test -s "$dir/initrd.gz"
[ $fail = 0 ] || { sed 's/^/# /' "$dir/mkinitramfs.err"; echo "1..$n"; exit 1; }

in_ns sh -c 'echo 1 > /proc/sys/net/ipv6/conf/default/disable_ipv6; echo 1 > /proc/sys/net/ipv6/conf/all/disable_ipv6'
spawn_vxdpd_ns --cores 0 \
	--port vm=vhost-user:"$dir/vm.sock" --port host=tap:$IF
check "vxdpd runs with a vhost-user port and a tap port" wait_for 10 up
in_ns ip addr add $HOST_IP/24 dev $IF

# A channel request from the host side (the tap port) is dropped by the switch: no answer.
in_ns "$VXDP_GUEST" -i $IF --timeout 200 --retries 1 hello >/dev/null 2>"$dir/tap.err"
rc=$?
check "a channel frame from the host-side tap port gets no answer (exit $rc)" \
	sh -c "[ $rc -eq 1 ] && grep -q 'no answer' '$dir/tap.err'"
tapdrop=$(ctl stats --json | python3 -c '
import json, sys
print([p for p in json.load(sys.stdin)["ports"] if p["name"] == "host"][0]["drops"]["ctl"])')
check "the switch dropped both tries at the tap port (drops.ctl $tapdrop)" test "${tapdrop:-0}" -ge 2

"$QEMU_DIR/boot.sh" --kernel "$VMLINUZ" --initrd "$dir/initrd.gz" --socket "$dir/vm.sock" \
	--log "$dir/console.log" --mac $GUEST_MAC --cpu 1 --timeout 500 \
	--append "vx.ip=$GUEST_IP/24 vx.count=$COUNT" 2>"$dir/boot.err" &
qemu=$!
pids="$pids $qemu"
ready() { grep -q "^VXQ: $1" "$dir/console.log" 2>/dev/null || ! kill -0 $qemu 2>/dev/null; }
wait_for 500 ready ready1
in_ns busybox ping -c 1 -W 5 $GUEST_IP >/dev/null 2>&1	# ARP resolved before the UDP burst
send_udp $COUNT
wait_for 200 ready ready2
send_udp $COUNT
wait $qemu
rc=$?
pids=$sw

check "QEMU ran the guest and it powered off (exit $rc)" test $rc = 0
check "vxdp-guest hello from inside the guest" vxq_has hello "^0 host speaks version 1"
check "vxdp-guest prog load --attach from inside the guest: $(vxq load)" \
	vxq_has load "^0 loaded /chan_fw.o as [0-9]*, attached"
check "map update blocks UDP port 9001: $(vxq block)" vxq_has block "^0 updated"
check "blocked: the guest saw only the marker (Udp NoPorts $(vxq noports1))" \
	test "$(vxq noports1)" = 1
check "the program counted $COUNT hits (map value $(vxq hits))" test "$(vxq hits)" = "32 00 00 00"
drop=$(vxq drop)
check "the port's counters: dropped in the host (drop ${drop:-none})" test "${drop:-0}" -ge $COUNT
check "map delete unblocks: $(vxq unblock)" vxq_has unblock "^0 deleted"
check "unblocked: all $COUNT datagrams and the marker reached the guest (Udp NoPorts $(vxq noports2))" \
	test "$(vxq noports2)" = $((COUNT + 2))
check "prog list from the guest shows its attached object" test "$(vxq list)" = 1

kill -TERM $sw
wait $sw
check "vxdpd exits 0" test $? = 0
if [ $fail != 0 ]; then
	sed 's/^/# console: /' "$dir/console.log" | tr -d '\r' | tail -n 40
	sed 's/^/# boot: /' "$dir/boot.err"
	sed 's/^/# vxdpd: /' "$dir/vxdpd.err"
fi
echo "1..$n"
