"""A fleet of govtops sharing one PostgreSQL ledger, through the real binary (issue 16): two headless
govtops on one database, each fed half of the traces (split by trace id, as the Collector's
loadbalancing exporter with routing_key: traceID does), both report fleet totals, groups and budget
consumption equal to the exact sum; one killed with kill -9 and restarted loses nothing committed; the
database stopped and started mid-stream loses nothing that was answered 200, and the outage shows in
the summary and as an alert while it lasts; a fleet-wide block budget exhausted by the sum of both
(by neither alone) denies on both; a budget alert both raise is notified once.

GOVTOP_BIN names the binary (default .build/debug/govtop). The cluster comes from postgres_support.py.
"""
import json
import os
import signal
import subprocess
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from govtop_harness import BINARY, free_port, get_ok, request, wait_healthy
from postgres_support import postgres  # noqa: F401 (the fixture)

CONFIG = "budgets:\n  - {name: fleet, limit: 1000.0, period: daily}\n  - {team: ml, limit: 500.0, period: daily}\n"
TEAMS = ["ml", "web", "ops"]
COST = 0.125  # exact in binary and in nano-dollars: sums compare exactly





def trace(number):
    """One single-span trace: its id, its team and its OTLP/JSON body."""
    team = TEAMS[number % len(TEAMS)]
    trace_id = f"{number * 7919 + 1:032x}"
    span = {"traceId": trace_id, "spanId": f"{number + 1:016x}", "name": "chat",
            "startTimeUnixNano": str(time.time_ns()), "endTimeUnixNano": str(time.time_ns() + 100_000_000),
            "attributes": [{"key": "genops.team", "value": {"stringValue": team}},
                           {"key": "gen_ai.request.model", "value": {"stringValue": "gpt-4o"}},
                           {"key": "gen_ai.usage.input_tokens", "value": {"intValue": "100"}},
                           {"key": "gen_ai.usage.output_tokens", "value": {"intValue": "20"}},
                           {"key": "genops.cost.total", "value": {"doubleValue": COST}}]}
    return trace_id, team, json.dumps({"resourceSpans": [{"scopeSpans": [{"spans": [span]}]}]}).encode()


