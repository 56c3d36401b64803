"""Request checks of the 1inch / 0x stand-in (devnet/stubs/aggregators.py), without a devnet: every request the
real APIs refuse is refused here in the API's own error shape, and the fault prefixes behave as documented."""
import json, pathlib, subprocess, sys, urllib.error, urllib.request

import pytest

STUB = pathlib.Path(__file__).resolve().parents[1] / "stubs" / "aggregators.py"
W = "0x5FbDB2315678afecb367f032d93F642f64180aa3"
U = "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512"
T = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8"
ONE = {"Authorization": "Bearer test-oneinch-key"}
ZX = {"0x-api-key": "test-zerox-key", "0x-version": "v2"}


@pytest.fixture(scope="module")
def base():
    p = subprocess.Popen([sys.executable, str(STUB), "--watch-stdin"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                         text=True)
    url = p.stdout.readline().strip()
    yield url
    p.kill()
    p.wait()


def get(base, path, headers):
    req = urllib.request.Request(base + path, headers=headers)
    try:
        with urllib.request.urlopen(req, timeout=10) as r:
            return r.status, dict(r.headers), json.loads(r.read())
    except urllib.error.HTTPError as e:
        raw = e.read()
        return e.code, dict(e.headers), json.loads(raw) if raw else None


def q1(extra=""):
    return f"/swap/v6.0/31337/quote?src={W}&dst={U}&amount=1000{extra}"


def zx(kind="price", extra=""):
    return f"/swap/allowance-holder/{kind}?chainId=31337&sellToken={W}&buyToken={U}&sellAmount=1000{extra}"


@pytest.mark.parametrize("path,headers,status,description", [
    (q1(), {}, 401, "Invalid API key"),
    (q1(), {"Authorization": "test-oneinch-key"}, 401, "Invalid API key"),
    (q1("&bogus=1"), ONE, 400, "property bogus should not exist"),
    (f"/swap/v6.0/31337/quote?src={W}&amount=1000", ONE, 400, "dst is required"),
    (q1("&includeGas=yes"), ONE, 400, "includeGas must be a boolean value"),
    (f"/swap/v6.0/31337/quote?src={W}&dst=0x12&amount=1000", ONE, 400, "dst must be an address"),
    (f"/swap/v6.0/31337/quote?src={W}&dst={U}&amount=1.5", ONE, 400, "amount must be a positive integer string"),
    (f"/swap/v6.0/31337/quote?src={W}&dst={W}&amount=1", ONE, 400, "src and dst tokens must be different"),
    (f"/swap/v6.0/1/quote?src={W}&dst={U}&amount=1", ONE, 400, "chain 1 is not supported"),
    (f"/swap/v6.0/31337/swap?src={W}&dst={U}&amount=1&from={T}&slippage=1", ONE, 400, "origin is required"),
    (f"/swap/v6.0/31337/swap?src={W}&dst={U}&amount=1&from={T}&origin={T}", ONE, 400,
     "exactly one of slippage and minReturn is required"),
    (f"/swap/v6.0/31337/swap?src={W}&dst={U}&amount=1&from={T}&origin={T}&slippage=51", ONE, 400,
     "slippage must be a number from 0 to 50"),
])
def test_oneinch_refusals(base, path, headers, status, description):
    code, _, body = get(base, path, headers)
    assert code == status
    assert body["description"] == description
    if status == 400:
        assert body["error"] == "Bad Request" and body["statusCode"] == 400 and "requestId" in body


@pytest.mark.parametrize("path,headers,status,message", [
    (zx(), {"0x-version": "v2"}, 401, "Invalid or missing 0x-api-key"),
    (zx(), {"0x-api-key": "test-zerox-key"}, 400, "the 0x-version header must be v2"),
    (zx(extra="&takerAddress=" + T), ZX, 400, "property takerAddress should not exist"),
    (zx("quote"), ZX, 400, "taker is required"),
    (zx(extra="&slippageBps=10001"), ZX, 400, "slippageBps must be 0 to 10000"),
    (f"/swap/allowance-holder/price?chainId=1&sellToken={W}&buyToken={U}&sellAmount=1", ZX, 400,
     "chain is not supported"),
    (f"/swap/allowance-holder/price?chainId=31337&sellToken={W}&buyToken={U}&buyAmount=1", ZX, 400,
     "property buyAmount should not exist"),
])
def test_zerox_refusals(base, path, headers, status, message):
    code, _, body = get(base, path, headers)
    assert code == status
    assert body["message"] == message
    assert "name" in body and "zid" in body["data"]
    if status == 400:
        assert body["name"] == "INPUT_INVALID"


def test_valid_requests_pass_the_checks_and_need_a_pricing_source(base):
    for path, headers in [(q1("&includeGas=true&includeProtocols=true"), ONE), (zx(), ZX),
                          (zx("quote", "&taker=" + T + "&slippageBps=50"), ZX)]:
        code, _, body = get(base, path, headers)
        assert code == 500 and "no pricing source" in body["description"]


def test_fault_prefixes(base):
    code, headers, _ = get(base, "/_fault/rate429x1s7" + q1(), ONE)
    assert code == 429 and headers["Retry-After"] == "7"
    code, _, _ = get(base, "/_fault/rate429x1s7" + "/swap/v6.0/31337/approve/spender", ONE)
    assert code == 200  # the second request on that prefix is served
    code, _, body = get(base, "/_fault/wrongrouter/swap/v6.0/31337/approve/spender", ONE)
    assert code == 200 and body["address"] == "0x" + "de" * 20
    code, _, _ = get(base, "/_fault/http503" + q1(), ONE)
    assert code == 503
