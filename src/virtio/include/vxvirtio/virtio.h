/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * virtio.h - the wire formats shared with guests: feature bits, split virtqueue layout,
 * the virtio-net header, and the vhost-user protocol's numbers (virtio 1.x, vhost-user spec).
 */
#ifndef VXVIRTIO_VIRTIO_H
#define VXVIRTIO_VIRTIO_H

#include <stdint.h>

/* Device feature bits. */
#define VX_VIRTIO_NET_F_MTU		3
#define VX_VIRTIO_NET_F_MRG_RXBUF	15
#define VX_VHOST_F_LOG_ALL		26
#define VX_VIRTIO_RING_F_INDIRECT_DESC	28
#define VX_VIRTIO_RING_F_EVENT_IDX	29
#define VX_VHOST_USER_F_PROTOCOL_FEATURES 30
#define VX_VIRTIO_F_VERSION_1		32

#define VX_BIT(n)	(1ULL << (n))

/* vhost-user protocol feature bits. */
#define VX_VHOST_USER_PROTOCOL_F_MQ		0
#define VX_VHOST_USER_PROTOCOL_F_LOG_SHMFD	1
#define VX_VHOST_USER_PROTOCOL_F_RARP		2
#define VX_VHOST_USER_PROTOCOL_F_REPLY_ACK	3
#define VX_VHOST_USER_PROTOCOL_F_MTU		4
#define VX_VHOST_USER_PROTOCOL_F_CONFIGURE_MEM_SLOTS 15

/* Split virtqueue. */
#define VX_VRING_DESC_F_NEXT		1
#define VX_VRING_DESC_F_WRITE		2
#define VX_VRING_DESC_F_INDIRECT	4
#define VX_VRING_USED_F_NO_NOTIFY	1
#define VX_VRING_AVAIL_F_NO_INTERRUPT	1
#define VX_VRING_MAX_SIZE		32768

struct vx_vring_desc {
	uint64_t addr;
	uint32_t len;
	uint16_t flags;
	uint16_t next;
};

struct vx_vring_avail {
	uint16_t flags;
	uint16_t idx;
	uint16_t ring[];	/* then: uint16_t used_event */
};

struct vx_vring_used_elem {
	uint32_t id;
	uint32_t len;
};

struct vx_vring_used {
	uint16_t flags;
	uint16_t idx;
	struct vx_vring_used_elem ring[];	/* then: uint16_t avail_event */
};

static inline uint64_t vx_vring_desc_size(unsigned int num)
{
	return 16ULL * num;
}

static inline uint64_t vx_vring_avail_size(unsigned int num)
{
	return 4 + 2ULL * num + 2;
}

static inline uint64_t vx_vring_used_size(unsigned int num)
{
	return 4 + 8ULL * num + 2;
}

/* True when an event index between old (exclusive) and new_idx (inclusive) was crossed. */
static inline int vx_vring_need_event(uint16_t event, uint16_t new_idx, uint16_t old)
{
	return (uint16_t)(new_idx - event - 1) < (uint16_t)(new_idx - old);
}

/* The virtio-net header; legacy devices without MRG_RXBUF omit num_buffers (10 bytes). */
struct vx_virtio_net_hdr {
	uint8_t flags;
	uint8_t gso_type;
	uint16_t hdr_len;
	uint16_t gso_size;
	uint16_t csum_start;
	uint16_t csum_offset;
	uint16_t num_buffers;
};

#define VX_VIRTIO_NET_HDR_LEN		12
#define VX_VIRTIO_NET_HDR_LEN_LEGACY	10

/* vhost-user messages. */
enum vx_vhost_user_req {
	VX_VHOST_USER_GET_FEATURES = 1,
	VX_VHOST_USER_SET_FEATURES = 2,
	VX_VHOST_USER_SET_OWNER = 3,
	VX_VHOST_USER_RESET_OWNER = 4,
	VX_VHOST_USER_SET_MEM_TABLE = 5,
	VX_VHOST_USER_SET_LOG_BASE = 6,
	VX_VHOST_USER_SET_LOG_FD = 7,
	VX_VHOST_USER_SET_VRING_NUM = 8,
	VX_VHOST_USER_SET_VRING_ADDR = 9,
	VX_VHOST_USER_SET_VRING_BASE = 10,
	VX_VHOST_USER_GET_VRING_BASE = 11,
	VX_VHOST_USER_SET_VRING_KICK = 12,
	VX_VHOST_USER_SET_VRING_CALL = 13,
	VX_VHOST_USER_SET_VRING_ERR = 14,
	VX_VHOST_USER_GET_PROTOCOL_FEATURES = 15,
	VX_VHOST_USER_SET_PROTOCOL_FEATURES = 16,
	VX_VHOST_USER_GET_QUEUE_NUM = 17,
	VX_VHOST_USER_SET_VRING_ENABLE = 18,
	VX_VHOST_USER_SEND_RARP = 19,
	VX_VHOST_USER_NET_SET_MTU = 20,
	VX_VHOST_USER_REQ_MAX = 41,
};

#define VX_VHOST_USER_VERSION		0x1
#define VX_VHOST_USER_VERSION_MASK	0x3
#define VX_VHOST_USER_REPLY		0x4
#define VX_VHOST_USER_NEED_REPLY	0x8
#define VX_VHOST_USER_HDR_SIZE		12
#define VX_VHOST_USER_MAX_PAYLOAD	4096
#define VX_VHOST_USER_MAX_FDS		8
#define VX_VHOST_USER_MAX_REGIONS	8

#define VX_VHOST_USER_VRING_IDX_MASK	0xff
#define VX_VHOST_USER_VRING_NOFD	0x100
#define VX_VHOST_VRING_F_LOG		1

struct vx_vhost_user_region {
	uint64_t guest_addr;
	uint64_t size;
	uint64_t user_addr;
	uint64_t mmap_offset;
};

struct vx_vhost_user_mem {
	uint32_t nregions;
	uint32_t padding;
	struct vx_vhost_user_region regions[VX_VHOST_USER_MAX_REGIONS];
};

struct vx_vhost_user_state {
	uint32_t index;
	uint32_t num;
};

struct vx_vhost_user_addr {
	uint32_t index;
	uint32_t flags;
	uint64_t desc;
	uint64_t used;
	uint64_t avail;
	uint64_t log;
};

struct vx_vhost_user_hdr {
	uint32_t request;
	uint32_t flags;
	uint32_t size;
};

#endif /* VXVIRTIO_VIRTIO_H */
