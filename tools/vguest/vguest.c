// SPDX-License-Identifier: BSD-2-Clause
/*
 * vguest.c - the vguest command: a userspace virtio-net guest on a vhost-user socket that
 * sends, receives, echoes or generates numbered UDP frames and prints its counters.
 */
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "frame.h"
#include "frontend.h"
#include "offload.h"

struct opts {
	struct vg_cfg cfg;
	uint8_t mac[6], to[6];
	bool have_to, json;
	unsigned long count;	/* 0: unbounded */
	size_t size;
	double rate, duration, timeout, interval;
	const char *cmd;
	int oargc;		/* offload: the channel command's words */
	char **oargv;
};

struct counters {
	uint64_t next_seq, lost, reordered, bad, echoed, dropped;
};

static volatile sig_atomic_t stop;
static FILE *dump_file;		/* --dump: first 64 bytes of each received frame, in hex */

static void dump_frame(const uint8_t *buf, int n)
{
	int i;

	for (i = 0; i < n && i < 64; i++)
		fprintf(dump_file, "%02x", buf[i]);
	fputc('\n', dump_file);
}

static void on_signal(int sig)
{
	(void)sig;
	stop = 1;
}

static double now_s(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec + t.tv_nsec / 1e9;
}

static void usage(FILE *f)
{
	fprintf(f,
		"usage: vguest --socket PATH [--server] [--mac MAC] [--no-mrg-rxbuf] [--no-event-idx]\n"
		"              [--indirect] [--queue-size N] [--json] [--stats-interval S] COMMAND\n"
		"  send --to MAC [--count N] [--size BYTES] [--rate PPS]\n"
		"  recv [--count N] [--timeout S] [--dump FILE]\n"
		"  echo [--count N] [--timeout S]\n"
		"  gen --to MAC --rate PPS --duration S [--size BYTES]\n"
		"  offload prog|map|stats|hello ...  (the guest channel, as vxdp-guest --help)\n");
}

static void print_stats(const struct vg_fe *fe, const struct counters *c, bool json,
			const char *tag)
{
	const struct vg_stats *s = &fe->st;

	if (json) {
		printf("{\"event\":\"%s\",\"sent\":%llu,\"sent_bytes\":%llu,\"dropped\":%llu,"
		       "\"received\":%llu,\"received_bytes\":%llu,\"lost\":%llu,"
		       "\"reordered\":%llu,\"bad\":%llu,\"echoed\":%llu}\n", tag,
		       (unsigned long long)s->sent, (unsigned long long)s->sent_bytes,
		       (unsigned long long)c->dropped, (unsigned long long)s->received,
		       (unsigned long long)s->received_bytes, (unsigned long long)c->lost,
		       (unsigned long long)c->reordered, (unsigned long long)(c->bad + s->rx_bad),
		       (unsigned long long)c->echoed);
	} else {
		printf("%s: sent %llu (%llu bytes) dropped %llu received %llu (%llu bytes) "
		       "lost %llu reordered %llu bad %llu echoed %llu\n", tag,
		       (unsigned long long)s->sent, (unsigned long long)s->sent_bytes,
		       (unsigned long long)c->dropped, (unsigned long long)s->received,
		       (unsigned long long)s->received_bytes, (unsigned long long)c->lost,
		       (unsigned long long)c->reordered, (unsigned long long)(c->bad + s->rx_bad),
		       (unsigned long long)c->echoed);
	}
	fflush(stdout);
}

static void account(struct counters *c, const uint8_t *buf, int n)
{
	uint64_t seq;

	if (vg_frame_check(buf, n, &seq)) {
		c->bad++;
		return;
	}
	if (seq > c->next_seq)
		c->lost += seq - c->next_seq;
	else if (seq < c->next_seq)
		c->reordered++;
	if (seq >= c->next_seq)
		c->next_seq = seq + 1;
}

/* Receive everything pending; with echo, send each frame back with MACs swapped. */
static unsigned int poll_rx(struct vg_fe *fe, struct counters *c, uint8_t *buf, bool echo)
{
	unsigned int got = 0;
	int n;

	while ((n = vg_recv(fe, buf, 65536)) > 0) {
		got++;
		if (n > 65536)
			continue;
		if (dump_file)
			dump_frame(buf, n);
		if (echo) {
			vg_frame_swap_macs(buf);
			if (vg_send(fe, buf, n) == 0)
				c->echoed++;
			continue;
		}
		account(c, buf, n);
	}
	return got;
}

