// SPDX-License-Identifier: BSD-2-Clause
/*
 * verifier_tnum.c - tracked numbers: sets of 64-bit values known bit by bit (value, mask), with
 * the arithmetic the verifier needs (the kernel's tnum semantics, written anew).
 */
#include <stdio.h>

#include "verifier_priv.h"

struct tnum tn_const(uint64_t v)
{
	return (struct tnum){ v, 0 };
}

struct tnum tn_unknown(void)
{
	return (struct tnum){ 0, ~0ull };
}

struct tnum tn_range(uint64_t min, uint64_t max)
{
	uint64_t chi = min ^ max, delta;
	unsigned bits = chi ? 64 - (unsigned)__builtin_clzll(chi) : 0;

	if (bits > 63)
		return tn_unknown();
	delta = (1ull << bits) - 1;
	return (struct tnum){ min & ~delta, delta };
}

struct tnum tn_add(struct tnum a, struct tnum b)
{
	uint64_t sm = a.mask + b.mask, sv = a.value + b.value;
	uint64_t chi = (sm + sv) ^ sv, mu = chi | a.mask | b.mask;

	return (struct tnum){ sv & ~mu, mu };
}

struct tnum tn_sub(struct tnum a, struct tnum b)
{
	uint64_t dv = a.value - b.value;
	uint64_t chi = (dv + a.mask) ^ (dv - b.mask), mu = chi | a.mask | b.mask;

	return (struct tnum){ dv & ~mu, mu };
}

struct tnum tn_and(struct tnum a, struct tnum b)
{
	uint64_t alpha = a.value | a.mask, beta = b.value | b.mask, v = a.value & b.value;

	return (struct tnum){ v, alpha & beta & ~v };
}

struct tnum tn_or(struct tnum a, struct tnum b)
{
	uint64_t v = a.value | b.value, mu = a.mask | b.mask;

	return (struct tnum){ v, mu & ~v };
}

struct tnum tn_xor(struct tnum a, struct tnum b)
{
	uint64_t v = a.value ^ b.value, mu = a.mask | b.mask;

	return (struct tnum){ v & ~mu, mu };
}

struct tnum tn_lsh(struct tnum a, unsigned s)
{
	return (struct tnum){ a.value << s, a.mask << s };
}

struct tnum tn_rsh(struct tnum a, unsigned s)
{
	return (struct tnum){ a.value >> s, a.mask >> s };
}

struct tnum tn_arsh(struct tnum a, unsigned s, unsigned bits)
{
	if (bits == 32)
		return (struct tnum){ (uint32_t)((int32_t)a.value >> s),
				      (uint32_t)((int32_t)a.mask >> s) };
	return (struct tnum){ (uint64_t)((int64_t)a.value >> s), (uint64_t)((int64_t)a.mask >> s) };
}

/* Long multiplication, one bit of a at a time. */
struct tnum tn_mul(struct tnum a, struct tnum b)
{
	struct tnum acc_m = tn_const(0);
	uint64_t acc_v = a.value * b.value;

	while (a.value || a.mask) {
		if (a.value & 1)
			acc_m = tn_add(acc_m, (struct tnum){ 0, b.mask });
		else if (a.mask & 1)
			acc_m = tn_add(acc_m, (struct tnum){ 0, b.value | b.mask });
		a = tn_rsh(a, 1);
		b = tn_lsh(b, 1);
	}
	return tn_add(tn_const(acc_v), acc_m);
}

struct tnum tn_intersect(struct tnum a, struct tnum b)
{
	uint64_t v = a.value | b.value, mu = a.mask & b.mask;

	return (struct tnum){ v & ~mu, mu };
}

struct tnum tn_cast(struct tnum a, unsigned bytes)
{
	uint64_t m = bytes >= 8 ? ~0ull : (1ull << (bytes * 8)) - 1;

	return (struct tnum){ a.value & m, a.mask & m };
}

/* Whether every value of b is in a. */
bool tn_in(struct tnum a, struct tnum b)
{
	if (b.mask & ~a.mask)
		return false;
	return a.value == (b.value & ~a.mask);
}

bool tn_is_const(struct tnum a)
{
	return !a.mask;
}

int tn_str(char *buf, size_t size, struct tnum a)
{
	return snprintf(buf, size, "(0x%llx; 0x%llx)", (unsigned long long)a.value,
			(unsigned long long)a.mask);
}
