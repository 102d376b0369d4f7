#!/usr/bin/env bash
# Benchmark: the access-key grant against Keycloak's own grants, and key management at scale.
# Starts one Keycloak (pom.xml keycloak.dist.version; embedded dev-file DB, loopback only) with the extension, prepares a realm
# "bench" through the admin REST API, drives every grant with the same concurrency and duration from
# bench/LoadDriver.java (its own plain HTTP/1.1 keep-alive client), and writes target/benchmark/results.md.
#
#   flock /tmp/kc-it.lock ./scripts/benchmark.sh                  # H2 (dev-file), the default
#   flock /tmp/kc-it.lock ./scripts/benchmark.sh --db postgres    # PostgreSQL 127.0.0.1:5432 (as the test suite),
#                                                                 # plus the search over 1 000 000 keys
#   flock /tmp/kc-hostnet.lock ./scripts/benchmark.sh --db postgres --nodes 2
#                                     # two clustered nodes on one PostgreSQL (as the -Pcluster suite): both driven
#                                     # in turn, and revocation on A -> refusal on B under that load (bench/two-nodes.sh)
# Options: --db h2|postgres; --search-keys N (PostgreSQL only: bulk-insert keys by SQL until the realm holds N,
#   then time the admin searches; default 1000000 on PostgreSQL, 0 = skip); --cold-keys N [10000] keys of
#   --cold-users N [1000] users for the cold run (every key used round robin, so exchanges miss the verified-key
#   cache; COLD_WARMUP_KEYS [5000] other keys are exchanged once each in every JIT warm-up round, to compile that path);
#   --nodes 1|2 [1] (2 needs --db postgres: two clustered nodes, see bench/two-nodes.sh; its own runs only);
#   --revoke-samples N [400] (--nodes 2: revocations measured under load, after REVOKE_WARMUP [20] unmeasured ones);
#   --quick: tiny numbers for a smoke test of the script itself (figures meaningless).
#
# Knobs (env): CONCURRENCY [16], WARMUP [5] s, DURATION [20] s, HIGH_CONCURRENCY [64],
#   BULK_KEYS [100000], BULK_USERS [1000], BULK_CONCURRENCY [16], BULK_TIME_LIMIT [480] s,
#   WARMUP_ROUND [30] s per grant, WARMUP_ROUNDS_MAX [4] and WARMUP_JIT_SETTLED [5] % (warm-up rounds repeat until
#   the JIT compiler took less than that share of a round), HTTP_PORT [8180], MGMT_PORT [9100], SKIP_BUILD [unset],
#   with --nodes 2: HTTP_PORT_B [8181], MGMT_PORT_B [9101], CLUSTER_PORT [7900], CLUSTER_PORT_B [7901],
#   PROFILE [unset; 1 = record a JFR profile of Keycloak into target/benchmark/keycloak.jfr].
set -euo pipefail
cd "$(dirname "$0")/.."
KC_VERSION=$(scripts/keycloak-version.sh)
DB=h2 SEARCH_KEYS= QUICK= COLD_KEYS=${COLD_KEYS:-10000} COLD_USERS=${COLD_USERS:-1000} COLD_WARMUP_KEYS=${COLD_WARMUP_KEYS:-5000} NODES=1 REVOKE_SAMPLES=${REVOKE_SAMPLES:-400} REVOKE_WARMUP=${REVOKE_WARMUP:-20}
while [ $# -gt 0 ]; do
  case "$1" in
    --db) DB=$2; shift 2 ;;
    --search-keys) SEARCH_KEYS=$2; shift 2 ;;
    --cold-keys) COLD_KEYS=$2; shift 2 ;;
    --cold-users) COLD_USERS=$2; shift 2 ;;
    --nodes) NODES=$2; shift 2 ;;
    --revoke-samples) REVOKE_SAMPLES=$2; shift 2 ;;
    --quick) export WARMUP=1 WARMUP_ROUND=1 WARMUP_ROUNDS_MAX=1 DURATION=3 BULK_KEYS=${BULK_KEYS:-300} BULK_USERS=${BULK_USERS:-30} \
               BULK_TIME_LIMIT=60 HIGH_CONCURRENCY=16; COLD_KEYS=300 COLD_USERS=30 COLD_WARMUP_KEYS=100; REVOKE_SAMPLES=30; REVOKE_WARMUP=5; QUICK=1; shift ;;
    *) echo "unknown option $1 (see the top of $0)"; exit 2 ;;
  esac
done
case "$DB" in
  h2) SEARCH_KEYS=${SEARCH_KEYS:-0}; [ "$SEARCH_KEYS" = 0 ] || { echo "--search-keys needs --db postgres"; exit 2; } ;;
  postgres) if [ -n "$QUICK" ]; then SEARCH_KEYS=${SEARCH_KEYS:-20000}; else SEARCH_KEYS=${SEARCH_KEYS:-1000000}; fi ;;
  *) echo "--db h2 or --db postgres"; exit 2 ;;
esac
case "$NODES" in
  1) ;;
  2) [ "$DB" = postgres ] || { echo "--nodes 2 needs --db postgres (the nodes share one database, as a cluster does)"; exit 2; } ;;
  *) echo "--nodes 1 or --nodes 2"; exit 2 ;;
esac
PG_DB=${PG_DB:-access_keys_bench}
psql_bench() { psql -X -q -At -h 127.0.0.1 -U postgres -d "$PG_DB" "$@"; }
CONCURRENCY=${CONCURRENCY:-16}
WARMUP=${WARMUP:-5}
WARMUP_ROUND=${WARMUP_ROUND:-30}
WARMUP_ROUNDS_MAX=${WARMUP_ROUNDS_MAX:-4}
WARMUP_JIT_SETTLED=${WARMUP_JIT_SETTLED:-5}
DURATION=${DURATION:-20}
HIGH_CONCURRENCY=${HIGH_CONCURRENCY:-64}
BULK_KEYS=${BULK_KEYS:-100000}
BULK_USERS=${BULK_USERS:-1000}
BULK_CONCURRENCY=${BULK_CONCURRENCY:-16}
BULK_TIME_LIMIT=${BULK_TIME_LIMIT:-480}
HTTP_PORT=${HTTP_PORT:-8180}
MGMT_PORT=${MGMT_PORT:-9100}
HTTP_PORT_B=${HTTP_PORT_B:-8181}
MGMT_PORT_B=${MGMT_PORT_B:-9101}
CLUSTER_PORT=${CLUSTER_PORT:-7900}
CLUSTER_PORT_B=${CLUSTER_PORT_B:-7901}
OUT=target/benchmark
HOME_DIR=$OUT/keycloak-$KC_VERSION
KC=http://127.0.0.1:$HTTP_PORT
KC_B=http://127.0.0.1:$HTTP_PORT_B
HOME_DIR_B=$OUT/keycloak-$KC_VERSION-node-b
REALM=bench
TOKEN_URL=$KC/realms/$REALM/protocol/openid-connect/token
RESULTS=$OUT/results.tsv
REPORT=$OUT/results.md
BENCH_START=$(date +%s)
step() { printf '\n==> [%s] %s\n' "$(date -u +%H:%M:%S)" "$*"; }
mkdir -p "$OUT"

