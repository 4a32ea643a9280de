"""Auth and TLS (issue 16) through the real command line: govtop refuses to listen beyond loopback
without a token, reads and checks its token file, answers 401 without the token, serves HTTP and
OTLP/gRPC over TLS with a certificate made here by openssl, and names a bad certificate or key.
The official OpenTelemetry exporters send the token (OTEL_EXPORTER_OTLP_HEADERS for OTLP/HTTP,
metadata for gRPC) and verify the certificate against it as a root.

GOVTOP_BIN names the binary (default .build/debug/govtop).
"""
import json
import os
import ssl
import subprocess
import time
import urllib.error
import urllib.request

import pytest
from govtop_harness import BINARY, free_port, make_certificate

TOKEN = "e2e-token-0123456789abcdef"


def run_briefly(*arguments, timeout=60):
    """Runs govtop expecting it to exit by itself (a refusal at start-up)."""
    return subprocess.run([BINARY, *arguments], capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL)


@pytest.fixture()
def token_file(tmp_path):
    path = tmp_path / "token"
    path.write_text(TOKEN + "\n")
    path.chmod(0o600)
    return str(path)


@pytest.fixture(scope="module")
def certificate(tmp_path_factory):
    """A self-signed certificate for localhost and 127.0.0.1 and its key, made now."""
    return make_certificate(tmp_path_factory.mktemp("tls"))


def get(url, token=None, context=None):
    request = urllib.request.Request(url, headers={"Authorization": f"Bearer {token}"} if token else {})
    try:
        with urllib.request.urlopen(request, timeout=5, context=context) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


