#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# test_vxdp_guest_veth.sh - vxdp-guest over a real AF_PACKET link, as TAP: a veth pair, the
# channel's server (chan_peer, on a registry) on one end, vxdp-guest on the other: load and
# attach an object, list, map update/lookup/dump, counters, unload. Needs root (veth, packet
# sockets); skips otherwise. Needs $VXDP_GUEST, $CHAN_PEER, $CHAN_FW.
. "$(dirname "$0")/../lib.sh"
G=vxg$$
H=vxh$$
cleanup_extra() { ip link del "$G" 2>/dev/null; }

skip_all() { # this test's skip is one skipped subtest
	echo "ok 1 # SKIP $1"
	echo "1..1"
	exit 0
}

[ "$(id -u)" = 0 ] || skip_all "needs root for a veth pair and packet sockets"
command -v ip >/dev/null || skip_all "needs ip (iproute2)"
ip link add "$G" type veth peer name "$H" 2>"$dir/err" || skip_all "cannot create a veth pair: $(cat "$dir/err")"
ip link set "$G" up && ip link set "$H" up || skip_all "cannot bring the veth pair up"

"$CHAN_PEER" "$H" 60 2>"$dir/peer.err" &
pids="$pids $!"
sleep 0.3

vg() {
	timeout 30 "$VXDP_GUEST" -i "$G" --timeout 200 "$@" >"$dir/out" 2>"$dir/err"
}

vg hello
check "vxdp-guest hello over veth" grep -q "version 1" "$dir/out"
vg prog load "$CHAN_FW" --attach
check "prog load --attach" grep -q "attached" "$dir/out"
id=$(sed -n 's/^loaded .* as \([0-9]*\).*/\1/p' "$dir/out")
vg prog list
check "prog list shows it with its maps" grep -q "maps: blocked fw_stats" "$dir/out"
vg map update blocked 2329 07000000
check "map update" grep -q updated "$dir/out"
vg map lookup blocked 23:29
check "map lookup reads it back" grep -q "value: 07 00 00 00" "$dir/out"
vg map dump fw_stats
check "map dump" grep -q "^2 entries" "$dir/out"
vg stats
check "stats" grep -q "^chan_frames " "$dir/out"
vg map lookup nosuch 00
check "an unknown map: exit 1 with the host's reason" sh -c "[ $? -eq 1 ] && grep -q 'nosuch' '$dir/err'"
vg prog unload "${id:-0}"
check "prog unload" grep -q unloaded "$dir/out"
echo "1..$n"
