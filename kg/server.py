"""A read-only SPARQL 1.1 Protocol endpoint (``regwatch serve``), safe to put on a network.

Requests are handled by threads of a standard-library ``ThreadingHTTPServer``; queries run in
worker *processes* that open the store read-only. Why processes: pyoxigraph cannot cancel a
running query, so the only honest timeout is to kill the process running it (the worker is
then replaced). The serving process keeps the store's write lock, so no other process can
write while workers read.

Limits: the timeout covers executing and serialising a query, not waiting for a free worker
(that wait is bounded by the timeout too, then 503); ``max_results`` caps rows/triples sent
(the response then carries ``X-SPARQL-MaxRows``), but a query that sorts or aggregates a huge
intermediate result still does that work until the timeout kills it. Memory is not limited.
"""

from __future__ import annotations

import html
import multiprocessing as mp
import queue
import re
import sys
import threading
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

from kg.errors import RegwatchError
from kg.sparql import (
    MEDIA_TYPES,
    UPDATE_KEYWORDS,
    QueryKind,
    UnsafeQuery,
    keywords,
    negotiate,
    query_form,
    ready_queries,
)
from kg.store import QuerySyntaxError, StoreError

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7878
DEFAULT_TIMEOUT = 30.0
DEFAULT_MAX_RESULTS = 10_000
DEFAULT_WORKERS = 2
MAX_BODY = 256 * 1024  # query text; bounds the lexical pre-check too
STARTUP_TIMEOUT = 120.0
_IRI_PARAM = re.compile(r"^[^<>\"{}|^`\\\x00-\x20]+$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass
class ServerConfig:
    """Everything ``regwatch serve`` can set."""

    store: str
    host: str = DEFAULT_HOST
    port: int = DEFAULT_PORT
    timeout: float = DEFAULT_TIMEOUT
    max_results: int | None = DEFAULT_MAX_RESULTS
    workers: int = DEFAULT_WORKERS
    max_body: int = MAX_BODY
    quiet: bool = False


@dataclass
class QueryRequest:
    """What a worker needs to answer one query (picklable)."""

    text: str
    fmt: str
    default_graphs: list[str] | None = None
    named_graphs: list[str] | None = None
    as_of: str | None = None
    max_results: int | None = None


class QueryTimeout(RegwatchError):
    """The query ran past the deadline; its worker was killed."""


class EndpointBusy(RegwatchError):
    """No worker became free in time."""


# --- worker processes ------------------------------------------------------------------------


def _open_for_reading(location: str) -> Any:
    if location.startswith(("http://", "https://")):
        from kg.remote import RemoteStore

        return RemoteStore(location)
    from kg.store import OxigraphStore

    return OxigraphStore(location, read_only=True)


def answer(store: Any, req: QueryRequest) -> tuple[str, Any, Any]:
    """Run one request against an open store: ("ok", body, truncated) or (error kind, message)."""
    from rdflib import URIRef

    from kg.sparql import execute, format_result

    try:
        outcome = execute(
            store,
            req.text,
            as_of=req.as_of,
            max_results=req.max_results,
            default_graphs=None if req.default_graphs is None else [URIRef(g) for g in req.default_graphs],
            named_graphs=None if req.named_graphs is None else [URIRef(g) for g in req.named_graphs],
        )
        body = format_result(outcome.result, req.fmt)
        return "ok", body.encode("utf-8") if isinstance(body, str) else body, outcome.truncated
    except UnsafeQuery as exc:
        return "unsafe", str(exc), None
    except QuerySyntaxError as exc:
        return "syntax", str(exc), None
    except (RegwatchError, ValueError) as exc:
        return "error", " ".join(str(exc).split()), None
    except Exception as exc:  # noqa: BLE001 - report, keep the worker alive
        return "error", f"{type(exc).__name__}: {' '.join(str(exc).split())}", None


def _worker_main(conn: Any, location: str) -> None:
    """Worker process: open the store read-only, then answer requests until told to stop."""
    try:
        store = _open_for_reading(location)
    except Exception as exc:  # noqa: BLE001 - sent to the parent as a one-line error
        conn.send(("fatal", " ".join(str(exc).split()), None))
        return
    conn.send(("ready", None, None))
    while True:
        try:
            req = conn.recv()
        except (EOFError, OSError):
            break
        if req is None:
            break
        conn.send(answer(store, req))


class _Worker:
    def __init__(self, ctx: Any, location: str) -> None:
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_worker_main, args=(child, location), daemon=True)
        self.proc.start()
        child.close()
        self.ready = False

    def wait_ready(self, timeout: float) -> None:
        if self.ready:
            return
        if not self.conn.poll(timeout):
            raise StoreError("a query worker did not start in time")
        status, message, _ = self.conn.recv()
        if status != "ready":
            raise StoreError(message)
        self.ready = True

    def kill(self) -> None:
        if self.proc.is_alive():
            self.proc.kill()
        self.proc.join(5)
        self.conn.close()

    def stop(self) -> None:
        try:
            self.conn.send(None)
        except (OSError, ValueError):
            pass
        self.proc.join(2)
        self.kill()


