#!/bin/sh
# Valgrind memcheck over the CLI golden cases: no invalid read or write,
# no use of uninitialised memory, no memory definitely lost. Skipped when
# valgrind is missing, and in a sanitizer build (ASan and valgrind do not
# mix).
set -u
: "${SPAMLINT:?set SPAMLINT to the spamlint binary}"
: "${SRCDIR:=$(dirname "$0")/..}"
if [ -n "${SPAMLINT_SANITIZED:-}" ] || ! command -v valgrind > /dev/null 2>&1; then
    echo "SKIP: valgrind memcheck (no valgrind, or a sanitizer build)"
    exit 77
fi
dir="$SRCDIR/tests/golden"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
for cmd in "$dir"/*.cmd; do
    name=$(basename "$cmd" .cmd)
    args=$(cat "$cmd")
    (
        cd "$dir" || exit 98
        eval "LC_ALL=C.UTF-8 valgrind --quiet --error-exitcode=99 --leak-check=full '--soname-synonyms=somalloc=*jemalloc*' \
            --errors-for-leak-kinds=definite --show-leak-kinds=definite \
            \"\$SPAMLINT\" -j 1 $args" > /dev/null 2> "$tmp/$name.err" < /dev/null
    )
    if [ $? -eq 99 ]; then
        fail=$((fail + 1))
        echo "FAIL: valgrind on golden $name"
        head -30 "$tmp/$name.err"
    else
        pass=$((pass + 1))
    fi
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
