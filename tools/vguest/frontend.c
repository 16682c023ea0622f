// SPDX-License-Identifier: BSD-2-Clause
/*
 * frontend.c - vguest's userspace virtio-net driver: memfd guest memory, the vhost-user
 * frontend handshake, split rings on the driver side (transmit with or without indirect
 * tables, receive buffers with or without MRG_RXBUF), kicks and calls.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include "frontend.h"

static void defaults(struct vg_cfg *c)
{
	if (!c->qsize)
		c->qsize = 256;
	if (!c->nregions || c->nregions > VG_MAX_REGIONS)
		c->nregions = 2;
	if (!c->region_size)
		c->region_size = 32 << 20;
	if (!c->rx_buf_size)
		c->rx_buf_size = 2048;
	if (!c->rx_bufs || c->rx_bufs > c->qsize)
		c->rx_bufs = c->qsize;
	if (!c->timeout_ms)
		c->timeout_ms = 5000;
}

/* ---- memory ---- */

static int region_create(struct vg_region *r, size_t size, uint64_t gpa)
{
	r->fd = memfd_create("vguest", MFD_CLOEXEC | MFD_ALLOW_SEALING);
	if (r->fd < 0)
		return -errno;
	if (ftruncate(r->fd, size) < 0)
		return -errno;
	/* A backend must never see its mapping shrink under it. */
	fcntl(r->fd, F_ADD_SEALS, F_SEAL_SHRINK | F_SEAL_GROW);
	r->base = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, r->fd, 0);
	if (r->base == MAP_FAILED) {
		r->base = NULL;
		return -errno;
	}
	r->size = size;
	r->gpa = gpa;
	r->used = 0;
	return 0;
}

void *vg_alloc(struct vg_fe *fe, unsigned int ri, size_t size, size_t align)
{
	struct vg_region *r = &fe->mem[ri];
	size_t at = (r->used + align - 1) & ~(align - 1);

	if (ri >= fe->cfg.nregions || at + size > r->size)
		return NULL;
	r->used = at + size;
	memset(r->base + at, 0, size);
	return r->base + at;
}

uint64_t vg_gpa(const struct vg_fe *fe, const void *p)
{
	const uint8_t *b = p;
	unsigned int i;

	for (i = 0; i < fe->cfg.nregions; i++) {
		if (b >= fe->mem[i].base && b < fe->mem[i].base + fe->mem[i].size)
			return fe->mem[i].gpa + (uint64_t)(b - fe->mem[i].base);
	}
	return 0;
}

uint64_t vg_uva(const void *p)
{
	return (uint64_t)(uintptr_t)p;
}

/* ---- socket ---- */

static int ms_left(const struct timespec *end)
{
	struct timespec now;
	long ms;

	clock_gettime(CLOCK_MONOTONIC, &now);
	ms = (end->tv_sec - now.tv_sec) * 1000 + (end->tv_nsec - now.tv_nsec) / 1000000;
	return ms < 0 ? 0 : (int)ms;
}

static void deadline(struct timespec *end, int ms)
{
	clock_gettime(CLOCK_MONOTONIC, end);
	end->tv_sec += ms / 1000;
	end->tv_nsec += (ms % 1000) * 1000000L;
	if (end->tv_nsec >= 1000000000L) {
		end->tv_sec++;
		end->tv_nsec -= 1000000000L;
	}
}

static int sock_addr(const char *path, struct sockaddr_un *a)
{
	memset(a, 0, sizeof(*a));
	a->sun_family = AF_UNIX;
	if (strlen(path) >= sizeof(a->sun_path))
		return -ENAMETOOLONG;
	strcpy(a->sun_path, path);
	return 0;
}

static int dial(struct vg_fe *fe, const struct sockaddr_un *a)
{
	struct timespec end;
	int fd;

	deadline(&end, fe->cfg.timeout_ms);
	do {
		fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
		if (fd < 0)
			return -errno;
		if (connect(fd, (const struct sockaddr *)a, sizeof(*a)) == 0)
			return fd;
		close(fd);
		usleep(10000);
	} while (ms_left(&end) > 0);
	return -ETIMEDOUT;
}

