#!/usr/bin/env python3
"""Stand-in for the 1inch Swap API v6.0 and the 0x Swap API v2 (AllowanceHolder), priced from the devnet (stdlib only).

The real APIs cannot run here. This server checks each request the way the real one does and answers in the
documented shapes, so the defi clients are exercised against the exact wire format:

  1inch  GET /swap/v6.0/{chainId}/quote | /swap | /approve/spender | /approve/allowance | /approve/transaction
         header `Authorization: Bearer <key>`; unknown or missing query params, bad addresses or amounts -> 400
         `{"error": "Bad Request", "description": ..., "statusCode": 400, "requestId": ..., "meta": [...]}`;
         bad or missing key -> 401.
  0x     GET /swap/allowance-holder/price | /quote with `chainId` in the query; headers `0x-api-key: <key>` and
         `0x-version: v2`; bad input -> 400 `{"name": "INPUT_INVALID", "message": ..., "data": {"zid": ...,
         "details": [{"field": ..., "reason": ...}]}}`; bad or missing key -> 401 `{"name": "UNAUTHORIZED", ...}`.

Prices are real: the best of the devnet's Uniswap V2 Router02s (`getAmountsOut(amount, [src, dst])` via eth_call at
the latest block). Swap transactions are real Router02 `swapExactTokensForTokens` calls to the taker, so executing
one on the devnet delivers at least the quoted minimum. The router is both `tx.to` and the spender / allowance
target (a devnet has no AggregationRouterV6 or AllowanceHolder; the client's allowlist is configured for it).

Usage: aggregators.py --rpc URL --deployment deployment.json [--port 0] [--oneinch-key K] [--zerox-key K]
                      [--watch-stdin]
Prints its base URL on the first stdout line. Faults for tests go in a path prefix, so one server serves many
tests: http://host:port/_fault/<mode>/<real path> with mode
  rate429x<n>s<secs>  429 with `Retry-After: <secs>` for the first n requests on that prefix, then normal
  rate429             429 always (Retry-After: 1)
  http500 | http503   that status with a JSON body
  garbled             200 with a truncated JSON body (before any check)
  delay<ms>           sleep, then answer normally
  wrongrouter         answer normally but name another contract as tx.to / spender / allowance target
  shortsell           answer with a sell amount one less than asked
  zerobuy             answer with a buy amount of zero
  v5                  1inch: answer in the v5 shape (toAmount, fromToken/toToken, estimatedGas)
Without --rpc the request checks and faults work but pricing answers 500.
"""
import argparse, json, re, threading, time, uuid
from urllib.parse import urlsplit, parse_qsl

import _server

ADDRESS = re.compile(r"^0x[0-9a-fA-F]{40}$")
DIGITS = re.compile(r"^[0-9]+$")
NATIVE = "0xeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee"
SEL_GET_AMOUNTS_OUT = "d06ca61f"  # getAmountsOut(uint256,address[])
SEL_SWAP_EXACT_TOKENS = "38ed1739"  # swapExactTokensForTokens(uint256,uint256,address[],address,uint256)
SEL_ALLOWANCE = "dd62ed3e"  # allowance(address,address)
SEL_APPROVE = "095ea7b3"  # approve(address,uint256)
DEADLINE = (1 << 64) - 1
V2_SWAP_GAS = 150000  # used when eth_estimateGas cannot run (no balance / allowance yet)

ONEINCH_QUOTE_OPTIONAL = {
    "protocols", "fee", "gasPrice", "complexityLevel", "parts", "mainRouteParts", "gasLimit", "includeTokensInfo",
    "includeProtocols", "includeGas", "connectorTokens", "excludedProtocols",
}
ONEINCH_SWAP_OPTIONAL = ONEINCH_QUOTE_OPTIONAL | {
    "slippage", "minReturn", "permit", "receiver", "referrer", "allowPartialFill", "disableEstimate", "usePermit2",
    "compatibility", "origin", "excludedProtocols",
}
ZEROX_OPTIONAL = {
    "taker", "txOrigin", "recipient", "swapFeeRecipient", "swapFeeBps", "swapFeeToken", "tradeSurplusRecipient",
    "gasPrice", "slippageBps", "excludedSources", "sellEntireBalance",
}
BOOLS = {"includeTokensInfo", "includeProtocols", "includeGas", "allowPartialFill", "disableEstimate", "usePermit2",
         "compatibility", "sellEntireBalance"}


