"""Ingest with the ledger of record on disk against --ephemeral, in the same run, and the disk a
day of history takes per group (issue 11).

Reuses .ci/ingest-load.py's pieces (the body pool, wrk with its Lua script, the governed
configuration) and runs the release govtop under wrk alternately with `--state DIR` and with
`--ephemeral`, `--rounds` times each; the figure is the ratio of the median rates (the issue asks
for >= 0.95). Then it fills a copy of the schema govtop wrote with a month of hourly buckets for
`--groups` groups per dimension, in the value forms the run wrote, and reports bytes per day of
history per group.

With `--postgres` (issue 16) a third kind runs in the same rounds: `--ledger postgres://…` on a
temporary PostgreSQL cluster (Tests/e2e/postgres_cluster.py), and the figure compared is the shared
ledger against the SQLite one (the issue asks for >= 0.95).
"""
import argparse
import importlib.util
import os
import sqlite3
import statistics
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("ingest_load", os.path.join(HERE, "ingest-load.py"))
load = importlib.util.module_from_spec(spec)
spec.loader.exec_module(load)
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "Tests", "e2e"))


def ingest_rate(binary, pool_dir, pool_size, args, state, ledger_url=None):
    """Accepted spans/s of a fresh governed govtop under wrk; `state` True keeps a ledger on disk,
    `ledger_url` a shared ledger in PostgreSQL."""
    with tempfile.TemporaryDirectory() as home:
        config = os.path.join(home, "load.yaml")
        with open(config, "w") as handle:
            handle.write(load.BUDGETS + load.RULES[False])
        ledger_dir = os.path.join(home, "state")
        if ledger_url:
            arguments = ["--config", config, "--ledger", ledger_url]
        else:
            arguments = ["--config", config] + (["--state", ledger_dir] if state else ["--ephemeral"])
        process, port = load.start_govtop(binary, home, *arguments)
        try:
            sender = load.start_wrk(port, pool_dir, pool_size, args, int(args.warmup + args.seconds + 2))
            time.sleep(args.warmup)
            before, cpu_before, started = load.api(port, "/api/v1/summary"), load.cpu_seconds(process.pid), time.monotonic()
            time.sleep(args.seconds)
            after, cpu_after, ended = load.api(port, "/api/v1/summary"), load.cpu_seconds(process.pid), time.monotonic()
            load.wrk_report(sender)
        finally:
            load.stop_govtop(process)
        if after["ledger_write_errors"]:
            raise RuntimeError(f"{after['ledger_write_errors']} ledger writes failed during the run")
        ledger = os.path.join(ledger_dir, "ledger.sqlite")
        sample = None
        if state and not ledger_url:
            if not os.path.exists(ledger):
                raise RuntimeError("--state run left no ledger.sqlite")
            sample = ledger_sample(ledger)
    received = after["spans_received"] - before["spans_received"] - (after["spans_rejected"] - before["spans_rejected"])
    return {"rate": received / (ended - started), "cores": (cpu_after - cpu_before) / (ended - started), "sample": sample}


def ledger_sample(path):
    """The schema and one real hourly row per dimension, to build the month of history from."""
    with sqlite3.connect(path) as db:
        schema = [sql for (sql,) in db.execute("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%'")]
        row = db.execute("SELECT * FROM hourly JOIN series ON series.id = hourly.series_id WHERE series.dimension = 'team' LIMIT 1").fetchone()
        columns = [c[1] for c in db.execute("PRAGMA table_info(hourly)")]
        series_count = db.execute("SELECT COUNT(*) FROM series").fetchone()[0]
    return {"schema": schema, "row": row[:len(columns)], "columns": columns, "series": series_count}