class WorkerPool:
    """A fixed number of query processes; a worker that overruns its deadline is killed."""

    def __init__(self, location: str, size: int = DEFAULT_WORKERS) -> None:
        self.location = location
        self._ctx = mp.get_context("spawn")  # no fork of a threaded server
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        self.killed = 0
        for _ in range(max(1, size)):
            self._idle.put(self._spawn())

    def _spawn(self) -> _Worker:
        w = _Worker(self._ctx, self.location)
        with self._lock:
            self._all.add(w)
        return w

    def _retire(self, w: _Worker) -> _Worker:
        w.kill()
        with self._lock:
            self._all.discard(w)
            self.killed += 1
        return self._spawn()

    def start(self, timeout: float = STARTUP_TIMEOUT) -> None:
        """Wait until every worker has opened the store (surfaces a bad store at startup)."""
        workers = [self._idle.get() for _ in range(self._idle.qsize())]
        try:
            for w in workers:
                w.wait_ready(timeout)
        finally:
            for w in workers:
                self._idle.put(w)

    def run(self, req: QueryRequest, timeout: float) -> tuple[str, Any, Any]:
        try:
            w = self._idle.get(timeout=timeout)
        except queue.Empty:
            raise EndpointBusy("all query workers are busy; try again later") from None
        try:
            w.wait_ready(STARTUP_TIMEOUT)
            w.conn.send(req)
            if not w.conn.poll(timeout):
                w = self._retire(w)
                raise QueryTimeout(f"the query ran longer than {timeout:g} s and was stopped")
            return w.conn.recv()
        except (EOFError, OSError, BrokenPipeError):
            w = self._retire(w)
            raise StoreError("the query worker died (out of memory?)") from None
        except StoreError:
            w = self._retire(w)
            raise
        finally:
            self._idle.put(w)

    def close(self) -> None:
        with self._lock:
            workers = list(self._all)
            self._all.clear()
        for w in workers:
            w.stop()


# --- HTTP ------------------------------------------------------------------------------------


class HttpError(Exception):
    def __init__(self, status: HTTPStatus, message: str, headers: dict[str, str] | None = None):
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers or {}


CORS_HEADERS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
    "Access-Control-Allow-Headers": "Accept, Content-Type",
    "Access-Control-Expose-Headers": "X-SPARQL-MaxRows, X-Regwatch-Truncated",
    "Access-Control-Max-Age": "86400",
}


def _one(params: dict[str, list[str]], name: str) -> str | None:
    values = params.get(name) or []
    if len(values) > 1:
        raise HttpError(HTTPStatus.BAD_REQUEST, f"more than one {name!r} parameter")
    return values[0] if values else None


