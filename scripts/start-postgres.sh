#!/usr/bin/env bash
# Start a local PostgreSQL server for sitrep's tests and print its SQLAlchemy URL on stdout.
#
#   url=$(scripts/start-postgres.sh) && export SITREP_TEST_POSTGRES="$url"
#
# On a fresh Debian machine, as root: installs the `postgresql` package when it is missing (running
# `apt-get update` only when the package lists are too old to find it), starts a cluster without
# systemd (pg_ctlcluster, or pg_ctl on a cluster of its own), and creates the role and the database
# the tests use. Every step is idempotent; when the server already answers for that role and
# database, it only prints the URL. Messages go to stderr; the exit status is 1 when no server can
# be started (the tests then skip, saying why).
#
# Settings (environment): SITREP_PG_ROLE (sitrep), SITREP_PG_PASSWORD (sitrep),
# SITREP_PG_DATABASE (sitrep_test), SITREP_PG_PORT (5432).
set -euo pipefail

role="${SITREP_PG_ROLE:-sitrep}"
password="${SITREP_PG_PASSWORD:-sitrep}"
database="${SITREP_PG_DATABASE:-sitrep_test}"
port="${SITREP_PG_PORT:-5432}"
host=127.0.0.1
url="postgresql+psycopg://${role}:${password}@${host}:${port}/${database}"

say() { echo "start-postgres: $*" >&2; }
fail() { say "$*"; exit 1; }

answers() {
    command -v psql >/dev/null 2>&1 || return 1
    PGPASSWORD="$password" PGCONNECT_TIMEOUT=3 psql -w -h "$host" -p "$port" -U "$role" -d "$database" \
        -tAc 'SELECT 1' >/dev/null 2>&1
}

if answers; then
    echo "$url"
    exit 0
fi

[ "$(id -u)" = 0 ] || fail "PostgreSQL does not answer at ${host}:${port} as ${role}/${database}, and starting it needs root"

server_bin() {
    local dir
    dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
    [ -n "$dir" ] && [ -x "$dir/pg_ctl" ] && echo "$dir"
}

install_server() {
    command -v apt-get >/dev/null 2>&1 || fail "no PostgreSQL server and no apt-get to install one"
    export DEBIAN_FRONTEND=noninteractive
    say "installing postgresql with apt-get"
    if ! apt-get install -y -qq --no-install-recommends postgresql >/dev/null 2>&1; then
        say "package lists are stale or empty: apt-get update"
        apt-get update -qq >/dev/null || fail "apt-get update failed"
        apt-get install -y -qq --no-install-recommends postgresql >/dev/null || fail "apt-get install postgresql failed"
    fi
}

bin=$(server_bin || true)
if [ -z "$bin" ]; then
    install_server
    bin=$(server_bin || true)
    [ -n "$bin" ] || fail "postgresql is installed but no pg_ctl was found under /usr/lib/postgresql"
fi
version=$(basename "$(dirname "$bin")")

as_postgres() { runuser -u postgres -- "$@"; }

start_with_pg_ctlcluster() {
    if ! pg_lsclusters -h 2>/dev/null | awk -v p="$port" '$3 == p' | grep -q .; then
        say "creating cluster ${version}/main on port ${port}"
        pg_createcluster -p "$port" "$version" main >/dev/null
    fi
    local cluster
    cluster=$(pg_lsclusters -h | awk -v p="$port" '$3 == p {print $1 " " $2; exit}')
    # shellcheck disable=SC2086
    if ! pg_lsclusters -h | awk -v p="$port" '$3 == p {print $4; exit}' | grep -q online; then
        say "starting cluster ${cluster}"
        pg_ctlcluster $cluster start >/dev/null 2>&1 || pg_ctlcluster --skip-systemctl-redirect $cluster start
    fi
}

start_with_pg_ctl() {
    local data=/var/lib/postgresql/sitrep-data
    if [ ! -s "$data/PG_VERSION" ]; then
        install -d -o postgres -g postgres "$data"
        as_postgres "$bin/initdb" -D "$data" -A scram-sha-256 --pwfile=<(echo "$password") -U postgres >/dev/null
        echo "host all all 127.0.0.1/32 scram-sha-256" >>"$data/pg_hba.conf"
    fi
    install -d -o postgres -g postgres /var/run/postgresql
    as_postgres "$bin/pg_ctl" -D "$data" -l "$data/server.log" -o "-p $port -c listen_addresses=$host" -w start >/dev/null
}

if command -v pg_ctlcluster >/dev/null 2>&1; then
    start_with_pg_ctlcluster
else
    start_with_pg_ctl
fi

for _ in $(seq 1 60); do
    "$bin/pg_isready" -q -h "$host" -p "$port" && break
    sleep 0.5
done
"$bin/pg_isready" -q -h "$host" -p "$port" || fail "the server did not come up on ${host}:${port}"

# The role may create databases: each test works in a fresh one of its own.
as_postgres psql -q -p "$port" -v ON_ERROR_STOP=1 -d postgres >/dev/null <<SQL
DO \$\$
BEGIN
  IF EXISTS (SELECT FROM pg_roles WHERE rolname = '${role}') THEN
    ALTER ROLE "${role}" LOGIN CREATEDB PASSWORD '${password}';
  ELSE
    CREATE ROLE "${role}" LOGIN CREATEDB PASSWORD '${password}';
  END IF;
END
\$\$;
SQL
if ! as_postgres psql -p "$port" -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '${database}'" | grep -q 1; then
    as_postgres createdb -p "$port" -O "$role" "$database"
fi

answers || fail "the server runs but ${role}/${database} cannot log in over TCP at ${host}:${port} (check pg_hba.conf)"
echo "$url"