static int serve(struct vg_fe *fe, const struct sockaddr_un *a)
{
	struct pollfd p;

	if (fe->listen_fd < 0) {
		fe->listen_fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
		if (fe->listen_fd < 0)
			return -errno;
		unlink(a->sun_path);
		if (bind(fe->listen_fd, (const struct sockaddr *)a, sizeof(*a)) < 0 ||
		    listen(fe->listen_fd, 1) < 0)
			return -errno;
	}
	p = (struct pollfd){ .fd = fe->listen_fd, .events = POLLIN };
	if (poll(&p, 1, fe->cfg.timeout_ms) != 1)
		return -ETIMEDOUT;
	return accept4(fe->listen_fd, NULL, NULL, SOCK_CLOEXEC);
}

int vg_open(struct vg_fe *fe, const struct vg_cfg *cfg)
{
	struct sockaddr_un a;
	unsigned int i;
	int err;

	memset(fe, 0, sizeof(*fe));
	fe->cfg = *cfg;
	defaults(&fe->cfg);
	fe->sock = fe->listen_fd = -1;
	fe->rx.kick_fd = fe->rx.call_fd = fe->tx.kick_fd = fe->tx.call_fd = -1;
	for (i = 0; i < VG_MAX_REGIONS; i++)
		fe->mem[i].fd = -1;
	for (i = 0; i < fe->cfg.nregions; i++) {
		err = region_create(&fe->mem[i], fe->cfg.region_size,
				    0x100000ULL + ((uint64_t)i << 32));
		if (err)
			return err;
	}
	err = sock_addr(cfg->path, &a);
	if (err)
		return err;
	fe->sock = fe->cfg.server ? serve(fe, &a) : dial(fe, &a);
	return fe->sock < 0 ? fe->sock : 0;
}

void vg_close(struct vg_fe *fe)
{
	struct vg_ring *rs[2] = { &fe->rx, &fe->tx };
	unsigned int i;

	if (fe->sock >= 0)
		close(fe->sock);
	if (fe->listen_fd >= 0)
		close(fe->listen_fd);
	for (i = 0; i < 2; i++) {
		if (rs[i]->kick_fd >= 0)
			close(rs[i]->kick_fd);
		if (rs[i]->call_fd >= 0)
			close(rs[i]->call_fd);
	}
	for (i = 0; i < VG_MAX_REGIONS; i++) {
		if (fe->mem[i].base)
			munmap(fe->mem[i].base, fe->mem[i].size);
		if (fe->mem[i].fd >= 0)
			close(fe->mem[i].fd);
	}
	free(fe->tx_free);
	memset(fe, 0, sizeof(*fe));
	fe->sock = fe->listen_fd = -1;
}

/* ---- messages ---- */

int vg_msg_send(struct vg_fe *fe, uint32_t req, uint32_t flags, const void *payload,
		uint32_t size, const int *fds, unsigned int nfds)
{
	uint8_t buf[VX_VHOST_USER_HDR_SIZE + VX_VHOST_USER_MAX_PAYLOAD];
	struct vx_vhost_user_hdr h = { .request = req, .flags = flags, .size = size };
	union {
		char b[CMSG_SPACE(sizeof(int) * 16)];
		struct cmsghdr align;
	} ctl;
	struct iovec iov = { .iov_base = buf, .iov_len = VX_VHOST_USER_HDR_SIZE + size };
	struct msghdr mh = { .msg_iov = &iov, .msg_iovlen = 1 };
	struct cmsghdr *c;

	if (size > VX_VHOST_USER_MAX_PAYLOAD || nfds > 16)
		return -EINVAL;
	memcpy(buf, &h, sizeof(h));
	if (size)
		memcpy(buf + sizeof(h), payload, size);
	if (nfds) {
		memset(&ctl, 0, sizeof(ctl));
		mh.msg_control = ctl.b;
		mh.msg_controllen = CMSG_SPACE(sizeof(int) * nfds);
		c = CMSG_FIRSTHDR(&mh);
		c->cmsg_level = SOL_SOCKET;
		c->cmsg_type = SCM_RIGHTS;
		c->cmsg_len = CMSG_LEN(sizeof(int) * nfds);
		memcpy(CMSG_DATA(c), fds, sizeof(int) * nfds);
	}
	if (sendmsg(fe->sock, &mh, MSG_NOSIGNAL) != (ssize_t)iov.iov_len)
		return -EPIPE;
	return 0;
}

