// SPDX-License-Identifier: BSD-2-Clause
/*
 * handle.c - what each vhost-user request does to the device: features, memory table, vring
 * setup and teardown. Every value from the frontend is checked; -EPROTO means the message was
 * malformed and the connection must go, other errors refuse a well-formed request.
 */
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include <vxvirtio/log.h>

#include "vhost_priv.h"

void vx_vhost_lock_all(struct vx_vhost_dev *dev)
{
	unsigned int i;

	for (i = 0; i < VX_NET_NQUEUES; i++)
		pthread_mutex_lock(&dev->vq[i].lock);
}

void vx_vhost_unlock_all(struct vx_vhost_dev *dev)
{
	unsigned int i = VX_NET_NQUEUES;

	while (i--)
		pthread_mutex_unlock(&dev->vq[i].lock);
}

/* Recompute readiness and publish a new generation. */
void vx_vhost_changed(struct vx_vhost_dev *dev)
{
	bool ready;

	vx_vhost_lock_all(dev);
	ready = vx_vq_ready(&dev->vq[0]) && vx_vq_ready(&dev->vq[1]);
	vx_vhost_unlock_all(dev);
	__atomic_store_n(&dev->ready, ready, __ATOMIC_RELEASE);
	__atomic_add_fetch(&dev->generation, 1, __ATOMIC_RELEASE);
}

static void apply_features(struct vx_vhost_dev *dev, uint64_t f)
{
	unsigned int i;

	dev->features = f;
	dev->mrg_rxbuf = f & VX_BIT(VX_VIRTIO_NET_F_MRG_RXBUF);
	dev->hdr_len = (f & VX_BIT(VX_VIRTIO_F_VERSION_1)) || dev->mrg_rxbuf ?
		VX_VIRTIO_NET_HDR_LEN : VX_VIRTIO_NET_HDR_LEN_LEGACY;
	for (i = 0; i < VX_NET_NQUEUES; i++) {
		dev->vq[i].event_idx = f & VX_BIT(VX_VIRTIO_RING_F_EVENT_IDX);
		dev->vq[i].indirect = f & VX_BIT(VX_VIRTIO_RING_F_INDIRECT_DESC);
	}
}

void vx_vhost_reset_state(struct vx_vhost_dev *dev)
{
	struct vx_mem old;
	unsigned int i;

	vx_vhost_lock_all(dev);
	for (i = 0; i < VX_NET_NQUEUES; i++)
		vx_vq_reset(&dev->vq[i]);
	apply_features(dev, 0);
	dev->proto_features = 0;
	dev->owner = false;
	dev->mtu = 0;
	old = dev->mem;
	memset(&dev->mem, 0, sizeof(dev->mem));
	vx_vhost_unlock_all(dev);
	vx_mem_unmap(&old);
}

static int bad(struct vx_vhost_dev *dev, const char *why)
{
	vx_virtio_log(dev->name, "protocol error: %s", why);
	return -EPROTO;
}

static void reply_u64(const struct vx_msg *m, struct vx_msg *reply, uint64_t v)
{
	reply->hdr.request = m->hdr.request;
	reply->hdr.size = sizeof(uint64_t);
	reply->p.u64 = v;
}

static int set_features(struct vx_vhost_dev *dev, const struct vx_msg *m)
{
	if (m->p.u64 & ~dev->offered)
		return bad(dev, "SET_FEATURES with features not offered");
	vx_vhost_lock_all(dev);
	apply_features(dev, m->p.u64);
	/* Without protocol features rings are enabled from the start; with them, SET_FEATURES
	 * never disables a ring (only SET_VRING_ENABLE does). */
	if (!(m->p.u64 & VX_BIT(VX_VHOST_USER_F_PROTOCOL_FEATURES)))
		dev->vq[0].enabled = dev->vq[1].enabled = true;
	vx_vhost_unlock_all(dev);
	return 0;
}