def bytes_per_group_day(sample, groups, days):
    """File size of `days` days of hourly buckets for `groups` groups in each of the 9 dimensions
    (plus all spend), divided by groups x dimensions x days."""
    dimensions = ["team", "project", "customer", "environment", "cost_center", "feature", "model", "provider", "service"]
    with tempfile.TemporaryDirectory() as directory:
        path = os.path.join(directory, "ledger.sqlite")
        with sqlite3.connect(path) as db:
            db.execute("PRAGMA journal_mode=WAL")
            for sql in sample["schema"]:
                db.execute(sql)
            empty = os.path.getsize(path)
            db.execute("INSERT INTO pricing_tables (id, fingerprint, first_used) VALUES (1, 'p', 0)")
            series = [("", "")] + [(d, f"{d}-group-{g:03d}") for d in dimensions for g in range(groups)]
            db.executemany("INSERT INTO series (id, dimension, key) VALUES (?, ?, ?)",
                           [(i + 1, d, k) for i, (d, k) in enumerate(series)])
            template = list(sample["row"])
            placeholders = ", ".join("?" for _ in template)
            start = 1_800_000_000 // 3600 * 3600
            for hour in range(days * 24):
                rows = []
                for series_id in range(1, len(series) + 1):
                    row = list(template)
                    row[0], row[1], row[2] = series_id, start + hour * 3600, 1
                    rows.append(row)
                db.executemany(f"INSERT INTO hourly VALUES ({placeholders})", rows)
            db.commit()
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        size = os.path.getsize(path) - empty
    return size / (len(series) * days), size


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("govtop", help="the release govtop binary")
    parser.add_argument("--seconds", type=float, default=10, help="measured seconds per run (default 10)")
    parser.add_argument("--warmup", type=float, default=2, help="seconds of load before measuring (default 2)")
    parser.add_argument("--rounds", type=int, default=3, help="runs of each kind, alternating (default 3)")
    parser.add_argument("--pool", type=int, default=256, help="distinct bodies wrk cycles through (default 256)")
    parser.add_argument("--connections", type=int, default=8, help="kept-alive connections (default 8)")
    parser.add_argument("--threads", type=int, default=2, help="wrk threads (default 2)")
    parser.add_argument("--groups", type=int, default=20, help="groups per dimension for the disk figure (default 20)")
    parser.add_argument("--days", type=int, default=30, help="days of history for the disk figure (default 30)")
    parser.add_argument("--min-ratio", type=float, default=0.95, help="fail below this ratio (default 0.95; 0 reports only)")
    parser.add_argument("--postgres", action="store_true", help="also run with a PostgreSQL ledger and compare it with SQLite")
    parser.add_argument("--min-postgres-ratio", type=float, default=0,
                        help="fail when PostgreSQL / SQLite is below this (default 0: report only)")
    args = parser.parse_args()
    cluster = None
    if args.postgres:
        from postgres_cluster import Cluster
        cluster = Cluster(fsync=True)
    try:
        run_rounds(args, cluster)
    finally:
        if cluster:
            cluster.destroy()


def run_rounds(args, cluster):
    binary = os.path.abspath(args.govtop)
    pool_dir = os.path.join(load.ROOT, ".build", "ingest-load", f"pool-typical-{args.pool}")
    load.body_pool(pool_dir, args.pool, "typical")
    print(f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f}; {args.rounds} rounds of {args.seconds:.0f} s each",
          flush=True)
    runs = {True: [], False: []}
    shared = []
    sample = None
    # The kinds take turns leading a round (SQLite, --ephemeral, PostgreSQL, then rotated), so none
    # always runs first on a machine whose load drifts.
    kinds = ["state", "ephemeral"] + (["postgres"] if cluster else [])
    for round_index in range(args.rounds):
        shift = round_index % len(kinds)
        for kind in kinds[shift:] + kinds[:shift]:
            if kind == "postgres":
                # Each PostgreSQL run starts from an empty database, as each SQLite run does from an empty directory.
                url = cluster.url(cluster.create_database(f"load_{round_index}"), "load")
                run = ingest_rate(binary, pool_dir, args.pool, args, True, ledger_url=url)
                shared.append(run["rate"])
                label = "--ledger postgres"
            else:
                state = kind == "state"
                run = ingest_rate(binary, pool_dir, args.pool, args, state)
                runs[state].append(run["rate"])
                sample = run["sample"] or sample
                label = "--state DIR " if state else "--ephemeral "
            print(f"  round {round_index + 1}, {label}: {run['rate']:,.0f} spans/s, {run['cores']:.2f} cores", flush=True)
    on, off = statistics.median(runs[True]), statistics.median(runs[False])
    if min(on, off, *(shared or [1])) <= 0:
        sys.exit("a run ingested no spans in its window (a debug build, or a window too short): no ratio to report")
    per_day, total = bytes_per_group_day(sample, args.groups, args.days)
    print()
    print(f"ingest with the ledger on disk (median)   {on:>12,.0f} spans/s")
    print(f"ingest with --ephemeral (median)          {off:>12,.0f} spans/s")
    print(f"ledger on / ephemeral                     {on / off:>12.3f}x   (issue 11 asks >= {args.min_ratio})")
    print(f"disk per day of history per group         {per_day:>12,.0f} B     ({args.days} days x 24 hourly buckets, "
          f"{args.groups} groups x 9 dimensions + all spend: {total / 2**20:.1f} MiB)")
    if shared:
        postgres = statistics.median(shared)
        print(f"ingest with the PostgreSQL ledger (median) {postgres:>11,.0f} spans/s")
        print(f"PostgreSQL ledger / SQLite ledger         {postgres / on:>12.3f}x   (issue 16 asks >= 0.95)")
    print(f"load average after the run: {os.getloadavg()[0]:.2f}")
    if args.min_ratio and on / off < args.min_ratio:
        sys.exit(f"ledger on / ephemeral = {on / off:.3f}, below {args.min_ratio}")
    if shared and args.min_postgres_ratio and statistics.median(shared) / on < args.min_postgres_ratio:
        sys.exit(f"PostgreSQL / SQLite = {statistics.median(shared) / on:.3f}, below {args.min_postgres_ratio}")


if __name__ == "__main__":
    main()