if [ -z "${SKIP_BUILD:-}" ]; then
  step "Building the extension JAR (mvn -DskipTests -Dskip.theme=true package)"
  mvn -q -B -DskipTests -Dskip.theme=true package
fi
JAR=$(ls target/keycloak-access-keys-*.jar | grep -v sources | head -1)
echo "    $JAR"

step "Compiling the load driver (bench/LoadDriver.java)"
rm -rf "$OUT/driver" && mkdir -p "$OUT/driver"
javac -d "$OUT/driver" bench/LoadDriver.java
driver() { java -Xmx512m -cp "$OUT/driver" LoadDriver "$@"; }

step "Unpacking Keycloak $KC_VERSION into $HOME_DIR (a fresh installation)"
ZIP=$OUT/keycloak-quarkus-dist-$KC_VERSION.zip
if [ ! -f "$ZIP" ]; then
  mvn -q -B dependency:copy -Dartifact=org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip -DoutputDirectory="$OUT"
fi
rm -rf "$HOME_DIR" "$HOME_DIR_B"
unzip -q -o "$ZIP" -d "$OUT"
cp "$JAR" "$HOME_DIR/providers/"

if [ "$DB" = postgres ]; then
  step "Fresh PostgreSQL database $PG_DB (127.0.0.1:5432)"
  psql -X -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS $PG_DB" -c "CREATE DATABASE $PG_DB"
  KC_DB_OPTS=(--db=postgres "--db-url=jdbc:postgresql://127.0.0.1:5432/$PG_DB" --db-username=postgres --db-password=unused-trust-auth)
  KC_BUILD_DB=postgres DB_LABEL="PostgreSQL $(psql -X -At -h 127.0.0.1 -U postgres -d postgres -c 'show server_version' | cut -d' ' -f1)"
else
  KC_DB_OPTS=(--db=dev-file) KC_BUILD_DB=dev-file DB_LABEL="embedded dev-file (H2)"
fi

step "kc.sh build ($KC_BUILD_DB database, health)"
"$HOME_DIR/bin/kc.sh" build --db=$KC_BUILD_DB --health-enabled=true > "$OUT/kc-build.log" 2>&1 \
  || { tail -40 "$OUT/kc-build.log"; exit 1; }

export KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin
if [ -n "${PROFILE:-}" ]; then
  export JAVA_OPTS_APPEND="-XX:FlightRecorderOptions=stackdepth=256 -XX:StartFlightRecording=filename=$PWD/$OUT/keycloak.jfr,settings=profile,dumponexit=true"
fi
KC_START_OPTS=(start --optimized "${KC_DB_OPTS[@]}" --http-enabled=true --hostname-strict=false --http-host=127.0.0.1 --health-enabled=true)
# Two nodes: Keycloak's default cluster (Infinispan, jdbc-ping discovery through the shared database) on loopback,
# as the -Pcluster suite's KeycloakNode starts them; node B runs from a copy of the built installation (own data/).
cluster_opts() { echo "--cache-embedded-network-bind-address=127.0.0.1 --cache-embedded-network-bind-port=$1 --spi-cache-embedded-default-node-name=$2"; }
KC_PID= KC_PID_B= SAMPLER_PID=
cleanup() {
  [ -n "$SAMPLER_PID" ] && kill "$SAMPLER_PID" 2>/dev/null || true
  for pid in $KC_PID_B $KC_PID; do
    if kill -0 "$pid" 2>/dev/null; then
      echo; echo "Stopping Keycloak (pid $pid)"
      kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
    fi
  done
}
trap cleanup EXIT
trap 'exit 130' INT TERM
# wait_ready PID MGMT_PORT LOG
wait_ready() {
  printf '    waiting for http://127.0.0.1:%s/health/ready ' "$2"
  local i
  for i in $(seq 1 240); do
    if curl -fs "http://127.0.0.1:$2/health/ready" >/dev/null 2>&1; then echo " ready after ${i}s"; return 0; fi
    if ! kill -0 "$1" 2>/dev/null; then echo; echo "Keycloak exited; last log lines:"; tail -40 "$3"; exit 1; fi
    if (( i % 10 == 0 )); then printf '%ss' "$i"; else printf '.'; fi
    sleep 1
  done
  echo " not ready after 240 s"; exit 1
}
if [ "$NODES" = 2 ]; then
  cp -a "$HOME_DIR" "$HOME_DIR_B"
  step "Starting node A on $KC and node B on $KC_B, clustered (logs: $OUT/keycloak.log, $OUT/keycloak-b.log)"
  # shellcheck disable=SC2046
  "$HOME_DIR/bin/kc.sh" "${KC_START_OPTS[@]}" --http-port="$HTTP_PORT" --http-management-port="$MGMT_PORT" \
    $(cluster_opts "$CLUSTER_PORT" node-a) > "$OUT/keycloak.log" 2>&1 &
  KC_PID=$!
  wait_ready "$KC_PID" "$MGMT_PORT" "$OUT/keycloak.log"
  # shellcheck disable=SC2046
  "$HOME_DIR_B/bin/kc.sh" "${KC_START_OPTS[@]}" --http-port="$HTTP_PORT_B" --http-management-port="$MGMT_PORT_B" \
    $(cluster_opts "$CLUSTER_PORT_B" node-b) > "$OUT/keycloak-b.log" 2>&1 &
  KC_PID_B=$!
  wait_ready "$KC_PID_B" "$MGMT_PORT_B" "$OUT/keycloak-b.log"
  printf '    waiting for a cluster view of 2 nodes in both logs '
  for i in $(seq 1 60); do
    if grep -qE 'ISPN000094: .*\(2\) \[' "$OUT/keycloak.log" && grep -qE 'ISPN000094: .*\(2\) \[' "$OUT/keycloak-b.log"; then break; fi
    [ "$i" = 60 ] && { echo " no cluster view of 2 nodes after 60 s"; exit 1; }
    printf '.'; sleep 1
  done
  echo " $(grep -oE 'ISPN000094: .*\(2\) \[[^]]*\]' "$OUT/keycloak-b.log" | tail -1 | sed 's/.*(2) //')"
