"""The command line of the OTLP/gRPC door: --grpc-port (0 turns it off), receiver.grpc_port in the
configuration file, the validation messages, and a gRPC port in use named as such.

GOVTOP_BIN names the binary (default .build/debug/govtop).
"""
import os
import socket
import subprocess
import tempfile
import time
import urllib.request
from govtop_harness import BINARY, free_port

PREFACE = b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n" + bytes([0, 0, 0, 4, 0, 0, 0, 0, 0])  # + an empty SETTINGS frame


def start_headless(*arguments):
    http_port = free_port()
    process = subprocess.Popen([BINARY, "--headless", "--http-port", str(http_port), *arguments],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.time() + 30
    while time.time() < deadline:
        if process.poll() is not None:
            raise AssertionError("govtop exited: " + process.stderr.read().decode())
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{http_port}/healthz", timeout=5) as response:
                if response.status == 200:
                    return process
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise AssertionError("govtop did not become healthy")


def stop(process) -> str:
    process.terminate()
    assert process.wait(timeout=10) == 0
    return process.stderr.read().decode()


def speaks_http2(port: int) -> bool:
    """True when the port answers the HTTP/2 preface with the server's SETTINGS frame."""
    with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
        sock.sendall(PREFACE)
        header = sock.recv(9)
        return len(header) == 9 and header[3] == 4  # frame type 4: SETTINGS


def test_the_grpc_port_flag_and_zero_turns_the_door_off():
    grpc_port = free_port()
    process = start_headless("--grpc-port", str(grpc_port))
    try:
        assert speaks_http2(grpc_port)
    finally:
        stderr = stop(process)
    assert f"OTLP/gRPC on 127.0.0.1:{grpc_port}" in stderr, stderr

    process = start_headless("--grpc-port", "0")
    stderr = stop(process)
    assert "OTLP/gRPC" not in stderr, stderr


def test_the_config_files_grpc_port_and_the_flag_over_it():
    grpc_port, flag_port = free_port(), free_port()
    with tempfile.NamedTemporaryFile("w", suffix=".yaml", delete=False) as handle:
        handle.write(f"receiver:\n  grpc_port: {grpc_port}\n")
    process = start_headless("--config", handle.name)
    try:
        assert speaks_http2(grpc_port)
    finally:
        stop(process)
    process = start_headless("--config", handle.name, "--grpc-port", str(flag_port))
    try:
        assert speaks_http2(flag_port)
    finally:
        stop(process)


def test_grpc_port_flags_are_validated():
    result = subprocess.run([BINARY, "--headless", "--grpc-port", "70000"], capture_output=True, text=True, timeout=30)
    assert result.returncode != 0
    assert "--grpc-port must be between 0 (off) and 65535, not 70000" in result.stderr, result.stderr
    result = subprocess.run([BINARY, "--headless", "--http-port", "5555", "--grpc-port", "5555"],
                            capture_output=True, text=True, timeout=30)
    assert result.returncode != 0
    assert "give each door a port of its own" in result.stderr, result.stderr


def test_a_grpc_port_in_use_is_reported_with_the_flag_to_change():
    with socket.socket() as blocker:
        blocker.bind(("127.0.0.1", 0))
        blocker.listen()
        port = blocker.getsockname()[1]
        result = subprocess.run([BINARY, "--headless", "--http-port", str(free_port()), "--grpc-port", str(port)],
                                capture_output=True, text=True, timeout=30)
        assert result.returncode != 0
        assert f"cannot listen on 127.0.0.1:{port}: the port is in use" in result.stderr, result.stderr
        assert "--grpc-port" in result.stderr, result.stderr
