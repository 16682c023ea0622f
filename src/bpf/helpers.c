// SPDX-License-Identifier: BSD-2-Clause
/*
 * helpers.c - the engine's helper table, and the helpers that need no map or packet: time,
 * random numbers, the CPU number, bpf_trace_printk, bpf_csum_diff, bpf_loop.
 *
 * Map helpers live in helpers_map.c, XDP helpers in xdp.c; this table is the one place that
 * says which helpers exist, what they take, and who may call them.
 */
#include <errno.h>
#include <stdbool.h>
#include <linux/bpf.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "helpers_priv.h"
#include "run_priv.h"
#include "vxbpf/map.h"

#define UNUSED5 (void)r1, (void)r2, (void)r3, (void)r4, (void)r5

static uint64_t clock_ns(clockid_t id)
{
	struct timespec ts;

	clock_gettime(id, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

static uint64_t ktime_get_ns(uint64_t r1, uint64_t r2, uint64_t r3, uint64_t r4, uint64_t r5)
{
	UNUSED5;
	return clock_ns(CLOCK_MONOTONIC);
}

static uint64_t ktime_get_boot_ns(uint64_t r1, uint64_t r2, uint64_t r3, uint64_t r4,
				  uint64_t r5)
{
	UNUSED5;
	return clock_ns(CLOCK_BOOTTIME);
}

/* A jiffy of 4 ms, as a kernel with HZ=250 (Debian's) counts them. */
static uint64_t jiffies64(uint64_t r1, uint64_t r2, uint64_t r3, uint64_t r4, uint64_t r5)
{
	UNUSED5;
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

	UNUSED5;
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

static uint64_t get_smp_processor_id(uint64_t r1, uint64_t r2, uint64_t r3, uint64_t r4,
				     uint64_t r5)
{
	UNUSED5;
	return vx_cpu();
}

static uint64_t add64_carry(uint64_t a, uint64_t b)
{
	a += b;
	return a + (a < b);
}

static uint32_t add32_carry(uint32_t a, uint32_t b)
{
	a += b;
	return a + (a < b);
}

static uint32_t ror32(uint32_t x, unsigned n)
{
	return x >> n | x << (32 - n);
}

/*
 * csum_partial exactly as Linux computes it on x86-64 (arch/x86/lib/csum-partial_64.c): 64-bit
 * little-endian words with end-around carry, the tail zero-padded, odd start addresses rotated,
 * folded to 32 bits. Bit-exactness matters: programs see the unfolded representation.
 */
static uint32_t csum_partial(uint64_t p, uint64_t len, uint32_t sum)
{
	const uint8_t *buf = (const uint8_t *)(uintptr_t)p;
	bool odd = p & 1;
	uint64_t t = sum, w;
	uint32_t r;

	if (odd) {
		if (!len)
			return sum;
		t = ror32(sum, 8) + ((uint64_t)buf[0] << 8);
		len--;
		buf++;
	}
	for (; len >= 8; len -= 8, buf += 8) {
		memcpy(&w, buf, 8);
		t = add64_carry(t, w);
	}
	if (len) {
		w = 0;
		memcpy(&w, buf, len);
		t = add64_carry(t, w);
	}
	r = add32_carry((uint32_t)(t >> 32), (uint32_t)t);
	return odd ? ror32(r, 8) : r;
}

static uint64_t csum_from32to16(uint32_t sum)
{
	sum += (sum >> 16) | (sum << 16);
	return sum >> 16;
}

/*
 * bpf_csum_diff as Linux computes it since 6.13: the checksum of to minus that of from, plus
 * seed, folded to 16 bits, any sizes (older kernels returned the unfolded sum and required
 * multiples of 4 up to 512 bytes).
 */
static uint64_t csum_diff(uint64_t from, uint64_t from_size, uint64_t to, uint64_t to_size,
			  uint64_t seed)
{
	uint32_t s = (uint32_t)seed;

	if (from_size && to_size)
		return csum_from32to16(add32_carry(csum_partial(to, to_size, s),
						   ~csum_partial(from, from_size, 0)));
	if (to_size)
		return csum_from32to16(csum_partial(to, to_size, s));
	if (from_size)
		return csum_from32to16(~csum_partial(from, from_size, ~s));
	return csum_from32to16(s);
}

#define LOOP_MAX (1u << 23) /* BPF_MAX_LOOPS */

static uint64_t loop(uint64_t nr, uint64_t fn, uint64_t ctx, uint64_t flags, uint64_t r5)
{
	struct vx_run *run = vx_cur_run;
	uint64_t i;
	int failed = 0;

	(void)r5;
	if (flags)
		return (uint64_t)-EINVAL;
	/*
	 * The kernel inlines bpf_loop when flags is 0, and the inlined code sets a 32-bit -E2BIG:
	 * programs see 0xfffffff9, not -7.
	 */
	if (nr > LOOP_MAX)
		return (uint32_t)-E2BIG;
	for (i = 0; i < nr; i++) {
		uint64_t args[4] = { i, ctx, 0, 0 };
		uint64_t ret = run->call(run, fn, args, &failed);

		if (failed)
			return 0;
		if (ret)
			return i + 1;
	}
	return nr;
}

static void (*trace_hook)(const char *line, void *arg);
static void *trace_arg;
static int trace_hook_set;

void vx_set_trace_hook(void (*fn)(const char *line, void *arg), void *arg)
{
	trace_hook = fn;
	trace_arg = arg;
	trace_hook_set = 1;
}

/* %s: the string at p, if the program may read it; a fault gives "" as in the kernel. */
static int trace_str(uint64_t p, char *out, size_t size)
{
	size_t n = 0;

	/* address arithmetic in integers: p may be anything the program passed, NULL included */
	while (n + 1 < size && vx_run_readable((const void *)(uintptr_t)(p + n), 1) &&
	       *(const char *)(uintptr_t)(p + n)) {
		out[n] = *(const char *)(uintptr_t)(p + n);
		n++;
	}
	out[n] = '\0';
	return (int)n;
}

/* %pI4 %pi4 %pI6 %pi6: an address read from p (zeros if unreadable), formatted as Linux does. */
static int trace_ip(const char **f, uint64_t p, char *out, size_t size)
{
	const char *s = *f;
	bool dotted = s[2] == 'I';
	unsigned n = s[3] == '4' ? 4 : 16, i;
	uint8_t a[16] = { 0 };
	int len = 0;

	*f = s + 4;
	if (vx_run_readable((const void *)(uintptr_t)p, n))
		memcpy(a, (const void *)(uintptr_t)p, n);
	for (i = 0; i < n && (size_t)len < size; i++) {
		if (n == 4)
			len += snprintf(out + len, size - (size_t)len,
					dotted ? "%s%u" : "%s%03u", i ? "." : "", a[i]);
		else
			len += snprintf(out + len, size - (size_t)len, "%s%02x",
					dotted && i && !(i % 2) ? ":" : "", a[i]);
	}
	return len;
}

/*
 * Format one conversion of a trace_printk format at *f with arg into out. Returns the bytes
 * written, or -1 for a conversion refused. Integers: d i u x X, with l or ll for 64 bits (an
 * int otherwise, as the kernel's vsnprintf reads it); %c; %s; %pI4 %pi4 %pI6 %pi6. Other %p
 * forms would print host addresses and are refused (-EINVAL).
 */
static int trace_conv(const char **f, uint64_t arg, char *out, size_t size, bool *used)
{
	const char *p = *f + 1;
	bool wide = false;
	char c;

	*used = true;
	if (*p == '%') {
		*f = p + 1;
		*used = false;
		return snprintf(out, size, "%%");
	}
	if (p[0] == 'p' && (p[1] == 'i' || p[1] == 'I') && (p[2] == '4' || p[2] == '6'))
		return trace_ip(f, arg, out, size);
	if (p[0] == 'l')
		wide = true, p += p[1] == 'l' ? 2 : 1;
	c = *p;
	if (!c || !strchr("diuxXcs", c) || (wide && (c == 'c' || c == 's')))
		return -1;
	*f = p + 1;
	if (c == 's')
		return trace_str(arg, out, size);
	if (c == 'c')
		return snprintf(out, size, "%c", (char)arg);
	if (c == 'd' || c == 'i')
		return snprintf(out, size, "%lld",
				wide ? (long long)arg : (long long)(int32_t)arg);
	if (!wide)
		arg = (uint32_t)arg;
	return snprintf(out, size, c == 'u' ? "%llu" : c == 'x' ? "%llx" : "%llX",
			(unsigned long long)arg);
}

/*
 * bpf_trace_printk(fmt, fmt_size, a1, a2, a3): at most three conversions (above); returns the
 * length of the formatted line, which goes to the trace hook.
 */
static uint64_t trace_printk(uint64_t fmt_p, uint64_t fmt_size, uint64_t a1, uint64_t a2,
			     uint64_t a3)
{
	const char *fmt = (const char *)(uintptr_t)fmt_p, *f;
	uint64_t args[3] = { a1, a2, a3 };
	char line[1024];
	size_t len = 0;
	unsigned nargs = 0;
	bool used;
	int k;

	if (!fmt_size || fmt[fmt_size - 1])
		return (uint64_t)-EINVAL;
	for (f = fmt; *f && len < sizeof(line) - 1;) {
		if (*f != '%') {
			line[len++] = *f++;
			continue;
		}
		if (nargs == 3 && f[1] != '%')
			return (uint64_t)-EINVAL;
		k = trace_conv(&f, nargs < 3 ? args[nargs] : 0, line + len, sizeof(line) - len,
			       &used);
		if (k < 0)
			return (uint64_t)-EINVAL;
		nargs += used;
		len += (size_t)k;
		if (len >= sizeof(line))
			len = sizeof(line) - 1;
	}
	line[len] = '\0';
	if (!trace_hook_set)
		fprintf(stderr, "trace: %s\n", line);
	else if (trace_hook)
		trace_hook(line, trace_arg);
	return len;
}

#define A(...) { __VA_ARGS__ }
/* clang-format off */
static const struct vx_helper helpers[] = {
	{ 1, "map_lookup_elem", vx_h_map_lookup_elem, VX_RET_MAP_VALUE_OR_NULL,
	  A(VX_ARG_MAP, VX_ARG_MAP_KEY), VX_HELPER_ALL, 0 },
	{ 2, "map_update_elem", vx_h_map_update_elem, VX_RET_INTEGER,
	  A(VX_ARG_MAP, VX_ARG_MAP_KEY, VX_ARG_MAP_VALUE, VX_ARG_ANYTHING), VX_HELPER_ALL, 0 },
	{ 3, "map_delete_elem", vx_h_map_delete_elem, VX_RET_INTEGER,
	  A(VX_ARG_MAP, VX_ARG_MAP_KEY), VX_HELPER_ALL, 0 },
	{ 5, "ktime_get_ns", ktime_get_ns, VX_RET_INTEGER, A(0), VX_HELPER_ALL, 0 },
	{ 6, "trace_printk", trace_printk, VX_RET_INTEGER,
	  A(VX_ARG_MEM, VX_ARG_CONST_SIZE), VX_HELPER_ALL, 0 }, /* r3-r5: read if used */
	{ 7, "get_prandom_u32", get_prandom_u32, VX_RET_INTEGER, A(0), VX_HELPER_ALL, 0 },
	{ 8, "get_smp_processor_id", get_smp_processor_id, VX_RET_INTEGER, A(0),
	  VX_HELPER_ALL, 0 },
	{ 12, "tail_call", NULL, VX_RET_VOID,
	  A(VX_ARG_CTX, VX_ARG_MAP_PROG_ARRAY, VX_ARG_ANYTHING), VX_HELPER_ALL,
	  VX_HELPER_TAIL_CALL },
	{ 23, "redirect", vx_h_redirect, VX_RET_INTEGER, A(VX_ARG_ANYTHING, VX_ARG_ANYTHING),
	  VX_HELPER_ALL, 0 },
	{ 28, "csum_diff", csum_diff, VX_RET_INTEGER,
	  A(VX_ARG_MEM_OR_NULL, VX_ARG_CONST_SIZE_OR_ZERO, VX_ARG_MEM_OR_NULL,
	    VX_ARG_CONST_SIZE_OR_ZERO, VX_ARG_ANYTHING), VX_HELPER_ALL, 0 },
	{ 44, "xdp_adjust_head", vx_h_xdp_adjust_head, VX_RET_INTEGER,
	  A(VX_ARG_CTX, VX_ARG_ANYTHING), VX_HELPER_ALL, VX_HELPER_PKT_CHANGE },
	{ 51, "redirect_map", vx_h_redirect_map, VX_RET_INTEGER,
	  A(VX_ARG_MAP, VX_ARG_ANYTHING, VX_ARG_ANYTHING), VX_HELPER_ALL, 0 },
	{ 54, "xdp_adjust_meta", vx_h_xdp_adjust_meta, VX_RET_INTEGER,
	  A(VX_ARG_CTX, VX_ARG_ANYTHING), VX_HELPER_ALL, VX_HELPER_PKT_CHANGE },
	{ 65, "xdp_adjust_tail", vx_h_xdp_adjust_tail, VX_RET_INTEGER,
	  A(VX_ARG_CTX, VX_ARG_ANYTHING), VX_HELPER_ALL, VX_HELPER_PKT_CHANGE },
	{ 118, "jiffies64", jiffies64, VX_RET_INTEGER, A(0), VX_HELPER_ALL, 0 },
	{ 125, "ktime_get_boot_ns", ktime_get_boot_ns, VX_RET_INTEGER, A(0), VX_HELPER_ALL, 0 },
	{ 130, "ringbuf_output", vx_h_ringbuf_output, VX_RET_INTEGER,
	  A(VX_ARG_MAP_RINGBUF, VX_ARG_MEM, VX_ARG_CONST_SIZE_OR_ZERO, VX_ARG_ANYTHING),
	  VX_HELPER_ALL, 0 },
	{ 131, "ringbuf_reserve", vx_h_ringbuf_reserve, VX_RET_MEM_OR_NULL,
	  A(VX_ARG_MAP_RINGBUF, VX_ARG_ANYTHING, VX_ARG_ANYTHING), VX_HELPER_ALL, 0 },
	{ 132, "ringbuf_submit", vx_h_ringbuf_submit, VX_RET_VOID,
	  A(VX_ARG_RINGBUF_MEM, VX_ARG_ANYTHING), VX_HELPER_ALL, 0 },
	{ 133, "ringbuf_discard", vx_h_ringbuf_discard, VX_RET_VOID,
	  A(VX_ARG_RINGBUF_MEM, VX_ARG_ANYTHING), VX_HELPER_ALL, 0 },
	{ 134, "ringbuf_query", vx_h_ringbuf_query, VX_RET_INTEGER,
	  A(VX_ARG_MAP_RINGBUF, VX_ARG_ANYTHING), VX_HELPER_ALL, 0 },
	{ 164, "for_each_map_elem", vx_h_for_each_map_elem, VX_RET_INTEGER,
	  A(VX_ARG_MAP, VX_ARG_FUNC, VX_ARG_PTR_TO_STACK_OR_NULL, VX_ARG_ANYTHING),
	  VX_HELPER_ALL, VX_HELPER_CALLBACK },
	{ 181, "loop", loop, VX_RET_INTEGER,
	  A(VX_ARG_ANYTHING, VX_ARG_FUNC, VX_ARG_PTR_TO_STACK_OR_NULL, VX_ARG_ANYTHING),
	  VX_HELPER_ALL, VX_HELPER_CALLBACK },
	{ 188, "xdp_get_buff_len", vx_h_xdp_get_buff_len, VX_RET_INTEGER, A(VX_ARG_CTX),
	  VX_HELPER_ALL, 0 },
};
/* clang-format on */

const struct vx_helper *vx_helper_get(uint32_t id)
{
	size_t i;

	for (i = 0; i < sizeof(helpers) / sizeof(helpers[0]); i++)
		if (helpers[i].id == id)
			return &helpers[i];
	return NULL;
}

/* Every helper name the kernel headers of the build machine know, for error messages. */
#define VX_NAME_FN(x) [BPF_FUNC_##x] = #x
static const char *const kernel_names[] = { __BPF_FUNC_MAPPER(VX_NAME_FN) };

const char *vx_helper_name(uint32_t id)
{
	const struct vx_helper *h = vx_helper_get(id);

	if (h)
		return h->name;
	if (id < sizeof(kernel_names) / sizeof(kernel_names[0]))
		return kernel_names[id];
	return NULL;
}
