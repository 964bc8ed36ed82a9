#!/bin/sh
# CLI behaviour that needs a setup of its own: directories, standard input,
# binary and missing files, options and exit status (OUTPUT.md).
set -u
: "${SPAMLINT:?set SPAMLINT to the spamlint binary}"
: "${SRCDIR:=$(dirname "$0")/..}"
golden="$SRCDIR/tests/golden"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0

# expect NAME WANTED_STATUS COMMAND...: run, record stdout/stderr, check status
expect () {
    name=$1 want=$2
    shift 2
    "$@" > "$tmp/out" 2> "$tmp/err" < "${STDIN:-/dev/null}"
    got=$?
    if [ "$got" -eq "$want" ]; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "FAIL: $name: exit $got, wanted $want"
        sed 's/^/  out: /' "$tmp/out" | head -5
        sed 's/^/  err: /' "$tmp/err" | head -5
    fi
}

# check NAME COMMAND...: a shell test on the last run's output
check () {
    name=$1
    shift
    if "$@"; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "FAIL: $name"
        sed 's/^/  out: /' "$tmp/out" | head -5
        sed 's/^/  err: /' "$tmp/err" | head -5
    fi
}

lines () { wc -l < "$1" | tr -d ' '; }

mkdir "$tmp/empty" "$tmp/tree" "$tmp/tree/sub"
cp "$golden/clean-fr.html" "$tmp/tree/a.html"
cp "$golden/fr-newsletter.html" "$tmp/tree/sub/b.htm"
cp "$golden/reply.eml" "$tmp/tree/sub/c.eml"
echo "not a draft" > "$tmp/tree/notes.md"
# random-looking binary data with NUL bytes
awk 'BEGIN { srand (7); for (i = 0; i < 4096; i++) printf "%c", int (rand () * 256) }' > "$tmp/junk.eml"
printf '\0\0\0\1\2\3binary\0\0\0\0\0\0\0\0\0\0\0\0' >> "$tmp/junk.eml"

expect "empty directory" 2 "$SPAMLINT" "$tmp/empty" "$golden/clean-fr.html"
check "empty directory is named on stderr" grep -q "empty: no drafts" "$tmp/err"
check "the other file is still linted" grep -q "clean-fr.html: score" "$tmp/out"
check "one line on stderr" test "$(lines "$tmp/err")" -eq 1

expect "binary file" 2 "$SPAMLINT" "$tmp/junk.eml" "$golden/fr-newsletter.html"
check "binary file named on stderr" grep -q "junk.eml: binary data" "$tmp/err"
check "after a binary file, the next is linted" grep -q "fr-newsletter.html:14:9: warning: .*\[spam-phrase\]" "$tmp/out"
check "one line on stderr" test "$(lines "$tmp/err")" -eq 1

expect "missing file" 2 "$SPAMLINT" "$tmp/nope.html"
check "missing file named" grep -q "nope.html: No such file or directory" "$tmp/err"

expect "directory walk" 0 "$SPAMLINT" "$tmp/tree"
check "three drafts found, in order, .md skipped" test "$(grep -c ': score' "$tmp/out")" -eq 3
check "walk order is sorted" sh -c "grep ': score' '$tmp/out' | cut -d: -f1 | sort -c"

STDIN="$golden/fr-newsletter.html" expect "stdin" 0 "$SPAMLINT" --stdin-filename=promo.html -
check "stdin named by --stdin-filename" grep -q "^promo.html:14:9: warning" "$tmp/out"
STDIN="$golden/fr-newsletter.html" expect "stdin unnamed" 0 "$SPAMLINT" -
check "stdin unnamed" grep -q "^<stdin>:14:9: warning" "$tmp/out"

expect "threshold reached fails" 1 "$SPAMLINT" --threshold=3.5 "$golden/fr-newsletter.html"
check "FAIL in summary" grep -q "score 3.5 / 3.5: FAIL" "$tmp/out"
expect "threshold above passes" 0 "$SPAMLINT" --threshold=3.6 "$golden/fr-newsletter.html"
expect "error finding fails" 1 "$SPAMLINT" "$golden/fr-promo.eml"
expect "fail-on=score ignores an error finding below the threshold" 0 "$SPAMLINT" --fail-on=score --threshold=30 "$golden/fr-promo.eml"
expect "no-fail" 0 "$SPAMLINT" --no-fail "$golden/fr-promo.eml"
expect "no-fail keeps exit 2" 2 "$SPAMLINT" --no-fail "$tmp/nope.html"

