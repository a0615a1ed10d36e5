#!/usr/bin/env bash
# Starts (or installs, as root with apt-get) what the tests talk to: PostgreSQL, Redis, Chromium.
set -euo pipefail

say() { printf '== %s\n' "$*"; }
fail() { printf 'ERROR: %s\n' "$*" >&2; exit 1; }

apt_install() {
  [ "$(id -u)" = 0 ] || fail "$* is missing; install it with: sudo apt-get install -y $*"
  say "installing $* (apt-get)"
  if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/tmp/apt-install.log 2>&1; then
    apt-get update -qq >/dev/null 2>&1 || true
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/tmp/apt-install.log 2>&1 || fail "apt-get install $* failed; see /tmp/apt-install.log"
  fi
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

wait_for_port() {
  for _ in $(seq 1 60); do port_open "$1" && return 0; sleep 0.5; done
  return 1
}

if ! port_open 5432; then
  say "starting PostgreSQL"
  command -v pg_ctlcluster >/dev/null || apt_install postgresql
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start || true
  wait_for_port 5432 || fail "PostgreSQL is not listening on 127.0.0.1:5432; set TEST_DATABASE_URL to a server the tests may create databases on"
fi

if ! port_open 6379; then
  say "starting Redis"
  command -v redis-server >/dev/null || apt_install redis-server
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no >/dev/null
  wait_for_port 6379 || fail "Redis is not listening on 127.0.0.1:6379; set TEST_REDIS_URL to a Redis the tests may use"
fi

if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  apt_install chromium
fi
# The email tests start their own dovecot (scripts/dovecot-test-server.sh) on a loopback port; only the binary is needed.
command -v dovecot >/dev/null || apt_install dovecot-imapd
# The voice tests' simulated callers speak with espeak-ng, converted to phone audio (μ-law 8 kHz) by sox.
if ! command -v espeak-ng >/dev/null || ! command -v sox >/dev/null; then
  apt_install espeak-ng sox
fi
say "services ready: PostgreSQL 5432, Redis 6379, Chromium"
