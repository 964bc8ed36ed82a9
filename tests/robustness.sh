#!/bin/sh
# Hostile inputs (issue 9): each is generated here, at run time, in a
# temporary folder (nothing big is committed), and linted together with a
# small valid draft on the same command line. For every input:
#   - spamlint ends by itself: exit status 0, 1 or 2, never a signal, never
#     the time limit (SPAMLINT_TIME_LIMIT seconds, default 5);
#   - its peak resident memory stays under SPAMLINT_RSS_LIMIT_MB (512);
#   - exit 2 comes with exactly one line on stderr, naming the bad file;
#     a lint (0 or 1) prints nothing on stderr;
#   - the valid draft is still linted: its summary line is on stdout.
# Some inputs have a stricter expectation (an exit 2 for what cannot be
# linted, a lint for what can be repaired); see the cases at the end.
# The time and peak memory of each run are printed, one line per input.
#
# Under AddressSanitizer, raise the limits (ASan is 2 to 3 times slower and
# reserves memory of its own), e.g. SPAMLINT_TIME_LIMIT=20
# SPAMLINT_RSS_LIMIT_MB=2048; the virtual memory cap (ulimit -v) is left
# out automatically when the binary cannot start under it.
set -u
: "${SPAMLINT:?set SPAMLINT to the spamlint binary}"
: "${SRCDIR:=$(dirname "$0")/..}"
: "${SPAMLINT_TIME_LIMIT:=5}"
: "${SPAMLINT_RSS_LIMIT_MB:=512}"
valid="$SRCDIR/tests/golden/clean-fr.html"
# In a sanitizer build, an ASan or UBSan error exits with 1 by default, like
# a draft that fails: give it a status of its own (LeakSanitizer's is 23).
ASAN_OPTIONS="${ASAN_OPTIONS:-}${ASAN_OPTIONS:+:}exitcode=86"
UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1}:halt_on_error=1:exitcode=86"
export ASAN_OPTIONS UBSAN_OPTIONS
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
failed_inputs=

# Hard cap on virtual memory, so that a runaway allocation ends in a failed
# malloc instead of taking the machine down; sanitizer builds cannot start
# under it, so it is used only when the binary runs under it.
vlimit=2097152
if ! (ulimit -v "$vlimit" && "$SPAMLINT" --version) > /dev/null 2>&1; then
    vlimit=
fi
# GNU time measures the peak RSS (of timeout and spamlint under it)
gnutime=
if [ -x /usr/bin/time ] && /usr/bin/time -f '%M' true > /dev/null 2>&1; then
    gnutime=/usr/bin/time
fi

ok () { pass=$((pass + 1)); }
ko () {
    fail=$((fail + 1))
    echo "FAIL: $name: $*"
    case " $failed_inputs " in *" $name "*) ;; *) failed_inputs="$failed_inputs $name" ;; esac
}

