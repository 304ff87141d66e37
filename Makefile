# Two entry points for people: `make run` and `make check`. Both install what
# is missing (see build-aux/ensure-deps), configure with meson and build.

BUILDDIR ?= build
MESON    ?= meson
NINJA    ?= ninja

.PHONY: all deps test-deps build run check bench demo clean

all: build

deps:
	@./build-aux/ensure-deps

test-deps:
	@./build-aux/ensure-deps --test

$(BUILDDIR)/build.ninja:
	$(MESON) setup $(BUILDDIR)

build: $(BUILDDIR)/build.ninja
	$(NINJA) -C $(BUILDDIR)

# Starts Backorders on the user's shop; the first start creates a sample shop.
run: deps
	@$(MAKE) --no-print-directory build
	@./build-aux/run-app $(BUILDDIR)

check: test-deps
	@$(MAKE) --no-print-directory build
	$(MESON) test -C $(BUILDDIR) --print-errorlogs

# The budgets of the core and of the window, on shops generated here.
bench: deps
	@$(MAKE) --no-print-directory build
	rm -f $(BUILDDIR)/bench-large.db* $(BUILDDIR)/bench-small.db* $(BUILDDIR)/bench-import.db*
	$(BUILDDIR)/app/cli/backorders-cli bench --database $(BUILDDIR)/bench-large.db
	$(BUILDDIR)/app/cli/backorders-cli bench-import --database $(BUILDDIR)/bench-import.db
	$(BUILDDIR)/app/cli/backorders-cli --database $(BUILDDIR)/bench-small.db demo --scale small
	tests/with-display $(BUILDDIR)/tests/bench-gui $(BUILDDIR)/bench-large.db $(BUILDDIR)/bench-small.db

clean:
	rm -rf $(BUILDDIR)
