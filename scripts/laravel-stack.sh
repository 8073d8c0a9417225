#!/usr/bin/env bash
# The real Laravel stack csar-check is proven on: the CSAR test application (Tests/LaravelSite) on Debian's
# php-laravel-framework 8.83, php-fpm 8.2 behind nginx, MariaDB for the data, Redis for sessions, cache and
# queues, and a `php artisan queue:work` worker sending each demande's mail, SMS and broadcast.
#
#   scripts/laravel-stack.sh start            start everything; prints the URL and the env file to read
#   scripts/laravel-stack.sh stop             stop everything this instance started
#   scripts/laravel-stack.sh status           running or not, and where
#   scripts/laravel-stack.sh env              `export` lines for csar-check: CSAR_BASE_URL, CSAR_ADMIN_EMAIL, …
#   scripts/laravel-stack.sh fault SPEC…      break the site: 500:/path, 500:POST /path, latency:/path=MS,
#                                             warehouses:broken-json, csrf:off, throttle:api=N (the API's limit
#                                             a minute, default 60), form:no-attachment (the request
#                                             form without its file field); the demande's side effects:
#                                             queue:stopped / queue:started (the worker), queue:slow=N (each
#                                             job waits N s), mail:auth (wrong SMTP password), mail:no-reference,
#                                             sms:401 (wrong client secret), broadcast:secret (wrong Pusher
#                                             secret); reset (all off, worker running; see `artisan csar:fault`)
#   scripts/laravel-stack.sh down [SECRET]    php artisan down --secret=SECRET (default: the instance's secret)
#   scripts/laravel-stack.sh up               php artisan up
#   scripts/laravel-stack.sh reset            faults off, site up, rate limits cleared, queue emptied, worker running
#   scripts/laravel-stack.sh artisan ARGS…    any artisan command on this instance
#
# One instance is self-contained: its runtime folder (CSAR_LARAVEL_RUNTIME, default .build/laravel-stack)
# holds the MariaDB data folder, every socket, pid file, log and generated configuration; MariaDB, Redis
# and php-fpm listen on Unix sockets in it, nginx on 127.0.0.1 at a free port found at start. Several
# instances run side by side (one per runtime folder); the system's own services are never touched.
# Runs as an ordinary user or as root (CI), where each daemon is told to run as root.
#
# A demande's side effects go through the Redis queue to the worker (queue-worker.pid, logs/queue-worker.log;
# --tries=1, so a failing job lands in failed_jobs at once and the worker goes on; in maintenance it waits, as
# Laravel's does):
# - mail: SMTP with AUTH to Tests/MailServer (aiosmtpd into a Maildir, served by Dovecot over IMAPS), in
#   RUNTIME/mail; to the requester, the administrator in copy.
# - SMS (Orange's API) and Pusher's HTTP events API: served by `csar-check doubles` (CSAR_CHECK_BIN, default
#   .build/debug/csar-check; doubles.pid, logs/doubles.log) on two free ports, reading the credentials from the
#   app's .env. Without a csar-check that has `doubles`, the stack still starts, says so, and those jobs fail.
# stack.env adds CSAR_MAIL_MAILBOX (imaps://…/INBOX), CSAR_MAIL_USER, CSAR_MAIL_PASSWORD, CSAR_MAIL_CA,
# CSAR_MAIL_MAILDIR, CSAR_SMS_INBOX (the SMS double's URL), CSAR_PUSHER_URL (ws://…), CSAR_PUSHER_KEY and
# CSAR_LARAVEL_ENV_FILE (the app's .env, with every secret the doubles check).
set -euo pipefail

repository=$(cd "$(dirname "$0")/.." && pwd)
app="$repository/Tests/LaravelSite"
runtime="${CSAR_LARAVEL_RUNTIME:-$repository/.build/laravel-stack}"
stack_env="$runtime/stack.env"
php_fpm=$(command -v php-fpm8.2 || command -v php-fpm || echo /usr/sbin/php-fpm8.2)
nginx=$(command -v nginx || echo /usr/sbin/nginx)
mariadbd=$(command -v mariadbd || echo /usr/sbin/mariadbd)
mail_server="$repository/Tests/MailServer/mail-server.sh"
csar_check_bin="${CSAR_CHECK_BIN:-$repository/.build/debug/csar-check}"