static int read_full(struct vg_fe *fe, void *buf, size_t len)
{
	struct pollfd p = { .fd = fe->sock, .events = POLLIN };
	size_t got = 0;
	ssize_t r;

	while (got < len) {
		if (poll(&p, 1, fe->cfg.timeout_ms) != 1)
			return -ETIMEDOUT;
		r = recv(fe->sock, (uint8_t *)buf + got, len - got, 0);
		if (r <= 0)
			return -EPIPE;
		got += r;
	}
	return 0;
}

int vg_msg_recv(struct vg_fe *fe, struct vx_vhost_user_hdr *hdr, void *payload, size_t cap)
{
	uint8_t junk[VX_VHOST_USER_MAX_PAYLOAD];
	int err = read_full(fe, hdr, sizeof(*hdr));

	if (err)
		return err;
	if (hdr->size > VX_VHOST_USER_MAX_PAYLOAD)
		return -EPROTO;
	err = read_full(fe, hdr->size <= cap ? payload : junk, hdr->size);
	return err ? err : (int)hdr->size;
}

static bool acked(const struct vg_fe *fe)
{
	return fe->proto & VX_BIT(VX_VHOST_USER_PROTOCOL_F_REPLY_ACK);
}

int vg_request(struct vg_fe *fe, uint32_t req, const void *payload, uint32_t size,
	       const int *fds, unsigned int nfds)
{
	uint32_t flags = VX_VHOST_USER_VERSION | (acked(fe) ? VX_VHOST_USER_NEED_REPLY : 0);
	struct vx_vhost_user_hdr h;
	uint64_t v = 0;
	int r = vg_msg_send(fe, req, flags, payload, size, fds, nfds);

	if (r || !acked(fe))
		return r;
	r = vg_msg_recv(fe, &h, &v, sizeof(v));
	if (r < 0)
		return r;
	if (h.request != req || r != sizeof(v) || !(h.flags & VX_VHOST_USER_REPLY))
		return -EPROTO;
	return (int)(v != 0);
}

int vg_get_u64(struct vg_fe *fe, uint32_t req, uint64_t *out)
{
	struct vx_vhost_user_hdr h;
	int r = vg_msg_send(fe, req, VX_VHOST_USER_VERSION, NULL, 0, NULL, 0);

	if (r)
		return r;
	r = vg_msg_recv(fe, &h, out, sizeof(*out));
	if (r < 0)
		return r;
	return h.request == req && r == sizeof(*out) ? 0 : -EPROTO;
}

bool vg_wait_closed(struct vg_fe *fe, int timeout_ms)
{
	struct pollfd p = { .fd = fe->sock, .events = POLLIN };
	struct timespec end;
	uint8_t buf[256];

	deadline(&end, timeout_ms);
	while (poll(&p, 1, ms_left(&end)) == 1) {
		if (recv(fe->sock, buf, sizeof(buf), MSG_DONTWAIT) <= 0)
			return true;
	}
	return false;
}

/* ---- rings ---- */

