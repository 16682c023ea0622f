/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * mac.h - the switch's MAC learning table: source address to port, with aging.
 * Lock-free: any worker may learn and look up at once (one 64-bit word per entry holds the
 * address and the port, so a reader never sees one without the other).
 */
#ifndef VXDP_MAC_H
#define VXDP_MAC_H

#include <stdint.h>

#define VX_MAC_NONE	0xffffu		/* no port */

struct vx_mac_entry {
	uint64_t key;		/* address << 16 | (port + 1); 0: empty */
	uint64_t seen_ns;	/* last time the address was seen as a source */
};

struct vx_mac_table {
	struct vx_mac_entry *e;
	unsigned int mask;	/* buckets - 1 */
	uint64_t age_ns;
};

/* buckets: rounded up to a power of 2. 0 or -ENOMEM. */
int vx_mac_init(struct vx_mac_table *t, unsigned int buckets, uint64_t age_ns);
void vx_mac_fini(struct vx_mac_table *t);

/* Record that mac was seen arriving on port at now_ns. */
void vx_mac_learn(struct vx_mac_table *t, const uint8_t mac[6], unsigned int port,
		  uint64_t now_ns);
/* The port of mac, or VX_MAC_NONE when unknown or aged out. */
unsigned int vx_mac_lookup(const struct vx_mac_table *t, const uint8_t mac[6], uint64_t now_ns);
/* Live entries (for stats). */
unsigned int vx_mac_count(const struct vx_mac_table *t, uint64_t now_ns);

#endif /* VXDP_MAC_H */
