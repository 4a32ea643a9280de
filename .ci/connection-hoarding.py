#!/usr/bin/env python3
"""Latency of /healthz and of an OTLP export while hostile sockets hoard connections.

Starts the given govtop binary headless with its default limits (256 connections, 10 s header
timeout), measures a well-behaved client (a fresh connection per request) first with nothing else
connected, then while IDLE sockets that never send and TRICKLING sockets that send one byte of a
request head every 200 ms are held open. A hoarding socket the server closes is reopened at once,
as an attacker would (in a separate process, so it does not slow the measuring client). Prints the median, 95th percentile and maximum latency of each.

usage: connection-hoarding.py BINARY [--idle 256] [--trickling 256] [--samples 200]
"""
import argparse
import json
import multiprocessing
import socket
import statistics
import subprocess
import threading
import time

HEAD = (b"POST /v1/traces HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        + b"X-Padding: " + b"a" * 400 + b"\r\nContent-Length: 10\r\n\r\n")
EXPORT = json.dumps({"resourceSpans": [{"scopeSpans": [{"spans": [
    {"traceId": f"{i + 1:032x}", "spanId": f"{i + 1:016x}", "name": "chat",
     "startTimeUnixNano": "1700000000000000000", "endTimeUnixNano": "1700000000100000000",
     "attributes": [{"key": "genops.team", "value": {"stringValue": "ml"}},
                    {"key": "genops.cost.total", "value": {"doubleValue": 0.01}}]} for i in range(10)]}]}]}).encode()


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def exchange(port, request):
    """Sends one request on a fresh connection; returns (status, seconds)."""
    started = time.perf_counter()
    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
        sock.sendall(request)
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = sock.recv(65536)
            if not chunk:
                raise RuntimeError("closed before a response")
            data += chunk
        head, _, body = data.partition(b"\r\n\r\n")
        length = next((int(line.split(b":")[1]) for line in head.split(b"\r\n") if line.lower().startswith(b"content-length:")), 0)
        while len(body) < length:
            chunk = sock.recv(65536)
            if not chunk:
                raise RuntimeError("closed mid-body")
            body += chunk
    return int(head.split(b" ")[1]), time.perf_counter() - started


def requests(port):
    health = b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
    export = (b"POST /v1/traces HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
              + f"Content-Length: {len(EXPORT)}\r\n\r\n".encode() + EXPORT)
    return {"/healthz": health, "export": export}


def measure(port, samples):
    results = {}
    for name, request in requests(port).items():
        times, failures = [], 0
        for _ in range(samples):
            try:
                status, seconds = exchange(port, request)
            except (OSError, RuntimeError):
                failures += 1
                continue
            if status != 200:
                failures += 1
            times.append(seconds * 1000)
        results[name] = (times, failures)
    return results


def hoard(port, idle, trickling, stop, reopened):
    """Holds IDLE silent sockets and TRICKLING ones until `stop` is set, reopening each one the
    server closes; runs in its own process so it does not slow the measuring client."""
    def connect():
        sock = socket.create_connection(("127.0.0.1", port))
        sock.setblocking(False)
        return sock

    def closed(sock):
        try:
            return sock.recv(1, socket.MSG_PEEK) == b""
        except BlockingIOError:
            return False
        except OSError:
            return True

    idle_sockets = [connect() for _ in range(idle)]
    trickling_sockets = [[connect(), 0] for _ in range(trickling)]
    while not stop.is_set():
        for index, sock in enumerate(idle_sockets):
            if closed(sock):
                sock.close()
                idle_sockets[index] = connect()
                reopened.value += 1
        for entry in trickling_sockets:
            sock, offset = entry
            if closed(sock):
                sock.close()
                entry[0], entry[1] = connect(), 0
                reopened.value += 1
                continue
            try:
                sock.send(HEAD[offset % len(HEAD):offset % len(HEAD) + 1])
                entry[1] = offset + 1
            except OSError:
                pass
        time.sleep(0.2)
    for sock in idle_sockets + [entry[0] for entry in trickling_sockets]:
        sock.close()


def row(label, name, result):
    times, failures = result
    if not times:
        return f"{label:<34} {name:<9} all {failures} failed"
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
    return (f"{label:<34} {name:<9} median {statistics.median(ordered):7.2f} ms   p95 {p95:7.2f} ms   "
            f"max {ordered[-1]:7.2f} ms   failed {failures}/{len(times) + failures}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("--idle", type=int, default=256)
    parser.add_argument("--trickling", type=int, default=256)
    parser.add_argument("--samples", type=int, default=200)
    args = parser.parse_args()
    port = free_port()
    process = subprocess.Popen([args.binary, "--headless", "--http-port", str(port)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.time() + 30
        while True:
            try:
                exchange(port, requests(port)["/healthz"])
                break
            except OSError:
                if time.time() > deadline or process.poll() is not None:
                    raise SystemExit("govtop did not start")
                time.sleep(0.1)
        baseline = measure(port, args.samples)
        stop, reopened = multiprocessing.Event(), multiprocessing.Value("i", 0)
        hoarder = multiprocessing.Process(target=hoard, args=(port, args.idle, args.trickling, stop, reopened))
        hoarder.start()
        time.sleep(2)
        before = reopened.value
        held = measure(port, args.samples)
        reopened = reopened.value - before
        stop.set()
        hoarder.join()
        label = f"{args.idle} idle + {args.trickling} trickling"
        print(f"govtop {args.binary}, default limits, a fresh connection per request, {args.samples} requests each")
        for name in baseline:
            print(row("no other connection", name, baseline[name]))
        for name in held:
            print(row(label, name, held[name]))
        print(f"hoarding sockets closed by the server (and reopened) while measuring: {reopened}")
    finally:
        process.terminate()
        process.wait(timeout=10)


if __name__ == "__main__":
    main()
