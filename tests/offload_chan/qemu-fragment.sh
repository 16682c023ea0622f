# SPDX-License-Identifier: BSD-2-Clause
# qemu-fragment.sh - init fragment of the QEMU guest channel test (sourced by the guest's /init,
# tests/qemu/mkinitramfs.sh): vxdp-guest loads and attaches /chan_fw.o over eth0, blocks UDP
# port 9001 in its map; the host sends $VX_count datagrams to 9001 and a marker to 9002; the
# guest sees only the marker (Udp NoPorts), reads the program's hit count and the port's
# counters, unblocks; the host sends again and all arrive. Reports are "VXQ: ..." lines.
G="vxdp-guest -i eth0 --timeout 1000"
udp() { # the Udp counter named $1 from /proc/net/snmp
	awk -v k="$1" '/^Udp:/ { if (!c) { for (i = 1; i <= NF; i++) if ($i == k) c = i; next }
		print $c; exit }' /proc/net/snmp
}
wait_noports() { # until Udp NoPorts reaches $1 (bounded)
	i=0
	while [ "$(udp NoPorts)" -lt "$1" ] && [ $i -lt 900 ]; do
		sleep 0.1
		i=$((i + 1))
	done
}
$G hello > /tmp/o 2>&1
say "hello $? $(head -n 1 /tmp/o)"
$G prog load /chan_fw.o --attach > /tmp/o 2>&1
say "load $? $(head -n 1 /tmp/o)"
$G map update blocked 2329 00000000 > /tmp/o 2>&1
say "block $? $(head -n 1 /tmp/o)"
say "ready1"
wait_noports 1
say "noports1 $(udp NoPorts)"
$G map lookup blocked 2329 > /tmp/o 2>&1
say "hits $(sed -n 's/^value: //p' /tmp/o)"
$G stats > /tmp/o 2>&1
say "drop $(sed -n 's/^drop //p' /tmp/o)"
$G map delete blocked 2329 > /tmp/o 2>&1
say "unblock $? $(head -n 1 /tmp/o)"
say "ready2"
wait_noports $((VX_count + 2))
say "noports2 $(udp NoPorts)"
$G prog list > /tmp/o 2>&1
say "list $(grep -c 'guest attached' /tmp/o)"
