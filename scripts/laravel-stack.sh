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
#   scripts/laravel-stack.sh reset            faults off, site up, rate limits cleared, queue emptied, worker running;
#                                             the TLS server hardened again with the valid certificate
#   scripts/laravel-stack.sh artisan ARGS…    any artisan command on this instance
#   scripts/laravel-stack.sh certificate NAME the TLS Laravel server serves certificate NAME: valid, expiring (3 days
#                                             left), wrong-host (wrong.example), expired (yesterday), self-signed
#   scripts/laravel-stack.sh hardening-fault NAME…  undo one hardening of the TLS Laravel server each (they add up;
#                                             reset clears them): debug (APP_DEBUG=true), env-public (/.env),
#                                             env-production-public, git-public (/.git/config), log-public
#                                             (/storage/logs/laravel.log), telescope, phpinfo (/phpinfo.php),
#                                             composer-public, storage-listing (/storage/ listed), no-hsts,
#                                             hsts-short (max-age=3600), hsts-no-subdomains, insecure-cookie
#                                             (session cookie without Secure), no-redirect (the redirect server
#                                             serves the site, 200), no-frame-options (nor frame-ancestors),
#                                             no-nosniff, no-referrer-policy, no-csp, server-version
#                                             (Server: nginx/1.22.1), powered-by (X-Powered-By: PHP/8.2.x)
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
#
# Over TLS (production readiness): nginx also serves, on three more free loopback ports, the app over HTTPS
# (TLS 1.2 and 1.3, http2), hardened: HSTS (1 year, includeSubDomains), X-Frame-Options, nosniff,
# Referrer-Policy, a CSP with frame-ancestors, no version in Server, no X-Powered-By, no dotfile served, the
# session and XSRF-TOKEN cookies Secure (fastcgi_param SESSION_SECURE_COOKIE; the plain HTTP server's are not);
# a plain HTTP server answering everything with 301 to it; a static site over HTTPS, hardened the same way.
# Their certificates (RUNTIME/tls) come from a test CA made at start. stack.env adds CSAR_LARAVEL_HTTPS_URL
# (https://localhost:…), CSAR_LARAVEL_HTTP_REDIRECT_URL, CSAR_LARAVEL_CA (the CA, for --cacert) and
# CSAR_STATIC_HTTPS_URL.
#
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
; PHP names itself (X-Powered-By: PHP/8.2.x), as Debian's php.ini does for the CLI; nginx hides it on every
; server but the TLS one under the powered-by hardening fault.
php_admin_flag[expose_php] = on
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
            fastcgi_hide_header X-Powered-By;
        }
        location ~ /\.(?!well-known) { deny all; }
    }
    # The TLS servers (Laravel, its HTTP-to-HTTPS redirect, a static site): rewritten by write_tls_conf.
    include $runtime/nginx-tls.conf;
}
CONF
}

# The certificates of the TLS servers, in RUNTIME/tls: a test CA (ca.pem, which clients trust with --cacert)
# and, each with its key NAME.key, leaf certificates NAME.pem: valid (localhost and 127.0.0.1, 90 days),
# expiring (the same, 3 days left), wrong-host (wrong.example only), expired (ended yesterday), all signed by
# the CA, and self-signed (localhost, not from the CA). ECDSA P-256: the lot takes a fraction of a second.
certificate_names=(valid expiring wrong-host expired self-signed)

