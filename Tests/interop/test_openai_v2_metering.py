"""Interop: the official opentelemetry-instrumentation-openai-v2 with the openai client against a
local fake OpenAI server, exporting traces, metrics and logs over OTLP/HTTP to a headless govtop.

Traced and metered tokens agree when every trace is kept (coverage 1.0); with a 25% trace
sampler the metered tokens still count every request and govtop says traces show about a quarter.
"""
import json
from decimal import ROUND_HALF_UP, Decimal
import os
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from test_otel_python_sdk import get_json, govtop  # noqa: F401  (the fixture)

os.environ["OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT"] = "true"

from openai import OpenAI  # noqa: E402
from opentelemetry.exporter.otlp.proto.http._log_exporter import OTLPLogExporter  # noqa: E402
from opentelemetry.exporter.otlp.proto.http.metric_exporter import OTLPMetricExporter  # noqa: E402
from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter  # noqa: E402
from opentelemetry.instrumentation.openai_v2 import OpenAIInstrumentor  # noqa: E402
from opentelemetry.sdk._logs import LoggerProvider  # noqa: E402
from opentelemetry.sdk._logs.export import BatchLogRecordProcessor  # noqa: E402
from opentelemetry.sdk.metrics import MeterProvider  # noqa: E402
from opentelemetry.sdk.metrics.export import PeriodicExportingMetricReader  # noqa: E402
from opentelemetry.sdk.resources import Resource  # noqa: E402
from opentelemetry.sdk.trace import TracerProvider  # noqa: E402
from opentelemetry.sdk.trace.export import BatchSpanProcessor  # noqa: E402
from opentelemetry.sdk.trace.sampling import TraceIdRatioBased  # noqa: E402

MODEL = "gpt-4o-mini"
PROMPT_TOKENS = 11
COMPLETION_TOKENS = 7


class FakeOpenAI(BaseHTTPRequestHandler):
    """Answers POST /v1/chat/completions with a fixed completion and its usage."""

    def do_POST(self):  # noqa: N802
        length = int(self.headers.get("Content-Length", "0"))
        request = json.loads(self.rfile.read(length) or b"{}")
        body = json.dumps({
            "id": "chatcmpl-govtop", "object": "chat.completion", "created": 1700000000,
            "model": request.get("model", MODEL),
            "choices": [{"index": 0, "finish_reason": "stop",
                         "message": {"role": "assistant", "content": "Paris."}}],
            "usage": {"prompt_tokens": PROMPT_TOKENS, "completion_tokens": COMPLETION_TOKENS,
                      "total_tokens": PROMPT_TOKENS + COMPLETION_TOKENS},
        }).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture()
def fake_openai():
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeOpenAI)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/v1"
    server.shutdown()
    server.server_close()


def run_chats(govtop_port: int, openai_url: str, count: int, sampler=None, team: str = "ml"):
    """`count` chat completions through the instrumented client, all three signals to govtop."""
    endpoint = f"http://127.0.0.1:{govtop_port}"
    resource = Resource.create({"service.name": "chatbot", "genops.team": team})
    tracer_provider = TracerProvider(resource=resource, **({"sampler": sampler} if sampler else {}))
    tracer_provider.add_span_processor(BatchSpanProcessor(OTLPSpanExporter(endpoint=f"{endpoint}/v1/traces")))
    reader = PeriodicExportingMetricReader(OTLPMetricExporter(endpoint=f"{endpoint}/v1/metrics"),
                                           export_interval_millis=3_600_000)
    meter_provider = MeterProvider(resource=resource, metric_readers=[reader])
    logger_provider = LoggerProvider(resource=resource)
    logger_provider.add_log_record_processor(BatchLogRecordProcessor(OTLPLogExporter(endpoint=f"{endpoint}/v1/logs")))
    instrumentor = OpenAIInstrumentor()
    instrumentor.instrument(tracer_provider=tracer_provider, meter_provider=meter_provider,
                            logger_provider=logger_provider)
    try:
        client = OpenAI(base_url=openai_url, api_key="test-key", max_retries=0)
        for index in range(count):
            reply = client.chat.completions.create(
                model=MODEL, messages=[{"role": "user", "content": f"Capital of France? #{index}"}])
            assert reply.usage.prompt_tokens == PROMPT_TOKENS
    finally:
        instrumentor.uninstrument()
        assert tracer_provider.force_flush(30_000)
        assert logger_provider.force_flush(30_000)
        assert meter_provider.force_flush(30_000)
        tracer_provider.shutdown()
        logger_provider.shutdown()
        meter_provider.shutdown()


