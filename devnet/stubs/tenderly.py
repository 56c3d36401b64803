#!/usr/bin/env python3
"""A stand-in for the Tenderly Simulation API in front of the devnet (for tests; the real API cannot run here).

Usage: TENDERLY_STUB_ACCESS_KEY=... tenderly.py DEVNET_URL ACCOUNT PROJECT [--port 0] [--watch-stdin]
(the key comes from the environment so it never shows in ps). Prints its URL on the first stdout line.

Checks what docs.tenderly.co documents for POST /api/v1/account/{account}/project/{project}/simulate:
the exact path, the X-Access-Key header (401 {"error": {"id", "slug": "invalid_token", "message"}} when missing or
wrong), Content-Type application/json, and the body: network_id (decimal string, must be the devnet's chain id),
from/to (addresses), input (hex), gas (integer), gas_price and value (decimal strings), block_number (integer),
save / save_if_fails (booleans), simulation_type (full|abi|quick), state_objects ({address: {balance (decimal wei),
code (hex), storage {slot: value}}}); optional transaction_index, access_list, block_header, generate_access_list.
Anything else is 400 {"error": {"slug": "invalid_request", ...}}.

The answer is real: the call runs on the devnet with eth_call at block_number (state_objects become a geth state
override: balance, code, stateDiff) and eth_estimateGas gives gas_used; the response has Tenderly's shape
(transaction {hash, block_number, from, to, gas, gas_price, gas_used, input, value, status, error_message?,
transaction_info {call_trace {output, error?}}}, simulation {id, project_id, owner_id, network_id, block_number,
status, gas_used, created_at}). GET (or POST) /log lists the requests received.
"""
import datetime
import json
import os
import re
import sys
import threading
import uuid

import _server

DEVNET, ACCOUNT, PROJECT = sys.argv[1], sys.argv[2], sys.argv[3]
KEY = os.environ.get("TENDERLY_STUB_ACCESS_KEY", "")
PATH = f"/api/v1/account/{ACCOUNT}/project/{PROJECT}/simulate"
ADDRESS = re.compile(r"^0x[0-9a-fA-F]{40}$")
DATA = re.compile(r"^0x([0-9a-fA-F]{2})*$")
DECIMAL = re.compile(r"^(0|[1-9][0-9]*)$")
SLOT = re.compile(r"^0x[0-9a-fA-F]{64}$")
REQUIRED = {"network_id", "from", "to", "input", "gas", "gas_price", "value", "block_number", "save",
            "simulation_type"}
OPTIONAL = {"save_if_fails", "state_objects", "transaction_index", "access_list", "block_header",
            "generate_access_list"}
LOG = []
LOCK = threading.Lock()


class Bad(Exception):
    pass


def rpc_call(method, params):
    return _server.rpc_call(DEVNET, method, params)


def check(b):
    if not isinstance(b, dict):
        raise Bad("body must be a JSON object")
    missing = REQUIRED - set(b)
    if missing:
        raise Bad(f"missing field(s) {sorted(missing)}")
    extra = set(b) - REQUIRED - OPTIONAL
    if extra:
        raise Bad(f"unknown field(s) {sorted(extra)}")
    chain_id = int(rpc_call("eth_chainId", [])[0], 16)
    if not isinstance(b["network_id"], str) or b["network_id"] != str(chain_id):
        raise Bad(f"network_id must be the string \"{chain_id}\"")
    if not isinstance(b["from"], str) or not ADDRESS.match(b["from"]):
        raise Bad("from must be an address")
    if b["to"] is not None and (not isinstance(b["to"], str) or not ADDRESS.match(b["to"])):
        raise Bad("to must be an address")
    if not isinstance(b["input"], str) or not DATA.match(b["input"]):
        raise Bad("input must be 0x-prefixed hex")
    for k in ("gas", "block_number"):
        if not isinstance(b[k], int) or isinstance(b[k], bool) or b[k] < 0:
            raise Bad(f"{k} must be a non-negative integer")
    for k in ("gas_price", "value"):
        if not isinstance(b[k], str) or not DECIMAL.match(b[k]):
            raise Bad(f"{k} must be a decimal string")
    for k in ("save", "save_if_fails", "generate_access_list"):
        if k in b and not isinstance(b[k], bool):
            raise Bad(f"{k} must be a boolean")
    if b["simulation_type"] not in ("full", "abi", "quick"):
        raise Bad("simulation_type must be full, abi or quick")
    overrides = {}
    for addr, obj in (b.get("state_objects") or {}).items():
        if not ADDRESS.match(addr) or not isinstance(obj, dict) or set(obj) - {"balance", "code", "storage"}:
            raise Bad(f"state_objects.{addr} must be {{balance, code, storage}}")
        o = {}
        if "balance" in obj:
            if not isinstance(obj["balance"], str) or not DECIMAL.match(obj["balance"]):
                raise Bad("state_objects balance must be a decimal string of wei")
            o["balance"] = hex(int(obj["balance"]))
        if "code" in obj:
            if not isinstance(obj["code"], str) or not DATA.match(obj["code"]):
                raise Bad("state_objects code must be hex")
            o["code"] = obj["code"]
        if "storage" in obj:
            st = obj["storage"]
            if not isinstance(st, dict) or not all(SLOT.match(k) and isinstance(v, str) and SLOT.match(v)
                                                   for k, v in st.items()):
                raise Bad("state_objects storage must map 32-byte slots to 32-byte values")
            o["stateDiff"] = st
        overrides[addr] = o
    return overrides


