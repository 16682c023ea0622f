/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * guest_cmd.h - the guest channel's commands as vxdp-guest and `vguest offload` offer them
 * (prog load|attach|detach|unload|list, map lookup|update|delete|next|dump, stats, hello),
 * over any vx_chan_client transport.
 */
#ifndef VXDP_GUEST_CMD_H
#define VXDP_GUEST_CMD_H

#include <stdint.h>
#include <stdio.h>

#include <vxoffload/chan_client.h>

/* The commands' synopsis, each line indented by two spaces. */
void guest_cmd_usage(FILE *f);

/*
 * Run the command in argv[0..argc) (e.g. "prog", "load", "fw.o", "--attach"). ifindex is what
 * an attached program reads as ingress_ifindex (0: the host's own number for the port). Output
 * on stdout, errors on stderr prefixed by tool. Exit status: 0 done, 1 refused by the host or
 * no answer, 2 bad command line.
 */
int guest_cmd_run(struct vx_chan_client *c, const char *tool, int argc, char **argv,
		  uint32_t ifindex);

#endif /* VXDP_GUEST_CMD_H */