else
  step "Starting Keycloak on $KC (log: $OUT/keycloak.log)"
  "$HOME_DIR/bin/kc.sh" "${KC_START_OPTS[@]}" --http-port="$HTTP_PORT" --http-management-port="$MGMT_PORT" > "$OUT/keycloak.log" 2>&1 &
  KC_PID=$!
  wait_ready "$KC_PID" "$MGMT_PORT" "$OUT/keycloak.log"
fi

# ---------------------------------------------------------------- helpers
master_token() {
  curl -fsS "$KC/realms/master/protocol/openid-connect/token" -d grant_type=password -d client_id=admin-cli \
    -d username=admin -d password=admin | jq -r .access_token
}
bench_admin_token() {
  curl -fsS "$TOKEN_URL" -d grant_type=client_credentials -d client_id=bench-admin -d client_secret=bench-admin-secret \
    | jq -r .access_token
}
# api METHOD PATH [JSON] -> body on stdout; fails on HTTP >= 400
api() {
  local method=$1 path=$2 data=${3:-}
  if [ -n "$data" ]; then
    curl -fsS -X "$method" "$KC/admin/realms$path" -H "Authorization: Bearer $(master_token)" \
      -H 'Content-Type: application/json' -d "$data"
  else
    curl -fsS -X "$method" "$KC/admin/realms$path" -H "Authorization: Bearer $(master_token)"
  fi
}

# ---------------------------------------------------------------- realm
step "Creating realm '$REALM' through the admin REST API"
USERS_JSON=$(for n in $(seq -w 1 "$BULK_USERS"); do printf '{"username":"bulk%s","enabled":true,"email":"bulk%s@example.org","emailVerified":true,"firstName":"Bulk","lastName":"%s"},' "$n" "$n" "$n"; done)
api POST "" "$(cat <<JSON
{
  "realm": "$REALM", "enabled": true,
  "users": [
    ${USERS_JSON}
    { "username": "bench-user", "enabled": true, "email": "bench@example.org", "emailVerified": true,
      "firstName": "Bench", "lastName": "User",
      "credentials": [ { "type": "password", "value": "bench-password", "temporary": false } ] }
  ],
  "clients": [
    { "clientId": "bench-cli", "enabled": true, "publicClient": true, "standardFlowEnabled": false,
      "directAccessGrantsEnabled": true, "attributes": { "access.key.grant.enabled": "true" } },
    { "clientId": "bench-password-cli", "enabled": true, "publicClient": true, "standardFlowEnabled": false,
      "directAccessGrantsEnabled": true },
    { "clientId": "bench-service", "enabled": true, "publicClient": false, "secret": "bench-service-secret",
      "standardFlowEnabled": false, "directAccessGrantsEnabled": false, "serviceAccountsEnabled": true },
    { "clientId": "bench-app-password", "enabled": true, "publicClient": true, "standardFlowEnabled": false,
      "directAccessGrantsEnabled": true, "attributes": { "access.key.grant.enabled": "true" },
      "authenticationFlowBindingOverrides": { "direct_grant": "bench-app-password-flow" },
      "protocolMappers": [ { "name": "access key limits", "protocol": "openid-connect",
        "protocolMapper": "access-key-limits-mapper",
        "config": { "access.token.claim": "true", "introspection.token.claim": "true" } } ] }
  ],
  "authenticationFlows": [
    { "id": "bench-app-password-flow", "alias": "bench-app-password-flow", "providerId": "basic-flow",
      "topLevel": true, "builtIn": false,
      "authenticationExecutions": [ { "authenticator": "access-key-authenticator", "requirement": "REQUIRED",
        "priority": 10, "authenticatorFlow": false, "userSetupAllowed": false } ] }
  ]
}
JSON
)" >/dev/null
# A confidential client whose service account administers the realm (creates the bulk keys, times the lists).
api POST "/$REALM/clients" '{"clientId":"bench-admin","enabled":true,"publicClient":false,"secret":"bench-admin-secret","standardFlowEnabled":false,"serviceAccountsEnabled":true}' >/dev/null
ADMIN_CID=$(api GET "/$REALM/clients?clientId=bench-admin" | jq -r '.[0].id')
RM_CID=$(api GET "/$REALM/clients?clientId=realm-management" | jq -r '.[0].id')
SA_ID=$(api GET "/$REALM/clients/$ADMIN_CID/service-account-user" | jq -r .id)
ROLE=$(api GET "/$REALM/clients/$RM_CID/roles/realm-admin")
api POST "/$REALM/users/$SA_ID/role-mappings/clients/$RM_CID" "[$ROLE]" >/dev/null
api PUT "/$REALM/access-keys/policy" '{"maxKeysPerUser":10000}' >/dev/null
USER_ID=$(api GET "/$REALM/users?username=bench-user&exact=true" | jq -r '.[0].id')
echo "    realm ready; bench-user = $USER_ID"

step "Creating keys for bench-user: 1 key + 100 keys (admin REST API)"
: > "$OUT/one-key.form"; : > "$OUT/hundred-keys.form"; : > "$OUT/app-password.form"
new_key() { api POST "/$REALM/access-keys" "{\"userId\":\"$USER_ID\",\"name\":\"$1\"}"; }
K=$(new_key "warm-up key")
WARMUP_KEY_ID=$(jq -r .id <<<"$K")
printf 'grant_type=urn:access-keys:grant-type:access-key&client_id=bench-cli&key_id=%s&key_secret=%s\n' \
  "$(jq -r .id <<<"$K")" "$(jq -r .secret <<<"$K")" > "$OUT/warmup-key.form"
K=$(new_key "single key")
ONE_KEY_ID=$(jq -r .id <<<"$K")
printf 'grant_type=urn:access-keys:grant-type:access-key&client_id=bench-cli&key_id=%s&key_secret=%s\n' \
  "$ONE_KEY_ID" "$(jq -r .secret <<<"$K")" > "$OUT/one-key.form"
for n in $(seq 1 100); do
  # master's admin tokens live 60 s; on a loaded machine 100 creates can take longer
  if (( n % 20 == 1 )); then TOKEN=$(master_token); fi
  K=$(curl -fsS -X POST "$KC/admin/realms/$REALM/access-keys" -H "Authorization: Bearer $TOKEN" \
    -H 'Content-Type: application/json' -d "{\"userId\":\"$USER_ID\",\"name\":\"key $n\"}")
  ID=$(jq -r .id <<<"$K"); SECRET=$(jq -r .secret <<<"$K")
  printf 'grant_type=urn:access-keys:grant-type:access-key&client_id=bench-cli&key_id=%s&key_secret=%s\n' "$ID" "$SECRET" >> "$OUT/hundred-keys.form"
  printf 'grant_type=password&client_id=bench-app-password&username=%s&password=%s\n' "$ID" "$SECRET" >> "$OUT/app-password.form"
