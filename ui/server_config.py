"""The Streamlit server options the app runs with, derived from the settings.

One place for what the server enforces: bind address, upload limit equal to the app's own,
XSRF and CORS protection, and the host names it answers to (DNS rebinding protection).
``konzeptlotse ui`` and the browser tests pass these as command-line flags, which take
precedence over any ``.streamlit/config.toml``.
"""

from __future__ import annotations

import socket

from assistant.settings import Settings

__all__ = ["allowed_hosts", "streamlit_flags", "streamlit_options"]

LOOPBACK = ("127.0.0.1", "localhost", "::1")
ANY_ADDRESS = {"0.0.0.0", "::", ""}


def _machine_names() -> list[str]:
    names = [socket.gethostname(), socket.getfqdn()]
    return [n for n in names if n and n != "localhost"]


def allowed_hosts(settings: Settings) -> list[str]:
    """Host names the server accepts: the bind address, loopback and the admin's list.

    Bound to all interfaces (``0.0.0.0``), the machine's own names are added too; every
    other name or address has to be listed in ``KONZEPTLOTSE_ALLOWED_HOSTS``.
    """
    bind = settings.server_address.strip()
    hosts = [*LOOPBACK]
    if bind not in ANY_ADDRESS:
        hosts.append(bind)
    else:
        hosts += _machine_names()
    hosts += [h.strip() for h in settings.allowed_hosts.split(",") if h.strip()]
    return list(dict.fromkeys(h.lower() for h in hosts))


def _origins(hosts: list[str], port: int) -> list[str]:
    origins = []
    for host in hosts:
        name = f"[{host}]" if ":" in host else host
        origins += [f"http://{name}:{port}", f"https://{name}:{port}", f"https://{name}"]
    return origins


def streamlit_options(settings: Settings, port: int) -> dict[str, object]:
    """Option name -> value (lists for options that take several values)."""
    hosts = allowed_hosts(settings)
    return {
        "server.address": settings.server_address,
        "server.port": port,
        "server.headless": True,
        "server.maxUploadSize": settings.upload_max_mb,
        "server.enableXsrfProtection": True,
        "server.enableCORS": True,
        "server.allowedHosts": hosts,
        "server.corsAllowedOrigins": _origins(hosts, port),
        "server.enableStaticServing": False,
        "browser.gatherUsageStats": False,
        "browser.serverAddress": "127.0.0.1"
        if settings.server_address in ANY_ADDRESS or settings.server_address in LOOPBACK
        else settings.server_address,
        "global.developmentMode": False,
        "client.showErrorDetails": "type",
        "client.toolbarMode": "minimal",
    }


def streamlit_flags(settings: Settings, port: int) -> list[str]:
    """The options as ``streamlit run`` flags (a list option repeats its flag)."""
    flags: list[str] = []
    for name, value in streamlit_options(settings, port).items():
        values = value if isinstance(value, list) else [value]
        for item in values:
            text = str(item).lower() if isinstance(item, bool) else str(item)
            flags += [f"--{name}", text]
    return flags
