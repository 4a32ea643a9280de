"""End-to-end OTLP/HTTP ingest of a release govtop, against upb's parse of the same bytes (issue 10).

Measures, in one run, on the same pre-built bodies (512-span batches of typical GenAI agent traces,
the shape of Sources/GovTopBench/TypicalGenAITraces.swift: a workflow root and three LLM calls
with ~15 gen_ai.* attributes, distinct trace ids in every batch, the pool larger than the store
so a trace id never meets its earlier copy; `--shape fixture` builds GenAIBatchFixture's batches
of the in-process ingest benchmark instead):

1. upb's parse rate: `ExportTraceServiceRequest.FromString` of every body of the pool (a fresh
   message each, as a receiver parses each request), best of several passes, on one core (the C parser behind Python's `protobuf` package; the script
   refuses to run on any other implementation).
2. The sender's own capacity: wrk (8 kept-alive connections, the bodies cycled by
   .ci/ingest-load.lua) against a sink that reads each request and answers 200, so the figures
   below are govtop's and not wrk's. Then govtop's HTTP door alone: the same requests sent as
   `GET /healthz`, whose bodies govtop reads and discards undecoded: what receiving costs per span.
3. govtop --headless with governance on (5 budgets, a redaction rule) and with governance off
   (the hidden `--no-governance` flag: decode, normalize, store and exact totals only), each
   driven by the same wrk for --seconds after a warm-up: accepted spans/s from the deltas of
   /api/v1/summary's spans_received (less spans_rejected), and the CPU govtop and wrk used
   meanwhile (on a shared machine, spans per govtop CPU-second is the steadier figure). --rounds
   pairs of these runs, the order swapped every round: the median run of each, and each round's
   on/off ratio with their median. With --allocator-rounds N, N more pairs of governance-on runs:
   govtop as it starts (glibc's per-thread cache sized by Sources/govtop/MallocTuning.swift) and
   with GLIBC_TUNABLES set empty (glibc's defaults), the order swapped every round.
4. Resident memory per stored span: a fresh govtop (--max-spans 250000 --max-memory 2GiB) is sent
   8 batches to warm up, then 200,000 spans of distinct traces; (VmRSS after - VmRSS after the
   warm-up) / 200,000, and the growth from idle for comparison.

Prints a table; it is a measurement, not a test. Needs `wrk` (Debian package) and the Python
`protobuf` and `opentelemetry-proto` packages; .ci/ingest-load.sh provides them.
Usage: ingest-load.py GOVTOP [--shape typical|fixture] [--seconds S] [--warmup S] [--rounds N] [--allocator-rounds N] [--pool N]
                        [--connections C] [--threads T] [--rss-spans N]
"""
import argparse
import http.client
import json
import os
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time

from google.protobuf.internal import api_implementation
from opentelemetry.proto.collector.trace.v1.trace_service_pb2 import ExportTraceServiceRequest
from opentelemetry.proto.trace.v1.trace_pb2 import Span

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LUA = os.path.join(ROOT, ".ci", "ingest-load.lua")
TRACES_PER_BATCH = 128  # 4 spans each: 512-span batches
SPANS_PER_BATCH = 4 * TRACES_PER_BATCH
# Bump when the generated bodies change, so a cached pool is rebuilt.
POOL_VERSION = "typical-genai-v1"

MODELS = ["gpt-4o-2024-08-06", "gpt-4o-mini-2024-07-18", "claude-3-5-sonnet-20241022", "gemini-1.5-pro-002"]
TEAMS = ["ml-platform", "search-quality", "customer-support", "growth-experiments"]

# Governance on, as the in-process ingest benchmark configures it (IngestBenchmark.governed): a
# budget for each team the traffic carries and an org-wide one, and a redaction rule over every
# string attribute. The rule's literals never occur in these bodies, so the receiver's body screen
# spares the spans the regular expression; --screen-every-span uses a rule whose literal ("-")
# occurs in every body, so every string attribute of every span meets the regular expression.
BUDGETS = """\
budgets:
  - {team: ml-platform, limit: 1000000, period: daily}
  - {team: search-quality, limit: 1000000, period: daily}
  - {team: customer-support, limit: 1000000, period: daily}
  - {team: growth-experiments, limit: 1000000, period: daily}
  - {name: all-spend, limit: 10000000, period: monthly}
policies:
"""
RULES = {
    False: '  - {name: pii-detection, pattern: ".*SSN.*|.*credit_card.*", action: redact}\n',
    True: '  - {name: ssn-redaction, pattern: "\\\\b\\\\d{3}-\\\\d{2}-\\\\d{4}\\\\b", action: redact}\n',
}


