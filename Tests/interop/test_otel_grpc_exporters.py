"""Interop: the official OpenTelemetry Python SDK's OTLP/gRPC exporters send traces, metrics and
logs to a headless govtop's gRPC door (the exporters' default port is 4317; here a free port).

Run by .ci/run after the Swift build: GOVTOP_BIN names the binary (default .build/debug/govtop).
"""
import math
import os

import pytest
from grpc import Compression
from opentelemetry.exporter.otlp.proto.grpc._log_exporter import OTLPLogExporter
from opentelemetry.exporter.otlp.proto.grpc.metric_exporter import OTLPMetricExporter
from opentelemetry.exporter.otlp.proto.grpc.trace_exporter import OTLPSpanExporter
from opentelemetry._logs import SeverityNumber
from opentelemetry.sdk._logs import LoggerProvider
from opentelemetry.sdk._logs.export import BatchLogRecordProcessor
from opentelemetry.sdk.metrics import MeterProvider
from opentelemetry.sdk.metrics.export import PeriodicExportingMetricReader
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import BatchSpanProcessor
from govtop_harness import free_port, get_json, start_govtop, stop_cleanly


@pytest.fixture()
def govtop():
    """A headless govtop; yields (http_port, grpc_port)."""
    http_port, grpc_port = free_port(), free_port()
    process = start_govtop(http_port, "--grpc-port", str(grpc_port))
    yield http_port, grpc_port
    stop_cleanly(process)


def export_traces(exporter, calls, service, batch_size=7, payload=None):
    """One agent trace (root + LLM span) per call, exported in batches of `batch_size` spans."""
    provider = TracerProvider(resource=Resource.create({"service.name": service}))
    provider.add_span_processor(BatchSpanProcessor(exporter, max_export_batch_size=batch_size,
                                                   max_queue_size=max(2048, 4 * batch_size)))
    tracer = provider.get_tracer("govtop.interop.grpc", "1.0")
    trace_ids = []
    for index, (team, cost, tokens_in, tokens_out) in enumerate(calls):
        with tracer.start_as_current_span("invoke_agent support") as root:
            root.set_attribute("genops.team", team)
            trace_ids.append(format(root.get_span_context().trace_id, "032x"))
            with tracer.start_as_current_span("chat gpt-4o") as llm:
                llm.set_attribute("gen_ai.operation.name", "chat")
                llm.set_attribute("gen_ai.system", "openai")
                llm.set_attribute("gen_ai.request.model", "gpt-4o")
                llm.set_attribute("gen_ai.usage.input_tokens", tokens_in)
                llm.set_attribute("gen_ai.usage.output_tokens", tokens_out)
                llm.set_attribute("genops.cost.total", cost)
                if payload:
                    llm.set_attribute("interop.payload", payload + str(index))
    assert provider.force_flush(60_000)
    provider.shutdown()
    return trace_ids


def expect_totals(http_port, calls, ids):
    summary = get_json(http_port, "/api/v1/summary")
    assert summary["spans_received"] == 2 * len(calls)
    assert summary["spans_stored"] == 2 * len(calls)
    assert summary["spans_rejected"] == 0
    assert summary["requests_shed"] == 0
    assert summary["traces_stored"] == len(calls)
    assert summary["input_tokens_total"] == sum(c[2] for c in calls)
    assert summary["output_tokens_total"] == sum(c[3] for c in calls)
    assert math.isclose(summary["cost_usd_total"], math.fsum(c[1] for c in calls), abs_tol=1e-9)
    listed = get_json(http_port, "/api/v1/traces?limit=1000")["traces"]
    assert {t["trace_id"] for t in listed} == set(ids)


