"""End to end: the ncurses dashboard in a real terminal (tmux), fed over OTLP/HTTP.

Run by .ci/run after the Swift build: GOVTOP_BIN names the binary (default .build/debug/govtop).
Each test gets its own tmux server (a private socket), a 120x40 window running a plain bash, and
its own port, config file and working directory. Everything waits by polling the screen with a
deadline; nothing sleeps a fixed time where a poll can tell.
"""
import json
import os
import re
import shlex
import shutil
import subprocess
import time
import urllib.request
import uuid

import pytest
from opentelemetry.proto.collector.trace.v1 import trace_service_pb2
from opentelemetry.proto.common.v1 import common_pb2
from opentelemetry.proto.resource.v1 import resource_pb2
from opentelemetry.proto.trace.v1 import trace_pb2
from govtop_harness import ROOT, BINARY, free_port

TIMEOUT = 20.0

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")

TEAM = "e2e-team"
BUDGET = "e2e-budget"
ROOT_SPAN = "agent e2e"
CHILD_SPANS = ["chat gpt-4o", "execute_tool lookup"]
COST = 1.25
TRACE_ID = bytes.fromhex("5b8efff798038103d269b633813fc60c")


class Pane:
    """One tmux server with one 120x40 window running bash, driven like a person at a terminal."""

    def __init__(self, workdir: str):
        self.socket = f"govtop-e2e-{uuid.uuid4().hex[:12]}"
        self.workdir = workdir
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": workdir, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}
        subprocess.run(["tmux", "-L", self.socket, "-f", "/dev/null", "new-session", "-d", "-x", "120", "-y", "40",
                        "-s", "e2e", "-c", workdir, "bash --norc --noprofile"], check=True, env=env)
        self.tmux("set-option", "-g", "default-terminal", "tmux-256color")
        self.tmux("set-option", "-g", "set-clipboard", "on")
        self.tmux("set-option", "-g", "escape-time", "0")
        self.run_shell("export PS1='e2e$ ' TERM=tmux-256color")
        self.wait_for(lambda text: text.rstrip().endswith("e2e$"), "the shell prompt")

    def tmux(self, *args: str) -> str:
        result = subprocess.run(["tmux", "-L", self.socket, *args], check=True, capture_output=True, text=True)
        return result.stdout

    def close(self):
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True)

    def screen(self, joined: bool = False) -> str:
        """The visible text; `joined` undoes the wrapping of long lines."""
        return self.tmux("capture-pane", "-p", *(["-J"] if joined else []), "-t", "e2e")

    def screen_with_colours(self) -> str:
        return self.tmux("capture-pane", "-p", "-e", "-t", "e2e")

    def keys(self, *keys: str):
        self.tmux("send-keys", "-t", "e2e", *keys)

    def run_shell(self, command: str):
        self.tmux("send-keys", "-t", "e2e", "-l", command)
        self.keys("Enter")

    def wait_for(self, predicate, what: str, timeout: float = TIMEOUT, joined: bool = False) -> str:
        deadline = time.monotonic() + timeout
        text = ""
        while time.monotonic() < deadline:
            text = self.screen(joined)
            if predicate(text):
                return text
            time.sleep(0.05)
        raise AssertionError(f"timed out waiting for {what}; the screen shows:\n{text}")

    def wait_for_text(self, *needles: str, timeout: float = TIMEOUT) -> str:
        return self.wait_for(lambda text: all(n in text for n in needles), " and ".join(repr(n) for n in needles), timeout)

    def flags(self) -> dict:
        """tmux's view of the terminal modes the program left: alternate screen, cursor, keypad."""
        names = ["alternate_on", "cursor_flag", "keypad_flag", "keypad_cursor_flag", "mouse_any_flag"]
        values = self.tmux("display-message", "-p", "-t", "e2e", " ".join("#{%s}" % name for name in names)).split()
        return dict(zip(names, values))

    def shell_pid(self) -> int:
        return int(self.tmux("display-message", "-p", "-t", "e2e", "#{pane_pid}").strip())


def box(screen: str, title: str) -> list:
    """The lines inside the panel whose top border holds `title` (rounded or heavy corners)."""
    lines = screen.splitlines()
    for row, line in enumerate(lines):
        at = line.find(title)
        if at < 0:
            continue
        left = max(line.rfind(corner, 0, at) for corner in "╭┏+#")
        right = min((i for i in (line.find(corner, at) for corner in "╮┓+#") if i >= 0), default=len(line))
        inside = []
        for below in lines[row + 1:]:
            part = below[left:right + 1]
            if part[:1] in "╰┗+#":
                break
            inside.append(part)
        return inside
    raise AssertionError(f"no panel titled {title!r} on the screen:\n{screen}")


