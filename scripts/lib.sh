# Shared helpers of Tavola's scripts (sourced, not run).
# shellcheck shell=bash

TAVOLA_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export TAVOLA_ROOT

say()  { printf '\033[1;34m==>\033[0m %s\n' "$*"; }
ok()   { printf '    \033[32mok\033[0m %s\n' "$*"; }
warn() { printf '    \033[33m!!\033[0m %s\n' "$*" >&2; }
die()  { printf '\033[1;31mxx\033[0m %s\n' "$*" >&2; exit 1; }

# Services in start order; each one's port is stack_port BASE NAME.
SERVICES=(auth restaurant orders customers gateway)

# port_open HOST PORT: true when something accepts TCP connections there.
port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

# Protocol probes of the standard local servers: is it really the server we expect on that port?
PG_PORT=5432 REDIS_PORT=6379 RABBIT_PORT=5672
is_postgres() { command -v pg_isready >/dev/null 2>&1 && pg_isready -q -h 127.0.0.1 -p $PG_PORT -t 3; }
redis_reply() { ( (exec 3<>"/dev/tcp/127.0.0.1/$REDIS_PORT" && printf 'PING\r\n' >&3 && timeout 3 head -n 1 <&3) 2>/dev/null ) | tr -d '\r'; }
is_redis() { [[ "$(redis_reply)" == "+PONG"* ]]; }
is_rabbitmq() {
  # An AMQP 0-9-1 broker answers a protocol header with a connection.start frame (type 1).
  local reply
  reply=$( (exec 3<>"/dev/tcp/127.0.0.1/$RABBIT_PORT" && printf 'AMQP\x00\x00\x09\x01' >&3 && timeout 3 head -c 1 <&3 | od -An -tx1) 2>/dev/null ) || return 1
  [[ "$reply" == *01* ]]
}

# The Chromium the browser tests drive: CHROMIUM_PATH, else Debian's package, else Ubuntu's snap.
chromium_path() {
  local candidate
  for candidate in "${CHROMIUM_PATH:-}" /usr/bin/chromium /snap/bin/chromium; do
    [ -n "$candidate" ] && [ -x "$candidate" ] && { echo "$candidate"; return 0; }
  done
  return 1
}

# wait_for SECONDS CMD...: retries CMD once a second until it succeeds or time runs out.
wait_for() {
  local deadline=$((SECONDS + $1)); shift
  until "$@"; do
    [ $SECONDS -ge $deadline ] && return 1
    sleep 1
  done
}

# start_stack STATE_DIR PORT_BASE: starts the five packaged services in the background on PORT_BASE+0..4
# (gateway, auth, customers, restaurant, orders), their management interfaces (health, metrics) on
# PORT_BASE+1000..1004, wired to each other, logs and pids under STATE_DIR.
# The caller's environment reaches every service. Waits until each is ready; on failure shows its log.
start_stack() {
  local dir=$1 base=$2
  mkdir -p "$dir/log" "$dir/run"
  export AUTH_SERVICE_URL="http://localhost:$((base + 1))"
  export CUSTOMER_SERVICE_URL="http://localhost:$((base + 2))"
  export RESTAURANT_SERVICE_URL="http://localhost:$((base + 3))"
  export ORDER_SERVICE_URL="http://localhost:$((base + 4))"
  export AUTH_JWKS_URL="$AUTH_SERVICE_URL/api/v1/auth/jwks"
  export PUBLIC_BASE_URL="${PUBLIC_BASE_URL:-http://localhost:$base}"
  local name port pidfile
  for name in "${SERVICES[@]}"; do
    port=$(stack_port "$base" "$name") pidfile="$dir/run/$name.pid"
    if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
      ok "$name already running (pid $(cat "$pidfile"))"
      continue
    fi
    port_open 127.0.0.1 "$port" && die "port $port is taken by another process; stop it and run again"
    port_open 127.0.0.1 $((port + 1000)) && die "port $((port + 1000)) (${name}'s management interface) is taken by another process; stop it and run again"
    launch_service "$dir" "$base" "$name"
  done
  for name in "${SERVICES[@]}"; do
    port=$(stack_port "$base" "$name")
    # readiness is on the management interface, the service's port + 1000 (loopback only)
    if wait_for 120 curl -fs -o /dev/null "http://127.0.0.1:$((port + 1000))/q/health/ready"; then
      ok "$name ready on :$port (health and metrics on :$((port + 1000)))"
    else
      warn "$name did not become ready on :$port; the end of $dir/log/$name.log:"
      tail -n 40 "$dir/log/$name.log" >&2 || true
      return 1
    fi
  done
}