static bool send_due(const struct opts *o, double start, uint64_t sent)
{
	return o->rate <= 0 || now_s() - start >= sent / o->rate;
}

static int run(struct vg_fe *fe, const struct opts *o)
{
	bool sending = !strcmp(o->cmd, "send") || !strcmp(o->cmd, "gen");
	bool echo = !strcmp(o->cmd, "echo");
	double start = now_s(), last_print = start, idle_since = start;
	uint8_t *tx = malloc(65536), *rx = malloc(65536);
	struct counters c = { 0 };
	uint64_t seq = 0;

	if (!tx || !rx)
		return 1;
	while (!stop) {
		double t = now_s();

		if (sending && (!o->count || seq < o->count) && send_due(o, start, seq)) {
			vg_frame_build(tx, o->size, o->to, o->mac, seq);
			/* gen drops on a full ring (counted); send waits for room. */
			if (vg_send(fe, tx, o->size) == 0)
				seq++;
			else if (!strcmp(o->cmd, "gen") && ++c.dropped)
				seq++;
		}
		if (poll_rx(fe, &c, rx, echo))
			idle_since = t;
		if (!sending && o->count && fe->st.received >= o->count)
			break;
		if (sending && o->count && seq >= o->count && t - idle_since > 0.2)
			break;
		if (o->duration > 0 && t - start >= o->duration)
			break;
		if (!sending && o->timeout > 0 && t - idle_since >= o->timeout)
			break;
		if (o->interval > 0 && t - last_print >= o->interval) {
			print_stats(fe, &c, o->json, "interval");
			last_print = t;
		}
		if (!sending || (o->rate > 0 && !send_due(o, start, seq)))
			usleep(50);
	}
	vg_tx_reclaim(fe);
	print_stats(fe, &c, o->json, "final");
	free(tx);
	free(rx);
	return 0;
}

enum { O_SOCKET = 1, O_SERVER, O_MAC, O_NO_MRG, O_NO_EVENT, O_INDIRECT, O_QSIZE, O_JSON,
       O_INTERVAL, O_TO, O_COUNT, O_SIZE, O_RATE, O_TIMEOUT, O_DURATION, O_DUMP };

static const struct option global_opts[] = {
	{ "socket", required_argument, NULL, O_SOCKET },
	{ "server", no_argument, NULL, O_SERVER },
	{ "mac", required_argument, NULL, O_MAC },
	{ "no-mrg-rxbuf", no_argument, NULL, O_NO_MRG },
	{ "no-event-idx", no_argument, NULL, O_NO_EVENT },
	{ "indirect", no_argument, NULL, O_INDIRECT },
	{ "queue-size", required_argument, NULL, O_QSIZE },
	{ "json", no_argument, NULL, O_JSON },
	{ "stats-interval", required_argument, NULL, O_INTERVAL },
	{ "to", required_argument, NULL, O_TO },
	{ "count", required_argument, NULL, O_COUNT },
	{ "size", required_argument, NULL, O_SIZE },
	{ "rate", required_argument, NULL, O_RATE },
	{ "timeout", required_argument, NULL, O_TIMEOUT },
	{ "duration", required_argument, NULL, O_DURATION },
	{ "dump", required_argument, NULL, O_DUMP },
	{ NULL, 0, NULL, 0 },
};

static int parse_num(const char *s, double *out)
{
	char *end;

	errno = 0;
	*out = strtod(s, &end);
	return errno || *end || end == s || *out < 0 ? -1 : 0;
}

