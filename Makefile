# SPDX-License-Identifier: BSD-2-Clause
# Thin wrapper over Meson: `make`, `make test`, `make demo`, `make bench`, `make fuzz`, `make clean`.
BUILD := build
FUZZ_SECONDS ?= 600

.PHONY: all test demo bench fuzz deps clean

all: deps
	@[ -f $(BUILD)/build.ninja ] || meson setup $(BUILD) >/dev/null
	@ninja -C $(BUILD)

test: deps
	@scripts/run-tests.sh

demo: all
	@scripts/demo.sh

bench: all
	@build/bench/verify_time build/tests/xdp/*.o build/tests/verifier_perf/*.o tests/verifier_perf/*/*.s
	@build/bench/offload build/tests/offload/progs
	@ninja -C build tests/xdp/packets >/dev/null
	@build/bench/bpf_exec build/tests/xdp/packets tests/xdp build/tests/xdp/*.o
	@bench/pvp.py --build $(BUILD) $(PVP_ARGS)

fuzz: deps
	@scripts/fuzz.sh $(FUZZ_SECONDS)

deps:
	@scripts/deps.sh

clean:
	rm -rf build build-asan build-fuzz
