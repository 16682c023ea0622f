#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# test_offload.sh - XDP programs on vxdpd's ports, end to end, as TAP: vguests a, b, c through
# vxdpd (learning); host-attached programs on b: PASS (modified), DROP, TX back to the sender,
# REDIRECT to an allowed port and never to a disallowed one, ABORTED, a live map update, a map
# pinned by name kept across a replacement, detach,
# frames too long for XDP, hostile objects, prog list and top.
# Needs $VXDPD, $VXDP, $VGUEST, $OFFLOAD_PROGS; python3.
. "$(dirname "$0")/../lib.sh"
P=$OFFLOAD_PROGS
MAC_A=52:54:00:00:00:0a
MAC_B=52:54:00:00:00:0b
MAC_C=52:54:00:00:00:0c
N=500

on_fail() { # called by check: the daemon's counters as TAP comments
	[ -S "$dir/ctl.sock" ] && ctl stats 2>/dev/null | sed 's/^/# /'
}

has() { # text, fragment
	echo "$1" | grep -q -- "$2"
}

xstat() { # port, counter of its XDP hook (vxdp stats --json), or a top-level port key
	ctl stats --json | $PY -c '
import json, sys
d = json.load(sys.stdin)
p = [p for p in d["ports"] if p["name"] == sys.argv[1]][0]
k = sys.argv[2]
print(p["xdp"][k] if k in p["xdp"] else p[k])' "$1" "$2"
}

# Rings of 512 hold a whole test burst (N <= 500), so a receiver the loaded machine leaves
# unscheduled for a while loses nothing.
guest() { # port, command and options
	p=$1
	shift
	timeout -s TERM 30 "$VGUEST" --socket "$dir/$p.sock" --mac "$(mac_of "$p")" --json \
		--queue-size 512 "$@"
}

# recv_on PORT FILE [options]: a receiver in the background until idle for 3 s (it starts
# before the sender connects, which under load or ASan takes a while); sets $rpid.
# It waits for this receiver's own connection (the connects counter moves): the previous
# guest's close may not be processed yet, and the port would still look connected.
recv_on() {
	p=$1
	f=$2
	shift 2
	before=$(xstat "$p" connects)
	guest "$p" recv --timeout 3 "$@" > "$dir/$f" &
	rpid=$!
	pids="$pids $rpid"
	i=0
	until [ "$(xstat "$p" connects)" -gt "$before" ] && connected "$p"; do
		i=$((i + 1))
		[ $i -gt 200 ] && echo "# $p did not connect" && break
		sleep 0.05
	done
}

# send_from PORT TO COUNT [SIZE]: sends and waits; the sender's own counters in $dir/send.out.
send_from() {
	guest "$1" send --to "$(mac_of "$2")" --count "$3" --size "${4:-200}" --rate 20000 \
		> "$dir/send.out"
}

got_of() { # receiver output file: frames received
	field "$(tail -n 1 "$dir/$1")" received
}

# --- vxdpd's offload options ----------------------------------------------------------------
out=$("$VXDPD" --ctl "$dir/bad.sock" --engine fast --port a=vhost-user:"$dir/x.sock" 2>&1)
rc=$?
check "vxdpd --engine fast: exit 2 with a message ($out)" \
	test $rc = 2 -a -n "$(echo "$out" | grep 'not interp or jit')"
out=$(timeout 10 "$VXDPD" --ctl "$dir/bad.sock" --allow-redirect a:zz \
	--port a=vhost-user:"$dir/x.sock" 2>&1)
rc=$?
check "vxdpd --allow-redirect to an unknown port: exit 1 ($out)" \
	test $rc = 1 -a -n "$(echo "$out" | grep "no port 'zz'")"

out=$("$VXDPD" --ctl "$dir/bad.sock" --quota bananas=3 --port a=vhost-user:"$dir/x.sock" 2>&1)
rc=$?
check "vxdpd --quota with an unknown key: exit 2 ($out)" \
	test $rc = 2 -a -n "$(echo "$out" | grep 'expected objects=N')"

spawn_vxdpd --quota objects=3 --quota map-bytes=1048576 --port a=vhost-user:"$dir/a.sock" \
	--port b=vhost-user:"$dir/b.sock" --port c=vhost-user:"$dir/c.sock"
wait_for 5 up

# Teach the switch every guest's address first (b's and c's frames flood, then are known).
recv_on a learn_a.out
send_from b a 1
send_from c a 1
wait $rpid

# --- PASS, modified ---------------------------------------------------------------------
ctl prog attach b "$P/off_pass.o" > "$dir/attach.out"
check "prog attach: PORT OBJECT attaches the object's first program" \
	grep -q "attached, program rewrite" "$dir/attach.out"
