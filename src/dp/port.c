// SPDX-License-Identifier: BSD-2-Clause
/* port.c - what every port shares: naming, and counters merged with the switch's own. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <vxdp/port.h>

int vx_port_init(struct vx_port *port, const struct vx_port_ops *ops, const char *name,
		 const char *desc)
{
	size_t len = strlen(name);

	if (!len || len >= sizeof(port->name))
		return -EINVAL;
	memset(port, 0, sizeof(*port));
	port->ops = ops;
	memcpy(port->name, name, len + 1);
	snprintf(port->desc, sizeof(port->desc), "%s", desc);
	pthread_mutex_init(&port->tx_lock, NULL);
	return 0;
}

static uint64_t ld(const uint64_t *c)
{
	return __atomic_load_n(c, __ATOMIC_RELAXED);
}

void vx_port_stats(struct vx_port *port, struct vx_port_stats *out)
{
	memset(out, 0, sizeof(*out));
	port->ops->stats(port, out);
	out->drop_no_dest += __atomic_load_n(&port->drop_no_dest, __ATOMIC_RELAXED);
	out->xdp = (struct vx_xdp_counters){
		.runs = ld(&port->xc.runs), .aborted = ld(&port->xc.aborted),
		.drop = ld(&port->xc.drop), .pass = ld(&port->xc.pass), .tx = ld(&port->xc.tx),
		.redirect = ld(&port->xc.redirect),
		.redirect_denied = ld(&port->xc.redirect_denied),
		.loop_drop = ld(&port->xc.loop_drop), .too_long = ld(&port->xc.too_long),
		.no_buf = ld(&port->xc.no_buf),
	};
	out->drop_xdp += ld(&port->drop_xdp) + out->xdp.aborted + out->xdp.drop +
			 out->xdp.redirect_denied + out->xdp.loop_drop + out->xdp.too_long +
			 out->xdp.no_buf;
	out->ctl_rx = __atomic_load_n(&port->ctl_rx, __ATOMIC_RELAXED);
	out->drop_ctl = __atomic_load_n(&port->drop_ctl, __ATOMIC_RELAXED);
}

void vx_port_destroy(struct vx_port *port)
{
	if (!port)
		return;
	pthread_mutex_destroy(&port->tx_lock);
	port->ops->destroy(port);
}
