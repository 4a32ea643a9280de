"""Every govtop the Python tests start keeps its state in a temporary directory of its own, never
in the user's $XDG_STATE_HOME or ~/.local/state, and never one another test used: the ledger of
record would otherwise carry one test's spend into the next (tests that want a particular state
directory pass --state)."""
import os
import tempfile

import pytest

os.environ["XDG_STATE_HOME"] = tempfile.mkdtemp(prefix="govtop-test-state-")


@pytest.fixture(autouse=True)
def fresh_state_home(tmp_path_factory, monkeypatch):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path_factory.mktemp("state-home")))
