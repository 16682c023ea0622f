#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# demo.sh - the switch and offload demo. vxdpd with two vguests: vm1 sends UDP traffic to vm2.
# Then vm2, over its own NIC (the guest channel, EtherType 0x88b5), offloads an XDP firewall
# into the host and sets a rule in its map (drop every 3rd frame); `vxdp top` shows the host
# dropping what the firewall blocks, and vm2 receives only what passes.
# Usage: demo.sh [BUILD_DIR] (default build).
set -eu
b=${1:-build}
dir=$(mktemp -d)
pids=""
vxdp() { "$b/tools/vxdp" "$@" --ctl "$dir/ctl.sock"; }
vm() { # name mac args...: a vguest on vm NAME's port
	n=$1 m=$2
	shift 2
	"$b/tools/vguest/vguest" --socket "$dir/$n.sock" --mac "$m" "$@"
}
trap 'for p in $pids; do kill -TERM $p 2>/dev/null || true; done; sleep 0.3; rm -rf "$dir"' EXIT
MAC1=52:54:00:00:00:01
MAC2=52:54:00:00:00:02

echo "== vxdp demo: the switch (vxdpd, learn mode) with two guests"
"$b/tools/vxdpd/vxdpd" --ctl "$dir/ctl.sock" --port vm1=vhost-user:"$dir/vm1.sock" \
	--port vm2=vhost-user:"$dir/vm2.sock" 2>"$dir/vxdpd.log" &
pids="$!"
sw=$!
sleep 0.3

echo "-- 1. plain forwarding: vm1 sends 2 s of UDP at 20,000 frames/s to vm2"
vm vm2 $MAC2 recv --timeout 1.5 > "$dir/vm2.out" &
rx=$!
pids="$pids $rx"
sleep 0.3
vm vm1 $MAC1 gen --to $MAC2 --rate 20000 --duration 2 --size 256 > "$dir/vm1.out"
wait $rx || true
echo "   vm1: $(tail -n 1 "$dir/vm1.out")"
echo "   vm2: $(tail -n 1 "$dir/vm2.out")"

echo "-- 2. vm2 offloads its firewall into the host, over its own NIC (guest channel):"
echo "   vguest offload prog load off_fw.o --attach   (as vxdp-guest -i eth0 ... in a VM)"
vm vm2 $MAC2 offload prog load "$b/tests/offload/progs/off_fw.o" --attach
echo "   vguest offload map update cfg 01000000 03000000   (rule: drop every 3rd frame)"
vm vm2 $MAC2 offload map update cfg 01000000 03000000
echo "   vguest offload prog list"
vm vm2 $MAC2 offload prog list
echo "   the host's view: vxdp prog list"
vxdp prog list

echo "-- 3. vm1 sends again for 4 s; vxdp top (per port: totals and the last second's rates):"
vm vm2 $MAC2 recv --timeout 1.5 > "$dir/vm2.out" &
rx=$!
pids="$pids $rx"
sleep 0.3
vm vm1 $MAC1 gen --to $MAC2 --rate 20000 --duration 4 --size 256 > "$dir/vm1.out" &
gen=$!
pids="$pids $gen"
vxdp top --count 4
wait $gen
wait $rx || true
echo "-- the firewall's own counters, read by vm2 over the channel (hits: key 0 passed, key 1 dropped):"
vm vm2 $MAC2 offload map dump hits
echo "-- vm1 (generator): $(tail -n 1 "$dir/vm1.out")"
echo "-- vm2 (receiver) got only what its firewall passed: $(tail -n 1 "$dir/vm2.out")"
kill -TERM $sw
wait $sw
echo "-- vxdpd stopped cleanly"
