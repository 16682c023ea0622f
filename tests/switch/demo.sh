#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# demo.sh - the switch demo: vxdpd with two vguests, one generating traffic to the other for
# about 5 s while `vxdp stats` prints live counters every second; then everything stops.
# Usage: demo.sh [BUILD_DIR] (default build).
set -eu
b=${1:-build}
dir=$(mktemp -d)
pids=""
trap 'for p in $pids; do kill -TERM $p 2>/dev/null || true; done; sleep 0.3; rm -rf "$dir"' EXIT
echo "== vxdp demo: the switch (vxdpd, learn mode) with two guests"
"$b/tools/vxdpd/vxdpd" --ctl "$dir/ctl.sock" --port vm1=vhost-user:"$dir/vm1.sock" \
	--port vm2=vhost-user:"$dir/vm2.sock" 2>"$dir/vxdpd.log" &
sw=$!
pids="$sw"
sleep 0.3
"$b/tools/vguest/vguest" --socket "$dir/vm2.sock" --mac 52:54:00:00:00:02 recv --timeout 8 \
	> "$dir/vm2.out" &
pids="$pids $!"
sleep 0.3
"$b/tools/vguest/vguest" --socket "$dir/vm1.sock" --mac 52:54:00:00:00:01 gen \
	--to 52:54:00:00:00:02 --rate 100000 --duration 5 --size 256 > "$dir/vm1.out" &
gen=$!
pids="$pids $gen"
for i in 1 2 3 4 5; do
	sleep 1
	echo "-- t=${i}s: vxdp stats"
	"$b/tools/vxdp" stats --ctl "$dir/ctl.sock"
done
wait $gen
echo "-- vm1 (generator): $(tail -n 1 "$dir/vm1.out")"
kill -TERM $sw
wait $sw
echo "-- vxdpd stopped cleanly; vm2 (receiver) then saw its port close:"
sleep 0.3
tail -n 1 "$dir/vm2.out" || true
