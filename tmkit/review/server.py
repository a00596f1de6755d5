"""The review page's local web server (Tornado).

Why Tornado: it is the server under Jupyter, the tool whose "local server, token in
the URL" model this follows; it is one package without dependencies of its own, kept
up for fifteen years, and tmkit already installs it (through ``distributed`` for
``tmkit batch --executor dask``). Its single-threaded event loop applies the page's
operations one at a time, so two saves never interleave and no lock is needed.

Safety: the server listens on 127.0.0.1 only, on a port the system picks, and answers
only requests that carry the session's random token (``?token=`` or the
``X-Tmkit-Token`` header) and name this machine as their ``Host`` (a page of another
site cannot reach it through DNS rebinding). Every script and style is a file of the
package (``static/``): the page loads nothing from the network.
"""

from __future__ import annotations

import asyncio
import json
import secrets
import signal
import threading
from collections.abc import Callable
from importlib.resources import files
from typing import Any

import tornado.escape
import tornado.httpserver
import tornado.netutil
import tornado.web

from tmkit.errors import InputError
from tmkit.review.session import ReviewSession, SaveError, VersionConflict

__all__ = ["serve", "BackgroundServer", "new_token"]

STATIC = files("tmkit.review") / "static"
STATIC_TYPES = {"review.js": "text/javascript; charset=utf-8", "review.css": "text/css; charset=utf-8"}
TOKEN_HEADER = "X-Tmkit-Token"


def new_token() -> str:
    """A random token for one session, as Jupyter makes them."""
    return secrets.token_urlsafe(24)


class _Handler(tornado.web.RequestHandler):
    """Refuses any request without the token or from another host; answers JSON."""

    def initialize(self, session: ReviewSession, token: str, port: Callable[[], int]) -> None:
        self.session = session
        self.token = token
        self.port = port

    def prepare(self) -> None:
        given = self.get_query_argument("token", None) or self.request.headers.get(TOKEN_HEADER, "")
        host = self.request.host.lower()
        if host not in (f"127.0.0.1:{self.port()}", f"localhost:{self.port()}"):
            self._refuse(403, f"unexpected Host {self.request.host!r}")
        elif not secrets.compare_digest(given.encode(), self.token.encode()):
            self._refuse(403, "missing or wrong token: open the URL tmkit review printed")

    def _refuse(self, status: int, message: str) -> None:
        self.set_status(status)
        self.set_header("Content-Type", "text/plain; charset=utf-8")
        self.finish(message + "\n")

    def set_default_headers(self) -> None:
        self.set_header("Cache-Control", "no-store")
        self.set_header("X-Content-Type-Options", "nosniff")
        self.set_header("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; "
                                                   "style-src 'self'; script-src 'self'; connect-src 'self'")
        self.set_header("Referrer-Policy", "no-referrer")

    def send_json(self, data: Any, status: int = 200) -> None:
        self.set_status(status)
        self.set_header("Content-Type", "application/json; charset=utf-8")
        self.finish(json.dumps(data, ensure_ascii=False, separators=(",", ":")))


class PageHandler(_Handler):
    def get(self) -> None:
        page = (STATIC / "review.html").read_text(encoding="utf-8")
        self.set_header("Content-Type", "text/html; charset=utf-8")
        self.finish(page.replace("{{token}}", tornado.escape.url_escape(self.token)))


class StaticHandler(_Handler):
    def get(self, name: str) -> None:
        if name not in STATIC_TYPES:
            raise tornado.web.HTTPError(404)
        self.set_header("Content-Type", STATIC_TYPES[name])
        self.finish((STATIC / name).read_bytes())


class StateHandler(_Handler):
    def get(self) -> None:
        self.send_json(self.session.state())