say() { printf 'laravel-stack: %s\n' "$*" >&2; }
fail() { say "$*"; exit 1; }
is_root() { [ "$(id -u)" -eq 0 ]; }

# Waits up to $1 seconds for the command that follows to succeed.
wait_for() {
  local seconds=$1; shift
  local deadline=$((SECONDS + seconds))
  until "$@" > /dev/null 2>&1; do
    [ $SECONDS -lt $deadline ] || return 1
    sleep 0.1
  done
}

pid_alive() { [ -s "$1" ] && kill -0 "$(cat "$1")" 2> /dev/null; }

# Stops the daemon whose pid file is $1: TERM, then KILL after 20 s. Only that pid, never by name.
stop_daemon() {
  local pidfile=$1 name=$2 pid
  [ -s "$pidfile" ] || return 0
  pid=$(cat "$pidfile")
  if kill -0 "$pid" 2> /dev/null; then
    kill -TERM "$pid" 2> /dev/null || true
    if ! wait_for 20 bash -c "! kill -0 $pid"; then
      say "$name (pid $pid) did not stop within 20 s; killing it"
      kill -KILL "$pid" 2> /dev/null || true
    fi
  fi
  rm -f "$pidfile"
}

stop_stack() {
  stop_daemon "$runtime/queue-worker.pid" "the queue worker"
  stop_daemon "$runtime/doubles.pid" "csar-check doubles"
  [ ! -d "$runtime/mail" ] || "$mail_server" stop "$runtime/mail"
  stop_daemon "$runtime/nginx.pid" nginx
  stop_daemon "$runtime/php-fpm.pid" php-fpm
  stop_daemon "$runtime/redis.pid" redis
  stop_daemon "$runtime/mariadb.pid" mariadb
}

random_text() { php -r 'echo bin2hex(random_bytes((int) $argv[1]));' "$1"; }

free_port() {
  php -r '$s = stream_socket_server("tcp://127.0.0.1:0", $e, $m) or exit(1);
          echo substr(strrchr(stream_socket_get_name($s, false), ":"), 1);'
}

artisan() {
  (cd "$app" && CSAR_LARAVEL_RUNTIME="$runtime" php artisan "$@")
}

start_mariadb() {
  local run_as=()
  is_root && run_as=(--user=root)
  local options=(--no-defaults --datadir="$runtime/mariadb" --socket="$runtime/mysql.sock" --skip-networking
    --skip-name-resolve --innodb-buffer-pool-size=32M --innodb-log-file-size=8M "${run_as[@]}")
  mariadb-install-db "${options[@]}" --auth-root-authentication-method=normal --skip-test-db \
    > "$runtime/logs/mariadb-install.log" 2>&1 || { cat "$runtime/logs/mariadb-install.log" >&2; return 1; }
  setsid "$mariadbd" "${options[@]}" --pid-file="$runtime/mariadb.pid" --log-error="$runtime/logs/mariadb.log" \
    > /dev/null 2>&1 &
  wait_for 60 mariadb-admin --no-defaults --socket="$runtime/mysql.sock" -uroot ping \
    || { say "MariaDB did not answer within 60 s"; tail -20 "$runtime/logs/mariadb.log" >&2; return 1; }
  mariadb --no-defaults --socket="$runtime/mysql.sock" -uroot <<SQL
CREATE DATABASE csar CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER 'csar'@'localhost' IDENTIFIED BY '$db_password';
GRANT ALL PRIVILEGES ON csar.* TO 'csar'@'localhost';
SQL
}

start_redis() {
  redis-server --port 0 --unixsocket "$runtime/redis.sock" --unixsocketperm 700 --daemonize yes \
    --pidfile "$runtime/redis.pid" --logfile "$runtime/logs/redis.log" --dir "$runtime" \
    --save '' --appendonly no > /dev/null
  wait_for 20 redis-cli -s "$runtime/redis.sock" ping || { say "Redis did not answer within 20 s"; return 1; }
}