def has_colour(screen: str) -> bool:
    """Whether any SGR sequence sets a foreground or background colour."""
    for parameters in re.findall(r"\x1b\[([0-9;:]*)m", screen):
        for value in re.split(r"[;:]", parameters):
            if value.isdigit() and (30 <= int(value) <= 38 or 40 <= int(value) <= 48 or 90 <= int(value) <= 107):
                return True
    return False


def any_value(value) -> common_pb2.AnyValue:
    if isinstance(value, str):
        return common_pb2.AnyValue(string_value=value)
    if isinstance(value, bool):
        return common_pb2.AnyValue(bool_value=value)
    if isinstance(value, int):
        return common_pb2.AnyValue(int_value=value)
    return common_pb2.AnyValue(double_value=value)


def attributes(values: dict) -> list:
    return [common_pb2.KeyValue(key=key, value=any_value(value)) for key, value in values.items()]


def agent_trace(trace_id: bytes = TRACE_ID, team: str = TEAM, root: str = ROOT_SPAN, cost: float = COST) -> bytes:
    """One agent trace as OTLP protobuf: a root for the team with an LLM call and a tool call."""
    start = time.time_ns() - 2_000_000_000
    root_id = bytes.fromhex("1111111111111111")
    spans = [
        trace_pb2.Span(trace_id=trace_id, span_id=root_id, name=root, kind=trace_pb2.Span.SPAN_KIND_SERVER,
                       start_time_unix_nano=start, end_time_unix_nano=start + 1_500_000_000,
                       attributes=attributes({"genops.team": team, "gen_ai.operation.name": "invoke_agent"})),
        trace_pb2.Span(trace_id=trace_id, span_id=bytes.fromhex("2222222222222222"), parent_span_id=root_id,
                       name=CHILD_SPANS[0], kind=trace_pb2.Span.SPAN_KIND_CLIENT,
                       start_time_unix_nano=start + 100_000_000, end_time_unix_nano=start + 1_100_000_000,
                       attributes=attributes({"gen_ai.operation.name": "chat", "gen_ai.system": "openai",
                                              "gen_ai.request.model": "gpt-4o", "gen_ai.usage.input_tokens": 1200,
                                              "gen_ai.usage.output_tokens": 300, "genops.cost.total": cost})),
        trace_pb2.Span(trace_id=trace_id, span_id=bytes.fromhex("3333333333333333"), parent_span_id=root_id,
                       name=CHILD_SPANS[1], kind=trace_pb2.Span.SPAN_KIND_INTERNAL,
                       start_time_unix_nano=start + 1_150_000_000, end_time_unix_nano=start + 1_400_000_000,
                       attributes=attributes({"gen_ai.operation.name": "execute_tool"})),
    ]
    request = trace_service_pb2.ExportTraceServiceRequest(resource_spans=[trace_pb2.ResourceSpans(
        resource=resource_pb2.Resource(attributes=attributes({"service.name": "e2e-service"})),
        scope_spans=[trace_pb2.ScopeSpans(scope=common_pb2.InstrumentationScope(name="e2e"), spans=spans)],
    )])
    return request.SerializeToString()


def post_traces(port: int, body: bytes):
    request = urllib.request.Request(f"http://127.0.0.1:{port}/v1/traces", data=body, method="POST",
                                     headers={"Content-Type": "application/x-protobuf"})
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.status == 200


@pytest.fixture()
def session(tmp_path):
    workdir = str(tmp_path)
    config = tmp_path / "govtop.yaml"
    config.write_text(f"budgets:\n  - name: {BUDGET}\n    team: {TEAM}\n    limit: 10\n    period: monthly\n")
    pane = Pane(workdir)
    try:
        yield pane, tmp_path, str(config)
    finally:
        pane.close()


def start_dashboard(pane: Pane, config: str, extra: str = "", environment: str = "") -> int:
    """Saves the terminal settings, starts govtop in the pane and waits for its header and panels."""
    port = free_port()
    pane.run_shell("stty -g > stty-before.txt")
    log = os.path.join(pane.workdir, "govtop.log")
    command = (f"{environment} {shlex.quote(BINARY)} --http-port {port} --config {shlex.quote(config)} --log-file {shlex.quote(log)} "
               f"{extra}; echo EXIT=$?; stty -g > stty-after.txt")
    pane.run_shell(command)
    pane.wait_for_text("govtop", f":{port}", "Traces", "Teams", "Budgets", "Alerts")
    flags = pane.flags()
    assert flags["alternate_on"] == "1" and flags["cursor_flag"] == "0", flags
    return port


