"""Record and replay with the real binary.

- A file in the OpenTelemetry Collector `file` exporter's format, written with the official Python
  SDK's encoders (opentelemetry-exporter-otlp-proto-common) and protobuf's JSON mapping
  (google.protobuf.json_format.MessageToJson: base64 ids, enum names, one request per line),
  replays into govtop, plain and gzip.
- Round trip: a govtop recording (--record) the demo fleet's traffic, replayed into a fresh govtop,
  gives the same totals (/api/v1/summary) and groups (/api/v1/groups).

Run by .ci/run after the Swift build: GOVTOP_BIN names the binary (default .build/debug/govtop).
"""
import gzip
import os
import subprocess
import urllib.request

import pytest
from google.protobuf.json_format import MessageToJson
from opentelemetry._logs import SeverityNumber
from opentelemetry.exporter.otlp.proto.common._log_encoder import encode_logs
from opentelemetry.exporter.otlp.proto.common.metrics_encoder import encode_metrics
from opentelemetry.exporter.otlp.proto.common.trace_encoder import encode_spans
from opentelemetry.sdk._logs import LoggerProvider
from opentelemetry.sdk._logs.export import InMemoryLogRecordExporter, SimpleLogRecordProcessor
from opentelemetry.sdk.metrics import MeterProvider
from opentelemetry.sdk.metrics.export import InMemoryMetricReader
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from govtop_harness import BINARY, free_port, get_json, start_govtop, stop_cleanly

TOTALS = ["spans_received", "spans_rejected", "requests_total", "cost_usd_total", "input_tokens_total",
          "output_tokens_total", "unpriced_requests_total", "policy_violations_total", "eval_failures_total",
          "metric_points_received", "log_records_received"]


class Govtop:
    """A headless govtop on a free port, stopped with SIGTERM."""

    def __init__(self, *arguments):
        self.port = free_port()
        self.process = start_govtop(self.port, *arguments)

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def totals(self):
        summary = get_json(self.port, "/api/v1/summary")
        groups = {by: sorted((row["key"], row["requests"], row["cost_usd"], row["input_tokens"], row["output_tokens"])
                             for row in get_json(self.port, f"/api/v1/groups?by={by}")["groups"])
                  for by in ["team", "model", "provider", "project", "customer", "service"]}
        return {key: summary[key] for key in TOTALS}, groups, summary

    def stop(self):
        stop_cleanly(self.process)


def replay(*arguments):
    return subprocess.run([BINARY, "replay", *arguments], capture_output=True, text=True, timeout=120)


def sdk_collector_lines():
    """One traces, one metrics and one logs request, as JSON lines written by the SDK's encoders."""
    resource = Resource.create({"service.name": "replay-interop", "genops.team": "platform"})
    spans = InMemorySpanExporter()
    tracer_provider = TracerProvider(resource=resource)
    tracer_provider.add_span_processor(SimpleSpanProcessor(spans))
    tracer = tracer_provider.get_tracer("govtop.interop.replay", "1.0")
    for index in range(5):
        with tracer.start_as_current_span("invoke_agent support"):
            with tracer.start_as_current_span("chat gpt-4o") as llm:
                llm.set_attribute("gen_ai.operation.name", "chat")
                llm.set_attribute("gen_ai.provider.name", "openai")
                llm.set_attribute("gen_ai.request.model", "gpt-4o")
                llm.set_attribute("gen_ai.usage.input_tokens", 1000 + index)
                llm.set_attribute("gen_ai.usage.output_tokens", 200)
    reader = InMemoryMetricReader()
    meter = MeterProvider(resource=resource, metric_readers=[reader]).get_meter("govtop.interop.replay")
    meter.create_counter("gen_ai.client.requests").add(3, {"gen_ai.request.model": "gpt-4o"})
    meter.create_histogram("gen_ai.client.operation.duration").record(0.25, {"gen_ai.request.model": "gpt-4o"})
    logs = InMemoryLogRecordExporter()
    logger_provider = LoggerProvider(resource=resource)
    logger_provider.add_log_record_processor(SimpleLogRecordProcessor(logs))
    logger = logger_provider.get_logger("govtop.interop.replay")
    for index in range(4):
        logger.emit(body=f"call {index} done", severity_number=SeverityNumber.INFO, attributes={"index": index})
    requests = [encode_spans(spans.get_finished_spans()), encode_metrics(reader.get_metrics_data()),
                encode_logs(logs.get_finished_logs())]
    return [MessageToJson(request, indent=None) for request in requests]