static int ring_alloc(struct vg_fe *fe, struct vg_ring *r)
{
	unsigned int n = fe->cfg.qsize;

	r->num = n;
	r->desc = vg_alloc(fe, 0, vx_vring_desc_size(n), 4096);
	r->avail = vg_alloc(fe, 0, vx_vring_avail_size(n), 4096);
	r->used = vg_alloc(fe, 0, vx_vring_used_size(n), 4096);
	r->kick_fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
	r->call_fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
	if (!r->desc || !r->avail || !r->used || r->kick_fd < 0 || r->call_fd < 0)
		return -ENOMEM;
	if (!(fe->features & VX_BIT(VX_VIRTIO_RING_F_EVENT_IDX)) && fe->cfg.no_interrupt)
		r->avail->flags = VX_VRING_AVAIL_F_NO_INTERRUPT;
	return 0;
}

static int ring_announce(struct vg_fe *fe, struct vg_ring *r, uint32_t idx, uint32_t from)
{
	struct vx_vhost_user_state num = { idx, r->num }, base = { idx, from }, en = { idx, 1 };
	struct vx_vhost_user_addr a = {
		.index = idx, .desc = vg_uva(r->desc), .used = vg_uva(r->used),
		.avail = vg_uva(r->avail),
	};
	uint64_t kick = idx, call = idx;
	int err = 0;

	err = err ? err : vg_request(fe, VX_VHOST_USER_SET_VRING_NUM, &num, sizeof(num), NULL, 0);
	err = err ? err : vg_request(fe, VX_VHOST_USER_SET_VRING_BASE, &base, sizeof(base), NULL, 0);
	err = err ? err : vg_request(fe, VX_VHOST_USER_SET_VRING_ADDR, &a, sizeof(a), NULL, 0);
	err = err ? err : vg_request(fe, VX_VHOST_USER_SET_VRING_CALL, &call, 8, &r->call_fd, 1);
	err = err ? err : vg_request(fe, VX_VHOST_USER_SET_VRING_KICK, &kick, 8, &r->kick_fd, 1);
	if (!err && (fe->features & VX_BIT(VX_VHOST_USER_F_PROTOCOL_FEATURES)))
		err = vg_request(fe, VX_VHOST_USER_SET_VRING_ENABLE, &en, sizeof(en), NULL, 0);
	return err;
}

static int send_mem_table(struct vg_fe *fe)
{
	struct vx_vhost_user_mem m = { .nregions = fe->cfg.nregions };
	int fds[VG_MAX_REGIONS];
	unsigned int i;

	for (i = 0; i < fe->cfg.nregions; i++) {
		m.regions[i] = (struct vx_vhost_user_region){
			.guest_addr = fe->mem[i].gpa, .size = fe->mem[i].size,
			.user_addr = vg_uva(fe->mem[i].base), .mmap_offset = 0,
		};
		fds[i] = fe->mem[i].fd;
	}
	return vg_request(fe, VX_VHOST_USER_SET_MEM_TABLE, &m,
			  8 + fe->cfg.nregions * sizeof(m.regions[0]), fds, fe->cfg.nregions);
}

static int negotiate(struct vg_fe *fe)
{
	uint64_t offered, want, pf = 0;
	int err = vg_get_u64(fe, VX_VHOST_USER_GET_FEATURES, &offered);

	if (err)
		return err;
	want = VX_BIT(VX_VIRTIO_F_VERSION_1);
	want |= fe->cfg.no_protocol ? 0 : VX_BIT(VX_VHOST_USER_F_PROTOCOL_FEATURES);
	want |= fe->cfg.mrg_rxbuf ? VX_BIT(VX_VIRTIO_NET_F_MRG_RXBUF) : 0;
	want |= fe->cfg.event_idx ? VX_BIT(VX_VIRTIO_RING_F_EVENT_IDX) : 0;
	want |= fe->cfg.indirect ? VX_BIT(VX_VIRTIO_RING_F_INDIRECT_DESC) : 0;
	fe->features = offered & want;
	if (fe->features & VX_BIT(VX_VHOST_USER_F_PROTOCOL_FEATURES)) {
		err = vg_get_u64(fe, VX_VHOST_USER_GET_PROTOCOL_FEATURES, &pf);
		pf &= VX_BIT(VX_VHOST_USER_PROTOCOL_F_REPLY_ACK);
		err = err ? err : vg_request(fe, VX_VHOST_USER_SET_PROTOCOL_FEATURES, &pf, 8,
					     NULL, 0);
		fe->proto = pf;
	}
	err = err ? err : vg_request(fe, VX_VHOST_USER_SET_OWNER, NULL, 0, NULL, 0);
	return err ? err : vg_request(fe, VX_VHOST_USER_SET_FEATURES, &fe->features, 8, NULL, 0);
}

