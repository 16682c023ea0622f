# SPDX-License-Identifier: BSD-2-Clause
# tests/lib.sh - the shell tests' shared helpers, sourced (POSIX sh, for /bin/sh and bash):
# TAP check() with its n/fail counters, a scratch $dir, background $pids and their clean-up on
# exit (the exit status is the checks' verdict), vxdp against the daemon's --ctl socket
# (ctl, pstat, sstat, up), ports' connection state, bounded waits, starting vxdpd, the network
# namespace $NS, SKIP of the whole test, python selection ($PY), the QEMU guest's set-up.
# Hooks a script may define after sourcing: on_fail (runs after a failed check, e.g. to dump
# counters as TAP comments) and cleanup_extra (runs at exit, after the background jobs end).
# Source it as: . "$(dirname "$0")/lib.sh" (or ../lib.sh from a subdirectory).
set -u
PY=python3
[ -x /usr/bin/python3 ] && PY=/usr/bin/python3
n=0
fail=0
dir=$(mktemp -d)
pids=""
netns_made=""

cleanup() {
	for p in $pids; do kill -TERM "$p" 2>/dev/null; done
	wait 2>/dev/null
	if command -v cleanup_extra >/dev/null 2>&1; then cleanup_extra; fi
	[ -n "$netns_made" ] && ip netns del "$NS" 2>/dev/null
	rm -rf "$dir" 2>/dev/null
}
# The verdict is the checks' alone, whatever the clean-up's last command returns.
trap 'cleanup; exit $fail' EXIT

check() { # description, then a command that must succeed
	desc=$1
	shift
	n=$((n + 1))
	if "$@"; then
		echo "ok $n - $desc"
	else
		echo "not ok $n - $desc"
		fail=1
		if command -v on_fail >/dev/null 2>&1; then on_fail; fi
	fi
}

skip_all() { # reason: the whole test is skipped
	echo "1..0 # SKIP $1"
	exit 0
}

field() { # json line, key (a number at the top level)
	echo "$1" | sed -n "s/.*\"$2\":\([0-9]*\).*/\1/p"
}

ctl() { # vxdp subcommand and options against the current daemon
	timeout 10 "$VXDP" "$@" --ctl "$dir/ctl.sock"
}

up() { # true once the daemon answers on its control socket
	ctl stats --json >/dev/null 2>&1
}

pstat() { # port, key (drops.X for a drop reason, drops for all): from vxdp stats --json
	ctl stats --json | $PY -c '
import json, sys
d = json.load(sys.stdin)
p = [p for p in d["ports"] if p["name"] == sys.argv[1]][0]
k = sys.argv[2]
if k == "drops":
    print(sum(p["drops"].values()))
else:
    print(p["drops"][k[6:]] if k.startswith("drops.") else p[k])' "$1" "$2"
}

sstat() { # key at the top of vxdp stats --json
	ctl stats --json | $PY -c 'import json, sys; print(json.load(sys.stdin)[sys.argv[1]])' "$1"
}

wait_for() { # seconds, command: true once the command succeeds, false after the seconds
	t=$(($1 * 10))
	shift
	until "$@"; do
		t=$((t - 1))
		[ $t -le 0 ] && return 1
		sleep 0.1
	done
}

connected() { # port [true|false]: its vhost-user guest is connected and ready (or not)
	ctl port list | grep -Eq "^[0-9]+ +$1 +vhost-user +${2:-true} "
}

wait_connected() { # port...: each connected within 10 s
	for port in "$@"; do
		wait_for 10 connected "$port" || return 1
	done
}

spawn_vxdpd() { # vxdpd options (after --ctl): in the background, errors in $dir/vxdpd.err
	"$VXDPD" --ctl "$dir/ctl.sock" "$@" 2>>"$dir/vxdpd.err" &
	sw=$!
	pids="$pids $sw"
}

spawn_vxdpd_ns() { # vxdpd options: like spawn_vxdpd, inside $NS ($sw is vxdpd itself)
	nsenter --net="/run/netns/$NS" "$VXDPD" --ctl "$dir/ctl.sock" "$@" 2>>"$dir/vxdpd.err" &
	sw=$!
	pids="$pids $sw"
}

in_ns() { # command, run in the network namespace $NS
	ip netns exec "$NS" "$@"
}

netns_add() { # creates $NS (deleted at exit), or skips the whole test
	ip netns add "$NS" 2>"$dir/netns.err" ||
		skip_all "cannot create a network namespace: $(cat "$dir/netns.err")"
	netns_made=1
}

mac_of() { # port name: its guest's MAC ($MAC_A, $MAC_B, $MAC_C for a, b, c)
	case $1 in
	a) echo $MAC_A ;;
	b) echo $MAC_B ;;
	c) echo $MAC_C ;;
	*) echo 52:54:00:00:00:0d ;;
	esac
}

qemu_setup() { # QEMU harness dir, extra tools...: sets KVER VMLINUZ KROOT, makes $NS; or SKIP
	qdir=$1
	shift
	[ "$(id -u)" = 0 ] || skip_all "needs root (tap interface, network namespace)"
	[ -c /dev/net/tun ] || skip_all "no /dev/net/tun"
	for t in qemu-system-x86_64 busybox cpio depmod nsenter "$@"; do
		command -v $t >/dev/null 2>&1 || skip_all "$t not found (scripts/deps.sh)"
	done
	kinfo=$("$qdir/guest-kernel.sh" "${QEMU_CACHE:-$dir/cache}" 2>"$dir/kernel.err") ||
		skip_all "no guest kernel: $(tail -n 1 "$dir/kernel.err")"
	set -- $kinfo
	KVER=$1
	VMLINUZ=$2
	KROOT=$3
	netns_add
}

vxq() { # key: the rest of the QEMU guest's first "VXQ: key ..." line in $dir/console.log
	sed -n "s/^VXQ: $1 *//p" "$dir/console.log" | tr -d '\r' | head -n 1
}
