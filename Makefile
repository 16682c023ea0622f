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

fuzz: deps
	@scripts/fuzz.sh $(FUZZ_SECONDS)

deps:
	@scripts/deps.sh

clean:
	rm -rf build build-asan build-fuzz
