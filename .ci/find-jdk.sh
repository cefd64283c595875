# Sourced by .ci/run and bench/run.sh: exports JAVA_HOME as a JDK 21 or newer (Vaadin 25 and Spring Boot 4 need
# it) and puts it first on PATH. Keeps JAVA_HOME when it is one already; else the default java when it is new
# enough; else the newest under /usr/lib/jvm.
java_major() { "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}' | cut -d. -f1; }
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && [ "$(java_major "$JAVA_HOME/bin/java")" -ge 21 ]; then
  :
elif command -v java >/dev/null 2>&1 && [ "$(java_major "$(command -v java)")" -ge 21 ]; then
  export JAVA_HOME="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
else
  found=""
  for candidate in /usr/lib/jvm/*; do
    if [ -x "$candidate/bin/java" ] && [ "$(java_major "$candidate/bin/java")" -ge 21 ]; then
      found="$candidate"
    fi
  done
  if [ -z "$found" ]; then
    echo "No JDK 21+ found (default java is $(java -version 2>&1 | head -1)); install one under /usr/lib/jvm." >&2
    exit 1
  fi
  export JAVA_HOME="$found"
fi
export PATH="$JAVA_HOME/bin:$PATH"
echo "JAVA_HOME=$JAVA_HOME ($(java -version 2>&1 | head -1))"