static uint32_t hdr_len(const struct vg_fe *fe)
{
	if (fe->features & (VX_BIT(VX_VIRTIO_F_VERSION_1) | VX_BIT(VX_VIRTIO_NET_F_MRG_RXBUF)))
		return VX_VIRTIO_NET_HDR_LEN;
	return VX_VIRTIO_NET_HDR_LEN_LEGACY;
}

static void publish(struct vg_fe *fe, struct vg_ring *r, uint16_t old)
{
	uint16_t ev;
	bool need;

	__atomic_store_n(&r->avail->idx, r->avail_idx, __ATOMIC_RELEASE);
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	if (fe->features & VX_BIT(VX_VIRTIO_RING_F_EVENT_IDX)) {
		ev = __atomic_load_n((uint16_t *)&r->used->ring[r->num], __ATOMIC_RELAXED);
		need = vx_vring_need_event(ev, r->avail_idx, old);
	} else {
		need = !(__atomic_load_n(&r->used->flags, __ATOMIC_RELAXED) &
			 VX_VRING_USED_F_NO_NOTIFY);
	}
	if (need)
		vg_kick(r);
}

void vg_kick(struct vg_ring *r)
{
	uint64_t one = 1;

	if (write(r->kick_fd, &one, sizeof(one)) == sizeof(one))
		r->kicks++;
}

static int buffers_alloc(struct vg_fe *fe)
{
	unsigned int last = fe->cfg.nregions - 1, i;

	fe->tx_slots = fe->cfg.qsize / 2;
	fe->rx_buf = vg_alloc(fe, last, (size_t)fe->cfg.rx_buf_size * fe->cfg.qsize, 4096);
	fe->tx_buf = vg_alloc(fe, last, (size_t)VG_TX_BUF * fe->tx_slots, 4096);
	fe->tx_ind = vg_alloc(fe, 0, 2 * sizeof(struct vx_vring_desc) * fe->tx_slots, 16);
	fe->tx_free = calloc(fe->tx_slots, sizeof(uint16_t));
	if (!fe->rx_buf || !fe->tx_buf || !fe->tx_ind || !fe->tx_free)
		return -ENOMEM;
	fe->rx_buf_gpa = vg_gpa(fe, fe->rx_buf);
	fe->tx_buf_gpa = vg_gpa(fe, fe->tx_buf);
	fe->tx_ind_gpa = vg_gpa(fe, fe->tx_ind);
	for (i = 0; i < fe->tx_slots; i++)
		fe->tx_free[fe->tx_nfree++] = fe->tx_slots - 1 - i;
	return 0;
}

static void rx_post(struct vg_fe *fe, uint16_t id)
{
	struct vg_ring *r = &fe->rx;

	r->desc[id] = (struct vx_vring_desc){
		.addr = fe->rx_buf_gpa + (uint64_t)id * fe->cfg.rx_buf_size,
		.len = fe->cfg.rx_buf_size, .flags = VX_VRING_DESC_F_WRITE,
	};
	r->avail->ring[r->avail_idx & (r->num - 1)] = id;
	r->avail_idx++;
}

