# Sourced by ./optagent and .ci/run: exports JAVA_HOME pointing at a JDK >= 21 and JDK_MAJOR.
# Order: $JAVA_HOME if it is new enough, then `java` on the PATH, then JDKs under /usr/lib/jvm and /opt.
jdk_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}' | cut -d. -f1
}
optagent_find_jdk() {
  local candidates=()
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  local dir
  for dir in /usr/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/*; do
    [ -x "$dir/bin/javac" ] && candidates+=("$dir")
  done
  local best="" best_major=0 candidate major
  for candidate in "${candidates[@]}"; do
    [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
    major=$(jdk_major "$candidate")
    [ -n "$major" ] || continue
    if [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then best="$candidate"; best_major="$major"; fi
  done
  if [ -z "$best" ]; then
    echo "optagent: no JDK 21 or newer found (looked at JAVA_HOME, the PATH and /usr/lib/jvm)." >&2
    echo "Install one, e.g. 'apt-get install -y openjdk-21-jdk' or Temurin 21+ from https://adoptium.net, or set JAVA_HOME." >&2
    exit 3
  fi
  export JAVA_HOME="$best" JDK_MAJOR="$best_major"
}
optagent_find_jdk
