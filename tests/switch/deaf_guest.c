// SPDX-License-Identifier: BSD-2-Clause
/*
 * deaf_guest.c - a guest that connects and posts no receive buffers, for the switch tests:
 * `deaf_guest SOCKET [SECONDS]` stays connected until the time is up or SIGTERM.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "frontend.h"

static volatile sig_atomic_t stop;

static void on_signal(int sig)
{
	(void)sig;
	stop = 1;
}

int main(int argc, char **argv)
{
	struct vg_cfg cfg = { .mrg_rxbuf = true, .event_idx = true, .rx_none = true };
	struct vg_fe fe;
	int secs = argc > 2 ? atoi(argv[2]) : 10, err;
	time_t end;

	if (argc < 2) {
		fprintf(stderr, "usage: deaf_guest SOCKET [SECONDS]\n");
		return 2;
	}
	cfg.path = argv[1];
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	err = vg_open(&fe, &cfg);
	err = err ? err : vg_setup(&fe);
	if (err) {
		fprintf(stderr, "deaf_guest: %s: %s\n", cfg.path, strerror(-err));
		vg_close(&fe);
		return 1;
	}
	printf("ready\n");
	fflush(stdout);
	for (end = time(NULL) + secs; !stop && time(NULL) < end;)
		usleep(10000);
	vg_close(&fe);
	return 0;
}