def _graph_list(params: dict[str, list[str]], name: str) -> list[str]:
    values = params.get(name) or []
    for v in values:
        if not _IRI_PARAM.match(v):
            raise HttpError(HTTPStatus.BAD_REQUEST, f"{name} is not an IRI: {v!r}")
    return values


class SparqlHandler(BaseHTTPRequestHandler):
    """GET/POST /sparql per the SPARQL 1.1 Protocol; everything else is 404/405."""

    server: SparqlServer
    server_version = "regwatch-sparql/0.1"
    protocol_version = "HTTP/1.1"

    # -- plumbing
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
        if not self.server.config.quiet:
            sys.stderr.write(f"{self.address_string()} - {format % args}\n")

    def _send(self, status: HTTPStatus, body: bytes, ctype: str, extra: dict[str, str] | None = None) -> None:
        self.send_response(status)
        for k, v in {**CORS_HEADERS, **(extra or {})}.items():
            self.send_header(k, v)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _error(self, err: HttpError) -> None:
        self._send(err.status, (err.message + "\n").encode("utf-8"), "text/plain; charset=utf-8",
                   err.headers)

    def _path(self) -> tuple[str, dict[str, list[str]]]:
        parts = urlsplit(self.path)
        return parts.path.rstrip("/") or "/", parse_qs(parts.query, keep_blank_values=True)

    def _body(self) -> bytes:
        length = self.headers.get("Content-Length")
        if length is None:
            raise HttpError(HTTPStatus.LENGTH_REQUIRED, "Content-Length is required")
        try:
            n = int(length)
        except ValueError:
            raise HttpError(HTTPStatus.BAD_REQUEST, "bad Content-Length") from None
        if n > self.server.config.max_body:
            raise HttpError(HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
                            f"request body over {self.server.config.max_body} bytes")
        return self.rfile.read(n)

    # -- methods
    def do_OPTIONS(self) -> None:  # noqa: N802 - stdlib naming
        self.send_response(HTTPStatus.NO_CONTENT)
        for k, v in CORS_HEADERS.items():
            self.send_header(k, v)
        self.send_header("Allow", "GET, POST, OPTIONS")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_GET(self) -> None:  # noqa: N802
        try:
            path, params = self._path()
            if path not in ("/sparql", "/"):
                raise HttpError(HTTPStatus.NOT_FOUND, "not found; the endpoint is /sparql")
            if "update" in params:
                raise HttpError(HTTPStatus.FORBIDDEN, "SPARQL Update is refused: this endpoint is read-only")
            text = _one(params, "query")
            if text is None:
                if "text/html" in (self.headers.get("Accept") or "") or path == "/":
                    self._send(HTTPStatus.OK, form_page().encode("utf-8"), "text/html; charset=utf-8")
                    return
                raise HttpError(HTTPStatus.BAD_REQUEST, "missing 'query' parameter")
            self._query(text, params)
        except HttpError as err:
            self._error(err)

    def do_POST(self) -> None:  # noqa: N802
        try:
            path, params = self._path()
            if path != "/sparql":
                raise HttpError(HTTPStatus.NOT_FOUND, "not found; the endpoint is /sparql")
            ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
            body = self._body()
            if ctype == "application/sparql-update":
                raise HttpError(HTTPStatus.FORBIDDEN, "SPARQL Update is refused: this endpoint is read-only")
            if ctype == "application/x-www-form-urlencoded":
                try:
                    form = parse_qs(body.decode("utf-8"), keep_blank_values=True, strict_parsing=False)
                except UnicodeDecodeError:
                    raise HttpError(HTTPStatus.BAD_REQUEST, "the form is not UTF-8") from None
                if "update" in form:
                    raise HttpError(HTTPStatus.FORBIDDEN,
                                    "SPARQL Update is refused: this endpoint is read-only")
                for k, v in form.items():
                    params.setdefault(k, []).extend(v)
                text = _one(params, "query")
                if text is None:
                    raise HttpError(HTTPStatus.BAD_REQUEST, "missing 'query' form field")
            elif ctype == "application/sparql-query":
                if "query" in params:
                    raise HttpError(HTTPStatus.BAD_REQUEST, "query given both in the URL and the body")
                try:
                    text = body.decode("utf-8")
                except UnicodeDecodeError:
                    raise HttpError(HTTPStatus.BAD_REQUEST, "the query is not UTF-8") from None
            else:
                raise HttpError(
                    HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
                    "POST application/x-www-form-urlencoded or application/sparql-query",
                )
            self._query(text, params)
        except HttpError as err:
            self._error(err)

    def _refuse_method(self) -> None:
        self._error(HttpError(HTTPStatus.METHOD_NOT_ALLOWED, "read-only endpoint: GET or POST a query",
                              {"Allow": "GET, POST, OPTIONS"}))

    do_PUT = do_DELETE = do_PATCH = _refuse_method  # noqa: N815

    # -- the query itself
    def _query(self, text: str, params: dict[str, list[str]]) -> None:
        cfg = self.server.config
        if len(text.encode("utf-8")) > cfg.max_body:
            raise HttpError(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, "query too long")
        # Fast lexical refusals here; the authoritative check (a full parse, which can be slow on
        # hostile input) runs in the worker, under the timeout, before the store sees the text.
        words = set(keywords(text))
        if "SERVICE" in words:
            raise HttpError(HTTPStatus.FORBIDDEN, "SERVICE is refused: queries may not call other servers")
        kind = query_form(text)
        if kind is None and words & UPDATE_KEYWORDS:
            raise HttpError(HTTPStatus.FORBIDDEN, "SPARQL Update is refused: this endpoint is read-only")
        if kind is None:
            kind = QueryKind.SELECT  # not a query at all: the worker's parser says why (400)
        requested = _one(params, "format") or _one(params, "output") or _one(params, "results")
        fmt = negotiate(kind, self.headers.get("Accept"), requested)
        if fmt is None:
            offered = ", ".join(MEDIA_TYPES[f] for f in _offered(kind))
            raise HttpError(HTTPStatus.NOT_ACCEPTABLE, f"cannot answer a {kind.value} query in the "
                            f"requested type; available: {offered}")
        defaults = _graph_list(params, "default-graph-uri")
        named = _graph_list(params, "named-graph-uri")
        dataset_given = bool(defaults or named)
        as_of = _one(params, "as-of")
        if as_of is not None and not _DATE.match(as_of):
            raise HttpError(HTTPStatus.BAD_REQUEST, "as-of must be a date YYYY-MM-DD")
        req = QueryRequest(
            text=text,
            fmt=fmt,
            default_graphs=defaults if dataset_given else None,
            named_graphs=named if dataset_given else None,
            as_of=as_of,
            max_results=cfg.max_results,
        )
        try:
            status, payload, truncated = self.server.pool.run(req, cfg.timeout)
        except QueryTimeout as exc:
            raise HttpError(HTTPStatus.SERVICE_UNAVAILABLE, str(exc), {"Retry-After": "5"}) from None
        except EndpointBusy as exc:
            raise HttpError(HTTPStatus.SERVICE_UNAVAILABLE, str(exc), {"Retry-After": "5"}) from None
        except StoreError as exc:
            raise HttpError(HTTPStatus.INTERNAL_SERVER_ERROR, str(exc)) from None
        if status == "unsafe":
            raise HttpError(HTTPStatus.FORBIDDEN, payload)
        if status == "syntax":
            raise HttpError(HTTPStatus.BAD_REQUEST, payload)
        if status != "ok":
            raise HttpError(HTTPStatus.INTERNAL_SERVER_ERROR, payload)
        extra = {}
        if truncated:
            extra = {"X-SPARQL-MaxRows": str(cfg.max_results), "X-Regwatch-Truncated": "true"}
        ctype = MEDIA_TYPES[fmt]
        if ctype.startswith("text/") or ctype.endswith(("json", "xml")):
            ctype += "; charset=utf-8"
        self._send(HTTPStatus.OK, payload, ctype, extra)