done
echo 'grant_type=client_credentials&client_id=bench-service&client_secret=bench-service-secret' > "$OUT/client-credentials.form"
# The password grant has its own client: the sessions it stores would otherwise sit on the key-grant client, and
# Keycloak looks a client's persistent client sessions up for every transient session too (JFR showed an H2
# scan over bench-cli's client sessions taking ~17 % of the key grant when both shared one client).
echo 'grant_type=password&client_id=bench-password-cli&username=bench-user&password=bench-password' > "$OUT/password.form"
# smoke test every body once
for f in one-key hundred-keys client-credentials password app-password; do
  code=$(curl -s -o "$OUT/smoke-$f.json" -w '%{http_code}' "$TOKEN_URL" --data "$(head -1 "$OUT/$f.form")")
  [ "$code" = 200 ] || { echo "    smoke test $f failed: $code $(cat "$OUT/smoke-$f.json")"; exit 1; }
done
echo "    all five grants answer 200"
if [ "$NODES" = 2 ]; then
  # shellcheck source=bench/two-nodes.sh
  . bench/two-nodes.sh
  exit 0
fi

# ---------------------------------------------------------------- cold keys (made now, used after the warm runs)
# Made before any measured run: creating ~15 000 keys through the admin API exercises the database code that
# client_credentials (Keycloak looks up a stored client session per token) and the cold pass share; done between
# measured runs, it sped client_credentials up by 40 % from one run to the next (534 -> 751 req/s, 2026-11-29).
api GET "/$REALM/users?username=bulk&max=100000" | jq -r '.[] | select(.username | startswith("bulk")) | .id' > "$OUT/bulk-users.txt"
step "Cold keys: $COLD_KEYS keys of $COLD_USERS users (admin REST), and $COLD_WARMUP_KEYS others for the cold path's JIT warm-up"
head -n "$COLD_USERS" "$OUT/bulk-users.txt" > "$OUT/cold-users.txt"
read -r WARM_COLD_CREATED WARM_COLD_ERRORS WARM_COLD_SECONDS < <(driver create-keys "$KC" "$REALM" bench-admin bench-admin-secret \
  "$OUT/cold-users.txt" "$COLD_WARMUP_KEYS" "$BULK_CONCURRENCY" "$BULK_TIME_LIMIT" "cold warm-up key " bench-cli "$OUT/cold-warmup-keys.form" | tail -1)
echo "    created $WARM_COLD_CREATED warm-up keys in ${WARM_COLD_SECONDS}s ($WARM_COLD_ERRORS errors)"
read -r COLD_CREATED COLD_ERRORS COLD_SECONDS < <(driver create-keys "$KC" "$REALM" bench-admin bench-admin-secret \
  "$OUT/cold-users.txt" "$COLD_KEYS" "$BULK_CONCURRENCY" "$BULK_TIME_LIMIT" "cold key " bench-cli "$OUT/cold-keys.form" | tail -1)
echo "    created $COLD_CREATED keys in ${COLD_SECONDS}s ($COLD_ERRORS errors)"

# ---------------------------------------------------------------- grants
: > "$RESULTS"
load() { driver load "$1" "$TOKEN_URL" "$2" "$WARMUP" "$DURATION" "$OUT/$3.form" "$RESULTS"; }
sessions_of_bench_user() {
  local t; t=$(bench_admin_token)
  local online offline
  online=$(curl -fsS "$KC/admin/realms/$REALM/users/$USER_ID/sessions" -H "Authorization: Bearer $t" | jq length)
  offline=$(curl -fsS "$KC/admin/realms/$REALM/users/$USER_ID/offline-sessions/$(api GET "/$REALM/clients?clientId=bench-cli" | jq -r '.[0].id')" -H "Authorization: Bearer $t" | jq length)
  echo $((online + offline))
}
# Key-table writes: the only write the grant does is the last-use stamp (lastUsedAt/lastUsedIp). A sampler
# lists bench-user's keys every second during the key-grant runs; each distinct (key, lastUsedAt) value seen
# that was not already there before the runs (baseline) is one write. Interval between samples 1 s, the
# extension writes at most once a minute per key, so two writes of one key cannot hide in one sample.
snapshot_last_use() {
  local t; t=$(bench_admin_token) || true
  curl -fsS "$KC/admin/realms/$REALM/access-keys?userId=$USER_ID&max=1000" -H "Authorization: Bearer $t" \
    | jq -r --arg w "$WARMUP_KEY_ID" '.[] | select(.lastUsedAt != null and .id != $w) | "\(.id) \(.lastUsedAt)"' 2>/dev/null || true
}
sampler() {
  while true; do snapshot_last_use >> "$OUT/lastused-samples.txt"; sleep 1; done
}

