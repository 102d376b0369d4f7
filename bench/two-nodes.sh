# Two-node part of scripts/benchmark.sh (--db postgres --nodes 2), sourced by it once node A and node B run as one
# cluster on one PostgreSQL database, the realm "bench" and its keys exist (made through node A) and every grant
# answered 200 on A. Uses the script's variables and helpers (driver, step, $OUT, $RESULTS, $REPORT, ...).
#
# 1. throughput: the key grant (1 key, 100 keys) and client_credentials, each request to A and B in turn (the
#    load driver alternates between the two token endpoints), rounds in both orders as on one node; then node A
#    alone for comparison (the same cluster, so the same work per request);
# 2. revocation -> refusal across nodes under that load: while the key-grant load runs on both nodes, a probe
#    creates a key on A, exchanges it twice on B (so B holds it in its verified-key cache), revokes it on A and
#    exchanges it on B until B refuses it; REVOKE_SAMPLES times; then again with the load paced at half the
#    two nodes' key-grant req/s (the closed loop keeps both nodes saturated, so there the refusal mostly waits its turn).

TOKEN_URL_B=$KC_B/realms/$REALM/protocol/openid-connect/token
BOTH="$TOKEN_URL,$TOKEN_URL_B"

for f in one-key hundred-keys client-credentials; do
  code=$(curl -s -o "$OUT/smoke-b-$f.json" -w '%{http_code}' "$TOKEN_URL_B" --data "$(head -1 "$OUT/$f.form")")
  [ "$code" = 200 ] || { echo "    smoke test $f on node B failed: $code $(cat "$OUT/smoke-b-$f.json")"; exit 1; }
done
echo "    node B answers the key grant and client_credentials too (keys made on A)"

step "JIT warm-up round on both nodes: key grant and client_credentials for ${WARMUP_ROUND}s each, unmeasured"
for f in warmup-key client-credentials; do
  driver load "warm-up $f, 2 nodes" "$BOTH" "$CONCURRENCY" "$WARMUP_ROUND" 1 "$OUT/$f.form" "$OUT/warmup.tsv"
done

: > "$RESULTS"
load2() { driver load "$1" "$BOTH" "$2" "$WARMUP" "$DURATION" "$OUT/$3.form" "$RESULTS"; }
step "Load on node A and node B in turn: concurrency $CONCURRENCY, warm-up ${WARMUP}s, measured ${DURATION}s per run"
load2 "key grant (1 key), 2 nodes" "$CONCURRENCY" one-key
load2 "key grant (100 keys), 2 nodes" "$CONCURRENCY" hundred-keys
load2 "client_credentials, 2 nodes" "$CONCURRENCY" client-credentials
step "Load on both nodes, round 2 in reverse order"
load2 "client_credentials, 2 nodes, round 2" "$CONCURRENCY" client-credentials
load2 "key grant (100 keys), 2 nodes, round 2" "$CONCURRENCY" hundred-keys
load2 "key grant (1 key), 2 nodes, round 2" "$CONCURRENCY" one-key
step "Load on node A alone (same cluster), for comparison"
driver load "key grant (100 keys), node A alone" "$TOKEN_URL" "$CONCURRENCY" "$WARMUP" "$DURATION" "$OUT/hundred-keys.form" "$RESULTS"
driver load "client_credentials, node A alone" "$TOKEN_URL" "$CONCURRENCY" "$WARMUP" "$DURATION" "$OUT/client-credentials.form" "$RESULTS"

# Keycloak's own refusal of a bad credential (client_credentials with a wrong client secret), sent to B in each sample
# as the first request after the key's creation on A (the key's refusal is the first after the revoke on A): the same
# kind of answer without the extension's code, under the same load, in the same position
sed 's/client_secret=[^&]*/client_secret=not-the-secret/' "$OUT/client-credentials.form" > "$OUT/keycloak-refusal.form"

step "Revocation on A -> refusal on B: $REVOKE_SAMPLES keys (after $REVOKE_WARMUP unmeasured), under the key-grant load on both nodes (concurrency $CONCURRENCY)"
read -r RV_N RV_P50 RV_P99 RV_MAX RV_STALE RV_RPS RV_ERRORS LIVE_P50 LIVE_P99 LIVE_MAX KCR_P50 KCR_P99 KCR_MAX < <(driver revoke-under-load "$BOTH" "$CONCURRENCY" \
  "$OUT/hundred-keys.form" "$KC" "$KC_B" "$REALM" bench-admin bench-admin-secret "$USER_ID" bench-cli "$REVOKE_SAMPLES" \
  "$OUT/revocation.tsv" "$REVOKE_WARMUP" 0 "$OUT/keycloak-refusal.form" | tail -1)