def simulate(b, overrides):
    call = {"from": b["from"], "gas": hex(b["gas"]), "value": hex(int(b["value"])), "input": b["input"]}
    if b["to"]:
        call["to"] = b["to"]
    block = hex(b["block_number"])
    params = [call, block] + ([overrides] if overrides else [])
    out, err = rpc_call("eth_call", params)
    tx = {"hash": "0x" + uuid.uuid4().hex + uuid.uuid4().hex, "block_number": b["block_number"],
          "from": b["from"].lower(), "to": (b["to"] or "").lower(), "gas": b["gas"], "gas_price": int(b["gas_price"]),
          "input": b["input"], "value": b["value"], "network_id": b["network_id"]}
    if err is None:
        est, eerr = rpc_call("eth_estimateGas", params)
        gas_used = int(est, 16) if eerr is None else b["gas"]
        status = gas_used <= b["gas"]
        tx["transaction_info"] = {"call_trace": {"output": out, "gas_used": gas_used}}
        if not status:
            tx["error_message"] = "out of gas"
            gas_used = b["gas"]
    else:
        status = False
        gas_used = b["gas"]
        tx["error_message"] = err.get("message", "execution reverted")
        tx["transaction_info"] = {"call_trace": {"output": err.get("data") or "0x", "error": tx["error_message"],
                                                 "gas_used": gas_used}}
    tx["status"] = status
    tx["gas_used"] = gas_used
    sim = {"id": str(uuid.uuid4()), "project_id": PROJECT, "owner_id": ACCOUNT, "network_id": b["network_id"],
           "block_number": b["block_number"], "status": status, "gas_used": gas_used,
           "created_at": datetime.datetime.now(datetime.timezone.utc).isoformat()}
    return {"transaction": tx, "simulation": sim, "contracts": [], "generated_access_list": []}


class Handler(_server.JSONHandler):
    def error(self, status, slug, message):
        self.reply(status, {"error": {"id": str(uuid.uuid4()), "slug": slug, "message": message}})

    def do_GET(self):
        if self.path == "/log":
            with LOCK:
                return self.reply(200, {"requests": list(LOG)})
        self.error(404, "not_found", "not found")

    def do_POST(self):
        body = self.read_body()
        if self.path == "/log":
            return self.do_GET()
        if self.path != PATH:
            return self.error(404, "not_found", f"no route {self.path}")
        if not KEY or self.headers.get("X-Access-Key") != KEY:
            return self.error(401, "invalid_token", "invalid or missing access key")
        if not (self.headers.get("Content-Type") or "").startswith("application/json"):
            return self.error(400, "invalid_request", "Content-Type must be application/json")
        try:
            b = json.loads(body)
            with LOCK:
                LOG.append(b)
            overrides = check(b)
        except (ValueError, Bad) as e:
            return self.error(400, "invalid_request", str(e))
        self.reply(200, simulate(b, overrides))


if __name__ == "__main__":
    _server.serve(Handler, _server.port_from_argv(), "--watch-stdin" in sys.argv)
