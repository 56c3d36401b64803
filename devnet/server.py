"""HTTP transport for the devnet JSON-RPC server (stdlib, HTTP/1.1 keep-alive, 127.0.0.1 only).

Run: `python -m devnet.server --port 0` prints `http://127.0.0.1:<port>` on stdout once it listens.
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Optional

from . import CHAIN_ID
from .chain import DevChain
from .rpc import Rpc

HOST = "127.0.0.1"
MAX_BODY = 32 * 1024 * 1024


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "defi-devnet"
    rpc: Rpc  # set on the subclass built by `make_server`

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass  # keep stderr quiet; errors are reported as JSON-RPC errors

    def _reply(self, status: int, body: bytes, content_type: str = "application/json") -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self) -> None:  # noqa: N802 - stdlib naming
        try:
            length = int(self.headers.get("Content-Length", "0"))
        except ValueError:
            length = -1
        if length < 0 or length > MAX_BODY:
            self.close_connection = True
            self._reply(400, b'{"jsonrpc":"2.0","id":null,"error":{"code":-32600,"message":"invalid Content-Length"}}')
            return
        body = self.rfile.read(length) if length else b""
        response = self.rpc.handle_bytes(body)
        if response is None:
            self._reply(200, b"", "application/json")
        else:
            self._reply(200, response)

    def do_GET(self) -> None:  # noqa: N802 - stdlib naming
        self._reply(405, b"defi devnet: send JSON-RPC 2.0 requests with POST\n", "text/plain")


class DevnetServer(ThreadingHTTPServer):
    """A threading HTTP server bound to 127.0.0.1; the Rpc lock serialises chain access."""

    daemon_threads = True
    allow_reuse_address = True


def make_server(port: int = 0, chain: Optional[DevChain] = None) -> DevnetServer:
    """Create (not start) a server on 127.0.0.1:`port` (0 = a free port) over `chain`."""
    rpc = Rpc(chain or DevChain())
    handler = type("Handler", (_Handler,), {"rpc": rpc})
    return DevnetServer((HOST, port), handler)


def serve_in_thread(port: int = 0) -> tuple[DevnetServer, threading.Thread, str]:
    """Start a server in a daemon thread; returns (server, thread, url)."""
    server = make_server(port)
    thread = threading.Thread(target=server.serve_forever, name="devnet-rpc", daemon=True)
    thread.start()
    return server, thread, f"http://{HOST}:{server.server_address[1]}"


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m devnet.server", description="defi devnet JSON-RPC server")
    parser.add_argument("--port", type=int, default=8545, help="TCP port on 127.0.0.1 (0 = pick a free one)")
    parser.add_argument("--chain-id", type=int, default=CHAIN_ID, help="chain id (default 31337, as anvil)")
    args = parser.parse_args(argv)
    try:
        server = make_server(args.port, DevChain(chain_id=args.chain_id))
    except OSError as exc:
        print(f"devnet: cannot listen on {HOST}:{args.port}: {exc.strerror}", file=sys.stderr)
        return 1
    signal.signal(signal.SIGTERM, lambda *_: threading.Thread(target=server.shutdown).start())
    print(f"http://{HOST}:{server.server_address[1]}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
