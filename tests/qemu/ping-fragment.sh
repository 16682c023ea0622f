# SPDX-License-Identifier: BSD-2-Clause
# ping-fragment.sh - init fragment of the QEMU ping test (sourced by the guest's /init): ping the
# host ($VX_peer), tell the host to ping us, wait for its $VX_expect echo requests, then report
# eth0's counters. Every report is a "VXQ: ..." line (say).
ping -c "${VX_count:-5}" -W 5 "$VX_peer" > /tmp/ping.out 2>&1
say "ping_to_host $(sed -n 's/.* \([0-9]*\) packets received.*/\1/p' /tmp/ping.out)"
say "ready"
icmp() { # the Icmp counter named $1 from /proc/net/snmp
	awk -v k="$1" '/^Icmp:/ { if (!c) { for (i = 1; i <= NF; i++) if ($i == k) c = i; next }
		print $c; exit }' /proc/net/snmp
}
i=0
while [ "$(icmp OutEchoReps)" -lt "${VX_expect:-5}" ] && [ $i -lt 600 ]; do
	sleep 0.1
	i=$((i + 1))
done
say "echo_replies $(icmp OutEchoReps)"
for c in rx_packets tx_packets rx_bytes tx_bytes rx_dropped tx_dropped; do
	say "stat $c $(cat /sys/class/net/eth0/statistics/$c)"
done
