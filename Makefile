# wiall — GNU make build. `make` builds build/wiall, `make check` runs every test,
# `make demo` runs the product on demo data, `make bench` the benchmarks,
# `make fuzz` the fuzzers for a bounded time. `make check SAN=1` builds and tests
# under AddressSanitizer + UndefinedBehaviorSanitizer in build-san/.

CC	?= cc
PKG_CONFIG ?= pkg-config
PKGS	 = sqlite3 jansson libmicrohttpd libsodium

ifeq ($(SAN),1)
BUILD	?= build-san
SANFLAGS = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
OPT	?= -O1 -g
else
BUILD	?= build
SANFLAGS =
OPT	?= -O2 -g
endif

WARN	 = -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
	   -Wno-unused-parameter
ifeq ($(WERROR),1)
WARN	+= -Werror
endif
CPPFLAGS += -Isrc -I$(BUILD)/gen -D_GNU_SOURCE
CFLAGS	+= -std=c17 $(OPT) $(WARN) $(SANFLAGS) -MMD -MP \
	   $(shell $(PKG_CONFIG) --cflags $(PKGS))
LDLIBS	+= $(shell $(PKG_CONFIG) --libs $(PKGS)) -lm -lpthread
LDFLAGS	+= $(SANFLAGS)

LIB_SRC	 = $(sort $(wildcard src/util/*.c src/core/*.c src/io/*.c src/store/*.c \
	   src/app/*.c src/web/*.c src/cli/cmd_*.c))
GEN_SRC	 = $(BUILD)/gen/schema.c $(BUILD)/gen/assets.c $(BUILD)/gen/translations.c \
	   $(BUILD)/gen/demo.c $(BUILD)/gen/openapi.c
LIB_OBJ	 = $(LIB_SRC:%.c=$(BUILD)/obj/%.o) $(GEN_SRC:%.c=%.o)
LIB	 = $(BUILD)/libwiall.a
BIN	 = $(BUILD)/wiall

SCHEMA	 = $(sort $(wildcard src/store/schema/*.sql))
ASSETS	 = $(sort $(wildcard src/web/assets/*))
OPENAPI	 = $(sort $(wildcard src/web/openapi/*.json))
PO	 = $(sort $(wildcard po/*.po))
DEMO	 = data/catalog/bottrop.json $(sort $(filter-out %.sh,$(wildcard data/demo/*)))

UNIT_SRC = $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN = $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/unit/%)
# The unit tests' shared fixtures (tests/unit/*.c that are not test_*.c),
# linked into every unit test program.
UNIT_FIXTURE_OBJ = $(patsubst %.c,$(BUILD)/obj/%.o,\
	   $(filter-out $(UNIT_SRC),$(sort $(wildcard tests/unit/*.c))))
.SECONDARY: $(UNIT_FIXTURE_OBJ)	# kept: not remade and relinked on every run
TEST_HELPERS = $(sort $(wildcard tests/helpers/*.c))
TEST_HELPER_BIN = $(TEST_HELPERS:tests/helpers/%.c=$(BUILD)/tests/helpers/%)
BENCH_SRC = $(sort $(wildcard bench/*.c))
BENCH_BIN = $(BENCH_SRC:bench/%.c=$(BUILD)/bench/%)

.PHONY: all check check-built unit demo bench fuzz clean deps lint
all: $(BIN)

$(BUILD)/tools/embed: tools/embed.c
	@mkdir -p $(dir $@)
	$(CC) -O1 -o $@ $<
$(BUILD)/tools/po2c: tools/po2c.c
	@mkdir -p $(dir $@)
	$(CC) -O1 -o $@ $<

$(BUILD)/gen/schema.c: $(SCHEMA) $(BUILD)/tools/embed
	@mkdir -p $(dir $@)
	$(BUILD)/tools/embed schema_files $@ $(SCHEMA)
$(BUILD)/gen/assets.c: $(ASSETS) $(BUILD)/tools/embed
	@mkdir -p $(dir $@)
	$(BUILD)/tools/embed web_assets $@ $(ASSETS)
$(BUILD)/gen/openapi.c: $(OPENAPI) $(BUILD)/tools/embed
	@mkdir -p $(dir $@)
	$(BUILD)/tools/embed openapi_files $@ $(OPENAPI)
$(BUILD)/gen/demo.c: $(DEMO) $(BUILD)/tools/embed
	@mkdir -p $(dir $@)
	$(BUILD)/tools/embed demo_files $@ $(DEMO)
$(BUILD)/gen/translations.c: $(PO) $(BUILD)/tools/po2c
	@mkdir -p $(dir $@)
	$(BUILD)/tools/po2c $@ $(PO)

$(BUILD)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<
$(BUILD)/gen/%.o: $(BUILD)/gen/%.c
	$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

$(LIB): $(LIB_OBJ)
	@rm -f $@
	$(AR) rcs $@ $^

$(BIN): $(BUILD)/obj/src/cli/main.o $(LIB)
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/tests/unit/%: tests/unit/%.c $(UNIT_FIXTURE_OBJ) $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) -Itests $(CFLAGS) -o $@ $< $(UNIT_FIXTURE_OBJ) $(LIB) \
	    $(LDFLAGS) $(LDLIBS) \
	    $(shell $(PKG_CONFIG) --libs cmocka)
$(BUILD)/tests/helpers/%: tests/helpers/%.c $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) -Itests $(CFLAGS) -o $@ $< $(LIB) $(LDFLAGS) $(LDLIBS)
$(BUILD)/bench/%: bench/%.c $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) -o $@ $< $(LIB) $(LDFLAGS) $(LDLIBS)

unit: $(UNIT_BIN)

# Every test (unit, CLI, HTTP, browser); the last line is "N passed, N failed".
# What the tests need is installed first (nothing when it is there), so that
# `make check` works on a fresh machine as the README says.
check:
	@bash scripts/install-deps.sh --test
	@$(MAKE) --no-print-directory check-built
check-built: $(BIN) $(UNIT_BIN) $(TEST_HELPER_BIN)
	@BUILD=$(BUILD) SAN=$(SAN) bash tests/run.sh

deps:
	bash scripts/install-deps.sh

demo:
	bash scripts/install-deps.sh
	$(MAKE) $(BIN)
	rm -f demo.db demo.db-wal demo.db-shm
	$(BIN) --db demo.db demo
	$(BIN) --db demo.db status
	$(BIN) --db demo.db serve --listen 127.0.0.1:8080

bench: $(BIN) $(BENCH_BIN)
	@BUILD=$(BUILD) bash bench/run.sh

FUZZ_SECONDS ?= 60
fuzz:
	@BUILD=$(BUILD) FUZZ_SECONDS=$(FUZZ_SECONDS) bash tests/fuzz/run.sh

clean:
	rm -rf build build-san build-fuzz

-include $(shell find $(BUILD)/obj $(BUILD)/gen $(BUILD)/tests $(BUILD)/bench -name '*.d' 2>/dev/null)
