"""End to end: `govtop --demo` in a real terminal (tmux, 120x40), read back with capture-pane, and
`govtop demo --endpoint` against a headless govtop.

The demo story (see GovTopDemo's DemoScenario): traces and all five teams with costs within seconds;
team growth's daily budget passes 80% after 30-45 s and runs out after 135-150 s.

GOVTOP_BIN names the binary (default .build/debug/govtop). Needs tmux.
"""
import json
import os
import re
import shutil
import socket
import subprocess
import time
import urllib.request
import uuid

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BINARY = os.environ.get("GOVTOP_BIN", os.path.join(ROOT, ".build", "debug", "govtop"))
TEAMS = ["growth", "support", "search", "research", "platform"]
COST = re.compile(r"\$\d[\d,]*\.\d+")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get_json(port: int, path: str):
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=5) as response:
        return json.loads(response.read())


class Pane:
    """One tmux session running a command at a fixed size, isolated on its own tmux server."""

    def __init__(self, command, width=120, height=40):
        self.socket = f"govtop-e2e-{uuid.uuid4().hex[:8]}"
        self.session = "demo"
        env = dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8", LC_ALL="C.UTF-8")
        env.pop("NO_COLOR", None)
        self.tmux("new-session", "-d", "-s", self.session, "-x", str(width), "-y", str(height),
                  "-e", "TERM=xterm-256color", "-e", "LANG=C.UTF-8", "-e", "LC_ALL=C.UTF-8",
                  " ".join(command), env=env)
        self.tmux("set-option", "-t", self.session, "remain-on-exit", "on")

    def tmux(self, *arguments, env=None):
        return subprocess.run(["tmux", "-L", self.socket, *arguments], check=True, capture_output=True,
                              text=True, env=env).stdout

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", self.session)

    def send(self, *keys):
        self.tmux("send-keys", "-t", self.session, *keys)

    def dead(self):
        """(dead, exit status) of the pane's process."""
        fields = self.tmux("display-message", "-p", "-t", self.session, "#{pane_dead} #{pane_dead_status}").split()
        return fields[0] == "1", (int(fields[1]) if len(fields) > 1 and fields[1].lstrip("-").isdigit() else None)

    def wait_for(self, what, predicate, timeout):
        """Polls the screen until `predicate(screen)` holds; fails with the last screen otherwise."""
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if predicate(screen):
                return screen
            if self.dead()[0]:
                break
            time.sleep(0.5)
        pytest.fail(f"{what} not on screen within {timeout} s; last screen:\n{screen}")

    def close(self):
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True)


def teams_with_costs(screen: str):
    return {team for team in TEAMS for line in screen.splitlines() if re.search(rf"\b{team}\b", line) and COST.search(line)}


def growth_budget_percent(screen: str):
    """The utilization the Budgets panel shows for team growth's budget, or None."""
    for line in screen.splitlines():
        match = re.search(r"team:growth\b.*?(\d+(?:\.\d+)?)%", line)
        if match:
            return float(match.group(1))
    return None


def budget_warning(screen: str) -> bool:
    percent = growth_budget_percent(screen)
    threshold_alert = any("growth" in line and "budget threshold" in line for line in screen.splitlines())
    return threshold_alert or (percent is not None and percent >= 80)


def budget_exceeded(screen: str) -> bool:
    return any("growth" in line and "exceeded" in line for line in screen.splitlines())


@pytest.fixture()
def demo():
    if shutil.which("tmux") is None:
        pytest.skip("tmux is not installed")
    port = free_port()
    pane = Pane([BINARY, "--demo", "--http-port", str(port)])
    pane.port = port
    yield pane
    pane.close()


def test_demo_tells_its_story_and_quits_cleanly(demo):
    started = time.monotonic()
    demo.wait_for("traces and at least 5 teams with costs",
                  lambda screen: len(teams_with_costs(screen)) >= 5 and "invoke_agent" in screen, timeout=10)
    summary = get_json(demo.port, "/api/v1/summary")
    assert summary["spans_received"] > 0, summary

    demo.wait_for("a warning on team growth's budget", budget_warning, timeout=max(1, 70 - (time.monotonic() - started)))
    demo.wait_for("team growth's budget exceeded", budget_exceeded, timeout=max(1, 200 - (time.monotonic() - started)))

    demo.send("q")
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and not demo.dead()[0]:
        time.sleep(0.2)
    dead, status = demo.dead()
    assert dead, "govtop still runs 10 s after q"
    assert status == 0, f"govtop exited with {status}"


@pytest.fixture()
def headless():
    port = free_port()
    process = subprocess.Popen([BINARY, "--headless", "--http-port", str(port)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            get_json(port, "/healthz")
            break
        except OSError:
            time.sleep(0.1)
    yield port
    process.terminate()
    process.wait(timeout=10)


def test_demo_command_delivers_every_span(headless):
    result = subprocess.run([BINARY, "demo", "--endpoint", f"http://127.0.0.1:{headless}", "--rate", "200",
                             "--duration", "4", "--progress-interval", "1"],
                            capture_output=True, text=True, timeout=30)
    assert result.returncode == 0, result.stderr
    done = [line for line in result.stderr.splitlines() if line.startswith("govtop demo: done: ")]
    assert len(done) == 1, result.stderr
    sent = int(re.search(r"done: ([\d,]+) spans", done[0]).group(1).replace(",", ""))
    assert sent > 100
    assert " 0 errors" in done[0]
    assert get_json(headless, "/api/v1/summary")["spans_received"] == sent


def test_demo_command_reports_an_unreachable_endpoint():
    result = subprocess.run([BINARY, "demo", "--endpoint", f"http://127.0.0.1:{free_port()}", "--rate", "500",
                             "--duration", "2"], capture_output=True, text=True, timeout=30)
    assert result.returncode == 1, result.stderr
    assert "connection refused" in result.stderr
    assert "batches were not delivered" in result.stderr
