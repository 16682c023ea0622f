/* SPDX-License-Identifier: BSD-2-Clause */
/* cmd.h - the `vxdp` subcommands implemented outside vxdp.c; each returns the exit status. */
#ifndef VXDP_TOOLS_CMD_H
#define VXDP_TOOLS_CMD_H

int cmd_prog(int argc, char **argv);
int cmd_prog_verify(int argc, char **argv);
int cmd_port(int argc, char **argv);
int cmd_stats(int argc, char **argv);

#endif /* VXDP_TOOLS_CMD_H */
