"""Running the desk under uvicorn, on a socket bound before the server starts (so port 0 works and
the line that says where to open the page shows the real address, and the desk knows the address it
is reached at). Request folders live in one folder of the desk's own, removed when the server stops.
The line saying where to open the page is printed once the server is up: by then uvicorn's Ctrl+C
handler is in place, so a Ctrl+C after that line always goes through the same graceful stop."""

from __future__ import annotations

import os
import re
import shutil
import socket
import tempfile

import click
import uvicorn

from checker.engine.batch import Options, check_file
from checker.serve.app import create_app
from checker.serve.guard import Reachable, is_loopback
from checker.serve.limits import Limits

# After Ctrl+C, responses still streaming get this long to finish; then they are cancelled, which
# removes their folders (after their running job) like a browser leaving does.
GRACE_SECONDS = 5


def _bind(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(128)  # a browser opened at once waits in the backlog until uvicorn accepts, instead of being refused
    return sock


def _remove_stale_desk_folders() -> None:
    """The folders of desks that were killed (SIGKILL, a crash) before they could remove their own:
    ours, named after a process that no longer runs."""
    temp = tempfile.gettempdir()
    for entry in os.scandir(temp):
        found = re.fullmatch(r"fazhi-desk-(\d+)-\w+", entry.name)
        if not found or not entry.is_dir(follow_symlinks=False) or entry.stat().st_uid != os.getuid():
            continue
        try:
            os.kill(int(found.group(1)), 0)
        except ProcessLookupError:
            shutil.rmtree(entry.path, ignore_errors=True)
        except OSError:
            pass  # a process of another user has that number: it may be a desk, leave its folder


def serve(host: str, port: int, options: Options, limits: Limits | None = None) -> None:
    """Serve until Ctrl+C. Raises OSError when the address cannot be bound, YamlError for a broken config."""
    check_file(os.devnull, options)  # compiles the rules now: a broken config stops here, and the first upload is fast
    sock = _bind(host, port)
    bound_port = sock.getsockname()[1]
    _remove_stale_desk_folders()
    root = tempfile.mkdtemp(prefix=f"fazhi-desk-{os.getpid()}-")  # 0700: request folders are made inside
    try:
        app = create_app(limits, options, root, Reachable.at(host, bound_port))
        # limit_concurrency: past this many open connections uvicorn answers 503 at once instead of
        # queueing without bound; the checks themselves are limited further by Limits.concurrent_requests.
        config = uvicorn.Config(app, log_level="info", limit_concurrency=100, server_header=False,
                                timeout_graceful_shutdown=GRACE_SECONDS)
        _AnnouncedServer(config, host, bound_port).run(sockets=[sock])
    finally:
        shutil.rmtree(root, ignore_errors=True)


class _AnnouncedServer(uvicorn.Server):
    """uvicorn's server, telling the user where to open the page once it is up."""

    def __init__(self, config: uvicorn.Config, host: str, port: int) -> None:
        super().__init__(config)
        self.host, self.port = host, port

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets)
        if self.should_exit:
            return  # stopped while starting: no address to announce
        shown_host = f"[{self.host}]" if ":" in self.host else self.host
        click.echo(f"fazhi-lint 审核台已启动：请在浏览器中打开 http://{shown_host}:{self.port}/ （按 Ctrl+C 停止）")
        if not is_loopback(self.host):
            click.echo("注意：审核台已对网络开放，草稿以未加密的 HTTP 传输，只应在单位内网中使用。")