static int set_protocol_features(struct vx_vhost_dev *dev, const struct vx_msg *m)
{
	if (m->p.u64 & ~dev->offered_proto)
		return bad(dev, "SET_PROTOCOL_FEATURES with features not offered");
	dev->proto_features = m->p.u64;
	return 0;
}

static void retranslate(struct vx_vq *vq)
{
	if (!vq->num_set || !vq->addr_set)
		return;
	if (vx_vq_translate(vq))
		vx_vq_break(vq, "ring outside the new memory table");
}

static int set_mem_table(struct vx_vhost_dev *dev, struct vx_msg *m)
{
	struct vx_mem mem, old;
	unsigned int i;
	int err;

	if (m->nfds != m->p.mem.nregions)
		return bad(dev, "SET_MEM_TABLE: one fd per region needed");
	err = vx_mem_map(&mem, &m->p.mem, m->fds, m->nfds);
	if (err) {
		vx_virtio_log(dev->name, "SET_MEM_TABLE: cannot map: %s", strerror(-err));
		return -EPROTO;
	}
	vx_vhost_lock_all(dev);
	old = dev->mem;
	dev->mem = mem;
	for (i = 0; i < VX_NET_NQUEUES; i++)
		retranslate(&dev->vq[i]);
	vx_vhost_unlock_all(dev);
	vx_mem_unmap(&old);
	return 0;
}

static struct vx_vq *queue_of(struct vx_vhost_dev *dev, uint32_t index)
{
	return index < VX_NET_NQUEUES ? &dev->vq[index] : NULL;
}

static int set_vring_num(struct vx_vhost_dev *dev, const struct vx_msg *m)
{
	struct vx_vq *vq = queue_of(dev, m->p.state.index);
	uint32_t num = m->p.state.num;

	if (!vq)
		return bad(dev, "SET_VRING_NUM: bad queue index");
	if (num == 0 || num > VX_VRING_MAX_SIZE || (num & (num - 1)))
		return bad(dev, "SET_VRING_NUM: size not a power of 2 up to 32768");
	pthread_mutex_lock(&vq->lock);
	vq->num = num;
	vq->num_set = true;
	vx_vq_untranslate(vq);
	pthread_mutex_unlock(&vq->lock);
	return 0;
}

static int set_vring_addr(struct vx_vhost_dev *dev, const struct vx_msg *m)
{
	const struct vx_vhost_user_addr *a = &m->p.addr;
	struct vx_vq *vq = queue_of(dev, a->index);
	int err = 0;

	if (!vq)
		return bad(dev, "SET_VRING_ADDR: bad queue index");
	if (a->flags)
		return bad(dev, "SET_VRING_ADDR: logging flags not supported");
	pthread_mutex_lock(&vq->lock);
	vq->desc_uva = a->desc;
	vq->avail_uva = a->avail;
	vq->used_uva = a->used;
	vq->addr_set = true;
	if (vq->num_set && dev->mem.nregions)
		err = vx_vq_translate(vq);
	pthread_mutex_unlock(&vq->lock);
	if (err)
		return bad(dev, "SET_VRING_ADDR: ring outside guest memory or misaligned");
	return 0;
}

static int set_vring_base(struct vx_vhost_dev *dev, const struct vx_msg *m)
{
	struct vx_vq *vq = queue_of(dev, m->p.state.index);

	if (!vq)
		return bad(dev, "SET_VRING_BASE: bad queue index");
	if (m->p.state.num > 0xffff)
		return bad(dev, "SET_VRING_BASE: index out of range for a split ring");
	pthread_mutex_lock(&vq->lock);
	vq->last_avail = vq->last_used = m->p.state.num;
	vq->signalled_valid = false;
	pthread_mutex_unlock(&vq->lock);
	return 0;
}

