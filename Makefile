# entente -- plain GNU Makefile.
#   make            build build/entente and build/libentente.a
#   make demo       install missing Debian packages, build, load $(DATA), run the main job
#   make check      install missing packages, build, run every test; ends "N passed, N failed"
#   make sanitize   the test suite under AddressSanitizer + UBSan (build-san/)
#   make fuzz       libFuzzer harnesses (clang), FUZZ_SECONDS each
#   make bench      the benchmarks in bench/
#   make install    PREFIX=/usr/local: entente, libentente.{a,so}, headers, entente.pc, man page

DATA     ?= ../shared/data
PREFIX   ?= /usr/local
B        ?= build
CC       ?= cc
OPT      ?= -O2 -g
WERROR   ?=
SAN      ?=
FUZZ_SECONDS ?= 60

comma    := ,
PKGS     := sqlite3 zlib libzip libcrypto libcurl liblzma
# reader backends: State Department XML and xlsx (libxml2), JSON schema files (json-c)
PKGS     += libxml-2.0 json-c
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null)
# Open MPI (libopenmpi-dev) for `mpirun -np N entente events`
MPI_CFLAGS := $(shell pkg-config --cflags ompi-c 2>/dev/null || mpicc --showme:compile 2>/dev/null)
MPI_LIBS   := $(shell pkg-config --libs ompi-c 2>/dev/null || mpicc --showme:link 2>/dev/null)
CMOCKA_LIBS := $(shell pkg-config --libs cmocka 2>/dev/null || echo -lcmocka)

WARN     := -std=c11 -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes \
            -Wmissing-prototypes -Wwrite-strings -Wundef $(WERROR)
CPPFLAGS += -Iinclude -Isrc -I$(B)/gen -D_GNU_SOURCE
# the CLI is one user of the public API: it sees include/ and nothing of src/
CLI_CPPFLAGS := -Iinclude -D_GNU_SOURCE
CFLAGS   += $(OPT) $(WARN) $(SAN) -march=x86-64-v2 -fPIC -MMD -MP $(PKG_CFLAGS)
# librdata's pkg-config file is wrong and libbz2 has none: named directly
RD_LIBS  := -lrdata -lbz2 -lreadstat
LDLIBS   += $(PKG_LIBS) $(RD_LIBS) -lm -lpthread
# MPI is the events front end's (cli/events_mpi.c), never the library's
MPI_DEFS := $(if $(strip $(MPI_LIBS)),,-DENT_NO_MPI)

