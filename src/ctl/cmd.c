// SPDX-License-Identifier: BSD-2-Clause
/*
 * cmd.c - the control socket's requests, JSON in and out: port list, stats, ping; the offload
 * requests are in cmd_offload.c.
 */
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "cmd_priv.h"

struct json_object *ctl_error(const char *fmt, ...)
{
	struct json_object *o = json_object_new_object();
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	json_object_object_add(o, "error", json_object_new_string(msg));
	return o;
}

void ctl_add_u64(struct json_object *o, const char *key, uint64_t v)
{
	json_object_object_add(o, key, json_object_new_uint64(v));
}

const char *ctl_str(struct json_object *req, const char *key)
{
	struct json_object *v;

	if (!json_object_object_get_ex(req, key, &v) || !json_object_is_type(v, json_type_string))
		return NULL;
	return json_object_get_string(v);
}

#define error_obj(msg) ctl_error("%s", msg)
#define add_u64 ctl_add_u64

static struct json_object *port_info(struct vx_switch *sw, struct vx_port *p)
{
	struct json_object *o = json_object_new_object();

	json_object_object_add(o, "index", json_object_new_int((int)p->index));
	json_object_object_add(o, "ifindex", json_object_new_int((int)p->index + 1));
	json_object_object_add(o, "name", json_object_new_string(p->name));
	json_object_object_add(o, "type", json_object_new_string(p->ops->type));
	json_object_object_add(o, "desc", json_object_new_string(p->desc));
	json_object_object_add(o, "connected", json_object_new_boolean(p->ops->connected(p)));
	json_object_object_add(o, "worker",
			       json_object_new_int((int)vx_switch_port_worker(sw, p->index)));
	return o;
}

static struct json_object *cmd_port_list(struct vx_switch *sw)
{
	struct json_object *o = json_object_new_object(), *a = json_object_new_array();
	unsigned int i;

	for (i = 0; i < vx_switch_nports(sw); i++)
		json_object_array_add(a, port_info(sw, vx_switch_port(sw, i)));
	json_object_object_add(o, "mode", json_object_new_string(
				       vx_sw_mode_name(vx_switch_mode(sw))));
	json_object_object_add(o, "ports", a);
	return o;
}

static struct json_object *drops_obj(const struct vx_port_stats *s)
{
	struct json_object *d = json_object_new_object();

	add_u64(d, "ring_full", s->drop_ring_full);
	add_u64(d, "too_long", s->drop_too_long);
	add_u64(d, "not_ready", s->drop_not_ready);
	add_u64(d, "broken", s->drop_broken);
	add_u64(d, "xdp", s->drop_xdp);
	add_u64(d, "no_dest", s->drop_no_dest);
	add_u64(d, "rx_malformed", s->rx_malformed);
	add_u64(d, "ctl", s->drop_ctl);
	return d;
}

static struct json_object *xdp_obj(const struct vx_xdp_counters *c)
{
	struct json_object *o = json_object_new_object();

	add_u64(o, "runs", c->runs);
	add_u64(o, "pass", c->pass);
	add_u64(o, "drop", c->drop);
	add_u64(o, "tx", c->tx);
	add_u64(o, "redirect", c->redirect);
	add_u64(o, "aborted", c->aborted);
	add_u64(o, "redirect_denied", c->redirect_denied);
	add_u64(o, "loop_drop", c->loop_drop);
	add_u64(o, "too_long", c->too_long);
	add_u64(o, "no_buf", c->no_buf);
	return o;
}

static struct json_object *port_stats(struct vx_port *p)
{
	struct json_object *o = json_object_new_object();
	struct vx_port_stats s;

	vx_port_stats(p, &s);
	json_object_object_add(o, "name", json_object_new_string(p->name));
	add_u64(o, "rx_packets", s.rx_packets);
	add_u64(o, "rx_bytes", s.rx_bytes);
	add_u64(o, "tx_packets", s.tx_packets);
	add_u64(o, "tx_bytes", s.tx_bytes);
	add_u64(o, "connects", s.connects);
	add_u64(o, "disconnects", s.disconnects);
	add_u64(o, "ctl_rx", s.ctl_rx);
	json_object_object_add(o, "drops", drops_obj(&s));
	json_object_object_add(o, "xdp", xdp_obj(&s.xdp));
	return o;
}

static struct json_object *cmd_stats(struct vx_switch *sw)
{
	struct json_object *o = json_object_new_object(), *a = json_object_new_array();
	struct vx_switch_stats ss;
	unsigned int i;

	vx_switch_stats(sw, &ss);
	for (i = 0; i < vx_switch_nports(sw); i++)
		json_object_array_add(a, port_stats(vx_switch_port(sw, i)));
	json_object_object_add(o, "mode", json_object_new_string(
				       vx_sw_mode_name(vx_switch_mode(sw))));
	add_u64(o, "flooded", ss.flooded);
	add_u64(o, "macs", ss.macs);
	add_u64(o, "polls", ss.polls);
	add_u64(o, "idle_polls", ss.idle_polls);
	json_object_object_add(o, "ports", a);
	return o;
}

static struct json_object *dispatch(struct vx_switch *sw, struct vx_offload *off,
				    struct json_object *req)
{
	struct json_object *cmd, *ans;
	const char *name;

	if (!json_object_is_type(req, json_type_object))
		return error_obj("request must be a JSON object");
	if (!json_object_object_get_ex(req, "cmd", &cmd) ||
	    !json_object_is_type(cmd, json_type_string))
		return error_obj("request needs a \"cmd\" string");
	name = json_object_get_string(cmd);
	if (!strcmp(name, "port list"))
		return cmd_port_list(sw);
	if (!strcmp(name, "stats"))
		return cmd_stats(sw);
	if (!strcmp(name, "ping"))
		return json_object_new_object();
	ans = ctl_offload_dispatch(sw, off, name, req);
	if (ans)
		return ans;
	return error_obj("unknown command (known: port list, stats, ping, prog attach, prog detach, "
			 "prog list, map dump, map lookup, map update, map delete, "
			 "policy allow-redirect)");
}

static char *to_string(struct json_object *o)
{
	char *s = strdup(json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN));

	json_object_put(o);
	return s;
}

static bool blank(const char *s, const char *end)
{
	for (; s < end; s++) {
		if (*s != ' ' && *s != '\t' && *s != '\r')
			return false;
	}
	return true;
}

char *vx_ctl_handle(struct vx_switch *sw, struct vx_offload *off, const char *line, size_t len)
{
	struct json_tokener *tok;
	struct json_object *req, *reply;

	if (!line)
		return to_string(error_obj("request line too long"));
	if (len > VX_CTL_LINE_MAX)
		return to_string(error_obj("request line too long"));
	if (memchr(line, 0, len))
		return to_string(error_obj("request contains a NUL byte"));
	tok = json_tokener_new();
	if (!tok)
		return NULL;
	req = json_tokener_parse_ex(tok, line, (int)len);
	if (!req || json_tokener_get_error(tok) != json_tokener_success ||
	    !blank(line + json_tokener_get_parse_end(tok), line + len)) {
		json_object_put(req);
		json_tokener_free(tok);
		return to_string(error_obj("malformed JSON request"));
	}
	json_tokener_free(tok);
	reply = dispatch(sw, off, req);
	json_object_put(req);
	return to_string(reply);
}
