"""End to end (decide, issue 15): real nginx from Debian's packages enforces a govtop budget.

nginx proxies /v1/ to a local fake OpenAI server and asks govtop's GET /api/v1/decision first
through auth_request. govtop refuses with 403 (auth_request passes only 401 and 403); nginx turns
that into a 429 with govtop's Retry-After. The official OpenAI client, instrumented by
opentelemetry-instrumentation-openai-v2 and exporting its spans to govtop, sends
X-GenOps-Team: ml-platform: it is served until the team's block budget (a 5 s rolling window) is
used up, then gets 429 with Retry-After; another team is still served; once the window has rolled,
the first team is served again.

nginx runs as the current user with its own prefix, temporary directories and pid file under the
test's directory, on loopback ports, in the foreground (`daemon off; master_process off;`).
"""
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "interop"))
from govtop_harness import BINARY, free_port, get_json  # noqa: E402

from openai import OpenAI, RateLimitError  # noqa: E402
from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter  # noqa: E402
from opentelemetry.instrumentation.openai_v2 import OpenAIInstrumentor  # noqa: E402
from opentelemetry.sdk.resources import Resource  # noqa: E402
from opentelemetry.sdk.trace import TracerProvider  # noqa: E402
from opentelemetry.sdk.trace.export import SimpleSpanProcessor  # noqa: E402

MODEL = "gpt-4o-mini"
WINDOW_SECONDS = 5
LIMIT_USD = 0.025
NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if os.path.exists("/usr/sbin/nginx") else None)


class FakeOpenAI(BaseHTTPRequestHandler):
    """A chat completion with large usage, so a few requests use the budget up; it records the
    team header each request arrived with (nginx passes it through)."""
    teams = []

    def do_POST(self):  # noqa: N802
        length = int(self.headers.get("Content-Length", "0"))
        self.rfile.read(length)
        FakeOpenAI.teams.append(self.headers.get("X-GenOps-Team"))
        body = json.dumps({
            "id": "chatcmpl-govtop", "object": "chat.completion", "created": 1700000000, "model": MODEL,
            "choices": [{"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": "ok"}}],
            "usage": {"prompt_tokens": 50_000, "completion_tokens": 5_000, "total_tokens": 55_000},
        }).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


NGINX_CONF = """
worker_processes 1;
pid {dir}/nginx.pid;
error_log {dir}/error.log info;
events {{ worker_connections 64; }}
http {{
    access_log {dir}/access.log;
    client_body_temp_path {dir}/body;
    proxy_temp_path {dir}/proxy;
    fastcgi_temp_path {dir}/fastcgi;
    uwsgi_temp_path {dir}/uwsgi;
    scgi_temp_path {dir}/scgi;
    server {{
        listen 127.0.0.1:{port};
        location /v1/ {{
            auth_request /_govtop_decision;
            auth_request_set $govtop_retry_after $upstream_http_retry_after;
            auth_request_set $govtop_budget $upstream_http_x_govtop_budget;
            auth_request_set $govtop_warning $upstream_http_x_govtop_budget_warning;
            add_header X-Govtop-Budget-Warning $govtop_warning always;
            error_page 403 = @over_budget;
            proxy_pass http://127.0.0.1:{openai_port};
        }}
        location = /_govtop_decision {{
            internal;
            proxy_pass http://127.0.0.1:{govtop_port}/api/v1/decision;
            proxy_pass_request_body off;
            proxy_set_header Content-Length "";
            proxy_connect_timeout 1s;
            proxy_read_timeout 2s;
        }}
        location @over_budget {{
            default_type application/json;
            add_header Retry-After $govtop_retry_after always;
            return 429 '{{"error": {{"message": "budget $govtop_budget is used up; retry after $govtop_retry_after s", "type": "budget_exceeded", "code": "budget_exceeded"}}}}';
        }}
    }}
}}
"""


def wait_for_port(port: int, what: str, process: subprocess.Popen, seconds: float = 30):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"{what} exited with {process.returncode}")
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1)
            return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.1)
    raise AssertionError(f"{what} did not listen on {port} within {seconds} s")


