"""End to end: keys, Alt, unknown sequences, paste and the mouse reach the real binary in tmux as
the input parser reads them, under both TERM values people run tmux with (issue 14: with
TERM=xterm-256color, End arrived as ESC [ 4 ~, which ncurses did not know, and the 4 zoomed Alerts).

tmux writes its own encodings into the pane whatever TERM says inside it: Home ESC [ 1 ~, End
ESC [ 4 ~, PgDn ESC [ 6 ~, Alt-4 ESC 4. Raw bytes (unknown sequences, a bracketed paste, SGR mouse
reports) go in with `send-keys -H`.
"""
import pytest

from test_dashboard_tmux import TEAM, Pane, agent_trace, assert_terminal_restored, box, post_traces, session, start_dashboard  # noqa: F401 (session is a fixture)

TERMS = ["xterm-256color", "tmux-256color"]
ROOTS = [f"agent k{index}" for index in range(5)]


def hex_bytes(text: str) -> list:
    return [f"{byte:02x}" for byte in text.encode()]


def send_bytes(pane: Pane, text: str):
    pane.tmux("send-keys", "-t", "e2e", "-H", *hex_bytes(text))


def start_with_traces(pane: Pane, config: str, term: str, extra: str = "") -> int:
    """govtop under `term` with five traces, newest ("agent k4") first."""
    port = start_dashboard(pane, config, extra, environment=f"TERM={term}")
    for index, root in enumerate(ROOTS):
        post_traces(port, agent_trace(bytes([0x40 + index]) * 16, TEAM, root, 0.25))
    pane.wait_for(lambda text: sum(1 for line in box(text, "Traces") if "agent k" in line) == len(ROOTS), "five traces")
    return port


def all_panels(text: str) -> bool:
    return all(title in text for title in ("Traces", "Teams", "Budgets", "Alerts"))


def open_selected(pane: Pane) -> str:
    """Zooms Traces (1) and opens the selected trace (Enter); returns the root on the detail screen."""
    pane.keys("1")
    pane.wait_for(lambda text: "Teams" not in text and "Traces" in text, "the Traces panel zoomed")
    pane.keys("Enter")
    text = pane.wait_for(lambda text: "Traces" not in text and sum(root in text for root in ROOTS) == 1,
                         "one trace's detail")
    return next(root for root in ROOTS if root in text)


def back_to_dashboard(pane: Pane):
    pane.keys("Escape")
    pane.wait_for(lambda text: "Traces" in text and "Teams" not in text, "the zoomed Traces panel")
    pane.keys("Escape")
    pane.wait_for(all_panels, "the four panels")


@pytest.mark.parametrize("term", TERMS)
def test_end_home_and_page_down_move_the_selection_and_nothing_else(session, term):
    pane, workdir, config = session
    start_with_traces(pane, config, term)

    pane.keys("End")
    pane.keys("p")  # a marker: once PAUSED shows, End has been read
    screen = pane.wait_for_text("PAUSED")
    assert all_panels(screen), "End did more than move the selection:\n" + screen
    pane.keys("p")
    pane.wait_for(lambda text: "PAUSED" not in text, "the display resumed")
    assert open_selected(pane) == ROOTS[0]
    back_to_dashboard(pane)

    pane.keys("Home")
    pane.keys("p")
    screen = pane.wait_for_text("PAUSED")
    assert all_panels(screen), "Home did more than move the selection:\n" + screen
    pane.keys("p")
    assert open_selected(pane) == ROOTS[-1]
    back_to_dashboard(pane)

    pane.keys("PgDn")
    pane.keys("p")
    screen = pane.wait_for_text("PAUSED")
    assert all_panels(screen), "PgDn did more than move the selection:\n" + screen
    pane.keys("p")
    assert open_selected(pane) == ROOTS[0]
    back_to_dashboard(pane)

    pane.keys("q")
    assert_terminal_restored(pane, workdir)


@pytest.mark.parametrize("term", TERMS)
def test_alt_keys_and_unknown_sequences_do_nothing(session, term):
    pane, workdir, config = session
    start_with_traces(pane, config, term)

    pane.keys("M-4", "M-q", "M-1")
    send_bytes(pane, "\x1b[99~\x1b[1;5X\x1bOz\x1b]11;?\x07\x1bP1$r0m\x1b\\\x1b[?1;2c\x1b[I")
    pane.keys("p")
    screen = pane.wait_for_text("PAUSED")
    assert all_panels(screen), "an Alt key or an unknown sequence zoomed a panel:\n" + screen
    assert "Help" not in screen, screen
    pane.keys("p")
    assert open_selected(pane) == ROOTS[-1], "the selection moved"
    pane.keys("q")
    assert_terminal_restored(pane, workdir)


