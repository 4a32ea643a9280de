"""Interop: the official OpenTelemetry Python SDK emits GenOps Governance Specification v0.1 AI
Workload Units, compliant and broken, with the required span events, to a headless govtop:
/api/v1/conformance reports the expected level and counts per service, and costs from
genops.accounting.actual (USD) are exact in the groups and budgets. Then `govtop conformance`
judges govtop's own recording of the same traffic, with its exit codes.

Run by .ci/run after the release build: GOVTOP_BIN names the binary (default .build/debug/govtop).
"""
import json
import os
import subprocess
import time
from decimal import Decimal

import pytest
from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import BatchSpanProcessor
from govtop_harness import BINARY, free_port, get_json, start_govtop, stop_cleanly


@pytest.fixture()
def govtop(tmp_path):
    config = tmp_path / "govtop.yaml"
    config.write_text("budgets:\n  - name: ml-daily\n    team: ml\n    limit: 100\n    period: daily\n")
    record = tmp_path / "record.jsonl"
    port = free_port()
    process = start_govtop(port, "--ephemeral", "--config", str(config), "--record", str(record))
    yield port, record
    stop_cleanly(process)


def emit(port: int, service: str, awus: list) -> None:
    """One AWU span per entry: (shape, actual USD, edit), shape one of executed, blocked, stopped."""
    provider = TracerProvider(resource=Resource.create({"service.name": service}))
    provider.add_span_processor(BatchSpanProcessor(OTLPSpanExporter(endpoint=f"http://127.0.0.1:{port}/v1/traces"),
                                                   max_export_batch_size=5))
    tracer = provider.get_tracer("genops.interop", "0.1.0")
    for shape, actual, edit in awus:
        attributes = {
            "genops.spec.version": "0.1.0", "genops.team": "ml", "genops.project": "assistant",
            "genops.environment": "ci", "genops.operation.name": "answer question", "genops.operation.type": "inference",
            "genops.policy.name": "budget-gate",
        }
        reserved = 0.05
        if shape == "executed":
            attributes.update({"genops.policy.result": "ALLOWED", "genops.accounting.reserved": reserved,
                               "genops.accounting.actual": actual, "genops.accounting.unit": "USD"})
        elif shape == "blocked":
            attributes.update({"genops.policy.result": "BLOCKED", "genops.policy.reason_code": "BUDGET_EXCEEDED"})
        else:
            attributes.update({"genops.policy.result": "RATE_LIMITED", "genops.policy.reason_code": "RATE_LIMITED",
                               "genops.accounting.reserved": reserved, "genops.accounting.unit": "USD"})
        events = ["policy", "reservation", "reconciliation"] if shape == "executed" else \
            ["policy"] if shape == "blocked" else ["policy", "reservation"]
        for key in edit.get("remove", []):
            attributes.pop(key)
        events = [event for event in events if event not in edit.get("remove_events", [])]
        with tracer.start_as_current_span("genops.awu", attributes=attributes) as span:
            decision = {"genops.policy.result": attributes["genops.policy.result"]}
            if "genops.policy.reason_code" in attributes:
                decision["genops.policy.reason_code"] = attributes["genops.policy.reason_code"]
            if "policy" in events:
                span.add_event("genops.policy.evaluated", decision)
            if "reservation" in events:
                span.add_event("genops.budget.reservation", {"genops.accounting.reserved": reserved,
                                                             "genops.accounting.unit": "USD"})
            if "reconciliation" in events:
                span.add_event("genops.budget.reconciliation", {
                    "genops.accounting.actual": actual, "genops.accounting.reserved": reserved,
                    "genops.accounting.unit": "USD", "genops.accounting.reconciliation_delta": actual - reserved})
    assert provider.force_flush(30_000)
    provider.shutdown()


ACTUALS = [0.1, 0.2, 0.0007, 0.013, 0.02]