LIB_SRC  := $(sort $(wildcard src/*/*.c src/*/*/*.c))
CLI_SRC  := $(sort $(wildcard cli/*.c))
UNIT_SRC := $(sort $(wildcard tests/unit/test_*.c))
BENCH_SRC:= $(sort $(wildcard bench/*.c))
FUZZ_SRC := $(sort $(wildcard tests/fuzz/fuzz_*.c))

LIB_OBJ  := $(LIB_SRC:%.c=$(B)/%.o)
CLI_OBJ  := $(CLI_SRC:%.c=$(B)/%.o)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(B)/tests/%)
BENCH_BIN:= $(BENCH_SRC:bench/%.c=$(B)/bench/%)

# the shared library: soname libentente.so.MAJOR, exporting only the functions
# declared in include/ (the version script is made from the public headers)
VERSION  := $(shell sed -n 's/^\#define ENT_VERSION "\(.*\)"/\1/p' include/entente.h)
SOMAJOR  := $(firstword $(subst ., ,$(VERSION)))
SONAME   := libentente.so.$(SOMAJOR)
PUB_HDR  := $(sort $(wildcard include/*.h include/entente/*.h))

.PHONY: all demo check test sanitize fuzz fuzz-smoke bench install clean deps
all: $(B)/entente $(B)/libentente.a $(B)/libentente.so $(B)/entente-uninstalled.pc $(UNIT_BIN)

deps:
	@sh scripts/deps.sh

$(B)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) -c $< -o $@
$(B)/cli/%.o: cli/%.c
	@mkdir -p $(dir $@)
	$(CC) $(CLI_CPPFLAGS) $(CFLAGS) $(MPI_CFLAGS) $(MPI_DEFS) -c $< -o $@

# the index's default config is compiled in from docs/index-default.conf
$(B)/gen/default_conf.inc: docs/index-default.conf
	@mkdir -p $(dir $@)
	sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/^/"/' -e 's/$$/\\n"/' $< > $@
$(B)/src/index/config.o: $(B)/gen/default_conf.inc
# the fetch manifest is compiled in from data/manifest.tsv, as bytes
$(B)/gen/manifest.inc: data/manifest.tsv
	@mkdir -p $(dir $@)
	od -An -v -tx1 $< | sed -e 's/ \([0-9a-f][0-9a-f]\)/0x\1,/g' > $@
$(B)/src/fetch/manifest.o: $(B)/gen/manifest.inc

$(B)/libentente.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(B)/exports.map: $(PUB_HDR) scripts/exports.sh
	@mkdir -p $(dir $@)
	sh scripts/exports.sh $(PUB_HDR) > $@

$(B)/libentente.so.$(VERSION): $(LIB_OBJ) $(B)/exports.map
	$(CC) -shared -Wl,-soname,$(SONAME) -Wl,--version-script=$(B)/exports.map \
	  -Wl,--no-undefined $(SAN) -o $@ $(LIB_OBJ) $(PKG_LIBS) $(RD_LIBS) -lm -lpthread
$(B)/libentente.so: $(B)/libentente.so.$(VERSION)
	ln -sf libentente.so.$(VERSION) $(B)/$(SONAME)
	ln -sf libentente.so.$(VERSION) $@

# for the bindings' builds in the tree: PKG_CONFIG_PATH=$(B) finds this first
$(B)/entente-uninstalled.pc: entente.pc.in
	@mkdir -p $(dir $@)
	sed -e 's|^prefix=.*|prefix=$(CURDIR)|' -e 's|^libdir=.*|libdir=$(CURDIR)/$(B)|' \
	  -e 's|^Libs: .*|Libs: -L$${libdir} -Wl,-rpath,$${libdir} -lentente|' \
	  -e 's|@VERSION@|$(VERSION)|' $< > $@

$(B)/entente: $(CLI_OBJ) $(B)/libentente.a
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(CLI_OBJ) $(B)/libentente.a $(LDLIBS) $(MPI_LIBS)

$(B)/tests/%: tests/unit/%.c $(B)/libentente.a tests/unit/testutil.h
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) -Itests/unit -o $@ $< $(B)/libentente.a $(LDLIBS) $(CMOCKA_LIBS)

$(B)/bench/%: bench/%.c $(B)/libentente.a
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) -o $@ $< $(B)/libentente.a $(LDLIBS)

demo: deps
	@$(MAKE) --no-print-directory all
	@[ -d $(DATA) ] || ./$(B)/entente fetch --data $(DATA)
	./$(B)/entente build --data $(DATA) --db entente.db
	./$(B)/entente agree CHN RUS --from 2018 --to 2024 --db entente.db
	./$(B)/entente compare CHN-RUS --with allies:USA --draws 1000 --seed 1 --db entente.db
	./$(B)/entente report CHN-RUS --with allies:USA@2018 --from 2000 --to 2023 --draws 1000 --seed 1 --db entente.db -o report.html && echo "demo: open $(CURDIR)/report.html in a browser (offline, self-contained)"

check: deps
	@$(MAKE) --no-print-directory all
	@B=$(B) DATA=$(DATA) sh tests/run.sh

test: check

sanitize: deps
	@$(MAKE) --no-print-directory B=build-san OPT="-O1 -g" \
	  SAN="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined" all
	@B=build-san DATA=$(DATA) ASAN_OPTIONS=detect_leaks=1 SLOW=1 sh tests/run.sh

FUZZ_CFLAGS := -O1 -g -fsanitize=fuzzer,address,undefined $(CPPFLAGS) $(PKG_CFLAGS) $(MPI_CFLAGS) -std=c11
fuzz: deps $(B)/gen/default_conf.inc $(B)/gen/manifest.inc
	@mkdir -p build-fuzz
	@$(MAKE) --no-print-directory build-fuzz/libentente-fuzz.a
	@for f in $(FUZZ_SRC); do n=$$(basename $$f .c); \
	  clang $(FUZZ_CFLAGS) -o build-fuzz/$$n $$f build-fuzz/libentente-fuzz.a $(LDLIBS) || exit 1; \
	  sh scripts/fuzzrun.sh build-fuzz/$$n $(FUZZ_SECONDS) build-fuzz/corpus-$$n tests/fuzz/seeds/$$n || exit 1; \
	done

FUZZ_OBJ := $(LIB_SRC:%.c=build-fuzz/%.o)
build-fuzz/%.o: %.c $(B)/gen/default_conf.inc $(B)/gen/manifest.inc
	@mkdir -p $(dir $@)
	clang $(subst -fsanitize=fuzzer$(comma),-fsanitize=fuzzer-no-link$(comma),$(FUZZ_CFLAGS)) -c $< -o $@
build-fuzz/libentente-fuzz.a: $(FUZZ_OBJ)
	@rm -f $@
	ar rcs $@ $^

fuzz-smoke:
	@$(MAKE) --no-print-directory fuzz FUZZ_SECONDS=10

bench: deps all $(BENCH_BIN)
	@for b in $(BENCH_BIN); do echo "== $$b"; DATA=$(DATA) ./$$b || exit 1; done
	@for s in bench/*.sh; do echo "== $$s"; B=$(B) DATA=$(DATA) sh $$s || exit 1; done

# install needs no test framework: it builds only the tool and the libraries
install: $(B)/entente $(B)/libentente.a $(B)/libentente.so
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib/pkgconfig \
	  $(DESTDIR)$(PREFIX)/include/entente $(DESTDIR)$(PREFIX)/share/man/man1 \
	  $(DESTDIR)$(PREFIX)/share/doc/entente
	install -m 755 $(B)/entente $(DESTDIR)$(PREFIX)/bin/
	install -m 644 $(B)/libentente.a $(DESTDIR)$(PREFIX)/lib/
	install -m 755 $(B)/libentente.so.$(VERSION) $(DESTDIR)$(PREFIX)/lib/
	ln -sf libentente.so.$(VERSION) $(DESTDIR)$(PREFIX)/lib/$(SONAME)
	ln -sf libentente.so.$(VERSION) $(DESTDIR)$(PREFIX)/lib/libentente.so
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@VERSION@|$(VERSION)|' entente.pc.in \
	  > $(DESTDIR)$(PREFIX)/lib/pkgconfig/entente.pc
	install -m 644 include/entente.h $(DESTDIR)$(PREFIX)/include/
	for h in $(wildcard include/entente/*.h); do install -m 644 $$h $(DESTDIR)$(PREFIX)/include/entente/; done
	install -m 644 docs/entente.1 $(DESTDIR)$(PREFIX)/share/man/man1/
	install -m 644 docs/measures.md $(DESTDIR)$(PREFIX)/share/doc/entente/

clean:
	rm -rf build build-san build-fuzz

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d)
