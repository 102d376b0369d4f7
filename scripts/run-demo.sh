#!/usr/bin/env bash
# Builds the extension, fetches Keycloak (pom.xml keycloak.dist.version) from Maven Central, installs the JAR, imports the demo
# realm and runs Keycloak on the embedded dev database at http://localhost:8080. Ctrl-C stops it.
set -euo pipefail
cd "$(dirname "$0")/.."
KC_VERSION=$(scripts/keycloak-version.sh)
HTTP_PORT=${HTTP_PORT:-8080}
MGMT_PORT=${MGMT_PORT:-9000}
HOME_DIR=target/demo/keycloak-$KC_VERSION
step() { printf '\n==> %s\n' "$*"; }

step "Building the extension JAR (Maven, front end with the machine's npm)"
mvn -q -B -DskipTests package
JAR=$(ls target/keycloak-access-keys-*.jar | grep -v sources | head -1)
echo "    $JAR"

if [ ! -x "$HOME_DIR/bin/kc.sh" ]; then
  step "Fetching keycloak-quarkus-dist $KC_VERSION from Maven Central"
  mvn -q -B dependency:copy -Dartifact=org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip -DoutputDirectory=target/demo
  unzip -q -o target/demo/keycloak-quarkus-dist-$KC_VERSION.zip -d target/demo
fi

step "Installing the extension and the demo realm"
rm -f "$HOME_DIR"/providers/keycloak-access-keys-*.jar
cp "$JAR" "$HOME_DIR/providers/"
mkdir -p "$HOME_DIR/data/import"
cp demo/demo-realm.json "$HOME_DIR/data/import/"

step "Starting Keycloak (start-dev, embedded H2) — log: target/demo/keycloak.log"
export KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin
"$HOME_DIR/bin/kc.sh" start-dev --import-realm --http-port="$HTTP_PORT" --http-management-port="$MGMT_PORT" \
  --health-enabled=true > target/demo/keycloak.log 2>&1 &
KC_PID=$!
stop() { echo; echo "Stopping Keycloak (pid $KC_PID)"; kill "$KC_PID" 2>/dev/null || true; wait "$KC_PID" 2>/dev/null || true; exit 0; }
trap stop INT TERM

printf '    waiting for http://localhost:%s/health/ready ' "$MGMT_PORT"
for i in $(seq 1 180); do
  if curl -fs "http://localhost:$MGMT_PORT/health/ready" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$KC_PID" 2>/dev/null; then echo; echo "Keycloak exited; last log lines:"; tail -40 target/demo/keycloak.log; exit 1; fi
  printf '.'; sleep 1
done
curl -fs "http://localhost:$MGMT_PORT/health/ready" >/dev/null || { echo " not ready after 180 s"; stop; }
echo " ready"

KC=http://localhost:$HTTP_PORT
cat <<INFO

Keycloak $KC_VERSION with Keycloak Access Keys is running.
  Admin console:    $KC/admin/   (admin / admin)
  Account console:  $KC/realms/demo/account/   (alice / alice, bob / bob) -> "Access keys"
  Self-service API: $KC/realms/demo/access-keys

Try it:
  TOKEN=\$(curl -s $KC/realms/demo/protocol/openid-connect/token -d grant_type=password \\
      -d client_id=access-keys-cli -d username=alice -d password=alice | jq -r .access_token)
  curl -s -X POST $KC/realms/demo/access-keys -H "Authorization: Bearer \$TOKEN" \\
      -H 'Content-Type: application/json' -d '{"name":"my first key","scopes":["profile"]}'
  curl -s $KC/realms/demo/protocol/openid-connect/token -d grant_type=urn:access-keys:grant-type:access-key \\
      -d client_id=access-keys-cli -d key_id=<id> -d key_secret=<secret>

Press Ctrl-C to stop.
INFO
wait "$KC_PID"
