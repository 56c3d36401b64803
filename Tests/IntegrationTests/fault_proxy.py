#!/usr/bin/env python3
"""Fault-injection HTTP proxy in front of a JSON-RPC node (stdlib only).

Usage: fault_proxy.py UPSTREAM_URL [--port 0] [--watch-stdin (exit when stdin closes)]
Prints its URL on the first stdout line. The fault mode is set per request path prefix, so one proxy serves
many tests at once: POST to http://127.0.0.1:PORT/<mode>/ with modes:
  ok            forward unchanged
  delay<ms>     sleep, then forward (e.g. /delay50/)
  drop<n>       close the connection without a reply for the first n requests on this path, then forward
  http500       reply HTTP 500 text
  http503x<n>   reply 503 for the first n requests, then forward
  garbled       reply 200 with broken JSON
  rpc32000      reply a JSON-RPC error -32000 "nonce too low: ..." for each request
  header<n>     reply -32000 "header not found" for the first n requests, then forward
  chain1        answer eth_chainId with 0x1, forward the rest
  dead          close the connection immediately, always
  blackhole     answer eth_sendRawTransaction with the tx hash but never forward it
"""
import http.server, json, socketserver, sys, threading, time, urllib.request, re

UPSTREAM = sys.argv[1]
COUNTS = {}
LOCK = threading.Lock()


def bump(key):
    with LOCK:
        COUNTS[key] = COUNTS.get(key, 0) + 1
        return COUNTS[key]


def keccak_raw_hash(raw_hex):
    from Crypto.Hash import keccak  # pycryptodome (in the devnet venv)
    k = keccak.new(digest_bits=256)
    k.update(bytes.fromhex(raw_hex[2:]))
    return "0x" + k.hexdigest()


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *a):
        pass

    def reply(self, status, body, ctype="application/json"):
        data = body.encode() if isinstance(body, str) else body
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def forward(self, body):
        req = urllib.request.Request(UPSTREAM, data=body, headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=60) as r:
            return r.status, r.read()

    def drop(self):
        self.close_connection = True
        try:
            self.connection.shutdown(2)
        except OSError:
            pass

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        path = self.path.strip("/")
        mode = path.split("/")[0] if path else "ok"
        n = bump(path)
        try:
            req = json.loads(body)
        except Exception:
            req = None
        m = re.fullmatch(r"delay(\d+)", mode)
        if m:
            time.sleep(int(m.group(1)) / 1000)
            return self.reply(*self.forward(body))
        m = re.fullmatch(r"drop(\d+)", mode)
        if m and n <= int(m.group(1)):
            return self.drop()
        if mode == "dead":
            return self.drop()
        if mode == "http500":
            return self.reply(500, "internal server error", "text/plain")
        m = re.fullmatch(r"http503x(\d+)", mode)
        if m and n <= int(m.group(1)):
            return self.reply(503, "service unavailable", "text/plain")
        if mode == "garbled":
            return self.reply(200, '{"jsonrpc":"2.0","id":1,"result":"0x1')
        if mode == "rpc32000" and isinstance(req, dict) and req.get("method") != "eth_chainId":
            return self.reply(200, json.dumps({"jsonrpc": "2.0", "id": req.get("id"),
                                               "error": {"code": -32000, "message": "nonce too low: injected"}}))
        m = re.fullmatch(r"header(\d+)", mode)
        if m and n <= int(m.group(1)) and isinstance(req, dict) and req.get("method") != "eth_chainId":
            return self.reply(200, json.dumps({"jsonrpc": "2.0", "id": req.get("id"),
                                               "error": {"code": -32000, "message": "header not found"}}))
        if mode == "chain1" and isinstance(req, dict) and req.get("method") == "eth_chainId":
            return self.reply(200, json.dumps({"jsonrpc": "2.0", "id": req.get("id"), "result": "0x1"}))
        if mode == "blackhole" and isinstance(req, dict) and req.get("method") == "eth_sendRawTransaction":
            h = keccak_raw_hash(req["params"][0])
            return self.reply(200, json.dumps({"jsonrpc": "2.0", "id": req.get("id"), "result": h}))
        return self.reply(*self.forward(body))


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True


def exit_when_parent_goes():
    import os
    sys.stdin.read()
    os._exit(0)


if "--watch-stdin" in sys.argv:
    threading.Thread(target=exit_when_parent_goes, daemon=True).start()
port = int(sys.argv[sys.argv.index("--port") + 1]) if "--port" in sys.argv else 0
srv = Server(("127.0.0.1", port), Handler)
print(f"http://127.0.0.1:{srv.server_address[1]}", flush=True)
srv.serve_forever()
