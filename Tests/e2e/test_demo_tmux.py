"""End to end: `govtop --demo` in a real terminal (tmux, 120x40), read back with capture-pane;
`govtop demo --endpoint` against a headless govtop; `govtop render` against the committed screenshots.

The demo story (see GovTopDemo's DemoScenario): traces and all five teams with costs within seconds;
team growth's daily budget passes 80% after 30-45 s and runs out after 135-150 s.

GOVTOP_BIN names the binary (default .build/debug/govtop). Needs tmux.
"""
import os
import re
import shlex
import shutil
import subprocess
import time
import uuid

import pytest
from govtop_harness import ROOT, BINARY, free_port, get_json

TEAMS = ["growth", "support", "search", "research", "platform"]
COST = re.compile(r"\$\d[\d,]*\.\d+")


class Pane:
    """One 120x40 tmux window on a private tmux server running one command under `sh`, which
    prints the command's exit status when it ends (tmux's own pane_dead_status is not reliable)."""

    EXITED = re.compile(r"^govtop exited with (\d+)$", re.MULTILINE)

    def __init__(self, command, home, width=120, height=40):
        self.socket = f"govtop-e2e-{uuid.uuid4().hex[:12]}"
        self.session = "demo"
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": home, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8",
               "TERM": "xterm-256color"}
        quoted = " ".join(shlex.quote(part) for part in command)
        script = f'{quoted}; status=$?; clear; echo "govtop exited with $status"; sleep 600'
        self.tmux("-f", "/dev/null", "new-session", "-d", "-s", self.session, "-x", str(width), "-y", str(height),
                  "-c", home, "-e", "TERM=tmux-256color", "sh -c " + shlex.quote(script), env=env)

    def tmux(self, *arguments, env=None):
        return subprocess.run(["tmux", "-L", self.socket, *arguments], check=True, capture_output=True,
                              text=True, env=env).stdout

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", self.session)

    def send(self, *keys):
        self.tmux("send-keys", "-t", self.session, *keys)

    def exit_status(self):
        """The command's exit status once it has ended, else None."""
        match = self.EXITED.search(self.screen())
        return int(match.group(1)) if match else None

    def wait_for(self, what, predicate, timeout):
        """Polls the screen until `predicate(screen)` holds; fails with the last screen otherwise."""
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if predicate(screen):
                return screen
            if self.exit_status() is not None:
                break
            time.sleep(0.5)
        pytest.fail(f"{what} not on screen within {timeout} s; last screen:\n{screen}")

    def close(self):
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True)


def teams_with_costs(screen: str):
    return {team for team in TEAMS for line in screen.splitlines() if re.search(rf"\b{team}\b", line) and COST.search(line)}


def trace_rows(screen: str) -> int:
    """Rows of the Traces panel: a start time, then one of the demo's services."""
    return sum(1 for line in screen.splitlines()
               if re.search(r"\d\d:\d\d:\d\d\s+(chat-gateway|agent-runtime|doc-pipeline)\b", line))


def growth_budget_percent(screen: str):
    """The utilization the Budgets panel shows for team growth's budget, or None."""
    for line in screen.splitlines():
        match = re.search(r"team:growth\b.*?(\d+(?:\.\d+)?)%", line)
        if match:
            return float(match.group(1))
    return None


def budget_warning(screen: str) -> bool:
    percent = growth_budget_percent(screen)
    # The Alerts panel leads with the subject (`team:growth 85% of $36.00`) and tags the kind (`thresh`).
    threshold_alert = any("team:growth" in line and re.search(r"\bthresh\b", line) and re.search(r"\b(WARN|CRIT)\b", line)
                          for line in screen.splitlines())
    return threshold_alert or (percent is not None and percent >= 80)


def budget_exceeded(screen: str) -> bool:
    # Budgets' projection column says `exceeded` where it fits; the alert is tagged `over`.
    return any("growth" in line and ("exceeded" in line or re.search(r"\bover\b", line)) for line in screen.splitlines())


@pytest.fixture()
def demo(tmp_path):
    if shutil.which("tmux") is None:
        pytest.skip("tmux is not installed")
    port = free_port()
    pane = Pane([BINARY, "--demo", "--http-port", str(port), "--log-file", str(tmp_path / "govtop.log")], str(tmp_path))
    pane.port = port
    yield pane
    pane.close()


def test_demo_tells_its_story_and_quits_cleanly(demo, tmp_path):
    started = time.monotonic()
    demo.wait_for("traces and at least 5 teams with costs",
                  lambda screen: len(teams_with_costs(screen)) >= 5 and trace_rows(screen) >= 5, timeout=10)
    summary = get_json(demo.port, "/api/v1/summary")
    assert summary["spans_received"] > 0, summary

    print(f"traces and teams after {time.monotonic() - started:.1f} s")
    demo.wait_for("a warning on team growth's budget", budget_warning, timeout=max(1, 70 - (time.monotonic() - started)))
    print(f"budget warning after {time.monotonic() - started:.1f} s")
    demo.wait_for("team growth's budget exceeded", budget_exceeded, timeout=max(1, 200 - (time.monotonic() - started)))
    print(f"budget exceeded after {time.monotonic() - started:.1f} s")

    demo.send("q")
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and demo.exit_status() is None:
        time.sleep(0.2)
    status = demo.exit_status()
    assert status is not None, f"govtop still runs 10 s after q:\n{demo.screen()}"
    assert status == 0, f"govtop exited with {status}"
    log = (tmp_path / "govtop.log").read_text()
    traffic = [line for line in log.splitlines() if "demo traffic: " in line]
    assert traffic and " 0 errors" in traffic[-1], log


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


@pytest.mark.parametrize("view,theme", [("dashboard", "high-contrast"), ("trace", "default")])
def test_render_command_draws_the_committed_screenshots(tmp_path, view, theme):
    name = f"{view}.svg" if theme == "default" else f"{view}-{theme}.svg"
    output = tmp_path / name
    command = [BINARY, "render", "--view", view, "--theme", theme, "--size", "120x40", "--seconds", "150",
               "--seed", "42", "--output", str(output)]
    subprocess.run(command, check=True, cwd=tmp_path, timeout=60)
    with open(os.path.join(ROOT, "screenshots", name), "rb") as committed:
        assert output.read_bytes() == committed.read(), f"{' '.join(command)} differs from screenshots/{name}"
    again = subprocess.run(command[:-2] + ["--format", "svg"], check=True, capture_output=True, timeout=60)
    assert again.stdout == output.read_bytes()


def test_render_command_explains_bad_arguments(tmp_path):
    for arguments, message in [(["--size", "12x4"], "--size"), (["--theme", "nope"], "no theme named"),
                               (["--view", "trace", "--seconds", "0"], "no finished agent trace"),
                               (["--output", "x.png"], "--format")]:
        result = subprocess.run([BINARY, "render", *arguments], capture_output=True, text=True, cwd=tmp_path, timeout=60)
        assert result.returncode != 0 and message in result.stderr, (arguments, result.stderr)
