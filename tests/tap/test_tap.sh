#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# test_tap.sh - vxdpd's tap port, as TAP: vxdpd in a network namespace with one vhost-user port
# (a vguest) and one tap port; vguest's frames appear on the tap (an AF_PACKET peer checks and
# echoes them back), frames injected on the tap reach vguest, counters agree on both sides, a
# downed interface counts drops, and the clear refusals (busy, not a tap, name too long, no
# CAP_NET_ADMIN). Needs root, /dev/net/tun, ip netns; $VXDPD, $VXDP, $VGUEST; python3.
. "$(dirname "$0")/../lib.sh"
PEER="$(dirname "$0")/tap_peer.py"
NS=vxtap$$
IF=vxtap0
MAC_G=52:54:00:00:01:0a
[ "$(id -u)" = 0 ] || skip_all "needs root (CAP_NET_ADMIN for tap interfaces)"
[ -c /dev/net/tun ] || skip_all "no /dev/net/tun"
netns_add

jfield() { # file, key: from the last JSON line of a file
	tail -n 1 "$1" | $PY -c 'import json, sys; print(json.load(sys.stdin)[sys.argv[1]])' "$2"
}


guest() { # command and options: vguest on port g, bounded by a watchdog
	timeout -s TERM 30 "$VGUEST" --socket "$dir/g.sock" --mac "$MAC_G" --json "$@"
}

# No IPv6 on the namespace's interfaces: the kernel then sends nothing of its own on the tap.
in_ns sh -c 'echo 1 > /proc/sys/net/ipv6/conf/default/disable_ipv6' 2>/dev/null
in_ns sh -c 'echo 1 > /proc/sys/net/ipv6/conf/all/disable_ipv6' 2>/dev/null

# nsenter execs the daemon (ip netns exec forks): $! is vxdpd itself, for kill and wait.
spawn_vxdpd_ns --port g=vhost-user:"$dir/g.sock" --port t=tap:$IF
check "vxdpd starts with a vhost-user and a tap port" wait_for 5 up
port_is() { # port, connected (true|false): as vxdp port list shows it
	ctl port list | grep -Eq "^[0-9]+ +$1 +tap +$2 .*tap:$IF"
}
check "the tap port is listed, type tap, connected (interface up)" port_is t true
in_ns ip -d link show $IF > "$dir/link" 2>&1
check "the interface exists in the namespace, up, with vnet_hdr" \
	grep -q "<.*UP.*>.*vnet_hdr on" "$dir/link" -z
in_ns ip addr add 10.77.0.1/24 dev $IF
in_ns ip link set $IF mtu 9000
TAP_MAC=$(in_ns cat /sys/class/net/$IF/address)