recv_on b pass.out --dump "$dir/pass.dump"
send_from a b $N
wait $rpid
check "PASS: b received all $N frames ($(got_of pass.out))" test "$(got_of pass.out)" = $N
check "PASS: the program's rewrite arrived (source MAC 02:00:00:00:00:99)" \
	sh -c "[ \$(cut -c13-24 '$dir/pass.dump' | sort -u) = 020000000099 ]"
check "PASS: counted per action (runs $(xstat b runs), pass $(xstat b pass))" \
	test "$(xstat b runs)" = $N -a "$(xstat b pass)" = $N

# --- DROP -------------------------------------------------------------------------------
ctl prog attach b "$P/off_drop.o" > /dev/null
recv_on b drop.out
send_from a b $N
wait $rpid
check "DROP: nothing reached b ($(got_of drop.out))" test "$(got_of drop.out)" = 0
check "DROP: $N counted ($(xstat b drop))" test "$(xstat b drop)" = $N
check "DROP: the previous host object was unloaded with the replacement" \
	test "$(ctl prog list b --json | $PY -c 'import json,sys; print(len(json.load(sys.stdin)["ports"][0]["objects"]))')" = 1

# --- TX: back to the sender -------------------------------------------------------------
ctl prog attach b "$P/off_swap.o" --engine interp > /dev/null
check "prog attach --engine interp: listed as such" \
	sh -c "'$VXDP' prog list b --ctl '$dir/ctl.sock' | grep -q 'swap (interp'"
recv_on b tx.out
send_from a b $N
wait $rpid
back=$(field "$(tail -n 1 "$dir/send.out")" received)
check "TX (interpreter): the sender a got its $N frames back ($back)" test "$back" = $N
check "TX: b received none ($(got_of tx.out)); tx counted ($(xstat b tx))" \
	test "$(got_of tx.out)" = 0 -a "$(xstat b tx)" = $N

# --- REDIRECT: only where the policy allows --------------------------------------------------
ctl prog attach b "$P/off_redirect.o" --prog to_port > /dev/null
ctl map update b ports 00000000 03000000
check "map update: devmap entry 0 names port c (ifindex 3)" \
	sh -c "'$VXDP' map lookup b ports 00000000 --ctl '$dir/ctl.sock' | grep -q 'value 03000000'"
recv_on c redir0.out
send_from a b $N
wait $rpid
check "REDIRECT without policy: nothing reached c ($(got_of redir0.out))" \
	test "$(got_of redir0.out)" = 0
check "REDIRECT without policy: redirect_denied $(xstat b redirect_denied)" \
	test "$(xstat b redirect_denied)" = $N
ctl policy allow-redirect b c
recv_on c redir1.out
send_from a b $N
wait $rpid
check "REDIRECT allowed b -> c: c received $(got_of redir1.out) of $N" \
	test "$(got_of redir1.out)" = $N
check "REDIRECT counted ($(xstat b redirect))" test "$(xstat b redirect)" = $N
ctl prog attach b "$P/off_redirect.o" --prog bcast > /dev/null
ctl map update b ports 00000000 03000000	# a new object: new maps
ctl map update b ports 01000000 01000000
ctl map update b ports 02000000 02000000	# b itself: the ingress, excluded
recv_on c bc.out
send_from a b 100
wait $rpid
back=$(field "$(tail -n 1 "$dir/send.out")" received)
check "REDIRECT broadcast (devmap a, b, c; b the ingress): c (allowed) got $(got_of bc.out) of 100, a (not allowed) $back" \
	test "$(got_of bc.out)" = 100 -a "$back" = 0

# --- ABORTED ----------------------------------------------------------------------------
ctl prog attach b "$P/off_abort.o" > /dev/null
recv_on b abort.out
send_from a b $N
wait $rpid
check "ABORTED: nothing reached b; $(xstat b aborted) counted" \
	test "$(got_of abort.out)" = 0 -a "$(xstat b aborted)" = $N
check "ABORTED: traced with the port and program" \
	grep -q "port b: program [0-9]*/abort_all returned 0 (XDP_ABORTED)" "$dir/vxdpd.err"

# --- a map pinned by name outlives the program it replaces (xdp-filter keeps state so) -------
ctl prog attach b "$P/off_pin_a.o" > /dev/null
recv_on b pin0.out
send_from a b 100
wait $rpid
out=$(ctl map lookup b shared 00000000 2>&1)
check "pinned map: off_pin_a counted its 100 frames in 'shared' ($out)" \
	has "$out" "value 6400000000000000"
ctl prog attach b "$P/off_pin_b.o" > /dev/null
recv_on b pin1.out
send_from a b 100
wait $rpid
out=$(ctl map lookup b shared 00000000 2>&1)
check "pinned map: off_pin_b, replacing it, shares 'shared' and counts on to 200 ($out)" \
	has "$out" "value c800000000000000"
