#!/usr/bin/env bash
# Makes sure the local PostgreSQL and MariaDB run and creates fresh, empty databases `access_keys_it`
# (and a MariaDB user `access_keys`/`access_keys`, since the test framework needs a non-empty password).
set -euo pipefail
if ! pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; then
  echo "starting PostgreSQL"; pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main start
fi
if ! mariadb -h 127.0.0.1 -uroot -e 'select 1' >/dev/null 2>&1; then
  echo "starting MariaDB"; start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd
  for i in $(seq 1 30); do mariadb -h 127.0.0.1 -uroot -e 'select 1' >/dev/null 2>&1 && break; sleep 1; done
fi
psql -q -h 127.0.0.1 -U postgres -d test -c 'DROP DATABASE IF EXISTS access_keys_it' -c 'CREATE DATABASE access_keys_it'
mariadb -h 127.0.0.1 -uroot -e "DROP DATABASE IF EXISTS access_keys_it; CREATE DATABASE access_keys_it CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
  CREATE USER IF NOT EXISTS 'access_keys'@'%' IDENTIFIED BY 'access_keys';
  CREATE USER IF NOT EXISTS 'access_keys'@'localhost' IDENTIFIED BY 'access_keys';
  GRANT ALL ON access_keys_it.* TO 'access_keys'@'%'; GRANT ALL ON access_keys_it.* TO 'access_keys'@'localhost'; FLUSH PRIVILEGES;"
echo "fresh databases: postgres access_keys_it, mariadb access_keys_it"