# A fresh JVM compiles as it goes: the run that comes first would pay for it. Warm every path up first
# (unmeasured; the key grant with its own warm-up key so the measured keys' last-use writes stay visible).
# The cold path (a key read from the database, its last-use stamp written behind) is code the warm runs never run:
# each warm-up round ends with a pass over other keys, each exchanged once (the measured cold keys stay unseen by
# the node); the next round's grants take longer than the verified-key cache's max age (60 s), so each round's pass
# reads its keys from the database again. Keycloak's JIT compiler goes on for minutes (over 400 s of compile time
# after 11 minutes, 2026-11-29, taking ~10 % of the machine during measured runs), so rounds repeat, up to
# WARMUP_ROUNDS_MAX, until the JIT compiler took less than WARMUP_JIT_SETTLED % of the machine's CPU time in a round
# (jstat -compiler: compile time summed over the compiler threads, over the round's time x cores).
# (kc.sh runs Keycloak's JVM as its child: the JVM is the child of KC_PID)
jit_compile_seconds() { jstat -compiler "$(pgrep -P "$KC_PID" java | head -1)" 2>/dev/null | awk 'NR == 2 {print $4}' || true; }
WARMUP_ROUNDS_DONE=0 JIT_SHARE=n/a
while [ "$WARMUP_ROUNDS_DONE" -lt "$WARMUP_ROUNDS_MAX" ]; do
  WARMUP_ROUNDS_DONE=$((WARMUP_ROUNDS_DONE + 1))
  step "JIT warm-up round $WARMUP_ROUNDS_DONE (of at most $WARMUP_ROUNDS_MAX): every grant for ${WARMUP_ROUND}s and $WARM_COLD_CREATED cold keys, unmeasured"
  ROUND_T0=$(date +%s.%N) JIT_T0=$(jit_compile_seconds)
  for f in warmup-key client-credentials password app-password; do
    driver load "warm-up $f" "$TOKEN_URL" "$CONCURRENCY" "$WARMUP_ROUND" 1 "$OUT/$f.form" "$OUT/warmup.tsv"
  done
  driver load "warm-up cold path ($WARM_COLD_CREATED keys)" "$TOKEN_URL" "$CONCURRENCY" "$WARMUP" $((DURATION * 3)) \
    "$OUT/cold-warmup-keys.form" "$OUT/warmup.tsv" "$WARM_COLD_CREATED" "$OUT/warmup-key.form"
  JIT_T1=$(jit_compile_seconds) ROUND_T1=$(date +%s.%N)
  if [ -z "$JIT_T0" ] || [ -z "$JIT_T1" ]; then
    echo "    (jstat could not read the server's JIT statistics: no further rounds)"; JIT_SHARE=n/a; break
  fi
  JIT_SHARE=$(awk -v a="$JIT_T0" -v b="$JIT_T1" -v s="$ROUND_T0" -v e="$ROUND_T1" -v n="$(nproc)" 'BEGIN {printf "%.1f", 100 * (b - a) / (e - s) / n}')
  echo "    JIT compile time in this round: $(awk -v a="$JIT_T0" -v b="$JIT_T1" 'BEGIN {printf "%.1f", b - a}') s in $(awk -v s="$ROUND_T0" -v e="$ROUND_T1" 'BEGIN {printf "%.0f", e - s}') s on $(nproc) cores (${JIT_SHARE} % of the machine; settled below $WARMUP_JIT_SETTLED %); $JIT_T1 s since the start"
  awk -v j="$JIT_SHARE" -v t="$WARMUP_JIT_SETTLED" 'BEGIN {exit !(j < t)}' && break
done
SESSIONS_BEFORE=$(sessions_of_bench_user)
MEASURED_T0=$(date +%s) MEASURED_JIT_T0=$(jit_compile_seconds)
step "Load: concurrency $CONCURRENCY, warm-up ${WARMUP}s, measured ${DURATION}s per run"
: > "$OUT/lastused-samples.txt"
snapshot_last_use | sort -u > "$OUT/lastused-baseline.txt"
sampler & SAMPLER_PID=$!
# PostgreSQL's own count of rows written to the key table (the statistics are flushed within a second or so)
# The last-use stamps are written behind, every 5 s (lastUseFlushSeconds), and a PostgreSQL backend reports its
# statistics up to 10 s after its last transaction: wait for both. Updates and deletes only (the grant inserts
# nothing; keys created just before a run would otherwise be counted in it).
pg_key_writes() { sleep 16; psql_bench -c "select n_tup_upd + n_tup_del from pg_stat_user_tables where relname = 'access_key'"; }
[ "$DB" = postgres ] && PG_WRITES_T0=$(pg_key_writes)
KEYGRANT_T0=$(date +%s)
load "key grant (1 key)" "$CONCURRENCY" one-key
load "key grant (100 keys)" "$CONCURRENCY" hundred-keys
KEYGRANT_T1=$(date +%s)
sleep 2; kill "$SAMPLER_PID" 2>/dev/null || true; wait "$SAMPLER_PID" 2>/dev/null || true; SAMPLER_PID=
SESSIONS_AFTER_KEYGRANT=$(sessions_of_bench_user)
snapshot_last_use >> "$OUT/lastused-samples.txt"
sort -u "$OUT/lastused-samples.txt" | comm -23 - "$OUT/lastused-baseline.txt" > "$OUT/lastused-writes.txt"
KEY_WRITES=$(wc -l < "$OUT/lastused-writes.txt")
KEYS_WRITTEN=$(awk '{print $1}' "$OUT/lastused-writes.txt" | sort -u | wc -l)
MAX_WRITES_PER_KEY=$(awk '{print $1}' "$OUT/lastused-writes.txt" | sort | uniq -c | sort -rn | head -1 | awk '{print $1+0}')
KEYGRANT_SECONDS=$((KEYGRANT_T1 - KEYGRANT_T0))
[ "$DB" = postgres ] && PG_WRITES=$(( $(pg_key_writes) - PG_WRITES_T0 ))

load "client_credentials" "$CONCURRENCY" client-credentials
load "password grant" "$CONCURRENCY" password
load "app password (direct grant)" "$CONCURRENCY" app-password
SESSIONS_AFTER_ALL=$(sessions_of_bench_user)

# The server keeps getting faster for minutes (JIT, caches), so a run's place in the order weighs on its figure.
# The key-grant/client-credentials comparison is run a second time in the reverse order; the ratios use the mean of
# the two rounds, which cancels a steady drift.
step "Load, round 2 in reverse order: client_credentials, key grant (100 keys), key grant (1 key)"
load "client_credentials, round 2" "$CONCURRENCY" client-credentials
load "key grant (100 keys), round 2" "$CONCURRENCY" hundred-keys
load "key grant (1 key), round 2" "$CONCURRENCY" one-key

step "Load: $HIGH_CONCURRENCY concurrent clients, key grant over 100 keys"
load "key grant, $HIGH_CONCURRENCY clients" "$HIGH_CONCURRENCY" hundred-keys

# ---------------------------------------------------------------- cold keys
# One pass: every cold key is exchanged exactly once (the run ends after $COLD_CREATED requests, or DURATION), so every
# measured exchange finds its key in no node cache and reads it from the database; req/s over the pass's own time.
# The usual warm-up before it (the load driver is a fresh JVM, its connections new) sends the warm-up key instead.
# client_credentials right before and right after it: the ratio uses their mean (the server's speed still drifts).
step "Cold: $COLD_CREATED keys each exchanged once, between two client_credentials runs"
load "client_credentials, before the cold run" "$CONCURRENCY" client-credentials
[ "$DB" = postgres ] && PG_WRITES_COLD_T0=$(pg_key_writes)
driver load "key grant, cold ($COLD_CREATED keys)" "$TOKEN_URL" "$CONCURRENCY" "$WARMUP" "$DURATION" "$OUT/cold-keys.form" "$RESULTS" \
  "$COLD_CREATED" "$OUT/warmup-key.form"
