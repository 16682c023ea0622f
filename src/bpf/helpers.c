// SPDX-License-Identifier: BSD-2-Clause
/*
 * helpers.c - the engine's helper table and the helpers that need no program state.
 *
 * Helpers that touch maps, the packet or the run (map_*, redirect, xdp_adjust_*) join this table
 * with the object loader and the XDP context.
 */
#include <stddef.h>
#include <time.h>

#include "vxbpf/helper.h"

static uint64_t clock_ns(clockid_t id)
{
	struct timespec ts;

	clock_gettime(id, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

static uint64_t ktime_get_ns(uint64_t r1, uint64_t r2, uint64_t r3, uint64_t r4, uint64_t r5)
{
	(void)r1, (void)r2, (void)r3, (void)r4, (void)r5;
	return clock_ns(CLOCK_MONOTONIC);
}

static uint64_t ktime_get_boot_ns(uint64_t r1, uint64_t r2, uint64_t r3, uint64_t r4,
				  uint64_t r5)
{
	(void)r1, (void)r2, (void)r3, (void)r4, (void)r5;
	return clock_ns(CLOCK_BOOTTIME);
}

/* A jiffy of 4 ms, as a kernel with HZ=250 (Debian's) counts them. */
static uint64_t jiffies64(uint64_t r1, uint64_t r2, uint64_t r3, uint64_t r4, uint64_t r5)
{
	(void)r1, (void)r2, (void)r3, (void)r4, (void)r5;
	return clock_ns(CLOCK_MONOTONIC) / 4000000u;
}

/*
 * Per-thread xorshift128+ generator, seeded from the clock on first use: like the kernel's
 * bpf_get_prandom_u32 it is fast and unpredictable enough for sampling, not for cryptography.
 */
static uint64_t get_prandom_u32(uint64_t r1, uint64_t r2, uint64_t r3, uint64_t r4, uint64_t r5)
{
	static __thread uint64_t s[2];
	uint64_t x, y;

	(void)r1, (void)r2, (void)r3, (void)r4, (void)r5;
	if (!s[0] && !s[1]) {
		s[0] = clock_ns(CLOCK_MONOTONIC) | 1;
		s[1] = (uint64_t)(uintptr_t)&s ^ 0x9e3779b97f4a7c15ull;
	}
	x = s[0];
	y = s[1];
	s[0] = y;
	x ^= x << 23;
	s[1] = x ^ y ^ (x >> 17) ^ (y >> 26);
	return (uint32_t)((s[1] + y) >> 32);
}

static const struct vx_helper helpers[] = {
	{ 5, "ktime_get_ns", ktime_get_ns },
	{ 7, "get_prandom_u32", get_prandom_u32 },
	{ 118, "jiffies64", jiffies64 },
	{ 125, "ktime_get_boot_ns", ktime_get_boot_ns },
};

const struct vx_helper *vx_helper_get(uint32_t id)
{
	size_t i;

	for (i = 0; i < sizeof(helpers) / sizeof(helpers[0]); i++)
		if (helpers[i].id == id)
			return &helpers[i];
	return NULL;
}