class ApiError(Exception):
    def __init__(self, status, body, headers=None, raw=None):
        self.status, self.body, self.headers, self.raw = status, body, headers or {}, raw


class Chain:
    """Devnet access: chain id, Router02 pricing, allowance, gas estimate."""

    def __init__(self, rpc, deployment):
        self.rpc = rpc
        self.chain_id = 31337
        self.routers = []
        self.tokens = {}
        if deployment:
            d = json.load(open(deployment))
            for name, v in sorted(d.get("venues", {}).items()):
                if v.get("kind") == "uniswap_v2" and v.get("router"):
                    self.routers.append((name, v["router"].lower()))
            for sym, t in d.get("tokens", {}).items():
                self.tokens[t["address"].lower()] = (sym, t["decimals"])
        if rpc:
            self.chain_id = int(self.call("eth_chainId", []), 16)

    def call(self, method, params):
        reply = _server.rpc_request(self.rpc, method, params)
        if "error" in reply:
            raise RuntimeError(reply["error"].get("message", "rpc error"))
        return reply["result"]

    def eth_call(self, to, data):
        return self.call("eth_call", [{"to": to, "data": data}, "latest"])

    def best(self, src, dst, amount, only_first=False):
        """(amount out, router, venue) of the best direct V2 route (of the first router only: 1inch's single
        router), or None."""
        if not self.rpc:
            raise ApiError(500, {"statusCode": 500, "error": "Internal Server Error",
                                 "description": "stand-in started without --rpc: no pricing source"})
        best = None
        for venue, router in (self.routers[:1] if only_first else self.routers):
            data = "0x" + SEL_GET_AMOUNTS_OUT + word(amount) + word(64) + word(2) + addr_word(src) + addr_word(dst)
            try:
                out = self.eth_call(router, data)
            except RuntimeError:
                continue  # no pair on this venue (the library call reverts)
            raw = bytes.fromhex(out[2:])
            if len(raw) < 128:
                continue
            got = int.from_bytes(raw[96:128], "big")
            if got > 0 and (best is None or got > best[0]):
                best = (got, router, venue)
        return best

    def allowance(self, token, owner, spender):
        out = self.eth_call(token, "0x" + SEL_ALLOWANCE + addr_word(owner) + addr_word(spender))
        return int(out, 16)

    def estimate(self, frm, to, data):
        try:
            return int(self.call("eth_estimateGas", [{"from": frm, "to": to, "data": data}]), 16)
        except Exception:
            return V2_SWAP_GAS


def word(n):
    return format(n, "064x")


def addr_word(a):
    return "0" * 24 + a[2:].lower()


def swap_calldata(amount, min_out, src, dst, to):
    return ("0x" + SEL_SWAP_EXACT_TOKENS + word(amount) + word(min_out) + word(160) + addr_word(to) + word(DEADLINE)
            + word(2) + addr_word(src) + addr_word(dst))