# lint NAME FILE [OPTION...]: run spamlint on FILE and the valid draft, time
# it, check the general contract; sets $status, $secs, $peak_mb. With
# as_option=--wordlist= (say), FILE is given as that option's value instead.
as_option=
lint () {
    add_row
    name=$1 file=$2
    shift 2
    start=$(date +%s.%N)
    (
        [ -n "$vlimit" ] && ulimit -v "$vlimit"
        if [ -n "$gnutime" ]; then
            exec "$gnutime" -o "$tmp/time" -f '%e %M' \
                timeout -k 2 "$SPAMLINT_TIME_LIMIT" "$SPAMLINT" "$@" "$as_option$file" "$valid"
        else
            exec timeout -k 2 "$SPAMLINT_TIME_LIMIT" "$SPAMLINT" "$@" "$as_option$file" "$valid"
        fi
    ) > "$tmp/out" 2> "$tmp/err" < /dev/null
    status=$?
    end=$(date +%s.%N)
    secs=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }')
    peak_mb=-
    if [ -n "$gnutime" ] && [ -s "$tmp/time" ]; then
        peak_mb=$(tail -n 1 "$tmp/time" | awk '{ printf "%d", $2 / 1024 }')
    fi
    rm -f "$tmp/time"
    before=$fail

    case $status in
    0|1|2) ok ;;
    124|137) ko "timed out after ${SPAMLINT_TIME_LIMIT}s (exit $status)" ;;
    86) ko "AddressSanitizer or UndefinedBehaviorSanitizer error (exit 86)" ;;
    23) ko "LeakSanitizer: memory leaked (exit 23)" ;;
    *) if [ "$status" -gt 128 ]; then
           ko "killed by signal $((status - 128))"
       else
           ko "exit $status, wanted 0, 1 or 2"
       fi ;;
    esac
    if [ "$peak_mb" != - ] && [ "$peak_mb" -gt "$SPAMLINT_RSS_LIMIT_MB" ]; then
        ko "peak RSS ${peak_mb} MB over ${SPAMLINT_RSS_LIMIT_MB} MB"
    else
        ok
    fi
    if grep -qF "$valid: score" "$tmp/out"; then
        ok
    elif [ -n "$as_option" ] && [ "$status" -eq 2 ]; then
        ok # a bad option file is a usage error: nothing is linted
    else
        ko "the valid draft's summary line is missing from stdout"
    fi
    errlines=$(wc -l < "$tmp/err" | tr -d ' ')
    if [ "$status" -eq 2 ]; then
        if [ "$errlines" -eq 1 ] && grep -qF "$file" "$tmp/err"; then
            ok
        else
            ko "exit 2 without exactly one stderr line naming $file"
        fi
    elif [ "$status" -le 1 ]; then
        if [ "$errlines" -eq 0 ]; then ok; else ko "a lint printed $errlines line(s) on stderr"; fi
    fi
    row=$(printf '%-24s %6s %8s %8s' "$name" "$status" "$secs" "$peak_mb")
    if [ "$fail" -ne "$before" ]; then
        sed 's/^/  out: /' "$tmp/out" | cut -c 1-200 | head -5
        sed 's/^/  err: /' "$tmp/err" | cut -c 1-200 | head -5
    fi
}

# add_row: the last input's line in the results table, once all its checks ran
row=
add_row () {
    [ -n "$row" ] || return 0
    case " $failed_inputs " in *" $name "*) verdict=FAIL ;; *) verdict=pass ;; esac
    echo "$row  $verdict" >> "$tmp/table"
    row=
}

# want_status CODE...: the last run ended with one of these
want_status () {
    for code in "$@"; do
        if [ "$status" -eq "$code" ]; then ok; return; fi
    done
    ko "exit $status, wanted $*"
}

# linted: the bad file itself was linted (its own summary line)
linted () {
    if grep -qF "$file: score" "$tmp/out"; then ok; else ko "$file was not linted"; fi
}

# finds RULE: the lint of the bad file reported RULE
finds () {
    if grep -F "$file:" "$tmp/out" | grep -q "\[$1\]"; then ok; else ko "no [$1] finding"; fi
}

# finds_at RULE LINE COLUMN: the lint of the bad file reported RULE there
finds_at () {
    if grep -F "$file:$2:$3: " "$tmp/out" | grep -q "\[$1\]"; then
        ok
    else
        ko "no [$1] finding at $2:$3"
    fi
}

# finds_once RULE: the lint of the bad file reported RULE exactly once
finds_once () {
    n=$(grep -F "$file:" "$tmp/out" | grep -c "\[$1\]")
    if [ "$n" -eq 1 ]; then ok; else ko "$n [$1] findings, wanted 1"; fi
}

# lacks RULE: the lint of the bad file did not report RULE
lacks () {
    if grep -F "$file:" "$tmp/out" | grep -q "\[$1\]"; then ko "an unexpected [$1] finding"; else ok; fi
}

# says TEXT: a finding about the bad file says TEXT
says () {
    if grep -F "$file:" "$tmp/out" | grep -qF -- "$1"; then ok; else ko "no finding says \"$1\""; fi
}

# names_limit: the run said which limit it hit (a finding or the stderr line)
names_limit () {
    if cat "$tmp/out" "$tmp/err" | grep -F "$file" \
        | awk -v f="$file" '{ while ((i = index ($0, f)) > 0) $0 = substr ($0, 1, i - 1) substr ($0, i + length (f)); print }' \
        | grep -qiE 'limit|nest|depth|deep|too large|too big|too many'; then
        ok
    else
        ko "no finding or error names the limit that was hit"
    fi
}

