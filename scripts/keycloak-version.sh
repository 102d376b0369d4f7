#!/usr/bin/env bash
# Prints the Keycloak version the project runs on: the Maven property keycloak.dist.version of pom.xml (the one
# place it is written; docker/Dockerfile's default and the tests are checked against it by KeycloakVersionTest).
# Read with sed rather than `mvn help:evaluate`, which takes seconds.
set -euo pipefail
sed -n 's:.*<keycloak\.dist\.version>\([^<]*\)</keycloak\.dist\.version>.*:\1:p' "$(dirname "$0")/../pom.xml" | head -1
