#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# test_switch.sh - vxdpd with vguests through it, as TAP: cross-connect and learning both ways,
# flooding then learning, drops toward a guest with no buffers, reconnect, the control socket,
# clean exit on SIGTERM, bad arguments. Needs $VXDPD, $VXDP, $VGUEST, $DEAF_GUEST; python3.
. "$(dirname "$0")/lib.sh"
MAC_A=52:54:00:00:00:0a
MAC_B=52:54:00:00:00:0b
MAC_C=52:54:00:00:00:0c
MAC_X=52:54:00:00:00:ee

start_switch() { # vxdpd options...
	rm -f "$dir"/*.sock
	spawn_vxdpd "$@"
	wait_for 5 up
}

stop_switch() { # exit status of vxdpd after SIGTERM (124 if it hangs)
	kill -TERM "$sw"
	i=0
	while kill -0 "$sw" 2>/dev/null; do
		i=$((i + 1))
		if [ $i -gt 100 ]; then
			kill -KILL "$sw"
			wait "$sw"
			return 124
		fi
		sleep 0.05
	done
	wait "$sw"
}

guest() { # socket name, mac, command and options: runs bounded by a watchdog
	sock=$1
	mac=$2
	shift 2
	timeout -s TERM 20 "$VGUEST" --socket "$dir/$sock.sock" --mac "$mac" --json "$@"
}

echo_guest() { # socket, mac, output file: echoes in the background; sets $echo_pid
	guest "$1" "$2" echo --timeout 3 > "$dir/$3" &
	echo_pid=$!
	pids="$pids $echo_pid"
}

# --- bad arguments -------------------------------------------------------------------------
bad_args() { # expected message fragment, then arguments
	want=$1
	shift
	msg=$("$VXDPD" --ctl "$dir/bad.sock" "$@" 2>&1 >/dev/null)
	rc=$?
	[ $rc = 2 ] && echo "$msg" | grep -q -- "$want"
}
check "no ports: exit 2 with a message" bad_args "no ports"
check "tap port with a too long interface name: exit 2" bad_args "too long" --port t=tap:abcdefghijklmnop
check "unknown port type: exit 2" bad_args "unknown port type" --port x=pcap:foo
check "port without NAME=: exit 2" bad_args "NAME=TYPE" --port vhost-user:/x
check "same port name twice: exit 2" bad_args "used twice" \
	--port a=vhost-user:"$dir/a.sock" --port a=vhost-user:"$dir/b.sock"
check "bad --mode: exit 2" bad_args "learn or xconnect" --mode hub --port a=vhost-user:"$dir/a.sock"
check "bad --cores: exit 2" bad_args "core" --cores 1,x --port a=vhost-user:"$dir/a.sock"
check "backwards --cores range: exit 2" bad_args "backwards" --cores 3-1 --port a=vhost-user:"$dir/a.sock"
check "--burst out of 32..256: exit 2" bad_args "burst" --burst 8 --port a=vhost-user:"$dir/a.sock"
check "xconnect with an odd number of ports: exit 2" bad_args "even number" --mode xconnect \
	--port a=vhost-user:"$dir/a.sock"
check "bad vhost-user option: exit 2" bad_args "unknown option" --port a=vhost-user:"$dir/a.sock,fast"
check "unknown option: exit 2" bad_args "bad option" --frobnicate
check "stray argument: exit 2" bad_args "unexpected argument" --port a=vhost-user:"$dir/a.sock" extra
"$VXDP" port list --ctl "$dir/none.sock" >/dev/null 2>"$dir/cli.err"
rc=$?
check "vxdp port list without a daemon: exit 1 with a message" \
	sh -c "[ $rc = 1 ] && grep -q 'cannot reach vxdpd' '$dir/cli.err'"
"$VXDP" stats --bogus >/dev/null 2>&1
check "vxdp stats with a bad option: exit 2" test $? = 2

# xfer FROM TO N SIZE: TO receives (started first, connected), FROM sends N frames at a pace;
# sets $got (frames TO received) and $lost.
xfer() {
	guest "$2" "$(mac_of "$2")" recv --count "$3" --timeout 8 \
		> "$dir/recv.out" &
	rpid=$!
	pids="$pids $rpid"
	wait_connected "$2" || echo "# $2 did not connect"
	full0=$(pstat "$2" drops.ring_full)
	guest "$1" "$(mac_of "$1")" send --to "$(mac_of "$2")" --count "$3" --size "$4" \
		--rate 20000 > "$dir/send.out"
	wait $rpid
	last=$(tail -n 1 "$dir/recv.out")
	got=$(field "$last" received)
	lost=$(field "$last" lost)
	# A receiver starved of CPU (a loaded machine) leaves its ring full: those frames are
	# dropped and counted by the switch, never lost silently. lost is what the receiver saw
	# missing; both must equal the counted drops.
	full=$(($(pstat "$2" drops.ring_full) - full0))
	[ "$full" = 0 ] || echo "# $full frames toward $2 found its ring full (counted)"
	lost=$((lost - full))
	got=$((got + full))
}

# Frames the switch handed to a port: delivered, or counted as dropped on a full ring.
handed() {
	echo $(($(pstat "$1" tx_packets) + $(pstat "$1" drops.ring_full)))
}

# --- cross-connect, traffic both ways -------------------------------------------------------
N=3000
start_switch --mode xconnect --port a=vhost-user:"$dir/a.sock" --port b=vhost-user:"$dir/b.sock"
check "xconnect: vxdpd answers on its control socket" test -S "$dir/ctl.sock"
xfer a b $N 300
check "xconnect: a -> b: $got of $N received, none lost" test "$got" = $N -a "$lost" = 0
xfer b a $N 300
check "xconnect: b -> a: $got of $N received, none lost" test "$got" = $N -a "$lost" = 0
check "xconnect: stats count $N each way on both ports" \
	test "$(pstat a rx_packets)" = $N -a "$(handed a)" = $N \
	-a "$(pstat b rx_packets)" = $N -a "$(handed b)" = $N \
	-a "$(pstat b rx_bytes)" = $((N * 300))
check "xconnect: port list shows both ports and the mode" \
	sh -c "'$VXDP' port list --ctl '$dir/ctl.sock' | grep -q 'mode xconnect' &&
	       '$VXDP' port list --ctl '$dir/ctl.sock' | grep -q 'b.sock,server'"
check "xconnect: human stats print a row per port" \
	sh -c "[ \$('$VXDP' stats --ctl '$dir/ctl.sock' | grep -c '^[ab] ') = 2 ]"
check "reconnect: a guest came back to a server-mode port ($(pstat a connects) connects on a)" \
	test "$(pstat a connects)" = 2 -a "$(pstat b connects)" = 2
stop_switch
rc=$?
check "xconnect: SIGTERM: vxdpd exits 0" test $rc = 0
check "xconnect: sockets removed on exit" \
	sh -c "[ ! -e '$dir/ctl.sock' ] && [ ! -e '$dir/a.sock' ] && [ ! -e '$dir/b.sock' ]"

# --- learning, flooding to a third port, then learned ------------------------------------------
start_switch --mode learn --port a=vhost-user:"$dir/a.sock" --port b=vhost-user:"$dir/b.sock" \
	--port c=vhost-user:"$dir/c.sock"
guest c $MAC_C recv --timeout 30 > "$dir/c.out" &
c_pid=$!
pids="$pids $c_pid"
wait_connected c
xfer a b $N 200
check "learn: a -> b (unknown): $got of $N received" test "$got" = $N -a "$lost" = 0
check "learn: frames to the unknown b were flooded to c ($(pstat c tx_packets))" \
	test "$(handed c)" = $N -a "$(sstat flooded)" = $N
xfer b a $N 200
check "learn: b -> a (learned): $got of $N received" test "$got" = $N -a "$lost" = 0
check "learn: nothing flooded to c for the learned a" test "$(handed c)" = $N
check "learn: both guests' addresses learned (macs $(sstat macs))" test "$(sstat macs)" = 2
xfer a b $N 200
check "learn: a -> b again: $got of $N received" test "$got" = $N -a "$lost" = 0
check "learn: once b is learned, nothing more reaches c" test "$(handed c)" = $N
check "learn: stats count both ways on a and b" \
	test "$(pstat a rx_packets)" = $((2 * N)) -a "$(handed a)" = $N \
	-a "$(pstat b rx_packets)" = $N -a "$(handed b)" = $((2 * N))
handed_eq() { # port, count
	[ "$(handed "$1")" = "$2" ]
}
handed_is() { # port, count: the switch forwards asynchronously, so allow it a moment
	wait_for 5 handed_eq "$1" "$2"
}
guest a $MAC_A send --to $MAC_X --count 10 --size 100 > /dev/null
check "learn: an unknown destination floods to c ($(pstat c tx_packets))" handed_is c $((N + 10))
guest a $MAC_A send --to ff:ff:ff:ff:ff:ff --count 5 --size 100 > /dev/null
check "learn: broadcast floods to c" handed_is c $((N + 15))
kill -TERM $c_pid
wait $c_pid

# --- the control socket under bad input -----------------------------------------------------
ctl_raw() { # lines to send; prints the answers
	$PY - "$dir/ctl.sock" "$1" <<'PY'
import socket, sys
s = socket.socket(socket.AF_UNIX)
s.settimeout(5)
s.connect(sys.argv[1])
s.sendall(sys.argv[2].encode())
out = b""
want = sys.argv[2].count("\n")
while out.count(b"\n") < want:
    d = s.recv(65536)
    if not d:
        break
    out += d
sys.stdout.write(out.decode())
PY
}
out=$(ctl_raw '{"cmd":"stats"}
not json
[1,2]
{"cmd":42}
{"nocmd":1}
{"cmd":"frobnicate"}
{"cmd":"port list"} trailing
{"cmd":"ping"}
')
echo "$out" > "$dir/ctl.out"
check "control socket: 8 requests, 8 answers, 6 errors" \
	test "$(wc -l < "$dir/ctl.out")" = 8 -a "$(grep -c '"error"' "$dir/ctl.out")" = 6
big=$(head -c 70000 /dev/zero | tr '\0' 'x')
out=$(ctl_raw "$big
{\"cmd\":\"ping\"}
")
check "control socket: an over-long line gets an error, the next request an answer" \
	sh -c "echo '$out' | head -n 1 | grep -q 'too long' && [ \"\$(echo '$out' | tail -n 1)\" = '{}' ]"
check "control socket: the daemon survived" sh -c "ctl() { :; }; '$VXDP' stats --json --ctl '$dir/ctl.sock' > /dev/null"
stop_switch
check "learn: SIGTERM exits 0" test $? = 0

# --- a guest with no receive buffers ----------------------------------------------------------
start_switch --mode xconnect --port a=vhost-user:"$dir/a.sock" --port b=vhost-user:"$dir/b.sock" \
	--port c=vhost-user:"$dir/c.sock" --port d=vhost-user:"$dir/d.sock"
timeout 30 "$DEAF_GUEST" "$dir/d.sock" 25 > "$dir/d.out" &
d_pid=$!
pids="$pids $d_pid"
wait_connected d
guest c $MAC_C gen --to 52:54:00:00:00:0d --rate 20000 --duration 3 > "$dir/c.out" &
gen_pid=$!
xfer a b $N 200
wait $gen_pid
sent=$(field "$(tail -n 1 "$dir/c.out")" sent)
# What the switch took from c's ring (a generator that exits may leave its last frames
# unread) must all be dropped toward d and counted, almost all for a full ring.
rx=$(pstat c rx_packets)
check "no buffers: every frame from c toward d dropped and counted ($(pstat d drops) of $rx received, $sent sent)" \
	test "$(pstat d drops)" = "$rx" -a "$rx" -ge $((sent - 64)) \
	-a "$(pstat d drops.ring_full)" -ge $((rx - 10)) -a "$(pstat d tx_packets)" = 0
check "no buffers: the other pair is unharmed (b got $got of $N)" test "$got" = $N -a "$lost" = 0
kill -TERM $d_pid
wait $d_pid
stop_switch
check "SIGTERM with four ports: exits 0" test $? = 0
check "vxdpd logged no error" sh -c "! grep -qi 'error\|sanitizer' '$dir/vxdpd.err'"

echo "1..$n"
exit $fail