static int set_opt(struct opts *o, int c, const char *arg)
{
	double v = 0;

	if (c == O_DUMP) {
		dump_file = fopen(arg, "w");
		return dump_file ? 0 : -1;
	}
	if (arg && c != O_SOCKET && c != O_MAC && c != O_TO && parse_num(arg, &v))
		return -1;
	switch (c) {
	case O_SOCKET: o->cfg.path = arg; return 0;
	case O_SERVER: o->cfg.server = true; return 0;
	case O_MAC: return vg_parse_mac(arg, o->mac);
	case O_TO: o->have_to = true; return vg_parse_mac(arg, o->to);
	case O_NO_MRG: o->cfg.mrg_rxbuf = false; return 0;
	case O_NO_EVENT: o->cfg.event_idx = false; return 0;
	case O_INDIRECT: o->cfg.indirect = true; return 0;
	case O_QSIZE: o->cfg.qsize = (unsigned int)v; return 0;
	case O_JSON: o->json = true; return 0;
	case O_INTERVAL: o->interval = v; return 0;
	case O_COUNT: o->count = (unsigned long)v; return 0;
	case O_SIZE: o->size = (size_t)v; return 0;
	case O_RATE: o->rate = v; return 0;
	case O_TIMEOUT: o->timeout = v; return 0;
	case O_DURATION: o->duration = v; return 0;
	default: return -1;
	}
}

static int parse(struct opts *o, int argc, char **argv)
{
	int c;

	while ((c = getopt_long(argc, argv, "+h", global_opts, NULL)) != -1) {
		if (c == 'h' || set_opt(o, c, optarg))
			return -1;
	}
	if (optind >= argc)
		return -1;
	o->cmd = argv[optind];
	optind++;
	if (!strcmp(o->cmd, "offload")) {
		o->oargc = argc - optind;
		o->oargv = argv + optind;
		return 0;
	}
	while ((c = getopt_long(argc, argv, "", global_opts, NULL)) != -1) {
		if (set_opt(o, c, optarg))
			return -1;
	}
	return optind == argc ? 0 : -1;
}

static const char *check(const struct opts *o)
{
	bool sends = !strcmp(o->cmd, "send") || !strcmp(o->cmd, "gen");

	if (!o->cfg.path)
		return "--socket is required";
	if (!sends && strcmp(o->cmd, "recv") && strcmp(o->cmd, "echo") &&
	    strcmp(o->cmd, "offload"))
		return "unknown command";
	if (sends && !o->have_to)
		return "--to is required";
	if (!strcmp(o->cmd, "gen") && (o->rate <= 0 || o->duration <= 0))
		return "gen needs --rate and --duration";
	if (o->size < VG_FRAME_MIN || o->size > 65535)
		return "--size must be 60..65535";
	if (o->cfg.qsize && (o->cfg.qsize < 2 || o->cfg.qsize > 32768 ||
			     (o->cfg.qsize & (o->cfg.qsize - 1))))
		return "--queue-size must be a power of 2 up to 32768";
	return NULL;
}

/*
 * Before disconnecting, give the backend up to a second to take what is still in the TX ring:
 * frames left there when the connection closes are never sent, and "sent" would overstate.
 */
static void settle_tx(struct vg_fe *fe)
{
	struct timespec t = { .tv_nsec = 1000000 };
	int i;

	for (i = 0; i < 1000 && fe->tx_slots; i++) {
		vg_tx_reclaim(fe);
		if (fe->tx_nfree == fe->tx_slots)
			return;
		nanosleep(&t, NULL);
	}
}

int main(int argc, char **argv)
{
	struct opts o = {
		.cfg = { .mrg_rxbuf = true, .event_idx = true },
		.mac = { 0x52, 0x54, 0x00, 0x12, 0x34, 0x56 },
		.size = 64,
	};
	struct vg_fe fe;
	const char *why;
	int err;

	if (parse(&o, argc, argv)) {
		usage(stderr);
		return 2;
	}
	why = check(&o);
	if (why) {
		fprintf(stderr, "vguest: %s\n", why);
		return 2;
	}
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	signal(SIGPIPE, SIG_IGN);
	err = vg_open(&fe, &o.cfg);
	err = err ? err : vg_setup(&fe);
	if (err) {
		fprintf(stderr, "vguest: %s: %s\n", o.cfg.path, strerror(-err));
		vg_close(&fe);
		return 1;
	}
	if (!strcmp(o.cmd, "offload"))
		err = vg_offload_run(&fe, o.mac, 0, 0, o.oargc, o.oargv);
	else
		err = run(&fe, &o);
	settle_tx(&fe);
	vg_close(&fe);
	if (dump_file)
		fclose(dump_file);
	return err;
}
