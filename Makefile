# claimsh — the two set-up commands are `make run` and `make test` (see README).
PREFIX ?= /usr/local
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test build release install deps bench eval clean

# Installs what the system lacks: libedit-dev and pkg-config (Debian/Ubuntu, apt-get).
deps:
	@if ! pkg-config --exists libedit 2>/dev/null || [ ! -f /usr/include/editline/readline.h ]; then \
	  echo "installing libedit-dev and pkg-config ..." >&2; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq libedit-dev pkg-config >/dev/null; \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --product claimsh

# Builds and starts the shell on the bundled seeds.
run: release
	.build/release/claimsh

# Builds and runs every test (unit, golden examples, terminal tests through a pty).
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

install: release
	install -d $(PREFIX)/bin
	install -m 755 .build/release/claimsh $(PREFIX)/bin/claimsh

bench: release
	bash Benchmarks/compare.sh

eval: release
	bash scripts/evaluate.sh

clean:
	rm -rf .build
