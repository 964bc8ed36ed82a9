#!/bin/sh
# Output formats and integrations: SARIF (validated against the schema),
# GitHub annotations, the human view, vim's quickfix list, --list-rules,
# --explain, configuration files and suppression comments, French.
set -u
: "${SPAMLINT:?set SPAMLINT to the spamlint binary}"
: "${SRCDIR:=$(dirname "$0")/..}"
golden="$SRCDIR/tests/golden"
schema="$SRCDIR/../shared/schemas/sarif-2.1.0-rtm.5.json"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0

ok () {
    name=$1
    shift
    if "$@" > "$tmp/check.log" 2>&1; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "FAIL: $name"
        sed 's/^/  /' "$tmp/check.log" | head -20
    fi
}

run () { # run ARGS...: spamlint in $tmp/work, stdout to out, stderr to err, status to status
    (cd "$tmp/work" && "$SPAMLINT" "$@" > "$tmp/out" 2> "$tmp/err" < /dev/null)
    echo $? > "$tmp/status"
}

status_is () { test "$(cat "$tmp/status")" = "$1"; }
has () { grep -q -- "$1" "$tmp/out"; }
has_not () { ! grep -q -- "$1" "$tmp/out"; }
err_has () { grep -q -- "$1" "$tmp/err"; }

mkdir -p "$tmp/work/drafts"
cp "$golden/spammy.html" "$tmp/work/drafts/spammy.html"
cp "$golden/fr-newsletter.html" "$tmp/work/drafts/news letter.html"

# --- SARIF -------------------------------------------------------------------
run --format=sarif --no-spelling drafts
cp "$tmp/out" "$tmp/spammy.sarif"
run --format=json --no-spelling drafts
cp "$tmp/out" "$tmp/spammy.json"
if python3 -c 'import jsonschema' 2>/dev/null && [ -f "$schema" ]; then
    ok "SARIF validates against the 2.1.0 schema" python3 - "$schema" "$tmp/spammy.sarif" <<'PY'
import json, sys, jsonschema
schema = json.load(open(sys.argv[1]))
jsonschema.validate(json.load(open(sys.argv[2])), schema)
PY
else
    echo "SKIP: SARIF schema validation (python3-jsonschema or the schema missing)"
fi
ok "SARIF regions are the findings' lines and columns" python3 - "$tmp/spammy.sarif" "$tmp/spammy.json" <<'PY'
import json, sys, urllib.parse
sarif = json.load(open(sys.argv[1]))
report = json.load(open(sys.argv[2]))
run = sarif["runs"][0]
rules = [r["id"] for r in run["tool"]["driver"]["rules"]]
assert "spam-phrase" in rules and "html-script" in rules, rules
expected = []
for f in report["files"]:
    for d in f["diagnostics"]:
        expected.append((f["file"], d["rule"], d["line"], d["column"], d["end_line"], d["end_column"] + 1))
