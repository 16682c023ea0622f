// SPDX-License-Identifier: BSD-2-Clause
/*
 * xdp_ctx_sx.c - sign-extending context loads (RFC 9669 BPF_MEMSX, `ldxsw`) of the 32-bit xdp_md
 * fields the kernel lets plain XDP programs read: ingress_ifindex and rx_queue_index. The
 * sign-extended values are written over the first 16 bytes of the frame (so data_out shows them
 * bit for bit) and their sign picks the action: PASS when ingress_ifindex is non-negative as an
 * s32, DROP otherwise.
 *
 * clang 14 knows no BPF_MEMSX syntax (-mcpu=v4 came with clang 18), so the two loads are written
 * as raw instruction bytes; the rest is ordinary BPF assembler. tests/test_jit.c also runs this
 * program with field values that have bit 31 set, where the sign extension shows.
 */
#include "xdp_common.h"

/* ldxsw dst, [src + off]: opcode 0x81 (BPF_LDX | BPF_MEMSX | BPF_W), regs, off (LE), imm 0 */
#define LDXSW(dst, src, off) \
	".byte 0x81, (" #src " << 4) | " #dst "\n\t.short " #off "\n\t.long 0\n\t"

asm(".pushsection xdp, \"ax\", @progbits\n\t"
    ".globl xdp_ctx_sx\n\t"
    ".type xdp_ctx_sx, @function\n"
    "xdp_ctx_sx:\n\t"
    LDXSW(2, 1, 12)			/* r2 = *(s32 *)(r1 + 12): ingress_ifindex */
    LDXSW(3, 1, 16)			/* r3 = *(s32 *)(r1 + 16): rx_queue_index */
    "r4 = *(u32 *)(r1 + 0)\n\t"		/* data */
    "r5 = *(u32 *)(r1 + 4)\n\t"		/* data_end */
    "r1 = r4\n\t"
    "r1 += 16\n\t"
    "r0 = 2\n\t"			/* XDP_PASS */
    "if r1 > r5 goto .Lxdp_ctx_sx_out\n\t"
    "*(u64 *)(r4 + 0) = r2\n\t"
    "*(u64 *)(r4 + 8) = r3\n\t"
    "if r2 s> -1 goto .Lxdp_ctx_sx_out\n\t"
    "r0 = 1\n"				/* XDP_DROP */
    ".Lxdp_ctx_sx_out:\n\t"
    "exit\n\t"
    ".size xdp_ctx_sx, . - xdp_ctx_sx\n\t"
    ".popsection\n");

char _license[] SEC("license") = "GPL";
