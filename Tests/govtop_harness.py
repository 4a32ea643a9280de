"""What every Python test that runs govtop shares: which binary (GOVTOP_BIN, set by .ci/run to the
release build; default the debug build), a free loopback port, a JSON GET against the API, a poll
with a deadline, a test certificate made by openssl, and a headless govtop (token and TLS optional).
Importable from any test under Tests/ (pytest puts this folder, where conftest.py lives, on the path)."""
import json
import os
import socket
import ssl
import subprocess
import time
import urllib.error
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


def request(port: int, path: str, body: bytes = None, content_type: str = "application/json", method: str = None,
            timeout: float = 30):
    """The answer to GET (or POST with `body`, or `method`) `path` on the govtop at `port`, as
    (status, body); an HTTP error status is an answer here, not an exception."""
    req = urllib.request.Request(f"http://127.0.0.1:{port}{path}", data=body, method=method,
                                 headers={"Content-Type": content_type} if body is not None else {})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def get_ok(port: int, path: str):
    """The JSON of a 200 answer to GET `path`."""
    status, body = request(port, path)
    assert status == 200, f"GET {path} answered {status}: {body!r}"
    return json.loads(body)


def wait_healthy(port: int, process: subprocess.Popen, timeout: float = 30):
    """Waits until the govtop `process` answers /healthz on `port`; raises with its stderr when it
    exits first (`timeout` seconds is a safety limit)."""
    def healthy():
        if process.poll() is not None:
            raise AssertionError("govtop exited: " + process.stderr.read().decode())
        try:
            return request(port, "/healthz")[0] == 200
        except OSError:
            return False
    wait_for(healthy, "govtop to answer /healthz", timeout)


def wait_for(condition, what: str, timeout: float = 30.0):
    """Polls `condition` until it returns something true, and returns that; `timeout` seconds is a
    safety limit, never a timing assertion."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError("timed out waiting for " + what)


def start_govtop(port: int, *arguments: str) -> subprocess.Popen:
    """Starts `govtop --headless --http-port PORT ARGUMENTS…` and returns it once it answers /healthz
    (30 s safety limit); when it does not, kills it and raises with what it wrote to stderr."""
    process = subprocess.Popen([BINARY, "--headless", "--http-port", str(port), *arguments],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and process.poll() is None:
        try:
            if get_json(port, "/healthz")["status"] == "ok":
                return process
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise RuntimeError("govtop did not answer /healthz: " + process.stderr.read().decode())


def stop_cleanly(process: subprocess.Popen, timeout: float = 30):
    """SIGTERM, and the exit status must be 0 (`timeout` seconds is a safety limit)."""
    process.terminate()
    assert process.wait(timeout=timeout) == 0, "govtop did not stop cleanly on SIGTERM: " + process.stderr.read().decode()


def make_certificate(directory) -> tuple:
    """A self-signed certificate for localhost and 127.0.0.1 and its key, made now by openssl in
    `directory`: (certificate path, key path). Nothing secret is committed."""
    cert, key = os.path.join(str(directory), "cert.pem"), os.path.join(str(directory), "key.pem")
    subprocess.run(["/usr/bin/openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                    "-days", "2", "-subj", "/CN=govtop-e2e", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
                    "-keyout", key, "-out", cert], check=True, capture_output=True)
    return cert, key


class Headless:
    """A headless govtop on a free loopback port: no gRPC door, no ledger on disk, `config` as its
    configuration file and `arguments` added to its command line. With `token` it requires that
    bearer token (written to `token_file`, mode 600) and its calls here send it; with `tls`
    (certificate, key) it serves https and its calls here trust that certificate."""

    def __init__(self, tmp_path, name: str, config: str = "", *arguments: str, token: str = None, tls: tuple = None):
        self.port = free_port()
        self.token = token
        self.context = ssl.create_default_context(cafile=tls[0]) if tls else None
        self.url = f"{'https' if tls else 'http'}://127.0.0.1:{self.port}"
        path = tmp_path / f"{name}.yaml"
        path.write_text(config)
        command = [BINARY, "--headless", "--http-port", str(self.port), "--grpc-port", "0", "--ephemeral", "--config", str(path)]
        if token:
            self.token_file = str(tmp_path / f"{name}.token")
            with open(self.token_file, "w") as handle:
                handle.write(token + "\n")
            os.chmod(self.token_file, 0o600)
            command += ["--token-file", self.token_file]
        if tls:
            command += ["--tls-cert", tls[0], "--tls-key", tls[1]]
        self.process = subprocess.Popen([*command, *arguments], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        wait_for(self.healthy, f"govtop {name} to answer")

    def request(self, path: str, body: bytes = None, content_type: str = "application/json", token: str = None):
        """The answer to GET (or POST with `body`) `path` as (status, body); `token` replaces this
        govtop's own ("" sends none)."""
        token = self.token if token is None else token
        headers = {"Content-Type": content_type} if body is not None else {}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        request = urllib.request.Request(self.url + path, data=body, headers=headers, method="POST" if body is not None else "GET")
        try:
            with urllib.request.urlopen(request, timeout=10, context=self.context) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()

    def get(self, path: str):
        """The JSON of a 200 answer to GET `path`."""
        status, body = self.request(path)
        assert status == 200, f"GET {path} answered {status}: {body!r}"
        return json.loads(body)

    def post_traces(self, body: bytes, token: str = None) -> int:
        """POSTs OTLP/protobuf traces; the status."""
        return self.request("/v1/traces", body, "application/x-protobuf", token)[0]

    def healthy(self) -> bool:
        if self.process.poll() is not None:
            raise AssertionError("govtop exited: " + self.process.stderr.read().decode())
        try:
            return self.request("/healthz")[0] == 200
        except OSError:
            return False

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=30)
