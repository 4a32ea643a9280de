"""Every govtop these tests start keeps its state in a temporary directory, never in the user's
$XDG_STATE_HOME or ~/.local/state (tests that want a state directory pass --state)."""
import os
import tempfile

os.environ["XDG_STATE_HOME"] = tempfile.mkdtemp(prefix="govtop-test-state-")
