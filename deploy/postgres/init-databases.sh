#!/usr/bin/env bash
# PostgreSQL init (docker compose: mounted into /docker-entrypoint-initdb.d/, runs once on an empty
# volume): one database and one owner per service that stores data, passwords from the environment.
#   diff-service      DIFF_DB_NAME / DIFF_DB_USER / DIFF_DB_PASSWORD
#   reporter-service  REPORTER_DB_NAME / REPORTER_DB_USER / REPORTER_DB_PASSWORD
#   ReportPortal      RP_DB_NAME / RP_DB_USER / RP_DB_PASSWORD (profile reportportal)
set -euo pipefail

create() {
  local db="$1" user="$2" password="$3"
  [ -n "$password" ] || { echo "init-databases: no password for $user" >&2; exit 1; }
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    -v db="$db" -v user="$user" -v password="$password" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', :'user', :'password')
  WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'user') \gexec
SELECT format('CREATE DATABASE %I OWNER %I', :'db', :'user')
  WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'db') \gexec
SQL
  echo "init-databases: database $db owned by $user"
}

create "${DIFF_DB_NAME:-pokeobs_diff}" "${DIFF_DB_USER:-diff}" "${DIFF_DB_PASSWORD:-}"
create "${REPORTER_DB_NAME:-pokeobs_reporter}" "${REPORTER_DB_USER:-reporter}" "${REPORTER_DB_PASSWORD:-}"
create "${RP_DB_NAME:-reportportal}" "${RP_DB_USER:-rpuser}" "${RP_DB_PASSWORD:-}"
