"""A throwaway PostgreSQL + PostGIS cluster for tests and benchmarks (Debian's postgresql-15 binaries).

``Cluster().start()`` runs ``initdb`` in a temporary folder, starts ``postgres`` on a free port of
127.0.0.1 (no other address), and ``stop()`` stops it and removes the folder. PostgreSQL refuses to run
as root, so when we are root the server runs as the unprivileged ``postgres`` system user that the
Debian package creates, owning the temporary folder. A template database holds the postgis extension,
so a fresh database per test is one ``CREATE DATABASE ... TEMPLATE`` away.
"""
from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

PG_BIN = Path(os.environ.get("WEBMAP_PG_BIN", "/usr/lib/postgresql/15/bin"))
POSTGIS_CONTROL = Path("/usr/share/postgresql/15/extension/postgis.control")
TEMPLATE = "webmap_template"


def missing() -> str | None:
    """Why a cluster cannot be started here, or None when it can."""
    for tool in ("initdb", "pg_ctl", "postgres", "psql"):
        if not (PG_BIN / tool).exists():
            return f"{PG_BIN / tool} not found (install Debian's postgresql-15)"
    if not POSTGIS_CONTROL.exists() and "WEBMAP_PG_BIN" not in os.environ:
        return f"{POSTGIS_CONTROL} not found (install Debian's postgresql-15-postgis-3)"
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            return "running as root and no 'postgres' system user to run the server as"
    return None


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Cluster:
    """One PostgreSQL server in a temporary folder, on 127.0.0.1 only, trust authentication."""

    def __init__(self, settings: dict[str, str] | None = None) -> None:
        self.port = 0
        self.root: Path | None = None
        self.settings = {"fsync": "off", "synchronous_commit": "off", "full_page_writes": "off",
                         "max_connections": "200", **(settings or {})}

    # -- running the server's tools as the right user -----------------------------------------
    def _run(self, *cmd: str, check: bool = True, timeout: float = 120) -> subprocess.CompletedProcess:
        argv = [str(PG_BIN / cmd[0]), *cmd[1:]]
        if os.geteuid() == 0:
            argv = ["runuser", "-u", "postgres", "--", *argv]
        p = subprocess.run(argv, capture_output=True, text=True, timeout=timeout, cwd=self.root)
        if check and p.returncode != 0:
            raise RuntimeError(f"{cmd[0]} failed ({p.returncode}): {p.stderr.strip() or p.stdout.strip()}"
                               + self._log_tail())
        return p

    def _log_tail(self) -> str:
        log = self.root / "server.log" if self.root else None
        if log and log.exists():
            return "\nserver log:\n" + "\n".join(log.read_text(errors="replace").splitlines()[-20:])
        return ""

    def start(self) -> "Cluster":
        why = missing()
        if why:
            raise RuntimeError(why)
        self.root = Path(tempfile.mkdtemp(prefix="webmap-pg-"))
        if os.geteuid() == 0:
            pw = pwd.getpwnam("postgres")
            os.chown(self.root, pw.pw_uid, pw.pw_gid)
        os.chmod(self.root, 0o700)
        data = self.root / "data"
        self._run("initdb", "-D", str(data), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8",
                  "--no-sync")
        opts = " ".join(f"-c {k}={v}" for k, v in self.settings.items())
        for _attempt in range(5):           # a free port can be taken between the probe and the bind
            self.port = free_port()
            p = self._run("pg_ctl", "-D", str(data), "-l", str(self.root / "server.log"), "-w", "-t", "60",
                          "-o", f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.root} {opts}", "start",
                          check=False)
            if p.returncode == 0:
                break
            time.sleep(0.2)
        else:
            raise RuntimeError(f"pg_ctl start failed: {p.stderr.strip()}{self._log_tail()}")
        self.psql("postgres", f"CREATE DATABASE {TEMPLATE}")
        self.psql(TEMPLATE, "CREATE EXTENSION postgis")
        return self

    def psql(self, dbname: str, sql: str) -> str:
        """Run SQL with psql over TCP on 127.0.0.1; returns its unaligned output."""
        return self._run("psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1",
                         "-p", str(self.port), "-U", "postgres", "-d", dbname, "-c", sql).stdout.strip()

    def url(self, dbname: str = "postgres") -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{dbname}"

    def create_database(self, name: str) -> str:
        """A new empty database with PostGIS (from the template); returns its URL."""
        self.psql("postgres", f'CREATE DATABASE "{name}" TEMPLATE {TEMPLATE}')
        return self.url(name)

    def drop_database(self, name: str) -> None:
        self.psql("postgres", f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def stop(self) -> None:
        if self.root is None:
            return
        try:
            if self.port:
                self._run("pg_ctl", "-D", str(self.root / "data"), "-m", "fast", "-w", "stop", check=False)
        finally:
            shutil.rmtree(self.root, ignore_errors=True)
            self.root = None

    def __enter__(self) -> "Cluster":
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