start_php_fpm() {
  local pool_user=""
  is_root && pool_user=$'user = root\ngroup = root'
  cat > "$runtime/php-fpm.conf" <<CONF
[global]
pid = $runtime/php-fpm.pid
error_log = $runtime/logs/php-fpm.log
daemonize = yes

[csar]
$pool_user
listen = $runtime/php-fpm.sock
listen.mode = 0600
pm = static
pm.max_children = 8
clear_env = yes
env[CSAR_LARAVEL_RUNTIME] = $runtime
env[PATH] = /usr/local/bin:/usr/bin:/bin
catch_workers_output = yes
php_admin_value[error_log] = $runtime/logs/php-errors.log
php_admin_flag[log_errors] = on
php_admin_flag[display_errors] = off
CONF
  local flags=(--fpm-config "$runtime/php-fpm.conf" --prefix "$runtime")
  is_root && flags+=(--allow-to-run-as-root)
  "$php_fpm" "${flags[@]}"
  wait_for 20 test -S "$runtime/php-fpm.sock" \
    || { say "php-fpm did not start"; tail -20 "$runtime/logs/php-fpm.log" >&2; return 1; }
}

write_nginx_conf() {
  local port=$1 user_line=""
  is_root && user_line="user root root;"
  cat > "$runtime/nginx.conf" <<CONF
$user_line
daemon on;
pid $runtime/nginx.pid;
worker_processes 2;
error_log $runtime/logs/nginx-error.log warn;
events { worker_connections 1024; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log $runtime/logs/nginx-access.log;
    client_body_temp_path $runtime/nginx/body;
    fastcgi_temp_path $runtime/nginx/fastcgi;
    proxy_temp_path $runtime/nginx/proxy;
    uwsgi_temp_path $runtime/nginx/uwsgi;
    scgi_temp_path $runtime/nginx/scgi;
    client_max_body_size 16m;
    server_tokens off;
    server {
        listen 127.0.0.1:$port;
        server_name _;
        root $app/public;
        index index.php;
        charset utf-8;
        location / {
            try_files \$uri \$uri/ /index.php?\$query_string;
        }
        location = /index.php {
            fastcgi_pass unix:$runtime/php-fpm.sock;
            include /etc/nginx/fastcgi_params;
            fastcgi_param SCRIPT_FILENAME \$realpath_root\$fastcgi_script_name;
            # Debian's fastcgi_params sends HTTP_HOST as \$host, without the port (a security workaround
            # in its nginx 1.22): on a port other than 80 every URL Laravel builds would lose the port. The
            # Host the client sent is what Laravel expects (loopback only, so no untrusted client).
            fastcgi_param HTTP_HOST \$http_host;
        }
        location ~ /\.(?!well-known) { deny all; }
    }
}
CONF
}

# nginx on a free loopback port: another process may take the port between the probe and nginx's bind,
# so a failed bind is retried on a new port.
start_nginx() {
  local attempt
  mkdir -p "$runtime/nginx"/{body,fastcgi,proxy,uwsgi,scgi}
  for attempt in 1 2 3 4 5; do
    port=$(free_port)
    write_nginx_conf "$port"
    if "$nginx" -p "$runtime/nginx" -e "$runtime/logs/nginx-error.log" -c "$runtime/nginx.conf" \
      2> "$runtime/logs/nginx-start.log"; then
      wait_for 20 curl -fsS -o /dev/null "http://127.0.0.1:$port/" && return 0
      say "nginx on port $port did not serve the home page within 20 s"
      tail -20 "$runtime/logs/nginx-error.log" "$runtime/logs/php-errors.log" "$runtime/storage/logs/laravel.log" \
        >&2 2> /dev/null || true
      return 1
    fi
    grep -q "Address already in use" "$runtime/logs/nginx-start.log" \
      || { cat "$runtime/logs/nginx-start.log" >&2; return 1; }
    say "port $port was taken meanwhile (attempt $attempt); trying another"
  done
  return 1
}

port_open() { (exec 3<> "/dev/tcp/127.0.0.1/$1") 2> /dev/null; }