int vg_setup(struct vg_fe *fe)
{
	unsigned int i;
	int err = negotiate(fe);

	err = err ? err : ring_alloc(fe, &fe->rx);
	err = err ? err : ring_alloc(fe, &fe->tx);
	err = err ? err : buffers_alloc(fe);
	err = err ? err : send_mem_table(fe);
	for (i = 0; !err && !fe->cfg.rx_none && i < fe->cfg.rx_bufs; i++)
		rx_post(fe, i);
	if (!err)
		__atomic_store_n(&fe->rx.avail->idx, fe->rx.avail_idx, __ATOMIC_RELEASE);
	err = err ? err : ring_announce(fe, &fe->rx, 0, 0);
	err = err ? err : ring_announce(fe, &fe->tx, 1, 0);
	return err > 0 ? -EREMOTEIO : err;
}

int vg_resend_mem_table(struct vg_fe *fe)
{
	int err = send_mem_table(fe);

	return err > 0 ? -EREMOTEIO : err;
}

static int get_base(struct vg_fe *fe, uint32_t q, uint32_t *base)
{
	struct vx_vhost_user_state st = { q, 0 };
	struct vx_vhost_user_hdr h;
	int r = vg_msg_send(fe, VX_VHOST_USER_GET_VRING_BASE, VX_VHOST_USER_VERSION, &st,
			    sizeof(st), NULL, 0);

	if (r)
		return r;
	r = vg_msg_recv(fe, &h, &st, sizeof(st));
	if (r < 0)
		return r;
	if (h.request != VX_VHOST_USER_GET_VRING_BASE || r != sizeof(st) || st.index != q)
		return -EPROTO;
	*base = st.num;
	return 0;
}

int vg_restart_rings(struct vg_fe *fe, uint32_t base[2])
{
	int err = get_base(fe, 0, &base[0]);

	err = err ? err : get_base(fe, 1, &base[1]);
	err = err ? err : ring_announce(fe, &fe->rx, 0, base[0]);
	err = err ? err : ring_announce(fe, &fe->tx, 1, base[1]);
	return err > 0 ? -EREMOTEIO : err;
}

/* ---- datapath ---- */

void vg_tx_reclaim(struct vg_fe *fe)
{
	struct vg_ring *r = &fe->tx;
	bool ind = fe->features & VX_BIT(VX_VIRTIO_RING_F_INDIRECT_DESC);
	uint16_t idx = __atomic_load_n(&r->used->idx, __ATOMIC_ACQUIRE);
	uint32_t id;

	while (r->last_used != idx) {
		id = r->used->ring[r->last_used & (r->num - 1)].id;
		r->last_used++;
		id = ind ? id : id / 2;
		if (id < fe->tx_slots && fe->tx_nfree < fe->tx_slots)
			fe->tx_free[fe->tx_nfree++] = id;
	}
}

static uint16_t tx_chain(struct vg_fe *fe, uint16_t slot, uint32_t hl, size_t len)
{
	uint64_t gpa = fe->tx_buf_gpa + (uint64_t)slot * VG_TX_BUF;
	bool split = fe->st.sent & 1, ind = fe->features & VX_BIT(VX_VIRTIO_RING_F_INDIRECT_DESC);
	struct vx_vring_desc *d = ind ? &fe->tx_ind[2 * slot] : &fe->tx.desc[2 * slot];
	uint16_t base = ind ? 0 : 2 * slot;

	if (split) {
		d[0] = (struct vx_vring_desc){ gpa, hl, VX_VRING_DESC_F_NEXT, base + 1 };
		d[1] = (struct vx_vring_desc){ gpa + hl, (uint32_t)len, 0, 0 };
	} else {
		d[0] = (struct vx_vring_desc){ gpa, (uint32_t)(hl + len), 0, 0 };
	}
	if (!ind)
		return base;
	fe->tx.desc[slot] = (struct vx_vring_desc){
		fe->tx_ind_gpa + 2 * slot * sizeof(*d), (split ? 2 : 1) * sizeof(*d),
		VX_VRING_DESC_F_INDIRECT, 0,
	};
	return slot;
}

