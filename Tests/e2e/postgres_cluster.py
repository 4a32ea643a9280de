"""A temporary PostgreSQL cluster from Debian's packages on a free loopback port, for the shared
ledger's tests and benchmark (issue 16): initdb + pg_ctl from the newest /usr/lib/postgresql/*/bin.
PostgreSQL refuses to run as root, so under root (CI) the cluster belongs to the unprivileged system
user `govtop-pg`, created here if missing, and its server commands run through runuser.

Plain Python (no pytest): .ci/ledger-load.py imports it too. Tests use postgres_support.py.
"""
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile

SYSTEM_USER = "govtop-pg"
DB_USER = "govtop"


def binaries():
    """The newest PostgreSQL bin folder with initdb, pg_ctl and psql, or None."""
    folders = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda f: int(f.split("/")[-2]) if f.split("/")[-2].isdigit() else 0,
                     reverse=True)
    for folder in folders:
        if all(os.access(os.path.join(folder, tool), os.X_OK) for tool in ("initdb", "pg_ctl", "psql")):
            return folder
    return None


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Cluster:
    """One temporary cluster; `stop()`/`start()` take the server away and bring it back (same port)."""

    def __init__(self, fsync=True):
        self.bin = binaries()
        if self.bin is None:
            raise RuntimeError("PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): apt-get install postgresql")
        self.root = os.geteuid() == 0
        if self.root:
            try:
                pwd.getpwnam(SYSTEM_USER)
            except KeyError:
                subprocess.run(["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", SYSTEM_USER], check=True)
        self.directory = tempfile.mkdtemp(prefix="govtop-pg-")
        os.chmod(self.directory, 0o700)
        if self.root:
            shutil.chown(self.directory, SYSTEM_USER, SYSTEM_USER)
        self.port = free_port()
        self.data = os.path.join(self.directory, "data")
        self._server(["initdb", "-D", self.data, "-U", DB_USER, "--auth=trust", "-E", "UTF8"]
                     + ([] if fsync else ["--no-sync"]))
        self.options = f"-p {self.port} -k {self.directory} -c listen_addresses=127.0.0.1 -c max_connections=100" \
            + ("" if fsync else " -c fsync=off -c synchronous_commit=off")
        self.start()

    def _server(self, command):
        command = [os.path.join(self.bin, command[0])] + command[1:]
        if self.root:
            command = ["runuser", "-u", SYSTEM_USER, "--"] + command
        result = subprocess.run(command, cwd="/", capture_output=True, text=True)
        if result.returncode != 0:
            raise RuntimeError(f"{' '.join(command)} failed ({result.returncode}): {result.stdout}{result.stderr}")
        return result.stdout

    def start(self):
        self._server(["pg_ctl", "-D", self.data, "-l", os.path.join(self.directory, "server.log"), "-w", "-t", "120",
                      "-o", self.options, "start"])

    def stop(self, mode="fast"):
        self._server(["pg_ctl", "-D", self.data, "-m", mode, "-w", "-t", "120", "stop"])

    def psql(self, sql, database="postgres"):
        result = subprocess.run([os.path.join(self.bin, "psql"), "-h", "127.0.0.1", "-p", str(self.port), "-U", DB_USER,
                                 "-d", database, "-v", "ON_ERROR_STOP=1", "-qAt", "-c", sql],
                                capture_output=True, text=True, check=True)
        return result.stdout.strip()

    def create_database(self, name):
        self.psql(f"CREATE DATABASE {name}")
        return name

    def url(self, database, instance):
        return f"postgres://{DB_USER}@127.0.0.1:{self.port}/{database}?instance={instance}"

    def destroy(self):
        try:
            self.stop("immediate")
        except RuntimeError:
            pass
        shutil.rmtree(self.directory, ignore_errors=True)
