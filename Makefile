# termquiz — plain GNU make. `make` builds ./termquiz; see README.md.

PKG_CONFIG ?= pkg-config
PKGS        = ncursesw libcjson sqlite3 libcurl
# libcurl is opened at run time when a fetch starts (src/net/http.c): its
# header is needed to build, its library only to fetch.
LINK_PKGS   = ncursesw libcjson sqlite3
CORE_PKGS   = libcjson sqlite3
PREFIX     ?= /usr/local
BINDIR     ?= $(PREFIX)/bin
DATADIR    ?= $(PREFIX)/share/termquiz
MANDIR     ?= $(PREFIX)/share/man
DESTDIR    ?=
CC         ?= cc
# The version is written once, here; the man page gets it at install.
VERSION     = 0.1.0

WARN = -std=c11 -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes \
       -Wmissing-prototypes -Wwrite-strings -Wformat=2 -Wvla
ifeq ($(WERROR),1)
WARN += -Werror
endif
OPT ?= -O2 -g
ifeq ($(SAN),1)
OPT  = -O1 -g -fno-omit-frame-pointer
SANFLAGS = -fsanitize=address,undefined -fno-sanitize-recover=undefined
endif

# pkg-config is asked only when a target needs the libraries, so that
# `make deps` and `make clean` work before they are installed.
PKG_CFLAGS = $(shell $(PKG_CONFIG) --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell $(PKG_CONFIG) --libs $(LINK_PKGS) 2>/dev/null) -ldl
CJSON_CFLAGS = $(shell $(PKG_CONFIG) --cflags $(CORE_PKGS) 2>/dev/null)
CJSON_LIBS   = $(shell $(PKG_CONFIG) --libs $(CORE_PKGS) 2>/dev/null)
CMOCKA_CFLAGS = $(shell $(PKG_CONFIG) --cflags cmocka 2>/dev/null)
CMOCKA_LIBS   = $(shell $(PKG_CONFIG) --libs cmocka 2>/dev/null)

CPPFLAGS += -Isrc -D_XOPEN_SOURCE=600 -D_DEFAULT_SOURCE \
	    -DTERMQUIZ_VERSION='"$(VERSION)"' -DTERMQUIZ_DATADIR='"$(DATADIR)"'
ALL_CFLAGS = $(WARN) $(OPT) $(SANFLAGS) $(CFLAGS)
# LDFLAGS come before the objects and libraries (so -Wl,--as-needed works),
# the libraries last.
ALL_LDFLAGS = $(SANFLAGS) $(LDFLAGS)
LDLIBS_ALL  = -lm