class TermsHandler(_Handler):
    def get(self) -> None:
        try:
            start, end = int(self.get_query_argument("start", "0")), int(self.get_query_argument("end", "0"))
        except ValueError:
            self.send_json({"error": "start and end must be numbers"}, 400)
            return
        self.send_json(self.session.terms(start, min(end, start + 2000)))


class OperationHandler(_Handler):
    def post(self) -> None:
        try:
            operation = json.loads(self.request.body or b"{}")
            if not isinstance(operation, dict):
                raise ValueError
        except ValueError:
            self.send_json({"error": "the request body must be a JSON object"}, 400)
            return
        try:
            self.send_json(self.session.operate(operation))
        except VersionConflict as exc:
            self.send_json({"error": str(exc), "version": self.session.version}, 409)
        except SaveError as exc:
            self.send_json({"error": str(exc)}, 500)
        except InputError as exc:
            self.send_json({"error": str(exc)}, 400)


class ExportHandler(_Handler):
    def post(self) -> None:
        try:
            path, units = self.session.export_tmx()
        except InputError as exc:
            self.send_json({"error": str(exc)}, 500)
            return
        self.send_json({"path": str(path), "units": units})


def make_app(session: ReviewSession, token: str, port: Callable[[], int]) -> tornado.web.Application:
    """The routes of the review page."""
    context = {"session": session, "token": token, "port": port}
    return tornado.web.Application([
        (r"/", PageHandler, context),
        (r"/static/([a-z.]+)", StaticHandler, context),
        (r"/api/alignment", StateHandler, context),
        (r"/api/terms", TermsHandler, context),
        (r"/api/op", OperationHandler, context),
        (r"/api/export", ExportHandler, context),
    ], compress_response=True)


async def serve(session: ReviewSession, *, port: int = 0, token: str | None = None,
                ready: Callable[[str], None] = lambda url: None, stop: asyncio.Event | None = None,
                handle_signals: bool = True) -> None:
    """Serve the page until ``stop`` is set (or Ctrl-C / SIGTERM); ``ready`` gets the URL to open.

    A signal only sets ``stop``: the operation being saved, if any, finishes first, so
    stopping never cuts a save in half (each save is atomic anyway).
    """
    token = token or new_token()
    stop = stop or asyncio.Event()
    try:
        sockets = tornado.netutil.bind_sockets(port, "127.0.0.1")
    except OSError as exc:
        raise InputError(f"cannot listen on 127.0.0.1:{port}: {exc.strerror}") from None
    bound = sockets[0].getsockname()[1]
    server = tornado.httpserver.HTTPServer(make_app(session, token, lambda: bound))
    server.add_sockets(sockets)
    loop = asyncio.get_running_loop()
    if handle_signals:
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, stop.set)
    try:
        ready(f"http://127.0.0.1:{bound}/?token={token}")
        await stop.wait()
    finally:
        if handle_signals:
            for sig in (signal.SIGINT, signal.SIGTERM):
                loop.remove_signal_handler(sig)
        server.stop()
        await server.close_all_connections()


class BackgroundServer:
    """The server in a thread of its own, for tests and benchmarks: ``with BackgroundServer(s) as url:``."""

    def __init__(self, session: ReviewSession, token: str | None = None):
        self.session = session
        self.token = token or new_token()
        self.url = ""
        self._started = threading.Event()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stop: asyncio.Event | None = None
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        async def main() -> None:
            self._loop = asyncio.get_running_loop()
            self._stop = asyncio.Event()
            await serve(self.session, token=self.token, ready=self._ready, stop=self._stop, handle_signals=False)

        asyncio.run(main())

    def _ready(self, url: str) -> None:
        self.url = url
        self._started.set()

    def __enter__(self) -> str:
        self._thread.start()
        if not self._started.wait(10):
            raise RuntimeError("the review server did not start")
        return self.url

    def __exit__(self, *exc: object) -> None:
        assert self._loop is not None and self._stop is not None
        self._loop.call_soon_threadsafe(self._stop.set)
        self._thread.join(10)