def model_row(port: int) -> dict:
    rows = get_json(port, "/api/v1/groups?by=model")["groups"]
    matching = [row for row in rows if row["key"] == MODEL]
    assert len(matching) == 1, rows
    return matching[0]


def test_traced_and_metered_tokens_agree_when_nothing_is_sampled(govtop, fake_openai):
    run_chats(govtop, fake_openai, count=20)
    row = model_row(govtop)
    assert row["requests"] == 20
    assert row["input_tokens"] == 20 * PROMPT_TOKENS
    assert row["output_tokens"] == 20 * COMPLETION_TOKENS
    assert row["metered_input_tokens"] == 20 * PROMPT_TOKENS
    assert row["metered_output_tokens"] == 20 * COMPLETION_TOKENS
    assert row["coverage"] == 1.0
    assert row["coverage_note"] is None
    assert row["metered_cost_usd"] == pytest.approx(row["cost_usd"], rel=1e-9)
    assert row["metered_cost_usd"] > 0
    team = [row for row in get_json(govtop, "/api/v1/groups?by=team")["groups"] if row["key"] == "ml"][0]
    assert team["metered_input_tokens"] == 20 * PROMPT_TOKENS

    # The prompt and completion events arrive as log records under their span.
    traces = get_json(govtop, "/api/v1/traces?limit=1")["traces"]
    detail = get_json(govtop, f"/api/v1/traces/{traces[0]['trace_id']}")
    logs = [log for span in detail["spans"] for log in span["logs"]]
    names = {log["event_name"] for log in logs}
    assert {"gen_ai.user.message", "gen_ai.choice"} <= names, logs
    assert any("Paris." in json.dumps(log["body"]) for log in logs)


def test_a_quarter_sampled_shows_a_quarter_of_the_metered_tokens(govtop, fake_openai):
    # 400 requests at 25%: the sampled share has a standard deviation of about 2.2%, so 15%-35%
    # is over four deviations away on either side.
    run_chats(govtop, fake_openai, count=400, sampler=TraceIdRatioBased(0.25))
    row = model_row(govtop)
    assert row["metered_input_tokens"] == 400 * PROMPT_TOKENS
    assert row["metered_output_tokens"] == 400 * COMPLETION_TOKENS
    assert 0.15 <= row["coverage"] <= 0.35, row
    # govtop rounds half away from zero (Swift's `rounded()`); Python's round() rounds half to even,
    # so 98 of 400 (24.5%) reads 25% in govtop and 24 with round().
    percent = int(Decimal(row["coverage"] * 100).to_integral_value(rounding=ROUND_HALF_UP))
    assert row["coverage_note"] == f"traces show {percent}% of metered tokens — sampled?"
    assert row["requests"] * (PROMPT_TOKENS + COMPLETION_TOKENS) == row["input_tokens"] + row["output_tokens"]


def test_the_dashboard_says_traces_show_a_share_of_metered_tokens(tmp_path, fake_openai):
    import shutil
    import sys
    if shutil.which("tmux") is None:
        pytest.skip("tmux is not installed")
    sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "e2e"))
    from test_dashboard_tmux import Pane, start_dashboard

    config = tmp_path / "govtop.yaml"
    config.write_text("time_zone: UTC\n")
    pane = Pane(str(tmp_path))
    try:
        port = start_dashboard(pane, str(config))
        # 100 requests at 25%: keeping all of them (no note) has probability 1e-60.
        run_chats(port, fake_openai, count=100, sampler=TraceIdRatioBased(0.25))
        row = model_row(port)
        screen = pane.wait_for_text(f"traces show {round(row['coverage'] * 100)}% of metered tokens — sampled?")
        assert row["coverage"] < 0.5, screen
        pane.keys("q")
    finally:
        pane.close()
