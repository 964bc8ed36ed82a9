#!/bin/sh
# The online checks (--online): dns-spf, dns-dmarc, dns-dkim, dns-mx and
# dnsbl-listed, against a DNS server of our own: dnsmasq on 127.0.0.1, on a
# free high port, answering for *.test from tests/dns/dnsmasq.conf and
# forwarding nothing. Every lint here that may query is pointed at it with
# --dns-server, and is given test blocklist zones, so no test touches any
# address outside 127.0.0.0/8 (a test checks that with strace too).
# Without --online, spamlint must open no socket at all (strace).
# Skipped (exit 77) when dnsmasq is not installed (scripts/install-deps).
set -u
: "${SPAMLINT:?set SPAMLINT to the spamlint binary}"
: "${SRCDIR:=$(dirname "$0")/..}"

dnsmasq=$(command -v dnsmasq 2> /dev/null)
for dir in /usr/sbin /sbin /usr/local/sbin; do
    [ -n "$dnsmasq" ] && break
    [ -x "$dir/dnsmasq" ] && dnsmasq=$dir/dnsmasq
done
if [ -z "$dnsmasq" ]; then
    echo "SKIP: dnsmasq is not installed (apt-get install dnsmasq-base)"
    exit 77
fi

tmp=$(mktemp -d)
server_pid=
cleanup () {
    if [ -n "$server_pid" ]; then
        kill -CONT "$server_pid" 2> /dev/null
        kill "$server_pid" 2> /dev/null
        wait "$server_pid" 2> /dev/null
    fi
    rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP
pass=0
fail=0

random_port () {
    echo $((20000 + $(od -An -N2 -tu2 /dev/urandom | tr -d ' ') % 40000))
}

# Start dnsmasq on a free port: try random ports until one binds.
port=
attempts=0
while [ -z "$port" ] && [ "$attempts" -lt 10 ]; do
    attempts=$((attempts + 1))
    try=$(random_port)
    : > "$tmp/dnsmasq.log"
    "$dnsmasq" --no-daemon --port="$try" --listen-address=127.0.0.1 --bind-interfaces \
        --no-resolv --no-hosts --no-poll --pid-file= --log-facility=- \
        --conf-file="$SRCDIR/tests/dns/dnsmasq.conf" > "$tmp/dnsmasq.log" 2>&1 &
    server_pid=$!
    # wait until it has started (sockets bound) or given up
    waited=0
    while [ "$waited" -lt 50 ] && ! grep -q "started" "$tmp/dnsmasq.log" \
        && kill -0 "$server_pid" 2> /dev/null; do
        sleep 0.1
        waited=$((waited + 1))
    done
    if kill -0 "$server_pid" 2> /dev/null && grep -q "started" "$tmp/dnsmasq.log"; then
        port=$try
    else
        wait "$server_pid" 2> /dev/null
        server_pid=
    fi
done
if [ -z "$port" ]; then
    echo "FAIL: dnsmasq did not start:"
    sed 's/^/  /' "$tmp/dnsmasq.log"
    echo "0 passed, 1 failed"
    exit 1
fi
# a port nothing listens on: a server that cannot be reached
closed=$(random_port)
[ "$closed" -eq "$port" ] && closed=$((port + 1))

SERVER=127.0.0.1:$port

# run COMMAND...: record stdout, stderr, exit status and seconds taken
run () {
    start=$(date +%s)
    "$@" > "$tmp/out" 2> "$tmp/err" < /dev/null
    status=$?
    took=$(($(date +%s) - start))
}

# online OPTION-OR-FILE...: run spamlint --online against our server, with
# our blocklist zones
online () {
    run "$SPAMLINT" --online --dns-server="$SERVER" --dnsbl-zone=bl.test --uribl-zone=dbl.test \
        --no-spelling --transactional "$@"
}

# ok NAME COMMAND...: a test on the last run
ok () {
    name=$1
    shift
    if "$@"; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "FAIL: $name (exit $status, ${took}s)"
        sed 's/^/  out: /' "$tmp/out" | head -12
        sed 's/^/  err: /' "$tmp/err" | head -5
    fi
}
has () { grep -q -- "$1" "$tmp/out"; }
lacks () { ! grep -q -- "$1" "$tmp/out"; }
count_is () { test "$(grep -c -- "$1" "$tmp/out")" -eq "$2"; }
status_is () { test "$status" -eq "$1"; }
no_online_findings () { ! grep -qE '\[(dns-[a-z]+|dnsbl-listed)\]' "$tmp/out"; }

# draft NAME DOMAIN [HEADER...]: a transactional .eml from news@DOMAIN; the
# From header is on line 3, extra headers follow it (line 4 on)
draft () {
    name=$1 domain=$2
    shift 2
    {
        printf 'To: client@example.org\n'
        printf 'Subject: Votre commande 1234 est expédiée\n'
        printf 'From: Boutique <news@%s>\n' "$domain"
        for header in "$@"; do printf '%s\n' "$header"; done
        printf 'Date: Mon, 1 Jan 2024 10:00:00 +0100\n'
        printf 'Message-ID: <1234@%s>\n' "$domain"
        printf 'MIME-Version: 1.0\n'
        printf 'Content-Type: text/plain; charset=utf-8\n\n'
        printf 'Bonjour,\n\nVotre commande 1234 est partie ce matin. Vous pouvez suivre la livraison\n'
        printf 'sur https://www.good-shop.fr/suivi/1234 à tout moment.\n\n'
        printf 'Merci de votre confiance,\nBoutique Exemple, 12 rue des Lilas, 69003 Lyon\n'
    } > "$tmp/$name.eml"
}

for domain in good nospf twospf plusall redirect many ten loop nodmarc brokendmarc badpolicy \
    nomx aonly; do
    draft "$domain" "$domain.test"
done
draft sub news.good.test
draft signed good.test \
    'DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=good.test; s=mail;' \
    ' h=from:to:subject; bh=YWJj; b=ZGVm' \
    'DKIM-Signature: v=1; a=rsa-sha256; d=good.test; s=gone; h=from; bh=YWJj; b=ZGVm' \
    'DKIM-Signature: v=1; a=rsa-sha256; d=good.test;' \
    '	s=old; h=from; bh=YWJj; b=ZGVm'

# --- all records good ---------------------------------------------------------
online --dkim-selector=mail --sending-ip=192.0.2.2 "$tmp/good.eml"
ok "all good: exit 0" status_is 0
ok "all good: no online finding, not even a note" no_online_findings
ok "all good: passes" has "PASS (0 errors, 0 warnings, 0 notes)"
online "$tmp/signed.eml"
ok "DKIM-Signature s=mail with a key: quiet" lacks "mail._domainkey"

# --- SPF ------------------------------------------------------------------------
online "$tmp/nospf.eml"
ok "SPF missing: an error at the From line" has "nospf.eml:3:1: error: nospf.test has no SPF record.*\[dns-spf\]"
ok "SPF missing: exit 1" status_is 1
online "$tmp/twospf.eml"
ok "two SPF records" has "twospf.eml:3:1: error: twospf.test has 2 SPF records.*\[dns-spf\]"
online "$tmp/plusall.eml"
ok "+all" has "plusall.eml:3:1: error: .*\"+all\".*\[dns-spf\]"
online "$tmp/redirect.eml"
ok "+all reached through redirect=" has "redirect.eml:3:1: error: .*+all.*\[dns-spf\]"
online "$tmp/many.eml"
ok "11 lookups through includes" has "many.eml:3:1: error: .*needs 11 DNS lookups.*\[dns-spf\]"
ok "11 lookups: one SPF finding" count_is "\[dns-spf\]" 1
online "$tmp/ten.eml"
ok "10 lookups are allowed" lacks "\[dns-spf\]"
online "$tmp/loop.eml"
ok "an include loop ends" status_is 0
ok "an include loop: no finding" no_online_findings

# --- DMARC ----------------------------------------------------------------------
online "$tmp/nodmarc.eml"
ok "DMARC missing: a warning at the From line" has "nodmarc.eml:3:1: warning: nodmarc.test has no DMARC record.*\[dns-dmarc\]"
online "$tmp/brokendmarc.eml"
ok "DMARC without p=" has "brokendmarc.eml:3:1: warning: .*_dmarc.brokendmarc.test.*no p= policy.*\[dns-dmarc\]"
online "$tmp/badpolicy.eml"
ok "DMARC with p=block" has "badpolicy.eml:3:1: warning: .*p=block.*\[dns-dmarc\]"
online "$tmp/sub.eml"
ok "a subdomain uses the organisational domain's DMARC record" lacks "\[dns-dmarc\]"

# --- DKIM -----------------------------------------------------------------------
online --dkim-selector=nosuch "$tmp/good.eml"
ok "DKIM selector missing: an error at the From line" has "good.eml:3:1: error: no DKIM key at nosuch._domainkey.good.test.*\[dns-dkim\]"
online "$tmp/signed.eml"
ok "DKIM-Signature s=gone: no key, at its header line" has "signed.eml:6:1: error: no DKIM key at gone._domainkey.good.test.*\[dns-dkim\]"
ok "DKIM-Signature s=old (folded): a revoked key" has "signed.eml:7:1: error: .*old._domainkey.good.test is revoked.*\[dns-dkim\]"
ok "DKIM-Signature: two findings" count_is "\[dns-dkim\]" 2
online "$tmp/nospf.eml"
ok "no selector, no signature: no DKIM check" lacks "\[dns-dkim\]"

# --- MX -------------------------------------------------------------------------
online "$tmp/nomx.eml"
ok "MX missing and no A" has "nomx.eml:3:1: error: nomx.test has no MX record, nor an A record.*\[dns-mx\]"
online "$tmp/aonly.eml"
ok "no MX but an A record: fine" lacks "\[dns-mx\]"

# --- blocklists -----------------------------------------------------------------
online --sending-ip=192.0.2.1 "$tmp/good.eml"
ok "IP listed: an error at the From line" has "good.eml:3:1: error: the sending IP 192.0.2.1 is listed on bl.test (answer 127.0.0.2).*\[dnsbl-listed\]"
ok "IP listed: fails" status_is 1
online --sending-ip=192.0.2.2 "$tmp/good.eml"
ok "IP not listed" lacks "\[dnsbl-listed\]"
online --sending-ip=192.0.2.1 --dnsbl-zone=refuse.test "$tmp/good.eml"
ok "a refusing blocklist: a note" has "note: the blocklist refuse.test refused to answer.*\[dnsbl-listed\]"
ok "a refusing blocklist: the other zones still count" has "listed on bl.test"
cat > "$tmp/links.html" << 'EOF'
<html><body>
<p>Bonjour, voici <a href="https://www.example.com/">notre boutique</a>,
les <a href="https://promo.listed-shop.com/soldes">soldes</a>
et <a href="https://listed-shop.com/encore">encore</a> {{prenom}}.</p>
<p><a href="{{unsubscribe_url}}">Se désinscrire</a></p>
</body></html>
EOF
online --from="Boutique <news@good.test>" "$tmp/links.html"
ok "domain listed: an error at the link" has "links.html:3:5: error: the link goes to listed-shop.com, which is listed on dbl.test.*\[dnsbl-listed\]"
ok "domain listed: once per domain" count_is "\[dnsbl-listed\]" 1
ok "--from of an HTML draft: its domain is checked (and fine)" lacks "\[dns-"
online --from="news@nospf.test" "$tmp/links.html"
ok "--from of an HTML draft: SPF missing at 1:1" has "links.html:1:1: error: nospf.test has no SPF record.*\[dns-spf\]"
online "$tmp/links.html"
ok "an HTML draft without --from: only the blocklists" has "\[dnsbl-listed\]"
ok "an HTML draft without --from: no From checks" lacks "\[dns-"
printf '[spamlint]\ndisable=dnsbl-listed;dns-spf\n' > "$tmp/off.rc"
online --config="$tmp/off.rc" --sending-ip=192.0.2.1 "$tmp/nospf.eml"
ok "rules turned off in the config stay off" no_online_findings

# several drafts on several threads share the engine's answers
online -j 4 "$tmp/good.eml" "$tmp/nospf.eml" "$tmp/many.eml" "$tmp/nomx.eml" \
    "$tmp/good.eml" "$tmp/nospf.eml" "$tmp/many.eml" "$tmp/nomx.eml"
ok "eight drafts on four threads: all linted" count_is ": score " 8
ok "eight drafts on four threads: the same SPF findings each time" count_is "\[dns-spf\]" 4
ok "eight drafts on four threads: the same MX findings each time" count_is "\[dns-mx\]" 2
ok "eight drafts on four threads: no note" lacks ": note: "

# --- bad settings ---------------------------------------------------------------
run "$SPAMLINT" --online --dns-server=not-an-address "$tmp/good.eml"
ok "--dns-server that is not an address: exit 2" status_is 2
ok "--dns-server that is not an address: said" grep -q "not-an-address" "$tmp/err"
run "$SPAMLINT" --online --dns-server="$SERVER" --sending-ip=192.0.2.300 "$tmp/good.eml"
ok "--sending-ip that is not an IP: exit 2" status_is 2
run "$SPAMLINT" --online --dns-server="$SERVER" --dnsbl-zone="bad zone" "$tmp/good.eml"
ok "--dnsbl-zone that is not a name: exit 2" status_is 2

# --- a server that does not answer ------------------------------------------------
run "$SPAMLINT" --no-spelling --transactional "$tmp/good.eml"
offline_status=$status
run "$SPAMLINT" --online --dns-server="127.0.0.1:$closed" --dkim-selector=mail --sending-ip=192.0.2.1 \
    --no-spelling --transactional "$tmp/good.eml"
ok "unreachable server: the lint completes" has "good.eml: score"
ok "unreachable server: exit as without --online" status_is "$offline_status"
ok "unreachable server: a note per check" has "good.eml:3:1: note: the SPF record of good.test could not be checked.*\[dns-spf\]"
ok "unreachable server: DMARC note" has "note: the DMARC record of good.test could not be checked.*\[dns-dmarc\]"
ok "unreachable server: DKIM note" has "note: the DKIM key at mail._domainkey.good.test could not be checked.*\[dns-dkim\]"
ok "unreachable server: MX note" has "note: the MX records of good.test could not be checked.*\[dns-mx\]"
ok "unreachable server: blocklists note" has "note: the blocklists .* could not be checked.*\[dnsbl-listed\]"
ok "unreachable server: no error from the online rules" sh -c "! grep -E 'error: .*\[(dns-[a-z]+|dnsbl-listed)\]' '$tmp/out'"
ok "unreachable server: within a few seconds" test "$took" -le 6

# a server that receives the queries and never answers: dnsmasq stopped
kill -STOP "$server_pid"
online --dkim-selector=mail --sending-ip=192.0.2.1 "$tmp/good.eml"
ok "silent server: the lint completes" has "good.eml: score"
ok "silent server: exit as without --online" status_is "$offline_status"
ok "silent server: notes say no answer in time" has "note: the SPF record of good.test could not be checked: the DNS server did not answer in time"
ok "silent server: within a few seconds" test "$took" -le 7
online -j 4 --sending-ip=192.0.2.1 "$tmp/good.eml" "$tmp/nospf.eml" "$tmp/many.eml" \
    "$tmp/nomx.eml" "$tmp/signed.eml" "$tmp/links.html"
ok "silent server, six drafts: all complete" count_is ": score " 6
ok "silent server, six drafts: within a few seconds" test "$took" -le 7
kill -CONT "$server_pid"

# --- network access -------------------------------------------------------------
if command -v strace > /dev/null 2>&1 && strace -f -o /dev/null true 2> /dev/null; then
    # the online options, but not --online: no socket at all
    strace -f -e trace=network -o "$tmp/trace" "$SPAMLINT" --dns-server="$SERVER" --dkim-selector=mail \
        --sending-ip=192.0.2.1 --no-spelling -j 2 "$tmp/signed.eml" "$tmp/links.html" "$tmp/nospf.eml" \
        > "$tmp/out" 2> "$tmp/err"
    status=$? took=0
    ok "without --online: linted" count_is ": score " 3
    ok "without --online: no online finding" no_online_findings
    ok "without --online: no socket opened (strace)" sh -c "! grep -qE '(socket|connect|sendto|sendmsg|sendmmsg)\(' '$tmp/trace'"
    # with --online: every query goes to 127.0.0.1 only
    strace -f -e trace=network -o "$tmp/trace" "$SPAMLINT" --online --dns-server="$SERVER" \
        --dnsbl-zone=bl.test --uribl-zone=dbl.test --dkim-selector=mail --sending-ip=192.0.2.1 \
        "$tmp/signed.eml" "$tmp/links.html" > "$tmp/out" 2> "$tmp/err"
    status=$? took=0
    ok "with --online: the queries were sent (strace)" grep -q "inet_addr(\"127.0.0.1\")" "$tmp/trace"
    ok "with --online: no address outside 127.0.0.0/8 (strace)" sh -c "! grep -o 'inet_addr(\"[0-9.]*\")\|inet_pton(AF_INET6[^)]*)' '$tmp/trace' | grep -v 'inet_addr(\"127\.'"
else
    echo "SKIP: strace is missing or cannot trace here: no network test"
fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
