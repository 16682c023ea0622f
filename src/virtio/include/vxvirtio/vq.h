/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * vq.h - one split virtqueue as the device side drives it: ring setup from vhost-user values,
 * the checked descriptor-chain walker, used-ring updates and notifications in both directions.
 *
 * Every field is protected by lock: the control thread holds it while it changes the queue,
 * the worker holds it (taken with trylock) for the length of a burst.
 */
#ifndef VXVIRTIO_VQ_H
#define VXVIRTIO_VQ_H

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/uio.h>

#include <vxvirtio/mem.h>
#include <vxvirtio/virtio.h>

/* At most this many descriptors are visited for one chain (direct and indirect together). */
#define VX_VQ_MAX_CHAIN		4096
/* At most this many host segments make one chain; a longer chain breaks the queue. */
#define VX_VQ_MAX_IOV		256

struct vx_vq {
	pthread_mutex_t lock;
	const struct vx_mem *mem;
	char name[48];

	/* As set by the frontend. */
	uint32_t num;
	uint64_t desc_uva, avail_uva, used_uva;
	bool num_set, addr_set, started, enabled;
	bool event_idx, indirect;
	int kick_fd, call_fd, err_fd;

	/* Host views of the rings, valid once translated. */
	struct vx_vring_desc *desc;
	struct vx_vring_avail *avail;
	struct vx_vring_used *used;

	uint16_t last_avail;	/* next avail entry to consume */
	uint16_t last_used;	/* next used entry to fill (published at flush) */
	uint16_t signalled_used;
	bool signalled_valid;
	bool kicks_wanted;
	bool broken;

	uint64_t breaks;	/* times this queue was found broken */
	uint64_t calls;		/* call eventfd writes */
};

enum vx_vq_dir {
	VX_VQ_READ,	/* device reads: every descriptor must be device-readable (TX) */
	VX_VQ_WRITE,	/* device writes: every descriptor must be device-writable (RX) */
};

struct vx_chain {
	struct iovec *iov;	/* host segments, zero-length descriptors skipped */
	unsigned int niov;
	unsigned int cap;	/* room in iov; at least VX_VQ_MAX_IOV for a full check */
	uint64_t len;		/* sum of the segments */
	uint16_t head;
};

void vx_vq_init(struct vx_vq *vq, const struct vx_mem *mem, const char *name);
/* Back to the state of a new connection: fds closed, ring forgotten, not broken. */
void vx_vq_reset(struct vx_vq *vq);
void vx_vq_destroy(struct vx_vq *vq);

/* Translate and check the ring addresses against the memory table. 0 or -EINVAL. */
int vx_vq_translate(struct vx_vq *vq);
/* Forget the host views (memory table going away). */
void vx_vq_untranslate(struct vx_vq *vq);

/*
 * Start where the ring's used index says, when that differs from the base the frontend set:
 * a frontend that outlived its backend (DPDK's virtio-user after vxdpd restarted) sets base
 * 0 over rings that already moved; every entry before the used index was consumed. Needs a
 * translated ring. The new position is still checked against the avail index like any other.
 */
void vx_vq_resume_at_used(struct vx_vq *vq);

/* Ready for the datapath: translated, started, enabled, not broken. */
bool vx_vq_ready(const struct vx_vq *vq);

/* Mark the queue broken: counted, logged, the err eventfd signalled. Returns -EIO. */
int vx_vq_break(struct vx_vq *vq, const char *why);

/* Entries the driver has made available (checked: more than num breaks the queue). */
unsigned int vx_vq_avail(struct vx_vq *vq);
/* Take the next available head; -EIO (queue broken) if it is out of range. */
int vx_vq_pop(struct vx_vq *vq, uint16_t *head);
/* Walk one chain from head into c; -EIO (queue broken) on any violation. */
int vx_vq_walk(struct vx_vq *vq, uint16_t head, enum vx_vq_dir dir, struct vx_chain *c);

/* Fill the next used entry (not yet visible to the driver). */
void vx_vq_push(struct vx_vq *vq, uint16_t head, uint32_t len);
/* Publish pushed entries with one index update and call the driver if it wants it. */
void vx_vq_flush(struct vx_vq *vq, uint16_t pushed);

/* Ask for kicks (true) or suppress them (false, the poll-mode default). */
void vx_vq_want_kicks(struct vx_vq *vq, bool on);
/* Consume pending kicks on the kick eventfd without blocking. */
void vx_vq_drain_kick(struct vx_vq *vq);

#endif /* VXVIRTIO_VQ_H */
