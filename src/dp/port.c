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

void vx_port_stats(struct vx_port *port, struct vx_port_stats *out)
{
	memset(out, 0, sizeof(*out));
	port->ops->stats(port, out);
	out->drop_no_dest += __atomic_load_n(&port->drop_no_dest, __ATOMIC_RELAXED);
	out->drop_xdp += __atomic_load_n(&port->drop_xdp, __ATOMIC_RELAXED);
}

void vx_port_destroy(struct vx_port *port)
{
	if (!port)
		return;
	pthread_mutex_destroy(&port->tx_lock);
	port->ops->destroy(port);
}
