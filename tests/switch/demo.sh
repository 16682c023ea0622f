#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# demo.sh - the switch and offload demo: vxdpd with two vguests, vm1 generating traffic to vm2
# for about 6 s. After 2 s the host attaches an XDP firewall to vm2's port and sets a rule
# (drop every 3rd frame) through its map; `vxdp top` shows the counters per action live; at the
# end vm2 has received only what passed. Usage: demo.sh [BUILD_DIR] (default build).
set -eu
b=${1:-build}
dir=$(mktemp -d)
pids=""
vxdp() { "$b/tools/vxdp" "$@" --ctl "$dir/ctl.sock"; }
trap 'for p in $pids; do kill -TERM $p 2>/dev/null || true; done; sleep 0.3; rm -rf "$dir"' EXIT
echo "== vxdp demo: the switch (vxdpd, learn mode) with two guests"
"$b/tools/vxdpd/vxdpd" --ctl "$dir/ctl.sock" --port vm1=vhost-user:"$dir/vm1.sock" \
	--port vm2=vhost-user:"$dir/vm2.sock" 2>"$dir/vxdpd.log" &
sw=$!
pids="$sw"
sleep 0.3
"$b/tools/vguest/vguest" --socket "$dir/vm2.sock" --mac 52:54:00:00:00:02 recv --timeout 8 \
	> "$dir/vm2.out" &
vm2=$!
pids="$pids $vm2"
sleep 0.3
"$b/tools/vguest/vguest" --socket "$dir/vm1.sock" --mac 52:54:00:00:00:01 gen \
	--to 52:54:00:00:00:02 --rate 50000 --duration 6 --size 256 > "$dir/vm1.out" &
gen=$!
pids="$pids $gen"
sleep 1
echo "-- t=1s: plain forwarding, vxdp stats"
vxdp stats
sleep 1
echo "-- t=2s: the host attaches a firewall to vm2's port and sets a rule in its map:"
echo "   vxdp prog attach vm2 off_fw.o; vxdp map update vm2 cfg 01000000 03000000"
vxdp prog attach vm2 "$b/tests/offload/progs/off_fw.o"
vxdp map update vm2 cfg 01000000 03000000
echo "-- vxdp top (per port: totals, and the last second's rates):"
vxdp top --count 4
wait $gen
echo "-- the firewall's own counters (map hits: passes, drops; per worker):"
vxdp map dump vm2 hits
sleep 0.5
kill -TERM $vm2
wait $vm2 || true
echo "-- vm1 (generator): $(tail -n 1 "$dir/vm1.out")"
echo "-- vm2 (receiver) got only what the firewall passed: $(tail -n 1 "$dir/vm2.out")"
kill -TERM $sw
wait $sw
echo "-- vxdpd stopped cleanly"
