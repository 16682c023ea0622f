/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * mem.h - a guest's memory as the backend sees it: the regions of one SET_MEM_TABLE, mapped,
 * and checked translation of guest-physical and frontend-virtual addresses to host pointers.
 */
#ifndef VXVIRTIO_MEM_H
#define VXVIRTIO_MEM_H

#include <stddef.h>
#include <stdint.h>

#include <vxvirtio/virtio.h>

struct vx_mem_region {
	uint64_t gpa;		/* guest physical start */
	uint64_t uva;		/* frontend virtual start */
	uint64_t size;
	uint8_t *host;		/* host address of gpa */
	void *map_base;		/* what mmap returned (NULL: not ours to unmap) */
	size_t map_len;
};

struct vx_mem {
	unsigned int nregions;
	struct vx_mem_region regions[VX_VHOST_USER_MAX_REGIONS];
};

/*
 * Map the regions of a memory table, one fd each (mmap_offset honoured, MAP_SHARED).
 * Validates sizes, overflows, overlaps and the files' lengths. On success the fds may be closed
 * by the caller (the mappings stay). Returns 0 or -errno; on failure nothing stays mapped.
 */
int vx_mem_map(struct vx_mem *mem, const struct vx_vhost_user_mem *tbl, const int *fds,
	       unsigned int nfds);

/* Unmap every region and empty the table. */
void vx_mem_unmap(struct vx_mem *mem);

/* Host pointer for [gpa, gpa + len) if it lies inside one region, else NULL. len may be 0. */
void *vx_mem_gpa(const struct vx_mem *mem, uint64_t gpa, uint64_t len);

/* The same for a frontend virtual address (vring addresses). */
void *vx_mem_uva(const struct vx_mem *mem, uint64_t uva, uint64_t len);

/*
 * Host pointer for gpa and, in *contig, how many bytes from there (at most len) lie in the
 * same region: for buffers that cross from one region into the next. NULL if gpa is unmapped.
 */
void *vx_mem_gpa_partial(const struct vx_mem *mem, uint64_t gpa, uint64_t len, uint64_t *contig);

#endif /* VXVIRTIO_MEM_H */
