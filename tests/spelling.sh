#!/bin/sh
# Spelling lists test: the lists of words the hunspell dictionaries accept
# (src/text/spelllist.c, made by tools/mkspelllist) change no finding and
# spare the dictionary.
#  1. Each list agrees with Enchant: one word in ten, in both cases, is
#     accepted; of sample words (misspellings, capitals, apostrophes) the
#     list has only those accepted, and it has the common correct ones.
#  2. The findings over tests/golden, the samples and the shared templates
#     (when present) are the same with the lists as without them.
#  3. A correct French draft is linted without opening a dictionary; a draft
#     with a misspelling opens it and gets its finding and suggestion as
#     without the lists; a user's exclude file turns the list off.
#  4. The user's own word lists are read: a word added is accepted; when
#     they are empty they are not looked at again for each word.
# Skips (exit 77) when no list was made (no word-list packages, or built
# --without-spelling).
set -u
: "${SPAMLINT:?set SPAMLINT to the spamlint binary}"
: "${SRCDIR:=$(dirname "$0")/..}"
: "${MKSPELLLIST:?set MKSPELLLIST to tools/mkspelllist}"
: "${SPAMLINT_SPELLDIR:?set SPAMLINT_SPELLDIR to the lists}"
lists=$SPAMLINT_SPELLDIR
if [ ! -x "$MKSPELLLIST" ] || ! ls "$lists"/*.words > /dev/null 2>&1; then
    echo "SKIP: no spelling lists in $lists"
    exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/none"
pass=0
fail=0
not_in_output() { ! grep -q "$1" "$tmp/out"; }
check() {
    name=$1
    shift
    if "$@"; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "FAIL: $name"
    fi
}

# --- 1. the lists agree with Enchant ---------------------------------------
# WORD:list (in the list, accepted), WORD:no (rejected, not in the list) or
# WORD:any (the list has it only if accepted, which --verify checks anyway)
samples_en_US="hello:list Hello:list company's:list don't:list weather:list Weather:list
  recieve:no Teh:no companys:no hello’s:any text-only:list Text-only:list e-mail:list
  double-check:list recieve-only:no text-onlyy:no attendees:any"
samples_fr_FR="bonjour:list Bonjour:list hiver:list l'hiver:list L'hiver:list c'est:list
  C'est:list aujourd'hui:list d'épices:list boulangerie:list qu'il:list
  boulangrie:no rapidemant:no l'hivr:no Bonjoure:no l’hiver:any Désabonnez-vous:list
  Désabonnez-vouss:no"
samples_de_DE="Angebot:list kostenlos:list Kostenlos:list Straße:list
  Angebott:no kostenloss:no"
samples_es_ES="oferta:list Oferta:list gratis:list ofertta:no gratiss:no"
samples_it_IT="offerta:list Offerta:list gratuito:list l'offerta:list L'offerta:list
  dell'anno:list offertta:no l'offertta:no"
for list in "$lists"/*.words; do
    tag=$(basename "$list" .words)
    if ! head -n 3 "$list" | grep -q '^dic '; then
        echo "no $tag list was made (no dictionary at build time): not checked"
        continue
    fi
    eval "samples=\${samples_$tag:-}"
    words=$(for s in $samples; do printf '%s\n' "${s%:*}"; done)
    # shellcheck disable=SC2086
    check "$tag: the list agrees with Enchant" \
        "$MKSPELLLIST" --verify --every=10 --tag="$tag" "$list" $words > "$tmp/verify" 2> "$tmp/err"
    cat "$tmp/err"
    for s in $samples; do
        word=${s%:*}
        want=${s##*:}
        got=$(awk -F '\t' -v w="$word" '$1 == w { print $2 ":" $3 }' "$tmp/verify")
        case $want:$got in
            list:list:accepted | no:-:rejected | any:list:accepted | any:-:*) pass=$((pass + 1)) ;;
            *) fail=$((fail + 1)); echo "FAIL: $tag: \"$word\": expected $want, got $got" ;;
        esac
    done
done

# --- 2. the same findings with the lists as without ----------------------
same() { # NAME DIR ARGS...: spamlint's output in DIR, with and without the lists
    name=$1
    dir=$2
    shift 2
    (cd "$dir" && SPAMLINT_SPELLDIR="$lists" "$SPAMLINT" "$@" > "$tmp/with" 2>&1; echo "exit: $?" >> "$tmp/with")
    (cd "$dir" && SPAMLINT_SPELLDIR="$tmp/none" "$SPAMLINT" "$@" > "$tmp/without" 2>&1; echo "exit: $?" >> "$tmp/without")
    if cmp -s "$tmp/with" "$tmp/without"; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "FAIL: $name: the findings differ with the spelling lists"
        diff -u "$tmp/without" "$tmp/with" | head -20
    fi
}
export LC_ALL=C.UTF-8 LANGUAGE= NO_COLOR=1
for cmd in "$SRCDIR"/tests/golden/*.cmd; do
    args=$(cat "$cmd")
    eval "set -- $args"
    same "golden $(basename "$cmd" .cmd)" "$SRCDIR/tests/golden" "$@"
done
same "samples, with suggestions" "$SRCDIR" --format=json --suggest data/samples tests/fixtures
corpus="${SPAMLINT_CORPUS:-$SRCDIR/../shared/corpus}"
if [ -d "$corpus/templates" ]; then
    same "shared templates" "$SRCDIR" --format=json -j 2 "$corpus/templates"
fi

# --- 3. no dictionary for a correct draft ---------------------------------
if ! command -v strace > /dev/null 2>&1 || ! strace -f -o /dev/null true 2> /dev/null; then
    echo "strace cannot run here: the dictionary opens are not checked"
else
    opens() { # the dictionaries and personal word lists spamlint opens
        strace -f -e trace=openat -o "$tmp/trace" "$SPAMLINT" "$@" > "$tmp/out" 2>&1
        grep -E '\.(dic|aff)"' "$tmp/trace" | grep -v ENOENT
    }
    draft="$SRCDIR/data/samples/promo-fr.html"
    no_spelling_finding() { ! "$SPAMLINT" "$draft" | grep -q '\[spelling'; }
    check "promo-fr.html: no spelling finding" no_spelling_finding
    check "promo-fr.html: linted without a dictionary" test -z "$(opens "$draft")"
    sed 's/boulangerie/boulangrie/' "$draft" > "$tmp/typo.html"
    opened=$(opens --suggest "$tmp/typo.html")
    check "a misspelling: the French dictionary is opened" \
        test -n "$(printf '%s\n' "$opened" | grep 'fr_FR\.dic')"
    check "a misspelling: its finding, with the suggestion" \
        grep -q 'typo.html:19:[0-9]*: note: "boulangrie" is not in the fr dictionary: did you mean "boulangerie"? \[spelling\]' "$tmp/out"
    same "a misspelling, with suggestions" "$tmp" --suggest typo.html
fi

# an exclude file of the user's removes words: the list is not used
mkdir -p "$tmp/enchant"
printf 'hiver\n' > "$tmp/enchant/fr_FR.exc"
printf 'Bonjour,\n\nCet hiver, la boulangerie ouvre le dimanche matin.\n' > "$tmp/hiver.txt"
ENCHANT_CONFIG_DIR="$tmp/enchant" "$SPAMLINT" --lang=fr --transactional "$tmp/hiver.txt" > "$tmp/out" 2>&1
check "an exclude file: the word excluded is a finding" grep -q '"hiver" is not in the fr dictionary' "$tmp/out"
export ENCHANT_CONFIG_DIR="$tmp/enchant"
same "an exclude file" "$tmp" --lang=fr --transactional hiver.txt
unset ENCHANT_CONFIG_DIR

# --- 4. the user's word lists ------------------------------------------------
printf 'Bonjour,\n\nCet hivr, la boulangrie ouvre le dimanche matn, avek des croisants.\n' \
    > "$tmp/typos.txt"
mkdir -p "$tmp/added"
printf 'boulangrie\n' > "$tmp/added/fr_FR.dic"
ENCHANT_CONFIG_DIR="$tmp/added" "$SPAMLINT" --lang=fr --transactional "$tmp/typos.txt" > "$tmp/out" 2>&1
check "a word added by the user is accepted" not_in_output '"boulangrie"'
check "the other misspellings are findings" grep -q '"croisants" is not in the fr dictionary' "$tmp/out"
if command -v strace > /dev/null 2>&1 && strace -f -e trace=%%stat -o /dev/null true 2> /dev/null; then
    mkdir -p "$tmp/empty"
    ENCHANT_CONFIG_DIR="$tmp/empty" strace -f -e trace=%%stat -o "$tmp/trace" \
        "$SPAMLINT" --lang=fr --transactional "$tmp/typos.txt" > /dev/null 2>&1
    # Enchant's own check would stat them again for each of the 5 words
    check "empty user word lists: not looked at for each word" \
        test "$(grep -c 'fr_FR\.exc"' "$tmp/trace")" -lt 5
fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