B = build$(if $(filter 1,$(SAN)),-san)
CORE_SRC = $(wildcard src/core/*.c)
UI_SRC   = $(wildcard src/ui/*.c)
NET_SRC  = $(wildcard src/net/*.c)
CORE_OBJ = $(CORE_SRC:%.c=$(B)/%.o)
UI_OBJ   = $(UI_SRC:%.c=$(B)/%.o)
NET_OBJ  = $(NET_SRC:%.c=$(B)/%.o)
MAIN_OBJ = $(patsubst %.c,$(B)/%.o,$(wildcard src/*.c))
UNIT_SRC = $(wildcard tests/unit/test_*.c)
UNIT_BIN = $(UNIT_SRC:tests/unit/%.c=$(B)/tests/%)

.PHONY: FORCE bench-live memcheck all run test unit e2e check lint deps deps-test install uninstall \
	clean bench fuzz format

all: termquiz

# ./termquiz is linked from build/ or build-san/: a stamp of how it was built
# makes it relink whenever that changes (make check leaves no ASan binary
# behind for make run).
STAMP = .termquiz-build
STAMP_TEXT = $(B) $(CC) $(CPPFLAGS) $(ALL_CFLAGS) $(ALL_LDFLAGS) $(LDLIBS_ALL)
$(STAMP): FORCE
	@[ "$$(cat $@ 2>/dev/null)" = "$(STAMP_TEXT)" ] || echo "$(STAMP_TEXT)" >$@

# Every object of a build folder depends on how that folder compiles: a change
# of WERROR, CFLAGS, PREFIX or the compiler rebuilds them all.
FLAGS = $(B)/.flags
FLAGS_TEXT = $(CC) $(CPPFLAGS) $(ALL_CFLAGS)
$(FLAGS): FORCE
	@mkdir -p $(@D)
	@[ "$$(cat $@ 2>/dev/null)" = "$(FLAGS_TEXT)" ] || echo "$(FLAGS_TEXT)" >$@

termquiz: $(CORE_OBJ) $(UI_OBJ) $(NET_OBJ) $(MAIN_OBJ) $(STAMP)
	@$(PKG_CONFIG) --exists $(PKGS) || { sh tools/deps.sh --explain; exit 1; }
	$(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ $(filter %.o,$^) $(PKG_LIBS) \
	    $(LDLIBS_ALL)

FORCE:

# src/core never sees curses: its objects get only cJSON's flags.
$(B)/src/core/%.o: src/core/%.c $(FLAGS)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CJSON_CFLAGS) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

$(B)/src/%.o: src/%.c $(FLAGS)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(PKG_CFLAGS) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

# Unit tests link the core alone, without curses: that proves the layering.
$(B)/tests/test_%: tests/unit/test_%.c $(wildcard tests/unit/*.h) $(CORE_OBJ) $(FLAGS)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CJSON_CFLAGS) $(CMOCKA_CFLAGS) -Isrc/core \
	    $(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ $(filter %.c %.o,$^) \
	    $(CJSON_LIBS) $(CMOCKA_LIBS) $(LDLIBS_ALL)

run:
	@sh tools/deps.sh build
	@$(MAKE) --no-print-directory termquiz
	./termquiz

test:
	@sh tools/deps.sh test
	@$(MAKE) --no-print-directory termquiz $(UNIT_BIN)
	@sh tests/run.sh $(B)

check:
	@sh tools/deps.sh test
	@$(MAKE) --no-print-directory clean
	@$(MAKE) --no-print-directory WERROR=1 termquiz
	@$(MAKE) --no-print-directory lint
	@$(MAKE) --no-print-directory memcheck
	@$(MAKE) --no-print-directory WERROR=1 SAN=1 test

# valgrind over --check of every fixture, bundled pack and config.
memcheck: termquiz
	@command -v valgrind >/dev/null 2>&1 || sh tools/deps.sh memcheck
	sh tools/memcheck.sh ./termquiz

lint:
	cppcheck --quiet --error-exitcode=1 --enable=warning,portability \
	    --std=c11 --inline-suppr --suppress=missingIncludeSystem \
	    --include=tools/lint.h -Isrc/core src

deps:
	@sh tools/deps.sh test

# The benchmark drives the real binary in a pseudo-terminal (see README).
# It links the core's pure FSRS scheduler for the spaced-review simulation.
BENCH_SRC = $(wildcard tests/bench/*.c) src/core/fsrs.c
$(B)/bench: $(BENCH_SRC) tests/bench/bench.h
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) -Isrc/core $(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ \
	    $(filter %.c,$^) -lutil $(LDLIBS_ALL)

bench:
	@sh tools/deps.sh bench
	@$(MAKE) --no-print-directory termquiz $(B)/bench $(B)/livebench
	$(B)/bench ./termquiz
	@$(MAKE) --no-print-directory bench-live

# The live game under load (issue #12): one bot process, many connections.
$(B)/livebench: tests/bench/live/livebench.c src/core/score.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CJSON_CFLAGS) $(ALL_CFLAGS) -o $@ $^ $(CJSON_LIBS) -lm

bench-live:
	@$(MAKE) --no-print-directory termquiz $(B)/livebench
	$(B)/livebench ./termquiz --bots 200 --games 3
	$(B)/livebench ./termquiz --bots 200 --chaos
	$(B)/livebench ./termquiz --bots 1000

# libFuzzer over the pack and config loaders, seeded from the fixtures.
# The core is compiled once into build-fuzz/obj (ASan, UBSan, libFuzzer's
# coverage) and each harness links it.
FUZZ_SECONDS ?= 60
FUZZ_CC ?= clang
FUZZ_OPT ?= -g -O2
FUZZ_SAN = -fsanitize=address,undefined
FUZZ_CFLAGS = $(FUZZ_OPT) $(CPPFLAGS) $(CJSON_CFLAGS) -Isrc/core
FUZZ_OBJ = $(CORE_SRC:src/core/%.c=build-fuzz/obj/%.o)
FUZZ_BIN = build-fuzz/fuzz_load
FUZZ_IMPORT_BIN = build-fuzz/fuzz_import
# One target per import format: fuzz_import.c built with FUZZ_FORMAT.
FUZZ_FORMATS = gift aiken anki quizlet opentriviaqa csv
FUZZ_FORMAT_BINS = $(FUZZ_FORMATS:%=build-fuzz/fuzz_%)
# FUZZ_SECONDS for each format's target too; CI's smoke shortens it.
FUZZ_FORMAT_SECONDS ?= $(FUZZ_SECONDS)

build-fuzz/obj/%.o: src/core/%.c
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) $(FUZZ_SAN) -fsanitize=fuzzer-no-link \
	    -MMD -MP -c -o $@ $<
-include $(FUZZ_OBJ:.o=.d)

# The import targets link the importers' own files with every coverage hook
# and the rest (the JSON loader the round trip reads back with, the base)
# with edge coverage but no comparison hooks (-fno-sanitize-coverage=
# trace-cmp): those hooks were ~40% of an execution's time, spent guiding
# the fuzzer through code fuzz_load covers. ASan and UBSan are on in all.
FUZZ_IMPORTERS = gift aiken anki quizlet opentriviaqa csv textio html \
	format packwrite
FUZZ_IMPORT_OBJ = $(foreach f,$(CORE_SRC:src/core/%.c=%),$(if \
	$(filter $(f),$(FUZZ_IMPORTERS)),build-fuzz/obj,build-fuzz/obj-lite)/$(f).o)
build-fuzz/obj-lite/%.o: src/core/%.c
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) $(FUZZ_SAN) -fsanitize=fuzzer-no-link \
	    -fno-sanitize-coverage=trace-cmp -MMD -MP -c -o $@ $<
-include $(FUZZ_OBJ:build-fuzz/obj/%.o=build-fuzz/obj-lite/%.d)

build-fuzz/fuzz_load: tests/fuzz/fuzz_load.c $(FUZZ_OBJ)
	$(FUZZ_CC) $(FUZZ_CFLAGS) $(FUZZ_SAN) -fsanitize=fuzzer -o $@ $^ \
	    $(CJSON_LIBS) -lm

build-fuzz/fuzz_import: tests/fuzz/fuzz_import.c $(FUZZ_IMPORT_OBJ)
	$(FUZZ_CC) $(FUZZ_CFLAGS) $(FUZZ_SAN) -fsanitize=fuzzer -o $@ $^ \
	    $(CJSON_LIBS) -lm

$(FUZZ_FORMAT_BINS): build-fuzz/fuzz_%: tests/fuzz/fuzz_import.c \
    $(FUZZ_IMPORT_OBJ)
	$(FUZZ_CC) $(FUZZ_CFLAGS) $(FUZZ_SAN) -fsanitize=fuzzer \
	    -DFUZZ_FORMAT=FORMAT_$(shell echo $* | tr a-z A-Z) -o $@ $^ \
	    $(CJSON_LIBS) -lm

# Plain mode's line reader: what comes out is valid UTF-8 without NUL.
FUZZ_LINEIN = build-fuzz/fuzz_linein
$(FUZZ_LINEIN): tests/fuzz/fuzz_linein.c build-fuzz/obj/linein.o \
    build-fuzz/obj/utf8.o build-fuzz/obj/util.o
	$(FUZZ_CC) $(FUZZ_CFLAGS) $(FUZZ_SAN) -fsanitize=fuzzer -o $@ $^

# The importers' run of one target: FUZZ_FORMAT_SECONDS, its own corpus
# in build-fuzz/corpus-NAME, seeded from its fixtures.
# -entropic=0: the entropic schedule's bookkeeping (UpdateFeatureFrequency)
# was ~40% of the time (perf, clang 14); inputs past 4 KB hold nothing a
# few questions do not, and cost in proportion.
FUZZ_IMPORT_ARGS = -print_final_stats=1 -dict=tests/fuzz/import.dict \
	-max_len=4096 -timeout=10 -entropic=0

# The JSON loaders, the line reader, the importers with the format picked
# by the first byte, then each import format's own target.
fuzz:
	@sh tools/deps.sh fuzz
	@$(MAKE) --no-print-directory $(FUZZ_BIN) $(FUZZ_LINEIN) \
	    $(FUZZ_IMPORT_BIN) $(FUZZ_FORMAT_BINS)
	@mkdir -p build-fuzz/corpus build-fuzz/corpus-linein \
	    build-fuzz/corpus-import
	$(FUZZ_BIN) -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1 \
	    -dict=tests/fuzz/json.dict -max_len=65536 -timeout=10 \
	    build-fuzz/corpus tests/fixtures assets/packs
	$(FUZZ_LINEIN) -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1 \
	    -max_len=20000 -timeout=10 build-fuzz/corpus-linein
	@sh tests/fuzz/seeds.sh build-fuzz/seeds-import
	$(FUZZ_IMPORT_BIN) -max_total_time=$(FUZZ_SECONDS) $(FUZZ_IMPORT_ARGS) \
	    build-fuzz/corpus-import build-fuzz/seeds-import
	@set -e; for f in $(FUZZ_FORMATS); do \
	    sh tests/fuzz/seeds.sh build-fuzz/seeds-$$f $$f; \
	    mkdir -p build-fuzz/corpus-$$f; \
	    echo "build-fuzz/fuzz_$$f -max_total_time=$(FUZZ_FORMAT_SECONDS)"; \
	    build-fuzz/fuzz_$$f -max_total_time=$(FUZZ_FORMAT_SECONDS) \
	        $(FUZZ_IMPORT_ARGS) build-fuzz/corpus-$$f build-fuzz/seeds-$$f; \
	done

install: termquiz
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/packs \
	    $(DESTDIR)$(MANDIR)/man6
	install -m 755 termquiz $(DESTDIR)$(BINDIR)/termquiz
	install -m 644 config.json $(DESTDIR)$(DATADIR)/config.json
	install -m 644 assets/packs/*.json $(DESTDIR)$(DATADIR)/packs/
	install -m 644 assets/pack.schema.json $(DESTDIR)$(DATADIR)/
	sed 's/@VERSION@/$(VERSION)/' termquiz.6 >$(DESTDIR)$(MANDIR)/man6/termquiz.6
	chmod 644 $(DESTDIR)$(MANDIR)/man6/termquiz.6

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/termquiz $(DESTDIR)$(MANDIR)/man6/termquiz.6
	rm -rf $(DESTDIR)$(DATADIR)

format:
	clang-format -i src/*.c src/*/*.c src/*/*.h tests/unit/*.c

clean:
	rm -rf build build-san build-fuzz termquiz $(STAMP)

-include $(CORE_OBJ:.o=.d) $(UI_OBJ:.o=.d) $(NET_OBJ:.o=.d) $(MAIN_OBJ:.o=.d)