class Govtop:
    """A headless govtop on a free port whose ledger is the shared database."""

    def __init__(self, url, home, config_text=CONFIG):
        self.url = url
        self.home = home
        self.port = free_port()
        config = os.path.join(home, "config.yaml")
        with open(config, "w") as handle:
            handle.write(config_text)
        # gRPC off: two instances (and other tests) would contend for its default port 4317.
        self.process = subprocess.Popen([BINARY, "--headless", "--http-port", str(self.port), "--grpc-port", "0",
                                         "--config", config, "--ledger", url], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        wait_healthy(self.port, self.process, timeout=60)

    def post(self, body):
        """Posts a trace; returns whether it was answered 200."""
        return request(self.port, "/v1/traces", body)[0] == 200

    def figures(self):
        summary = get_ok(self.port, "/api/v1/summary")
        teams = {row["key"]: (row["requests"], row["cost_usd"]) for row in get_ok(self.port, "/api/v1/groups?by=team")["groups"]}
        budgets = {b["name"]: b["consumed_usd"] for b in get_ok(self.port, "/api/v1/budgets")["budgets"]}
        return {"requests": summary["requests_total"], "cost": summary["cost_usd_total"], "teams": teams, "budgets": budgets}

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        assert self.process.wait(timeout=60) == 0, self.process.stderr.read().decode()

    def kill(self):
        self.process.kill()
        self.process.wait(timeout=30)


def expected(accepted):
    """What the fleet must report for the accepted traces (team by trace). An unnamed budget is named by its scope (`team:ml`)."""
    teams = {}
    for team in accepted:
        count, _ = teams.get(team, (0, 0))
        teams[team] = (count + 1, (count + 1) * COST)
    return {"requests": len(accepted), "cost": len(accepted) * COST, "teams": teams,
            "budgets": {"fleet": len(accepted) * COST, "team:ml": teams.get("ml", (0, 0))[1]}}


def wait_until_both_show(instances, want, what):
    deadline = time.time() + 60  # a safety limit, not a timing assertion
    seen = None
    while time.time() < deadline:
        seen = [govtop.figures() for govtop in instances]
        if all(figures == want for figures in seen):
            return
        time.sleep(0.1)
    raise AssertionError(f"{what}: wanted {want} on every instance, saw {seen}")


def feed(instances, numbers):
    """Posts each trace to the instance its trace id routes to; returns the teams of those answered 200."""
    accepted = []
    for number in numbers:
        trace_id, team, body = trace(number)
        if instances[int(trace_id, 16) % len(instances)].post(body):
            accepted.append(team)
    return accepted


def test_two_instances_report_the_fleet_sum_and_a_killed_one_loses_nothing_committed(postgres):
    database = postgres.create_database("fleet_sum")
    with tempfile.TemporaryDirectory() as home_a, tempfile.TemporaryDirectory() as home_b:
        a = Govtop(postgres.url(database, "a"), home_a)
        b = None
        try:
            b = Govtop(postgres.url(database, "b"), home_b)
            accepted = feed([a, b], range(300))
            assert len(accepted) == 300
            wait_until_both_show([a, b], expected(accepted), "fleet totals after the first half")
            # Each instance received about half; both report the whole.
            a.kill()
            a = Govtop(postgres.url(database, "a"), home_a)
            wait_until_both_show([a, b], expected(accepted), "fleet totals after kill -9 and restart")
            accepted += feed([a, b], range(300, 420))
            wait_until_both_show([a, b], expected(accepted), "fleet totals after more traffic")
            rows = postgres.psql("SELECT requests || ' ' || cost_estimated_nanos + cost_reported_nanos FROM govtop_series_totals "
                                 "WHERE dimension = ''", database)
            assert rows == f"{len(accepted)} {int(len(accepted) * COST * 1e9)}"
        finally:
            for govtop in (a, b):
                if govtop is not None and govtop.process.poll() is None:
                    govtop.stop()


def test_the_database_stopped_and_started_mid_stream_loses_nothing_answered_200(postgres):
    database = postgres.create_database("fleet_outage")
    with tempfile.TemporaryDirectory() as home_a, tempfile.TemporaryDirectory() as home_b:
        a = Govtop(postgres.url(database, "a"), home_a)
        b = None
        try:
            b = Govtop(postgres.url(database, "b"), home_b)
            accepted = feed([a, b], range(100))
            wait_until_both_show([a, b], expected(accepted), "fleet totals before the outage")
            postgres.stop()
            try:
                accepted += feed([a, b], range(100, 250))
                # Ingest went on; the failed commits show in the summary and as a critical alert.
                deadline = time.time() + 60  # a safety limit
                while time.time() < deadline and get_ok(a.port, "/api/v1/summary")["ledger_write_errors"] == 0:
                    time.sleep(0.1)
                assert get_ok(a.port, "/api/v1/summary")["ledger_write_errors"] > 0
                alerts = get_ok(a.port, "/api/v1/alerts")["alerts"]
                assert any(alert["kind"] == "ledger_write_failure" and alert["severity"] == "critical" for alert in alerts), alerts
                accepted += feed([a, b], range(250, 300))
            finally:
                postgres.start()
            wait_until_both_show([a, b], expected(accepted), "fleet totals once the database is back")
            # Nothing was counted twice or lost in the database either: a restart restores the same.
            a.stop()
            b.stop()
            a = Govtop(postgres.url(database, "a"), home_a)
            b = Govtop(postgres.url(database, "b"), home_b)
            wait_until_both_show([a, b], expected(accepted), "fleet totals restored after the outage")
        finally:
            for govtop in (a, b):
                if govtop is not None and govtop.process.poll() is None:
                    govtop.stop()


def team_trace(number, team):
    """A single-span trace of `team` costing COST, with a trace id of its own."""
    span = {"traceId": f"{number * 104729 + 3:032x}", "spanId": f"{number + 1:016x}", "name": "chat",
            "startTimeUnixNano": str(time.time_ns()), "endTimeUnixNano": str(time.time_ns() + 100_000_000),
            "attributes": [{"key": "genops.team", "value": {"stringValue": team}},
                           {"key": "gen_ai.request.model", "value": {"stringValue": "gpt-4o"}},
                           {"key": "genops.cost.total", "value": {"doubleValue": COST}}]}
    return json.dumps({"resourceSpans": [{"scopeSpans": [{"spans": [span]}]}]}).encode()


def wait_for(condition, what):
    deadline = time.time() + 60  # a safety limit, not a timing assertion
    while time.time() < deadline:
        if condition():
            return
        time.sleep(0.1)
    raise AssertionError(what)


def budget_consumed(govtop, name):
    return {b["name"]: b["consumed_usd"] for b in get_ok(govtop.port, "/api/v1/budgets")["budgets"]}.get(name)


def test_a_fleet_wide_block_budget_exhausted_by_the_sum_denies_on_both_instances(postgres):
    database = postgres.create_database("fleet_block")
    # $0.50 for team ml: each instance gets 3 requests ($0.375, under it alone); the fleet's 6 ($0.75) exhaust it.
    config = CONFIG + "  - {name: ml-cap, team: ml, limit: 0.5, period: daily, action: block}\n"
    with tempfile.TemporaryDirectory() as home_a, tempfile.TemporaryDirectory() as home_b:
        a = Govtop(postgres.url(database, "a"), home_a, config)
        b = None
        try:
            b = Govtop(postgres.url(database, "b"), home_b, config)
            for number in range(3):
                assert a.post(team_trace(number, "ml"))
            wait_for(lambda: all(budget_consumed(g, "ml-cap") == 3 * COST for g in (a, b)), "both show a's spend")
            for govtop in (a, b):
                assert request(govtop.port, "/api/v1/decision?team=ml")[0] == 200
            for number in range(3, 6):
                assert b.post(team_trace(number, "ml"))
            wait_for(lambda: all(budget_consumed(g, "ml-cap") == 6 * COST for g in (a, b)), "both show the fleet's spend")
            for govtop in (a, b):
                status, body = request(govtop.port, "/api/v1/decision?team=ml")
                assert status == 429, body
                assert b"ml-cap" in body, body
                # Another team is not covered.
                assert request(govtop.port, "/api/v1/decision?team=web")[0] == 200
        finally:
            for govtop in (a, b):
                if govtop is not None and govtop.process.poll() is None:
                    govtop.stop()


class Hook(BaseHTTPRequestHandler):
    """A webhook receiver that keeps every notification it is sent."""
    received = []
    lock = threading.Lock()

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        with Hook.lock:
            Hook.received.append(body)
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


def test_a_budget_alert_both_instances_raise_is_notified_once(postgres):
    database = postgres.create_database("fleet_notify")
    Hook.received = []
    hook = ThreadingHTTPServer(("127.0.0.1", 0), Hook)
    threading.Thread(target=hook.serve_forever, daemon=True).start()
    # $1 limit, 80% threshold; each instance gets 4 requests ($0.50): only the fleet's $1 crosses it (and reaches the limit).
    config = ("budgets:\n  - {name: cap, limit: 1.0, period: daily, action: alert, thresholds: [0.8]}\n"
              "notifications:\n"
              f"  - {{kind: webhook, name: hook, url: 'http://127.0.0.1:{hook.server_address[1]}/hook',"
              " kinds: [budget_threshold, budget_exceeded]}\n")
    with tempfile.TemporaryDirectory() as home_a, tempfile.TemporaryDirectory() as home_b:
        a = Govtop(postgres.url(database, "a"), home_a, config)
        b = None
        try:
            b = Govtop(postgres.url(database, "b"), home_b, config)
            for number in range(4):
                assert a.post(team_trace(number, "ml"))
                assert b.post(team_trace(number + 4, "ml"))

            def raised(govtop):
                kinds = {alert["kind"] for alert in get_ok(govtop.port, "/api/v1/alerts")["alerts"] if alert["subject"] == "budget cap"}
                return {"budget_threshold", "budget_exceeded"} <= kinds

            wait_for(lambda: raised(a) and raised(b), "both instances raise the budget alerts")

            def settled():
                fleets = [get_ok(g.port, "/api/v1/notifications")["fleet"] for g in (a, b)]
                return sum(f["claimed"] + f["notified_by_other_instances"] for f in fleets) == 4

            wait_for(settled, "both instances settle their claims")
            # Several commit intervals and tick periods: a second notification would have arrived by now.
            time.sleep(5)
            with Hook.lock:
                sent = [(body["alert"]["kind"], body["alert"]["subject"], body["event"]) for body in Hook.received]
            assert sorted(sent) == [("budget_exceeded", "budget cap", "firing"), ("budget_threshold", "budget cap", "firing")], sent
            fleets = [get_ok(g.port, "/api/v1/notifications")["fleet"] for g in (a, b)]
            assert sum(f["claimed"] for f in fleets) == 2, fleets
            assert sum(f["notified_by_other_instances"] for f in fleets) == 2, fleets
            assert all(f["delivered_unclaimed"] == 0 for f in fleets), fleets
            others = [entry for f in fleets for entry in f["recent_by_other_instances"]]
            assert {entry["kind"] for entry in others} == {"budget_threshold", "budget_exceeded"}, others
            assert all(entry["notified_by"] in ("a", "b") for entry in others), others
            assert all(f["instance"] in ("a", "b") for f in fleets)
        finally:
            for govtop in (a, b):
                if govtop is not None and govtop.process.poll() is None:
                    govtop.stop()
            hook.shutdown()
            hook.server_close()
