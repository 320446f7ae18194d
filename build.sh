#!/usr/bin/env bash
# KapClinic's one entry point for developers and CI.
#   ./build.sh run [--database NAME]   start a local PostgreSQL (.data/postgres) and the app at http://127.0.0.1:5080
#                     (demo data in database kapclinic; --database or KAPCLINIC_DATABASE opens another, e.g. generated data)
#   ./build.sh seed --scale small|large [--database NAME] [--connection OWNER_CONNSTRING] [--force]
#                     fill kapclinic_scale_small|large (or NAME) in the local PostgreSQL with generated data (README, "Scale data")
#   ./build.sh test   install what the tests need, build, run every test, end with "N passed, N failed"
#   ./build.sh build  build the solution (zero warnings: warnings are errors)
#   ./build.sh sql    print the idempotent migration script for operators who migrate by hand
#   ./build.sh code EMAIL   print a demo user's current authenticator code (while `run` is up; Development only)
#   ./build.sh backup       pg_dump the database of `run` into backups/kapclinic-YYYYMMDD-HHMMSS.dump + .manifest.json
#   ./build.sh restore FILE [--database NAME]   restore a backup into a NEW database (default kapclinic_restore_<time>)
#                           of the same server and verify it: row counts, content hashes and the audit chain
#   ./build.sh bench [--fresh] [--duration S]   measure the app in Release against its floor on its own PostgreSQL
#                     (.data/bench-postgres, kept: the large data set is reused; --fresh deletes it first);
#                     writes bench-results/bench-YYYYMMDD-HHMMSS.md; exit 0 only when every scenario meets its target
#   ./build.sh soak [--minutes N] [--users N]   mixed load (50 signed-in users, 5 min) on the Release app and its own PostgreSQL
#   ./build.sh faults [--minutes N]   the same load while PostgreSQL is cut, restarted and stopped for 20 s; then SIGTERM
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$PWD

