#!/usr/bin/env bash
# The test command: unit tests and every integration test (REST, grant, demo realm, account console in
# Chromium) against a real Keycloak distribution (pom.xml keycloak.dist.version) with the freshly built JAR on H2; then the REST
# and grant suites, the races, the secret-exposure check (which reads the hash column there), key-ID case, introspection and
# Keycloak-admin-API checks again on PostgreSQL
# and on MariaDB (fresh databases, see prepare-databases.sh). Last, the production-deployment suite (-Pcluster): two
# Keycloak distribution nodes (kc.sh build + start --optimized) on PostgreSQL as a cluster, restart, kill -9 and JAR
# upgrade; its measured figures (revoke on one node -> refusal on the other, start times) go to target/cluster-figures.txt.
#
# Output: one line per suite (counts and time), then a last line "N passed, N failed" (", N skipped" if any).
# Everything else goes to files: Maven's output of each suite to target/test-logs/<suite>.log, its test reports to
# target/test-logs/<suite>/, the servers' logs to target/keycloak-server.log (H2/PostgreSQL/MariaDB suites, one
# file, appended) and target/cluster/<node>.log, the test framework's own log to target/test-framework.log.
# A failed suite prints its failed tests, the server log lines those tests caused and the tail of its Maven output.
set -uo pipefail
cd "$(dirname "$0")/.."
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
LOGS=target/test-logs
rm -rf "$LOGS"
mkdir -p "$LOGS"
passed=0 failed=0 skipped=0 status=0

# counts of the JUnit XML reports in the given directories: "tests failures errors skipped"
count_reports() {
  local t=0 f=0 e=0 s=0 file head
  for file in "$@"; do
    [ -f "$file" ] || continue
    head=$(grep -m1 -o '<testsuite [^>]*>' "$file") || continue
    t=$(( t + $(sed -n 's/.* tests="\([0-9]*\)".*/\1/p' <<<"$head") ))
    f=$(( f + $(sed -n 's/.* failures="\([0-9]*\)".*/\1/p' <<<"$head") ))
    e=$(( e + $(sed -n 's/.* errors="\([0-9]*\)".*/\1/p' <<<"$head") ))
    s=$(( s + $(sed -n 's/.* skipped="\([0-9]*\)".*/\1/p' <<<"$head") ))
  done
  echo "$t $f $e $s"
}

# suite NAME SLUG MAVEN-ARGS...: runs one Maven invocation, output to $LOGS/SLUG.log, prints one line
suite() {
  local name=$1 slug=$2; shift 2
  local log="$LOGS/$slug.log" t0 rc secs t f e s p fl line
  rm -rf target/surefire-reports target/failsafe-reports
  t0=$(date +%s)
  mvn -B "$@" >"$log" 2>&1
  rc=$?
  secs=$(( $(date +%s) - t0 ))
  mkdir -p "$LOGS/$slug"
  cp -r target/surefire-reports target/failsafe-reports "$LOGS/$slug/" 2>/dev/null
  read -r t f e s < <(count_reports "$LOGS/$slug"/*-reports/TEST-*.xml)
  fl=$(( f + e ))
  if [ "$rc" -ne 0 ] && [ "$fl" -eq 0 ]; then fl=1; fi   # the build failed before or outside a test
  p=$(( t - f - e - s ))
  passed=$(( passed + p )) failed=$(( failed + fl )) skipped=$(( skipped + s ))
  line="suite $name: $p passed, $fl failed"
  [ "$s" -gt 0 ] && line+=", $s skipped"
  echo "$line in ${secs} s"
  if [ "$rc" -ne 0 ]; then
    status=1
    echo "---- $name failed (exit $rc); Maven output: $log; reports: $LOGS/$slug/"
    grep -E '^\[ERROR\] (Tests run:.*FAIL|  [^ ])' "$log" | head -40
    # what ServerLogOnFailure printed for each failed test (the server log lines written while it ran)
    awk '/^\[(INFO|ERROR|WARNING)\]/{on=0} /^FAILED /{on=1; n=0} on{print; if (++n >= 120) on=0}' "$log" | head -400
    echo "---- last 40 lines of $log"
    tail -n 40 "$log"
    echo "----"
  fi
}

start=$(date +%s)
# The test framework unpacks Keycloak into /tmp/kc-test-framework (a fixed path) and keeps its H2 database there
# between runs; a database left by another build (other changesets, other checksums) stops every start of the server.
# Each run starts from a clean installation.
rm -rf /tmp/kc-test-framework
suite "H2 (unit and all integration tests)" h2 verify
if ./scripts/prepare-databases.sh >"$LOGS/prepare-databases.log" 2>&1; then
  DB_OPTS=(-Dskip.theme=true -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false)
  DB_ITS=AccessKeysRestIT,AccessKeyGrantIT,RaceIT,SecretExposureIT,KeyIdCaseIT,IntrospectionIT,AdminApiIT
  # PostgreSQL also runs the search (its prefix indexes exist only there) and the OpenAPI check
  suite "PostgreSQL" postgres -Ppostgres verify "${DB_OPTS[@]}" -Dit.test=$DB_ITS,SearchIT,OpenApiIT
  suite "MariaDB" mariadb -Pmariadb verify "${DB_OPTS[@]}" -Dit.test=$DB_ITS
  rm -f target/cluster-figures.txt
  suite "Cluster, durability, upgrade (PostgreSQL, two nodes)" cluster -Pcluster verify -Dskip.theme=true -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
  [ -f target/cluster-figures.txt ] && echo "cluster figures: target/cluster-figures.txt"
else
  echo "suite databases: prepare-databases.sh failed, PostgreSQL/MariaDB/cluster suites not run (log: $LOGS/prepare-databases.log)"
  tail -n 20 "$LOGS/prepare-databases.log"
  failed=$(( failed + 1 )) status=1
fi
echo "wall time $(( $(date +%s) - start )) s; logs in $LOGS/"
summary="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && summary+=", $skipped skipped"
echo "$summary"
exit "$status"