# vguest -> tap -> host stack: an AF_PACKET peer captures and checks vguest's frames; then, once
# a receiving vguest is connected, sends them back (MACs swapped) through the tap to vguest.
# Fewer jumbo frames: 30 of 9000 bytes already take most of vguest's 256 receive buffers.
g_back() { # true once a guest connected after the $conns-th connect is ready on port g
	[ "$(pstat g connects)" -gt "$conns" ] && ctl port list | grep -Eq "^0 +g +vhost-user +true "
}
sent_total=0
bytes_total=0
for sc in 60:100 1000:100 1514:100 9000:30; do
	size=${sc%:*}
	cnt=${sc#*:}
	rm -f "$dir/ready" "$dir/go"
	in_ns $PY "$PEER" echo $IF $MAC_G $cnt 5 "$dir/ready" "$dir/go" > "$dir/peer.$size" 2>&1 &
	peer=$!
	wait_for 5 test -s "$dir/ready"
	guest send --to "$TAP_MAC" --count $cnt --size $size > "$dir/sent.$size" 2>&1
	conns=$(pstat g connects)
	guest recv --count $cnt --timeout 10 > "$dir/guest.$size" 2>&1 &
	rcv=$!
	wait_for 5 g_back
	touch "$dir/go"
	wait $peer
	wait $rcv
	check "$size-byte frames: the host stack sees all $cnt from vguest, intact" \
		test "$(jfield "$dir/peer.$size" intact)" = $cnt
	got="$(jfield "$dir/guest.$size" received) $(jfield "$dir/guest.$size" bad)"
	got="$got $(jfield "$dir/guest.$size" lost)"
	check "$size-byte frames: vguest receives the $cnt sent back, none bad or lost" \
		test "$got" = "$cnt 0 0"
	sent_total=$((sent_total + cnt))
	bytes_total=$((bytes_total + cnt * size))
done

# Frames injected on the host side (raw socket) reach vguest.
conns=$(pstat g connects)
guest recv --count 20 --timeout 5 > "$dir/recv" 2>&1 &
rcv=$!
wait_for 5 g_back
in_ns $PY "$PEER" inject $IF $MAC_G 20 100 >/dev/null
wait $rcv
check "20 frames injected on the tap reach vguest (vguest recv counts 20)" \
	test "$(jfield "$dir/recv" received)" = 20

t_tx=$(pstat t tx_packets)
t_rx=$(pstat t rx_packets)
g_rx=$(pstat g rx_packets)
g_tx=$(pstat g tx_packets)
check "counters: vguest's port received $sent_total, the tap port transmitted them all" \
	test "$g_rx $t_tx" = "$sent_total $sent_total"
check "counters: the tap port received echoes + injected ($((sent_total + 20))), all to vguest" \
	test "$t_rx $g_tx" = "$((sent_total + 20)) $((sent_total + 20))"
drops="$(pstat t drops.ring_full) $(pstat t drops.not_ready) $(pstat t drops.broken)"
drops="$drops $(pstat t drops.too_long) $(pstat t drops.rx_malformed)"
check "counters: no drops on the tap port" test "$drops" = "0 0 0 0 0"
t_bytes=$(pstat t tx_bytes)
check "counters: tap tx_bytes = $bytes_total, what vguest sent" test "$t_bytes" = $bytes_total

# A downed interface: writes fail, counted as not ready; the port shows disconnected.
in_ns ip link set $IF down
check "interface down: the port shows not connected" port_is t false
guest send --to "$TAP_MAC" --count 10 --size 100 >/dev/null 2>&1
check "interface down: 10 frames toward it counted as drops.not_ready" \
	test "$(pstat t drops.not_ready)" = 10
in_ns ip link set $IF up

# Refusals, each with a clear message and exit 1 (the daemon cannot start).
refused() { # expected message fragment, then a command (run in the namespace)
	want=$1
	shift
	msg=$(in_ns "$@" --ctl "$dir/bad.sock" 2>&1 >/dev/null)
	rc=$?
	[ $rc != 0 ] && echo "$msg" | grep -q -- "$want" || { echo "# rc $rc: $msg"; false; }
}
check "interface already attached: 'interface busy'" refused "interface busy" "$VXDPD" --port x=tap:$IF
check "an interface that is not a tap: refused" refused "not a tap" "$VXDPD" --port x=tap:lo
"$VXDPD" --port x=tap:abcdefghijklmnop 2>"$dir/long.err" >/dev/null
rc=$?
check "interface name of 16 characters: 'too long', exit 2" \
	sh -c "[ $rc = 2 ] && grep -q 'too long' '$dir/long.err'"
# /dev/net/tun hidden by an empty /dev/net in a private mount namespace.
check "no /dev/net/tun: refused naming /dev/net/tun" refused "no /dev/net/tun" \
	unshare -m sh -c 'mount -t tmpfs none /dev/net && exec "$0" "$@"' "$VXDPD" --port x=tap:vxtap2
if command -v setpriv >/dev/null && setpriv --inh-caps=-net_admin --bounding-set=-net_admin true 2>/dev/null; then
	check "without CAP_NET_ADMIN: refused naming CAP_NET_ADMIN" refused "CAP_NET_ADMIN" setpriv --inh-caps=-net_admin --bounding-set=-net_admin "$VXDPD" \
		--port x=tap:vxtap1
else
	n=$((n + 1))
	echo "ok $n # SKIP setpriv cannot drop CAP_NET_ADMIN here"
fi

kill -TERM $sw
wait $sw
rc=$?
check "SIGTERM: vxdpd exits 0 (got $rc)" test $rc = 0
gone() { ! in_ns ip link show $IF >/dev/null 2>&1; }
check "the tap interface is gone once vxdpd has exited" gone
clean_log() { ! grep -Eq "runtime error|Sanitizer" "$dir/vxdpd.err"; }
check "vxdpd's log has no sanitizer report" clean_log
[ $fail = 0 ] || sed 's/^/# vxdpd: /' "$dir/vxdpd.err"
echo "1..$n"
