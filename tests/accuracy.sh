#!/bin/sh
# docs/accuracy.md and data/scores.tsv are what tools/calibrate makes of the
# current rules: a rule change that moves them must regenerate them
# (make accuracy). Skips without the shared corpus.
set -u
: "${SPAMLINT:?set SPAMLINT to the spamlint binary}"
: "${SRCDIR:=$(dirname "$0")/..}"
corpus="${SPAMLINT_CORPUS:-$SRCDIR/../shared/corpus}"
if [ ! -d "$corpus/spamassassin" ]; then
    echo "SKIP: no shared corpus at $corpus"
    exit 77
fi
if "$SRCDIR/tools/calibrate" --check --spamlint="$SPAMLINT" --corpus="$corpus"; then
    echo "1 passed, 0 failed"
else
    echo "FAIL: docs/accuracy.md or data/scores.tsv is out of date: run make accuracy"
    echo "0 passed, 1 failed"
    exit 1
fi
