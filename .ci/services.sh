#!/usr/bin/env bash
# Installs the servers the tests start for themselves (real Redis and PostgreSQL, as processes on free
# loopback ports). Idempotent: does nothing when they are already installed.
set -euo pipefail

need=()
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
command -v wrk >/dev/null 2>&1 || need+=(wrk) # the bench smoke test (BenchSmokeTests)
[ -x /usr/sbin/nginx ] || need+=(nginx-light)
[ -x /usr/bin/chromium ] || need+=(chromium) # the browser tests (tests/NcrsGateway.BrowserTests) drive Debian's Chromium

if [ ${#need[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q --no-install-recommends "${need[@]}"
fi

# The packages may start system instances on the default ports; the tests use their own, so stop those.
service redis-server stop >/dev/null 2>&1 || true
service postgresql stop >/dev/null 2>&1 || true
service nginx stop >/dev/null 2>&1 || true
