"""Interop: the official OpenTelemetry Python SDK exports to a headless govtop.

Run by .ci/run after the Swift build: GOVTOP_BIN names the binary (default .build/debug/govtop).
"""
import math
import os

import pytest
from opentelemetry.exporter.otlp.proto.http import Compression
from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import BatchSpanProcessor
from opentelemetry.trace import Status, StatusCode
from govtop_harness import free_port, get_json, start_govtop, stop_cleanly


@pytest.fixture()
def govtop():
    port = free_port()
    process = start_govtop(port)
    yield port
    stop_cleanly(process)


def export(port: int, compression: Compression, calls: list, service: str) -> list:
    """Exports one agent trace per call and returns the hex trace ids."""
    provider = TracerProvider(resource=Resource.create({"service.name": service, "genops.environment": "ci"}))
    exporter = OTLPSpanExporter(endpoint=f"http://127.0.0.1:{port}/v1/traces", compression=compression)
    provider.add_span_processor(BatchSpanProcessor(exporter, max_export_batch_size=7))
    tracer = provider.get_tracer("govtop.interop", "1.0")
    trace_ids = []
    for index, (team, cost, tokens_in, tokens_out) in enumerate(calls):
        with tracer.start_as_current_span("invoke_agent support") as root:
            root.set_attribute("genops.team", team)
            root.set_attribute("genops.customer_id", f"customer-{index}")
            trace_ids.append(format(root.get_span_context().trace_id, "032x"))
            with tracer.start_as_current_span("chat gpt-4o") as llm:
                llm.set_attribute("gen_ai.operation.name", "chat")
                llm.set_attribute("gen_ai.system", "openai")
                llm.set_attribute("gen_ai.request.model", "gpt-4o")
                llm.set_attribute("gen_ai.usage.input_tokens", tokens_in)
                llm.set_attribute("gen_ai.usage.output_tokens", tokens_out)
                llm.set_attribute("genops.cost.total", cost)
                llm.set_attribute("gen_ai.response.finish_reasons", ["stop"])
                llm.add_event("policy.evaluated", {"genops.policy.name": "pii-filter",
                                                   "genops.policy.result": "blocked" if index % 5 == 0 else "allowed"})
                if index % 4 == 0:
                    llm.set_status(Status(StatusCode.ERROR, "rate limited"))
    assert provider.force_flush(30_000)
    provider.shutdown()
    return trace_ids


def test_sdk_export_with_and_without_gzip_gives_exact_totals(govtop):
    plain = [("ml-platform", 0.0032 * (i + 1), 100 + i, 40 + i) for i in range(23)]
    gzipped = [("support", 0.0171 * (i + 1), 1000 + 3 * i, 7 * i) for i in range(17)]
    ids = export(govtop, Compression.NoCompression, plain, "interop-plain")
    ids += export(govtop, Compression.Gzip, gzipped, "interop-gzip")

    summary = get_json(govtop, "/api/v1/summary")
    calls = plain + gzipped
    assert summary["spans_received"] == 2 * len(calls)
    assert summary["spans_stored"] == 2 * len(calls)
    assert summary["spans_rejected"] == 0
    assert summary["traces_stored"] == len(calls)
    assert summary["requests_total"] == len(calls)
    assert math.isclose(summary["cost_usd_total"], math.fsum(c[1] for c in calls), abs_tol=1e-9)
    assert summary["input_tokens_total"] == sum(c[2] for c in calls)
    assert summary["output_tokens_total"] == sum(c[3] for c in calls)
    assert summary["policy_violations_total"] == sum(1 for i in range(23) if i % 5 == 0) + sum(1 for i in range(17) if i % 5 == 0)

    listed = get_json(govtop, "/api/v1/traces?limit=1000")["traces"]
    assert {t["trace_id"] for t in listed} == set(ids)
    support = get_json(govtop, "/api/v1/traces?team=support&limit=1000")["traces"]
    assert len(support) == len(gzipped)
    assert all(t["root_name"] == "invoke_agent support" and t["span_count"] == 2 for t in support)

    detail = get_json(govtop, f"/api/v1/traces/{ids[0]}")
    names = sorted(span["name"] for span in detail["spans"])
    assert names == ["chat gpt-4o", "invoke_agent support"]
    llm = next(span for span in detail["spans"] if span["name"] == "chat gpt-4o")
    assert llm["attributes"]["gen_ai.request.model"] == "gpt-4o"
    assert llm["attributes"]["gen_ai.response.finish_reasons"] == ["stop"]
    assert llm["status"]["code"] == "error"
    assert llm["events"][0]["name"] == "policy.evaluated"
    assert llm["service"] == "interop-plain"