def _offered(kind: QueryKind) -> list[str]:
    return ["turtle", "ntriples", "jsonld", "rdfxml"] if kind.is_graph else ["json", "xml", "csv", "tsv"]


def form_page() -> str:
    """A minimal HTML page for people who open the endpoint in a browser."""
    items = []
    for q in ready_queries():
        items.append(
            f"<details><summary>{html.escape(q.title)} <code>{html.escape(q.name)}</code></summary><form method='post' action='/sparql'>"
            f"<textarea name='query' rows='12' cols='100'>{html.escape(q.text)}</textarea><br>"
            "<button>Run</button></form></details>"
        )
    return (
        "<!doctype html><html><head><meta charset='utf-8'><title>regwatch SPARQL</title></head>"
        "<body><h1>regwatch SPARQL endpoint</h1>"
        "<p>Read-only SPARQL 1.1 Protocol at <code>/sparql</code>. Standard prefixes (rw:, rwid:, "
        "prov:, rdfs:, schema:, xsd: ...) are predefined. Updates and SERVICE are refused.</p>"
        "<form method='post' action='/sparql'><textarea name='query' rows='10' cols='100'>"
        "SELECT ?s ?label WHERE { ?s a rw:Company ; rdfs:label ?label } LIMIT 20</textarea><br>"
        "<select name='format'><option>json</option><option>xml</option><option>csv</option>"
        "<option>tsv</option></select> <button>Run</button></form><h2>Ready queries</h2>"
        + "".join(items)
        + "</body></html>"
    )


class SparqlServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, config: ServerConfig, pool: WorkerPool) -> None:
        self.config = config
        self.pool = pool
        super().__init__((config.host, config.port), SparqlHandler)

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}/sparql"


@dataclass
class Endpoint:
    """A running endpoint: the server, its workers and the store lock, closed together."""

    server: SparqlServer
    pool: WorkerPool
    lock: Any = None
    thread: threading.Thread | None = field(default=None)

    @property
    def url(self) -> str:
        return self.server.url

    def serve_in_thread(self) -> Endpoint:
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        return self

    def close(self) -> None:
        if self.thread is not None:
            self.server.shutdown()
            self.thread.join(5)
        self.server.server_close()
        self.pool.close()
        if self.lock is not None:
            self.lock.close()
            self.lock = None  # the last reference: pyoxigraph releases the directory lock

    def __enter__(self) -> Endpoint:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def start_endpoint(config: ServerConfig) -> Endpoint:
    """Take the store's write lock, start the workers and bind the socket (not yet serving)."""
    lock = None
    if not config.store.startswith(("http://", "https://")):
        from kg.store import OxigraphStore

        lock = OxigraphStore(config.store)  # creates an empty store if needed; keeps writers out
        lock.raw().flush()  # so the read-only workers see everything (close() would unlock)
    pool = WorkerPool(config.store, config.workers)
    try:
        pool.start()
        server = SparqlServer(config, pool)
    except Exception:
        pool.close()
        if lock is not None:
            lock.close()
        raise
    return Endpoint(server, pool, lock)


def serve(config: ServerConfig) -> None:
    """Run until interrupted."""
    with start_endpoint(config) as ep:
        cap = "no cap" if config.max_results is None else f"max {config.max_results} results"
        print(
            f"SPARQL endpoint on {ep.url}  (store: {config.store}; timeout {config.timeout:g} s; "
            f"{cap}; {config.workers} workers; Ctrl-C to stop)",
            flush=True,
        )
        try:
            ep.server.serve_forever(poll_interval=0.5)
        except KeyboardInterrupt:
            pass
