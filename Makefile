# The two commands a new user needs (see README.md):
#   make demo   install what is missing, build, scan Corpus/, print the report
#   make test   install what is missing, build, run every test

SWIFT ?= swift
DEMO_INDEX := .build/demo/corpus.phidex

.PHONY: demo test build bootstrap clean

bootstrap:
	@scripts/bootstrap

build: bootstrap
	$(SWIFT) build -c release

demo: build
	@mkdir -p $(dir $(DEMO_INDEX))
	@rm -f $(DEMO_INDEX) $(DEMO_INDEX)-wal $(DEMO_INDEX)-shm $(DEMO_INDEX).key
	.build/release/phidex scan Corpus/share --index $(DEMO_INDEX)
	.build/release/phidex report --index $(DEMO_INDEX)

test: bootstrap
	$(SWIFT) test

clean:
	rm -rf .build