def assert_terminal_restored(pane: Pane, workdir):
    screen = pane.wait_for(lambda text: re.search(r"^EXIT=\d+$", text, re.M) is not None and text.rstrip().endswith("e2e$"),
                           "govtop to exit and the prompt")
    assert "EXIT=0" in screen, screen
    assert "Traces" not in screen, "the dashboard is still on the screen:\n" + screen
    pane.wait_for(lambda _: os.path.exists(os.path.join(workdir, "stty-after.txt")), "the terminal settings after exit")
    before = (workdir / "stty-before.txt").read_text().strip()
    deadline = time.monotonic() + TIMEOUT
    after = ""
    while time.monotonic() < deadline and not after:
        after = (workdir / "stty-after.txt").read_text().strip()
        time.sleep(0.05)
    assert after == before, "the terminal modes differ after govtop exited"
    assert pane.flags() == {"alternate_on": "0", "cursor_flag": "1", "keypad_flag": "0", "keypad_cursor_flag": "0",
                            "mouse_any_flag": "0"}


def test_trace_teams_budgets_waterfall_and_quit(session):
    pane, workdir, config = session
    port = start_dashboard(pane, config)
    pane.wait_for_text(f"no traces yet: send OTLP to :{port}")
    post_traces(port, agent_trace())

    screen = pane.wait_for(lambda text: any(TEAM in line and "$1.25" in line for line in box(text, "Teams")),
                           "the team's cost in the Teams panel")
    traces = [line for line in box(screen, "Traces") if ROOT_SPAN in line]
    assert len(traces) == 1 and "e2e-service" in traces[0] and "$1.25" in traces[0] and TEAM in traces[0], screen
    assert any(BUDGET in line for line in box(screen, "Budgets")), screen

    pane.keys("3")
    budgets = pane.wait_for_text("CONSUMED/LIMIT", "$1.25/$10.00")
    assert any(BUDGET in line and "$1.25/$10.00" in line for line in box(budgets, "Budgets")), budgets
    pane.keys("Escape")
    pane.wait_for_text("Teams", "Alerts", ROOT_SPAN)

    pane.keys("1")
    pane.wait_for(lambda text: "Teams" not in text and ROOT_SPAN in text, "the Traces panel zoomed")
    pane.keys("Enter")
    detail = pane.wait_for_text(*CHILD_SPANS, ROOT_SPAN)
    assert "Teams" not in detail, detail

    pane.keys("e")
    exported = workdir / f"govtop-trace-{TRACE_ID.hex()}.json"
    pane.wait_for_text(f"wrote govtop-trace-{TRACE_ID.hex()}.json")
    names = sorted(span["name"] for resource in json.loads(exported.read_text())["resourceSpans"]
                   for scope in resource["scopeSpans"] for span in scope["spans"])
    assert names == sorted([ROOT_SPAN, *CHILD_SPANS])

    pane.keys("y")
    pane.wait_for_text("copied")
    deadline = time.monotonic() + TIMEOUT
    buffer = ""
    while time.monotonic() < deadline and TRACE_ID.hex() not in buffer:
        buffer = subprocess.run(["tmux", "-L", pane.socket, "show-buffer"], capture_output=True, text=True).stdout
        time.sleep(0.05)
    assert buffer == TRACE_ID.hex(), "the OSC 52 copy did not reach tmux's buffer"

    pane.keys("Escape")
    pane.wait_for(lambda text: CHILD_SPANS[1] not in text and ROOT_SPAN in text, "the trace list again")
    pane.keys("q")
    assert_terminal_restored(pane, workdir)


def test_theme_cycling_colours_and_pause(session):
    pane, workdir, config = session
    start_dashboard(pane, config, "--theme mono")
    assert not has_colour(pane.screen_with_colours()), "the mono theme drew colours"
    pane.keys("t")
    pane.wait_for_text("theme solarized-dark")
    pane.wait_for(lambda _: has_colour(pane.screen_with_colours()), "colours after switching theme")
    pane.keys("p")
    pane.wait_for_text("PAUSED")
    pane.keys("?")
    pane.wait_for_text("Help", "theme solarized-dark")
    pane.keys("Escape")
    pane.wait_for(lambda text: "Help" not in text, "the help overlay to close")
    pane.keys("C-c")
    assert_terminal_restored(pane, workdir)


def test_no_color_draws_attributes_only(session):
    pane, workdir, config = session
    start_dashboard(pane, config, environment="NO_COLOR=1")
    screen = pane.screen_with_colours()
    assert not has_colour(screen), "NO_COLOR=1 still drew colours"
    assert re.search(r"\x1b\[(?:[0-9;]*;)?1(?:;[0-9;]*)?m", screen), "no bold text left without colours"
    pane.keys("q")
    assert_terminal_restored(pane, workdir)