# at_most N: the last run printed at most N lines (findings are capped)
at_most () {
    if [ "$(wc -l < "$tmp/out")" -le "$1" ]; then ok; else ko "$(wc -l < "$tmp/out") lines of output, wanted at most $1"; fi
}

# repeat N STRING: STRING N times, no separator
repeat () { yes "$2" | head -n "$1" | tr -d '\n'; }

# --- generate the inputs ----------------------------------------------------
d=$tmp
headers='From: Atelier Durand <lettre@atelier.example>
To: client@example.com
Subject: La lettre de novembre
Date: Thu, 26 Nov 2026 10:00:00 +0100
MIME-Version: 1.0'
text='Bonjour,

Nos ateliers reprennent le samedi matin : offre exceptionnelle pour les inscrits.
Atelier Durand SARL, 8 place Bellecour, 69002 Lyon.
'

: > "$d/empty.txt"

awk 'BEGIN { srand (9); for (i = 0; i < 65536; i++) printf "%c", int (rand () * 256) }' > "$d/random.eml"
# random high bytes and text: passes the binary sniffing, reaches the loaders
awk 'BEGIN { srand (11); for (i = 0; i < 65536; i++) { r = int (rand () * 160); printf "%c", r < 64 ? 32 + r : (r < 80 ? 10 : 96 + r) } }' > "$d/random-text.html"

{ printf '<html><body>'; repeat 200000 '<div>'; printf 'Bonjour'; repeat 200000 '</div>'; printf '</body></html>\n'; } > "$d/nested-div.html"

{ printf '<html><body><p><a href="https://example.com/?q='; head -c 20971520 /dev/zero | tr '\0' a
  printf '">Notre site</a></p></body></html>\n'; } > "$d/attr-href-20mb.html"
{ printf '<html><body><p style="'; repeat 2097152 'color:red;'
  printf '">Bonjour</p></body></html>\n'; } > "$d/attr-style-20mb.html"

{ echo "$headers" | sed '/^Subject:/d'; printf 'Subject: '; repeat 655360 'GRATUIT '
  printf '\nContent-Type: text/plain; charset=utf-8\n\n%s' "$text"; } > "$d/header-5mb.eml"

{ echo "$headers"; awk 'BEGIN {
      n = 5000
      for (i = 0; i < n; i++)
          printf "Content-Type: multipart/mixed; boundary=\"b%d\"\n\n--b%d\n", i, i
      printf "Content-Type: text/plain; charset=utf-8\n\nBonjour, offre exceptionnelle.\n"
      for (i = n - 1; i >= 0; i--)
          printf "--b%d--\n", i
  }'; } > "$d/nested-multipart.eml"

{ echo "$headers"; awk 'BEGIN {
      printf "Content-Type: multipart/mixed; boundary=\"sep\"\n\n"
      for (i = 0; i < 5000; i++)
          printf "--sep\nContent-Type: text/plain; charset=utf-8\n\nPartie %d.\n", i
      printf "--sep\nContent-Type: text/plain; charset=utf-8\n\nOffre exceptionnelle.\n--sep--\n"
  }'; } > "$d/many-parts.eml"

# a minified draft: one 1 MB line, with a few findings every kilobyte
{ printf '<html><body>'; awk 'BEGIN { for (i = 0; i < 1024; i++) { printf "<p>Offre exceptionnelle !!! COMMANDEZ VITE</p>"; for (k = 0; k < 43; k++) printf "<p>Bonjour chez nous</p>" } }'
  printf '</body></html>'; } > "$d/long-line.html"

{ echo "$headers"; cat <<'EOF'
Content-Type: multipart/mixed; boundary="sep"

--sep
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: base64

Qm9uam91ciwgb2ZmcmUgZXhjZXB0aW9ubmVsbGU@@@!!!***
=====QUJD
A
QUJDRE
--sep
Content-Type: text/html; charset=utf-8
Content-Transfer-Encoding: base64

PGh0bWw+PGJvZHk+PHA+Qm9uam91cjwvcD4=PGI+
ééé%%%
--sep
Content-Type: application/pdf; name="facture.pdf"
Content-Disposition: attachment; filename="facture.pdf"
Content-Transfer-Encoding: base64

JVBERi0xLjQK====JVBER
--sep
EOF
} > "$d/broken-base64.eml"