static int get_vring_base(struct vx_vhost_dev *dev, const struct vx_msg *m, struct vx_msg *reply)
{
	struct vx_vq *vq = queue_of(dev, m->p.state.index);

	if (!vq)
		return bad(dev, "GET_VRING_BASE: bad queue index");
	pthread_mutex_lock(&vq->lock);
	vq->started = false;
	if (vq->kick_fd >= 0)
		close(vq->kick_fd);
	vq->kick_fd = -1;
	reply->p.state.index = m->p.state.index;
	reply->p.state.num = vq->last_avail;
	pthread_mutex_unlock(&vq->lock);
	reply->hdr.request = m->hdr.request;
	reply->hdr.size = sizeof(reply->p.state);
	return 0;
}

/* The fd of a SET_VRING_KICK/CALL/ERR, or -1 for "no fd"; -EPROTO in *err when malformed. */
static int vring_fd(struct vx_vhost_dev *dev, struct vx_msg *m, struct vx_vq **vq, int *err)
{
	uint64_t v = m->p.u64;
	bool nofd = v & VX_VHOST_USER_VRING_NOFD;
	int fd;

	*err = 0;
	*vq = queue_of(dev, v & VX_VHOST_USER_VRING_IDX_MASK);
	if (!*vq || (v & ~(uint64_t)(VX_VHOST_USER_VRING_IDX_MASK | VX_VHOST_USER_VRING_NOFD)))
		*err = bad(dev, "vring fd message: bad queue index or flags");
	else if (m->nfds != (nofd ? 0u : 1u))
		*err = bad(dev, "vring fd message: wrong number of fds");
	if (*err || nofd)
		return -1;
	fd = m->fds[0];
	m->fds[0] = -1;
	return fd;
}

static void replace_fd(int *slot, int fd)
{
	if (*slot >= 0)
		close(*slot);
	*slot = fd;
}

static int set_vring_kick(struct vx_vhost_dev *dev, struct vx_msg *m)
{
	struct vx_vq *vq;
	int err, fd = vring_fd(dev, m, &vq, &err);

	if (err)
		return err;
	pthread_mutex_lock(&vq->lock);
	replace_fd(&vq->kick_fd, fd);
	err = vx_vq_translate(vq);
	if (!err) {
		vx_vq_resume_at_used(vq);
		vq->started = true;
		vq->broken = false;
		if (!(dev->features & VX_BIT(VX_VHOST_USER_F_PROTOCOL_FEATURES)))
			vq->enabled = true;
		vx_vq_want_kicks(vq, false);
	}
	pthread_mutex_unlock(&vq->lock);
	if (err)
		return bad(dev, "SET_VRING_KICK: ring not set up inside guest memory");
	return 0;
}

static int set_vring_callerr(struct vx_vhost_dev *dev, struct vx_msg *m, bool call)
{
	struct vx_vq *vq;
	int err, fd = vring_fd(dev, m, &vq, &err);

	if (err)
		return err;
	pthread_mutex_lock(&vq->lock);
	replace_fd(call ? &vq->call_fd : &vq->err_fd, fd);
	pthread_mutex_unlock(&vq->lock);
	return 0;
}

static int set_vring_enable(struct vx_vhost_dev *dev, const struct vx_msg *m)
{
	struct vx_vq *vq = queue_of(dev, m->p.state.index);

	if (!vq || m->p.state.num > 1)
		return bad(dev, "SET_VRING_ENABLE: bad queue index or value");
	pthread_mutex_lock(&vq->lock);
	vq->enabled = m->p.state.num;
	pthread_mutex_unlock(&vq->lock);
	return 0;
}

static int net_set_mtu(struct vx_vhost_dev *dev, const struct vx_msg *m)
{
	if (m->p.u64 < 68 || m->p.u64 > 65535) {
		vx_virtio_log(dev->name, "NET_SET_MTU %llu refused",
			      (unsigned long long)m->p.u64);
		return -EINVAL;
	}
	dev->mtu = m->p.u64;
	return 0;
}

static int refuse(struct vx_vhost_dev *dev, const struct vx_msg *m)
{
	vx_virtio_log(dev->name, "%s refused: dirty logging is not supported",
		      vx_msg_name(m->hdr.request));
	return -ENOTSUP;
}

