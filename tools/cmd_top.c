// SPDX-License-Identifier: BSD-2-Clause
/*
 * cmd_top.c - `vxdp top`: vxdpd's per-port counters, per XDP action, refreshed every second
 * (totals and the last second's rates). Ends on q (terminal), SIGINT, or after --count N.
 */
#include <inttypes.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include <json-c/json.h>

#include "cmd.h"
#include "util.h"

#define MAX_PORTS	64
#define NCOLS		8

static const char *const cols[NCOLS] = { "rx_packets", "tx_packets", "pass", "drop", "tx",
					 "redirect", "aborted", "redirect_denied" };
static const char *const heads[NCOLS] = { "RX", "TX", "PASS", "DROP", "XDP_TX", "REDIRECT",
					  "ABORTED", "DENIED" };

static volatile sig_atomic_t stop;

static void on_sigint(int sig)
{
	(void)sig;
	stop = 1;
}

static uint64_t field(struct json_object *p, int col)
{
	struct json_object *x, *v;

	if (col >= 2) {
		if (!json_object_object_get_ex(p, "xdp", &x))
			return 0;
		p = x;
	}
	return json_object_object_get_ex(p, cols[col], &v) ? json_object_get_uint64(v) : 0;
}

static void show(struct json_object *ans, uint64_t prev[][NCOLS], bool first, bool tty)
{
	struct json_object *a, *v;
	size_t i, n;
	int c;

	if (!json_object_object_get_ex(ans, "ports", &a))
		return;
	n = json_object_array_length(a);
	if (tty)
		printf("\033[H\033[2J");
	printf("vxdp top: total/last second, per port    (q or ^C quits)\n%-12s", "PORT");
	for (c = 0; c < NCOLS; c++)
		printf(" %16s", heads[c]);
	printf("\n");
	for (i = 0; i < n && i < MAX_PORTS; i++) {
		struct json_object *p = json_object_array_get_idx(a, i);

		printf("%-12s", json_object_object_get_ex(p, "name", &v) ?
		       json_object_get_string(v) : "?");
		for (c = 0; c < NCOLS; c++) {
			uint64_t now = field(p, c);
			char cell[40];

			snprintf(cell, sizeof(cell), "%" PRIu64 "/%" PRIu64, now,
				 first ? 0 : now - prev[i][c]);
			printf(" %16s", cell);
			prev[i][c] = now;
		}
		printf("\n");
	}
	fflush(stdout);
}

/* Wait a second; true when the user typed q. */
static bool wait_quit(bool tty)
{
	struct pollfd p = { .fd = STDIN_FILENO, .events = POLLIN };
	char ch;

	if (!tty) {
		sleep(1);
		return false;
	}
	if (poll(&p, 1, 1000) > 0 && read(STDIN_FILENO, &ch, 1) == 1)
		return ch == 'q' || ch == 'Q';
	return false;
}

int cmd_top(int argc, char **argv)
{
	static uint64_t prev[MAX_PORTS][NCOLS];
	const char *ctl = NULL;
	long count = -1, round;
	struct termios saved, raw;
	struct sigaction sa = { .sa_handler = on_sigint };
	bool tty = isatty(STDIN_FILENO) && isatty(STDOUT_FILENO);
	int i, ret = 0;

	for (i = 0; i < argc; i++) {
		if (!strcmp(argv[i], "--ctl") && i + 1 < argc)
			ctl = argv[++i];
		else if (!strcmp(argv[i], "--count") && i + 1 < argc && atol(argv[i + 1]) > 0)
			count = atol(argv[++i]);
		else
			return util_err("usage: vxdp top [--count N] [--ctl PATH]"), 2;
	}
	sigaction(SIGINT, &sa, NULL);
	if (tty && !tcgetattr(STDIN_FILENO, &saved)) {
		raw = saved;
		raw.c_lflag &= ~(tcflag_t)(ICANON | ECHO);
		tcsetattr(STDIN_FILENO, TCSANOW, &raw);
	}
	for (round = 0; !stop && (count < 0 || round < count); round++) {
		struct json_object *ans = cmd_ctl_request(ctl, "{\"cmd\":\"stats\"}");

		if (!ans) {
			ret = 1;
			break;
		}
		show(ans, prev, round == 0, tty);
		json_object_put(ans);
		if ((count < 0 || round + 1 < count) && wait_quit(tty))
			break;
	}
	if (tty)
		tcsetattr(STDIN_FILENO, TCSANOW, &saved);
	return ret;
}