APP_URL=${KAPCLINIC_URL:-http://127.0.0.1:5080}
DEV_PG_PORT=${KAPCLINIC_PG_PORT:-5433}
DEV_PG_DIR=$ROOT/.data/postgres
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

say() { printf '\033[1;34m==>\033[0m %s\n' "$*"; }
die() { printf '\033[1;31mError:\033[0m %s\n' "$*" >&2; exit 1; }
is_root() { [ "$(id -u)" = 0 ]; }

# Installs a Debian package when root; otherwise says exactly what to install.
need_package() { # PACKAGE WHAT
  if is_root; then
    say "Installing $2 (Debian package $1)"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$1" >/dev/null
  else
    die "$2 is missing. Install it with: sudo apt-get install -y $1   (then run this again)"
  fi
}

pg_bin_dir() {
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    [ -x "$dir/initdb" ] && { echo "$dir"; return 0; }
  done
  command -v initdb >/dev/null 2>&1 && { dirname "$(command -v initdb)"; return 0; }
  return 1
}

ensure_postgres() {
  if ! PG_BIN=$(pg_bin_dir); then
    need_package postgresql "PostgreSQL server"
    PG_BIN=$(pg_bin_dir) || die "PostgreSQL binaries still not found after installing."
  fi
  export KAPCLINIC_PG_BIN=$PG_BIN
}

ensure_chromium() {
  command -v chromium >/dev/null 2>&1 || need_package chromium "Chromium (for the browser tests)"
}

# PDF exports draw with a system TrueType font (DejaVu Sans, else Liberation Sans): see SystemFontResolver.
ensure_fonts() {
  [ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || [ -f /usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf ] \
    || need_package fonts-dejavu-core "the DejaVu fonts (for PDF exports)"
}

ensure_dotnet() {
  command -v dotnet >/dev/null 2>&1 || die "The .NET SDK is missing: install .NET SDK 10 (see global.json) and run this again."
  dotnet tool restore >/dev/null
}

# The PostgreSQL server refuses to run as root: run its tools as the postgres OS user then.
as_pg() { if is_root; then runuser -u postgres -- "$@"; else "$@"; fi; }

# The server runs as the postgres OS user, which must be able to pass through every parent directory
# (a clone under /root is private by default). Grant only "search" (o+x), and say so.
allow_postgres_to_reach() { # DIR
  local dir
  dir=$(dirname "$1")
  while [ "$dir" != / ]; do
    if ! as_pg test -x "$dir"; then
      say "Letting the postgres user pass through $dir (chmod o+x)"
      chmod o+x "$dir"
    fi
    dir=$(dirname "$dir")
  done
}

start_dev_postgres() {
  ensure_postgres
  mkdir -p "$DEV_PG_DIR"
  if is_root; then
    chown postgres:postgres "$DEV_PG_DIR"
    allow_postgres_to_reach "$DEV_PG_DIR"
    as_pg test -w "$DEV_PG_DIR" || die "The postgres OS user cannot write $DEV_PG_DIR."
  fi
  chmod 700 "$DEV_PG_DIR"
  if [ ! -f "$DEV_PG_DIR/data/PG_VERSION" ]; then
    say "Creating a PostgreSQL cluster in .data/postgres"
    as_pg "$PG_BIN/initdb" -D "$DEV_PG_DIR/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  fi
  if as_pg "$PG_BIN/pg_ctl" -D "$DEV_PG_DIR/data" status >/dev/null 2>&1; then
    say "PostgreSQL already running on 127.0.0.1:$DEV_PG_PORT"
  else
    say "Starting PostgreSQL on 127.0.0.1:$DEV_PG_PORT"
    as_pg "$PG_BIN/pg_ctl" -D "$DEV_PG_DIR/data" -l "$DEV_PG_DIR/server.log" -w -t 60 \
      -o "-p $DEV_PG_PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=''" start >/dev/null \
      || die "PostgreSQL did not start; see .data/postgres/server.log"
  fi
  if ! "$PG_BIN/psql" -h 127.0.0.1 -p "$DEV_PG_PORT" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='kapclinic'" postgres | grep -q 1; then
    "$PG_BIN/psql" -h 127.0.0.1 -p "$DEV_PG_PORT" -U postgres -qc "CREATE DATABASE kapclinic" postgres
  fi
  # The owner/app role split (README, Security): postgres owns the schema and migrates; the app signs in as
  # kapclinic_app, which the migrations grant everything except changing the audit trail and the ledger.
  "$PG_BIN/psql" -h 127.0.0.1 -p "$DEV_PG_PORT" -U postgres -qc \
    "DO \$\$ BEGIN CREATE ROLE kapclinic_app LOGIN; EXCEPTION WHEN duplicate_object THEN ALTER ROLE kapclinic_app LOGIN; END \$\$" postgres
}

stop_dev_postgres() {
  say "Stopping PostgreSQL"
  as_pg "$PG_BIN/pg_ctl" -D "$DEV_PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
}

cmd_build() {
  ensure_dotnet
  dotnet build KapClinic.sln -c "${CONFIGURATION:-Debug}" -warnaserror -nologo -v quiet "$@"
}

cmd_run() {
  local database=${KAPCLINIC_DATABASE:-kapclinic}
  while [ $# -gt 0 ]; do
    case "$1" in
      --database) [ $# -ge 2 ] || die "--database needs a name"; database=$2; shift 2 ;;
      *) die "Unknown option for run: $1 (usage: ./build.sh run [--database NAME])" ;;
    esac
  done
  ensure_dotnet
  ensure_fonts
  start_dev_postgres
  trap stop_dev_postgres EXIT
  trap 'exit 130' INT TERM
  say "Building"
  dotnet build src/KapClinic.Web -c Debug -nologo -v quiet
  say "Starting KapClinic at $APP_URL (Ctrl-C stops the app and PostgreSQL)"
  if [ "$database" = kapclinic ]; then
    say "Demo sign-in: admin@kapclinic.test, clinician@kapclinic.test or staff@kapclinic.test, password demo-lantern-orchard-7"
    say "Then the authenticator code: run ./build.sh code EMAIL in another terminal"
  else
    say "Database $database. Generated data: sign in as load.clinician01@kapclinic.test or load.admin@kapclinic.test (README, \"Scale data\")"
  fi
  ASPNETCORE_ENVIRONMENT=Development \
  ConnectionStrings__KapClinicOwner="Host=127.0.0.1;Port=$DEV_PG_PORT;Database=$database;Username=postgres" \
  ConnectionStrings__KapClinic="Host=127.0.0.1;Port=$DEV_PG_PORT;Database=$database;Username=kapclinic_app" \
    dotnet run --no-build --no-launch-profile --project src/KapClinic.Web -- --urls "$APP_URL"
}

# Generated data for scale work (src/KapClinic.DataGenerator): into the dev cluster by default, or any server's owner connection.
cmd_seed() {
  local scale="" database="" connection="" force=()
  while [ $# -gt 0 ]; do
    case "$1" in
      --scale) [ $# -ge 2 ] || die "--scale needs small or large"; scale=$2; shift 2 ;;
      --database) [ $# -ge 2 ] || die "--database needs a name"; database=$2; shift 2 ;;
      --connection) [ $# -ge 2 ] || die "--connection needs an owner connection string"; connection=$2; shift 2 ;;
      --force) force=(--force); shift ;;
      *) die "Unknown option for seed: $1 (usage: ./build.sh seed --scale small|large [--database NAME] [--connection OWNER_CONNSTRING] [--force])" ;;
    esac
  done
  case "$scale" in small|large) ;; *) die "Usage: ./build.sh seed --scale small|large [--database NAME] [--connection OWNER_CONNSTRING] [--force]" ;; esac
  database=${database:-kapclinic_scale_$scale}
  ensure_dotnet
  if [ -z "$connection" ]; then
    # Leave the dev cluster as we found it: stopped afterwards unless it was already running (e.g. under ./build.sh run).
    ensure_postgres
    if ! as_pg "$PG_BIN/pg_ctl" -D "$DEV_PG_DIR/data" status >/dev/null 2>&1; then trap stop_dev_postgres EXIT; fi
    start_dev_postgres
    connection="Host=127.0.0.1;Port=$DEV_PG_PORT;Database=$database;Username=postgres"
  elif ! printf '%s' "$connection" | grep -qi 'database='; then
    connection="$connection;Database=$database"
  fi
  say "Building the generator (Release)"
  dotnet build src/KapClinic.DataGenerator -c Release -nologo -v quiet
  say "Generating the $scale data set"
  dotnet src/KapClinic.DataGenerator/bin/Release/net10.0/KapClinic.DataGenerator.dll --scale "$scale" --connection "$connection" "${force[@]}"
  say "Browse it with: ./build.sh run --database $database"
}