[ "$DB" = postgres ] && PG_WRITES_COLD=$(( $(pg_key_writes) - PG_WRITES_COLD_T0 ))
load "client_credentials, after the cold run" "$CONCURRENCY" client-credentials
COLD_PASS_END=$(date +%s)
# The same keys again once the node's copies are older than the verified-key cache's max age (60 s): every exchange
# again reads its key from the database and writes its stamp (the last one is > 1 minute old), but the keys have
# been used before - a machine that calls every few minutes. The first pass also paid each row's first stamp, which
# makes the row longer (PostgreSQL then mostly cannot update it in place on its page, see operations.md).
IDLE_WAIT=$(( COLD_PASS_END + 62 - $(date +%s) )); [ "$IDLE_WAIT" -gt 0 ] && sleep "$IDLE_WAIT"
[ "$DB" = postgres ] && PG_WRITES_COLD2_T0=$(pg_key_writes)
driver load "key grant, cold again (same keys, idle > 60 s)" "$TOKEN_URL" "$CONCURRENCY" "$WARMUP" "$DURATION" "$OUT/cold-keys.form" "$RESULTS" \
  "$COLD_CREATED" "$OUT/warmup-key.form"
[ "$DB" = postgres ] && PG_WRITES_COLD2=$(( $(pg_key_writes) - PG_WRITES_COLD2_T0 ))
load "client_credentials, after the second cold run" "$CONCURRENCY" client-credentials
MEASURED_T1=$(date +%s) MEASURED_JIT_T1=$(jit_compile_seconds)
MEASURED_JIT=$(awk -v a="${MEASURED_JIT_T0:-0}" -v b="${MEASURED_JIT_T1:-0}" -v s="$MEASURED_T0" -v e="$MEASURED_T1" \
  -v n="$(nproc)" 'BEGIN {printf "%.1f s in %d s (%.1f %% of the machine)", b - a, e - s, 100 * (b - a) / (e - s) / n}')
echo "    JIT compile time from the first measured run to the last cold run: $MEASURED_JIT"

# ---------------------------------------------------------------- management
step "Management: creating $BULK_KEYS keys over $BULK_USERS users (admin REST, $BULK_CONCURRENCY parallel, limit ${BULK_TIME_LIMIT}s)"
read -r BULK_CREATED BULK_ERRORS BULK_SECONDS < <(driver create-keys "$KC" "$REALM" bench-admin bench-admin-secret \
  "$OUT/bulk-users.txt" "$BULK_KEYS" "$BULK_CONCURRENCY" "$BULK_TIME_LIMIT" | tail -1)
TOTAL_KEYS=$((BULK_CREATED + COLD_CREATED + WARM_COLD_CREATED + 102))
echo "    created $BULK_CREATED keys in ${BULK_SECONDS}s ($BULK_ERRORS errors); realm holds $TOTAL_KEYS keys"

# time_get NAME QUERY: 1 untimed + 10 timed GETs, median and max in ms
time_get() {
  local t; t=$(bench_admin_token)
  curl -fsS -o /dev/null "$KC/admin/realms/$REALM/access-keys?$2" -H "Authorization: Bearer $t"
  local times=()
  for i in $(seq 1 10); do
    times+=("$(curl -fsS -o "$OUT/last-list.json" -w '%{time_total}' "$KC/admin/realms/$REALM/access-keys?$2" -H "Authorization: Bearer $t")")
  done
  local n; n=$(jq length "$OUT/last-list.json")
  printf '%s\n' "${times[@]}" | sort -n | awk -v name="$1" -v q="$2" -v n="$n" \
    '{a[NR]=$1*1000} END {printf "%s\t%s\t%.1f\t%.1f\t%d\n", name, q, a[int((NR+1)/2)], a[NR], n}'
}
step "Management: timing admin list pages over $TOTAL_KEYS keys (median of 10)"
{
  time_get "list page" "first=0&max=50"
  time_get "deep list page" "first=50000&max=50"
  time_get "filtered search" "search=bulk%20key%2042&status=active&first=0&max=50"
  time_get "user's keys" "userId=$(head -1 "$OUT/bulk-users.txt")&status=active&first=0&max=50"
} > "$OUT/management.tsv"
column -t -s $'\t' "$OUT/management.tsv" | sed 's/^/    /'

# ---------------------------------------------------------------- search at scale (PostgreSQL)
: > "$OUT/search.tsv"
SEARCH_TOTAL=$TOTAL_KEYS
if [ "$DB" = postgres ] && [ "$SEARCH_KEYS" -gt "$TOTAL_KEYS" ]; then
  ADD=$((SEARCH_KEYS - TOTAL_KEYS))
  step "Search at scale: inserting $ADD keys by SQL over the $BULK_USERS bulk users (realm then holds $SEARCH_KEYS), VACUUM (ANALYZE)"
  REALM_ID=$(psql_bench -c "select id from realm where name = '$REALM'")
  NOW_MS=$(date +%s%3N)
  T0=$(date +%s)
  # Rows as the extension writes them (ACCESS_KEY, changeset 20261124); the secrets are unknown, the searches need none.
  # Key IDs are random, as the extension makes them ("ak_" + 22 characters from the SHA-256 of the row number).
  psql_bench -v ON_ERROR_STOP=1 <<SQL
CREATE TEMP TABLE bulk_owner AS
  SELECT row_number() OVER (ORDER BY username) - 1 AS n, id FROM user_entity WHERE realm_id = '$REALM_ID' AND username LIKE 'bulk%';
INSERT INTO access_key (id, realm_id, user_id, name, description, secret_hash, enabled, created_at)
  SELECT 'ak_' || left(translate(encode(sha256(('id-' || g)::bytea), 'base64'), '+/=', 'xyz'), 22), '$REALM_ID', o.id, 'scale key ' || g, 'inserted for the search benchmark',
         encode(sha256(('scale-' || g)::bytea), 'hex'), true, $NOW_MS - $ADD + g
  FROM generate_series(1, $ADD) g JOIN bulk_owner o ON o.n = g % (SELECT count(*) FROM bulk_owner);
