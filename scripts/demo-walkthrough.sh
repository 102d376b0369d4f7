#!/usr/bin/env bash
# Walks the whole life cycle against the demo realm started by ./scripts/run-demo.sh, with curl:
# alice creates, lists, patches, disables, enables, rotates, exchanges, revokes and deletes a key;
# the realm admin creates a key for bob and changes the policy. Exits non-zero on the first surprise.
set -euo pipefail
KC=${KC:-http://localhost:8080}
json() { node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const v=JSON.parse(s);const r=process.argv[1].split(".").reduce((o,k)=>o==null?o:o[k],v);console.log(typeof r==="object"?JSON.stringify(r):r)})' "$1"; }
expect() { local want=$1 got=$2 what=$3; if [ "$want" != "$got" ]; then echo "FAIL: $what: expected $want, got $got"; exit 1; fi; echo "ok   $what"; }
call() { curl -s -o /tmp/ak-body -w '%{http_code}' "$@"; }

token() { curl -s "$KC/realms/$1/protocol/openid-connect/token" -d grant_type=password -d client_id="$2" \
  -d username="$3" -d password="$4" | json access_token; }

ALICE=$(token demo access-keys-cli alice alice)
AUTH=(-H "Authorization: Bearer $ALICE")
JSONH=(-H 'Content-Type: application/json')

code=$(call -X POST "$KC/realms/demo/access-keys" "${AUTH[@]}" "${JSONH[@]}" -d '{"name":"walkthrough","scopes":["profile"],"clients":["access-keys-cli"]}')
expect 201 "$code" "alice creates a key"
ID=$(json id < /tmp/ak-body); SECRET=$(json secret < /tmp/ak-body)
echo "     key $ID"
code=$(call "$KC/realms/demo/access-keys" "${AUTH[@]}"); expect 200 "$code" "alice lists her keys"
grep -q "$ID" /tmp/ak-body && ! grep -q "$SECRET" /tmp/ak-body && echo "ok   list shows the key, not the secret"
code=$(call -X PATCH "$KC/realms/demo/access-keys/$ID" "${AUTH[@]}" "${JSONH[@]}" -d '{"description":"patched by curl"}')
expect 200 "$code" "alice patches it"
code=$(call -X PATCH "$KC/realms/demo/access-keys/$ID" "${AUTH[@]}" "${JSONH[@]}" -d '{"enabled":false}')
expect disabled "$(json status < /tmp/ak-body)" "alice disables it"
code=$(call -X PATCH "$KC/realms/demo/access-keys/$ID" "${AUTH[@]}" "${JSONH[@]}" -d '{"enabled":true}')
expect active "$(json status < /tmp/ak-body)" "alice enables it"
code=$(call -X POST "$KC/realms/demo/access-keys/$ID/rotate" "${AUTH[@]}"); expect 200 "$code" "alice rotates it"
NEW=$(json secret < /tmp/ak-body)
grant() { call "$KC/realms/demo/protocol/openid-connect/token" -d grant_type=urn:access-keys:grant-type:access-key \
  -d client_id=access-keys-cli -d key_id="$ID" -d key_secret="$1"; }
expect 400 "$(grant "$SECRET")" "the old secret no longer works"
expect 200 "$(grant "$NEW")" "the new secret gets a token"
echo "     scope: $(json scope < /tmp/ak-body)"
code=$(call -X POST "$KC/realms/demo/access-keys/$ID/revoke" "${AUTH[@]}"); expect revoked "$(json status < /tmp/ak-body)" "alice revokes it"
expect 400 "$(grant "$NEW")" "a revoked key gets invalid_grant"
expect invalid_grant "$(json error < /tmp/ak-body)" "error code"
code=$(call -X DELETE "$KC/realms/demo/access-keys/$ID" "${AUTH[@]}"); expect 204 "$code" "alice deletes it"

ADMIN=$(token master admin-cli admin admin)
AAUTH=(-H "Authorization: Bearer $ADMIN")
BOB_ID=$(curl -s "$KC/admin/realms/demo/users?username=bob&exact=true" "${AAUTH[@]}" | json 0.id)
code=$(call -X POST "$KC/admin/realms/demo/access-keys" "${AAUTH[@]}" "${JSONH[@]}" -d "{\"userId\":\"$BOB_ID\",\"name\":\"made by admin\"}")
expect 201 "$code" "the admin creates a key for bob"
BOB_KEY=$(json id < /tmp/ak-body)
code=$(call -X PUT "$KC/admin/realms/demo/access-keys/policy" "${AAUTH[@]}" "${JSONH[@]}" -d '{"maxKeysPerUser":5,"maxLifetimeDays":90}')
expect 200 "$code" "the admin changes the policy"
expect 90 "$(json maxLifetimeDays < /tmp/ak-body)" "policy stored"
code=$(call -X DELETE "$KC/admin/realms/demo/access-keys/$BOB_KEY" "${AAUTH[@]}"); expect 204 "$code" "the admin deletes bob's key"
code=$(call -X PUT "$KC/admin/realms/demo/access-keys/policy" "${AAUTH[@]}" "${JSONH[@]}" -d '{}'); expect 200 "$code" "policy back to defaults"
echo "walkthrough passed"