got = []
for r in run["results"]:
    loc = r["locations"][0]["physicalLocation"]
    reg = loc["region"]
    uri = urllib.parse.unquote(loc["artifactLocation"]["uri"])
    assert loc["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
    assert rules[r["ruleIndex"]] == r["ruleId"]
    assert r["partialFingerprints"]["spamlintFinding/v1"]
    got.append((uri, r["ruleId"], reg["startLine"], reg["startColumn"], reg["endLine"], reg["endColumn"]))
assert sorted(got) == sorted(expected), (sorted(got)[:3], sorted(expected)[:3])
assert run["columnKind"] == "unicodeCodePoints"
fps = [r["partialFingerprints"]["spamlintFinding/v1"] for r in run["results"]]
assert len(fps) == len(set(fps)), "fingerprints collide"
PY
# fingerprints survive a line inserted above
sed '1s/^/<!-- a new first line -->\n/' "$golden/spammy.html" > "$tmp/work/drafts/spammy.html"
run --format=sarif --no-spelling drafts/spammy.html
ok "fingerprints are stable when lines move" python3 - "$tmp/spammy.sarif" "$tmp/out" <<'PY'
import json, sys
def prints(path):
    run = json.load(open(path))["runs"][0]
    return sorted(r["partialFingerprints"]["spamlintFinding/v1"] for r in run["results"]
                  if "spammy" in r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"])
before, after = prints(sys.argv[1]), prints(sys.argv[2])
assert before == after, (len(before), len(after))
PY
cp "$golden/spammy.html" "$tmp/work/drafts/spammy.html"

# --- GitHub ----------------------------------------------------------------
run --format=github --no-spelling drafts/spammy.html
ok "github: an annotation per finding" sh -c "grep -c '^::' '$tmp/out' | grep -qx \"\$(grep -c '' '$tmp/spammy.json' >/dev/null; python3 -c 'import json,sys; print(sum(len(f[\"diagnostics\"]) for f in json.load(open(\"$tmp/spammy.json\"))[\"files\"] if \"spammy\" in f[\"file\"]))')\""
ok "github: error annotation with position and title" has "^::error file=drafts/spammy.html,line=10,col=1,endLine=10,endColumn=2,title=html-script::"
ok "github: warning annotation" has "^::warning file=drafts/spammy.html,line=14,col=12,"
printf 'Bonjour,\n100%% gratuit, vraiment.\n' > "$tmp/work/odd,name:x.txt"
run --format=github --transactional --no-spelling "odd,name:x.txt"
ok "github: properties and messages escaped" has "^::warning file=odd%2Cname%3Ax.txt,line=2,col=1,"

# --- human -----------------------------------------------------------------
run --format=human --color=never --no-spelling drafts/spammy.html
ok "human: the source line under a finding" has "    10 | <script>document.write"
ok "human: a long line shown around the match" has "^    15 | \.\.\.ffffff;background-color:#ffffff\">cheap pills best price"
ok "human: a caret under the match" has "^       |                                     ^~~~~~~~~~~$"
ok "human: a score bar and the verdict" has "drafts/spammy.html: score [0-9.]* / 5.0 \[.*\] FAIL"
ok "human: what to fix first" has "fix first: html-script (6.0)"
ok "human: no colour when asked" has_not "$(printf '\033')"
run --format=human --color=always --no-spelling drafts/spammy.html
ok "human: colours when asked" has "$(printf '\033')\[1;31m"
(cd "$tmp/work" && NO_COLOR=1 "$SPAMLINT" --format=human --no-spelling drafts/spammy.html > "$tmp/out" 2>&1)
ok "human: NO_COLOR honoured" has_not "$(printf '\033')"
run --no-spelling drafts/spammy.html
ok "gnu stays the default when stdout is not a terminal" has "^drafts/spammy.html:10:1: error: "

# --- vim's quickfix list ------------------------------------------------------
if command -v vim > /dev/null 2>&1; then
    run --format=gnu --no-spelling drafts/spammy.html
    grep -v ': score ' "$tmp/out" > "$tmp/work/errors.txt"
    (cd "$tmp/work" && vim -es -N -u NONE -c 'set errorformat&' -c 'cfile errors.txt' \
        -c 'redir! > quickfix.txt' -c 'for e in getqflist() | if e.valid | echo bufname(e.bufnr) . "|" . e.lnum . "|" . e.col . "|" . e.text | endif | endfor' \
        -c 'redir END' -c 'qa!' < /dev/null > /dev/null 2>&1)
    ok "vim quickfix reads every finding with its file, line, column and message" python3 - "$tmp/work/errors.txt" "$tmp/work/quickfix.txt" <<'PY'
import re, sys
expected = []
for line in open(sys.argv[1], encoding="utf-8"):
    m = re.match(r"^(.+?):(\d+):(\d+): (\w+): (.*)$", line.rstrip("\n"))
    expected.append((m.group(1), int(m.group(2)), int(m.group(3)), m.group(5)))
got = []
for line in open(sys.argv[2], encoding="utf-8"):
    line = line.strip()
    if not line:
        continue
    name, lnum, col, text = line.split("|", 3)
    got.append((name, int(lnum), int(col), text.strip()))
assert len(got) == len(expected) and len(got) > 5, (len(got), len(expected))
for (f1, l1, c1, m1), (f2, l2, c2, m2) in zip(expected, got):
    assert (f1, l1, c1) == (f2, l2, c2), ((f1, l1, c1), (f2, l2, c2))
    assert m2.endswith(m1.split(": ", 1)[-1][-30:]), (m1, m2)
PY
else
    echo "SKIP: vim quickfix (vim not installed)"
fi

# --- rules -------------------------------------------------------------------
run --list-rules
ok "--list-rules lists the rules with severity and points" has "^caps-shouting  *warning  *0.5 (max 2.0) "
ok "--list-rules lists html-script" has "^html-script  *error  *3.0 "
ok "--list-rules: all the implemented rules" test "$(grep -c '' "$tmp/out")" -ge 50
run --explain link-mismatch
ok "--explain says what, why, how and an example" sh -c "grep -q 'What it detects:' '$tmp/out' && grep -q 'Why it hurts delivery:' '$tmp/out' && grep -q 'How to fix it:' '$tmp/out' && grep -q 'Example:' '$tmp/out'"
run --explain no-such-rule
ok "--explain of an unknown rule: exit 2" status_is 2
ok "--explain of an unknown rule: a clear message" err_has "no rule named"

# --- configuration -------------------------------------------------------------
mkdir -p "$tmp/work/site/emails/fr"
cp "$golden/fr-newsletter.html" "$tmp/work/site/emails/fr/news.html"
run --no-spelling --transactional site/emails/fr/news.html
ok "without a config: the default threshold" has "news.html: score 3.5 / 5.0: PASS"
cat > "$tmp/work/site/.spamlintrc" <<'CFG'
[spamlint]
threshold=3.0
disable=exclamation-run
[points]
caps-shouting=1.5
[severity]
spam-phrase=error
CFG
run --no-spelling --transactional site/emails/fr/news.html
ok "config found upward from the file: threshold" has "news.html: score 4.0 / 3.0: FAIL"
ok "config: a rule turned off" has_not "exclamation-run"
ok "config: points changed" sh -c "grep -q 'caps-shouting' '$tmp/out'"
ok "config: severity changed" has "news.html:14:9: error: spam trigger phrase"
run --threshold=10 --no-spelling --transactional site/emails/fr/news.html
ok "the command line wins over the config" has "score 4.0 / 10.0: FAIL"
printf '[spamlint]\nthreshold=9\n' > "$tmp/other.rc"
run --config="$tmp/other.rc" --no-spelling --transactional site/emails/fr/news.html
ok "--config replaces the discovered file" has "score 3.5 / 9.0: PASS"
printf '[spamlint]\ndisable=no-such-rule\n' > "$tmp/bad.rc"
run --config="$tmp/bad.rc" site/emails/fr/news.html
ok "a bad config: exit 2" status_is 2
ok "a bad config: the file and the problem named" err_has "bad.rc: disable: no rule named no-such-rule"

# --- suppressions -----------------------------------------------------------
cat > "$tmp/work/suppressed.html" <<'HTML'
<html><body>
<!-- spamlint-disable caps-shouting, exclamation-run -->
<p>OFFRE EXCEPTIONNELLE !!!</p>
<!-- spamlint-enable -->
<p>GRANDE VENTE AUJOURD'HUI !!!</p>
<!-- spamlint-disable-next-line spam-phrase -->
<p>C'est 100 % gratuit.</p>
<p>C'est 100 % gratuit.</p>
</body></html>
HTML
run --format=json --no-spelling --transactional suppressed.html
ok "suppressions: counted in JSON" has '"suppressed" : 3'
run --no-spelling --transactional suppressed.html
ok "suppressions: the listed rules are quiet in the region" sh -c "! grep -q 'suppressed.html:3:.*\(caps-shouting\|exclamation-run\)' '$tmp/out'"
ok "suppressions: the other rules are not" has "suppressed.html:3:4: warning: .*\[spam-phrase\]"
ok "suppressions: enabled again after spamlint-enable" has "suppressed.html:5:4: warning: .*\[caps-shouting\]"
ok "suppressions: next line only" sh -c "! grep -q 'suppressed.html:7:' '$tmp/out' && grep -q 'suppressed.html:8:.*spam-phrase' '$tmp/out'"
printf 'spamlint-disable spam-phrase\nC est 100 %% gratuit.\n' > "$tmp/work/plain.txt"
run --format=json --no-spelling --transactional plain.txt
ok "suppressions: plain-text form" has '"suppressed" : 1'

# --- French ------------------------------------------------------------------
if locale -a 2>/dev/null | grep -qi '^fr_FR\.utf-\?8$'; then
    (cd "$SRCDIR/data/samples" && LC_ALL=fr_FR.UTF-8 LANGUAGE= "$SPAMLINT" --format=gnu promo-fr.html > "$tmp/fr.out" 2>&1)
    ok "LANG=fr_FR.UTF-8: the bundled sample in French (golden)" diff -u "$golden/sample-fr.expected" "$tmp/fr.out"
    (cd "$tmp/work" && LC_ALL=fr_FR.UTF-8 LANGUAGE= "$SPAMLINT" --help > "$tmp/out" 2>&1)
    ok "LANG=fr_FR.UTF-8: --help in French" has "Afficher"
    (cd "$tmp/work" && LC_ALL=fr_FR.UTF-8 LANGUAGE= "$SPAMLINT" --explain caps-shouting > "$tmp/out" 2>&1)
    ok "LANG=fr_FR.UTF-8: --explain in French, rule ids unchanged" sh -c "grep -q '^caps-shouting' '$tmp/out' && ! grep -q 'What it detects' '$tmp/out'"
    # run from the build tree, not installed, as the README's first command
    # does: the build tree's translations, without SPAMLINT_LOCALEDIR
    if [ -d "$(dirname "$SPAMLINT")/locale" ]; then
        (cd "$SRCDIR/data/samples" && env -u SPAMLINT_LOCALEDIR LC_ALL=fr_FR.UTF-8 LANGUAGE= \
            "$SPAMLINT" --format=gnu promo-fr.html > "$tmp/fr.out" 2>&1)
        ok "uninstalled, in a French locale: the sample in French" diff -u "$golden/sample-fr.expected" "$tmp/fr.out"
    fi
else
    echo "SKIP: French output (no fr_FR.UTF-8 locale; scripts/install-deps makes it)"
fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