SQL
  # What autovacuum does after a bulk insert on a default PostgreSQL 13+ (autovacuum_vacuum_insert_threshold): marks
  # the new pages all-visible (index-only scans need that) and gathers statistics. This machine's PostgreSQL runs
  # with autovacuum off, so the script does it itself, and says how long it took.
  T1=$(date +%s)
  psql_bench -v ON_ERROR_STOP=1 -c "VACUUM (ANALYZE) access_key"
  SEARCH_VACUUM_SECONDS=$(( $(date +%s) - T1 ))
  SEARCH_INSERT_SECONDS=$((T1 - T0))
  SEARCH_TOTAL=$(psql_bench -c "select count(*) from access_key where realm_id = '$REALM_ID'")
  echo "    inserted in $((T1 - T0))s, VACUUM (ANALYZE) ${SEARCH_VACUUM_SECONDS}s; the realm holds $SEARCH_TOTAL keys"
  N1=$(( ADD * 42 / 100 )); N1=${N1:-1}
  OWNER_ID=$(head -1 "$OUT/bulk-users.txt")
  OWNER=$(psql_bench -c "select username from user_entity where id = '$OWNER_ID'")
  OWNER_KEYS=$(psql_bench -c "select count(*) from access_key where user_id = '$OWNER_ID'")
  KEY_ID=$(psql_bench -c "select id from access_key where name = 'scale key $N1'")
  ID_PREFIX_1=${KEY_ID:0:4}; ID_PREFIX_2=${KEY_ID:0:5}
  ID_MATCHES_1=$(psql_bench -c "select count(*) from access_key where realm_id = '$REALM_ID' and id like '${ID_PREFIX_1/_/\\_}%'")
  ID_MATCHES_2=$(psql_bench -c "select count(*) from access_key where realm_id = '$REALM_ID' and id like '${ID_PREFIX_2/_/\\_}%'")
  step "Search at scale: admin searches over $SEARCH_TOTAL keys (median of 10)"
  {
    time_get "name prefix, 1 match" "search=scale%20key%20$N1&first=0&max=50"
    time_get "name prefix, ~100 matches" "search=scale%20key%20${N1:0:${#N1}-2}&first=0&max=50"
    time_get "name prefix, ~10 000 matches" "search=scale%20key%20${N1:0:${#N1}-4}&first=0&max=50"
    time_get "key ID" "search=$KEY_ID&first=0&max=50"
    time_get "key-ID prefix, 1 character ($ID_MATCHES_1 keys)" "search=$ID_PREFIX_1&first=0&max=50"
    time_get "key-ID prefix, 2 characters ($ID_MATCHES_2 keys)" "search=$ID_PREFIX_2&first=0&max=50"
    time_get "owner username ($OWNER_KEYS keys)" "search=$OWNER&first=0&max=50"
    time_get "owner username, active" "search=$OWNER&status=active&first=0&max=50"
    time_get "list page" "first=0&max=50"
  } > "$OUT/search.tsv"
  column -t -s $'\t' "$OUT/search.tsv" | sed 's/^/    /'
  # the plans PostgreSQL picks for the ~10 000-match name prefix, as the extension sends the queries: the realm's
  # 5 000 newest keys first (too few matches there), then the newest matches of each arm of the term (name prefix,
  # key-ID prefix; no user has that name), then the page's keys by ID (for the reader)
  CUTOFF=$(psql_bench -c "select created_at from access_key where realm_id = '$REALM_ID' order by created_at desc offset 4999 limit 1")
  TERM="scale key ${N1:0:${#N1}-4}"
  WHERE="k.realm_id = '$REALM_ID' AND (lower(k.name) LIKE '$TERM%' ESCAPE '\\' OR k.id LIKE '$TERM%' ESCAPE '\\')"
  psql_bench -c "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT * FROM access_key k WHERE $WHERE AND k.created_at >= $CUTOFF ORDER BY k.created_at DESC, k.id LIMIT 50" \
    -c "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT k.id, k.created_at FROM access_key k WHERE k.realm_id = '$REALM_ID' AND lower(k.name) LIKE '$TERM%' ESCAPE '\\' ORDER BY (k.created_at + 0) DESC, k.id LIMIT 50" \
    -c "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT k.id, k.created_at FROM access_key k WHERE k.realm_id = '$REALM_ID' AND k.id LIKE '$TERM%' ESCAPE '\\' ORDER BY (k.created_at + 0) DESC, k.id LIMIT 50" \
    > "$OUT/search-plan.txt"
fi

# ---------------------------------------------------------------- report
rps() { awk -F'\t' -v n="$1" '$1==n {print $3}' "$RESULTS"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a/b; else print "n/a" }'; }
mean() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", (a + b) / 2 }'; }
KG1=$(mean "$(rps "key grant (1 key)")" "$(rps "key grant (1 key), round 2")")
KG100=$(mean "$(rps "key grant (100 keys)")" "$(rps "key grant (100 keys), round 2")")
COLD_NAME="key grant, cold ($COLD_CREATED keys)"
# each cold pass against the mean of the client_credentials runs right before and right after it
KGC=$(rps "$COLD_NAME"); CC_COLD=$(mean "$(rps "client_credentials, before the cold run")" "$(rps "client_credentials, after the cold run")")
KGC2=$(rps "key grant, cold again (same keys, idle > 60 s)")
CC_COLD2=$(mean "$(rps "client_credentials, after the cold run")" "$(rps "client_credentials, after the second cold run")")
COLD_REQUESTS=$(awk -F'\t' -v n="$COLD_NAME" '$1==n {print $2}' "$RESULTS")
COLD_SHARE=$(awk -v k="$COLD_CREATED" -v r="$COLD_REQUESTS" 'BEGIN { if (r > 0) printf "%.0f %%", 100 * (k < r ? k : r) / r; else print "n/a" }')
CC=$(mean "$(rps "client_credentials")" "$(rps "client_credentials, round 2")"); PW=$(rps "password grant")
HIGH_ERRORS=$(awk -F'\t' -v n="key grant, $HIGH_CONCURRENCY clients" '$1==n {print $6}' "$RESULTS")
LIST_MS=$(awk -F'\t' '$1=="list page" {print $3}' "$OUT/management.tsv")
pass() { if awk "BEGIN {exit !($1)}"; then echo "met"; else echo "**missed**"; fi; }