# The mail server of Tests/MailServer in RUNTIME/mail; its ports and account become MAIL_* below.
start_mail_server() {
  # Run as root, Dovecot reads its users file and serves the Maildir as its own user, which must go through
  # the runtime folder: group dovecot may, no one else (0710).
  if is_root; then chgrp dovecot "$runtime" && chmod 710 "$runtime"; fi
  "$mail_server" start "$runtime/mail" 2> "$runtime/logs/mail-server.log" \
    || { cat "$runtime/logs/mail-server.log" >&2; return 1; }
  # shellcheck disable=SC1091
  source "$runtime/mail/mail.env"
}

# The SMS provider and Pusher of csar-check (`csar-check doubles`), which read the app's .env for the secrets
# they check. Missing, or without that command, is no reason to refuse the rest of the stack: it says so, and
# the SMS and broadcast jobs fail (failed_jobs) until a csar-check with doubles runs.
start_doubles() {
  local pidfile="$runtime/doubles.pid" log="$runtime/logs/doubles.log"
  if [ ! -x "$csar_check_bin" ]; then
    say "no csar-check at $csar_check_bin (build it, or set CSAR_CHECK_BIN): the SMS provider and Pusher are not" \
      "served, so the demande's SMS and broadcast jobs will fail"
    return 0
  fi
  setsid "$csar_check_bin" doubles --env-file "$runtime/.env" --sms-listen "127.0.0.1:$sms_port" \
    --pusher-listen "127.0.0.1:$pusher_port" < /dev/null > "$log" 2>&1 &
  echo $! > "$pidfile"
  local deadline=$((SECONDS + 20))
  while pid_alive "$pidfile" && [ $SECONDS -lt $deadline ]; do
    if port_open "$sms_port" && port_open "$pusher_port"; then return 0; fi
    sleep 0.1
  done
  if pid_alive "$pidfile"; then
    say "csar-check doubles did not listen on $sms_port and $pusher_port within 20 s; stopping it"
  else
    say "$csar_check_bin has no working \`doubles\` command (it exited; see below): the SMS provider and Pusher" \
      "are not served, so the demande's SMS and broadcast jobs will fail. Build a csar-check with \`doubles\`," \
      "or set CSAR_CHECK_BIN to one."
  fi
  tail -5 "$log" | sed 's/^/  /' >&2
  stop_daemon "$pidfile" "csar-check doubles"
}

# Closes every descriptor above 2 this (sub)shell inherited. A daemon started from a program that watches its
# child through a descriptor (Swift's Foundation.Process does) would otherwise hold it, and the program would
# wait for the script forever.
close_inherited_descriptors() {
  local fd
  for fd in $(ls "/proc/$BASHPID/fd"); do
    if [ "$fd" -gt 2 ]; then eval "exec $fd>&-" 2> /dev/null || true; fi
  done
}

# The queue worker, as supervisord would run it: one job at a time, a job that throws fails at once
# (--tries=1, into failed_jobs) and the worker goes on; --timeout is far above queue:slow's 60 s at most.
start_queue_worker() {
  local pidfile="$runtime/queue-worker.pid"
  pid_alive "$pidfile" && return 0
  (close_inherited_descriptors && cd "$app" && CSAR_LARAVEL_RUNTIME="$runtime" exec setsid php artisan queue:work redis --queue=default \
    --tries=1 --sleep=1 --timeout=120 --memory=256) < /dev/null >> "$runtime/logs/queue-worker.log" 2>&1 &
  echo $! > "$pidfile"
  sleep 1
  pid_alive "$pidfile" || { say "the queue worker did not start"; tail -20 "$runtime/logs/queue-worker.log" >&2; return 1; }
}

# The worker runs unless the faults say queue:stopped (a fault the script carries out, since it owns the process).
apply_queue_fault() {
  local state
  state=$(php -r '$f = json_decode((string) @file_get_contents($argv[1]), true); echo $f["queue"] ?? "started";' \
    "$runtime/storage/framework/csar-faults.json")
  if [ "$state" = stopped ]; then
    stop_daemon "$runtime/queue-worker.pid" "the queue worker"
  else
    start_queue_worker
  fi
}

