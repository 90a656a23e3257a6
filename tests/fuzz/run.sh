#!/usr/bin/env bash
# Builds every libFuzzer harness tests/fuzz/fuzz_<name>.c with clang against the
# project's sources (ASan + UBSan) and runs each for FUZZ_SECONDS on its seed
# corpus tests/fuzz/corpus/<name>/ (with the dictionary tests/fuzz/<name>.dict
# if there is one). Crashes land in build-fuzz/crashes/.
set -eu -o pipefail	# a crashing harness must fail the run, not its `tail`
cd "$(dirname "$0")/../.."
FUZZ_SECONDS=${FUZZ_SECONDS:-60}
OUT=build-fuzz
mkdir -p "$OUT/crashes"
# The generated sources (schema, assets, translations) come from the normal build.
make -s build/libwiall.a >/dev/null
# The web layer and the commands (fuzz_http loads its database with the code
# `wiall demo` runs, and with the unit tests' fixture).
SRCS="$(ls src/util/*.c src/core/*.c src/io/*.c src/store/*.c src/app/*.c \
    src/web/*.c src/cli/cmd_*.c 2>/dev/null) tests/unit/fixture.c"
CFLAGS="-std=c17 -g -O1 -D_GNU_SOURCE -Isrc -Ibuild/gen -Itests/unit"
SAN="-fsanitize=address,undefined"
PKG="$(pkg-config --cflags --libs sqlite3 jansson libmicrohttpd libsodium) -lm -lpthread"
# The sources are compiled once (instrumented for coverage, not linked
# with the fuzzer's main) into one archive, in parallel; each harness then
# only compiles itself and links: five harnesses used to compile the whole
# project five times, about a minute each.
GEN="build/gen/schema.c build/gen/assets.c build/gen/translations.c \
    build/gen/demo.c build/gen/openapi.c"
mkdir -p "$OUT/obj"
rm -f "$OUT/libwiall-fuzz.a"
printf '%s\n' $SRCS $GEN | xargs -P "$(nproc)" -I{} sh -c \
    'o="$1/obj/$(echo "$2" | tr / _).o"; clang $3 -fsanitize=fuzzer-no-link,address,undefined -c -o "$o" "$2"' \
    sh "$OUT" {} "$CFLAGS"
ar rcs "$OUT/libwiall-fuzz.a" "$OUT"/obj/*.o
status=0
for h in tests/fuzz/fuzz_*.c; do
	[ -f "$h" ] || continue
	name=$(basename "$h" .c); name=${name#fuzz_}
	echo "== fuzz $name ($FUZZ_SECONDS s)"
	clang $CFLAGS -fsanitize=fuzzer $SAN -o "$OUT/fuzz_$name" "$h" \
	    "$OUT/libwiall-fuzz.a" $PKG
	mkdir -p "$OUT/corpus/$name"
	seeds=tests/fuzz/corpus/$name
	"$OUT/fuzz_$name" -max_total_time="$FUZZ_SECONDS" -max_len=65536 \
	    $( [ -f "tests/fuzz/$name.dict" ] && echo "-dict=tests/fuzz/$name.dict" ) \
	    -artifact_prefix="$OUT/crashes/${name}-" "$OUT/corpus/$name" \
	    $( [ -d "$seeds" ] && echo "$seeds" ) 2>&1 | tail -3 || status=1
done
exit $status
