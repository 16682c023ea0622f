#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# test_offload_chan.sh - the guest channel end to end, as TAP: vxdpd with three vguests; B loads
# a firewall over its own NIC (vguest offload), attaches it, and A's traffic toward B passes,
# is dropped in the host once B blocks the port in a map, passes again once B deletes it; B
# lists, dumps and reads counters; C can neither see nor touch B's objects; vxdp-guest's
# command line. Needs $VXDPD, $VXDP, $VGUEST, $VXDP_GUEST, $CHAN_FW (the object).
. "$(dirname "$0")/../lib.sh"
MAC_A=52:54:00:00:00:0a
MAC_B=52:54:00:00:00:0b
MAC_C=52:54:00:00:00:0c

# vguest on socket $1 with MAC $2: offload COMMAND... (output in $dir/out, errors in $dir/err)
off() {
	sock=$1
	mac=$2
	shift 2
	timeout -s TERM 30 "$VGUEST" --socket "$dir/$sock.sock" --mac "$mac" offload "$@" \
		>"$dir/out" 2>"$dir/err"
}

has() { # file, pattern
	grep -q -- "$2" "$dir/$1"
}

stat_of() { # name from the last `offload stats` output
	sed -n "s/^$1 //p" "$dir/out"
}

# B receives in the background while A sends COUNT frames; prints what B got. B stops once it
# has them all, else 2 s after A is done (what the firewall dropped is checked by counters).
traffic() {
	wait_for 10 connected b false	# the last offload command's connection is gone
	timeout -s TERM 60 "$VGUEST" --socket "$dir/b.sock" --mac "$MAC_B" --json recv \
		--count "$1" >"$dir/recv" 2>>"$dir/vguest.err" &
	r=$!
	wait_for 10 connected b true
	timeout -s TERM 60 "$VGUEST" --socket "$dir/a.sock" --mac "$MAC_A" --json send \
		--to "$MAC_B" --count "$1" >/dev/null 2>>"$dir/vguest.err"
	i=0
	while kill -0 $r 2>/dev/null && [ $i -lt 20 ]; do
		i=$((i + 1))
		sleep 0.1
	done
	kill -TERM $r 2>/dev/null
	wait $r
	field "$(tail -n 1 "$dir/recv")" received
}

if [ ! -f "${CHAN_FW:-}" ]; then
	echo "ok 1 # SKIP the firewall object was not built (needs clang -target bpf)"
	echo "1..1"
	exit 0
fi

spawn_vxdpd --port a=vhost-user:"$dir/a.sock" --port b=vhost-user:"$dir/b.sock" \
	--port c=vhost-user:"$dir/c.sock"
wait_for 5 up

check "hello over the channel" off b "$MAC_B" hello
check "hello names the version" has out "version 1"

off b "$MAC_B" prog load "$CHAN_FW" --attach --prog chan_fw
check "B loads and attaches the firewall over its NIC" has out "attached"
id=$(sed -n 's/^loaded .* as \([0-9]*\).*/\1/p' "$dir/out")
off b "$MAC_B" prog list
check "B lists it, attached, with its programs and maps" \
	sh -c "grep -q 'chan_fw.*guest attached' '$dir/out' && grep -q 'progs: chan_fw chan_pass' '$dir/out' && grep -q 'maps: blocked fw_stats' '$dir/out'"

got=$(traffic 100)
check "nothing blocked: B receives A's 100 frames (got $got)" [ "${got:-0}" -eq 100 ]

off b "$MAC_B" map update blocked 2329 00000000
check "B blocks UDP port 9001 with a live map update" has out updated
got=$(traffic 100)
check "blocked: B receives none of A's 100 frames (got $got)" [ "${got:-1}" -eq 0 ]
off b "$MAC_B" map lookup blocked 2329
check "the program counted 100 hits in B's map" has out "value: 64 00 00 00"
off b "$MAC_B" stats
drop=$(stat_of drop)
check "port counters: the host dropped them (drop $drop)" [ "${drop:-0}" -ge 100 ]

off b "$MAC_B" map dump blocked
check "map dump" sh -c "grep -q 'key: 23 29  value: 64 00 00 00' '$dir/out' && grep -q '^1 entries' '$dir/out'"
off b "$MAC_B" map delete blocked 2329
check "B unblocks the port" has out deleted
got=$(traffic 100)
check "unblocked: B receives A's 100 frames again (got $got)" [ "${got:-0}" -eq 100 ]

# C is another guest: it sees and touches nothing of B's.
off c "$MAC_C" prog list
check "C lists no objects" has out "no objects"
off c "$MAC_C" map update blocked 2329 00000000
check "C cannot update B's map (exit 1)" [ $? -eq 1 ]
check "C is told the map is not there" has err "map blocked"
off c "$MAC_C" prog unload "${id:-1}"
check "C cannot unload B's object (exit 1)" [ $? -eq 1 ]
got=$(traffic 50)
check "B's firewall untouched by C: traffic still passes (got $got)" [ "${got:-0}" -eq 50 ]

off b "$MAC_B" map lookup blocked 23
check "a wrong key size is a clear error (exit 1)" sh -c "[ $? -eq 1 ] && grep -q 'key is 2 bytes' '$dir/err'"
off b "$MAC_B" map lookup blocked zz
check "a bad hex key is a usage error (exit 2)" [ $? -eq 2 ]
off b "$MAC_B" prog attach "${id:-1}" --prog nosuch
check "attaching a program that does not exist is refused (exit 1)" [ $? -eq 1 ]
off b "$MAC_B" prog detach
check "B detaches" has out detached
off b "$MAC_B" prog unload "${id:-1}"
check "B unloads" has out unloaded
off b "$MAC_B" prog list
check "B's list is empty again" has out "no objects"

check "vxdpd still running after all of it" kill -0 "$sw"

# vxdp-guest's own command line (the real thing runs inside a VM: see docs/guest-channel.md).
"$VXDP_GUEST" --help >"$dir/out" 2>&1
check "vxdp-guest --help (exit 0)" sh -c "[ $? -eq 0 ] && grep -q 'prog load OBJ' '$dir/out'"
"$VXDP_GUEST" stats >/dev/null 2>"$dir/err"
check "vxdp-guest without -i: exit 2" sh -c "[ $? -eq 2 ] && grep -q 'IFNAME' '$dir/err'"
"$VXDP_GUEST" -i nosuch0 stats >/dev/null 2>"$dir/err"
check "vxdp-guest on a missing interface: exit 1" sh -c "[ $? -eq 1 ] && grep -q 'no such interface' '$dir/err'"
if [ "$(id -u)" = 0 ]; then
	"$VXDP_GUEST" -i lo --timeout 50 --retries 1 hello >/dev/null 2>"$dir/err"
	check "vxdp-guest with no host on the link: exit 1, says so" \
		sh -c "[ $? -eq 1 ] && grep -q 'no answer' '$dir/err'"
else
	n=$((n + 1))
	echo "ok $n # SKIP vxdp-guest on lo needs CAP_NET_RAW"
fi

kill -TERM "$sw"
wait "$sw"
check "vxdpd exits cleanly" [ $? -eq 0 ]
echo "1..$n"
