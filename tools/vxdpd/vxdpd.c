// SPDX-License-Identifier: BSD-2-Clause
/*
 * vxdpd.c - the switch daemon: builds the switch from the command line, runs its control
 * thread (vhost-user messages and the control socket) until SIGINT/SIGTERM, then shuts down.
 */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <vxctl/client.h>
#include <vxctl/ctl.h>
#include <vxdp/switch.h>
#include <vxbpf/jit.h>
#include <vxbpf/map.h>
#include <vxoffload/chan.h>
#include <vxoffload/offload.h>

#include "args.h"

#define MAX_FDS		(VX_SW_MAX_PORTS + VX_CTL_MAX_CLIENTS + 1)

static volatile sig_atomic_t stop;
static struct vx_chan *chan;	/* the guest channel (docs/guest-channel.md) */

static void on_signal(int sig)
{
	(void)sig;
	stop = 1;
}

static void signals(void)
{
	struct sigaction sa = { .sa_handler = on_signal };

	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
}

/* Why a tap port could not be opened, in the user's terms. */
static const char *tap_error(int err)
{
	switch (err) {
	case ENOENT:
	case ENODEV:
		return "no /dev/net/tun (is the tun module loaded?)";
	case EPERM:
		return "not permitted: needs CAP_NET_ADMIN (or ownership of a persistent tap)";
	case ENAMETOOLONG:
		return "interface name too long (max 15)";
	case EBUSY:
		return "interface busy: attached by another process";
	case EINVAL:
		return "interface exists and is not a tap (or has other flags, e.g. multiqueue)";
	default:
		return strerror(err);
	}
}

static struct vx_port *new_port(const struct port_arg *p)
{
	if (p->tap)
		return vx_port_tap_new(p->name, p->path);
	return vx_port_vhost_new(p->name, p->path, p->client);
}

static struct vx_switch *build(const struct args *a)
{
	struct vx_switch *sw = vx_switch_new(&a->sw);
	unsigned int i;

	if (!sw) {
		fprintf(stderr, "vxdpd: cannot create the switch: %s\n", strerror(errno));
		return NULL;
	}
	for (i = 0; i < a->nports; i++) {
		const struct port_arg *p = &a->ports[i];
		struct vx_port *port = new_port(p);

		if (!port || vx_switch_add_port(sw, port)) {
			fprintf(stderr, "vxdpd: port %s: %s%s: %s\n", p->name, p->tap ? "tap:" : "",
				p->path, p->tap && !port ? tap_error(errno) : strerror(errno));
			vx_switch_free(sw);
			return NULL;
		}
	}
	return sw;
}

/* The default socket's directory is ours to create; a given path's is not. */
static const char *ctl_path(const struct args *a, char *buf, size_t size)
{
	char *slash;

	if (a->ctl)
		return a->ctl;
	if (vx_ctl_default_path(buf, size))
		return NULL;
	slash = strrchr(buf, '/');
	*slash = 0;
	if (mkdir(buf, 0700) && errno != EEXIST)
		fprintf(stderr, "vxdpd: cannot create %s: %s\n", buf, strerror(errno));
	*slash = '/';
	return buf;
}

static unsigned int gather_fds(struct vx_switch *sw, struct vx_ctl *ctl, struct pollfd *fds)
{
	unsigned int i, n = 0;

	for (i = 0; i < vx_switch_nports(sw); i++) {
		struct vx_port *p = vx_switch_port(sw, i);

		fds[n++] = (struct pollfd){ .fd = p->ops->ctl_fd(p), .events = POLLIN };
	}
	return n + vx_ctl_pollfds(ctl, fds + n, MAX_FDS - n);
}

/* The control thread: vhost-user messages for every port, then the control socket. */
static void run(struct vx_switch *sw, struct vx_ctl *ctl)
{
	struct pollfd fds[MAX_FDS + 1];
	unsigned int i, nports = vx_switch_nports(sw);

	while (!stop) {
		unsigned int n = gather_fds(sw, ctl, fds);

		fds[n] = (struct pollfd){ .fd = vx_chan_fd(chan), .events = POLLIN };
		if (poll(fds, n + 1, 200) <= 0)
			continue;
		if (fds[n].revents)
			vx_chan_process(chan);
		for (i = 0; i < nports; i++) {
			struct vx_port *p = vx_switch_port(sw, i);

			if (fds[i].revents)
				p->ops->ctl_process(p);
		}
		for (i = nports; i < n; i++) {
			if (fds[i].revents) {
				vx_ctl_process(ctl);
				break;
			}
		}
	}
}