{
  echo "# Keycloak Access Keys — benchmark"
  echo
  echo "Run $(date -u '+%Y-%m-%d %H:%M UTC') on $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/ {print $2}') GB RAM;"
  echo "$(java -version 2>&1 | head -1); Keycloak $KC_VERSION, \`start --optimized\`, $DB_LABEL database; load driver on loopback."
  echo "Every run: concurrency $CONCURRENCY (unless stated), ${WARMUP}s warm-up, ${DURATION}s measured; closed loop."
  echo "All keys of the cold runs were made before any measured run. Before the first measured run every grant was driven"
  echo "${WARMUP_ROUND}s unmeasured and $WARM_COLD_CREATED other keys were exchanged once each (a JIT warm-up round, with the cold path),"
  echo "in $WARMUP_ROUNDS_DONE round(s): rounds repeat (at most $WARMUP_ROUNDS_MAX) until the JIT compiler takes < $WARMUP_JIT_SETTLED % of the machine in one (last round: $JIT_SHARE %)."
  echo "The JIT compiler then still took $MEASURED_JIT from the first measured run to the end of the cold runs."
  echo "A sampler (1 admin list + 1 client-credentials token per second) runs during the first two key-grant runs."
  echo "Ratios to client_credentials use the mean req/s of two rounds run in opposite orders (round 1, then round 2 reversed)."
  echo
  echo "| run | requests | req/s | p50 ms | p99 ms | errors |"
  echo "|---|---:|---:|---:|---:|---:|"
  awk -F'\t' '{printf "| %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6}' "$RESULTS"
  echo
  echo "| ratio / check | value | target | |"
  echo "|---|---:|---|---|"
  echo "| mean req/s of both rounds: key grant 1 key / 100 keys / client_credentials | $KG1 / $KG100 / $CC | | |"
  echo "| key grant (1 key) / client_credentials (warm) | $(ratio "$KG1" "$CC") | ≥ 1.0 | $(pass "$(ratio "$KG1" "$CC") >= 1.0") |"
  echo "| key grant (100 keys) / client_credentials (warm) | $(ratio "$KG100" "$CC") | ≥ 1.0 | $(pass "$(ratio "$KG100" "$CC") >= 1.0") |"
  echo "| key grant cold, first use ($COLD_CREATED new keys, $COLD_SHARE of exchanges cold) / client_credentials (mean of the runs before and after it) | $(ratio "$KGC" "$CC_COLD") | ≥ 0.9 | $(pass "$(ratio "$KGC" "$CC_COLD") >= 0.9") |"
  echo "| key grant cold, used before (the same keys, idle > 60 s) / client_credentials (mean of the runs before and after it) | $(ratio "$KGC2" "$CC_COLD2") | ≥ 0.9 | $(pass "$(ratio "$KGC2" "$CC_COLD2") >= 0.9") |"
  echo "| key grant (1 key) / password grant | $(ratio "$KG1" "$PW") | ≥ 20 | $(pass "$(ratio "$KG1" "$PW") >= 20") |"
  echo "| key grant (100 keys) / password grant | $(ratio "$KG100" "$PW") | ≥ 20 | $(pass "$(ratio "$KG100" "$PW") >= 20") |"
  echo "| bench-user sessions: before → after key-grant runs → after all runs | $SESSIONS_BEFORE → $SESSIONS_AFTER_KEYGRANT → $SESSIONS_AFTER_ALL | 0 added by the grant | $(pass "$SESSIONS_AFTER_KEYGRANT == $SESSIONS_BEFORE") |"
  echo "| key-table writes during key-grant runs (${KEYGRANT_SECONDS}s, 101 keys used) | $KEY_WRITES writes on $KEYS_WRITTEN keys, max ${MAX_WRITES_PER_KEY:-0}/key | ≤ 1 per key per minute | $(pass "${MAX_WRITES_PER_KEY:-0} <= 1") |"
  if [ "$DB" = postgres ]; then
    echo "| key-table rows written (PostgreSQL \`pg_stat_user_tables\`) during the key-grant runs (${KEYGRANT_SECONDS}s, 101 keys) | $PG_WRITES | ≤ 101 × ⌈${KEYGRANT_SECONDS}/60⌉ | $(pass "$PG_WRITES <= 101 * int((${KEYGRANT_SECONDS} + 59) / 60)") |"
    echo "| key-table rows written during the cold run (one pass, $COLD_CREATED keys each used once, and the warm-up key) | $PG_WRITES_COLD | ≤ $((COLD_CREATED + 1)) | $(pass "$PG_WRITES_COLD <= $COLD_CREATED + 1") |"
    echo "| key-table rows written during the second cold run | $PG_WRITES_COLD2 | ≤ $((COLD_CREATED + 1)) | $(pass "$PG_WRITES_COLD2 <= $COLD_CREATED + 1") |"
  fi
  echo "| errors at $HIGH_CONCURRENCY concurrent clients | $HIGH_ERRORS | 0 | $(pass "$HIGH_ERRORS == 0") |"
  echo "| admin list page (first=0&max=50) over $TOTAL_KEYS keys | ${LIST_MS} ms | < 100 ms | $(pass "$LIST_MS < 100") |"
  echo
  echo "Management: $BULK_CREATED of $BULK_KEYS requested keys created through the admin REST API in ${BULK_SECONDS}s"
  echo "($BULK_CONCURRENCY parallel requests, $BULK_USERS users, $BULK_ERRORS errors); the realm then held $TOTAL_KEYS keys."
  echo
  echo "| admin GET /admin/realms/$REALM/access-keys | query | median ms | max ms | rows |"
  echo "|---|---|---:|---:|---:|"
  awk -F'\t' '{printf "| %s | `%s` | %s | %s | %s |\n", $1, $2, $3, $4, $5}' "$OUT/management.tsv"
  echo
  if [ -s "$OUT/search.tsv" ]; then
    echo "Search at scale: $SEARCH_TOTAL keys in the realm ($ADD of them inserted by SQL in ${SEARCH_INSERT_SECONDS}s over $BULK_USERS users, then \`VACUUM (ANALYZE)\` in ${SEARCH_VACUUM_SECONDS}s, as autovacuum would)."
    echo
    echo "| admin GET /admin/realms/$REALM/access-keys over $SEARCH_TOTAL keys | query | median ms | max ms | rows | < 50 ms median |"
    echo "|---|---|---:|---:|---:|---|"
    awk -F'\t' '{printf "| %s | `%s` | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, ($3 < 50 ? "met" : "**missed**")}' "$OUT/search.tsv"
    echo
    echo "PostgreSQL's plans for the ~10 000-match name prefix (the newest keys, then each arm of the term): \`$OUT/search-plan.txt\`."
    echo
  fi
  echo "Method. Sessions: \`GET /admin/realms/$REALM/users/{id}/sessions\` plus offline sessions of the key owner."
  echo "Key-table writes: the grant's only write is the last-use stamp; a sampler listed the owner's keys once a"
  echo "second during the key-grant runs and counted distinct (key, lastUsedAt) values not present before them"
  echo "(keys already used in set-up/warm-up had a stamp; the extension rewrites it at most once a minute). The runs last"
  echo "${KEYGRANT_SECONDS}s (< 1 minute), so \"≤ 1 per key per minute\" is checked as \"≤ 1 per key in this window\"."
  echo "Whole benchmark: $(( $(date +%s) - BENCH_START ))s."
} > "$REPORT"
step "Results ($REPORT)"
cat "$REPORT"
