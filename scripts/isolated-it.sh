#!/usr/bin/env bash
# Developer helper: runs `mvn -o verify <args>` in a private network namespace (own loopback, so the test framework's
# fixed ports 8080/9000 do not meet another run) and a private mount of /tmp/kc-test-framework (where the test
# framework unpacks Keycloak), so several checkouts on one machine can run integration tests side by side. Root only.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p target/kc-tf /tmp/kc-test-framework
exec unshare -n -m --propagation private bash -c \
  'ip link set lo up && mount --bind "$PWD/target/kc-tf" /tmp/kc-test-framework && exec mvn -o -B verify "$@"' _ "$@"
