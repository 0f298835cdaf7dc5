#!/usr/bin/env bash
# Runs every test of the solution on a fresh machine and ends with one line: "N passed, N failed[, N skipped]".
# It installs and starts what the tests talk to for real: RabbitMQ (Debian package) on 127.0.0.1:5672.
# SQLite is embedded; Asterisk is replaced by the PBX simulator, started by the tests themselves.
set -uo pipefail
cd "$(dirname "$0")/.."

log() { printf '[test.sh] %s\n' "$*" >&2; }

rabbitmq_up() { (exec 3<>/dev/tcp/127.0.0.1/5672) 2>/dev/null; }

ensure_rabbitmq() {
  if rabbitmq_up; then
    log "RabbitMQ already listening on 127.0.0.1:5672"
    return 0
  fi
  if ! command -v rabbitmq-server >/dev/null 2>&1; then
    if ! command -v apt-get >/dev/null 2>&1; then
      log "RabbitMQ is not installed and apt-get is not available: tests that need RabbitMQ will fail and say so"
      return 1
    fi
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    log "installing rabbitmq-server from Debian (apt-get update first: a fresh machine has no package lists)"
    if ! $sudo apt-get update -qq >&2 || ! DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq rabbitmq-server >&2; then
      log "could not install rabbitmq-server: tests that need RabbitMQ will fail and say so"
      return 1
    fi
  fi
  log "starting RabbitMQ"
  # The Debian package may have started it already as a service; -detached is harmless if not.
  rabbitmq-server -detached >/dev/null 2>&1 || true
  for _ in $(seq 1 60); do
    if rabbitmq_up && rabbitmqctl -q await_startup >/dev/null 2>&1; then
      log "RabbitMQ is up"
      return 0
    fi
    sleep 1
  done
  log "RabbitMQ did not start within 60 s: tests that need it will fail and say so"
  return 1
}

ensure_rabbitmq || true
export CONTACTCENTER_TEST_RABBITMQ="${CONTACTCENTER_TEST_RABBITMQ:-amqp://guest:guest@127.0.0.1:5672/}"

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT

log "building"
if ! dotnet build ContactCenter.sln -c Release -nologo -clp:ErrorsOnly >"$results/build.log" 2>&1; then
  cat "$results/build.log"
  log "build failed"
  echo "0 passed, 1 failed"
  exit 1
fi

# One test project at a time: some integration tests stop and start the shared RabbitMQ (outage tests),
# which must not pull the broker from under another project's tests.
status=0
for project in $(find tests -name '*.Tests.csproj' | sort); do
  log "running $project"
  dotnet test "$project" -c Release --no-build -nologo \
    --logger "trx;LogFileName=$(basename "$project" .csproj).trx" --results-directory "$results/trx" "$@" 2>&1 | grep -v '^\s*$' | tee -a "$results/test.log" >&2
  [ "${PIPESTATUS[0]}" -ne 0 ] && status=1
done

# Count from the TRX files (one per test assembly): the console summary differs between runners.
read -r passed failed skipped < <(python3 - "$results/trx" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
p = f = s = 0
for path in glob.glob(sys.argv[1] + "/*.trx"):
    counters = ET.parse(path).getroot().find("t:ResultSummary/t:Counters", ns)
    if counters is None:
        continue
    p += int(counters.get("passed", 0))
    f += int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0)) + int(counters.get("aborted", 0))
    s += int(counters.get("notExecuted", 0)) + int(counters.get("inconclusive", 0))
print(p, f, s)
PY
)

if [ "$status" -ne 0 ] && [ "${failed:-0}" -eq 0 ]; then
  # A crashed test host leaves no failed counter: never report green for a red run.
  failed=1
fi
summary="${passed:-0} passed, ${failed:-0} failed"
[ "${skipped:-0}" -gt 0 ] && summary="$summary, ${skipped} skipped"
echo "$summary"
[ "${failed:-0}" -eq 0 ] && [ "$status" -eq 0 ]
