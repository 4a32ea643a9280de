"""OTLP/gRPC ingest of a release govtop against its OTLP/HTTP ingest, in one run (issue 12).

Both doors of one govtop --headless (governance on, the defaults) are sent the same pre-built
512-span batches (.ci/ingest-load.py's typical GenAI agent traces, distinct trace ids in every
batch) by the same kind of sender: --senders threads, each with its own connection, each sending
one batch after another and waiting for the answer. OTLP/HTTP goes through http.client (kept-alive
connections); OTLP/gRPC through grpcio's C core (one channel per thread, unary Export calls with
the bodies as raw bytes). The doors take turns (HTTP, gRPC, HTTP, gRPC, ...) for --rounds rounds of
--seconds each after a warm-up, so both see the same machine; each turn's rate is accepted
spans/s from the deltas of /api/v1/summary's spans_received. Prints each turn, the median rate of
each door and their ratio (gRPC / HTTP), and govtop's CPU per span on each door.

It is a measurement, not a test. Needs the Python `grpcio`, `protobuf` and `opentelemetry-proto`
packages (.ci/grpc-load.sh provides them).
Usage: grpc-load.py GOVTOP [--seconds S] [--warmup S] [--rounds N] [--senders N] [--pool N]
"""
import argparse
import http.client
import importlib.util
import os
import statistics
import sys
import tempfile
import threading
import time

import grpc

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
_spec = importlib.util.spec_from_file_location("ingest_load", os.path.join(ROOT, ".ci", "ingest-load.py"))
ingest_load = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(ingest_load)

TRACE_EXPORT = "/opentelemetry.proto.collector.trace.v1.TraceService/Export"


def http_sender(port, bodies, offset, stop, errors):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    index = offset
    while not stop.is_set():
        connection.request("POST", "/v1/traces", body=bodies[index % len(bodies)],
                           headers={"Content-Type": "application/x-protobuf"})
        response = connection.getresponse()
        response.read()
        if response.status != 200:
            errors.append(f"HTTP {response.status}")
        index += 1
    connection.close()


def grpc_sender(port, bodies, offset, stop, errors):
    # A channel of its own (not shared through the global subchannel pool): one connection per
    # sender, as on the HTTP side.
    channel = grpc.insecure_channel(f"127.0.0.1:{port}", options=[("grpc.use_local_subchannel_pool", 1)])
    export = channel.unary_unary(TRACE_EXPORT, request_serializer=None, response_deserializer=None)
    index = offset
    while not stop.is_set():
        try:
            export(bodies[index % len(bodies)], timeout=60)
        except grpc.RpcError as error:
            errors.append(f"gRPC {error.code().name}")
        index += 1
    channel.close()


def drive(sender, port, bodies, args, seconds, api_port, pid):
    """Runs --senders threads for `seconds`; (accepted spans/s, govtop CPU-s per 1M spans, errors)."""
    stop = threading.Event()
    errors = []
    threads = [threading.Thread(target=sender, args=(port, bodies, n * len(bodies) // args.senders, stop, errors))
               for n in range(args.senders)]
    for thread in threads:
        thread.start()
    time.sleep(args.warmup)
    before, cpu_before, started = ingest_load.api(api_port, "/api/v1/summary"), ingest_load.cpu_seconds(pid), time.time()
    time.sleep(seconds)
    after, cpu_after, ended = ingest_load.api(api_port, "/api/v1/summary"), ingest_load.cpu_seconds(pid), time.time()
    stop.set()
    for thread in threads:
        thread.join()
    spans = (after["spans_received"] - after["spans_rejected"]) - (before["spans_received"] - before["spans_rejected"])
    return spans / (ended - started), (cpu_after - cpu_before) / max(spans, 1) * 1e6, errors


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("binary")
    parser.add_argument("--seconds", type=float, default=8)
    parser.add_argument("--warmup", type=float, default=2)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--senders", type=int, default=4)
    parser.add_argument("--pool", type=int, default=64)
    args = parser.parse_args()

    pool_dir = os.path.join(ROOT, ".build", "grpc-load-pool")
    bodies = ingest_load.body_pool(pool_dir, args.pool, "typical")
    print(f"{len(bodies)} bodies of {ingest_load.SPANS_PER_BATCH} spans, mean {statistics.mean(map(len, bodies)) / 1024:.0f} KiB")

    with tempfile.TemporaryDirectory() as home:
        grpc_port = ingest_load.free_port()
        # The store is larger than a run sends, so both doors store (not evict) what they take.
        process, http_port = ingest_load.start_govtop(args.binary, home, "--grpc-port", str(grpc_port),
                                                      "--max-spans", "5000000", "--max-memory", "16GiB")
        try:
            ingest_load.wait_listening(grpc_port, process, path=None)
            rates = {"HTTP": [], "gRPC": []}
            cpu = {"HTTP": [], "gRPC": []}
            for round_number in range(args.rounds):
                for door, sender, port in [("HTTP", http_sender, http_port), ("gRPC", grpc_sender, grpc_port)]:
                    rate, cpu_per_million, errors = drive(sender, port, bodies, args, args.seconds, http_port, process.pid)
                    rates[door].append(rate)
                    cpu[door].append(cpu_per_million)
                    note = f"  ({len(errors)} failed calls: {sorted(set(errors))})" if errors else ""
                    print(f"round {round_number + 1} {door:4}: {rate:10,.0f} spans/s  {cpu_per_million:6.2f} govtop CPU-s per 1M spans{note}")
        finally:
            ingest_load.stop_govtop(process)
    http_rate, grpc_rate = statistics.median(rates["HTTP"]), statistics.median(rates["gRPC"])
    print(f"median HTTP {http_rate:,.0f} spans/s, gRPC {grpc_rate:,.0f} spans/s: gRPC / HTTP = {grpc_rate / http_rate:.2f}"
          f"  (CPU per 1M spans: HTTP {statistics.median(cpu['HTTP']):.2f} s, gRPC {statistics.median(cpu['gRPC']):.2f} s)")
    return 0 if grpc_rate >= 0.9 * http_rate else 1


if __name__ == "__main__":
    sys.exit(main())
