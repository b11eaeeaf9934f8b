#!/usr/bin/env bash
# A single OpenSearch node on the loopback interface for the `opensearch` integration tests
# (mvn -B -ntp -Popensearch verify; docs/decisions/0021-team-workspace-on-opensearch.md).
#
#   .ci/opensearch.sh start   fetch the distribution through Maven (Maven Central), unpack it
#                             under target/opensearch/, add the analysis-common module, start one
#                             node on 127.0.0.1 and wait until _cluster/health answers
#   .ci/opensearch.sh stop    stop that node by its process id and wait until it has gone
#
# OpenSearch refuses to run as root: run as root, the script creates a system user (rehearsal-os)
# and starts the node as that user. The node's HTTP port is written to target/opensearch/port,
# its process id to target/opensearch/opensearch.pid, its log to target/opensearch/logs/.
#
# Environment: OPENSEARCH_VERSION (2.19.6; the 2.19 line is the last that runs on Java 17),
# OPENSEARCH_PORT (a fixed HTTP port; by default the first free one from 9250),
# OPENSEARCH_HEAP (256m), OPENSEARCH_START_TIMEOUT (90 seconds), OPENSEARCH_USER (rehearsal-os).
set -euo pipefail
cd "$(dirname "$0")/.."

version="${OPENSEARCH_VERSION:-2.19.6}"
heap="${OPENSEARCH_HEAP:-256m}"
timeout="${OPENSEARCH_START_TIMEOUT:-90}"
os_user="${OPENSEARCH_USER:-rehearsal-os}"
base="$PWD/target/opensearch"
home="$base/opensearch-$version"
pid_file="$base/opensearch.pid"
port_file="$base/port"
log_dir="$base/logs"
data_dir="$base/data"
conf_dir="$base/config"

running() {
  [ -s "$pid_file" ] && kill -0 "$(cat "$pid_file")" 2>/dev/null
}

free_port() {
  local p
  for p in $(seq 9250 9299); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
      echo "$p"
      return 0
    fi
  done
  echo "no free port between 9250 and 9299" >&2
  return 1
}

# The end of the launcher's output and of the node's log, whichever say something.
log_tail() {
  local f
  for f in "$base/launcher.out" "$log_dir/rehearsal-test.log"; do
    if [ -s "$f" ]; then
      echo "--- $f" >&2
      tail -n 40 "$f" >&2
    fi
  done
}

fetch() {
  local dist="$base/dist"
  mkdir -p "$dist"
  if [ ! -f "$dist/opensearch-$version.zip" ]; then
    mvn -B -ntp -q dependency:copy \
      "-Dartifact=org.opensearch.distribution.integ-test-zip:opensearch:$version:zip" \
      "-DoutputDirectory=$dist"
  fi
  # The integration-test distribution holds only the transport module; the analyzers the index
  # uses (pattern_replace, porter_stem, asciifolding, ...) come from analysis-common, which Maven
  # Central has as a jar only: it is installed as a module with its descriptor written here.
  if [ ! -f "$dist/analysis-common-$version.jar" ]; then
    mvn -B -ntp -q dependency:copy \
      "-Dartifact=org.opensearch.plugin:analysis-common:$version" \
      "-DoutputDirectory=$dist"
  fi
  if [ ! -d "$home" ]; then
    rm -rf "$home.part"
    mkdir -p "$home.part"
    unzip -q "$dist/opensearch-$version.zip" -d "$home.part"
    mv "$home.part/opensearch-$version" "$home"
    rm -rf "$home.part"
    local module="$home/modules/analysis-common"
    mkdir -p "$module"
    cp "$dist/analysis-common-$version.jar" "$module/"
    cat >"$module/plugin-descriptor.properties" <<EOF
description=Adds "built in" analyzers to OpenSearch.
version=$version
name=analysis-common
classname=org.opensearch.analysis.common.CommonAnalysisPlugin
java.version=11
opensearch.version=$version
custom.foldername=
extended.plugins=
has.native.controller=false
EOF
  fi
}

start() {
  if running; then
    echo "OpenSearch already running (pid $(cat "$pid_file"), port $(cat "$port_file"))"
    return 0
  fi
  command -v unzip >/dev/null || { echo "unzip is needed" >&2; exit 1; }
  command -v curl >/dev/null || { echo "curl is needed" >&2; exit 1; }
  local t0
  t0=$(date +%s.%N)
  fetch
  local port="${OPENSEARCH_PORT:-}"
  [ -n "$port" ] || port=$(free_port)

  # A fresh node each time: no data survives from a previous run.
  rm -rf "$data_dir" "$log_dir" "$conf_dir"
  mkdir -p "$data_dir" "$log_dir" "$conf_dir"
  cp -r "$home/config/." "$conf_dir/"
  cat >"$conf_dir/opensearch.yml" <<EOF
cluster.name: rehearsal-test
node.name: rehearsal-test-1
network.host: 127.0.0.1
http.port: $port
transport.port: 9350-9399
discovery.type: single-node
path.data: $data_dir
path.logs: $log_dir
# a build machine's disk may be fuller than the default watermarks allow
cluster.routing.allocation.disk.threshold_enabled: false
EOF
  echo "$port" >"$port_file"
  rm -f "$pid_file"

  local java_home="${OPENSEARCH_JAVA_HOME:-${JAVA_HOME:-}}"
  if [ -z "$java_home" ]; then
    java_home=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
  fi

  local run=()
  if [ "$(id -u)" = "0" ]; then
    if ! id "$os_user" >/dev/null 2>&1; then
      useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$os_user"
    fi
    chown -R "$os_user:" "$base"
    run=(runuser -u "$os_user" --)
  fi
  # The pid file is written by the node itself (-p), so it holds the Java process's id.
  "${run[@]}" env -i PATH="/usr/bin:/bin" \
    OPENSEARCH_JAVA_HOME="$java_home" \
    OPENSEARCH_PATH_CONF="$conf_dir" \
    OPENSEARCH_JAVA_OPTS="-Xms$heap -Xmx$heap" \
    "$home/bin/opensearch" -d -p "$pid_file" </dev/null >"$base/launcher.out" 2>&1 || {
    echo "OpenSearch did not start; its log ends:" >&2
    log_tail
    exit 1
  }

  local deadline=$((SECONDS + timeout))
  until curl -fsS "http://127.0.0.1:$port/_cluster/health?wait_for_status=yellow&timeout=1s" \
    >/dev/null 2>&1; do
    if [ $SECONDS -ge $deadline ] || { [ -s "$pid_file" ] && ! running; }; then
      echo "OpenSearch did not answer on 127.0.0.1:$port within ${timeout}s; its log ends:" >&2
      log_tail
      stop || true
      exit 1
    fi
    sleep 1
  done
  local t1
  t1=$(date +%s.%N)
  printf 'OpenSearch %s up on 127.0.0.1:%s (pid %s) in %.1f s\n' \
    "$version" "$port" "$(cat "$pid_file")" "$(awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }')"
}

stop() {
  if [ ! -s "$pid_file" ]; then
    echo "OpenSearch not running (no pid file)"
    return 0
  fi
  local pid
  pid=$(cat "$pid_file")
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid"
    local i
    for i in $(seq 1 60); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.5
    done
    if kill -0 "$pid" 2>/dev/null; then
      echo "OpenSearch (pid $pid) still running after 30 s; killing it" >&2
      kill -9 "$pid" 2>/dev/null || true
      sleep 1
    fi
  fi
  rm -f "$pid_file"
  echo "OpenSearch stopped (pid $pid)"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac
