#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# test_vguest_cli.sh - the vguest command against a loopback backend (vhost_loopd), as TAP.
# Needs $VGUEST and $VHOST_LOOPD (paths to the programs).
. "$(dirname "$0")/../lib.sh"
"$VHOST_LOOPD" "$dir/s.sock" 8 > "$dir/loopd.out" 2>&1 &
loopd=$!
sleep 0.3

out=$("$VGUEST" --socket "$dir/s.sock" --json send --to 52:54:00:00:00:02 --count 2000 \
	--size 200 | tail -n 1)
check "send: 2000 frames looped back, none lost ($out)" \
	test "$(field "$out" received)" = 2000 -a "$(field "$out" lost)" = 0 \
	-a "$(field "$out" bad)" = 0

out=$("$VGUEST" --socket "$dir/s.sock" --indirect --no-mrg-rxbuf --no-event-idx --json \
	send --to 52:54:00:00:00:02 --count 500 --size 1514 | tail -n 1)
check "send with indirect, no MRG_RXBUF, no EVENT_IDX: 500 back" \
	test "$(field "$out" received)" = 500

out=$("$VGUEST" --socket "$dir/s.sock" --json --stats-interval 0.2 gen \
	--to 52:54:00:00:00:02 --rate 5000 --duration 1)
lines=$(echo "$out" | grep -c '"event":"interval"')
last=$(echo "$out" | tail -n 1)
check "gen at 5000 pps for 1 s: frames back, interval lines printed ($lines)" \
	test "$(field "$last" received)" -gt 1000 -a "$lines" -ge 2

out=$("$VGUEST" --socket "$dir/s.sock" recv --count 5 --timeout 0.3)
check "recv with nothing coming ends at its timeout" \
	sh -c "echo '$out' | grep -q 'received 0'"

"$VGUEST" --socket "$dir/s.sock" send > /dev/null 2>&1
check "send without --to is a usage error (exit 2)" test $? = 2
"$VGUEST" --socket "$dir/s.sock" frobnicate > /dev/null 2>&1
check "unknown command is a usage error (exit 2)" test $? = 2
"$VGUEST" --socket "$dir/none.sock" send --to 52:54:00:00:00:02 > /dev/null 2>&1
check "no backend: exit 1" test $? = 1

"$VHOST_LOOPD" "$dir/c.sock" 4 client > "$dir/loopc.out" 2>&1 &
loopc=$!
out=$("$VGUEST" --socket "$dir/c.sock" --server --json send --to 52:54:00:00:00:02 \
	--count 300 | tail -n 1)
check "vguest --server with the backend in client mode: 300 back" \
	test "$(field "$out" received)" = 300

wait $loopd $loopc
check "backend counted the frames" grep -q "^rx [1-9][0-9]* tx [1-9]" "$dir/loopd.out"
echo "1..$n"
exit $fail
