# The two commands a new user needs (see README.md):
#   make demo   install what is missing, build, scan Corpus/share, print the report
#   make test   install what is missing, build, run every test
# And for developers:
#   make bench  benchmarks against ripgrep (docs/benchmarks.md)
#   make kill-loop  the shared-run test with a host killed mid-shard, KILL_RUNS (20) times over
#   make console-bench  the web console's page latency on an index of about 10 million findings (docs/web.md)
#   make screenshots    the console's pages in headless Chromium, saved to .build/screenshots

SWIFT ?= swift
DEMO_INDEX := .build/demo/corpus.phidex

.PHONY: demo test bench build bootstrap clean kill-loop console-bench screenshots

bootstrap:
	@scripts/bootstrap

build: bootstrap
	$(SWIFT) build -c release

demo: build
	@mkdir -p $(dir $(DEMO_INDEX))
	@rm -f $(DEMO_INDEX) $(DEMO_INDEX)-wal $(DEMO_INDEX)-shm $(DEMO_INDEX).key
	.build/release/phidex scan Corpus/share --index $(DEMO_INDEX)
	.build/release/phidex report --index $(DEMO_INDEX)

# The tests of the PostgreSQL index run against a throwaway server that scripts/postgres starts
# and stops around them.
test: bootstrap
	scripts/postgres run $(SWIFT) test

# Two hosts share a run on PostgreSQL, one is killed with SIGKILL holding a shard: the result must
# equal one host's SQLite scan, every time (docs/scale.md). One server for all the runs.
KILL_RUNS ?= 20
kill-loop: bootstrap
	$(SWIFT) build --build-tests
	scripts/postgres run sh -c 'for i in $$(seq $(KILL_RUNS)); do \
	  $(SWIFT) test --skip-build --filter twoHostsShareOneRunAndOneKilledMidShard >/tmp/phidex-kill-loop.log 2>&1 \
	    || { echo "run $$i failed: /tmp/phidex-kill-loop.log"; exit 1; }; echo "run $$i passed"; done'

# Phidex and ripgrep side by side on generated inputs (cached in .build/bench), and the load of
# the text's index into a throwaway PostgreSQL server (scripts/postgres);
# the table goes to stdout and .build/bench/results.md. BENCH_ARGS="--runs 3" etc.
bench: build
	@mkdir -p .build/bench
	scripts/postgres run .build/release/phidex-bench $(BENCH_ARGS) | tee .build/bench/results.md

# The console over an index of CONSOLE_FILES generated patient exports (about 250 findings each),
# generated and scanned once (cached in .build/bench/console).
CONSOLE_FILES ?= 40000
console-bench: build
	@mkdir -p .build/bench
	.build/release/phidex-bench --console-files $(CONSOLE_FILES) $(BENCH_ARGS) | tee .build/bench/console.md

# Every page of the console on the bundled corpus, rendered by headless Chromium, as PNG files.
screenshots: bootstrap
	$(SWIFT) build --build-tests
	@mkdir -p .build/screenshots
	PHIDEX_SCREENSHOTS=$(CURDIR)/.build/screenshots $(SWIFT) test --skip-build --filter everyPageRendersAndIsUsableFromTheKeyboard
	@ls -l .build/screenshots

clean:
	rm -rf .build
