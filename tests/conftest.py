"""Shared fixtures. Nothing in the test suite may reach the network."""
from __future__ import annotations

import socket

import pytest

_real_connect = socket.socket.connect


def _guarded_connect(self, address):  # noqa: ANN001
    """Allow loopback and Unix sockets only (live test servers, Chromium's DevTools pipe)."""
    host = address[0] if isinstance(address, tuple) else None
    if host is not None and host not in ("127.0.0.1", "localhost", "::1") and not str(host).startswith("127."):
        raise OSError(f"network access blocked in tests: {address!r}")
    return _real_connect(self, address)


@pytest.fixture(autouse=True)
def _offline(monkeypatch):
    monkeypatch.setattr(socket.socket, "connect", _guarded_connect)
    yield
