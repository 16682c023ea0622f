/* SPDX-License-Identifier: BSD-2-Clause */
/* args.h - vxdpd's command line, parsed and checked into one struct. */
#ifndef VXDPD_ARGS_H
#define VXDPD_ARGS_H

#include <stdbool.h>
#include <stdio.h>

#include <vxdp/switch.h>

struct port_arg {
	const char *name;
	const char *path;	/* vhost-user socket, or tap interface name */
	bool client;
	bool tap;		/* a tap port (path is the interface) */
};

struct args {
	const char *ctl;	/* NULL: the default path */
	struct vx_sw_cfg sw;
	struct port_arg ports[VX_SW_MAX_PORTS];
	unsigned int nports;
	bool help;
	/* Offload: the engine (-1: JIT where supported) and --allow-redirect pairs (names). */
	int engine;
	const char *redirects[VX_SW_MAX_PORTS * 4];
	unsigned int nredirects;
	/* --quota KEY=N: the guests' default quotas (0: the registry's default). */
	unsigned long long quota_objects, quota_insns, quota_map_bytes, quota_req_per_s;
	char names[VX_SW_MAX_PORTS][VX_PORT_NAME_MAX];
	char paths[VX_SW_MAX_PORTS][108];
};

/* 0, or -1 with the reason already printed on stderr (the caller exits 2). */
int args_parse(struct args *a, int argc, char **argv);
void args_usage(FILE *f);

#endif /* VXDPD_ARGS_H */