class Handler(_server.JSONHandler):
    server_version = "aggregators-standin/1"

    def do_POST(self):
        self.send_json(404, {"statusCode": 404, "message": "Cannot POST " + self.path, "error": "Not Found"})

    def do_GET(self):
        parts = urlsplit(self.path)
        path = parts.path
        fault = None
        m = re.match(r"^/_fault/([^/]+)(/.*)$", path)
        if m:
            fault, path = m.group(1), m.group(2)
        try:
            if fault:
                self.apply_fault(fault, m.group(0)[: len("/_fault/") + len(fault)])
            query = parse_qsl(parts.query, keep_blank_values=True)
            keys = [k for k, _ in query]
            if path.startswith("/swap/v6.0/"):
                body = self.oneinch(path, keys, dict(query), fault)
            elif path.startswith("/swap/allowance-holder/"):
                body = self.zerox(path, keys, dict(query), fault)
            else:
                raise ApiError(404, {"statusCode": 404, "message": "Cannot GET " + path, "error": "Not Found"})
            self.send_json(200, body)
        except ApiError as e:
            self.send_json(e.status, e.body, e.headers, e.raw)
        except Exception as e:  # a devnet failure: the API's own 500 shape
            self.send_json(500, {"statusCode": 500, "error": "Internal Server Error", "description": str(e)})

    def apply_fault(self, fault, key):
        srv = self.server
        with srv.lock:
            srv.counts[key] = srv.counts.get(key, 0) + 1
            n = srv.counts[key]
        m = re.match(r"^rate429x(\d+)s(\d+)$", fault)
        if m and n <= int(m.group(1)):
            raise ApiError(429, {"statusCode": 429, "message": "Too Many Requests"}, {"Retry-After": m.group(2)})
        if fault == "rate429":
            raise ApiError(429, {"statusCode": 429, "message": "Too Many Requests"}, {"Retry-After": "1"})
        if fault in ("http500", "http503"):
            raise ApiError(int(fault[4:]), {"statusCode": int(fault[4:]), "error": "Service Unavailable",
                                            "description": "upstream failure"})
        if fault == "garbled":
            raise ApiError(200, None, raw=b'{"dstAmount": "12')
        m = re.match(r"^delay(\d+)$", fault)
        if m:
            time.sleep(int(m.group(1)) / 1000)

    # ---- 1inch ----
    def oneinch_error(self, description, meta=None, status=400):
        return ApiError(status, {"error": "Bad Request", "description": description, "statusCode": status,
                                 "requestId": str(uuid.uuid4()), "meta": meta or []})

    def oneinch(self, path, keys, q, fault):
        auth = self.headers.get("Authorization", "")
        if auth != "Bearer " + self.server.oneinch_key:
            raise ApiError(401, {"statusCode": 401, "error": "Unauthorized", "description": "Invalid API key"})
        m = re.match(r"^/swap/v6\.0/(\d+)/(quote|swap|approve/spender|approve/allowance|approve/transaction)$", path)
        if not m:
            raise ApiError(404, {"statusCode": 404, "message": "Cannot GET " + path, "error": "Not Found"})
        chain, endpoint = int(m.group(1)), m.group(2)
        if chain != self.server.chain.chain_id:
            raise self.oneinch_error(f"chain {chain} is not supported")
        if len(set(keys)) != len(keys):
            raise self.oneinch_error("each query parameter may appear once")
        if endpoint == "approve/spender":
            self.check_params(keys, set(), set(), self.oneinch_error)
            return {"address": self.spender(fault)}
        if endpoint == "approve/allowance":
            self.check_params(keys, {"tokenAddress", "walletAddress"}, set(), self.oneinch_error)
            self.check_address(q, "tokenAddress", self.oneinch_error)
            self.check_address(q, "walletAddress", self.oneinch_error)
            return {"allowance": str(self.server.chain.allowance(q["tokenAddress"], q["walletAddress"],
                                                                 self.spender(fault)))}
        if endpoint == "approve/transaction":
            self.check_params(keys, {"tokenAddress"}, {"amount"}, self.oneinch_error)
            self.check_address(q, "tokenAddress", self.oneinch_error)
            amount = int(q["amount"]) if "amount" in q and DIGITS.match(q["amount"]) else (1 << 256) - 1
            return {"data": "0x" + SEL_APPROVE + addr_word(self.spender(fault)) + word(amount), "gasPrice": "1000000000",
                    "to": q["tokenAddress"].lower(), "value": "0"}
        required = {"src", "dst", "amount"} | ({"from", "origin"} if endpoint == "swap" else set())
        optional = ONEINCH_QUOTE_OPTIONAL if endpoint == "quote" else ONEINCH_SWAP_OPTIONAL
        self.check_params(keys, required, optional, self.oneinch_error)
        for k in ("src", "dst") + (("from", "origin") if endpoint == "swap" else ()):
            self.check_address(q, k, self.oneinch_error)
        for k in BOOLS & set(q):
            if q[k] not in ("true", "false"):
                raise self.oneinch_error(f"{k} must be a boolean value", [{"type": k, "value": q[k]}])
        if not DIGITS.match(q["amount"]) or int(q["amount"]) == 0:
            raise self.oneinch_error("amount must be a positive integer string", [{"type": "amount", "value": q["amount"]}])
        if q["src"].lower() == q["dst"].lower():
            raise self.oneinch_error("src and dst tokens must be different")
        slippage_bps = 100
        if endpoint == "swap":
            if ("slippage" in q) == ("minReturn" in q):
                raise self.oneinch_error("exactly one of slippage and minReturn is required")
            if "slippage" in q:
                try:
                    s = float(q["slippage"])
                except ValueError:
                    s = -1
                if not re.match(r"^\d+(\.\d+)?$", q["slippage"]) or not 0 <= s <= 50:
                    raise self.oneinch_error("slippage must be a number from 0 to 50",
                                             [{"type": "slippage", "value": q["slippage"]}])
                slippage_bps = round(s * 100)
        amount = int(q["amount"])
        best = self.server.chain.best(q["src"], q["dst"], amount, only_first=True)
        if best is None:
            raise self.oneinch_error("insufficient liquidity", [{"type": "amount", "value": q["amount"]}])
        out, router, venue = best
        if fault == "zerobuy":
            out = 0
        protocols = [[[{"name": "UNISWAP_V2", "part": 100, "fromTokenAddress": q["src"].lower(),
                        "toTokenAddress": q["dst"].lower()}]]]
        v5 = fault == "v5"
        body = {("toAmount" if v5 else "dstAmount"): str(out)}
        if fault == "shortsell":
            body["srcAmount" if not v5 else "fromTokenAmount"] = str(amount - 1)
        if q.get("includeTokensInfo") == "true":
            body["fromToken" if v5 else "srcToken"] = self.token_info(q["src"])
            body["toToken" if v5 else "dstToken"] = self.token_info(q["dst"])
        if q.get("includeProtocols") == "true":
            body["protocols"] = protocols
        to = self.route_target(router, fault)
        if endpoint == "swap":
            min_out = int(q["minReturn"]) if "minReturn" in q else out * (10000 - slippage_bps) // 10000
            receiver = q.get("receiver", q["from"])
            data = swap_calldata(amount, min_out, q["src"], q["dst"], receiver)
            gas = self.server.chain.estimate(q["from"], router, data)
            body["tx"] = {"from": q["from"].lower(), "to": to, "data": data, "value": "0", "gas": gas,
                          "gasPrice": "1000000000"}
        elif q.get("includeGas") == "true":
            body["estimatedGas" if v5 else "gas"] = V2_SWAP_GAS
        return body

    def spender(self, fault):
        router = self.server.chain.routers[0][1] if self.server.chain.routers else "0x" + "11" * 20
        return self.route_target(router, fault)

    def route_target(self, router, fault):
        return "0x" + "de" * 20 if fault == "wrongrouter" else router

    def token_info(self, address):
        sym, dec = self.server.chain.tokens.get(address.lower(), ("UNKNOWN", 18))
        return {"address": address.lower(), "symbol": sym, "name": sym, "decimals": dec, "logoURI": "", "tags": ["tokens"]}

    # ---- 0x ----
    def zerox_error(self, description, meta=None, status=400):
        details = [{"field": m["type"], "reason": m.get("reason", description)} for m in (meta or [])]
        return ApiError(status, {"name": "INPUT_INVALID", "message": description,
                                 "data": {"zid": "0x" + uuid.uuid4().hex[:24], "details": details}})

    def zerox(self, path, keys, q, fault):
        key = self.headers.get("0x-api-key")
        if key != self.server.zerox_key:
            raise ApiError(401, {"name": "UNAUTHORIZED", "message": "Invalid or missing 0x-api-key",
                                 "data": {"zid": "0x" + uuid.uuid4().hex[:24]}})
        if self.headers.get("0x-version") != "v2":
            raise self.zerox_error("the 0x-version header must be v2", [{"type": "0x-version", "reason": "must be v2"}])
        m = re.match(r"^/swap/allowance-holder/(price|quote)$", path)
        if not m:
            raise ApiError(404, {"name": "NOT_FOUND", "message": "Cannot GET " + path})
        firm = m.group(1) == "quote"
        if len(set(keys)) != len(keys):
            raise self.zerox_error("each query parameter may appear once")
        required = {"chainId", "sellToken", "buyToken", "sellAmount"} | ({"taker"} if firm else set())
        self.check_params(keys, required, ZEROX_OPTIONAL, self.zerox_error)
        if not DIGITS.match(q["chainId"]) or int(q["chainId"]) != self.server.chain.chain_id:
            raise self.zerox_error("chain is not supported", [{"type": "chainId", "reason": "not supported"}])
        for k in ("sellToken", "buyToken") + (("taker",) if "taker" in q else ()):
            self.check_address(q, k, self.zerox_error)
        if not DIGITS.match(q["sellAmount"]) or int(q["sellAmount"]) == 0:
            raise self.zerox_error("sellAmount must be a positive integer", [{"type": "sellAmount", "reason": "invalid"}])
        slippage_bps = 100
        if "slippageBps" in q:
            if not DIGITS.match(q["slippageBps"]) or int(q["slippageBps"]) > 10000:
                raise self.zerox_error("slippageBps must be 0 to 10000", [{"type": "slippageBps", "reason": "invalid"}])
            slippage_bps = int(q["slippageBps"])
        amount = int(q["sellAmount"])
        zid = "0x" + uuid.uuid4().hex[:24]
        best = self.server.chain.best(q["sellToken"], q["buyToken"], amount)
        if best is None:
            return {"liquidityAvailable": False, "zid": zid}
        out, router, venue = best
        if fault == "zerobuy":
            out = 0
        target = self.route_target(router, fault)
        min_out = out * (10000 - slippage_bps) // 10000
        taker = q.get("taker")
        allowance = None
        if taker:
            actual = self.server.chain.allowance(q["sellToken"], taker, router)
            if actual < amount:
                allowance = {"actual": str(actual), "spender": target}
        body = {
            "allowanceTarget": target,
            "blockNumber": str(int(self.server.chain.call("eth_blockNumber", []), 16)),
            "buyAmount": str(out), "buyToken": q["buyToken"].lower(),
            "fees": {"integratorFee": None, "zeroExFee": None, "gasFee": None},
            "gas": str(V2_SWAP_GAS), "gasPrice": "1000000000",
            "issues": {"allowance": allowance, "balance": None, "simulationIncomplete": False,
                       "invalidSourcesPassed": []},
            "liquidityAvailable": True, "minBuyAmount": str(min_out),
            "route": {"fills": [{"from": q["sellToken"].lower(), "to": q["buyToken"].lower(), "source": "Uniswap_V2",
                                 "proportionBps": "10000"}],
                      "tokens": [{"address": a.lower(), "symbol": self.token_info(a)["symbol"]}
                                 for a in (q["sellToken"], q["buyToken"])]},
            "sellAmount": str(amount - 1 if fault == "shortsell" else amount), "sellToken": q["sellToken"].lower(),
            "tokenMetadata": {"buyToken": {"buyTaxBps": "0", "sellTaxBps": "0"},
                              "sellToken": {"buyTaxBps": "0", "sellTaxBps": "0"}},
            "totalNetworkFee": str(V2_SWAP_GAS * 1000000000), "zid": zid,
        }
        if firm:
            data = swap_calldata(amount, min_out, q["sellToken"], q["buyToken"], q.get("recipient", taker))
            gas = self.server.chain.estimate(taker, router, data)
            body["gas"] = str(gas)
            body["transaction"] = {"to": target, "data": data, "gas": str(gas), "gasPrice": "1000000000", "value": "0"}
        return body

    # ---- shared checks ----
    def check_params(self, keys, required, optional, error):
        for k in keys:
            if k not in required and k not in optional:
                raise error(f"property {k} should not exist", [{"type": k, "value": "", "reason": "unknown parameter"}])
        for k in sorted(required):
            if k not in keys:
                raise error(f"{k} is required", [{"type": k, "value": "", "reason": "required"}])

    def check_address(self, q, k, error):
        if not ADDRESS.match(q[k]):
            raise error(f"{k} must be an address", [{"type": k, "value": q[k], "reason": "invalid address"}])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rpc")
    ap.add_argument("--deployment")
    ap.add_argument("--port", type=int, default=0)
    ap.add_argument("--oneinch-key", default="test-oneinch-key")
    ap.add_argument("--zerox-key", default="test-zerox-key")
    ap.add_argument("--watch-stdin", action="store_true")
    a = ap.parse_args()

    def setup(srv):
        srv.chain = Chain(a.rpc, a.deployment)
        srv.oneinch_key, srv.zerox_key = a.oneinch_key, a.zerox_key
        srv.lock, srv.counts = threading.Lock(), {}

    _server.serve(Handler, a.port, a.watch_stdin, setup=setup)


if __name__ == "__main__":
    main()
