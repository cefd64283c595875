#!/usr/bin/env bash
# Builds the production jar and checks that `java -jar` serves the login page (on a throw-away data folder).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -ntp -q -Pproduction -DskipTests package
jar=$(ls target/outage-desk-*.jar | head -1)
data=$(mktemp -d)
port=18080
java -jar "$jar" --server.port=$port --outagedesk.data-dir="$data" > "$data/app.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$data"' EXIT
for _ in $(seq 1 120); do
  if curl -fs "http://localhost:$port/login" >/dev/null 2>&1; then
    if grep -q "production mode" "$data/app.log"; then
      echo "smoke: the production jar serves the login page (production mode)"
      exit 0
    fi
    echo "smoke: the jar did not start in Vaadin production mode" >&2
    exit 1
  fi
  sleep 1
done
echo "smoke: the production jar did not answer within 120 s" >&2
tail -50 "$data/app.log" >&2
exit 1
