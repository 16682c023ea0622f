// SPDX-License-Identifier: BSD-2-Clause
/*
 * test_registry.c - the offload registry through its API: objects per port (a port's objects
 * are invisible to another), attach/detach/unload, maps by name and ID/NAME, maps pinned by
 * name shared between a port's objects (compatibility, isolation, lifetime, quota), guest quotas
 * (objects, instructions, map memory, request rate) with their messages, hostile input.
 * Usage: test_registry PROGS_DIR [XDP_TOOLS_DIR] (the objects of tests/offload/progs; the
 * system's xdp-tools objects, for two xdp-filter variants sharing their pinned maps).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <vxbpf/map.h>
#include <vxoffload/offload.h>

#include "../tap.h"

static const char *dir;

static const char *xdp_tools_dir;

static void *slurp(const char *name, size_t *len)
{
	char path[1024];
	FILE *f;
	void *buf;
	long n;

	if (name[0] == '/')
		snprintf(path, sizeof(path), "%s", name);
	else
		snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "rb");
	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = malloc((size_t)n);
	if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
		free(buf);
		buf = NULL;
	}
	fclose(f);
	*len = (size_t)n;
	return buf;
}

static int load(struct vx_offload *off, unsigned int port, enum vx_off_origin origin,
		const char *name, uint32_t *id, struct vx_error *err)
{
	size_t len;
	void *elf = slurp(name, &len);
	int ret;

	if (!elf) {
		snprintf(err->msg, sizeof(err->msg), "cannot read %s", name);
		return -ENOENT;
	}
	ret = vx_off_obj_load(off, port, origin, elf, len, name, id, err);
	free(elf);
	return ret;
}

static void isolation(struct vx_offload *off)
{
	struct vx_off_obj_info info[4];
	struct vx_error err;
	uint32_t id = 0, id2 = 0;
	uint32_t k = 0, v = 1;
	struct vx_map *m;

	load(off, 0, VX_OFF_GUEST, "off_fw.o", &id, &err);
	ok(id == 1, "guest object loads on port 0 (id %u) %s", id, err.msg);
	ok(vx_off_list(off, 0, info, 4) == 1 && !strcmp(info[0].name, "off_fw.o") &&
	   info[0].nprogs == 1 && info[0].nmaps == 2 && info[0].origin == VX_OFF_GUEST,
	   "port 0 lists it with its programs and maps");
	ok(vx_off_list(off, 1, info, 4) == 0, "port 1 sees no object");
	ok(!vx_off_map(off, 1, "cfg", &err) && strstr(err.msg, "no map"),
	   "port 1 cannot reach port 0's map by name: %s", err.msg);
	ok(!vx_off_map(off, 1, "1/cfg", &err), "nor by ID/NAME");
	ok(vx_off_attach(off, 1, id, NULL, 0, &err) == -ENOENT, "port 1 cannot attach it: %s",
	   err.msg);
	ok(vx_off_obj_unload(off, 1, id, &err) == -ENOENT, "nor unload it: %s", err.msg);
	m = vx_off_map(off, 0, "cfg", &err);
	ok(m && !vx_map_update(m, &k, &v, VX_ANY), "port 0 reaches its map by name");
	ok(vx_off_map(off, 0, "1/cfg", &err) == m, "and as ID/NAME");
	load(off, 1, VX_OFF_GUEST, "off_fw.o", &id2, &err);
	ok(id2 == 1, "port 1 loads the same object: ids are per port (%u)", id2);
	ok(vx_off_map(off, 1, "cfg", &err) != m, "each port gets its own maps");
	ok(!vx_off_attach(off, 0, id, "fw", 0, &err), "attach by program name %s", err.msg);
	ok(vx_off_list(off, 0, info, 4) == 1 && info[0].attached, "listed as attached");
	ok(vx_off_attach(off, 0, id, "nosuch", 0, &err) == -ENOENT && strstr(err.msg, "nosuch"),
	   "an unknown program is named: %s", err.msg);
	ok(!vx_off_detach(off, 0, &err) && vx_off_detach(off, 0, &err) == -ENOENT,
	   "detach, then nothing to detach: %s", err.msg);
	ok(!vx_off_attach(off, 0, id, NULL, 7, &err) && !vx_off_obj_unload(off, 0, id, &err) &&
	   vx_off_list(off, 0, info, 4) == 0, "unload detaches first");
	ok(!vx_off_obj_unload(off, 1, id2, &err), "port 1 unloads its own");
}

static uint64_t value0(struct vx_offload *off, unsigned int port, const char *map)
{
	struct vx_error err;
	struct vx_map *m = vx_off_map(off, port, map, &err);
	uint32_t k = 0;
	uint64_t v = 0;

	return m && !vx_map_lookup(m, &k, &v) ? v : (uint64_t)-1;
}

static void set0(struct vx_offload *off, unsigned int port, const char *map, uint64_t v)
{
	struct vx_error err;
	struct vx_map *m = vx_off_map(off, port, map, &err);
	uint32_t k = 0;

	if (m)
		vx_map_update(m, &k, &v, VX_ANY);
}

/*
 * Maps pinned by name: off_pin_a and off_pin_b both pin 'shared' (array, 4 x u64: 48 declared
 * bytes) and have one map of their own (8 bytes); off_pin_bad pins 'shared' with 8 entries.
 */
