// SPDX-License-Identifier: BSD-2-Clause
/*
 * traffic.c - numbered frames through a vguest frontend and back, with loss, order and content
 * checks.
 */
#include <stdint.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "frame.h"
#include "traffic.h"

static const uint8_t mac_a[6] = { 0x52, 0x54, 0, 0x12, 0x34, 0x56 };
static const uint8_t mac_b[6] = { 0x52, 0x54, 0, 0x12, 0x34, 0x57 };

static long now_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

static void take(struct vg_fe *fe, uint8_t *buf, size_t cap, uint64_t *next, struct tr_result *r)
{
	uint64_t seq;
	int n;

	while ((n = vg_recv(fe, buf, cap)) != 0) {
		if (n < 0 || (size_t)n > cap || vg_frame_check(buf, n, &seq)) {
			r->bad++;
			continue;
		}
		if (seq != *next)
			r->reordered++;
		*next = seq + 1;
		r->received++;
	}
}

void tr_exchange(struct vg_fe *fe, unsigned long count, size_t size_min, size_t size_max,
		 unsigned long seq0, int timeout_ms, struct tr_result *r)
{
	size_t cap = 65536, span = size_max - size_min + 1;
	uint8_t *tx = malloc(cap), *rx = malloc(cap);
	long end = now_ms() + timeout_ms;
	uint64_t next = seq0;
	size_t len;

	*r = (struct tr_result){ 0 };
	while (r->received + r->bad < count && now_ms() < end) {
		if (r->sent < count) {
			len = size_min + (r->sent * 97) % span;
			vg_frame_build(tx, len, mac_b, mac_a, seq0 + r->sent);
			if (vg_send(fe, tx, len) == 0)
				r->sent++;
		}
		take(fe, rx, cap, &next, r);
		if (r->sent == count)
			usleep(100);
	}
	free(tx);
	free(rx);
}

unsigned long tr_drain(struct vg_fe *fe, int ms)
{
	struct tr_result r = { 0 };
	uint8_t *rx = malloc(65536);
	long end = now_ms() + ms;
	uint64_t next = 0;

	while (now_ms() < end) {
		take(fe, rx, 65536, &next, &r);
		usleep(500);
	}
	free(rx);
	return r.received + r.bad;
}
