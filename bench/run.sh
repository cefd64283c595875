#!/usr/bin/env bash
# The benchmark of Outage Desk at a million subscribers, each path beside the raw engine doing the same work.
#
#   bench/run.sh                                  # 1,000,000 subscribers, 3 runs of each heavy path (about an hour)
#   bench/run.sh --subscribers 100000 --runs 1    # a quick look
#
# Options: --subscribers N (default 1000000), --runs N (heavy paths: import, summary, campaign, top-up, reverse,
#   start, export; 3),
# --light-runs N (grid page and counts, after 3 warm-ups; 10), --load-seconds N (sale status, advisory under load; 60),
# --load-threads N (8), --paths a,b (import,grid,counts,summary,campaign,top-up,reverse,notices,start,export,
#   sale-status,advisory; and notice-kill, the notice killed halfway alone, e.g. --paths import,notice-kill),
# --reuse (the database and incident of the last run: every path but the import, e.g. --reuse --paths grid,counts),
# --start-timeout S (how long the jar may take to answer /login before the run gives up; 900: a busy machine),
# --notice-minutes M (notices: cancel the notice after M minutes if it has not finished; 0, no limit),
# --no-notice-kill (notices: leave out the notice killed halfway, which starts the jar twice),
# --heap SIZE (the benchmark JVM's -Xmx; 2g),
# --database h2|postgres (h2; postgres: the in-JVM paths import,grid,counts,summary,campaign,top-up,reverse and
#   notices (with --no-notice-kill) on a database outagedesk_bench, dropped and created, of --postgres-url
#   (jdbc:postgresql://127.0.0.1:5432/) as --postgres-user / --postgres-password (outagedesk_test, the tests' user,
#   which may create databases)).
# It builds the production jar, then runs MillionSubscriberBenchmark through Failsafe. The data (the generated CSV
# and the H2 database) goes to target/bench; the table is printed and written to target/bench/results.md.
set -euo pipefail
cd "$(dirname "$0")/.."
props=()
while [ $# -gt 0 ]; do
  case "$1" in
    --subscribers) props+=("-Dbench.subscribers=$2"); shift 2 ;;
    --runs) props+=("-Dbench.runs=$2"); shift 2 ;;
    --light-runs) props+=("-Dbench.light-runs=$2"); shift 2 ;;
    --load-seconds) props+=("-Dbench.load-seconds=$2"); shift 2 ;;
    --load-threads) props+=("-Dbench.load-threads=$2"); shift 2 ;;
    --paths) props+=("-Dbench.paths=$2"); shift 2 ;;
    --reuse) props+=("-Dbench.reuse=true"); shift ;;
    --start-timeout) props+=("-Dbench.start-timeout=$2"); shift 2 ;;
    --notice-minutes) props+=("-Dbench.notice-minutes=$2"); shift 2 ;;
    --no-notice-kill) props+=("-Dbench.notice-kill=false"); shift ;;
    --database) props+=("-Dbench.database=$2"); shift 2 ;;
    --heap) props+=("-Dbench.heap=$2"); shift 2 ;;
    --postgres-url) props+=("-Dbench.postgres.url=$2"); shift 2 ;;
    --postgres-user) props+=("-Dbench.postgres.username=$2"); shift 2 ;;
    --postgres-password) props+=("-Dbench.postgres.password=$2"); shift 2 ;;
    -h|--help) sed -n '2,22p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
. .ci/find-jdk.sh
# the disk: a million subscribers take about 2 GB of CSV and database, and H2 grows its file during the import
free_gb=$(df -Pk . | awk 'NR==2 {print int($4/1048576)}')
if [ "$free_gb" -lt 20 ]; then
  echo "warning: only ${free_gb} GB free here; a 1,000,000-subscriber run wants about 20 GB" >&2
fi
# compiled afresh but without `clean`, which would delete target/bench (the data --reuse runs on): a class whose
# source was deleted or moved would otherwise stay in target/ and still run
rm -rf target/classes target/test-classes
./mvnw -B -ntp -Pproduction,bench verify "${props[@]}"
