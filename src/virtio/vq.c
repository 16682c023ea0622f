// SPDX-License-Identifier: BSD-2-Clause
/*
 * vq.c - the device side of a split virtqueue: checked ring translation, the descriptor-chain
 * walker (indirect tables, loops, bounds, directions), used-ring updates and notifications.
 *
 * The guest may change its memory at any time, so every descriptor is copied out once before
 * it is checked and used, and no value read from the rings is trusted without a bound check.
 */
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <vxvirtio/log.h>
#include <vxvirtio/vq.h>

static void close_fd(int *fd)
{
	if (*fd >= 0)
		close(*fd);
	*fd = -1;
}

void vx_vq_init(struct vx_vq *vq, const struct vx_mem *mem, const char *name)
{
	memset(vq, 0, sizeof(*vq));
	pthread_mutex_init(&vq->lock, NULL);
	vq->mem = mem;
	snprintf(vq->name, sizeof(vq->name), "%s", name);
	vq->kick_fd = vq->call_fd = vq->err_fd = -1;
}

void vx_vq_reset(struct vx_vq *vq)
{
	close_fd(&vq->kick_fd);
	close_fd(&vq->call_fd);
	close_fd(&vq->err_fd);
	vq->num = 0;
	vq->desc_uva = vq->avail_uva = vq->used_uva = 0;
	vq->num_set = vq->addr_set = vq->started = vq->enabled = false;
	vq->event_idx = vq->indirect = false;
	vx_vq_untranslate(vq);
	vq->last_avail = vq->last_used = vq->signalled_used = 0;
	vq->signalled_valid = vq->kicks_wanted = vq->broken = false;
}

void vx_vq_destroy(struct vx_vq *vq)
{
	vx_vq_reset(vq);
	pthread_mutex_destroy(&vq->lock);
}

void vx_vq_untranslate(struct vx_vq *vq)
{
	vq->desc = NULL;
	vq->avail = NULL;
	vq->used = NULL;
}

static int aligned(const void *p, uintptr_t a)
{
	return ((uintptr_t)p & (a - 1)) == 0;
}

int vx_vq_translate(struct vx_vq *vq)
{
	void *d, *a, *u;

	vx_vq_untranslate(vq);
	if (!vq->num_set || !vq->addr_set)
		return -EINVAL;
	d = vx_mem_uva(vq->mem, vq->desc_uva, vx_vring_desc_size(vq->num));
	a = vx_mem_uva(vq->mem, vq->avail_uva, vx_vring_avail_size(vq->num));
	u = vx_mem_uva(vq->mem, vq->used_uva, vx_vring_used_size(vq->num));
	if (!d || !a || !u)
		return -EINVAL;
	if (!aligned(d, 16) || !aligned(a, 2) || !aligned(u, 4))
		return -EINVAL;
	vq->desc = d;
	vq->avail = a;
	vq->used = u;
	return 0;
}

void vx_vq_resume_at_used(struct vx_vq *vq)
{
	uint16_t used = __atomic_load_n(&vq->used->idx, __ATOMIC_ACQUIRE);

	if (used == vq->last_used)
		return;
	vx_virtio_log(vq->name, "ring base %u but its used index is %u: resuming at %u",
		      vq->last_used, used, used);
	vq->last_used = vq->last_avail = used;
	vq->signalled_valid = false;
}

bool vx_vq_ready(const struct vx_vq *vq)
{
	return vq->desc && vq->started && vq->enabled && !vq->broken;
}

int vx_vq_break(struct vx_vq *vq, const char *why)
{
	uint64_t one = 1;

	if (!vq->broken) {
		vq->broken = true;
		vx_virtio_log(vq->name, "queue broken: %s", why);
		__atomic_fetch_add(&vq->breaks, 1, __ATOMIC_RELEASE);
		if (vq->err_fd >= 0 && write(vq->err_fd, &one, sizeof(one)) < 0)
			vx_virtio_log(vq->name, "err eventfd write failed");
	}
	return -EIO;
}

unsigned int vx_vq_avail(struct vx_vq *vq)
{
	uint16_t idx = __atomic_load_n(&vq->avail->idx, __ATOMIC_ACQUIRE);
	uint16_t n = idx - vq->last_avail;

	if (n > vq->num) {
		vx_vq_break(vq, "avail index moved by more than the ring size");
		return 0;
	}
	return n;
}

int vx_vq_pop(struct vx_vq *vq, uint16_t *head)
{
	uint16_t h = __atomic_load_n(&vq->avail->ring[vq->last_avail & (vq->num - 1)],
				     __ATOMIC_RELAXED);

	if (h >= vq->num)
		return vx_vq_break(vq, "avail ring head out of range");
	vq->last_avail++;
	*head = h;
	return 0;
}

/* Add [gpa, gpa + len) to the chain, split where it crosses regions. */
static int chain_add(struct vx_vq *vq, struct vx_chain *c, uint64_t gpa, uint32_t len)
{
	uint64_t end, contig;
	void *p;

	if (__builtin_add_overflow(gpa, (uint64_t)len, &end))
		return vx_vq_break(vq, "buffer address wraps");
	while (len) {
		p = vx_mem_gpa_partial(vq->mem, gpa, len, &contig);
		if (!p)
			return vx_vq_break(vq, "buffer outside guest memory");
		if (c->niov >= c->cap)
			return vx_vq_break(vq, "chain has too many segments");
		c->iov[c->niov].iov_base = p;
		c->iov[c->niov].iov_len = contig;
		c->niov++;
		c->len += contig;
		gpa += contig;
		len -= contig;
	}
	return 0;
}

