// SPDX-License-Identifier: BSD-2-Clause
/*
 * loopd.c - a loopback vhost-user backend as a program, for command-line tests of vguest:
 * `loopd SOCKET [SECONDS] [client]` serves until the time is up, then prints its counters.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "backend.h"

int main(int argc, char **argv)
{
	struct vx_vhost_cfg cfg = { .name = "loopd", .server = true, .reconnect_min_ms = 20 };
	struct vx_vhost_stats s;
	struct tb b;
	int secs = argc > 2 ? atoi(argv[2]) : 10;

	if (argc < 2) {
		fprintf(stderr, "usage: loopd SOCKET [SECONDS] [client]\n");
		return 2;
	}
	cfg.path = argv[1];
	cfg.server = !(argc > 3 && !strcmp(argv[3], "client"));
	tb_log_quiet(false);
	if (tb_start(&b, &cfg, true)) {
		perror("loopd");
		return 1;
	}
	sleep(secs);
	tb_stats(&b, &s);
	printf("rx %llu tx %llu no_buffers %llu too_long %llu broken %llu connects %llu\n",
	       (unsigned long long)s.rx_packets, (unsigned long long)s.tx_packets,
	       (unsigned long long)s.drop_no_buffers, (unsigned long long)s.drop_too_long,
	       (unsigned long long)s.drop_broken, (unsigned long long)s.connects);
	tb_stop(&b);
	return 0;
}
