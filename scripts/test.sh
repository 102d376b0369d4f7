#!/usr/bin/env bash
# The test command: unit tests and every integration test (REST, grant, demo realm, account console in
# Chromium) against a real Keycloak 26.7.3 distribution with the freshly built JAR on H2; then the REST
# and grant suites, the races and the secret-exposure check (which reads the hash column there) again on PostgreSQL
# and on MariaDB (fresh databases, see prepare-databases.sh). Last, the production-deployment suite (-Pcluster): two
# Keycloak distribution nodes (kc.sh build + start --optimized) on PostgreSQL as a cluster, restart, kill -9 and JAR
# upgrade; its measured figures (revoke on one node -> refusal on the other, start times) go to target/cluster-figures.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
suite() { local name=$1; shift; local t=$(date +%s); echo "==> suite $name"; mvn -B "$@"; echo "==> suite $name passed in $(( $(date +%s) - t )) s"; }
start=$(date +%s)
suite "H2 (all tests)" verify
./scripts/prepare-databases.sh
DB_ITS=(-Dskip.theme=true -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=AccessKeysRestIT,AccessKeyGrantIT,RaceIT,SecretExposureIT)
suite "PostgreSQL" -Ppostgres verify "${DB_ITS[@]}"
suite "MariaDB" -Pmariadb verify "${DB_ITS[@]}"
rm -f target/cluster-figures.txt
suite "Cluster, durability, upgrade (PostgreSQL, two nodes)" -Pcluster verify -Dskip.theme=true -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
cat target/cluster-figures.txt
echo "Test suite wall time: $(( $(date +%s) - start )) s"