class Govtop:
    """A headless govtop started with `arguments`, waited for on /healthz."""

    def __init__(self, *arguments, scheme="http", context=None):
        self.http_port, self.grpc_port = free_port(), free_port()
        self.base = f"{scheme}://localhost:{self.http_port}"
        self.process = subprocess.Popen([BINARY, "--headless", "--http-port", str(self.http_port),
                                         "--grpc-port", str(self.grpc_port), *arguments],
                                        stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
        deadline = time.time() + 30
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise AssertionError("govtop exited: " + self.process.stderr.read().decode())
            try:
                if get(self.base + "/healthz", context=context)[0] == 200:
                    return
            except OSError:
                time.sleep(0.1)
        self.process.kill()
        raise AssertionError("govtop did not answer /healthz")

    def stop(self):
        self.process.terminate()
        assert self.process.wait(timeout=20) == 0
        return self.process.stderr.read().decode()


@pytest.mark.parametrize("host", ["0.0.0.0", "[::]", "192.0.2.1"])
def test_refuses_to_listen_beyond_loopback_without_a_token(host):
    result = run_briefly("--headless", "--listen", f"{host}:{free_port()}", "--grpc-port", "0")
    assert result.returncode != 0
    assert "no token is set" in result.stderr, result.stderr
    assert "--token-file" in result.stderr and "--insecure-no-auth" in result.stderr


def test_refuses_a_listen_address_from_the_configuration_too(tmp_path):
    config = tmp_path / "config.yaml"
    config.write_text("listen: 0.0.0.0\n")
    result = run_briefly("--headless", "--config", str(config), "--http-port", str(free_port()), "--grpc-port", "0")
    assert result.returncode != 0
    assert "0.0.0.0 is reachable beyond this machine" in result.stderr, result.stderr


def test_insecure_no_auth_serves_every_interface_open():
    govtop = Govtop("--listen", "0.0.0.0", "--insecure-no-auth")
    try:
        assert get(f"http://127.0.0.1:{govtop.http_port}/api/v1/summary")[0] == 200
    finally:
        govtop.stop()


def test_every_interface_with_a_token(token_file):
    govtop = Govtop("--listen", "0.0.0.0", "--token-file", token_file)
    try:
        base = f"http://127.0.0.1:{govtop.http_port}"
        status, headers, body = get(base + "/api/v1/summary")
        assert status == 401
        assert headers["WWW-Authenticate"] == 'Bearer realm="govtop"'
        assert get(base + "/api/v1/does-not-exist")[2] == body
        assert get(base + "/api/v1/summary", token="wrong")[0] == 401
        assert get(base + "/metrics")[0] == 401
        status, _, body = get(base + "/api/v1/summary", token=TOKEN)
        assert status == 200 and "spans_received" in json.loads(body)
        assert get(base + "/metrics", token=TOKEN)[0] == 200
        assert get(base + "/healthz")[0] == 200
    finally:
        govtop.stop()


def test_no_metrics_auth_leaves_metrics_open(token_file):
    govtop = Govtop("--token-file", token_file, "--no-metrics-auth")
    try:
        assert get(govtop.base + "/metrics")[0] == 200
        assert get(govtop.base + "/api/v1/summary")[0] == 401
    finally:
        govtop.stop()


@pytest.mark.parametrize("content, message", [
    ("", "is empty"),
    ("\n\n", "is empty"),
    ("two words\n", "one word of visible ASCII"),
])
def test_a_bad_token_file_stops_govtop_naming_it(tmp_path, content, message):
    path = tmp_path / "token"
    path.write_text(content)
    result = run_briefly("--headless", "--token-file", str(path), "--http-port", str(free_port()), "--grpc-port", "0")
    assert result.returncode != 0
    assert f"token file {path}" in result.stderr and message in result.stderr, result.stderr


def test_a_missing_token_file_stops_govtop(tmp_path):
    path = tmp_path / "nope"
    result = run_briefly("--headless", "--token-file", str(path), "--http-port", str(free_port()), "--grpc-port", "0")
    assert result.returncode != 0
    assert f"token file {path} does not exist" in result.stderr, result.stderr


def test_a_token_file_others_can_read_is_warned_about(tmp_path):
    path = tmp_path / "token"
    path.write_text(TOKEN + "\n")
    path.chmod(0o644)
    govtop = Govtop("--token-file", str(path))
    try:
        assert get(govtop.base + "/api/v1/summary", token=TOKEN)[0] == 200
    finally:
        stderr = govtop.stop()
    assert f"chmod 600 {path}" in stderr, stderr


def test_https_and_grpc_over_tls_with_the_token(certificate, token_file, monkeypatch):
    cert, key = certificate
    context = ssl.create_default_context(cafile=cert)
    govtop = Govtop("--token-file", token_file, "--otlp-auth", "--tls-cert", cert, "--tls-key", key,
                    scheme="https", context=context)
    try:
        assert get(govtop.base + "/api/v1/summary", context=context)[0] == 401
        assert get(govtop.base + "/api/v1/summary", token=TOKEN, context=context)[0] == 200
        # A client that does not trust the certificate gets no answer.
        with pytest.raises(urllib.error.URLError):
            get(govtop.base + "/healthz", context=ssl.create_default_context())

        from grpc import ssl_channel_credentials
        from opentelemetry.exporter.otlp.proto.grpc.trace_exporter import OTLPSpanExporter as GRPCSpanExporter
        from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter as HTTPSpanExporter
        from opentelemetry.sdk.resources import Resource
        from opentelemetry.sdk.trace import TracerProvider
        from opentelemetry.sdk.trace.export import SimpleSpanProcessor, SpanExportResult

        with open(cert, "rb") as handle:
            root = handle.read()

        def send(exporter, count):
            provider = TracerProvider(resource=Resource.create({"service.name": "tls-e2e"}))
            results = []

            class Recording(SimpleSpanProcessor):
                def on_end(self, span):
                    results.append(exporter.export([span]))

            provider.add_span_processor(Recording(exporter))
            tracer = provider.get_tracer("e2e")
            for index in range(count):
                with tracer.start_as_current_span(f"call-{index}"):
                    pass
            provider.shutdown()
            return results

        # gRPC without the token: UNAUTHENTICATED, nothing received.
        unauthenticated = GRPCSpanExporter(endpoint=f"localhost:{govtop.grpc_port}",
                                           credentials=ssl_channel_credentials(root_certificates=root), timeout=5)
        assert send(unauthenticated, 1) == [SpanExportResult.FAILURE]
        # gRPC with the token as metadata, the certificate verified as a root.
        grpc_exporter = GRPCSpanExporter(endpoint=f"localhost:{govtop.grpc_port}",
                                         credentials=ssl_channel_credentials(root_certificates=root),
                                         headers={"authorization": f"Bearer {TOKEN}"}, timeout=10)
        assert send(grpc_exporter, 3) == [SpanExportResult.SUCCESS] * 3
        # OTLP/HTTP with the token from OTEL_EXPORTER_OTLP_HEADERS, as the README says.
        monkeypatch.setenv("OTEL_EXPORTER_OTLP_HEADERS", f"Authorization=Bearer%20{TOKEN}")
        # requests lets these replace the exporter's certificate file; the README says so too.
        monkeypatch.delenv("REQUESTS_CA_BUNDLE", raising=False)
        monkeypatch.delenv("CURL_CA_BUNDLE", raising=False)
        http_exporter = HTTPSpanExporter(endpoint=f"{govtop.base}/v1/traces", certificate_file=cert, timeout=10)
        assert send(http_exporter, 2) == [SpanExportResult.SUCCESS] * 2

        summary = json.loads(get(govtop.base + "/api/v1/summary", token=TOKEN, context=context)[2])
        assert summary["spans_received"] == 5
    finally:
        govtop.stop()


def test_a_key_that_does_not_match_the_certificate_is_named(certificate, tmp_path):
    cert, _ = certificate
    other_key = str(tmp_path / "other.key")
    subprocess.run(["openssl", "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-out", other_key],
                   check=True, capture_output=True)
    result = run_briefly("--headless", "--tls-cert", cert, "--tls-key", other_key,
                         "--http-port", str(free_port()), "--grpc-port", "0")
    assert result.returncode != 0
    assert other_key in result.stderr and "does not match the certificate" in result.stderr, result.stderr


def test_an_unreadable_certificate_is_named(tmp_path, certificate):
    _, key = certificate
    missing = str(tmp_path / "missing.pem")
    result = run_briefly("--headless", "--tls-cert", missing, "--tls-key", key, "--http-port", str(free_port()), "--grpc-port", "0")
    assert result.returncode != 0
    assert f"TLS: {missing} does not exist" in result.stderr, result.stderr
    result = run_briefly("--headless", "--tls-cert", missing, "--http-port", str(free_port()))
    assert result.returncode != 0
    assert "--tls-cert and --tls-key go together" in result.stderr, result.stderr