@pytest.fixture()
def stack(tmp_path):
    assert NGINX is not None, "nginx is not installed: apt-get install nginx-light (.ci/run installs it)"
    config = tmp_path / "govtop.yaml"
    config.write_text(
        "time_zone: UTC\n"
        "budgets:\n"
        f"  - {{team: ml-platform, limit: {LIMIT_USD}, period: {WINDOW_SECONDS}s, action: block}}\n"
        "decision: {deny_status: 403}\n")
    govtop_port = free_port()
    govtop = subprocess.Popen([BINARY, "--headless", "--config", str(config), "--http-port", str(govtop_port),
                               "--grpc-port", "0", "--ephemeral"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    openai_server = ThreadingHTTPServer(("127.0.0.1", 0), FakeOpenAI)
    threading.Thread(target=openai_server.serve_forever, daemon=True).start()
    nginx_port = free_port()
    nginx_dir = tmp_path / "nginx"
    nginx_dir.mkdir()
    (nginx_dir / "nginx.conf").write_text(NGINX_CONF.format(
        dir=nginx_dir, port=nginx_port, openai_port=openai_server.server_address[1], govtop_port=govtop_port))
    nginx = subprocess.Popen([NGINX, "-p", str(nginx_dir), "-c", str(nginx_dir / "nginx.conf"), "-e", str(nginx_dir / "error.log"),
                              "-g", "daemon off; master_process off;"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        wait_for_port(govtop_port, "govtop", govtop)
        wait_for_port(nginx_port, "nginx", nginx)
        FakeOpenAI.teams = []
        yield {"govtop": govtop_port, "nginx": nginx_port, "dir": nginx_dir}
    finally:
        for process in (nginx, govtop):
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        openai_server.shutdown()
        openai_server.server_close()


def test_a_block_budget_is_enforced_by_nginx_until_its_window_rolls(stack):
    provider = TracerProvider(resource=Resource.create({"service.name": "chatbot", "genops.team": "ml-platform"}))
    # Each span is exported as it ends, so govtop has counted a request before the next one asks.
    provider.add_span_processor(SimpleSpanProcessor(OTLPSpanExporter(endpoint=f"http://127.0.0.1:{stack['govtop']}/v1/traces")))
    instrumentor = OpenAIInstrumentor()
    instrumentor.instrument(tracer_provider=provider)
    base_url = f"http://127.0.0.1:{stack['nginx']}/v1"
    ml = OpenAI(base_url=base_url, api_key="test-key", max_retries=0, default_headers={"X-GenOps-Team": "ml-platform"})
    search = OpenAI(base_url=base_url, api_key="test-key", max_retries=0, default_headers={"X-GenOps-Team": "search"})

    def chat(client):
        return client.chat.completions.create(model=MODEL, messages=[{"role": "user", "content": "hi"}])

    try:
        served = 0
        refusal = None
        for _ in range(20):
            try:
                chat(ml)
                served += 1
            except RateLimitError as error:
                refusal = error
                break
        assert refusal is not None, f"served {served} requests and never refused: {get_json(stack['govtop'], '/api/v1/budgets')}"
        assert served >= 1
        assert refusal.response.status_code == 429
        retry_after = int(refusal.response.headers["retry-after"])
        assert 1 <= retry_after <= WINDOW_SECONDS + 1
        assert refusal.response.json()["error"]["code"] == "budget_exceeded"
        assert "team:ml-platform" in refusal.response.json()["error"]["message"]
        budget = get_json(stack["govtop"], "/api/v1/budgets")["budgets"][0]
        assert budget["name"] == "team:ml-platform" and budget["consumed_usd"] >= LIMIT_USD, budget
        # The refused request never reached the upstream.
        assert FakeOpenAI.teams == ["ml-platform"] * served

        # Another team is still served.
        assert chat(search).choices[0].message.content == "ok"

        # Once the spend has left the window (Retry-After), the team is served again.
        time.sleep(retry_after + 0.5)
        deadline = time.time() + 2 * WINDOW_SECONDS
        while True:
            try:
                assert chat(ml).choices[0].message.content == "ok"
                break
            except RateLimitError:
                # A request of the first burst that ended late leaves the window a little later.
                assert time.time() < deadline, "still refused long after the window rolled"
                time.sleep(0.5)
    finally:
        instrumentor.uninstrument()
        provider.shutdown()