int vg_send(struct vg_fe *fe, const void *frame, size_t len)
{
	struct vg_ring *r = &fe->tx;
	uint32_t hl = hdr_len(fe);
	uint16_t slot, head, old = r->avail_idx;
	uint8_t *buf;

	if (len + hl > VG_TX_BUF)
		return -EMSGSIZE;
	vg_tx_reclaim(fe);
	if (!fe->tx_nfree) {
		fe->st.send_full++;
		return -EAGAIN;
	}
	slot = fe->tx_free[--fe->tx_nfree];
	buf = fe->tx_buf + (size_t)slot * VG_TX_BUF;
	memset(buf, 0, hl);
	memcpy(buf + hl, frame, len);
	head = tx_chain(fe, slot, hl, len);
	r->avail->ring[r->avail_idx & (r->num - 1)] = head;
	r->avail_idx++;
	publish(fe, r, old);
	fe->st.sent++;
	fe->st.sent_bytes += len;
	return 0;
}

/* Take one used receive entry: its buffer id and length, or -EIO. */
static int rx_take(struct vg_fe *fe, uint16_t *id, uint32_t *len)
{
	struct vg_ring *r = &fe->rx;
	struct vx_vring_used_elem e;

	if (__atomic_load_n(&r->used->idx, __ATOMIC_ACQUIRE) == r->last_used)
		return -EIO;
	e = r->used->ring[r->last_used & (r->num - 1)];
	r->last_used++;
	if (e.id >= fe->cfg.qsize || e.len > fe->cfg.rx_buf_size)
		return -EIO;
	*id = e.id;
	*len = e.len;
	return 0;
}

static size_t copy_out(void *buf, size_t cap, size_t at, const uint8_t *src, size_t n)
{
	if (at < cap)
		memcpy((uint8_t *)buf + at, src, n < cap - at ? n : cap - at);
	return at + n;
}

static int rx_gather(struct vg_fe *fe, void *buf, size_t cap, size_t *total)
{
	uint32_t hl = hdr_len(fe), len;
	struct vx_virtio_net_hdr h = { .num_buffers = 1 };
	unsigned int nb, i;
	uint16_t id;
	uint8_t *p;

	if (rx_take(fe, &id, &len) || len < hl)
		return -EIO;
	p = fe->rx_buf + (size_t)id * fe->cfg.rx_buf_size;
	if (fe->features & VX_BIT(VX_VIRTIO_NET_F_MRG_RXBUF))
		memcpy(&h, p, hl);
	nb = h.num_buffers;
	*total = copy_out(buf, cap, 0, p + hl, len - hl);
	rx_post(fe, id);
	for (i = 1; i < nb; i++) {
		if (rx_take(fe, &id, &len))
			return -EIO;
		p = fe->rx_buf + (size_t)id * fe->cfg.rx_buf_size;
		*total = copy_out(buf, cap, *total, p, len);
		rx_post(fe, id);
	}
	return nb ? 0 : -EIO;
}

int vg_recv(struct vg_fe *fe, void *buf, size_t cap)
{
	struct vg_ring *r = &fe->rx;
	uint16_t old = r->avail_idx;
	size_t total = 0;
	int err;

	if (__atomic_load_n(&r->used->idx, __ATOMIC_ACQUIRE) == r->last_used)
		return 0;
	err = rx_gather(fe, buf, cap, &total);
	if (fe->features & VX_BIT(VX_VIRTIO_RING_F_EVENT_IDX))
		__atomic_store_n(&r->avail->ring[r->num], r->last_used, __ATOMIC_RELEASE);
	publish(fe, r, old);
	if (err) {
		fe->st.rx_bad++;
		return err;
	}
	fe->st.received++;
	fe->st.received_bytes += total;
	return (int)total;
}

static uint64_t drain_one(int fd)
{
	uint64_t v = 0;

	if (fd < 0 || read(fd, &v, sizeof(v)) != sizeof(v))
		return 0;
	return v;
}

void vg_drain_calls(struct vg_fe *fe)
{
	fe->st.calls += drain_one(fe->rx.call_fd) + drain_one(fe->tx.call_fd);
}