static unsigned int fds_allowed(uint32_t req)
{
	switch (req) {
	case VX_VHOST_USER_SET_MEM_TABLE:
		return VX_VHOST_USER_MAX_REGIONS;
	case VX_VHOST_USER_SET_VRING_KICK:
	case VX_VHOST_USER_SET_VRING_CALL:
	case VX_VHOST_USER_SET_VRING_ERR:
	case VX_VHOST_USER_SET_LOG_BASE:
	case VX_VHOST_USER_SET_LOG_FD:
		return 1;
	default:
		return 0;
	}
}

static int handle_ctl(struct vx_vhost_dev *dev, struct vx_msg *m, struct vx_msg *reply)
{
	switch (m->hdr.request) {
	case VX_VHOST_USER_GET_FEATURES:
		reply_u64(m, reply, dev->offered);
		return 0;
	case VX_VHOST_USER_SET_FEATURES:
		return set_features(dev, m);
	case VX_VHOST_USER_GET_PROTOCOL_FEATURES:
		reply_u64(m, reply, dev->offered_proto);
		return 0;
	case VX_VHOST_USER_SET_PROTOCOL_FEATURES:
		return set_protocol_features(dev, m);
	case VX_VHOST_USER_SET_OWNER:
		dev->owner = true;
		return 0;
	case VX_VHOST_USER_RESET_OWNER:
		vx_vhost_reset_state(dev);
		return 0;
	case VX_VHOST_USER_GET_QUEUE_NUM:
		reply_u64(m, reply, 1);
		return 0;
	case VX_VHOST_USER_SEND_RARP:
		return 0;
	case VX_VHOST_USER_NET_SET_MTU:
		return net_set_mtu(dev, m);
	case VX_VHOST_USER_SET_LOG_BASE:
	case VX_VHOST_USER_SET_LOG_FD:
		return refuse(dev, m);
	default:
		return 1;
	}
}

static int handle_vring(struct vx_vhost_dev *dev, struct vx_msg *m, struct vx_msg *reply)
{
	switch (m->hdr.request) {
	case VX_VHOST_USER_SET_MEM_TABLE:
		return set_mem_table(dev, m);
	case VX_VHOST_USER_SET_VRING_NUM:
		return set_vring_num(dev, m);
	case VX_VHOST_USER_SET_VRING_ADDR:
		return set_vring_addr(dev, m);
	case VX_VHOST_USER_SET_VRING_BASE:
		return set_vring_base(dev, m);
	case VX_VHOST_USER_GET_VRING_BASE:
		return get_vring_base(dev, m, reply);
	case VX_VHOST_USER_SET_VRING_KICK:
		return set_vring_kick(dev, m);
	case VX_VHOST_USER_SET_VRING_CALL:
		return set_vring_callerr(dev, m, true);
	case VX_VHOST_USER_SET_VRING_ERR:
		return set_vring_callerr(dev, m, false);
	case VX_VHOST_USER_SET_VRING_ENABLE:
		return set_vring_enable(dev, m);
	default:
		return bad(dev, "unsupported request");
	}
}

int vx_vhost_handle(struct vx_vhost_dev *dev, struct vx_msg *m, struct vx_msg *reply)
{
	int err;

	memset(&reply->hdr, 0, sizeof(reply->hdr));
	if (vx_msg_check(m)) {
		vx_virtio_log(dev->name, "malformed message: request %u (%s), flags %#x, size %u",
			      m->hdr.request, vx_msg_name(m->hdr.request), m->hdr.flags,
			      m->hdr.size);
		return -EPROTO;
	}
	if (m->nfds > fds_allowed(m->hdr.request))
		return bad(dev, "message carries unexpected fds");
	err = handle_ctl(dev, m, reply);
	if (err == 1)
		err = handle_vring(dev, m, reply);
	return err;
}