write_laravel_env() {
  cat > "$runtime/.env" <<ENV
APP_NAME=CSAR
APP_ENV=production
APP_KEY=base64:$(php -r 'echo base64_encode(random_bytes(32));')
APP_DEBUG=false
APP_URL=http://127.0.0.1:$port
LOG_CHANNEL=single
DB_CONNECTION=mysql
DB_SOCKET=$runtime/mysql.sock
DB_DATABASE=csar
DB_USERNAME=csar
DB_PASSWORD=$db_password
REDIS_CLIENT=phpredis
REDIS_HOST=$runtime/redis.sock
REDIS_PORT=0
SESSION_DRIVER=redis
CACHE_DRIVER=redis
QUEUE_CONNECTION=redis
MAIL_MAILER=smtp
MAIL_HOST=127.0.0.1
MAIL_PORT=$MAIL_SMTP_PORT
MAIL_USERNAME=$MAIL_USER
MAIL_PASSWORD=$MAIL_PASSWORD
MAIL_ENCRYPTION=null
MAIL_FROM_ADDRESS=noreply@csar.sn
MAIL_FROM_NAME=CSAR
MAIL_ADMIN_ADDRESS=admin@csar.sn
SMS_API_URL=http://127.0.0.1:$sms_port
SMS_CLIENT_ID=$(random_text 12)
SMS_CLIENT_SECRET=$(random_text 16)
SMS_SENDER=tel:+221770000000
SMS_SENDER_NAME=CSAR
BROADCAST_DRIVER=pusher-hmac
PUSHER_APP_ID=$(php -r 'echo random_int(100000, 9999999);')
PUSHER_APP_KEY=$(random_text 10)
PUSHER_APP_SECRET=$(random_text 16)
PUSHER_HOST=127.0.0.1
PUSHER_PORT=$pusher_port
PUSHER_SCHEME=http
ENV
  chmod 600 "$runtime/.env"
}

