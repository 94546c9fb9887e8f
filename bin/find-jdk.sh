# Sourced by the scripts in bin/ and by .ci/run: finds a JDK 25 or newer and exports JAVA_HOME.
# Order: $JAVA_HOME, then `java` on the PATH, then the JDKs installed under /usr/lib/jvm.

keras4j_java_feature() {  # prints the feature release of the JDK at $1 (e.g. 25), or nothing
  local home="$1"
  [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || return 0
  "$home/bin/java" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}

keras4j_find_jdk() {
  local candidates=() home v
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  for home in /usr/lib/jvm/*; do [ -d "$home" ] && candidates+=("$home"); done
  for home in "${candidates[@]}"; do
    v=$(keras4j_java_feature "$home")
    if [ -n "$v" ] && [ "$v" -ge 25 ]; then
      export JAVA_HOME="$home"
      return 0
    fi
  done
  echo "keras4j needs a JDK 25 or newer and found none." >&2
  echo "Looked at: JAVA_HOME=${JAVA_HOME:-<unset>}, 'java' on the PATH, and /usr/lib/jvm/*." >&2
  echo "Install one (e.g. Temurin 25) and set JAVA_HOME to it." >&2
  return 1
}
