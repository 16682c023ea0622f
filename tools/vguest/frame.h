/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * frame.h - vguest's test frames: Ethernet/IPv4/UDP with a sequence number and a payload
 * pattern derived from it, so a receiver can count loss and reordering and check the bytes.
 */
#ifndef VGUEST_FRAME_H
#define VGUEST_FRAME_H

#include <stddef.h>
#include <stdint.h>

#define VG_FRAME_MIN	60	/* 14 + 20 + 8 + 18 bytes of payload header */

/* Build a frame of exactly size bytes (>= VG_FRAME_MIN); returns size or 0. */
size_t vg_frame_build(uint8_t *buf, size_t size, const uint8_t dst[6], const uint8_t src[6],
		      uint64_t seq);
/* 0 and the sequence number when buf is an intact vguest frame, else -1. */
int vg_frame_check(const uint8_t *buf, size_t len, uint64_t *seq);
/* Swap destination and source MAC addresses in place. */
void vg_frame_swap_macs(uint8_t *buf);
/* Parse "aa:bb:cc:dd:ee:ff": 0 or -1. */
int vg_parse_mac(const char *s, uint8_t mac[6]);

#endif /* VGUEST_FRAME_H */
