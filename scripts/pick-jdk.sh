# Sourced by ./alimi, bench/run and .ci/run: sets JAVA_HOME to a JDK 21 or newer, or fails clearly.
_alimi_java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -1; }

alimi_pick_jdk() {
  local candidates=() c v
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  candidates+=(/usr/lib/jvm/temurin-25-jdk-amd64)
  if command -v javac >/dev/null 2>&1; then candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")"); fi
  for c in /usr/lib/jvm/*; do [ -d "$c" ] && candidates+=("$c"); done
  for c in "${candidates[@]}"; do
    [ -x "$c/bin/javac" ] || continue
    v="$(_alimi_java_major "$c")"
    if [ -n "$v" ] && [ "${v%%.*}" -ge 21 ] 2>/dev/null; then export JAVA_HOME="$c"; return 0; fi
  done
  echo "alimi: needs a JDK 21 or newer (set JAVA_HOME to one, or install one, e.g. 'apt-get install openjdk-21-jdk' or Temurin 21+)." >&2
  return 1
}