RV_ANSWER_P50=$(cut -f2 "$OUT/revocation.tsv" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
printf '    %s samples: refusal on B p50 %s ms, p99 %s ms, max %s ms after the revoke answered on A; %s stale answers;\n' \
  "$RV_N" "$RV_P50" "$RV_P99" "$RV_MAX" "$RV_STALE"
printf '    load meanwhile %s req/s on both nodes, %s errors; Keycloak'"'"'s own refusal on B: p50 %s ms, p99 %s ms, max %s ms\n' \
  "$RV_RPS" "$RV_ERRORS" "$KCR_P50" "$KCR_P99" "$KCR_MAX"

rps() { awk -F'\t' -v n="$1" '$1==n {print $3}' "$RESULTS"; }
mean() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", (a + b) / 2 }'; }
KG100=$(mean "$(rps "key grant (100 keys), 2 nodes")" "$(rps "key grant (100 keys), 2 nodes, round 2")")
# The closed loop above keeps both nodes saturated: every request then waits its turn behind the others, and the
# refusal's time is mostly that wait. The same probe again with the load paced at half of what both nodes served.
PACE=$(awk -v r="$KG100" 'BEGIN { printf "%.0f", r / 2 }')
step "Revocation on A -> refusal on B again, the key-grant load paced at $PACE req/s (half the two nodes' mean key-grant req/s)"
read -r PV_N PV_P50 PV_P99 PV_MAX PV_STALE PV_RPS PV_ERRORS PLIVE_P50 PLIVE_P99 PLIVE_MAX PKCR_P50 PKCR_P99 PKCR_MAX < <(driver revoke-under-load "$BOTH" "$CONCURRENCY" \
  "$OUT/hundred-keys.form" "$KC" "$KC_B" "$REALM" bench-admin bench-admin-secret "$USER_ID" bench-cli "$REVOKE_SAMPLES" \
  "$OUT/revocation-paced.tsv" "$REVOKE_WARMUP" "$PACE" "$OUT/keycloak-refusal.form" | tail -1)
printf '    %s samples: refusal on B p50 %s ms, p99 %s ms, max %s ms; %s stale answers; load %s req/s, %s errors\n' \
  "$PV_N" "$PV_P50" "$PV_P99" "$PV_MAX" "$PV_STALE" "$PV_RPS" "$PV_ERRORS"
printf '    Keycloak'"'"'s own refusal on B: p50 %s ms, p99 %s ms, max %s ms\n' "$PKCR_P50" "$PKCR_P99" "$PKCR_MAX"

# ---------------------------------------------------------------- report (two nodes)
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a/b; else print "n/a" }'; }
pass() { if awk "BEGIN {exit !($1)}"; then echo "met"; else echo "**missed**"; fi; }
KG1=$(mean "$(rps "key grant (1 key), 2 nodes")" "$(rps "key grant (1 key), 2 nodes, round 2")")
CC=$(mean "$(rps "client_credentials, 2 nodes")" "$(rps "client_credentials, 2 nodes, round 2")")
KGA=$(rps "key grant (100 keys), node A alone"); CCA=$(rps "client_credentials, node A alone")
{
  echo "# Keycloak Access Keys — benchmark, two nodes"
  echo
  echo "Run $(date -u '+%Y-%m-%d %H:%M UTC') on $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/ {print $2}') GB RAM;"
  echo "$(java -version 2>&1 | head -1); Keycloak $KC_VERSION, two nodes \`start --optimized\` on one machine, clustered"
  echo "(Infinispan, jdbc-ping) on one $DB_LABEL database; load driver on loopback, requests to node A and node B in turn."
  echo "Every run: concurrency $CONCURRENCY, ${WARMUP}s warm-up, ${DURATION}s measured; closed loop. Before the first measured run"
  echo "the key grant and client_credentials were driven ${WARMUP_ROUND}s on both nodes unmeasured (JIT warm-up round)."
  echo "Ratios use the mean req/s of two rounds run in opposite orders. Both nodes share the machine's $(nproc) cores, so"
  echo "the two together cannot be faster than one node here; the figures show what clustering costs, not how it scales."
  echo
  echo "| run | requests | req/s | p50 ms | p99 ms | errors |"
  echo "|---|---:|---:|---:|---:|---:|"
  awk -F'\t' '{printf "| %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6}' "$RESULTS"
  echo
  echo "| ratio / check | value | target | |"
  echo "|---|---:|---|---|"
  echo "| mean req/s of both rounds on both nodes: key grant 1 key / 100 keys / client_credentials | $KG1 / $KG100 / $CC | | |"
  echo "| key grant (1 key) / client_credentials, 2 nodes | $(ratio "$KG1" "$CC") | ≥ 1.0 | $(pass "$(ratio "$KG1" "$CC") >= 1.0") |"
  echo "| key grant (100 keys) / client_credentials, 2 nodes | $(ratio "$KG100" "$CC") | ≥ 1.0 | $(pass "$(ratio "$KG100" "$CC") >= 1.0") |"
  echo "| key grant (100 keys): 2 nodes / node A alone | $(ratio "$KG100" "$KGA") | | |"
  echo "| client_credentials: 2 nodes / node A alone | $(ratio "$CC" "$CCA") | | |"
  echo "| revocation on A → refusal on B under load, p50 / p99 / max ($RV_N keys) | $RV_P50 / $RV_P99 / $RV_MAX ms | p99 < 50 ms | $(pass "$RV_P99 < 50") |"
  echo "| for comparison: one exchange of the same key on B just before its revoke (live, cached), p50 / p99 / max | $LIVE_P50 / $LIVE_P99 / $LIVE_MAX ms | | |"
  echo "| for comparison: Keycloak's own refusal on B in the same samples (\`client_credentials\`, wrong client secret), p50 / p99 / max | $KCR_P50 / $KCR_P99 / $KCR_MAX ms | | |"
  echo "| revocation → refusal p99 / Keycloak's own refusal p99, closed loop | $(ratio "$RV_P99" "$KCR_P99") | | |"
  echo "| B answers that still accepted a key after its revoke had answered on A | $RV_STALE | 0 | $(pass "$RV_STALE == 0") |"
  echo "| load during the revocation probe (key grant, 100 keys, both nodes, closed loop) | $RV_RPS req/s, $RV_ERRORS errors | | |"
  echo "| revocation on A → refusal on B, load paced at $PACE req/s, p50 / p99 / max ($PV_N keys) | $PV_P50 / $PV_P99 / $PV_MAX ms | p99 < 50 ms | $(pass "$PV_P99 < 50") |"
  echo "| for comparison, paced: one exchange of the same key on B just before its revoke, p50 / p99 / max | $PLIVE_P50 / $PLIVE_P99 / $PLIVE_MAX ms | | |"
  echo "| for comparison, paced: Keycloak's own refusal on B, p50 / p99 / max | $PKCR_P50 / $PKCR_P99 / $PKCR_MAX ms | | |"
  echo "| paced: stale answers on B; load served meanwhile | $PV_STALE; $PV_RPS req/s, $PV_ERRORS errors | 0 | $(pass "$PV_STALE == 0") |"
  echo
  echo "Method. Revocation: for each sample a key is created on node A, exchanged twice on node B (B then holds it in its"
  echo "verified-key cache), revoked on A (\`POST …/access-keys/{id}/revoke\`, median answer ${RV_ANSWER_P50} ms), and exchanged on B"
  echo "again and again from the moment the revoke answered until B refuses it. The time is from the revoke's answer"
  echo "to B's first refusal, so it includes one exchange on B under load; \"stale answers\" counts B's 200s in that window"
  echo "(0 means B refused at its very first request after the revoke). All the while $CONCURRENCY clients drive the key grant over"
  echo "100 keys on both nodes in turn (closed loop: each client sends its next request when the last answered, so both"
  echo "nodes run flat out and every request waits behind the others). Then the same probe with that load paced at $PACE req/s"
  echo "(half the two nodes' mean key-grant req/s above), which the nodes serve with room to spare. $REVOKE_WARMUP samples ran"
  echo "first each time, unmeasured (the revoke and refusal paths compiled before the measured ones). B's exchanges go over one"
  echo "kept-alive plain HTTP/1.1 connection, as the load's. In each sample, right after the key's creation on A, the probe"
  echo "sends B a token request Keycloak itself refuses (\`client_credentials\` with a wrong client secret: no code of the"
  echo "extension runs), the first request on that connection after a call on A as the key's refusal is after the revoke:"
  echo "what any refusal costs on B under that load. Per-sample figures: \`$OUT/revocation.tsv\` and"
  echo "\`$OUT/revocation-paced.tsv\` (sample, revoke ms, refusal ms, stale, live exchange ms, Keycloak's refusal ms)."
  echo "Whole benchmark: $(( $(date +%s) - BENCH_START ))s."
} > "$REPORT"
step "Results ($REPORT)"
cat "$REPORT"