{ echo "$headers"; cat <<'EOF'
Content-Type: multipart/alternative; boundary="sep"

--sep
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: quoted-printable

Bonjour, offre exceptionnelle =ZZ =4 =
=C3=A9t=C3 =E9 =\x =00=00 fin=3D=
 =

--sep
Content-Type: text/html; charset=iso-8859-1
Content-Transfer-Encoding: quoted-printable

<html><body><p style=3D"color:=
red">Derni=E8re chance=</p></body></html>=
EOF
printf '=E'; } > "$d/broken-qp.eml"

{ echo "$headers"; awk 'BEGIN { for (i = 0; i < 100000; i++) printf "X-Header-%d: value %d\n", i, i }'
  printf 'Content-Type: text/plain; charset=utf-8\n\n%s' "$text"; } > "$d/headers-100k.eml"

{ printf '<html><body><p>'; repeat 65536 '😀🎉🔥💰'; printf '</p></body></html>\n'; } > "$d/emoji-flood.html"

{ printf '<html><body><p>'; repeat 55189 '&amp;#x1F600;&nbsp;'; printf '</p></body></html>\n'; } > "$d/entity-flood.html"

rlo=$(printf '\342\200\256')
{ echo "$headers"; cat <<EOF
Content-Type: multipart/mixed; boundary="sep"

--sep
Content-Type: text/plain; charset=utf-8

$text
--sep
Content-Type: application/octet-stream; name="facture${rlo}fdp.exe"
Content-Disposition: attachment; filename="facture${rlo}fdp.exe"
Content-Transfer-Encoding: base64

TVqQAAMAAAAEAAAA//8AALgAAAAAAAAAQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA
--sep
Content-Type: application/octet-stream
Content-Disposition: attachment; filename*=utf-8''devis%E2%80%AEcod.scr

TVqQAAMAAAAEAAAA
--sep--
EOF
} > "$d/rtl-attachment.eml"
printf 'MZ\220\0\3\0\0\0' > "$d/photo${rlo}gpj.exe"
printf '%s' "$text" > "$d/rtl-option.txt"
printf '%s' "$text" > "$d/lettre${rlo}lmth.txt"

{ printf 'Bonjour, \303\050 caf\351 \377\376 \355\240\200 \300\257 offre exceptionnelle.\n'
  printf 'Fin tronqu\303'; } > "$d/invalid-utf8.txt"
{ printf '<html><body><p>Bonjour \303\050 caf\351 \377 \355\240\200 \300\257</p>'
  printf '<p title="\351\377">Derni\350re chance</p><a href="https://ex\377ample.com/\351">lien</a></body></html>\n'; } > "$d/invalid-utf8.html"

{ printf 'Bonjour,\0\n\nNos ateliers reprennent\0 le samedi matin.\n'
  printf 'Offre exceptionnelle\0\0 pour les inscrits.\n%s' "$text"; } > "$d/nul-bytes.txt"

{ printf '\377\376'; printf '%s' "$text" | iconv -f UTF-8 -t UTF-16LE; } > "$d/utf16le-bom.txt"

printf '<html><head><title>Lettre</title></head><body>\n<p>Derni\350re chance : offre exceptionnelle pour la rentr\351e, \347a d\351m\351nage !</p>\n<p>Atelier Durand, 69002 Lyon.</p></body></html>\n' \
    > "$d/latin1.html"
# the same, declaring its charset: read as declared, nothing to tell
sed 's|<head>|<head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">|' \
    "$d/latin1.html" > "$d/latin1-declared.html"
{ echo "$headers"; printf 'Content-Type: text/plain; charset=iso-8859-1\nContent-Transfer-Encoding: 8bit\n\n'
  printf 'Bonjour, derni\350re chance \351t\351 offre exceptionnelle.\n'; } > "$d/latin1-declared.eml"

{ echo "$headers"; printf 'Content-Type: text/plain; charset=x-unknown\nContent-Transfer-Encoding: 8bit\n\n'
  printf 'Bonjour, derni\350re chance \351t\351 \377\376 offre exceptionnelle.\n'; } > "$d/unknown-charset.eml"

