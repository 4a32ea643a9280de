"""Peak RSS of a real `govtop --headless` while amplification bodies are posted (issue 9).

Each scenario starts a fresh govtop (default limits, --max-body 64MiB), reads its idle VmHWM,
posts the bodies (one, or four at once), then reads VmHWM again: the peak resident memory of the
whole process. Prints a table; it is a measurement, not a test. Usage: amplification-rss.py GOVTOP
"""
import gzip
import http.client
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time

MAX_BODY = 64 << 20
# How many bodies at once, per scenario (AMPLIFICATION_COUNTS="1 2" to spare a machine without
# the memory for four unbounded decodes, e.g. when measuring an older govtop).
COUNTS = [int(count) for count in os.environ.get("AMPLIFICATION_COUNTS", "1 4").split()]


def payload(kind):
    if kind == "protobuf":
        return b"\x0a\x00" * (MAX_BODY // 2)
    head, tail = b'{"resourceSpans":[', b"{}]}"
    return head + b"{}," * ((MAX_BODY - len(head) - len(tail)) // 3) + tail


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def vm_hwm_mib(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    raise RuntimeError("no VmHWM")


def post(port, body, content_type, encoding, results):
    headers = {"Content-Type": content_type}
    if encoding:
        headers["Content-Encoding"] = encoding
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
    try:
        connection.request("POST", "/v1/traces", body=body, headers=headers)
        response = connection.getresponse()
        response.read()
        results.append(response.status)
    except OSError as error:
        results.append(f"error {error.__class__.__name__}")
    finally:
        connection.close()


def wait_healthy(port, process):
    for _ in range(300):
        if process.poll() is not None:
            raise RuntimeError("govtop exited")
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/healthz")
            if connection.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(0.1)
    raise RuntimeError("govtop did not become healthy")


def scenario(binary, bodies):
    port = free_port()
    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ, XDG_CONFIG_HOME=home, XDG_STATE_HOME=home, HOME=home)
        process = subprocess.Popen([binary, "--headless", "--http-port", str(port)], env=env,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            wait_healthy(port, process)
            idle = vm_hwm_mib(process.pid)
            results = []
            threads = [threading.Thread(target=post, args=(port, *body, results)) for body in bodies]
            started = time.monotonic()
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            seconds = time.monotonic() - started
            alive = process.poll() is None
            peak = vm_hwm_mib(process.pid) if alive else float("nan")
            return idle, peak, sorted(map(str, results)), seconds, alive
        finally:
            process.terminate()
            process.wait(timeout=30)


def main():
    binary = sys.argv[1]
    plain = {kind: payload(kind) for kind in ("protobuf", "json")}
    compressed = {kind: gzip.compress(body, compresslevel=9) for kind, body in plain.items()}
    types = {"protobuf": "application/x-protobuf", "json": "application/json"}
    rows = []
    for kind in ("protobuf", "json"):
        for encoding in (None, "gzip"):
            body = (compressed if encoding else plain)[kind]
            for count in COUNTS:
                name = f"{kind}{' gzip' if encoding else ''} x{count}"
                idle, peak, statuses, seconds, alive = scenario(binary, [(body, types[kind], encoding)] * count)
                rows.append((name, len(body), idle, peak, statuses, seconds, alive))
                print(f"  {name}: done", file=sys.stderr, flush=True)
    print(f"{'scenario':<18} {'body bytes':>11} {'idle MiB':>9} {'peak MiB':>9} {'peak-idle':>10} {'x max-body':>10} {'secs':>6}  statuses")
    for name, size, idle, peak, statuses, seconds, alive in rows:
        growth = peak - idle
        print(f"{name:<18} {size:>11} {idle:>9.0f} {peak:>9.0f} {growth:>10.0f} {growth / 64:>10.2f} {seconds:>6.1f}  "
              f"{','.join(statuses)}{'' if alive else '  PROCESS DIED'}")


if __name__ == "__main__":
    main()