expect "no arguments" 2 "$SPAMLINT"
check "usage hint" grep -q "spamlint --help" "$tmp/err"
expect "bad format" 2 "$SPAMLINT" --format=xml "$golden/clean-fr.html"
expect "bad option" 2 "$SPAMLINT" --frobnicate "$golden/clean-fr.html"
expect "bad threshold" 2 "$SPAMLINT" --threshold=abc "$golden/clean-fr.html"
expect "bad input format" 2 "$SPAMLINT" --input-format=pdf "$golden/clean-fr.html"

# --limit=NAME=VALUE (issue 9): a bad name or value is a usage error, one
# line naming what is valid; the [limits] of a configuration file; the
# command line wins over it
expect "unknown limit" 2 "$SPAMLINT" --limit=colour=3 "$golden/clean-fr.html"
check "unknown limit: the valid names" grep -qx "spamlint: --limit=colour=3: unknown limit \"colour\": use size, html-depth, mime-depth, mime-parts, findings, pcre-match, pcre-depth or time" "$tmp/err"
check "unknown limit: nothing linted" test ! -s "$tmp/out"
expect "limit out of range" 2 "$SPAMLINT" --limit=html-depth=0 "$golden/clean-fr.html"
check "limit out of range: the range" grep -qx "spamlint: --limit=html-depth=0: the html-depth limit must be a whole number from 1 to 1000" "$tmp/err"
expect "limit not a number" 2 "$SPAMLINT" --limit=time=soon "$golden/clean-fr.html"
check "limit not a number: the range" grep -q "the time limit must be a number of seconds from 0 (no limit) to 86400" "$tmp/err"
expect "limit without a value" 2 "$SPAMLINT" --limit=time "$golden/clean-fr.html"
check "limit without a value: NAME=VALUE" grep -q "give NAME=VALUE" "$tmp/err"
check "usage error: the message and the hint, no more" test "$(lines "$tmp/err")" -eq 2

mkdir "$tmp/limited"
printf '<html><body>\n<div><div><div><div><div><div>Bonjour, offre exceptionnelle.</div></div></div></div></div></div>\n</body></html>\n' \
    > "$tmp/limited/deep.html"
printf '[limits]\nhtml-depth=4\ntime=30\n' > "$tmp/limited/.spamlintrc"
expect "[limits] in .spamlintrc" 1 "$SPAMLINT" "$tmp/limited/deep.html"
check "[limits] html-depth=4: the note at the fifth element" grep -q "deep.html:2:11: note: HTML elements nested more than 4 deep (the html-depth limit): .*\[input-limit\]" "$tmp/out"
expect "--limit wins over [limits]" 1 "$SPAMLINT" --limit=html-depth=5 "$tmp/limited/deep.html"
check "--limit=html-depth=5: the sixth element" grep -q "deep.html:2:16: note: HTML elements nested more than 5 deep" "$tmp/out"
: > "$tmp/limited/empty.rc"
expect "the default html-depth" 1 "$SPAMLINT" --config="$tmp/limited/empty.rc" "$tmp/limited/deep.html"
check "no note under the default limit" sh -c "! grep -q input-limit '$tmp/out'"
printf '[limits]\nhtml_depth=4\n' > "$tmp/limited/bad.rc"
expect "[limits] unknown key" 2 "$SPAMLINT" --config="$tmp/limited/bad.rc" "$tmp/limited/deep.html"
check "[limits] unknown key named with the file" grep -q "bad.rc: \[limits\] html_depth=4: unknown limit \"html_depth\": use size, html-depth" "$tmp/err"

# the time budget: a big draft, a tiny budget: the rules are cut short, a
# note says so, the findings so far are kept and the exit is normal
awk 'BEGIN { printf "<html><body>"; for (i = 0; i < 5000; i++) printf "<p>Offre exceptionnelle !!! COMMANDEZ VITE chez nous, gratuit</p>"; printf "</body></html>\n" }' \
    > "$tmp/limited/big.html"
expect "time budget spent" 0 "$SPAMLINT" --limit=time=0.001 "$tmp/limited/big.html"
check "time budget: the note at 1:1" grep -q "big.html:1:1: note: the time budget of 0.001 s per draft (the time limit) was spent: the rules from [a-z-]* on, in the order of --list-rules, were cut short or not run; .*\[input-limit\]" "$tmp/out"
check "time budget: the file is still scored" grep -q "big.html: score" "$tmp/out"
check "time budget: nothing on stderr" test ! -s "$tmp/err"
expect "no time budget" 1 "$SPAMLINT" --limit=time=0 "$tmp/limited/big.html"
check "time=0: no note" sh -c "! grep -q 'time budget' '$tmp/out'"

expect "forced text format" 0 "$SPAMLINT" --input-format=text --format=json "$golden/clean-fr.html"
check "format is text" grep -q '"format" : "text"' "$tmp/out"