def provider(model):
    return "openai" if model.startswith("gpt") else "anthropic" if model.startswith("claude") else "gcp.gemini"


def attribute(attributes, key, value):
    kv = attributes.add()
    kv.key = key
    if isinstance(value, str):
        kv.value.string_value = value
    elif isinstance(value, bool):
        kv.value.bool_value = value
    elif isinstance(value, int):
        kv.value.int_value = value
    elif isinstance(value, float):
        kv.value.double_value = value
    else:
        for text in value:
            kv.value.array_value.values.add().string_value = text


def base36(number):
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    text = ""
    while True:
        number, rest = divmod(number, 36)
        text = digits[rest] + text
        if number == 0:
            return text


def batch(index, traces=TRACES_PER_BATCH):
    """One export of `traces` agent traces, as TypicalGenAITraces.batch(index:) shapes them."""
    rng = random.Random(0x7E1C_0000 + index)
    request = ExportTraceServiceRequest()
    resource_spans = request.resource_spans.add()
    for key, value in [("service.name", "chat-gateway"), ("service.version", "2.14.0"),
                       ("telemetry.sdk.language", "python")]:
        attribute(resource_spans.resource.attributes, key, value)
    scope_spans = resource_spans.scope_spans.add()
    scope_spans.scope.name = "opentelemetry.instrumentation.openai_v2"
    scope_spans.scope.version = "2.1b0"
    word = lambda: rng.getrandbits(64)  # noqa: E731
    for trace in range(traces):
        trace_id = (word() | 1).to_bytes(8, "big") + word().to_bytes(8, "big")
        root_id = (word() | 1).to_bytes(8, "big")
        start = 1_730_000_000_000_000_000 + (index * traces + trace) * 1_000_000_000
        for call in range(3):
            model = MODELS[word() % 4]
            tokens_in = 200 + word() % 4000
            tokens_out = 20 + word() % 800
            begin = start + call * 900_000_000
            span = scope_spans.spans.add()
            span.trace_id = trace_id
            span.span_id = (word() | 1).to_bytes(8, "big")
            span.parent_span_id = root_id
            span.name = "chat " + model
            span.kind = Span.SPAN_KIND_CLIENT
            span.start_time_unix_nano = begin
            span.end_time_unix_nano = begin + 800_000_000
            for key, value in [
                ("gen_ai.operation.name", "chat"), ("gen_ai.provider.name", provider(model)),
                ("gen_ai.request.model", model), ("gen_ai.response.model", model),
                ("gen_ai.response.id", "chatcmpl-" + base36(word())),
                ("gen_ai.response.finish_reasons", ["stop"]), ("gen_ai.request.max_tokens", 1024),
                ("gen_ai.request.temperature", 0.2), ("gen_ai.usage.input_tokens", tokens_in),
                ("gen_ai.usage.output_tokens", tokens_out),
                ("gen_ai.usage.cache_read.input_tokens", tokens_in // 4),
                ("server.address", "api.openai.com"), ("server.port", 443),
                ("genops.cost.total", tokens_in * 2.5e-6 + tokens_out * 1e-5), ("genops.cost.currency", "USD"),
            ]:
                attribute(span.attributes, key, value)
        root = scope_spans.spans.add()
        root.trace_id = trace_id
        root.span_id = root_id
        root.name = "invoke_agent support"
        root.kind = Span.SPAN_KIND_INTERNAL
        root.start_time_unix_nano = start
        root.end_time_unix_nano = start + 3_000_000_000
        for key, value in [
            ("gen_ai.operation.name", "invoke_agent"), ("gen_ai.agent.name", "support"),
            ("genops.team", TEAMS[word() % 4]), ("genops.project", "assistant-v2"),
            ("genops.customer_id", f"customer-{word() % 50}"), ("genops.environment", "production"),
            ("genops.feature", "chat-support"),
        ]:
            attribute(root.attributes, key, value)
    return request.SerializeToString()


FIXTURE_MODELS = ["gpt-4o-2024-08-06", "gpt-4o-mini-2024-07-18", "claude-3-5-sonnet-20241022", "gemini-1.5-pro-002"]
FIXTURE_PROVIDERS = ["openai", "openai", "anthropic", "gcp.gemini"]
FIXTURE_PROJECTS = ["assistant-v2", "semantic-search", "ticket-triage", "onboarding-bot"]


def fixture_batch(index, spans=SPANS_PER_BATCH):
    """One export shaped as GenAIBatchFixture.request() (the in-process ingest benchmark's batch):
    two services, LLM client spans with 16 attributes, prompt and completion events, now and then a
    policy event, an error or a link; every span its own trace, parents never in the batch."""
    rng = random.Random(0x5EED_0F_6E4A1 + index)
    word = lambda: rng.getrandbits(64)  # noqa: E731
    request = ExportTraceServiceRequest()
    for service_index, service in enumerate(["chat-gateway", "rag-worker"]):
        resource_spans = request.resource_spans.add()
        for key, value in [("service.name", service), ("service.version", f"2.14.{service_index}"),
                           ("deployment.environment.name", "production"), ("telemetry.sdk.language", "python"),
                           ("telemetry.sdk.name", "opentelemetry"), ("telemetry.sdk.version", "1.29.0"),
                           ("host.name", f"ip-10-0-{service_index}-17.ec2.internal")]:
            attribute(resource_spans.resource.attributes, key, value)
        scope_spans = resource_spans.scope_spans.add()
        scope_spans.scope.name = "opentelemetry.instrumentation.openai_v2"
        scope_spans.scope.version = "2.1b0"
        for position in range(spans // 2 + (1 if service_index < spans % 2 else 0)):
            model, team = word() % 4, word() % 4
            tokens_in, tokens_out = 200 + word() % 6000, 20 + word() % 1500
            start = 1_730_000_000_000_000_000 + position * 250_000_000 + word() % 1_000_000
            span = scope_spans.spans.add()
            span.trace_id = word().to_bytes(8, "big") + word().to_bytes(8, "big")
            span.span_id = word().to_bytes(8, "big")
            if position % 4:
                span.parent_span_id = word().to_bytes(8, "big")
            span.name = "chat " + FIXTURE_MODELS[model]
            span.kind = Span.SPAN_KIND_CLIENT
            span.start_time_unix_nano = start
            span.end_time_unix_nano = start + 300_000_000 + word() % 4_000_000_000
            span.flags = 0x101
            for key, value in [
                ("gen_ai.operation.name", "chat"), ("gen_ai.provider.name", FIXTURE_PROVIDERS[model]),
                ("gen_ai.request.model", FIXTURE_MODELS[model]), ("gen_ai.response.model", FIXTURE_MODELS[model]),
                ("gen_ai.response.id", f"chatcmpl-{word():016x}{word():016x}"),
                ("gen_ai.usage.input_tokens", tokens_in), ("gen_ai.usage.output_tokens", tokens_out),
                ("gen_ai.request.max_tokens", 4096), ("gen_ai.request.temperature", 0.7),
                ("gen_ai.response.finish_reasons", ["stop"]), ("genops.team", TEAMS[team]),
                ("genops.project", FIXTURE_PROJECTS[team]), ("genops.customer_id", f"cust-{word() % 5000}"),
                ("genops.environment", "production"),
                ("genops.cost.total", tokens_in * 2.5e-6 + tokens_out * 1e-5), ("genops.cost.currency", "USD"),
            ]:
                attribute(span.attributes, key, value)
            events = [("gen_ai.content.prompt", start + 1_000,
                       [("gen_ai.prompt", "Summarize the customer ticket in two sentences.")]),
                      ("gen_ai.content.completion", start + 290_000_000,
                       [("gen_ai.completion", "The customer cannot log in after the update.")])]
            if position % 8 == 3:
                events.append(("policy.evaluated", start + 2_000,
                               [("genops.policy.name", "pii-filter"), ("genops.policy.result", "allowed")]))
            for name, time_unix_nano, event_attributes in events:
                event = span.events.add()
                event.name, event.time_unix_nano = name, time_unix_nano
                for key, value in event_attributes:
                    attribute(event.attributes, key, value)
            if position % 16 == 5:
                link = span.links.add()
                link.trace_id = word().to_bytes(8, "big") + word().to_bytes(8, "big")
                link.span_id = word().to_bytes(8, "big")
            if position % 10 == 9:
                span.status.code = span.status.STATUS_CODE_ERROR
                span.status.message = "rate limited by provider"
            else:
                span.status.code = span.status.STATUS_CODE_OK
    return request.SerializeToString()


SHAPES = {"typical": batch, "fixture": fixture_batch}


def body_pool(directory, count, shape):
    """The pool's bodies, written to `directory` (kept between runs) and returned in order."""
    stamp = os.path.join(directory, "VERSION")
    expected = f"{POOL_VERSION} {shape} {count}"
    if not (os.path.exists(stamp) and open(stamp).read() == expected):
        shutil.rmtree(directory, ignore_errors=True)
        os.makedirs(directory)
        started = time.time()
        for index in range(count):
            with open(os.path.join(directory, f"batch-{index:04d}.pb"), "wb") as handle:
                handle.write(SHAPES[shape](index))
        with open(stamp, "w") as handle:
            handle.write(expected)
        print(f"generated {count} bodies in {time.time() - started:.1f} s", file=sys.stderr)
    bodies = []
    for index in range(count):
        with open(os.path.join(directory, f"batch-{index:04d}.pb"), "rb") as handle:
            bodies.append(handle.read())
    return bodies


def upb_parse_rate(bodies, passes):
    """upb's parse of every body into a fresh message, one thread: (spans per wall-clock second,
    spans per CPU second), each the best of `passes`.

    A fresh message per body, as a receiver would parse each request: parsing again into one reused
    message keeps every earlier parse's memory in upb's arena (clearing a message does not free it),
    and over 512 bodies that slowed upb's parse about 4x, which made govtop look faster than it is."""
    spans = 0
    for body in bodies:
        message = ExportTraceServiceRequest.FromString(body)
        spans += sum(len(s.spans) for r in message.resource_spans for s in r.scope_spans)
    best_wall = best_cpu = float("inf")
    for _ in range(passes):
        wall, cpu = time.perf_counter(), time.thread_time()
        for body in bodies:
            ExportTraceServiceRequest.FromString(body)
        best_wall = min(best_wall, time.perf_counter() - wall)
        best_cpu = min(best_cpu, time.thread_time() - cpu)
    return spans / best_wall, spans / best_cpu


# --- the sender and a sink to measure it against -------------------------------------------------

def sink_connection(connection):
    try:
        serve_sink_connection(connection)
    except OSError:
        pass  # wrk closes its connections when its time is up


def serve_sink_connection(connection):
    buffer = bytearray(1 << 20)
    view = memoryview(buffer)
    pending = b""
    with connection:
        while True:
            while b"\r\n\r\n" not in pending:
                chunk = connection.recv(65536)
                if not chunk:
                    return
                pending += chunk
            head, _, pending = pending.partition(b"\r\n\r\n")
            length = int(re.search(rb"(?i)content-length:\s*(\d+)", head).group(1))
            remaining = length - len(pending)
            pending = pending[length:] if remaining < 0 else b""
            while remaining > 0:
                received = connection.recv_into(view[:min(remaining, len(buffer))])
                if not received:
                    return
                remaining -= received
            connection.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n")


def run_sink(port):
    """A trivial HTTP/1.1 sink: reads each request's body and answers 200 (for --sink)."""
    server = socket.create_server(("127.0.0.1", port), backlog=64)
    while True:
        connection, _ = server.accept()
        threading.Thread(target=sink_connection, args=(connection,), daemon=True).start()


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_listening(port, process, path="/healthz"):
    for _ in range(600):
        if process.poll() is not None:
            raise RuntimeError(f"the process on port {port} exited with {process.returncode}")
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            if path is None:
                connection.connect()
                connection.close()
                return
            connection.request("GET", path)
            if connection.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(0.1)
    raise RuntimeError(f"nothing answered on port {port}")


def start_wrk(port, pool_dir, pool_size, args, seconds, target=("POST", "/v1/traces")):
    command = ["wrk", "-t", str(args.threads), "-c", str(args.connections), "-d", f"{seconds}s",
               "--timeout", "30s", "-s", LUA, f"http://127.0.0.1:{port}", "--", pool_dir, str(pool_size),
               str(args.threads), *target]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def wrk_report(process):
    output = process.communicate()[0]
    if process.returncode != 0:
        raise RuntimeError("wrk failed:\n" + output)
    requests = int(re.search(r"(\d+) requests in", output).group(1))
    rate = float(re.search(r"Requests/sec:\s*([\d.]+)", output).group(1))
    non2xx = re.search(r"Non-2xx or 3xx responses:\s*(\d+)", output)
    errors = re.search(r"Socket errors:.*", output)
    return {"requests": requests, "rate": rate, "non2xx": int(non2xx.group(1)) if non2xx else 0,
            "socket_errors": errors.group(0) if errors else "", "output": output}


def sender_capacity(pool_dir, pool_size, args):
    """Spans/s wrk delivers to a sink that does nothing but read: the ceiling of this sender."""
    port = free_port()
    sink = subprocess.Popen([sys.executable, os.path.abspath(__file__), "--sink", str(port)])
    try:
        wait_listening(port, sink, path=None)
        report = wrk_report(start_wrk(port, pool_dir, pool_size, args, args.sink_seconds))
    finally:
        sink.terminate()
        sink.wait()
    return report["rate"] * SPANS_PER_BATCH


# --- govtop -------------------------------------------------------------------------------------

def start_govtop(binary, home, *arguments, untuned=False):
    """untuned: with GLIBC_TUNABLES set empty, so govtop keeps glibc's default allocator settings
    (Sources/govtop/MallocTuning.swift)."""
    port = free_port()
    env = dict(os.environ, XDG_CONFIG_HOME=home, XDG_STATE_HOME=home, HOME=home)
    if untuned:
        env["GLIBC_TUNABLES"] = ""
    process = subprocess.Popen([binary, "--headless", "--http-port", str(port), "--status-interval", "3600",
                                *arguments], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wait_listening(port, process)
    return process, port


def stop_govtop(process):
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def api(port, path):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        body = response.read()
        if response.status != 200:
            raise RuntimeError(f"GET {path}: {response.status} {body[:200]!r}")
        return json.loads(body)
    finally:
        connection.close()


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as handle:
        fields = handle.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def vm_rss(pid):
    with open(f"/proc/{pid}/status") as handle:
        for line in handle:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    raise RuntimeError("no VmRSS")


def ingest_rate(binary, governance, pool_dir, pool_size, args, untuned=False):
    """Accepted spans/s of a fresh govtop under wrk, over --seconds after --warmup."""
    with tempfile.TemporaryDirectory() as home:
        arguments = []
        if governance:
            config = os.path.join(home, "load.yaml")
            with open(config, "w") as handle:
                handle.write(BUDGETS + RULES[args.screen_every_span])
            arguments = ["--config", config]
        else:
            arguments = ["--no-governance"]
        process, port = start_govtop(binary, home, *arguments, untuned=untuned)
        try:
            budgets = api(port, "/api/v1/budgets")["budgets"]
            if governance and len(budgets) != 5:
                raise RuntimeError(f"governance on should show 5 budgets, not {len(budgets)}")
            sender = start_wrk(port, pool_dir, pool_size, args, int(args.warmup + args.seconds + 2))
            time.sleep(args.warmup)
            before, cpu_before, started = api(port, "/api/v1/summary"), cpu_seconds(process.pid), time.monotonic()
            sender_before = cpu_seconds(sender.pid)
            time.sleep(args.seconds)
            after, cpu_after, ended = api(port, "/api/v1/summary"), cpu_seconds(process.pid), time.monotonic()
            sender_after = cpu_seconds(sender.pid)
            report = wrk_report(sender)
            groups = api(port, "/api/v1/groups?by=team")
        finally:
            stop_govtop(process)
    if governance and not groups.get("groups"):
        raise RuntimeError("governance on, yet /api/v1/groups?by=team is empty")
    if not governance and groups.get("groups"):
        raise RuntimeError("--no-governance, yet /api/v1/groups?by=team has groups: the flag did not take effect")
    received = after["spans_received"] - before["spans_received"]
    rejected = after["spans_rejected"] - before["spans_rejected"]
    elapsed = ended - started
    return {"rate": (received - rejected) / elapsed, "cores": (cpu_after - cpu_before) / elapsed,
            "sender_cores": (sender_after - sender_before) / elapsed,
            "per_cpu_second": (received - rejected) / max(cpu_after - cpu_before, 1e-9), "rejected": rejected,
            "non2xx": report["non2xx"], "socket_errors": report["socket_errors"]}


def http_door_alone(binary, pool_dir, args):
    """The same requests as `GET /healthz`: govtop's HTTP door reads each body (counting it for the
    minimum body rate), discards it undecoded and answers 200. Its spans/s and spans per govtop
    CPU-second are what receiving alone costs, the part of a span's CPU no engine change can remove."""
    with tempfile.TemporaryDirectory() as home:
        process, port = start_govtop(binary, home, "--no-governance")
        try:
            cpu_before, started = cpu_seconds(process.pid), time.monotonic()
            report = wrk_report(start_wrk(port, pool_dir, args.pool, args, args.sink_seconds, ("GET", "/healthz")))
            cpu_after, ended = cpu_seconds(process.pid), time.monotonic()
            summary = api(port, "/api/v1/summary")
        finally:
            stop_govtop(process)
    if report["non2xx"] or report["socket_errors"] or summary["spans_received"]:
        raise RuntimeError(f"the HTTP door run was not read-and-discard: {report['non2xx']} non-2xx, "
                           f"{report['socket_errors']!r}, {summary['spans_received']} spans received")
    spans = report["requests"] * SPANS_PER_BATCH
    return {"rate": report["rate"] * SPANS_PER_BATCH, "cores": (cpu_after - cpu_before) / (ended - started),
            "per_cpu_second": spans / max(cpu_after - cpu_before, 1e-9)}


def interleaved_rates(binary, pool_dir, args):
    """--rounds pairs of runs, governance on and off, the order swapped every round so that a
    machine slowing down or speeding up during the run weighs on both alike. Returns every run of
    each (on, off) and the rounds' on/off ratios: on a shared VM one binary's rate moves by tens of
    percent within minutes, and a ratio of two runs a minute apart is steadier than either."""
    runs = {True: [], False: []}
    ratios = []
    for round_index in range(args.rounds):
        order = (True, False) if round_index % 2 == 0 else (False, True)
        for governance in order:
            run = ingest_rate(binary, governance, pool_dir, args.pool, args)
            runs[governance].append(run)
            print(f"round {round_index + 1}, governance {'on' if governance else 'off'}: {run['rate']:,.0f} spans/s "
                  f"({run['per_cpu_second']:,.0f} per govtop CPU-second)", flush=True)
        ratios.append(runs[True][-1]["rate"] / runs[False][-1]["rate"])
        print(f"round {round_index + 1}, governance on / off: {ratios[-1]:.2f}x", flush=True)
    return runs[True], runs[False], ratios


def allocator_ratios(binary, pool_dir, args):
    """--allocator-rounds pairs of governance-on runs, with govtop's allocator tuning and with
    glibc's defaults (GLIBC_TUNABLES set empty), the order swapped every round. Returns the
    rounds' tuned / untuned rate ratios."""
    ratios = []
    for round_index in range(args.allocator_rounds):
        rates = {}
        for untuned in ((False, True) if round_index % 2 == 0 else (True, False)):
            rates[untuned] = ingest_rate(binary, True, pool_dir, args.pool, args, untuned=untuned)["rate"]
            print(f"allocator round {round_index + 1}, governance on, {'glibc defaults' if untuned else 'tuned'}: "
                  f"{rates[untuned]:,.0f} spans/s", flush=True)
        ratios.append(rates[False] / rates[True])
    return ratios


def median_run(runs):
    """The run of median rate (the lower of the two middle ones for an even count), with its CPU
    figures: the rows that quote CPU quote this run's."""
    return sorted(runs, key=lambda run: run["rate"])[(len(runs) - 1) // 2]


def post(connection, body):
    connection.request("POST", "/v1/traces", body=body, headers={"Content-Type": "application/x-protobuf"})
    response = connection.getresponse()
    response.read()
    if response.status != 200:
        raise RuntimeError(f"POST /v1/traces answered {response.status}")


def rss_per_span(binary, bodies, shape, spans, warmup_batches=8):
    """VmRSS growth per stored span while `spans` spans of distinct traces are stored.

    A few batches are sent first, so the one-time costs of the first requests (event-loop arenas,
    receive buffers, interned names) are not charged to the spans; the growth from idle is
    returned too. Returns (idle, warm, after, bytes per span from warm, bytes per span from idle).
    """
    full, rest = divmod(spans, SPANS_PER_BATCH)
    if full + warmup_batches > len(bodies):
        raise RuntimeError(f"--rss-spans {spans} needs a pool of at least {full + warmup_batches} bodies")
    # The remainder, from a batch index the pool does not use.
    extra = [batch(len(bodies) + 1_000_000, traces=rest // 4) if shape == "typical"
             else fixture_batch(len(bodies) + 1_000_000, spans=rest)] if rest else []
    warmup = bodies[len(bodies) - warmup_batches:]
    with tempfile.TemporaryDirectory() as home:
        process, port = start_govtop(binary, home, "--max-spans", "250000", "--max-memory", "2GiB")
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            time.sleep(1)
            idle = vm_rss(process.pid)
            for body in warmup:
                post(connection, body)
            time.sleep(1)
            warm = vm_rss(process.pid)
            for body in bodies[:full] + extra:
                post(connection, body)
            connection.close()
            summary = api(port, "/api/v1/summary")
            expected = spans + warmup_batches * SPANS_PER_BATCH
            if summary["spans_stored"] != expected or summary["spans_evicted"] != 0:
                raise RuntimeError(f"expected {expected} stored spans, none evicted: {summary}")
            time.sleep(1)
            after = vm_rss(process.pid)
        finally:
            stop_govtop(process)
    return idle, warm, after, (after - warm) / spans, (after - idle) / expected


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("govtop", nargs="?", help="the release govtop binary")
    parser.add_argument("--seconds", type=float, default=20, help="measured seconds per ingest run (default 20)")
    parser.add_argument("--warmup", type=float, default=3, help="seconds of load before measuring (default 3)")
    parser.add_argument("--sink-seconds", type=int, default=10, help="seconds of the sender-capacity run (default 10)")
    parser.add_argument("--pool", type=int, default=512,
                        help="distinct 512-span bodies cycled by the sender (default 512: 262,144 spans, more than the store holds)")
    parser.add_argument("--connections", type=int, default=8, help="kept-alive connections (default 8)")
    parser.add_argument("--threads", type=int, default=2, help="wrk threads (default 2)")
    parser.add_argument("--rounds", type=int, default=3,
                        help="pairs of governance on/off runs, order swapped each round; medians reported (default 3)")
    parser.add_argument("--allocator-rounds", type=int, default=0,
                        help="also this many pairs of governance-on runs with govtop's allocator tuning and "
                             "with glibc's defaults (default 0)")
    parser.add_argument("--parse-passes", type=int, default=5, help="upb passes over the pool, best taken (default 5)")
    parser.add_argument("--rss-spans", type=int, default=200_000, help="spans stored for the RSS figure (default 200000)")
    parser.add_argument("--shape", choices=sorted(SHAPES), default="typical",
                        help="typical: agent traces of 4 spans, ~15 attributes, content capture off (TypicalGenAITraces, "
                             "the default); fixture: GenAIBatchFixture's batch of the in-process ingest benchmark "
                             "(16 attributes, prompt/completion events, every span its own trace)")
    parser.add_argument("--screen-every-span", action="store_true",
                        help="governance on with an SSN redaction rule whose literal occurs in every body, so every "
                             "span is screened by the regular expression (default: the ingest benchmark's rule)")
    parser.add_argument("--sink", type=int, metavar="PORT", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.sink is not None:
        run_sink(args.sink)
        return
    if not args.govtop:
        parser.error("the govtop binary is required")
    if args.rounds < 1:
        parser.error("--rounds must be at least 1")
    if api_implementation.Type() != "upb":
        sys.exit(f"the protobuf package runs its {api_implementation.Type()!r} implementation, not upb: "
                 "install protobuf >= 4.21 from PyPI (a wheel) and unset PROTOCOL_BUFFERS_PYTHON_IMPLEMENTATION")
    if shutil.which("wrk") is None:
        sys.exit("wrk is not installed: apt-get install wrk")
    binary = os.path.abspath(args.govtop)

    pool_dir = os.path.join(ROOT, ".build", "ingest-load", f"pool-{args.shape}-{args.pool}")
    bodies = body_pool(pool_dir, args.pool, args.shape)
    spans_total = len(bodies) * SPANS_PER_BATCH
    mean_bytes = sum(map(len, bodies)) / spans_total
    traces = spans_total // 4 if args.shape == "typical" else spans_total
    print(f"pool ({args.shape} shape): {len(bodies)} bodies of {SPANS_PER_BATCH} spans ({spans_total} spans of {traces} "
          f"distinct traces, {mean_bytes:.0f} protobuf bytes per span); {args.connections} connections, {args.threads} wrk threads; "
          f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f}", flush=True)

    upb, upb_cpu = upb_parse_rate(bodies, args.parse_passes)
    print(f"upb parse: {upb:,.0f} spans/s", flush=True)
    sender = sender_capacity(pool_dir, args.pool, args)
    print(f"sender into a sink: {sender:,.0f} spans/s", flush=True)
    door = http_door_alone(binary, pool_dir, args)
    print(f"govtop's HTTP door alone: {door['rate']:,.0f} spans/s ({door['per_cpu_second']:,.0f} per govtop CPU-second)", flush=True)
    on_runs, off_runs, ratios = interleaved_rates(binary, pool_dir, args)
    on, off = median_run(on_runs), median_run(off_runs)
    allocator = allocator_ratios(binary, pool_dir, args)
    idle, warm, after, per_span, per_span_cold = rss_per_span(binary, bodies, args.shape, args.rss_spans)
    upb_after, upb_cpu_after = upb_parse_rate(bodies, args.parse_passes)

    rows = [
        ("upb FromString, one thread, wall clock (before / after)", f"{upb:,.0f} / {upb_after:,.0f} spans/s", ""),
        ("upb FromString, per CPU-second (before / after)", f"{upb_cpu:,.0f} / {upb_cpu_after:,.0f} spans/s", ""),
        ("sender (wrk) into a read-only sink", f"{sender:,.0f} spans/s", f"{sender / on['rate']:.1f}x govtop on"),
        ("govtop's HTTP door alone (GET /healthz, bodies read and discarded)",
         f"{door['rate']:,.0f} spans/s", f"{door['per_cpu_second']:,.0f} per CPU-second on {door['cores']:.2f} cores"),
        ("govtop ingest, governance on (5 budgets, redaction)" + (", every span screened" if args.screen_every_span else "")
         + (", median run" if args.rounds > 1 else ""), f"{on['rate']:,.0f} spans/s",
         f"{on['rate'] / upb:.2f}x upb (wall)"),
        ("govtop ingest, governance off" + (", median run" if args.rounds > 1 else ""), f"{off['rate']:,.0f} spans/s", f"{off['rate'] / upb:.2f}x upb (wall)"),
        ("governance on / governance off" + (f", median of {len(ratios)} rounds" if len(ratios) > 1 else ""),
         ", ".join(f"{ratio:.2f}" for ratio in sorted(ratios)), f"{statistics.median(ratios):.2f}x"),
        ("govtop CPU, governance on / off" + (", median runs" if args.rounds > 1 else ""),
         f"{on['cores']:.2f} / {off['cores']:.2f} cores",
         f"wrk meanwhile: {on['sender_cores']:.2f} / {off['sender_cores']:.2f} cores"),
        ("spans per govtop CPU-second, governance on / off" + (", median runs" if args.rounds > 1 else ""),
         f"{on['per_cpu_second']:,.0f} / {off['per_cpu_second']:,.0f}",
         f"{on['per_cpu_second'] / upb_cpu:.2f}x / {off['per_cpu_second'] / upb_cpu:.2f}x upb per CPU-second"),
        ("the HTTP door's share of a span's govtop CPU, governance on / off",
         f"{on['per_cpu_second'] / door['per_cpu_second']:.1%} / {off['per_cpu_second'] / door['per_cpu_second']:.1%}",
         "the rest is decoding and the engine"),
        *([("governance on, allocator tuned / glibc defaults" + (f", median of {len(allocator)} rounds" if len(allocator) > 1 else ""),
            ", ".join(f"{ratio:.2f}" for ratio in sorted(allocator)), f"{statistics.median(allocator):.2f}x")] if allocator else []),
        (f"RSS per stored span ({args.rss_spans:,} spans, distinct traces)", f"{per_span:.0f} B",
         f"VmRSS {warm / 2**20:.1f} -> {after / 2**20:.1f} MiB after a warm-up"),
        ("RSS per stored span, counted from idle", f"{per_span_cold:.0f} B",
         f"VmRSS {idle / 2**20:.1f} MiB idle, warm-up spans included"),
    ]
    width = max(len(row[0]) for row in rows)
    value_width = max(len(row[1]) for row in rows)
    print()
    for name, value, ratio in rows:
        print(f"{name:<{width}}  {value:>{value_width}}  {ratio}")
    # Every run's refusals and errors, not only the median runs': each round's ratio is in the median.
    for label, runs in (("on", on_runs), ("off", off_runs)):
        for number, run in enumerate(runs, start=1):
            if run["non2xx"] or run["rejected"] or run["socket_errors"]:
                print(f"note, governance {label}, round {number}: {run['non2xx']} non-2xx responses, "
                      f"{run['rejected']} spans rejected {run['socket_errors']}".rstrip())
    print(f"load average after the run: {os.getloadavg()[0]:.2f} (other work on the machine lowers every figure)")


if __name__ == "__main__":
    main()
