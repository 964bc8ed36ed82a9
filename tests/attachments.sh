#!/bin/sh
# Attachments and message size (RULES.md, "Message, attachments, sender"):
# the messages are tens of megabytes, so they are built here, in a
# temporary folder, from deterministic content, instead of being stored.
# Every finding is checked with its exact place: an attachment's finding
# points at its Content-Disposition header, one given with --attach or
# --from at 1:1.
set -u
: "${SPAMLINT:?set SPAMLINT to the spamlint binary}"
: "${SRCDIR:=$(dirname "$0")/..}"
case $SPAMLINT in /*) ;; *) SPAMLINT=$(pwd)/$SPAMLINT ;; esac
command -v base64 > /dev/null 2>&1 || { echo "SKIP: no base64 command"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 99
pass=0
fail=0

# lint WANTED_STATUS ARGS...: run spamlint in $tmp, keep stdout and stderr
lint () {
    want=$1
    shift
    LC_ALL=C.UTF-8 LANGUAGE= NO_COLOR=1 "$SPAMLINT" --no-spelling "$@" > out 2> err < /dev/null
    got=$?
    if [ "$got" -eq "$want" ]; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "FAIL: spamlint $*: exit $got, wanted $want"
        sed 's/^/  err: /' err | head -5
    fi
}

# finding NAME REGEX: the last run printed a line matching REGEX (whole line)
finding () {
    if grep -qx -- "$2" out; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "FAIL: $1"
        echo "  wanted: $2"
        sed 's/^/  out: /' out | head -20
    fi
}

# no_finding NAME REGEX: no line of the last run matches REGEX
no_finding () {
    if grep -q -- "$2" out; then
        fail=$((fail + 1))
        echo "FAIL: $1"
        grep -- "$2" out | sed 's/^/  got: /'
    else
        pass=$((pass + 1))
    fi
}

# line_of FILE TEXT: the number of the first line of FILE holding TEXT
line_of () {
    grep -n -F -- "$2" "$1" | head -1 | cut -d: -f1
}

# Deterministic content: a 6 MB PDF (a PDF header, then one line over and
# over), a small DOS program, a 1x1 PNG.
six_mb=6291456
{ printf '%%PDF-1.4\n'; yes '% spamlint test page, spring catalogue' | head -c $((six_mb - 9)); } > catalogue.pdf
{ printf 'MZ\220\000\003\000\000\000\004\000\000\000\377\377\000\000'; yes 'spamlint' | head -c 2032; } > tarif.pdf.exe
png_base64='iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR42mNgYGAAAAAEAAHI6uv5AAAAAElFTkSuQmCC'

# attachment FILE NAME TYPE: one base64 part of a multipart/mixed message
attachment () {
    printf -- '--mixed\nContent-Type: %s; name="%s"\n' "$3" "$2"
    printf 'Content-Disposition: attachment; filename="%s"\n' "$2"
    printf 'Content-Transfer-Encoding: base64\n\n'
    base64 "$1"
}

# The acceptance case: a French promotion from a free-mail address with
# five 6 MB PDFs and a program named like a PDF.
{
    printf 'Date: Thu, 26 Nov 2026 10:00:00 +0100\n'
    printf 'To: client@example.com\n'
    printf 'From: Boutique <promo@orange.fr>\n'
    printf 'Subject: Nos catalogues de printemps\n'
    printf 'MIME-Version: 1.0\n'
    printf 'Content-Type: multipart/mixed; boundary="mixed"\n\n'
    printf -- '--mixed\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n'
    printf 'Bonjour,\n\nVous trouverez ci-joint nos cinq catalogues de printemps et la grille\n'
    printf 'des tarifs de la boutique. Nous restons à votre disposition.\n\n'
    printf 'Boutique du Quai, 12 rue des Tanneurs, 69002 Lyon\n'
    printf 'Se désinscrire : https://boutique.example/desinscription\n'
    for i in 1 2 3 4 5; do
        attachment catalogue.pdf "catalogue-$i.pdf" application/pdf
    done
    attachment tarif.pdf.exe tarif.pdf.exe application/octet-stream
    printf -- '--mixed--\n'
} > big.eml

from=$(line_of big.eml 'From: Boutique')
first=$(line_of big.eml 'filename="catalogue-1.pdf"')
fourth=$(line_of big.eml 'filename="catalogue-4.pdf"')
program=$(line_of big.eml 'filename="tarif.pdf.exe"')

lint 1 big.eml
finding "sender-freemail at From" \
    "big.eml:$from:1: warning: sending from orange.fr, .*\[sender-freemail\]"
finding "attach-count at the fourth attachment" \
    "big.eml:$fourth:1: warning: more than 3 attachments: .*\[attach-count\]"
for i in 1 2 3 4 5; do
    at=$(line_of big.eml "filename=\"catalogue-$i.pdf\"")
    finding "attach-size of catalogue-$i.pdf" \
        "big.eml:$at:1: warning: attachment \"catalogue-$i.pdf\" weighs 6.0 MB: .*\[attach-size\]"
done
finding "attach-size error for 30 MB in all, at the first attachment" \
    "big.eml:$first:1: error: the attachments weigh 30.0 MB together: .*\[attach-size\]"
finding "attach-dangerous at the program" \
    "big.eml:$program:1: error: attachment \"tarif.pdf.exe\" is an executable, script or macro file: .*\[attach-dangerous\]"
finding "message-size error, about the whole message" \
    "big.eml:1:1: error: the message weighs 40\.[0-9] MB: .*\[message-size\]"
no_finding "the PDFs are PDFs" "attach-type-mismatch"
no_finding "the program is reported once" "tarif.pdf.exe.*is a program"
finding "the score line fails" "big.eml: score [0-9.]* / 5.0: FAIL (.*)"

# The same draft as an HTML template with options: the same rules, at 1:1.
cat > draft.html <<'EOF'
<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Catalogues</title></head>
<body>
<p>Bonjour, vous trouverez ci-joint nos cinq catalogues de printemps et la grille des tarifs de
la boutique. Nous restons à votre disposition pour toute question.</p>
<p>Boutique du Quai, 12 rue des Tanneurs, 69002 Lyon</p>
<p><a href="https://boutique.example/desinscription">Se désinscrire</a></p>
</body></html>
EOF
for i in 1 2 3 4 5; do
    ln -s catalogue.pdf "catalogue-$i.pdf"
done
lint 1 --from 'Boutique <promo@orange.fr>' --attach catalogue-1.pdf --attach catalogue-2.pdf \
    --attach catalogue-3.pdf --attach catalogue-4.pdf --attach catalogue-5.pdf \
    --attach tarif.pdf.exe draft.html
finding "--from: sender-freemail at 1:1" \
    "draft.html:1:1: warning: sending from orange.fr, .*\[sender-freemail\]"
finding "--attach: attach-count at 1:1" \
    "draft.html:1:1: warning: more than 3 attachments: .*\[attach-count\]"
finding "--attach: attach-size of catalogue-5.pdf at 1:1" \
    "draft.html:1:1: warning: attachment \"catalogue-5.pdf\" weighs 6.0 MB: .*\[attach-size\]"
finding "--attach: attach-size error at 1:1" \
    "draft.html:1:1: error: the attachments weigh 30.0 MB together: .*\[attach-size\]"
finding "--attach: attach-dangerous at 1:1" \
    "draft.html:1:1: error: attachment \"tarif.pdf.exe\" is an executable, script or macro file: .*\[attach-dangerous\]"
finding "--attach: message-size counts the attachments as encoded" \
    "draft.html:1:1: error: the message weighs 40\.[0-9] MB: .*\[message-size\]"
no_finding "--attach: no mime rule on a template" "\[mime-"
lint 0 draft.html
finding "without the options, the draft is clean" \
    "draft.html: score 0.0 / 5.0: PASS (0 errors, 0 warnings, 0 notes)"

# Names: RFC 2231 and RFC 2047 encoded filenames are decoded; a
# right-to-left override in a name is a trick; a .pdf holding a PNG is
# not what it says.
cat > names.eml <<EOF
From: Boutique du Quai <contact@boutique.example>
To: client@example.com
Subject: Vos documents
In-Reply-To: <question-17@client.example>
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="mixed"

--mixed
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: 8bit

Bonjour,

Voici les documents que vous nous avez demandés.

Boutique du Quai, 12 rue des Tanneurs, 69002 Lyon
--mixed
Content-Type: application/pdf
Content-Disposition: attachment;
 filename*=UTF-8''re%C3%A7u%20d%C3%A9cembre.pdf
Content-Transfer-Encoding: base64

$png_base64
--mixed
Content-Type: application/octet-stream
Content-Disposition: attachment; filename="=?UTF-8?Q?tarif_=C3=A9t=C3=A9.pdf.exe?="
Content-Transfer-Encoding: base64

$(base64 tarif.pdf.exe)
--mixed
Content-Type: application/pdf
Content-Disposition: attachment; filename*=UTF-8''facture%E2%80%AEfdp.exe
Content-Transfer-Encoding: base64

$(printf '%%PDF-1.4\n%% a small invoice\n' | base64)
--mixed
Content-Type: image/png
Content-Disposition: attachment; filename="photo.pdf"
Content-Transfer-Encoding: base64

$png_base64
--mixed
Content-Type: application/pdf
Content-Disposition: attachment; filename="rapport.pdf"
Content-Transfer-Encoding: base64

$(base64 tarif.pdf.exe)
--mixed--
EOF
rfc2231=$(line_of names.eml "filename*=UTF-8''re%C3%A7u")
rfc2231=$((rfc2231 - 1)) # the header starts on the line before its folded parameter
rfc2047=$(line_of names.eml 'filename="=?UTF-8?Q?tarif')
rlo=$(line_of names.eml "facture%E2%80%AE")
photo=$(line_of names.eml 'filename="photo.pdf"')
report=$(line_of names.eml 'filename="rapport.pdf"')
lint 1 names.eml
finding "RFC 2231 name decoded, attach-type-mismatch of a PNG declared as a PDF" \
    "names.eml:$rfc2231:1: warning: attachment \"reçu décembre.pdf\" is declared application/pdf but contains image/png: .*\[attach-type-mismatch\]"
finding "RFC 2047 name decoded, attach-dangerous" \
    "names.eml:$rfc2047:1: error: attachment \"tarif été.pdf.exe\" is an executable, script or macro file: .*\[attach-dangerous\]"
finding "U+202E in a name is attach-dangerous" \
    "names.eml:$rlo:1: error: attachment \"facture<U+202E>fdp.exe\" hides its real extension behind a right-to-left override: .*\[attach-dangerous\]"
finding "a PNG named .pdf is attach-type-mismatch" \
    "names.eml:$photo:1: warning: attachment \"photo.pdf\" is named .pdf but contains image/png: .*\[attach-type-mismatch\]"
finding "a program named .pdf is attach-dangerous by its content" \
    "names.eml:$report:1: error: attachment \"rapport.pdf\" is a program (application/x-dosexec) whatever its name: .*\[attach-dangerous\]"
finding "a program declared application/pdf is attach-type-mismatch" \
    "names.eml:$report:1: warning: attachment \"rapport.pdf\" is declared application/pdf but contains application/x-dosexec: .*\[attach-type-mismatch\]"
no_finding "attachments of a few bytes: no size finding" "\[attach-size\]\|\[message-size\]"

# Two 6 MB attachments: each over 5 MB, 12 MB together, a 16 MB message:
# warnings only.
{
    printf 'From: Boutique du Quai <lettre@boutique.example>\n'
    printf 'To: client@example.com\n'
    printf 'Subject: Nos catalogues\n'
    printf 'In-Reply-To: <question-18@client.example>\n'
    printf 'MIME-Version: 1.0\n'
    printf 'Content-Type: multipart/mixed; boundary="mixed"\n\n'
    printf -- '--mixed\nContent-Type: text/plain; charset=utf-8\n\n'
    printf 'Bonjour,\n\nVoici les deux catalogues que vous avez demandés.\n'
    attachment catalogue.pdf catalogue-1.pdf application/pdf
    attachment catalogue.pdf catalogue-2.pdf application/pdf
    printf -- '--mixed--\n'
} > mid.eml
first=$(line_of mid.eml 'filename="catalogue-1.pdf"')
second=$(line_of mid.eml 'filename="catalogue-2.pdf"')
lint 0 mid.eml
finding "12 MB of attachments: attach-size warning at the first" \
    "mid.eml:$first:1: warning: the attachments weigh 12.0 MB together: .*\[attach-size\]"
finding "attach-size of catalogue-2.pdf" \
    "mid.eml:$second:1: warning: attachment \"catalogue-2.pdf\" weighs 6.0 MB: .*\[attach-size\]"
finding "a 16 MB message: message-size warning" \
    "mid.eml:1:1: warning: the message weighs 16\.[0-9] MB: .*\[message-size\]"
no_finding "two attachments: no attach-count" "\[attach-count\]"
no_finding "under 20 MB: no error" ": error: "

# Inline images shown through cid: are not attachments: four of them and
# one real attachment make no attach-count.
{
    printf 'From: Boutique du Quai <lettre@boutique.example>\n'
    printf 'To: client@example.com\n'
    printf 'Subject: Les nouveautés de la boutique\n'
    printf 'MIME-Version: 1.0\n'
    printf 'List-Unsubscribe: <https://boutique.example/desinscription?m=42>\n'
    printf 'List-Unsubscribe-Post: List-Unsubscribe=One-Click\n'
    printf 'Content-Type: multipart/mixed; boundary="mixed"\n\n'
    printf -- '--mixed\nContent-Type: multipart/related; boundary="related"\n\n'
    printf -- '--related\nContent-Type: multipart/alternative; boundary="alt"\n\n'
    text='Les nouveautés de la boutique sont arrivées : des bols, des tasses, des assiettes et des pichets, tous tournés à la main dans notre atelier. Les émaux de cette saison sont bleu de lin, vert mousse et gris ardoise. Chaque pièce est cuite deux fois et passe au lave-vaisselle sans craindre les années. La boutique est ouverte du mardi au samedi, de dix heures à dix-neuf heures, et le dimanche matin pendant le marché du quai.'
    printf -- '--alt\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n'
    printf 'Bonjour,\n\n%s\n\nBoutique du Quai, 12 rue des Tanneurs, 69002 Lyon\n' "$text"
    printf 'Se désinscrire : https://boutique.example/desinscription?m=42\n'
    printf -- '--alt\nContent-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n'
    printf '<html><body><p>Bonjour,</p><p>%s</p>\n' "$text"
    for i in 1 2 3 4; do
        printf '<img src="cid:piece-%s@boutique.example" alt="Pièce %s" width="100" height="100">\n' "$i" "$i"
    done
    printf '<p>Boutique du Quai, 12 rue des Tanneurs, 69002 Lyon</p>\n'
    printf '<p><a href="https://boutique.example/desinscription?m=42">Se désinscrire</a></p></body></html>\n'
    printf -- '--alt--\n'
    for i in 1 2 3 4; do
        printf -- '--related\nContent-Type: image/png\nContent-ID: <piece-%s@boutique.example>\n' "$i"
        printf 'Content-Disposition: inline; filename="piece-%s.png"\nContent-Transfer-Encoding: base64\n\n%s\n' "$i" "$png_base64"
    done
    printf -- '--related--\n'
    printf -- '--mixed\nContent-Type: application/pdf; name="catalogue.pdf"\n'
    printf 'Content-Disposition: attachment; filename="catalogue.pdf"\nContent-Transfer-Encoding: base64\n\n'
    printf '%%PDF-1.4\n%% a small catalogue\n' | base64
    printf -- '--mixed--\n'
} > inline.eml
lint 0 inline.eml
no_finding "inline cid: images are not attachments" "\[attach-count\]"
finding "the message with inline images is clean" \
    "inline.eml: score 0.0 / 5.0: PASS (0 errors, 0 warnings, 0 notes)"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