# user word lists: one 100 KB phrase; phrases nested 300 deep by prefix
{ printf '1.0 offer '; head -c 102400 /dev/zero | tr '\0' a; echo; } > "$d/long-phrase.wordlist"
awk 'BEGIN { for (i = 1; i <= 300; i++) { printf "1.0 offer"; for (k = 0; k < i; k++) printf " ab"; print "" } }' \
    > "$d/deep-prefixes.wordlist"

yes 'Bonjour, voici la lettre de novembre de notre atelier de restauration.' | head -c 52428801 > "$d/over-50mb.txt"

# the limits lowered with --limit (issue 9): ten nested divs, five parts,
# five nested multiparts, and a big draft with thousands of findings
{ printf '<html><body>\n'; repeat 10 '<div>'; printf 'Bonjour, offre exceptionnelle.'; repeat 10 '</div>'
  printf '\n</body></html>\n'; } > "$d/nested-10.html"
{ echo "$headers"; awk 'BEGIN {
      printf "Content-Type: multipart/mixed; boundary=\"sep\"\n\n"
      for (i = 0; i < 5; i++)
          printf "--sep\nContent-Type: text/plain; charset=utf-8\n\nPartie %d, offre exceptionnelle.\n", i
      printf "--sep--\n"
  }'; } > "$d/parts-5.eml"
{ echo "$headers"; awk 'BEGIN {
      for (i = 0; i < 5; i++)
          printf "Content-Type: multipart/mixed; boundary=\"b%d\"\n\n--b%d\n", i, i
      printf "Content-Type: text/plain; charset=utf-8\n\nBonjour, offre exceptionnelle.\n"
      for (i = 4; i >= 0; i--)
          printf "--b%d--\n", i
  }'; } > "$d/nested-5.eml"
awk 'BEGIN { printf "<html><body>"; for (i = 0; i < 20000; i++) printf "<p>Offre exceptionnelle !!! COMMANDEZ VITE chez nous, gratuit</p>"; printf "</body></html>\n" }' \
    > "$d/big-findings.html"
# a price and a phone number: the currency and contact patterns run on it
printf 'Prix : 100 \342\202\254!!! Appelez le 01 23 45 67 89.\n' > "$d/money.txt"

# --- run them ----------------------------------------------------------------
lint empty "$d/empty.txt"
want_status 2
lint random-binary "$d/random.eml"
want_status 2
lint random-text "$d/random-text.html"
lint nested-div "$d/nested-div.html"
names_limit
lint attr-href-20mb "$d/attr-href-20mb.html"
lint attr-style-20mb "$d/attr-style-20mb.html"
lint header-5mb "$d/header-5mb.eml"
at_most 10000
lint long-line "$d/long-line.html"
linted
finds spam-phrase
lint nested-multipart "$d/nested-multipart.eml"
names_limit
lint many-parts "$d/many-parts.eml"
names_limit
lint broken-base64 "$d/broken-base64.eml"
want_status 0 1
lint broken-qp "$d/broken-qp.eml"
want_status 0 1
finds spam-phrase
lint headers-100k "$d/headers-100k.eml"
lint emoji-flood "$d/emoji-flood.html"
lint entity-flood "$d/entity-flood.html"
lint rtl-attachment "$d/rtl-attachment.eml"
want_status 0 1
lint rtl-attach-option "$d/rtl-option.txt" --attach="$d/photo${rlo}gpj.exe"
lint rtl-draft-name "$d/lettre${rlo}lmth.txt"
linted
# encodings: repaired or converted, linted, and told by one input-encoding
# note per part at the first byte concerned (issue 9, point 4)
lint invalid-utf8-text "$d/invalid-utf8.txt"
linted
finds spam-phrase
finds_at input-encoding 1 10
finds_once input-encoding
says "invalid UTF-8 (byte 0xC3): read as Windows-1252"
lint invalid-utf8-html "$d/invalid-utf8.html"
linted
finds_at input-encoding 1 24
finds_once input-encoding
lint nul-bytes "$d/nul-bytes.txt"
linted
finds spam-phrase
finds_at input-encoding 1 9
says "NUL bytes: read as spaces, 4 in this part"
lint utf16le-bom "$d/utf16le-bom.txt"
linted
finds spam-phrase
finds_at input-encoding 1 1
says "UTF-16LE text (byte order mark): converted to UTF-8"
lint latin1-html "$d/latin1.html"
linted
finds spam-phrase
finds_at input-encoding 2 9
says "invalid UTF-8 (byte 0xE8): read as Windows-1252, 5 bytes in this part"
lint latin1-declared-html "$d/latin1-declared.html"
linted
finds spam-phrase
lacks input-encoding
lint latin1-declared-eml "$d/latin1-declared.eml"
linted
finds spam-phrase
lacks input-encoding
lint unknown-charset "$d/unknown-charset.eml"
linted
finds spam-phrase
finds_at input-encoding 6 35
finds_once input-encoding
says 'unknown charset "x-unknown": read as UTF-8'
as_option=--wordlist=
lint wordlist-long-phrase "$d/long-phrase.wordlist"
lint wordlist-deep-prefix "$d/deep-prefixes.wordlist"
as_option=
# over the input size limit (50 MB by default): a clean exit 2
lint over-50mb "$d/over-50mb.txt"
want_status 2
names_limit
lint over-size-limit "$d/attr-style-20mb.html" --limit=size=10
want_status 2
names_limit