out=$(ctl map lookup b own_b 00000000 2>&1)
check "pinned map: off_pin_b's unpinned map counted only its own 100 ($out)" \
	has "$out" "value 64000000"

# --- a map update changes behaviour live ------------------------------------------------------
ctl prog attach b "$P/off_fw.o" > /dev/null
recv_on b fw0.out
send_from a b $N
wait $rpid
check "firewall, no rule: b received $(got_of fw0.out) of $N" test "$(got_of fw0.out)" = $N
ctl map update b cfg 01000000 04000000
recv_on b fw1.out
send_from a b 400
wait $rpid
check "firewall, map update (drop every 4th): b received $(got_of fw1.out) of 400" \
	test "$(got_of fw1.out)" = 300
ctl map update b cfg 00000000 01000000
recv_on b fw2.out
send_from a b $N
wait $rpid
check "firewall, map update (drop all): b received $(got_of fw2.out)" test "$(got_of fw2.out)" = 0
check "map dump: the program's per-CPU counters (passes, drops)" \
	sh -c "'$VXDP' map dump b hits --ctl '$dir/ctl.sock' | grep -c '^key' | grep -qx 2"
out=$(ctl map lookup b cfg 00 2>&1)
check "map errors are clear: wrong key size ($out)" has "$out" "must be 4 bytes in hex"
out=$(ctl map dump b nosuch 2>&1)
check "map errors are clear: unknown map ($out)" has "$out" "no map 'nosuch'"


# --- too long for an XDP frame ---------------------------------------------------------------
ctl map update b cfg 00000000 00000000
recv_on b long.out
send_from a b 10 4000
wait $rpid
check "frames over 3520 bytes toward a program: dropped, counted too_long ($(xstat b too_long))" \
	test "$(got_of long.out)" = 0 -a "$(xstat b too_long)" = 10

# --- detach restores forwarding ----------------------------------------------------------------
runs=$(xstat b runs)
ctl prog detach b
recv_on b det.out
send_from a b $N
wait $rpid
check "detach: b received $(got_of det.out) of $N, the hook ran no more" \
	test "$(got_of det.out)" = $N -a "$(xstat b runs)" = "$runs"
check "detach twice: an error" sh -c "! '$VXDP' prog detach b --ctl '$dir/ctl.sock' 2>/dev/null"

# --- hostile objects, errors ---------------------------------------------------------------------
head -c 3000 /dev/urandom > "$dir/junk.o"
out=$(ctl prog attach b "$dir/junk.o" 2>&1)
check "garbage object: refused with a message ($out)" has "$out" "not an ELF"
head -c 5000000 /dev/zero > "$dir/big.o"
out=$(ctl prog attach b "$dir/big.o" 2>&1)
check "object over 4 MiB: refused ($out)" has "$out" exceeds
mkfifo "$dir/fifo.o"
out=$(ctl prog attach b "$dir/fifo.o" 2>&1)
check "a FIFO as the object: refused at once, the daemon never blocks ($out)" \
	has "$out" "not a regular file"
out=$(ctl prog attach b "$P/off_bigmap.o" 2>&1)
check "object with a 1 GiB map: refused ($out)" has "$out" "over the limit"
out=$(ctl prog attach nosuch "$P/off_drop.o" 2>&1)
check "unknown port: refused ($out)" has "$out" "no port 'nosuch'"
out=$(ctl prog attach b "$P/off_drop.o" --prog nosuch 2>&1)
check "unknown program: refused ($out)" has "$out" "no program 'nosuch'"
check "unknown program: nothing left loaded on b" \
	test "$(ctl prog list b --json | grep -c '"id"')" = 0

# --- listing and top -------------------------------------------------------------------------
ctl prog attach b "$P/off_drop.o" > /dev/null
check "prog list: the attached program, its object and b's policy" \
	sh -c "'$VXDP' prog list b --ctl '$dir/ctl.sock' | grep -q 'attached [0-9]*/drop' &&
	       '$VXDP' prog list b --ctl '$dir/ctl.sock' | grep -q 'may redirect to \[ \"c\" \]'"
check "prog list: the guests' quotas as vxdpd --quota set them" \
	sh -c "'$VXDP' prog list b --ctl '$dir/ctl.sock' | grep -q 'guest quotas: objects=3 insns=262144 map_bytes=1048576 requests_per_s=1000'"
check "top --count 2: two refreshes with a row per port" \
	sh -c "[ \$(timeout 10 '$VXDP' top --count 2 --ctl '$dir/ctl.sock' | grep -c '^b ') = 2 ]"
check "vxdpd still serves after all that" sh -c "'$VXDP' stats --ctl '$dir/ctl.sock' >/dev/null"
kill -TERM $sw
wait $sw
check "vxdpd exits 0 on SIGTERM with a program attached" test $? = 0
echo "1..$n"