/* The offload registry: engine, quotas and the --allow-redirect pairs. */
static struct vx_offload *offload(const struct args *a, struct vx_switch *sw)
{
	struct vx_off_limits lim = {
		.max_objects = (unsigned int)a->quota_objects,
		.max_insns = (unsigned int)a->quota_insns,
		.max_map_bytes = a->quota_map_bytes,
		.max_req_per_s = (unsigned int)a->quota_req_per_s,
	};
	struct vx_offload *off;
	unsigned int i;

	if (a->engine == VX_ENGINE_JIT && !vx_jit_supported()) {
		fprintf(stderr, "vxdpd: --engine jit: the JIT does not support this host\n");
		return NULL;
	}
	off = vx_offload_new(sw, &lim);
	if (!off) {
		fprintf(stderr, "vxdpd: out of memory\n");
		return NULL;
	}
	if (a->engine >= 0)
		vx_off_set_engine(off, (enum vx_engine)a->engine);
	for (i = 0; i < a->nredirects; i++) {
		char from[VX_PORT_NAME_MAX + 1] = "";
		const char *colon = strchr(a->redirects[i], ':');
		struct vx_port *pf, *pt;

		snprintf(from, sizeof(from), "%.*s", (int)(colon - a->redirects[i]),
			 a->redirects[i]);
		pf = vx_switch_port_by_name(sw, from);
		pt = vx_switch_port_by_name(sw, colon + 1);
		if (!pf || !pt) {
			fprintf(stderr, "vxdpd: --allow-redirect %s: no port '%s'\n",
				a->redirects[i], pf ? colon + 1 : from);
			vx_offload_free(off);
			return NULL;
		}
		vx_off_allow_redirect(off, pf->index, pt->index, 1);
	}
	return off;
}

static int serve(const struct args *a)
{
	char buf[256];
	const char *path = ctl_path(a, buf, sizeof(buf));
	struct vx_offload *off;
	struct vx_switch *sw;
	struct vx_ctl *ctl;
	int err;

	if (!path) {
		fprintf(stderr, "vxdpd: default control path too long; use --ctl\n");
		return 1;
	}
	sw = build(a);
	if (!sw)
		return 1;
	vx_set_ncpus(vx_switch_cfg(sw)->nworkers);	/* per-CPU map slots: one per worker */
	off = offload(a, sw);
	ctl = off ? vx_ctl_new(path, sw) : NULL;
	if (!ctl) {
		if (off)
			fprintf(stderr, "vxdpd: control socket %s: %s\n", path, strerror(errno));
		vx_offload_free(off);
		vx_switch_free(sw);
		return 1;
	}
	vx_ctl_set_offload(ctl, off);
	chan = vx_chan_new(sw, off);
	err = chan ? vx_switch_start(sw) : -ENOMEM;
	if (err) {
		fprintf(stderr, "vxdpd: cannot start workers: %s\n", strerror(-err));
	} else {
		fprintf(stderr, "vxdpd: %u ports, mode %s, control socket %s\n",
			vx_switch_nports(sw), vx_sw_mode_name(vx_switch_mode(sw)), path);
		run(sw, ctl);
		fprintf(stderr, "vxdpd: stopping\n");
	}
	vx_switch_stop(sw);
	vx_chan_free(chan);
	vx_ctl_free(ctl);
	vx_offload_free(off);
	vx_switch_free(sw);
	vx_rcu_barrier();
	return err ? 1 : 0;
}

int main(int argc, char **argv)
{
	static struct args a;

	if (args_parse(&a, argc, argv))
		return 2;
	if (a.help) {
		args_usage(stdout);
		return 0;
	}
	signals();
	return serve(&a);
}