# each limit lowered with --limit gives its note, naming the limit
lint html-depth-4 "$d/nested-10.html" --limit=html-depth=4
want_status 0 1
finds_at input-limit 2 11
says "nested more than 4 deep (the html-depth limit)"
finds spam-phrase
lint html-depth-1000 "$d/nested-div.html" --limit=html-depth=1000
says "nested more than 1000 deep (the html-depth limit)"
lint mime-parts-3 "$d/parts-5.eml" --limit=mime-parts=3
want_status 0 1
finds_at input-limit 17 1
says "more than 3 MIME parts (the mime-parts limit)"
lint mime-depth-2 "$d/nested-5.eml" --limit=mime-depth=2
want_status 0 1
finds_at input-limit 15 1
says "nested more than 2 deep (the mime-depth limit)"
lint findings-2 "$d/big-findings.html" --limit=findings=2
want_status 1
says "59998 more findings of this rule, not listed (the limit is 2 per rule and draft)"
at_most 20
# the rules' own patterns (word lists are a trie: no PCRE2, no backtracking)
lint pcre-match-1 "$d/money.txt" --limit=pcre-match=1
want_status 0 1
finds_at input-limit 1 1
says "PCRE2 match limit of 1 (the pcre-match limit)"
lint pcre-depth-1 "$d/money.txt" --limit=pcre-depth=1
want_status 0 1
finds_at input-limit 1 1
says "PCRE2 depth limit of 1 (the pcre-depth limit)"
# the time budget: spent at once, the rules are skipped, the exit is normal
lint time-budget "$d/big-findings.html" --limit=time=0.000001
want_status 0 1
linted
finds_at input-limit 1 1
says "the time budget of 1e-06 s per draft (the time limit) was spent"
at_most 5

# inputs found by the fuzzers (tests/fuzz/crashes/fuzz_lint-N): the first
# byte picks the format as in fuzz_lint.c, the rest is the draft. In a
# sanitizer build, a leak or undefined behaviour fails the run.
for crash in "$SRCDIR"/tests/fuzz/crashes/fuzz_lint-*; do
    [ -f "$crash" ] || continue
    case $(($(od -An -tu1 -N1 "$crash" | tr -d ' ') % 5)) in
    0) fmt=text ext=txt ;;
    1) fmt=html ext=html ;;
    2) fmt=eml ext=eml ;;
    3) fmt=mjml ext=mjml ;;
    *) fmt=auto ext=draft ;;
    esac
    tail -c +2 "$crash" > "$d/$(basename "$crash").$ext"
    # the valid draft is read in the same forced format: a message for eml
    [ $fmt = eml ] && valid="$SRCDIR/tests/golden/reply.eml"
    lint "$(basename "$crash")" "$d/$(basename "$crash").$ext" --input-format=$fmt
    valid="$SRCDIR/tests/golden/clean-fr.html"
done

add_row
echo
printf '%-24s %6s %8s %8s  %s\n' input status seconds "peak MB" result
cat "$tmp/table"
[ -n "$failed_inputs" ] && echo "failing inputs:$failed_inputs"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
