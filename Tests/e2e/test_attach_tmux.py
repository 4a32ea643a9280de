"""End to end: `govtop attach` in a real terminal (tmux) drawing the dashboard of two headless
govtops from their JSON APIs: traces of both merged, a trace's detail fetched from the instance
that has it, budgets from the first instance, an alert acknowledged through the API, and an
instance that goes away named in the header. Waits poll the screen or the API with a deadline
(a safety limit, never a timing assertion).
"""
import json
import os
import shlex
import subprocess
import time
import urllib.request

import pytest

from test_dashboard_tmux import BINARY, CHILD_SPANS, TEAM, Pane, agent_trace, assert_terminal_restored, box, free_port, post_traces

pytestmark = pytest.mark.skipif(subprocess.run(["which", "tmux"], capture_output=True).returncode != 0, reason="tmux is not installed")

TRACE_A = bytes.fromhex("aa" * 16)
TRACE_B = bytes.fromhex("bb" * 16)


def get(port, path):
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=10) as response:
        return json.loads(response.read())


def wait_for(condition, what, timeout=30.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError("timed out waiting for " + what)


class Headless:
    """A headless govtop on a free port, no gRPC door, no ledger on disk."""

    def __init__(self, tmp_path, name, config):
        self.port = free_port()
        path = tmp_path / f"{name}.yaml"
        path.write_text(config)
        self.process = subprocess.Popen([BINARY, "--headless", "--http-port", str(self.port), "--grpc-port", "0",
                                         "--ephemeral", "--config", str(path)],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        wait_for(self.healthy, f"govtop {name} to answer")

    def healthy(self):
        if self.process.poll() is not None:
            raise AssertionError("govtop exited: " + self.process.stderr.read().decode())
        try:
            return get(self.port, "/healthz")["status"] == "ok"
        except OSError:
            return False

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=30)


@pytest.fixture()
def fleet(tmp_path):
    first = Headless(tmp_path, "first", f"budgets:\n  - name: tiny\n    team: {TEAM}\n    limit: 1\n")
    second = Headless(tmp_path, "second", "")
    pane = Pane(str(tmp_path))
    try:
        yield pane, tmp_path, first, second
    finally:
        pane.close()
        first.stop()
        second.stop()


def test_attach_merges_two_govtops_fetches_detail_shows_budgets_and_acknowledges(fleet):
    pane, workdir, first, second = fleet
    post_traces(first.port, agent_trace(TRACE_A, TEAM, "agent alpha", 1.25))
    post_traces(second.port, agent_trace(TRACE_B, "other-team", "agent beta", 0.5))
    alert = wait_for(lambda: next((a for a in get(first.port, "/api/v1/alerts")["alerts"] if a["kind"] == "budget_exceeded"), None),
                     "the budget alert on the first govtop")
    assert not alert["acknowledged"]

    pane.run_shell("stty -g > stty-before.txt")
    log = os.path.join(str(workdir), "attach.log")
    pane.run_shell(f"{shlex.quote(BINARY)} attach http://127.0.0.1:{first.port} http://127.0.0.1:{second.port} "
                   f"--log-file {shlex.quote(log)}; echo EXIT=$?; stty -g > stty-after.txt")
    def both(text):
        rows = box(text, "Traces") if "Traces" in text else []
        return any("agent alpha" in line for line in rows) and any("agent beta" in line for line in rows)

    screen = pane.wait_for(both, "the traces of both govtops")
    rows = [line for line in box(screen, "Traces") if "agent " in line]
    assert "agent beta" in rows[0] and "agent alpha" in rows[1], screen  # newest first, across instances
    assert "$1.75 total" in screen, screen
    assert any("tiny" in line for line in box(screen, "Budgets")), screen

    pane.keys("1")
    pane.wait_for(lambda text: "Teams" not in text and "agent beta" in text, "the Traces panel zoomed")
    pane.keys("Enter")
    detail = pane.wait_for_text(*CHILD_SPANS, "agent beta")
    assert "Teams" not in detail, detail
    pane.keys("Escape")
    pane.wait_for(lambda text: CHILD_SPANS[1] not in text and "agent alpha" in text, "the trace list again")
    pane.keys("Escape")
    pane.wait_for_text("Teams", "Alerts")

    pane.keys("4")
    pane.wait_for(lambda text: f"127.0.0.1:{first.port}: budget tiny" in text and "Teams" not in text, "the Alerts panel zoomed")
    pane.keys("a")
    pane.wait_for_text(f"alert acknowledged on 127.0.0.1:{first.port}")
    acknowledged = wait_for(lambda: [a for a in get(first.port, "/api/v1/alerts")["alerts"] if a["acknowledged"]],
                            "the acknowledgement on the first govtop")
    assert len(acknowledged) == 1 and acknowledged[0]["subject"] == "budget tiny", acknowledged
    pane.keys("Escape")

    second.stop()
    pane.wait_for_text(f"unreachable 127.0.0.1:{second.port}")
    pane.wait_for(lambda text: "agent beta" not in text and "agent alpha" in text, "only the first govtop's trace")

    pane.keys("q")
    assert_terminal_restored(pane, workdir)


@pytest.mark.parametrize("arguments, message", [
    (["attach"], "Missing expected argument '<url> ...'"),
    (["attach", "ftp://127.0.0.1:1"], "the scheme must be http or https"),
    (["attach", "--token-file", "/nonexistent/token", "http://127.0.0.1:1"], "--token-file: cannot read /nonexistent/token"),
    (["attach", "--ca-file", "/nonexistent/ca.pem", "https://127.0.0.1:1"], "cannot read CA certificates from /nonexistent/ca.pem"),
])
def test_attach_refuses_bad_arguments_before_the_screen_changes(arguments, message):
    result = subprocess.run([BINARY, *arguments], capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)
    assert result.returncode != 0
    assert message in result.stderr, result.stderr
