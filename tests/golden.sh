#!/bin/sh
# CLI golden tests: each tests/golden/NAME.cmd holds the arguments of one
# spamlint run (paths relative to tests/golden); NAME.out holds what the
# user must see: stdout, then "exit: N", then stderr lines prefixed
# "stderr: ". Run with --update to rewrite the .out files after a
# deliberate change (then review the diff).
set -u
: "${SPAMLINT:?set SPAMLINT to the spamlint binary}"
: "${SRCDIR:=$(dirname "$0")/..}"
dir="$SRCDIR/tests/golden"
update=no
[ "${1:-}" = "--update" ] && update=yes

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
# twice: with the word lists' image built into spamlint, and with the lists
# parsed from their text (text/lists_image.c): both must print the same
for image in 1 0; do
    [ "$update" = yes ] && [ "$image" = 0 ] && break
    export SPAMLINT_LISTS_IMAGE=$image
    for cmd in "$dir"/*.cmd; do
        name=$(basename "$cmd" .cmd)
        [ "$image" = 0 ] && name="$name (lists parsed from text)"
        args=$(cat "$cmd")
        (
            cd "$dir" || exit 99
            # the .cmd file is shell words, so arguments may be quoted
            eval "LC_ALL=C.UTF-8 LANGUAGE= NO_COLOR=1 \"\$SPAMLINT\" $args" \
                > "$tmp/stdout" 2> "$tmp/stderr" < /dev/null
            echo "exit: $?" >> "$tmp/stdout"
        )
        sed 's/^/stderr: /' "$tmp/stderr" >> "$tmp/stdout"
        if [ "$update" = yes ]; then
            cp "$tmp/stdout" "$dir/$(basename "$cmd" .cmd).out"
            continue
        fi
        if diff -u "$dir/$(basename "$cmd" .cmd).out" "$tmp/stdout" > "$tmp/diff"; then
            pass=$((pass + 1))
        else
            fail=$((fail + 1))
            echo "FAIL: golden $name"
            cat "$tmp/diff"
        fi
    done
done
[ "$update" = yes ] && { echo "golden outputs updated"; exit 0; }
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