def test_filter_narrows_the_trace_list(session):
    pane, workdir, config = session
    port = start_dashboard(pane, config)
    post_traces(port, agent_trace())
    post_traces(port, agent_trace(bytes.fromhex("0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c"), "other-team", "agent other", 0.5))
    pane.wait_for(lambda text: sum(1 for line in box(text, "Traces") if "agent " in line) == 2, "both traces")
    pane.keys("/")
    pane.wait_for_text("empty filter: Enter shows every trace")
    pane.tmux("send-keys", "-t", "e2e", "-l", "team=other-team cost>")
    pane.wait_for_text("^")
    pane.keys(*["BSpace"] * len(" cost>"))
    pane.wait_for_text("Enter applies, Esc keeps the current filter")
    pane.keys("Enter")
    screen = pane.wait_for_text("Traces [team=other-team]")
    rows = [line for line in box(screen, "Traces [team=other-team]") if "agent " in line]
    assert len(rows) == 1 and "agent other" in rows[0] and "$0.50" in rows[0], screen
    pane.keys("q")
    assert_terminal_restored(pane, workdir)


@pytest.mark.parametrize("bell", [True, False])
def test_bell_rings_on_a_critical_alert_only_with_the_flag(tmp_path, bell):
    config = tmp_path / "tiny.yaml"
    config.write_text(f"budgets:\n  - name: tiny\n    team: {TEAM}\n    limit: 1\n")
    pane = Pane(str(tmp_path))
    try:
        pane.tmux("set-option", "-g", "monitor-bell", "on")
        pane.tmux("set-option", "-g", "bell-action", "any")
        port = start_dashboard(pane, str(config), "--bell" if bell else "")
        pane.tmux("new-window", "-d", "-t", "e2e")
        pane.tmux("select-window", "-t", "e2e:1")
        post_traces(port, agent_trace())
        pane.wait_for(lambda _: "CRIT" in pane.tmux("capture-pane", "-p", "-t", "e2e:0"), "a critical alert")
        window_bell = lambda: pane.tmux("display-message", "-p", "-t", "e2e:0", "#{window_bell_flag}").strip()
        if bell:
            pane.wait_for(lambda _: window_bell() == "1", "the bell in govtop's window")
        else:
            deadline = time.monotonic() + 1.0
            while time.monotonic() < deadline:
                assert window_bell() == "0", "the bell rang without --bell"
                time.sleep(0.05)
        pane.tmux("select-window", "-t", "e2e:0")
        pane.keys("q")
        assert_terminal_restored(pane, tmp_path)
    finally:
        pane.close()


def test_sigterm_and_resize_leave_a_clean_terminal(session):
    pane, workdir, config = session
    start_dashboard(pane, config)
    pane.tmux("resize-window", "-t", "e2e", "-x", "70", "-y", "20")
    pane.wait_for(lambda text: any(len(line) == 70 and line.startswith("┏") and line.endswith("┓") for line in text.splitlines()),
                  "the Traces panel redrawn 70 columns wide")
    pane.tmux("resize-window", "-t", "e2e", "-x", "40", "-y", "10")
    pane.wait_for_text("terminal too small")
    pane.tmux("resize-window", "-t", "e2e", "-x", "120", "-y", "40")
    pane.wait_for_text("Traces", "Alerts")
    children = subprocess.run(["ps", "-o", "pid=,comm=", "--ppid", str(pane.shell_pid())],
                              capture_output=True, text=True).stdout.split("\n")
    pid = next(int(line.split()[0]) for line in children if line.strip().endswith("govtop"))
    os.kill(pid, 15)
    assert_terminal_restored(pane, workdir)
    assert "SIGTERM received" in (workdir / "govtop.log").read_text()


def test_bad_theme_is_reported_before_the_screen_changes(session):
    pane, workdir, config = session
    (workdir / "bad.yaml").write_text("name: bad\nroles:\n  selection: {fg: blu}\n")
    pane.run_shell(f"{shlex.quote(BINARY)} --http-port 0 --theme ./bad.yaml; echo EXIT=$?")
    screen = pane.wait_for(lambda text: re.search(r"^EXIT=\d+$", text, re.M) is not None, "govtop to refuse the theme",
                           joined=True)
    assert 'bad.yaml:3:19: roles.selection.fg: unknown colour "blu"; did you mean "blue"?' in screen, screen
    assert "EXIT=0" not in screen
