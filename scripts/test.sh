#!/usr/bin/env bash
# The test command: unit tests, then the integration tests (REST, grant, account console in Chromium)
# against a real Keycloak 26.7.3 distribution with the freshly built JAR.
set -euo pipefail
cd "$(dirname "$0")/.."
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
start=$(date +%s)
mvn -B verify "$@"
echo "Test suite wall time: $(( $(date +%s) - start )) s"