expect "json with an unreadable file" 2 "$SPAMLINT" --format=json "$tmp/nope.html" "$golden/clean-fr.html"
check "json error entry" grep -q '"error" : "No such file or directory"' "$tmp/out"
check "json still has the other file" grep -q '"score" : 0.0' "$tmp/out"

expect "version" 0 "$SPAMLINT" --version
check "version printed" grep -q "^spamlint [0-9]" "$tmp/out"
expect "help" 0 "$SPAMLINT" --help
check "help lists --threshold" grep -q -- "--threshold" "$tmp/out"

# --points=calibrated: each finding scores its points of the catalogue times
# the row of data/scores.tsv (fitted points over the catalogue's), and an
# English phrase its weight times the row of its category
cat > "$tmp/promo.txt" <<'EOF'
Dear friend,

Act now!!! This is a limited time offer for all our customers, and you have
been selected to receive it. Click here to claim your free gift card today, it
is totally risk free and there is no obligation at all, so do not miss out.
EOF
expect "points rules" 1 "$SPAMLINT" --format=json "$tmp/promo.txt"
cp "$tmp/out" "$tmp/rules.json"
expect "points calibrated" 1 "$SPAMLINT" --format=json --points=calibrated "$tmp/promo.txt"
cp "$tmp/out" "$tmp/calibrated.json"
check "calibrated points are those of data/scores.tsv" python3 - "$tmp/rules.json" \
    "$tmp/calibrated.json" "$SRCDIR/data/scores.tsv" "$SRCDIR/wordlists/en.txt" "$SPAMLINT" <<'PY'
import json, re, subprocess, sys
rules, calibrated, tsv, en, spamlint = sys.argv[1:]
fitted = {}
for line in open(tsv):
    if not line.startswith("#") and line.count("\t") == 2:
        row, points, _ = line.split("\t")
        fitted[row] = float(points)
prior = {}
for line in subprocess.run([spamlint, "--list-rules"], capture_output=True, text=True).stdout.splitlines():
    fields = line.split()
    if len(fields) > 3 and re.match(r"^[0-9.]+$", fields[2]):
        prior[fields[0]] = float(fields[2])
weights = {}
for line in open(en, encoding="utf-8"):
    fields = line.split(None, 2)
    if len(fields) == 3 and not line.startswith("#"):
        weights[fields[2].strip().lower()] = (float(fields[0]), fields[1])
before = {(f["rule"], f["line"], f["column"]): f["points"]
          for f in json.load(open(rules))["files"][0]["diagnostics"]}
after = json.load(open(calibrated))["files"][0]["diagnostics"]
assert after and len(after) == len(before), "the same findings"
phrases = 0
for f in after:
    if f["rule"] == "spam-phrase":
        phrase = re.search(r'"([^"]+)"', f["message"]).group(1).lower()
        weight, category = weights[phrase]
        want = weight * fitted["spam-phrase:" + category]
        phrases += 1
    elif prior.get(f["rule"], 0) > 0:
        want = before[(f["rule"], f["line"], f["column"])] * fitted[f["rule"]] / prior[f["rule"]]
    else:
        want = 0.0
    assert abs(f["points"] - want) < 1e-6, (f, want)
assert phrases >= 3, phrases
PY
printf '[spamlint]\npoints=calibrated\n' > "$tmp/calibrated.rc"
expect "points from the configuration" 1 "$SPAMLINT" --format=json --config="$tmp/calibrated.rc" "$tmp/promo.txt"
check "points=calibrated in .spamlintrc as --points" cmp -s "$tmp/out" "$tmp/calibrated.json"
expect "unknown --points" 2 "$SPAMLINT" --points=fitted "$tmp/promo.txt"
check "unknown --points named" grep -q "unknown --points: use rules or calibrated" "$tmp/err"
printf '[spamlint]\npoints=best\n' > "$tmp/bad-points.rc"
expect "unknown points in .spamlintrc" 2 "$SPAMLINT" --config="$tmp/bad-points.rc" "$tmp/promo.txt"
check "bad points named with the file" grep -q "bad-points.rc: points must be rules or calibrated" "$tmp/err"

# every option of --help is documented in the man page, and the reverse
"$SPAMLINT" --help | grep -oE -- '--[a-z][a-z-]+' | sort -u > "$tmp/help-options"
grep -oE -- '\\-\\-[a-z]+(\\-[a-z]+)*' "$SRCDIR/doc/spamlint.1" | sed 's/\\//g' | sort -u > "$tmp/man-options"
for option in $(cat "$tmp/help-options"); do
    check "man page documents $option" grep -qx -- "$option" "$tmp/man-options"
done
for option in $(cat "$tmp/man-options"); do
    check "--help lists $option" grep -qx -- "$option" "$tmp/help-options"
done

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
