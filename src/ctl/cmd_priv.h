/* SPDX-License-Identifier: BSD-2-Clause */
/* cmd_priv.h - what the control socket's request files share: JSON answers, arguments. */
#ifndef VXCTL_CMD_PRIV_H
#define VXCTL_CMD_PRIV_H

#include <stdint.h>

#include <json-c/json.h>

#include <vxctl/ctl.h>

struct json_object *ctl_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void ctl_add_u64(struct json_object *o, const char *key, uint64_t v);
/* The string member key of req, or NULL. */
const char *ctl_str(struct json_object *req, const char *key);

/* cmd_offload.c: the offload requests (prog, map, policy); NULL when name is not one. */
struct json_object *ctl_offload_dispatch(struct vx_switch *sw, struct vx_offload *off,
					 const char *name, struct json_object *req);

#endif /* VXCTL_CMD_PRIV_H */
