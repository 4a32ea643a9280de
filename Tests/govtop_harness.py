"""What every Python test that runs govtop shares: which binary (GOVTOP_BIN, set by .ci/run to the
release build; default the debug build), a free loopback port, and a JSON GET against the API.
Importable from any test under Tests/ (pytest puts this folder, where conftest.py lives, on the path)."""
import json
import os
import socket
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BINARY = os.environ.get("GOVTOP_BIN", os.path.join(ROOT, ".build", "debug", "govtop"))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get_json(port: int, path: str):
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=5) as response:
        return json.loads(response.read())