make_certificates() {
  local tls="$runtime/tls" now
  mkdir -p "$tls/issued"
  : > "$tls/index.txt"
  echo 1000 > "$tls/serial"
  cat > "$tls/ca.cnf" <<'CNF'
[ca]
default_ca = test_ca
[test_ca]
database = index.txt
new_certs_dir = issued
serial = serial
default_md = sha256
policy = any_name
unique_subject = no
copy_extensions = none
email_in_dn = no
[any_name]
commonName = supplied
[localhost]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature
extendedKeyUsage = serverAuth
subjectAltName = DNS:localhost,IP:127.0.0.1
[wrong_host]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature
extendedKeyUsage = serverAuth
subjectAltName = DNS:wrong.example
CNF
  now=$(date -u +%s)
  (
    cd "$tls"
    openssl req -x509 -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout ca.key -out ca.pem \
      -days 3650 -subj "/O=CSAR test/CN=CSAR test CA" -addext "basicConstraints=critical,CA:TRUE" \
      -addext "keyUsage=critical,keyCertSign,cRLSign"
    # `openssl ca` takes any start and end date (OpenSSL 3.0's `x509 -req` only -days from now): the expired
    # one ended yesterday. Each starts an hour back, for clocks a little behind.
    leaf valid localhost localhost $((now - 3600)) $((now + 90 * 86400))
    leaf expiring localhost localhost $((now - 3600)) $((now + 3 * 86400))
    leaf wrong-host wrong.example wrong_host $((now - 3600)) $((now + 90 * 86400))
    leaf expired localhost localhost $((now - 91 * 86400)) $((now - 86400))
    openssl req -x509 -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout self-signed.key \
      -out self-signed.pem -days 90 -subj "/CN=localhost" -addext "basicConstraints=critical,CA:FALSE" \
      -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" -addext "extendedKeyUsage=serverAuth"
    chmod 600 ./*.key
  ) > "$runtime/logs/certificates.log" 2>&1 || { cat "$runtime/logs/certificates.log" >&2; return 1; }
  echo valid > "$tls/current"
}

# One leaf certificate signed by the test CA: NAME COMMON-NAME EXTENSIONS NOT-BEFORE NOT-AFTER (epoch seconds).
leaf() {
  openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "$1.key" -subj "/CN=$2" -out "$1.csr"
  openssl ca -batch -notext -config ca.cnf -cert ca.pem -keyfile ca.key -extensions "$3" \
    -startdate "$(date -u -d "@$4" +%Y%m%d%H%M%SZ)" -enddate "$(date -u -d "@$5" +%Y%m%d%H%M%SZ)" \
    -in "$1.csr" -out "$1.pem"
}

# What the fault servers expose, in the runtime folder (the app's folder stays read-only): the files a careless
# deployment leaves reachable, and the static site.
write_exposed_files() {
  mkdir -p "$runtime/git" "$runtime/phpinfo" "$runtime/storage/app/public/documents" \
    "$runtime/static-site/css" "$runtime/static-site/a-propos"
  cat > "$runtime/git/config" <<'GIT'
[core]
	repositoryformatversion = 0
	filemode = true
	bare = false
	logallrefupdates = true
[remote "origin"]
	url = https://deploy:ghp_csarTestDeployToken0000000000000000@github.com/csar-sn/plateforme.git
	fetch = +refs/heads/*:refs/remotes/origin/*
[branch "main"]
	remote = origin
	merge = refs/heads/main
GIT
  echo "ref: refs/heads/main" > "$runtime/git/HEAD"
  cat > "$runtime/composer.json" <<'JSON'
{
    "name": "csar/plateforme",
    "type": "project",
    "require": {
        "php": "^8.2",
        "laravel/framework": "^8.83",
        "guzzlehttp/guzzle": "^7.5"
    },
    "require-dev": {
        "laravel/telescope": "^4.9"
    },
    "autoload": {
        "psr-4": { "App\\": "app/" }
    }
}
JSON
  echo '<?php phpinfo();' > "$runtime/phpinfo/phpinfo.php"
  printf '%%PDF-1.4\n%% Guide du demandeur (CSAR test)\n' > "$runtime/storage/app/public/documents/guide-demandeur.pdf"
  printf 'Rapport annuel CSAR (test)\n' > "$runtime/storage/app/public/rapport-annuel.txt"
  cat > "$runtime/static-site/index.html" <<'HTML'
<!DOCTYPE html>
<html lang="fr">
<head><meta charset="utf-8"><title>CSAR - Commissariat à la Sécurité Alimentaire</title>
<link rel="stylesheet" href="/css/site.css"></head>
<body><h1>CSAR</h1><p>Site statique de test.</p><a href="/a-propos/">À propos</a></body>
</html>
HTML
  cat > "$runtime/static-site/a-propos/index.html" <<'HTML'
<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8"><title>À propos - CSAR</title></head>
<body><h1>À propos</h1><p>Page statique.</p></body></html>
HTML
  echo 'body { font-family: sans-serif; }' > "$runtime/static-site/css/site.css"
  printf 'User-agent: *\nDisallow:\n' > "$runtime/static-site/robots.txt"
}

# The hardening faults, one a line in RUNTIME/hardening-faults; each changes one thing on the TLS Laravel
# server (or, no-redirect, on its redirect server).
hardening_fault_names=(debug env-public env-production-public git-public log-public telescope phpinfo
  composer-public storage-listing no-hsts hsts-short hsts-no-subdomains insecure-cookie no-redirect
  no-frame-options no-nosniff no-referrer-policy no-csp server-version powered-by)

has_fault() { grep -qx "$1" "$runtime/hardening-faults" 2> /dev/null; }

# True when the header the hardening fault $2 removes is sent: always on a hardened site ($1 not "faults").
keeps() { [ "$1" != faults ] || ! has_fault "$2"; }

# The security headers: those of a hardened site, less what the faults remove when $1 is "faults".
security_headers() {
  local faults=$1 hsts="max-age=31536000; includeSubDomains"
  local csp="default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'"
  csp="$csp; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'"
  if keeps "$faults" no-frame-options; then csp="$csp; frame-ancestors 'self'"; fi
  if [ "$faults" = faults ]; then
    if has_fault hsts-short; then hsts="max-age=3600; includeSubDomains"; fi
    if has_fault hsts-no-subdomains; then hsts="${hsts%%;*}"; fi
  fi
  if keeps "$faults" no-hsts; then echo "        add_header Strict-Transport-Security \"$hsts\" always;"; fi
  if keeps "$faults" no-frame-options; then echo "        add_header X-Frame-Options SAMEORIGIN always;"; fi
  if keeps "$faults" no-nosniff; then echo "        add_header X-Content-Type-Options nosniff always;"; fi
  if keeps "$faults" no-referrer-policy; then
    echo "        add_header Referrer-Policy strict-origin-when-cross-origin always;"
  fi
  if keeps "$faults" no-csp; then echo "        add_header Content-Security-Policy \"$csp\" always;"; fi
}

# The body of the Laravel server on TLS (and of its redirect server under no-redirect): the app hardened,
# less what the faults undo.
laravel_site_conf() {
  local tokens=off
  has_fault server-version && tokens=on
  cat <<CONF
        server_tokens $tokens;
        root $app/public;
        index index.php;
        charset utf-8;
$(security_headers faults)
        location / {
            try_files \$uri \$uri/ /index.php?\$query_string;
        }
        location = /index.php {
            fastcgi_pass unix:$runtime/php-fpm.sock;
            include /etc/nginx/fastcgi_params;
            fastcgi_param SCRIPT_FILENAME \$realpath_root\$fastcgi_script_name;
            fastcgi_param HTTP_HOST \$http_host;
CONF
  has_fault powered-by || echo "            fastcgi_hide_header X-Powered-By;"
  # Laravel's env() reads \$_SERVER first, and phpdotenv never overrides it: these win over the .env.
  has_fault insecure-cookie || echo "            fastcgi_param SESSION_SECURE_COOKIE true;"
  has_fault debug && echo "            fastcgi_param APP_DEBUG true;"
  has_fault telescope && echo "            fastcgi_param CSAR_FAULT_TELESCOPE on;"
  echo "        }"
  # Laravel's `storage:link` (public/storage → storage/app/public): its files are public, its folders not listed.
  echo "        location ^~ /storage/ {"
  echo "            alias $runtime/storage/app/public/;"
  has_fault storage-listing && echo "            autoindex on;"
  echo "        }"
  has_fault env-public && echo "        location = /.env { alias $runtime/.env; default_type text/plain; }"
  has_fault env-production-public \
    && echo "        location = /.env.production { alias $runtime/.env.production; default_type text/plain; }"
  has_fault git-public && echo "        location ^~ /.git/ { alias $runtime/git/; default_type text/plain; }"
  has_fault log-public && echo "        location = /storage/logs/laravel.log {" \
    "alias $runtime/storage/logs/laravel.log; default_type text/plain; }"
  has_fault composer-public && echo "        location = /composer.json { alias $runtime/composer.json; }"
  if has_fault phpinfo; then
    cat <<CONF
        location = /phpinfo.php {
            fastcgi_pass unix:$runtime/php-fpm.sock;
            include /etc/nginx/fastcgi_params;
            fastcgi_param SCRIPT_FILENAME $runtime/phpinfo/phpinfo.php;
            fastcgi_hide_header X-Powered-By;
        }
CONF
  fi
  echo "        location ~ /\\.(?!well-known) { deny all; }"
}

tls_settings() {
  cat <<CONF
        ssl_certificate $runtime/tls/$1.pem;
        ssl_certificate_key $runtime/tls/$1.key;
        ssl_protocols TLSv1.2 TLSv1.3;
        ssl_prefer_server_ciphers off;
        # No session resumption: a client always sees the certificate served now (see \`certificate\`).
        ssl_session_cache off;
        ssl_session_tickets off;
CONF
}

# RUNTIME/nginx-tls.conf from the ports ($tls_port, $redirect_port, $static_port), the certificate named in
# RUNTIME/tls/current and the hardening faults.
write_tls_conf() {
  local certificate
  certificate=$(cat "$runtime/tls/current")
  {
    echo "    # Laravel over TLS, hardened (certificate: $certificate)"
    echo "    server {"
    echo "        listen 127.0.0.1:$tls_port ssl http2;"
    echo "        server_name localhost;"
    tls_settings "$certificate"
    laravel_site_conf
    echo "    }"
    echo "    # HTTP to HTTPS"
    echo "    server {"
    echo "        listen 127.0.0.1:$redirect_port;"
    echo "        server_name localhost;"
    if has_fault no-redirect; then
      laravel_site_conf
    else
      echo "        server_tokens off;"
      echo "        return 301 https://localhost:$tls_port\$request_uri;"
    fi
    echo "    }"
    echo "    # A static site over TLS, hardened (never faulty)"
    echo "    server {"
    echo "        listen 127.0.0.1:$static_port ssl http2;"
    echo "        server_name localhost;"
    tls_settings valid
    echo "        server_tokens off;"
    echo "        root $runtime/static-site;"
    echo "        index index.html;"
    echo "        charset utf-8;"
    security_headers hardened
    echo "        location / { try_files \$uri \$uri/ =404; }"
    echo "        location ~ /\\.(?!well-known) { deny all; }"
    echo "    }"
  } > "$runtime/nginx-tls.conf.new"
}

nginx_workers() { ps -o pid=,args= --ppid "$1" 2> /dev/null || true; }

# True once the master $1 runs new workers and none of the old ones ($2, pids) still accepts connections (an
# old worker gone, or "shutting down": it has closed its listening sockets).
reload_done() {
  local master=$1 old=" $2 " workers pid args fresh=0
  workers=$(nginx_workers "$master")
  while read -r pid args; do
    [ -n "$pid" ] || continue
    if [[ $old == *" $pid "* ]]; then
      [[ $args == *"shutting down"* ]] || return 1
    else
      fresh=1
    fi
  done <<< "$workers"
  [ $fresh -eq 1 ]
}

# Puts RUNTIME/nginx-tls.conf.new in place and, if it differs, reloads nginx and waits until the new
# configuration serves every new connection.
apply_tls_conf() {
  local conf="$runtime/nginx-tls.conf" master old
  if cmp -s "$conf.new" "$conf"; then rm -f "$conf.new"; return 0; fi
  cp "$conf" "$conf.old" 2> /dev/null || true
  mv "$conf.new" "$conf"
  if ! "$nginx" -t -q -p "$runtime/nginx" -e "$runtime/logs/nginx-error.log" -c "$runtime/nginx.conf" \
    2> "$runtime/logs/nginx-reload.log"; then
    cat "$runtime/logs/nginx-reload.log" >&2
    [ ! -f "$conf.old" ] || mv "$conf.old" "$conf"
    return 1
  fi
  master=$(cat "$runtime/nginx.pid")
  old=$(nginx_workers "$master" | awk '{ printf "%s ", $1 }')
  kill -HUP "$master"
  wait_for 20 reload_done "$master" "$old" || { say "nginx did not reload within 20 s"; return 1; }
}

# The SHA-256 fingerprint of the certificate the TLS Laravel server serves now / of RUNTIME/tls/$1.pem.
served_fingerprint() {
  openssl s_client -connect "127.0.0.1:$tls_port" -servername localhost < /dev/null 2> /dev/null \
    | openssl x509 -noout -fingerprint -sha256
}
file_fingerprint() { openssl x509 -in "$runtime/tls/$1.pem" -noout -fingerprint -sha256; }
serves_certificate() { [ "$(served_fingerprint)" = "$(file_fingerprint "$1")" ]; }

# The ports of the TLS servers, from stack.env (after load_stack_env).
load_tls_ports() {
  [ -n "${CSAR_LARAVEL_HTTPS_URL:-}" ] \
    || fail "this stack has no TLS servers (started by an older script): stop and start it again"
  tls_port=${CSAR_LARAVEL_HTTPS_URL##*:}
  redirect_port=${CSAR_LARAVEL_HTTP_REDIRECT_URL##*:}
  static_port=${CSAR_STATIC_HTTPS_URL##*:}
}

# `certificate NAME`: the TLS Laravel server serves RUNTIME/tls/NAME.pem, checked on a new connection.
use_certificate() {
  local name=$1
  [[ " ${certificate_names[*]} " == *" $name "* ]] \
    || fail "unknown certificate '$name': expected one of ${certificate_names[*]}"
  echo "$name" > "$runtime/tls/current"
  write_tls_conf
  apply_tls_conf
  wait_for 20 serves_certificate "$name" || fail "the TLS server does not serve the $name certificate after 20 s"
}

# `hardening-fault NAME…` (or reset): the faults add up; reset clears them.
set_hardening_faults() {
  local name faults="$runtime/hardening-faults"
  touch "$faults"
  for name in "$@"; do
    [ "$name" = reset ] || [[ " ${hardening_fault_names[*]} " == *" $name "* ]] \
      || fail "unknown hardening fault '$name': expected reset or any of ${hardening_fault_names[*]}"
  done
  for name in "$@"; do
    if [ "$name" = reset ]; then
      : > "$faults"
    elif ! has_fault "$name"; then
      echo "$name" >> "$faults"
    fi
  done
  has_fault log-public && ensure_log_content
  write_tls_conf
  apply_tls_conf
}

# storage/logs/laravel.log with an entry written by Laravel's logger (an error with its stack trace), as a
# production log has.
ensure_log_content() {
  [ ! -s "$runtime/storage/logs/laravel.log" ] || return 0
  (cd "$app" && CSAR_LARAVEL_RUNTIME="$runtime" php -r '
    require "bootstrap/autoload.php";
    $app = require "bootstrap/app.php";
    $app->make(Illuminate\Contracts\Console\Kernel::class)->bootstrap();
    Illuminate\Support\Facades\Log::error("SMS delivery failed for demande CSAR-2026-000042",
      ["exception" => new RuntimeException("Orange SMS API answered 401 Unauthorized")]);')
}

# nginx on a free loopback port: another process may take the port between the probe and nginx's bind,
# so a failed bind is retried on a new port.
start_nginx() {
  local attempt
  mkdir -p "$runtime/nginx"/{body,fastcgi,proxy,uwsgi,scgi}
  for attempt in 1 2 3 4 5; do
    port=$(free_port)
    tls_port=$(free_port)
    redirect_port=$(free_port)
    static_port=$(free_port)
    [ "$(printf '%s\n' "$port" "$tls_port" "$redirect_port" "$static_port" | sort -u | wc -l)" -eq 4 ] || continue
    write_nginx_conf "$port"
    write_tls_conf
    mv "$runtime/nginx-tls.conf.new" "$runtime/nginx-tls.conf"
    if "$nginx" -p "$runtime/nginx" -e "$runtime/logs/nginx-error.log" -c "$runtime/nginx.conf" \
      2> "$runtime/logs/nginx-start.log"; then
      wait_for 20 curl -fsS -o /dev/null "http://127.0.0.1:$port/" \
        && wait_for 20 curl -fsS -o /dev/null --cacert "$runtime/tls/ca.pem" "https://localhost:$tls_port/" \
        && return 0
      say "nginx on ports $port and $tls_port (TLS) did not serve the home page within 20 s"
      tail -20 "$runtime/logs/nginx-error.log" "$runtime/logs/php-errors.log" "$runtime/storage/logs/laravel.log" \
        >&2 2> /dev/null || true
      return 1
    fi
    grep -q "Address already in use" "$runtime/logs/nginx-start.log" \
      || { cat "$runtime/logs/nginx-start.log" >&2; return 1; }
    say "one of ports $port, $tls_port, $redirect_port, $static_port was taken meanwhile (attempt $attempt);" \
      "trying others"
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
  tls_port=0
  redirect_port=0
  static_port=0

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
  make_certificates
  write_exposed_files
  : > "$runtime/hardening-faults"
  start_nginx
  sed -i "s|^APP_URL=.*|APP_URL=http://127.0.0.1:$port|" "$runtime/.env"
  # A deployment's copy of the production .env (the hardening fault env-production-public serves it).
  sed "s|^APP_URL=.*|APP_URL=https://localhost:$tls_port|" "$runtime/.env" > "$runtime/.env.production"
  chmod 600 "$runtime/.env.production"
  start_queue_worker
  trap - EXIT

  cat > "$stack_env" <<ENV
CSAR_LARAVEL_RUNTIME=$runtime
CSAR_LARAVEL_URL=http://127.0.0.1:$port
CSAR_LARAVEL_HTTPS_URL=https://localhost:$tls_port
CSAR_LARAVEL_HTTP_REDIRECT_URL=http://localhost:$redirect_port
CSAR_LARAVEL_CA=$runtime/tls/ca.pem
CSAR_STATIC_HTTPS_URL=https://localhost:$static_port
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
  say "Laravel $version up at http://127.0.0.1:$port and https://localhost:$tls_port (HTTP redirect" \
    "http://localhost:$redirect_port, static site https://localhost:$static_port) in $((SECONDS - started)) s" \
    "(runtime $runtime)"
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
    for name in CSAR_LARAVEL_HTTPS_URL CSAR_LARAVEL_HTTP_REDIRECT_URL CSAR_LARAVEL_CA CSAR_STATIC_HTTPS_URL \
      CSAR_LARAVEL_ENV_FILE CSAR_MAIL_MAILBOX CSAR_MAIL_USER CSAR_MAIL_PASSWORD CSAR_MAIL_CA \
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
    # The TLS server hardened again, with the valid certificate (nginx reloads only if that changes anything).
    if [ -n "${CSAR_LARAVEL_HTTPS_URL:-}" ]; then
      load_tls_ports
      : > "$runtime/hardening-faults"
      use_certificate valid
    fi
    ;;
  certificate)
    [ $# -eq 2 ] || fail "certificate needs one NAME: ${certificate_names[*]}"
    load_stack_env
    load_tls_ports
    use_certificate "$2"
    ;;
  hardening-fault)
    shift
    [ $# -gt 0 ] || fail "hardening-fault needs at least one NAME (${hardening_fault_names[*]}) or reset"
    load_stack_env
    load_tls_ports
    set_hardening_faults "$@"
    tr '\n' ' ' < "$runtime/hardening-faults" | sed 's/ $//'
    echo
    ;;
  artisan)
    shift
    load_stack_env
    artisan "$@"
    ;;
  *)
    sed -n '2,34p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
    ;;
esac