# launch_service STATE_DIR PORT_BASE NAME: starts one packaged service in the background (its pid in
# STATE_DIR/run/NAME.pid, its log in STATE_DIR/log/NAME.log) without waiting; start_stack's
# environment (the services' URLs) must be exported already. scripts/bench restarts services one at a
# time with it to time each start alone.
launch_service() {
  local dir=$1 port
  port=$(stack_port "$2" "$3")
  # shellcheck disable=SC2086 # the heap and extra options are lists of JVM arguments
  PORT=$port MANAGEMENT_PORT=$((port + 1000)) nohup java ${TAVOLA_JAVA_HEAP:--Xmx256m} ${TAVOLA_JAVA_OPTS:-} \
    -jar "$TAVOLA_ROOT/$3/target/quarkus-app/quarkus-run.jar" >"$dir/log/$3.log" 2>&1 &
  echo $! >"$dir/run/$3.pid"
}

stack_port() {
  case $2 in
    gateway) echo $(($1 + 0)) ;; auth) echo $(($1 + 1)) ;; customers) echo $(($1 + 2)) ;;
    restaurant) echo $(($1 + 3)) ;; orders) echo $(($1 + 4)) ;;
  esac
}

# stop_stack STATE_DIR: stops what start_stack started there, by pid, and nothing else.
stop_stack() {
  local dir=$1 pidfile name pid stopped=0
  for pidfile in "$dir"/run/*.pid; do
    [ -f "$pidfile" ] || continue
    name=$(basename "$pidfile" .pid) pid=$(cat "$pidfile")
    if kill -0 "$pid" 2>/dev/null; then
      kill "$pid"
      for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
      if kill -0 "$pid" 2>/dev/null; then kill -9 "$pid"; warn "$name did not stop in 10 s: killed"; fi
      ok "stopped $name (pid $pid)"
      stopped=$((stopped + 1))
    fi
    rm -f "$pidfile"
  done
  [ $stopped -eq 0 ] && ok "nothing of ours was running"
  return 0
}

# stage_web_app: the gateway's image carries the built web app: builds src-frontend when it is not built
# and copies it to gateway/src/main/jib/srv/tavola-web, which Jib adds to the image (SPA_DIR there).
stage_web_app() {
  if [ ! -f "$TAVOLA_ROOT/src-frontend/dist/index.html" ]; then
    say "building the web app (the gateway's image carries it)"
    (cd "$TAVOLA_ROOT/src-frontend" && npm ci --no-audit --no-fund --loglevel=error && npm run --silent build) \
      || die "the web app build failed"
  fi
  rm -rf "$TAVOLA_ROOT/gateway/src/main/jib"
  mkdir -p "$TAVOLA_ROOT/gateway/src/main/jib/srv"
  cp -r "$TAVOLA_ROOT/src-frontend/dist" "$TAVOLA_ROOT/gateway/src/main/jib/srv/tavola-web"
}

# --- Prometheus (Debian's prometheus package; scripts/monitor, the e2e's monitoring check) -------------
MONITORING_DIR="$TAVOLA_ROOT/kubernetes/components/monitoring"

# prometheus_config PORT_BASE INTERVAL: a scrape config for the five services' management interfaces
# (PORT_BASE+1000..1004) with Tavola's rules; labelled like the Kubernetes scrape (job tavola, label
# service), so the rules and dashboards read the same here and in a cluster.
prometheus_config() {
  local base=$1 interval=$2 name
  printf 'global:\n  scrape_interval: %s\n  evaluation_interval: %s\nrule_files:\n  - %s/alerts/*.yml\nscrape_configs:\n' \
    "$interval" "$interval" "$MONITORING_DIR"
  printf '  - job_name: tavola\n    metrics_path: /q/metrics\n    static_configs:\n'
  for name in "${SERVICES[@]}"; do
    printf '      - targets: ["127.0.0.1:%d"]\n        labels: {service: %s}\n' $(($(stack_port "$base" "$name") + 1000)) "$name"
  done
}

# free_port FROM: the first port from FROM up that nothing listens on.
free_port() {
  local port=$1
  while port_open 127.0.0.1 "$port"; do port=$((port + 1)); done
  echo "$port"
}

# start_prometheus DIR PORT_BASE INTERVAL: starts Prometheus on a free port with a generated config and
# its data under DIR; prints its URL once it is ready. stop_prometheus DIR stops it.
start_prometheus() {
  local dir=$1 port
  command -v prometheus >/dev/null 2>&1 || die "prometheus is not installed: scripts/provision installs it (Debian's prometheus package)"
  mkdir -p "$dir/data"
  prometheus_config "$2" "$3" >"$dir/prometheus.yml"
  port=$(free_port 9090)
  nohup prometheus --config.file="$dir/prometheus.yml" --storage.tsdb.path="$dir/data" \
    --web.listen-address="127.0.0.1:$port" --web.enable-lifecycle >"$dir/prometheus.log" 2>&1 &
  echo $! >"$dir/prometheus.pid"
  wait_for 30 curl -fs -o /dev/null "http://127.0.0.1:$port/-/ready" || { tail -n 20 "$dir/prometheus.log" >&2; return 1; }
  echo "http://127.0.0.1:$port"
}
stop_prometheus() {
  [ -f "$1/prometheus.pid" ] || return 0
  kill "$(cat "$1/prometheus.pid")" 2>/dev/null
  rm -f "$1/prometheus.pid"
}
