#!/usr/bin/env bash
# A throwaway IMAP server for tests: Debian's dovecot on a loopback port, everything in one folder.
#   scripts/dovecot-test-server.sh start <dir> <port> <user> <password>   (writes the config, starts, waits for the port)
#   scripts/dovecot-test-server.sh stop <dir>                             (stops it; the mail stays in <dir>/mail)
# Start again with the same <dir> and port to simulate a server restart: the mailbox and its UIDVALIDITY survive.
set -euo pipefail

cmd="${1:?usage: $0 start|stop <dir> [port user password]}"
dir="${2:?missing <dir>}"

stop() {
  [ -f "$dir/run/master.pid" ] || return 0
  local pid; pid="$(cat "$dir/run/master.pid")"
  # The master alone would leave the IMAP sessions running; a real restart drops every connection.
  pkill -KILL -P "$pid" 2>/dev/null || true
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null || true
  rm -f "$dir/run/master.pid"
}

if [ "$cmd" = stop ]; then stop; exit 0; fi
[ "$cmd" = start ] || { echo "unknown command $cmd" >&2; exit 2; }
port="${3:?missing <port>}"; user="${4:?missing <user>}"; password="${5:?missing <password>}"
command -v dovecot >/dev/null || { echo "dovecot is not installed: apt-get install -y dovecot-imapd (scripts/ensure-test-services.sh does it)" >&2; exit 1; }

# imap-login refuses to run as root: as root, use the package's unprivileged users; otherwise run as ourselves.
if [ "$(id -u)" = 0 ]; then internal=dovecot; login=dovenull; else internal="$(id -un)"; login="$internal"; fi
owner_uid="$(id -u "$internal")"; owner_gid="$(id -g "$internal")"

mkdir -p "$dir/run" "$dir/state" "$dir/mail"
chmod 755 "$dir"
cat > "$dir/dovecot.conf" <<CONF
base_dir = $dir/run
state_dir = $dir/state
instance_name = dovecot-test-$port
listen = 127.0.0.1
protocols = imap
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
log_path = $dir/dovecot.log
default_internal_user = $internal
default_login_user = $login
mail_location = maildir:$dir/mail/%u/Maildir
mail_uid = $owner_uid
mail_gid = $owner_gid
first_valid_uid = 1
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u $dir/users
}
userdb {
  driver = passwd-file
  args = username_format=%u $dir/users
  default_fields = home=$dir/mail/%u
}
service imap-login {
  chroot =
  inet_listener imap {
    address = 127.0.0.1
    port = $port
  }
  inet_listener imaps {
    port = 0
  }
}
service anvil {
  chroot =
}
service stats {
  chroot =
}
service auth {
  user = $internal
}
service auth-worker {
  user = $internal
}
CONF
printf '%s:{PLAIN}%s::::::\n' "$user" "$password" > "$dir/users"
chown -R "$internal" "$dir/mail" "$dir/users" 2>/dev/null || true

stop
# dovecot daemonizes; its stdio must not keep the caller's pipes open.
dovecot -c "$dir/dovecot.conf" </dev/null >>"$dir/dovecot.log" 2>&1
for _ in $(seq 1 100); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then exit 0; fi
  sleep 0.05
done
echo "dovecot did not listen on 127.0.0.1:$port; see $dir/dovecot.log" >&2
tail -20 "$dir/dovecot.log" >&2 || true
exit 1