cmd_test() {
  ensure_dotnet
  # Each test host watches its config files; hundreds of hosts in one run would exhaust the inotify instances.
  export DOTNET_USE_POLLING_FILE_WATCHER=true
  ensure_postgres
  ensure_chromium
  ensure_fonts
  say "Building"
  dotnet build KapClinic.sln -c Debug -nologo -v quiet
  local results=$ROOT/TestResults/$(date +%Y%m%d-%H%M%S)
  mkdir -p "$results"
  say "Running every test (PostgreSQL from $KAPCLINIC_PG_BIN, Chromium at $(command -v chromium))"
  local status=0
  dotnet test KapClinic.sln --no-build -c Debug --logger "trx" --logger "console;verbosity=minimal" \
    --results-directory "$results" "$@" || status=$?
  summarize "$results" "$status"
}

# Sums the counters of every TRX file; the last line is what CI reads.
summarize() { # DIR DOTNET_TEST_STATUS
  local passed=0 failed=0 total=0 file counters
  for file in "$1"/*.trx; do
    [ -f "$file" ] || continue
    counters=$(grep -o '<Counters [^>]*>' "$file" | head -n 1)
    total=$((total + $(attr total "$counters")))
    passed=$((passed + $(attr passed "$counters")))
    failed=$((failed + $(attr failed "$counters") + $(attr error "$counters") + $(attr timeout "$counters") + $(attr aborted "$counters")))
  done
  echo "$passed passed, $failed failed"
  if [ "$total" -eq 0 ] || [ "$passed" -eq 0 ]; then echo "No test ran." >&2; return 1; fi
  if [ "$failed" -ne 0 ] || [ "$2" -ne 0 ]; then return 1; fi
}

attr() { # NAME ELEMENT -> the attribute's number, 0 when absent
  local value
  value=$(printf '%s' "$2" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]\+' || true)
  echo "${value:-0}"
}

cmd_code() { # EMAIL
  [ $# -eq 1 ] || die "Usage: ./build.sh code EMAIL   (a demo account, e.g. admin@kapclinic.test)"
  ensure_dotnet
  ASPNETCORE_ENVIRONMENT=Development \
  ConnectionStrings__KapClinic="Host=127.0.0.1;Port=$DEV_PG_PORT;Database=kapclinic;Username=postgres" \
    dotnet run --no-launch-profile --project src/KapClinic.Web -- totp "$1"
}

# Runs a maintenance command of the app (backup, restore) against the dev server as its owner (postgres). Starts the
# dev PostgreSQL when it is not running, and stops it again afterwards.
run_owner_command() { # COMMAND ARGS...
  ensure_dotnet
  local started=0
  if ! { pg_bin_dir >/dev/null && as_pg "$(pg_bin_dir)/pg_ctl" -D "$DEV_PG_DIR/data" status >/dev/null 2>&1; }; then started=1; fi
  start_dev_postgres
  [ "$started" = 1 ] && trap stop_dev_postgres EXIT
  dotnet build src/KapClinic.Web -c Debug -nologo -v quiet >/dev/null
  ASPNETCORE_ENVIRONMENT=Development \
  ConnectionStrings__KapClinic="Host=127.0.0.1;Port=$DEV_PG_PORT;Database=kapclinic;Username=postgres" \
    dotnet run --no-build --no-launch-profile --project src/KapClinic.Web -- "$@"
}

cmd_backup() {
  [ $# -eq 0 ] || die "Usage: ./build.sh backup   (writes backups/kapclinic-YYYYMMDD-HHMMSS.dump and its manifest)"
  run_owner_command backup --output "$ROOT/backups"
}

cmd_restore() { # FILE [--database NAME]
  [ $# -eq 1 ] || { [ $# -eq 3 ] && [ "$2" = --database ]; } || die "Usage: ./build.sh restore FILE [--database NAME]"
  local file
  file=$(realpath "$1") || die "$1 does not exist."
  run_owner_command restore "$file" "${@:2}"
}

# The reliability runs (README, Reliability): a console tool that starts its own durable PostgreSQL cluster and the
# Release app, and removes both when it ends or is interrupted. Results go to bench-results/.
cmd_soak() { # [--faults] [--minutes N] [--users N]
  ensure_dotnet
  ensure_postgres
  ensure_fonts
  say "Building (Release)"
  dotnet build tests/KapClinic.Soak -c Release -warnaserror -nologo -v quiet
  exec dotnet tests/KapClinic.Soak/bin/Release/net10.0/KapClinic.Soak.dll "$@"
}

cmd_sql() {
  ensure_dotnet
  dotnet ef migrations script --idempotent --project src/KapClinic.Core --startup-project src/KapClinic.Web
}

# The bench's own PostgreSQL and the app in Release, every scenario against its floor (README, Performance). The tool
# accepts no connection string: it runs only against the cluster it starts. Ctrl-C or SIGTERM stop the app, the
# baseline and the cluster (the data directory stays, so the large data set is reused; --fresh deletes it).
cmd_bench() {
  local fresh=0 args=() arg
  for arg in "$@"; do
    if [ "$arg" = --fresh ]; then fresh=1; else args+=("$arg"); fi
  done
  ensure_dotnet
  ensure_postgres
  ensure_fonts
  command -v wrk >/dev/null 2>&1 || need_package wrk "wrk (the load generator)"
  local dir=$ROOT/.data/bench-postgres
  if [ "$fresh" = 1 ] && [ -d "$dir" ]; then
    say "Deleting the bench's PostgreSQL data (.data/bench-postgres)"
    as_pg "$PG_BIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$dir"
  fi
  mkdir -p "$dir"
  if is_root; then
    chown postgres:postgres "$dir"
    allow_postgres_to_reach "$dir"
  fi
  say "Building the app and the bench (Release)"
  dotnet build src/KapClinic.Web -c Release -warnaserror -nologo -v quiet
  dotnet build tests/KapClinic.Bench -c Release -warnaserror -nologo -v quiet
  say "Running the bench (Ctrl-C stops it and everything it started)"
  dotnet tests/KapClinic.Bench/bin/Release/net10.0/KapClinic.Bench.dll --data-dir "$dir" --results "$ROOT/bench-results" ${args[@]+"${args[@]}"} &
  local pid=$! status=0
  trap 'kill -TERM "$pid" 2>/dev/null || true' INT TERM
  wait "$pid" || status=$?
  while kill -0 "$pid" 2>/dev/null; do wait "$pid" || status=$?; done
  trap - INT TERM
  # Belt and braces: a tool killed outright (SIGKILL) cannot stop its cluster.
  if [ -f "$dir/data/postmaster.pid" ]; then
    as_pg "$PG_BIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  return "$status"
}

case "${1:-}" in
  run) shift; cmd_run "$@" ;;
  test) shift; cmd_test "$@" ;;
  build) shift; cmd_build "$@" ;;
  sql) shift; cmd_sql "$@" ;;
  code) shift; cmd_code "$@" ;;
  seed) shift; cmd_seed "$@" ;;
  backup) shift; cmd_backup "$@" ;;
  restore) shift; cmd_restore "$@" ;;
  bench) shift; cmd_bench "$@" ;;
  soak) shift; cmd_soak "$@" ;;
  faults) shift; cmd_soak --faults "$@" ;;
  *) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 2 ;;
esac