start_stack() {
  command -v php > /dev/null && [ -f /usr/share/php/Illuminate/autoload.php ] \
    || fail "PHP or Debian's php-laravel-framework is missing: run scripts/install-deps.sh"
  if pid_alive "$runtime/nginx.pid"; then
    say "already running (runtime $runtime)"; cat "$stack_env"; return 0
  fi
  [ ${#runtime} -le 80 ] \
    || fail "runtime folder path too long for Unix sockets: set CSAR_LARAVEL_RUNTIME to a shorter path"
  local started=$SECONDS
  stop_stack
  rm -rf "$runtime"
  mkdir -p "$runtime"/{logs,bootstrap-cache,storage/{app,logs,framework/{cache,sessions,views}}}
  chmod 700 "$runtime"
  trap 'say "start failed; stopping what was started (logs in $runtime/logs)"; stop_stack' EXIT
  db_password=$(random_text 12)
  admin_password=$(random_text 12)
  bypass_secret=$(random_text 16)
  port=0

  start_mariadb
  start_redis
  start_php_fpm
  start_mail_server
  # The port goes into APP_URL; Laravel itself builds URLs from the request's Host, so a retried port
  # only needs the .env rewritten.
  port=$(free_port)
  sms_port=$(free_port)
  pusher_port=$(free_port)
  while [ "$pusher_port" = "$sms_port" ]; do pusher_port=$(free_port); done
  write_laravel_env
  artisan migrate --force --no-interaction > "$runtime/logs/migrate.log" 2>&1 \
    || { cat "$runtime/logs/migrate.log" >&2; false; }
  CSAR_ADMIN_EMAIL=admin@csar.sn CSAR_ADMIN_PASSWORD="$admin_password" artisan db:seed --force --no-interaction \
    >> "$runtime/logs/migrate.log" 2>&1 || { cat "$runtime/logs/migrate.log" >&2; false; }
  start_doubles
  start_nginx
  sed -i "s|^APP_URL=.*|APP_URL=http://127.0.0.1:$port|" "$runtime/.env"
  start_queue_worker
  trap - EXIT

  cat > "$stack_env" <<ENV
CSAR_LARAVEL_RUNTIME=$runtime
CSAR_LARAVEL_URL=http://127.0.0.1:$port
CSAR_LARAVEL_ADMIN_EMAIL=admin@csar.sn
CSAR_LARAVEL_ADMIN_PASSWORD=$admin_password
CSAR_LARAVEL_BYPASS_SECRET=$bypass_secret
CSAR_LARAVEL_APP=$app
CSAR_LARAVEL_ENV_FILE=$runtime/.env
CSAR_MAIL_MAILBOX=imaps://127.0.0.1:$MAIL_IMAPS_PORT/INBOX
CSAR_MAIL_USER=$MAIL_USER
CSAR_MAIL_PASSWORD=$MAIL_PASSWORD
CSAR_MAIL_CA=$MAIL_CA
CSAR_MAIL_MAILDIR=$MAIL_MAILDIR
CSAR_SMS_INBOX=http://127.0.0.1:$sms_port
CSAR_PUSHER_URL=ws://127.0.0.1:$pusher_port
CSAR_PUSHER_KEY=$(grep -oP '^PUSHER_APP_KEY=\K.*' "$runtime/.env")
ENV
  chmod 600 "$stack_env"
  local version
  version=$(grep -oP "VERSION = '\K[^']+" /usr/share/php/Illuminate/Foundation/Application.php)
  say "Laravel $version up at http://127.0.0.1:$port in $((SECONDS - started)) s (runtime $runtime)"
  say "credentials and bypass secret: $stack_env; for csar-check: eval \"\$(scripts/laravel-stack.sh env)\""
}

load_stack_env() {
  [ -f "$stack_env" ] || fail "no stack in $runtime: run scripts/laravel-stack.sh start (or set CSAR_LARAVEL_RUNTIME)"
  # shellcheck disable=SC1090
  source "$stack_env"
}

case "${1:-}" in
  start) start_stack ;;
  stop)
    stop_stack
    say "stopped (runtime $runtime kept for its logs)"
    ;;
  status)
    for daemon in nginx php-fpm redis mariadb queue-worker doubles mail/mail/smtp mail/mail/dovecot/master; do
      if pid_alive "$runtime/$daemon.pid"; then
        echo "${daemon#mail/mail/}: running (pid $(cat "$runtime/$daemon.pid"))"
      else
        echo "${daemon#mail/mail/}: stopped"
      fi
    done
    [ -f "$stack_env" ] && grep -E '^CSAR_LARAVEL_(URL|RUNTIME)=' "$stack_env"
    pid_alive "$runtime/nginx.pid"
    ;;
  env)
    load_stack_env
    printf 'export CSAR_BASE_URL=%q\n' "$CSAR_LARAVEL_URL"
    printf 'export CSAR_ADMIN_EMAIL=%q\n' "$CSAR_LARAVEL_ADMIN_EMAIL"
    printf 'export CSAR_ADMIN_PASSWORD=%q\n' "$CSAR_LARAVEL_ADMIN_PASSWORD"
    printf 'export CSAR_LARAVEL_BYPASS_SECRET=%q\n' "$CSAR_LARAVEL_BYPASS_SECRET"
    for name in CSAR_LARAVEL_ENV_FILE CSAR_MAIL_MAILBOX CSAR_MAIL_USER CSAR_MAIL_PASSWORD CSAR_MAIL_CA \
      CSAR_MAIL_MAILDIR CSAR_SMS_INBOX CSAR_PUSHER_URL CSAR_PUSHER_KEY; do
      printf 'export %s=%q\n' "$name" "${!name:-}"
    done
    ;;
  fault)
    shift
    [ $# -gt 0 ] || fail "fault needs at least one SPEC, e.g. 500:/api/warehouses or reset"
    load_stack_env
    artisan csar:fault "$@"
    apply_queue_fault
    ;;
  down)
    load_stack_env
    artisan down --secret="${2:-$CSAR_LARAVEL_BYPASS_SECRET}"
    ;;
  up)
    load_stack_env
    artisan up
    ;;
  reset)
    # Back to a healthy site between tests: faults off, maintenance off, rate limits (in the cache) cleared.
    load_stack_env
    artisan csar:fault reset > /dev/null
    [ ! -f "$runtime/storage/framework/down" ] || artisan up > /dev/null
    artisan cache:clear > /dev/null
    # Jobs left queued by a stopped worker would run first, and late, in the next test: dropped.
    artisan queue:clear redis --queue=default --force > /dev/null
    apply_queue_fault
    ;;
  artisan)
    shift
    load_stack_env
    artisan "$@"
    ;;
  *)
    sed -n '2,22p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
    ;;
esac
