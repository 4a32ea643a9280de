"""A fleet of govtops sharing one PostgreSQL ledger, through the real binary (issue 16): two headless
govtops on one database, each fed half of the traces (split by trace id, as the Collector's
loadbalancing exporter with routing_key: traceID does), both report fleet totals, groups and budget
consumption equal to the exact sum; one killed with kill -9 and restarted loses nothing committed; the
database stopped and started mid-stream loses nothing that was answered 200, and the outage shows in
the summary and as an alert while it lasts.

GOVTOP_BIN names the binary (default .build/debug/govtop). The cluster comes from postgres_support.py.
"""
import json
import os
import signal
import subprocess
import tempfile
import time
import urllib.error
import urllib.request

from postgres_support import postgres  # noqa: F401 (the fixture)

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BINARY = os.environ.get("GOVTOP_BIN", os.path.join(ROOT, ".build", "debug", "govtop"))
CONFIG = "budgets:\n  - {name: fleet, limit: 1000.0, period: daily}\n  - {team: ml, limit: 500.0, period: daily}\n"
TEAMS = ["ml", "web", "ops"]
COST = 0.125  # exact in binary and in nano-dollars: sums compare exactly


def free_port():
    import socket
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def request(port, path, body=None):
    req = urllib.request.Request(f"http://127.0.0.1:{port}{path}", data=body,
                                 headers={"Content-Type": "application/json"} if body is not None else {})
    try:
        with urllib.request.urlopen(req, timeout=30) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def get(port, path):
    status, body = request(port, path)
    assert status == 200, body
    return json.loads(body)


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

    def __init__(self, url, home):
        self.url = url
        self.home = home
        self.port = free_port()
        config = os.path.join(home, "config.yaml")
        with open(config, "w") as handle:
            handle.write(CONFIG)
        # gRPC off: two instances (and other tests) would contend for its default port 4317.
        self.process = subprocess.Popen([BINARY, "--headless", "--http-port", str(self.port), "--grpc-port", "0",
                                         "--config", config, "--ledger", url], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.time() + 60  # a safety limit, not a timing assertion
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise AssertionError("govtop exited: " + self.process.stderr.read().decode())
            try:
                if request(self.port, "/healthz")[0] == 200:
                    return
            except OSError:
                time.sleep(0.05)
        raise AssertionError("govtop did not become healthy")

    def post(self, body):
        """Posts a trace; returns whether it was answered 200."""
        return request(self.port, "/v1/traces", body)[0] == 200

    def figures(self):
        summary = get(self.port, "/api/v1/summary")
        teams = {row["key"]: (row["requests"], row["cost_usd"]) for row in get(self.port, "/api/v1/groups?by=team")["groups"]}
        budgets = {b["name"]: b["consumed_usd"] for b in get(self.port, "/api/v1/budgets")["budgets"]}
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
                while time.time() < deadline and get(a.port, "/api/v1/summary")["ledger_write_errors"] == 0:
                    time.sleep(0.1)
                assert get(a.port, "/api/v1/summary")["ledger_write_errors"] > 0
                alerts = get(a.port, "/api/v1/alerts")["alerts"]
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
