"""End to end: `govtop attach` in a real terminal (tmux) drawing the dashboard of two headless
govtops from their JSON APIs: traces of both merged, a trace's detail fetched from the instance
that has it, budgets from the first instance, an alert acknowledged through the API, and an
instance that goes away named in the header. Then a govtop that requires a bearer token and one
that serves https with a certificate made here by openssl: with the token (and the CA file) attach
shows their data and acknowledges with the token; without the token, with a wrong one, or without
the CA file, it names the instance and why, and exits 1 before the screen changes. Waits poll the
screen or the API with a deadline (a safety limit, never a timing assertion).
"""
import os
import re
import shlex
import subprocess

import pytest

from govtop_harness import BINARY, Headless, make_certificate, wait_for
from test_dashboard_tmux import CHILD_SPANS, TEAM, Pane, agent_trace, assert_terminal_restored, box

pytestmark = pytest.mark.skipif(subprocess.run(["which", "tmux"], capture_output=True).returncode != 0, reason="tmux is not installed")

TRACE_A = bytes.fromhex("aa" * 16)
TRACE_B = bytes.fromhex("bb" * 16)
TRACE_C = bytes.fromhex("cc" * 16)
TOKEN = "attach-e2e-token-0123456789abcdef"
TINY_BUDGET = f"budgets:\n  - name: tiny\n    team: {TEAM}\n    limit: 1\n"


def start_attach(pane, workdir, *arguments):
    """Saves the terminal's modes and runs `govtop attach ARGUMENTS` in the pane, then its exit
    status and the modes after it."""
    pane.run_shell("stty -g > stty-before.txt")
    log = os.path.join(str(workdir), "attach.log")
    pane.run_shell(f"{shlex.quote(BINARY)} attach {' '.join(shlex.quote(argument) for argument in arguments)} "
                   f"--log-file {shlex.quote(log)}; echo EXIT=$?; stty -g > stty-after.txt")


def shows(text, panel, needle):
    """Whether `panel` is on the screen with a line holding `needle`."""
    return panel in text and any(needle in line for line in box(text, panel))


def assert_refused_before_the_screen(pane, workdir, *messages):
    """attach printed `messages` (long lines unwrapped) and exited 1, the terminal as it was."""
    screen = pane.wait_for(lambda text: re.search(r"^EXIT=\d+$", text, re.M) is not None and text.rstrip().endswith("e2e$"),
                           "attach to exit and the prompt", joined=True)
    assert "EXIT=1" in screen, screen
    for message in messages:
        assert message in screen, screen
    assert "Traces" not in screen, screen
    after = workdir / "stty-after.txt"
    assert wait_for(lambda: after.exists() and after.read_text(), "the terminal modes after attach") == \
        (workdir / "stty-before.txt").read_text()
    assert pane.flags()["alternate_on"] == "0"


