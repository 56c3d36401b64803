"""Shared plumbing of the stand-in servers (relay.py, tenderly.py, aggregators.py).

One threaded HTTP/1.1 server on 127.0.0.1, a handler base with a JSON reply helper, a JSON-RPC client for the
devnet, and the start-up convention the Swift tests (Tests/IntegrationTests/StubServer.swift,
Tests/TestSupport/AggregatorStandIn.swift) rely on: `--port N` (0 or absent: a free port), the base URL printed as
the first stdout line once the socket listens (the readiness signal), and `--watch-stdin` to exit when the parent
closes our stdin (a killed test leaves no server behind).
"""

import http.server
import json
import os
import socketserver
import sys
import threading
import urllib.request


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    """A threaded HTTP server whose request threads never keep the process alive."""

    daemon_threads = True
    allow_reuse_address = True


class JSONHandler(http.server.BaseHTTPRequestHandler):
    """Base handler: HTTP/1.1 keep-alive, silent access log, JSON replies."""

    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def read_body(self):
        """The request body (empty without Content-Length)."""
        return self.rfile.read(int(self.headers.get("Content-Length", "0")))

    def send_json(self, status, body, headers=None, raw=None):
        """Replies with `body` as JSON (or the bytes `raw` verbatim) and any extra `headers`."""
        data = raw if raw is not None else json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)

    def reply(self, status, obj):
        """Replies with `obj` as JSON."""
        self.send_json(status, obj)


def rpc_request(url, method, params, timeout=30):
    """The devnet's whole JSON-RPC reply object for one call."""
    body = json.dumps({"jsonrpc": "2.0", "id": 1, "method": method, "params": params}).encode()
    req = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=timeout) as r:
        return json.loads(r.read())


def rpc_call(url, method, params):
    """(result, error-object) of one devnet call, without raising on a JSON-RPC error."""
    reply = rpc_request(url, method, params)
    return reply.get("result"), reply.get("error")


def port_from_argv(argv=None):
    """The `--port N` argument (0: any free port)."""
    argv = sys.argv if argv is None else argv
    return int(argv[argv.index("--port") + 1]) if "--port" in argv else 0


def exit_when_parent_goes():
    """Blocks until stdin closes, then ends the process at once."""
    sys.stdin.read()
    os._exit(0)


def serve(handler, port=0, watch_stdin=False, setup=None):
    """Binds `handler` on 127.0.0.1:`port`, runs `setup(server)` (attach state, start helper threads), prints the
    base URL (readiness) and serves until killed or, with `watch_stdin`, until stdin closes."""
    if watch_stdin:
        threading.Thread(target=exit_when_parent_goes, daemon=True).start()
    srv = Server(("127.0.0.1", port), handler)
    if setup is not None:
        setup(srv)
    print(f"http://127.0.0.1:{srv.server_address[1]}", flush=True)
    srv.serve_forever()