static void pinning(struct vx_offload *off)
{
	struct vx_off_limits lim = { .max_map_bytes = 80 };
	struct vx_off_obj_info info[4];
	struct vx_error err;
	char a_sh[32], b_sh[32];
	uint32_t a = 0, b = 0, c = 0, bad = 0, p1 = 0, only = 0;
	int ret;

	/* 56 + 56 declared, 64 with 'shared' counted once: fits 80 only when counted once. */
	vx_off_set_limits(off, 0, &lim);
	ret = load(off, 0, VX_OFF_GUEST, "off_pin_a.o", &a, &err);
	ok(!ret, "port 0: an object pinning 'shared' loads %s", err.msg);
	ret = load(off, 0, VX_OFF_GUEST, "off_pin_b.o", &b, &err);
	ok(!ret, "a second pinning 'shared' loads in a 80-byte quota: the shared map counts once "
	   "%s", err.msg);
	snprintf(a_sh, sizeof(a_sh), "%u/shared", a);
	snprintf(b_sh, sizeof(b_sh), "%u/shared", b);
	ok(vx_off_map(off, 0, a_sh, &err) && vx_off_map(off, 0, a_sh, &err) ==
	   vx_off_map(off, 0, b_sh, &err) && vx_off_map(off, 0, "shared", &err) ==
	   vx_off_map(off, 0, a_sh, &err), "'shared', %s and %s are one map", a_sh, b_sh);
	ok(vx_off_map(off, 0, "own_a", &err) && vx_off_map(off, 0, "own_b", &err) &&
	   vx_off_map(off, 0, "own_a", &err) != vx_off_map(off, 0, "own_b", &err),
	   "each keeps its unpinned map");
	set0(off, 0, a_sh, 41);
	ok(value0(off, 0, b_sh) == 41, "an update through one object is seen through the other");
	ok(vx_off_list(off, 0, info, 4) == 2 && info[0].map_bytes == 56 && info[1].map_bytes == 56,
	   "each object lists the declared bytes of the maps it uses (56, 56)");
	ret = load(off, 0, VX_OFF_GUEST, "off_fw.o", &bad, &err);
	ok(ret == -EDQUOT && strstr(err.msg, "over the 16 bytes allowed"),
	   "the port counts 64 bytes in use (16 of 80 left): %s", err.msg);
	lim.max_map_bytes = 64;
	vx_off_set_limits(off, 0, &lim);
	ret = load(off, 0, VX_OFF_GUEST, "off_pin_c.o", &only, &err);
	ok(!ret && vx_off_map(off, 0, "shared", &err) == vx_off_map(off, 0, a_sh, &err),
	   "with the quota used up, an object whose only map is shared still loads %s", err.msg);
	ret = load(off, 0, VX_OFF_GUEST, "off_fw.o", &bad, &err);
	ok(ret == -EDQUOT && strstr(err.msg, "quota") && strstr(err.msg, "over the 0 bytes"),
	   "one that creates maps does not: %s", err.msg);
	ok(!vx_off_obj_unload(off, 0, only, &err), "unload it");
	lim.max_map_bytes = 80;
	vx_off_set_limits(off, 0, &lim);
	ret = load(off, 0, VX_OFF_GUEST, "off_pin_bad.o", &bad, &err);
	ok(ret == -EINVAL && strstr(err.msg, "map 'shared'") &&
	   strstr(err.msg, "max_entries (8 here, 4 pinned)"),
	   "a different definition of 'shared' is refused naming the map and the attribute: %s",
	   err.msg);
	ok(vx_off_list(off, 0, info, 4) == 2, "and leaves nothing behind");
	ret = load(off, 1, VX_OFF_GUEST, "off_pin_bad.o", &p1, &err);
	ok(!ret, "port 1 has its own namespace: its 'shared' may have 8 entries %s", err.msg);
	ok(vx_off_map(off, 1, "shared", &err) != vx_off_map(off, 0, "shared", &err) &&
	   value0(off, 1, "shared") == 0, "and does not see port 0's map");
	ok(!vx_off_obj_unload(off, 0, a, &err) && value0(off, 0, b_sh) == 41 &&
	   value0(off, 0, "shared") == 41,
	   "unloading the object that created it leaves the map to the other (41)");
	ret = load(off, 0, VX_OFF_GUEST, "off_pin_a.o", &c, &err);
	snprintf(a_sh, sizeof(a_sh), "%u/shared", c);
	ok(!ret && value0(off, 0, a_sh) == 41,
	   "loaded again, it shares the surviving map (41) and still fits the quota %s", err.msg);
	lim.max_map_bytes = 70;
	vx_off_set_limits(off, 0, &lim);
	ok(!vx_off_obj_unload(off, 0, b, &err) && !vx_off_obj_unload(off, 0, c, &err) &&
	   vx_off_list(off, 0, info, 4) == 0, "both unloaded");
	ret = load(off, 0, VX_OFF_GUEST, "off_pin_b.o", &b, &err);
	ok(!ret && value0(off, 0, "shared") == 0,
	   "after the last user is gone a new load gets a new, empty map %s", err.msg);
	ret = load(off, 0, VX_OFF_HOST, "off_pin_a.o", &a, &err);
	snprintf(a_sh, sizeof(a_sh), "%u/shared", a);
	snprintf(b_sh, sizeof(b_sh), "%u/shared", b);
	ok(!ret && vx_off_map(off, 0, a_sh, &err) == vx_off_map(off, 0, b_sh, &err),
	   "the host's objects on the port share the port's pinned maps too %s", err.msg);
	vx_off_obj_unload(off, 0, a, &err);
	vx_off_obj_unload(off, 0, b, &err);
	vx_off_obj_unload(off, 1, p1, &err);
	lim = (struct vx_off_limits){ 0 };
	vx_off_set_limits(off, 0, &lim);
}

