/* SPDX-License-Identifier: BSD-2-Clause */
/* cmd.h - the `vxdp` subcommands implemented outside vxdp.c; each returns the exit status. */
#ifndef VXDP_TOOLS_CMD_H
#define VXDP_TOOLS_CMD_H

#include <stdbool.h>

int cmd_prog(int argc, char **argv);
int cmd_prog_verify(int argc, char **argv);
int cmd_port(int argc, char **argv);
int cmd_stats(int argc, char **argv);
/* Talking to vxdpd (cmd_offload.c): prog attach|detach|list, map, policy, top. */
int cmd_prog_remote(int argc, char **argv);
int cmd_map(int argc, char **argv);
int cmd_policy(int argc, char **argv);
int cmd_top(int argc, char **argv);
bool cmd_prog_is_remote(const char *sub);

struct json_object;
/* One request line to vxdpd at ctl (NULL: the default socket); the parsed answer, or NULL
 * after saying why on stderr (unreachable daemon, {"error": ...}). */
struct json_object *cmd_ctl_request(const char *ctl, const char *req);

#endif /* VXDP_TOOLS_CMD_H */
