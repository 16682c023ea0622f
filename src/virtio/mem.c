// SPDX-License-Identifier: BSD-2-Clause
/*
 * mem.c - guest memory: maps a vhost-user memory table and translates guest addresses to host
 * pointers, every range checked to lie whole inside one region.
 */
#include <errno.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>

#include <vxvirtio/mem.h>

static int add_overflows(uint64_t a, uint64_t b)
{
	uint64_t r;

	return __builtin_add_overflow(a, b, &r);
}

static int region_valid(const struct vx_vhost_user_region *r)
{
	if (r->size == 0)
		return 0;
	if (add_overflows(r->guest_addr, r->size) || add_overflows(r->user_addr, r->size))
		return 0;
	if (add_overflows(r->mmap_offset, r->size) || r->mmap_offset + r->size > SIZE_MAX / 2)
		return 0;
	return 1;
}

static int ranges_overlap(uint64_t a, uint64_t alen, uint64_t b, uint64_t blen)
{
	return a < b + blen && b < a + alen;
}

static int table_valid(const struct vx_vhost_user_mem *tbl)
{
	unsigned int i, j;

	if (tbl->nregions == 0 || tbl->nregions > VX_VHOST_USER_MAX_REGIONS)
		return 0;
	for (i = 0; i < tbl->nregions; i++) {
		const struct vx_vhost_user_region *a = &tbl->regions[i];

		if (!region_valid(a))
			return 0;
		for (j = 0; j < i; j++) {
			const struct vx_vhost_user_region *b = &tbl->regions[j];

			if (ranges_overlap(a->guest_addr, a->size, b->guest_addr, b->size))
				return 0;
		}
	}
	return 1;
}

static int map_region(struct vx_mem_region *m, const struct vx_vhost_user_region *r, int fd)
{
	struct stat st;
	size_t len = r->mmap_offset + r->size;
	void *p;

	if (fd < 0 || fstat(fd, &st) < 0)
		return -EBADF;
	/* Touching pages past the end of the file would raise SIGBUS. */
	if (S_ISREG(st.st_mode) && (uint64_t)st.st_size < len)
		return -EINVAL;
	p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_NORESERVE, fd, 0);
	if (p == MAP_FAILED)
		return -errno;
	m->gpa = r->guest_addr;
	m->uva = r->user_addr;
	m->size = r->size;
	m->map_base = p;
	m->map_len = len;
	m->host = (uint8_t *)p + r->mmap_offset;
	return 0;
}

int vx_mem_map(struct vx_mem *mem, const struct vx_vhost_user_mem *tbl, const int *fds,
	       unsigned int nfds)
{
	unsigned int i;
	int err;

	memset(mem, 0, sizeof(*mem));
	if (!table_valid(tbl))
		return -EINVAL;
	if (nfds != tbl->nregions)
		return -EBADF;
	for (i = 0; i < tbl->nregions; i++) {
		err = map_region(&mem->regions[i], &tbl->regions[i], fds[i]);
		if (err) {
			vx_mem_unmap(mem);
			return err;
		}
		mem->nregions = i + 1;
	}
	return 0;
}

void vx_mem_unmap(struct vx_mem *mem)
{
	unsigned int i;

	for (i = 0; i < mem->nregions; i++) {
		if (mem->regions[i].map_base)
			munmap(mem->regions[i].map_base, mem->regions[i].map_len);
	}
	memset(mem, 0, sizeof(*mem));
}

/* Host pointer for [addr, addr + len) if it starts inside r and ends inside it, else NULL. */
static void *range_in(const struct vx_mem_region *r, uint64_t start, uint64_t addr, uint64_t len)
{
	uint64_t off;

	if (addr < start)
		return NULL;
	off = addr - start;
	if (off >= r->size || len > r->size - off)
		return NULL;
	return r->host + off;
}

void *vx_mem_gpa(const struct vx_mem *mem, uint64_t gpa, uint64_t len)
{
	unsigned int i;
	void *p;

	for (i = 0; i < mem->nregions; i++) {
		p = range_in(&mem->regions[i], mem->regions[i].gpa, gpa, len);
		if (p)
			return p;
	}
	return NULL;
}

void *vx_mem_uva(const struct vx_mem *mem, uint64_t uva, uint64_t len)
{
	unsigned int i;
	void *p;

	for (i = 0; i < mem->nregions; i++) {
		p = range_in(&mem->regions[i], mem->regions[i].uva, uva, len);
		if (p)
			return p;
	}
	return NULL;
}

void *vx_mem_gpa_partial(const struct vx_mem *mem, uint64_t gpa, uint64_t len, uint64_t *contig)
{
	unsigned int i;

	for (i = 0; i < mem->nregions; i++) {
		const struct vx_mem_region *r = &mem->regions[i];
		uint64_t off;

		if (gpa < r->gpa || gpa - r->gpa >= r->size)
			continue;
		off = gpa - r->gpa;
		*contig = r->size - off < len ? r->size - off : len;
		return r->host + off;
	}
	*contig = 0;
	return NULL;
}
