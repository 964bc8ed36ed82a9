#!/bin/sh
# Corpus test: lint every shared template and every labelled message in one
# process each. Any crash or exit 2 (a draft that could not be linted)
# fails; a missing corpus skips (exit 77), as a tarball build has none.
set -u
: "${SPAMLINT:?set SPAMLINT to the spamlint binary}"
: "${SRCDIR:=$(dirname "$0")/..}"
corpus="${SPAMLINT_CORPUS:-$SRCDIR/../shared/corpus}"
if [ ! -d "$corpus/templates" ] || [ ! -d "$corpus/spamassassin" ]; then
    echo "SKIP: no shared corpus at $corpus"
    exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
for set in templates spamassassin; do
    expected=$(find "$corpus/$set" -type f \( -name '*.html' -o -name '*.htm' -o -name '*.eml' -o -name '*.txt' -o -name '*.mjml' \) | wc -l)
    "$SPAMLINT" "$corpus/$set" > "$tmp/out" 2> "$tmp/err"
    status=$?
    linted=$(grep -c ': score [0-9.]* / ' "$tmp/out")
    if [ "$status" -gt 1 ] || [ -s "$tmp/err" ] || [ "$linted" -ne "$expected" ]; then
        echo "FAIL: $set: exit $status, $linted of $expected files linted"
        head -5 "$tmp/err"
        fail=$((fail + 1))
    else
        echo "ok: $set: $linted files linted, exit $status"
        pass=$((pass + 1))
    fi
done
# several threads give the same output, in the same order, as one
"$SPAMLINT" -j 1 --format=json "$corpus/templates" > "$tmp/j1" 2>&1
"$SPAMLINT" -j 2 --format=json "$corpus/templates" > "$tmp/j2" 2>&1
if cmp -s "$tmp/j1" "$tmp/j2"; then
    echo "ok: -j 2 output equals -j 1 output"
    pass=$((pass + 1))
else
    echo "FAIL: -j 2 output differs from -j 1 output"
    fail=$((fail + 1))
fi
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