/* xdp-filter's way: its variants pin every map, so the one loaded next keeps the rules. */
static void xdp_filter(struct vx_offload *off)
{
	static const char *const maps[] = { "xdp_stats_map", "filter_ports" };
	char all[1024], tcp[1024], m1[64], m2[64];
	struct vx_error err;
	uint32_t a = 0, b = 0;
	size_t i, same = 0;
	FILE *f;

	snprintf(all, sizeof(all), "%s/xdpfilt_alw_all.o", xdp_tools_dir ? xdp_tools_dir : "");
	snprintf(tcp, sizeof(tcp), "%s/xdpfilt_dny_tcp.o", xdp_tools_dir ? xdp_tools_dir : "");
	f = xdp_tools_dir ? fopen(all, "rb") : NULL;
	if (!f || access(tcp, R_OK)) {
		skip("xdp-filter variants share their pinned maps", "no xdp-tools objects "
		     "(Debian: libxdp1)");
		if (f)
			fclose(f);
		return;
	}
	fclose(f);
	ok(!load(off, 0, VX_OFF_GUEST, all, &a, &err), "xdpfilt_alw_all.o loads for a guest %s",
	   err.msg);
	ok(!load(off, 0, VX_OFF_GUEST, tcp, &b, &err), "xdpfilt_dny_tcp.o loads beside it %s",
	   err.msg);
	for (i = 0; i < 2; i++) {
		snprintf(m1, sizeof(m1), "%u/%s", a, maps[i]);
		snprintf(m2, sizeof(m2), "%u/%s", b, maps[i]);
		same += vx_off_map(off, 0, m1, &err) &&
			vx_off_map(off, 0, m1, &err) == vx_off_map(off, 0, m2, &err);
	}
	ok(same == 2, "they share xdp_stats_map and filter_ports");
	vx_off_obj_unload(off, 0, a, &err);
	vx_off_obj_unload(off, 0, b, &err);
}

