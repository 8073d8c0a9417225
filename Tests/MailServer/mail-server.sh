#!/usr/bin/env bash
# A real mail service for csar-check's tests, on loopback, in a private runtime folder: SMTP with AUTH
# (Debian's python3-aiosmtpd, smtp_to_maildir.py) delivering to a Maildir, which Dovecot (dovecot-imapd)
# serves over IMAPS with a certificate from a CA made for the run. Nothing of the system's own services is
# touched; the daemons run on ports found free at start.
#
#   Tests/MailServer/mail-server.sh start RUNTIME     start both; writes RUNTIME/mail.env (ports, users, CA)
#   Tests/MailServer/mail-server.sh stop RUNTIME      stop both
#
# RUNTIME/mail.env: MAIL_SMTP_PORT, MAIL_IMAPS_PORT, MAIL_USER, MAIL_PASSWORD (SMTP and IMAP share them, as a
# Gmail account and its app password do), MAIL_CA (the CA to trust for IMAPS), MAIL_MAILDIR.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
command=${1:-}
runtime=${2:-}
[ -n "$command" ] && [ -n "$runtime" ] || { echo "usage: $0 start|stop RUNTIME" >&2; exit 2; }
say() { printf 'mail-server: %s\n' "$*" >&2; }

wait_for() {
  local seconds=$1; shift
  local deadline=$((SECONDS + seconds))
  until "$@" > /dev/null 2>&1; do
    [ $SECONDS -lt $deadline ] || return 1
    sleep 0.1
  done
}

free_port() {
  /usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

stop_all() {
  if [ -s "$runtime/mail/smtp.pid" ]; then kill "$(cat "$runtime/mail/smtp.pid")" 2> /dev/null || true; fi
  if [ -s "$runtime/mail/dovecot/master.pid" ]; then
    doveadm -c "$runtime/mail/dovecot.conf" stop 2> /dev/null || kill "$(cat "$runtime/mail/dovecot/master.pid")" 2> /dev/null || true
  fi
  rm -f "$runtime/mail/smtp.pid"
}

start_all() {
  local mail="$runtime/mail"
  mkdir -p "$mail/logs" "$mail/Maildir"/{new,cur,tmp} "$mail/dovecot"
  local user="csar-mailbox" password
  password=$(/usr/bin/python3 -c 'import secrets; print(secrets.token_hex(12))')
  # A CA made for the run, and the server's certificate for 127.0.0.1 and localhost signed by it.
  openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=csar-check test mail CA" \
    -keyout "$mail/ca-key.pem" -out "$mail/ca.pem" > /dev/null 2>&1
  openssl req -newkey rsa:2048 -nodes -subj "/CN=127.0.0.1" -keyout "$mail/server-key.pem" -out "$mail/server.csr" \
    > /dev/null 2>&1
  printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\n' > "$mail/san.cnf"
  openssl x509 -req -in "$mail/server.csr" -CA "$mail/ca.pem" -CAkey "$mail/ca-key.pem" -CAcreateserial -days 2 \
    -extfile "$mail/san.cnf" -out "$mail/server.pem" > /dev/null 2>&1
  printf '%s:{PLAIN}%s\n' "$user" "$password" > "$mail/users"
  # Dovecot never serves mail as root: run as root (CI), the mailbox belongs to Dovecot's own system user, and
  # the SMTP server writes into it with a umask that lets that user read and rename the files.
  local owner group
  if [ "$(id -u)" -eq 0 ]; then owner=dovecot; group=dovecot; else owner=$(id -un); group=$(id -gn); fi
  chmod -R a+rwX "$mail/Maildir"
  local imaps_port; imaps_port=$(free_port)
  cat > "$mail/dovecot.conf" << CONF
base_dir = $mail/dovecot
state_dir = $mail/dovecot
log_path = $mail/logs/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = required
ssl_cert = <$mail/server.pem
ssl_key = <$mail/server-key.pem
disable_plaintext_auth = yes
auth_mechanisms = plain login
passdb {
  driver = passwd-file
  args = scheme=PLAIN $mail/users
}
userdb {
  driver = static
  args = uid=$owner gid=$group home=$mail/home/%u
}
mail_location = maildir:$mail/Maildir
mail_privileged_group =
first_valid_uid = 1
first_valid_gid = 1
service imap-login {
  inet_listener imap {
    port = 0
  }
  inet_listener imaps {
    port = $imaps_port
    ssl = yes
  }
}
CONF
  if [ "$(id -u)" -ne 0 ]; then
    printf 'default_internal_user = %s\ndefault_login_user = %s\n' "$owner" "$owner" >> "$mail/dovecot.conf"
  fi
  dovecot -c "$mail/dovecot.conf" > /dev/null 2>&1 || { cat "$mail/logs/dovecot.log" >&2 2> /dev/null; return 1; }
  wait_for 20 bash -c "exec 3<>/dev/tcp/127.0.0.1/$imaps_port" \
    || { say "Dovecot did not listen on $imaps_port within 20 s"; tail -20 "$mail/logs/dovecot.log" >&2; return 1; }
  SMTP_USER="$user" SMTP_PASSWORD="$password" SMTP_CREDENTIALS_FILE="$mail/smtp-credentials" \
    setsid bash -c 'umask 000; exec /usr/bin/python3 "$0" "$1"' "$here/smtp_to_maildir.py" "$mail/Maildir" < /dev/null \
    > "$mail/smtp.port" 2> "$mail/logs/smtp.log" &
  echo $! > "$mail/smtp.pid"
  wait_for 20 test -s "$mail/smtp.port" || { say "the SMTP server did not start"; cat "$mail/logs/smtp.log" >&2; return 1; }
  cat > "$runtime/mail.env" << ENV
MAIL_SMTP_PORT=$(head -1 "$mail/smtp.port")
MAIL_IMAPS_PORT=$imaps_port
MAIL_USER=$user
MAIL_PASSWORD=$password
MAIL_CA=$mail/ca.pem
MAIL_MAILDIR=$mail/Maildir
ENV
  chmod 600 "$runtime/mail.env"
  say "SMTP on 127.0.0.1:$(head -1 "$mail/smtp.port"), IMAPS on 127.0.0.1:$imaps_port (Maildir $mail/Maildir)"
}

case "$command" in
  start) stop_all; start_all ;;
  stop) stop_all ;;
  *) echo "usage: $0 start|stop RUNTIME" >&2; exit 2 ;;
esac