struct walk {
	const struct vx_vring_desc *table;
	uint32_t n;		/* entries in table */
	uint32_t steps;		/* descriptors visited in table */
	uint32_t total;		/* descriptors visited in the chain */
	bool in_indirect;
};

static int enter_indirect(struct vx_vq *vq, struct walk *w, const struct vx_vring_desc *d,
			  uint16_t *idx)
{
	if (w->in_indirect)
		return vx_vq_break(vq, "nested indirect descriptor");
	if (!vq->indirect)
		return vx_vq_break(vq, "indirect descriptor not negotiated");
	if (d->flags & VX_VRING_DESC_F_NEXT)
		return vx_vq_break(vq, "indirect descriptor with next");
	if (d->len == 0 || d->len % sizeof(*d) || d->len / sizeof(*d) > VX_VQ_MAX_CHAIN)
		return vx_vq_break(vq, "bad indirect table length");
	w->table = vx_mem_gpa(vq->mem, d->addr, d->len);
	if (!w->table)
		return vx_vq_break(vq, "indirect table outside guest memory");
	w->n = d->len / sizeof(*d);
	w->steps = 0;
	w->in_indirect = true;
	*idx = 0;
	return 0;
}

static int check_dir(struct vx_vq *vq, uint16_t flags, enum vx_vq_dir dir)
{
	bool writable = flags & VX_VRING_DESC_F_WRITE;

	if (dir == VX_VQ_READ && writable)
		return vx_vq_break(vq, "device-writable descriptor in a transmit chain");
	if (dir == VX_VQ_WRITE && !writable)
		return vx_vq_break(vq, "device-readable descriptor in a receive chain");
	return 0;
}

int vx_vq_walk(struct vx_vq *vq, uint16_t head, enum vx_vq_dir dir, struct vx_chain *c)
{
	struct walk w = { .table = vq->desc, .n = vq->num };
	struct vx_vring_desc d;
	uint16_t idx = head;
	int err;

	c->niov = 0;
	c->len = 0;
	c->head = head;
	for (;;) {
		if (idx >= w.n)
			return vx_vq_break(vq, "descriptor index out of range");
		if (++w.steps > w.n || ++w.total > VX_VQ_MAX_CHAIN)
			return vx_vq_break(vq, "descriptor chain loops or is too long");
		memcpy(&d, &w.table[idx], sizeof(d));
		if (d.flags & VX_VRING_DESC_F_INDIRECT) {
			err = enter_indirect(vq, &w, &d, &idx);
			if (err)
				return err;
			continue;
		}
		err = check_dir(vq, d.flags, dir);
		if (!err)
			err = chain_add(vq, c, d.addr, d.len);
		if (err)
			return err;
		if (!(d.flags & VX_VRING_DESC_F_NEXT))
			return 0;
		idx = d.next;
	}
}

void vx_vq_push(struct vx_vq *vq, uint16_t head, uint32_t len)
{
	struct vx_vring_used_elem *e = &vq->used->ring[vq->last_used & (vq->num - 1)];

	e->id = head;
	e->len = len;
	vq->last_used++;
}

static uint16_t *used_event(struct vx_vq *vq)
{
	return &vq->avail->ring[vq->num];
}

static uint16_t *avail_event(struct vx_vq *vq)
{
	return (uint16_t *)&vq->used->ring[vq->num];
}

static bool driver_wants_call(struct vx_vq *vq)
{
	uint16_t old, ev;
	bool valid;

	/* The used index store must be visible before the driver's suppression is read. */
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	if (!vq->event_idx)
		return !(__atomic_load_n(&vq->avail->flags, __ATOMIC_RELAXED) &
			 VX_VRING_AVAIL_F_NO_INTERRUPT);
	old = vq->signalled_used;
	valid = vq->signalled_valid;
	vq->signalled_used = vq->last_used;
	vq->signalled_valid = true;
	ev = __atomic_load_n(used_event(vq), __ATOMIC_RELAXED);
	return !valid || vx_vring_need_event(ev, vq->last_used, old);
}

static void call_driver(struct vx_vq *vq)
{
	uint64_t one = 1;

	if (vq->call_fd < 0)
		return;
	if (write(vq->call_fd, &one, sizeof(one)) == sizeof(one))
		__atomic_fetch_add(&vq->calls, 1, __ATOMIC_RELAXED);
}

void vx_vq_flush(struct vx_vq *vq, uint16_t pushed)
{
	if (!pushed)
		return;
	__atomic_store_n(&vq->used->idx, vq->last_used, __ATOMIC_RELEASE);
	if (vq->kicks_wanted && vq->event_idx)
		__atomic_store_n(avail_event(vq), vq->last_avail, __ATOMIC_RELEASE);
	if (driver_wants_call(vq))
		call_driver(vq);
}

void vx_vq_want_kicks(struct vx_vq *vq, bool on)
{
	vq->kicks_wanted = on;
	if (!vq->used)
		return;
	if (vq->event_idx) {
		if (on)
			__atomic_store_n(avail_event(vq), vq->last_avail, __ATOMIC_RELEASE);
	} else {
		__atomic_store_n(&vq->used->flags, on ? 0 : VX_VRING_USED_F_NO_NOTIFY,
				 __ATOMIC_RELEASE);
	}
	/* Our flag store before the caller's next look at the avail index. */
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
}

void vx_vq_drain_kick(struct vx_vq *vq)
{
	struct pollfd p = { .fd = vq->kick_fd, .events = POLLIN };
	uint64_t v;

	if (vq->kick_fd < 0 || poll(&p, 1, 0) != 1 || !(p.revents & POLLIN))
		return;
	if (read(vq->kick_fd, &v, sizeof(v)) < 0)
		return;
}