def test_conformance_levels_and_exact_accounting(govtop, tmp_path):
    port, record = govtop
    emit(port, "compliant", [("executed", actual, {}) for actual in ACTUALS]
         + [("blocked", 0, {}), ("stopped", 0, {})])
    # Breaks only the accounting invariant: partially compliant.
    emit(port, "no-reconciliation", [("executed", 0.01, {"remove_events": ["reconciliation"]}), ("blocked", 0, {})])
    # Breaks attribution and the decision event: non-compliant.
    emit(port, "broken", [("executed", 0.01, {"remove": ["genops.team"]}), ("blocked", 0, {"remove_events": ["policy"]}),
                          ("executed", 0.01, {})])

    def services():
        return {s["service"]: s for s in get_json(port, "/api/v1/conformance")["services"]}
    deadline = time.time() + 30
    while sum(s["awus"] for s in services().values()) < 12 and time.time() < deadline:
        time.sleep(0.1)
    report = services()
    assert report["compliant"]["level"] == "full"
    assert report["compliant"]["awus"] == 7
    assert report["compliant"]["violations"] == {}
    assert report["no-reconciliation"]["level"] == "partial"
    assert report["no-reconciliation"]["violations"] == {"event.reconciliation.missing": 1}
    assert report["broken"]["level"] == "none"
    assert report["broken"]["violations"] == {"attribution.missing": 1, "event.policy_evaluated.missing": 1}
    assert all(len(ids) == 1 and len(ids[0]) == 32 for ids in report["broken"]["examples"].values())

    # genops.accounting.actual (USD) is the cost, exact: 0.1 + 0.2 + ... as decimals, not binary floats.
    compliant = next(g for g in get_json(port, "/api/v1/groups?by=service")["groups"] if g["key"] == "compliant")
    expected = sum(Decimal(str(a)) for a in ACTUALS)
    assert Decimal(str(compliant["cost_usd"])) == expected
    assert compliant["requests"] == len(ACTUALS)
    assert compliant["accounting"]["reconciled_usd"] == len(ACTUALS)
    assert Decimal(str(compliant["accounting"]["reserved_usd"])) == Decimal("0.05") * len(ACTUALS)
    assert Decimal(str(compliant["accounting"]["reconciliation_delta_usd"])) == expected - Decimal("0.05") * len(ACTUALS)
    budget = next(b for b in get_json(port, "/api/v1/budgets")["budgets"] if b["name"] == "ml-daily")
    # Team ml spent on every executed AWU of the three services but the one without a team.
    assert Decimal(str(budget["consumed_usd"])) == expected + Decimal("0.01") + Decimal("0.01")
    policies = get_json(port, "/api/v1/policies")["policies"]
    gate = next(p for p in policies if p["name"] == "budget-gate")
    assert gate["by_reason_code"] == {"BUDGET_EXCEEDED": 3, "RATE_LIMITED": 1}

    # Offline: govtop's own recording of the same traffic, judged by `govtop conformance`.
    deadline = time.time() + 30
    while (not record.exists() or record.read_text().count("\n") < 3) and time.time() < deadline:
        time.sleep(0.1)
    offline = subprocess.run([BINARY, "conformance", "--json", str(record)], capture_output=True, text=True, timeout=60)
    assert offline.returncode == 1, offline.stderr
    judged = {s["service"]: s["level"] for s in json.loads(offline.stdout)["services"]}
    assert judged == {"compliant": "full", "no-reconciliation": "partial", "broken": "none"}
    text = subprocess.run([BINARY, "conformance", str(record)], capture_output=True, text=True, timeout=60)
    assert text.returncode == 1
    assert "event.reconciliation.missing (§8.3)" in text.stdout

    only_compliant = tmp_path / "compliant.jsonl"
    only_compliant.write_text("".join(line + "\n" for line in record.read_text().splitlines() if '"compliant"' in line))
    passed = subprocess.run([BINARY, "conformance", str(only_compliant)], capture_output=True, text=True, timeout=60)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    garbage = tmp_path / "garbage.bin"
    garbage.write_bytes(b"\xff\xff\xff\x01")
    unreadable = subprocess.run([BINARY, "conformance", str(garbage)], capture_output=True, text=True, timeout=60)
    assert unreadable.returncode == 2
    assert str(garbage) in unreadable.stderr