@pytest.mark.parametrize("term", TERMS)
def test_bracketed_paste_goes_into_the_filter_as_text(session, term):
    pane, workdir, config = session
    start_with_traces(pane, config, term)
    pane.keys("/")
    pane.wait_for_text("empty filter: Enter shows every trace")
    send_bytes(pane, "\x1b[200~team=" + TEAM + "\r\nq4\x1b[201~")
    pane.wait_for_text(f"team={TEAM} q4")
    assert all_panels(pane.screen()), "pasted text ran commands"
    pane.keys("Escape")
    pane.wait_for(lambda text: "empty filter" not in text and f"team={TEAM} q4" not in text, "the filter input closed")
    pane.keys("q")
    assert_terminal_restored(pane, workdir)


def row_of(screen: str, needle: str) -> tuple:
    """Zero-based column and row of the first cell of `needle` on the screen."""
    for y, line in enumerate(screen.splitlines()):
        x = line.find(needle)
        if x >= 0:
            return x, y
    raise AssertionError(f"{needle!r} is not on the screen:\n{screen}")


def panel(screen: str, title: str) -> tuple:
    """The left column and top row of the panel titled `title`, and the lines inside it."""
    for y, line in enumerate(screen.splitlines()):
        at = line.find(title)
        if at >= 0:
            return max(line.rfind(corner, 0, at) for corner in "╭┏+#"), y, box(screen, title)
    raise AssertionError(f"no panel titled {title!r}:\n{screen}")


def click(x: int, y: int) -> str:
    return f"\x1b[<0;{x + 1};{y + 1}M\x1b[<0;{x + 1};{y + 1}m"


@pytest.mark.parametrize("term", TERMS)
def test_mouse_click_selects_double_click_opens_and_no_mouse_turns_it_off(session, term):
    pane, workdir, config = session
    start_with_traces(pane, config, term)
    assert pane.flags()["mouse_any_flag"] == "1"

    left, top, inside = panel(pane.screen(), "Teams")
    line = next(index for index, text in enumerate(inside) if TEAM in text)
    send_bytes(pane, click(left + inside[line].find(TEAM), top + 1 + line))
    pane.wait_for_text("g group by")  # the Teams panel has the focus: its keys are in the footer

    x, y = row_of(pane.screen(), ROOTS[2])
    send_bytes(pane, click(x, y) + click(x, y))  # a double click zooms the dashboard's panel
    pane.wait_for(lambda text: "Teams" not in text and ROOTS[2] in text, "the Traces panel zoomed by a double click")
    x, y = row_of(pane.screen(), ROOTS[2])
    send_bytes(pane, click(x, y) + click(x, y))  # and opens the trace in the zoomed panel
    pane.wait_for(lambda text: "Traces" not in text and ROOTS[2] in text and ROOTS[3] not in text, "the trace opened")
    pane.keys("q")
    assert_terminal_restored(pane, workdir)

    start_dashboard(pane, config, "--no-mouse", environment=f"TERM={term}")
    assert pane.flags()["mouse_any_flag"] == "0"
    pane.keys("q")
    assert_terminal_restored(pane, workdir)


def test_ctrl_z_gives_the_shell_a_terminal_without_mouse_reports_and_fg_brings_them_back(session):
    """ncurses suspends and redraws by itself but knows nothing of govtop's mouse reports: before the
    fix they stayed on while govtop was stopped, and every click or scroll in the shell typed
    garbage."""
    pane, workdir, config = session
    start_with_traces(pane, config, "xterm-256color")
    assert pane.flags()["mouse_any_flag"] == "1"

    pane.keys("C-z")
    pane.wait_for(lambda text: "Stopped" in text and "Teams" not in text, "the shell's job-stopped line")
    pane.wait_for(lambda _: pane.flags()["mouse_any_flag"] == "0", "mouse reports off while govtop is stopped")
    assert pane.flags()["alternate_on"] == "0"

    pane.run_shell("fg")
    pane.wait_for(all_panels, "the four panels again after fg")
    pane.wait_for(lambda _: pane.flags()["mouse_any_flag"] == "1", "mouse reports on again after fg")
    x, y = row_of(pane.screen(), ROOTS[2])
    send_bytes(pane, click(x, y) + click(x, y))  # the mouse works again: a double click zooms Traces
    pane.wait_for(lambda text: "Teams" not in text and ROOTS[2] in text, "the Traces panel zoomed by a double click")
    pane.keys("q")
    pane.wait_for(lambda text: "Traces" not in text, "govtop to exit")
    pane.wait_for(lambda _: pane.flags()["mouse_any_flag"] == "0", "mouse reports off after exit")