@pytest.fixture()
def fleet(tmp_path):
    first = Headless(tmp_path, "first", TINY_BUDGET)
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
    assert first.post_traces(agent_trace(TRACE_A, TEAM, "agent alpha", 1.25)) == 200
    assert second.post_traces(agent_trace(TRACE_B, "other-team", "agent beta", 0.5)) == 200
    alert = wait_for(lambda: next((a for a in first.get("/api/v1/alerts")["alerts"] if a["kind"] == "budget_exceeded"), None),
                     "the budget alert on the first govtop")
    assert not alert["acknowledged"]

    start_attach(pane, workdir, first.url, second.url)
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
    acknowledged = wait_for(lambda: [a for a in first.get("/api/v1/alerts")["alerts"] if a["acknowledged"]],
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


@pytest.fixture()
def pane(tmp_path):
    pane = Pane(str(tmp_path))
    try:
        yield pane
    finally:
        pane.close()


@pytest.fixture()
def protected(tmp_path):
    """A govtop that requires TOKEN on its API and its OTLP door, with one alerting trace sent with the token."""
    govtop = Headless(tmp_path, "protected", TINY_BUDGET, "--otlp-auth", token=TOKEN)
    try:
        trace = agent_trace(TRACE_C, TEAM, "agent guarded", 1.25)
        assert govtop.post_traces(trace, token="") == 401
        assert govtop.post_traces(trace) == 200
        yield govtop
    finally:
        govtop.stop()


def test_attach_with_the_token_shows_a_protected_govtop_and_acknowledges_with_it(protected, pane, tmp_path):
    wait_for(lambda: [a for a in protected.get("/api/v1/alerts")["alerts"] if a["kind"] == "budget_exceeded"], "the budget alert")
    start_attach(pane, tmp_path, protected.url, "--token-file", protected.token_file)
    screen = pane.wait_for(lambda text: shows(text, "Traces", "agent guarded") and shows(text, "Teams", TEAM),
                           "the protected govtop's trace and team")
    assert shows(screen, "Budgets", "tiny"), screen
    assert "unreachable" not in screen, screen

    pane.keys("4")
    pane.wait_for(lambda text: shows(text, "Alerts", "tiny 125% of $1.00") and "Teams" not in text, "the Alerts panel zoomed")
    pane.keys("a")
    pane.wait_for_text(f"alert acknowledged on 127.0.0.1:{protected.port}")
    acknowledged = wait_for(lambda: [a for a in protected.get("/api/v1/alerts")["alerts"] if a["acknowledged"]],
                            "the acknowledgement on the protected govtop")
    assert len(acknowledged) == 1 and acknowledged[0]["subject"] == "budget tiny", acknowledged
    pane.wait_for(lambda text: sum("✓" in line for line in box(text, "Alerts")) == 1, "the acknowledgement drawn from the next poll")
    pane.keys("Escape")
    pane.wait_for_text("Teams", "Alerts")
    pane.keys("q")
    assert_terminal_restored(pane, tmp_path)


@pytest.mark.parametrize("token, message", [
    (None, "requires a token: pass --token-file"),
    ("not-the-token", "refused the token: check the file given to --token-file"),
])
def test_attach_without_the_right_token_names_the_instance_and_stops(protected, pane, tmp_path, token, message):
    arguments = [protected.url]
    if token:
        wrong = tmp_path / "wrong.token"
        wrong.write_text(token + "\n")
        arguments += ["--token-file", str(wrong)]
    start_attach(pane, tmp_path, *arguments)
    assert_refused_before_the_screen(pane, tmp_path, f"govtop at http://127.0.0.1:{protected.port} {message}")
    assert not [a for a in protected.get("/api/v1/alerts")["alerts"] if a["acknowledged"]]


@pytest.fixture()
def over_tls(tmp_path):
    """A govtop that requires TOKEN and serves https with a certificate made now (for localhost and 127.0.0.1)."""
    certificate = make_certificate(tmp_path)
    govtop = Headless(tmp_path, "tls", TINY_BUDGET, token=TOKEN, tls=certificate)
    try:
        assert govtop.post_traces(agent_trace(TRACE_C, TEAM, "agent sealed", 0.5)) == 200
        yield govtop, certificate[0]
    finally:
        govtop.stop()


def test_attach_over_https_verifies_the_certificate_against_the_ca_file(over_tls, pane, tmp_path):
    govtop, ca_file = over_tls
    start_attach(pane, tmp_path, f"https://localhost:{govtop.port}", "--ca-file", ca_file, "--token-file", govtop.token_file)
    screen = pane.wait_for(lambda text: shows(text, "Traces", "agent sealed") and shows(text, "Teams", TEAM),
                           "the trace and team of the govtop over https")
    assert f"localhost:{govtop.port}" in screen and "unreachable" not in screen, screen
    pane.keys("q")
    assert_terminal_restored(pane, tmp_path)


@pytest.mark.parametrize("host", ["localhost", "127.0.0.1"])
def test_attach_over_https_without_the_ca_file_names_the_certificate_problem(over_tls, pane, tmp_path, host):
    govtop, _ = over_tls
    url = f"https://{host}:{govtop.port}"
    start_attach(pane, tmp_path, url, "--token-file", govtop.token_file)
    assert_refused_before_the_screen(pane, tmp_path, f"TLS with govtop at {url} failed: the server's certificate could not be verified",
                                     "pass --ca-file with the CA certificate that signed it")


def test_attach_with_http_to_an_https_govtop_names_it_unreachable_and_suggests_https(over_tls, pane, tmp_path):
    govtop, _ = over_tls
    start_attach(pane, tmp_path, f"http://127.0.0.1:{govtop.port}", "--token-file", govtop.token_file)
    pane.wait_for_text(f"unreachable 127.0.0.1:{govtop.port}")
    log = tmp_path / "attach.log"
    wait_for(lambda: f"govtop at http://127.0.0.1:{govtop.port} is unreachable: connection lost" in log.read_text()
             and "if it serves https, give an https:// URL" in log.read_text(), "the suggestion in attach's log")
    pane.keys("q")
    assert_terminal_restored(pane, tmp_path)