def test_the_guides_snippet_with_and_without_gzip_gives_exact_totals(govtop):
    http_port, grpc_port = govtop
    plain = [("ml-platform", 0.0032 * (i + 1), 100 + i, 40 + i) for i in range(23)]
    gzipped = [("support", 0.0171 * (i + 1), 1000 + 3 * i, 7 * i) for i in range(17)]
    # The GenOps guide's own configuration, word for word but for the host and port.
    otlp_exporter = OTLPSpanExporter(endpoint=f"http://127.0.0.1:{grpc_port}", insecure=True)
    ids = export_traces(otlp_exporter, plain, "interop-grpc-plain")
    gzip_exporter = OTLPSpanExporter(endpoint=f"http://127.0.0.1:{grpc_port}", insecure=True, compression=Compression.Gzip)
    ids += export_traces(gzip_exporter, gzipped, "interop-grpc-gzip")
    expect_totals(http_port, plain + gzipped, ids)
    support = get_json(http_port, "/api/v1/traces?team=support&limit=1000")["traces"]
    assert len(support) == len(gzipped)
    detail = get_json(http_port, f"/api/v1/traces/{ids[0]}")
    llm = next(span for span in detail["spans"] if span["name"] == "chat gpt-4o")
    assert llm["service"] == "interop-grpc-plain"
    assert llm["attributes"]["gen_ai.request.model"] == "gpt-4o"


def test_a_batch_larger_than_4_mib_is_accepted_whole(govtop):
    http_port, grpc_port = govtop
    calls = [("bulk", 0.001 * (i + 1), 10 + i, 5 + i) for i in range(300)]
    captured = []

    class Measuring(OTLPSpanExporter):
        def _translate_data(self, data):
            request = super()._translate_data(data)
            captured.append(request.ByteSize())
            return request

    exporter = Measuring(endpoint=f"127.0.0.1:{grpc_port}", insecure=True)
    ids = export_traces(exporter, calls, "interop-grpc-bulk", batch_size=600, payload="x" * 16_000)
    assert len(captured) == 1 and captured[0] > 4 << 20, f"one export larger than 4 MiB, got {captured}"
    expect_totals(http_port, calls, ids)


@pytest.mark.parametrize("compression", [Compression.NoCompression, Compression.Gzip])
def test_metric_points_and_log_records_are_counted_exactly(govtop, compression):
    http_port, grpc_port = govtop
    endpoint = f"http://127.0.0.1:{grpc_port}"
    resource = Resource.create({"service.name": "interop-grpc-signals"})

    reader = PeriodicExportingMetricReader(OTLPMetricExporter(endpoint=endpoint, insecure=True, compression=compression),
                                           export_interval_millis=3_600_000)
    meters = MeterProvider(resource=resource, metric_readers=[reader])
    meter = meters.get_meter("govtop.interop.grpc")
    tokens = meter.create_histogram("gen_ai.client.token.usage", unit="{token}")
    requests = meter.create_counter("interop.requests")
    for model in ("gpt-4o", "gpt-4o-mini", "claude-sonnet"):
        for token_type in ("input", "output"):
            tokens.record(100, {"gen_ai.request.model": model, "gen_ai.token.type": token_type})
        requests.add(1, {"gen_ai.request.model": model})
    # Shutting down collects and exports once: 6 histogram points and 3 sum points.
    meters.shutdown()

    logs = LoggerProvider(resource=resource)
    logs.add_log_record_processor(BatchLogRecordProcessor(OTLPLogExporter(endpoint=endpoint, insecure=True,
                                                                          compression=compression)))
    logger = logs.get_logger("govtop.interop.grpc")
    for index in range(11):
        logger.emit(severity_number=SeverityNumber.WARN, severity_text="WARN", body=f"evaluation {index} finished",
                    event_name="gen_ai.evaluation.result", attributes={"gen_ai.evaluation.name": "relevance"})
    assert logs.force_flush(30_000)
    logs.shutdown()

    summary = get_json(http_port, "/api/v1/summary")
    assert summary["metric_points_received"] == 9
    assert summary["log_records_received"] == 11
    assert summary["requests_shed"] == 0