@pytest.mark.parametrize("compressed", [False, True])
def test_a_collector_format_file_from_the_python_sdk_replays(tmp_path, compressed):
    lines = sdk_collector_lines()
    assert all("\n" not in line for line in lines)
    text = "\n".join(lines) + "\n"
    path = tmp_path / ("sdk.jsonl.gz" if compressed else "sdk.jsonl")
    if compressed:
        path.write_bytes(gzip.compress(text.encode()))
    else:
        path.write_text(text)
    govtop = Govtop()
    try:
        result = replay(str(path), "--endpoint", govtop.url, "--as-fast-as-possible")
        assert result.returncode == 0, result.stderr
        assert "done: 3 exports sent (1 traces, 1 metrics, 1 logs;" in result.stderr
        summary = govtop.totals()[2]
        assert summary["spans_received"] == 10
        assert summary["spans_rejected"] == 0
        assert summary["metric_points_received"] == 2
        assert summary["log_records_received"] == 4
        assert summary["input_tokens_total"] == sum(1000 + index for index in range(5))
        trace = get_json(govtop.port, "/api/v1/traces?limit=1")["traces"][0]
        assert len(trace["trace_id"]) == 32
    finally:
        govtop.stop()


def test_bad_lines_and_an_unreachable_endpoint_are_reported(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text(sdk_collector_lines()[2] + "\n{not json\n")
    govtop = Govtop()
    try:
        result = replay(str(path), "--endpoint", govtop.url, "--as-fast-as-possible")
        assert result.returncode == 1
        assert f"{path}:2: not valid JSON" in result.stderr
        assert get_json(govtop.port, "/api/v1/summary")["log_records_received"] == 4
    finally:
        govtop.stop()
    result = replay(str(path), "--endpoint", f"http://127.0.0.1:{free_port()}", "--as-fast-as-possible")
    assert result.returncode == 1
    assert "connection refused" in result.stderr
    missing = replay(str(tmp_path / "missing.jsonl"))
    assert missing.returncode == 1 and "missing.jsonl: no such file" in missing.stderr


def test_recorded_demo_traffic_replays_to_identical_totals(tmp_path):
    record = tmp_path / "demo.jsonl"
    recording = Govtop("--record", str(record))
    try:
        demo = subprocess.run([BINARY, "demo", "--endpoint", recording.url, "--duration", "4", "--rate", "150",
                               "--warm-up", "20"], capture_output=True, text=True, timeout=120)
        assert demo.returncode == 0, demo.stderr
        with urllib.request.urlopen(urllib.request.Request(
                recording.url + "/v1/logs", data=sdk_collector_lines()[2].encode(),
                headers={"Content-Type": "application/json"}), timeout=5) as response:
            assert response.status == 200
        recorded, recorded_groups, summary = recording.totals()
    finally:
        recording.stop()
    assert recorded["spans_received"] > 100 and recorded["cost_usd_total"] > 0
    assert summary["record_dropped"] == 0 and summary["record_write_errors"] == 0
    lines = record.read_text().splitlines()
    # One line per accepted export: the demo's (how many depends on how fast govtop answers it, so
    # a slow build sends fewer, larger ones) and the log export above.
    assert len(lines) >= 2 and all(line.startswith('{"resource') for line in lines)

    fresh = Govtop("--ephemeral")  # the recording govtop's ledger is not this one's
    try:
        result = replay(str(record), "--endpoint", fresh.url, "--speed", "50")
        assert result.returncode == 0, result.stderr
        replayed, replayed_groups, _ = fresh.totals()
    finally:
        fresh.stop()
    assert replayed == recorded
    assert replayed_groups == recorded_groups
