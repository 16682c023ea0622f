// SPDX-License-Identifier: BSD-2-Clause
/* frame.c - builds and checks vguest's Ethernet/IPv4/UDP test frames. */
#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>

#include "frame.h"

#define MAGIC		0x76677374u	/* "vgst" */
#define ETH_LEN		14
#define IP_LEN		20
#define UDP_LEN		8
#define PAY_OFF		(ETH_LEN + IP_LEN + UDP_LEN)

static uint16_t ip_csum(const uint8_t *p, size_t len)
{
	uint32_t sum = 0;
	size_t i;

	for (i = 0; i + 1 < len; i += 2)
		sum += (uint32_t)p[i] << 8 | p[i + 1];
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return (uint16_t)~sum;
}

static uint8_t pattern(uint64_t seq, size_t i)
{
	return (uint8_t)(seq * 131 + i * 7);
}

static void put16(uint8_t *p, uint16_t v)
{
	v = htons(v);
	memcpy(p, &v, 2);
}

static void build_ip_udp(uint8_t *p, size_t size)
{
	uint8_t *ip = p + ETH_LEN, *udp = ip + IP_LEN;

	put16(p + 12, 0x0800);
	ip[0] = 0x45;
	put16(ip + 2, (uint16_t)(size - ETH_LEN));
	ip[8] = 64;
	ip[9] = 17;
	memcpy(ip + 12, "\x0a\x00\x00\x01\x0a\x00\x00\x02", 8);
	put16(ip + 10, ip_csum(ip, IP_LEN));
	put16(udp, 9000);
	put16(udp + 2, 9001);
	put16(udp + 4, (uint16_t)(size - ETH_LEN - IP_LEN));
}

size_t vg_frame_build(uint8_t *buf, size_t size, const uint8_t dst[6], const uint8_t src[6],
		      uint64_t seq)
{
	uint32_t magic = htonl(MAGIC);
	size_t i;

	if (size < VG_FRAME_MIN || size > 65535)
		return 0;
	memset(buf, 0, PAY_OFF);
	memcpy(buf, dst, 6);
	memcpy(buf + 6, src, 6);
	build_ip_udp(buf, size);
	memcpy(buf + PAY_OFF, &magic, 4);
	memcpy(buf + PAY_OFF + 4, &seq, 8);
	for (i = PAY_OFF + 12; i < size; i++)
		buf[i] = pattern(seq, i);
	return size;
}

int vg_frame_check(const uint8_t *buf, size_t len, uint64_t *seq)
{
	uint32_t magic;
	size_t i;

	if (len < VG_FRAME_MIN || buf[12] != 0x08 || buf[13] != 0 || buf[ETH_LEN + 9] != 17)
		return -1;
	if (ip_csum(buf + ETH_LEN, IP_LEN) != 0)
		return -1;
	memcpy(&magic, buf + PAY_OFF, 4);
	if (ntohl(magic) != MAGIC)
		return -1;
	memcpy(seq, buf + PAY_OFF + 4, 8);
	for (i = PAY_OFF + 12; i < len; i++) {
		if (buf[i] != pattern(*seq, i))
			return -1;
	}
	return 0;
}

void vg_frame_swap_macs(uint8_t *buf)
{
	uint8_t t[6];

	memcpy(t, buf, 6);
	memcpy(buf, buf + 6, 6);
	memcpy(buf + 6, t, 6);
}

int vg_parse_mac(const char *s, uint8_t mac[6])
{
	unsigned int v[6], i;
	char extra;

	if (sscanf(s, "%x:%x:%x:%x:%x:%x%c", &v[0], &v[1], &v[2], &v[3], &v[4], &v[5],
		   &extra) != 6)
		return -1;
	for (i = 0; i < 6; i++) {
		if (v[i] > 0xff)
			return -1;
		mac[i] = (uint8_t)v[i];
	}
	return 0;
}