static void quotas(struct vx_offload *off)
{
	struct vx_off_limits lim = { .max_objects = 1, .max_req_per_s = 5 };
	struct vx_error err;
	uint32_t id;
	int i, refused = 0, ret;

	vx_off_set_limits(off, 0, &lim);
	ok(!load(off, 0, VX_OFF_GUEST, "off_drop.o", &id, &err), "one object within quota");
	ret = load(off, 0, VX_OFF_GUEST, "off_pass.o", &id, &err);
	ok(ret == -EDQUOT && strstr(err.msg, "quota") && strstr(err.msg, "objects"),
	   "a second is refused: %s", err.msg);
	ok(!load(off, 0, VX_OFF_HOST, "off_pass.o", &id, &err),
	   "the host's own objects are not charged to the guest's quota");
	vx_off_obj_unload(off, 0, id, &err);
	vx_off_obj_unload(off, 0, 1, &err);
	vx_off_obj_unload(off, 0, 2, &err);
	lim = (struct vx_off_limits){ .max_insns = 3 };
	vx_off_set_limits(off, 0, &lim);
	ret = load(off, 0, VX_OFF_GUEST, "off_fw.o", &id, &err);
	ok(ret == -EDQUOT && strstr(err.msg, "instructions"), "instruction quota: %s", err.msg);
	lim = (struct vx_off_limits){ .max_map_bytes = 16 };
	vx_off_set_limits(off, 0, &lim);
	ret = load(off, 0, VX_OFF_GUEST, "off_fw.o", &id, &err);
	ok(ret == -EDQUOT && strstr(err.msg, "map memory"), "map memory quota: %s", err.msg);
	lim = (struct vx_off_limits){ 0 };
	vx_off_set_limits(off, 0, &lim);
	ret = load(off, 0, VX_OFF_GUEST, "off_bigmap.o", &id, &err);
	ok(ret == -EDQUOT && strstr(err.msg, "declare"),
	   "a 1 GiB map is refused before it is allocated (default quota): %s", err.msg);
	ret = load(off, 0, VX_OFF_HOST, "off_bigmap.o", &id, &err);
	ok(ret < 0 && strstr(err.msg, "limit"), "the host too, by the engine's map limit: %s",
	   err.msg);
	lim = (struct vx_off_limits){ .max_req_per_s = 5 };
	vx_off_set_limits(off, 1, &lim);
	for (i = 0; i < 20; i++)
		refused += vx_off_charge_request(off, 1) == -EBUSY;
	ok(refused >= 14 && refused <= 15, "request rate: 5/s, %d of 20 at once refused", refused);
	ok(vx_off_charge_request(off, 0) == 0, "another port's rate is its own");
}

static void hostile(struct vx_offload *off)
{
	static const char junk[] = "\x7f" "ELF this is not an object at all";
	struct vx_error err;
	uint32_t id;
	void *big;
	int ret;

	ret = vx_off_obj_load(off, 0, VX_OFF_GUEST, junk, sizeof(junk), "junk", &id, &err);
	ok(ret < 0 && err.msg[0], "garbage ELF refused: %s", err.msg);
	big = calloc(1, VX_OFF_OBJ_MAX_BYTES + 1);
	ret = vx_off_obj_load(off, 0, VX_OFF_GUEST, big, VX_OFF_OBJ_MAX_BYTES + 1, "big", &id,
			      &err);
	ok(ret == -E2BIG && strstr(err.msg, "maximum"), "over 4 MiB refused: %s", err.msg);
	free(big);
	ret = vx_off_obj_load(off, 99, VX_OFF_GUEST, junk, sizeof(junk), "junk", &id, &err);
	ok(ret == -ENODEV && strstr(err.msg, "no port"), "no such port: %s", err.msg);
}

int main(int argc, char **argv)
{
	struct vx_sw_cfg cfg = { .mode = VX_SW_LEARN };
	char tmp[] = "/tmp/vxoff.XXXXXX", path[300];
	struct vx_offload *off;
	struct vx_switch *sw;
	int i;

	if (argc < 2 || !mkdtemp(tmp)) {
		fprintf(stderr, "usage: test_registry PROGS_DIR\n");
		return 2;
	}
	dir = argv[1];
	xdp_tools_dir = argc > 2 ? argv[2] : NULL;
	sw = vx_switch_new(&cfg);
	for (i = 0; i < 2; i++) {
		snprintf(path, sizeof(path), "%s/p%d.sock", tmp, i);
		vx_switch_add_port(sw, vx_port_vhost_new(i ? "p1" : "p0", path, false));
	}
	off = vx_offload_new(sw, NULL);
	isolation(off);
	pinning(off);
	xdp_filter(off);
	quotas(off);
	hostile(off);
	vx_offload_free(off);
	vx_switch_free(sw);
	vx_rcu_barrier();
	for (i = 0; i < 2; i++) {
		snprintf(path, sizeof(path), "%s/p%d.sock", tmp, i);
		unlink(path);
	}
	rmdir(tmp);
	return tap_done();
}
