"""Deploys the dss stand-ins (devnet/standins/maker, see each file's header) with an ETH-A-like ilk.

No dss bytecode is obtainable on this machine (no Solidity compiler), so the Vyper ports stand in for
Vat/Dog/Clipper/LinearDecrease/Spotter/GemJoin; the price source (Pip) is settable.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from devnet.artifacts import compile_vyper
from devnet.client import Contract, Wallet

STANDINS = Path(__file__).resolve().parent / "standins" / "maker"
WAD, RAY, RAD = 10**18, 10**27, 10**45
ETH_A = b"ETH-A".ljust(32, b"\0")

# ETH-A-like parameters (mainnet-style magnitudes, smaller dust/hole for a devnet).
PARAMS: dict[str, int] = {
    "mat": 145 * RAY // 100,       # liquidation ratio 145%
    "chop": 113 * WAD // 100,      # 13% penalty
    "dust": 5_000 * RAD,           # minimum vault debt
    "hole": 5_000_000 * RAD,       # per-ilk auction cap
    "Hole": 100_000_000 * RAD,     # global auction cap
    "line": 100_000_000 * RAD,
    "Line": 1_000_000_000 * RAD,
    "buf": 120 * RAY // 100,       # start at 120% of the feed
    "tail": 8_400,                 # seconds before a reset is needed
    "cusp": 40 * RAY // 100,       # price/top below which a reset is needed
    "chip": WAD // 1000,           # 0.1% of tab
    "tip": 300 * RAD,              # flat 300 DAI
    "tau": 7_200,                  # LinearDecrease: price reaches 0 after two hours
}


def artifact(name: str) -> Any:
    return compile_vyper(STANDINS / f"{name}.vy")


def b32(text: str) -> bytes:
    return text.encode().ljust(32, b"\0")


DAI_ESCROW = 10_000_000 * WAD
_MINT_ABI = [{"type": "function", "name": "mint", "stateMutability": "nonpayable", "outputs": [{"name": "", "type": "bool"}],
              "inputs": [{"name": "a", "type": "address"}, {"name": "v", "type": "uint256"}]}]


def deploy_maker(w: Wallet, gem: str, price_wad: int, vow: str | None = None,
                 params: dict[str, int] | None = None, dai: str | None = None) -> dict[str, Contract]:
    """Deploy and wire the stand-ins for one ilk (ETH-A over `gem`) with the feed at `price_wad` USD."""
    p = {**PARAMS, **(params or {})}
    vow = vow or "0x000000000000000000000000000000000000dEaD"
    vat = w.deploy(artifact("Vat"))
    pip = w.deploy(artifact("Pip"))
    spotter = w.deploy(artifact("Spotter"), vat.address)
    dog = w.deploy(artifact("Dog"), vat.address, vow)
    clip = w.deploy(artifact("Clipper"), vat.address, spotter.address, dog.address, ETH_A)
    calc = w.deploy(artifact("LinearDecrease"))
    join = w.deploy(artifact("GemJoin"), vat.address, ETH_A, gem)
    for who in (spotter, dog, clip, join):
        w.transact(vat, "rely", who.address)
    w.transact(dog, "rely", clip.address)
    w.transact(clip, "rely", dog.address)
    w.transact(vat, "init_ilk", ETH_A)
    w.transact(vat, "file", b32("Line"), p["Line"])
    w.transact(vat, "file_ilk", ETH_A, b32("line"), p["line"])
    w.transact(vat, "file_ilk", ETH_A, b32("dust"), p["dust"])
    w.transact(pip, "poke", price_wad.to_bytes(32, "big"))
    w.transact(spotter, "file_pip", ETH_A, pip.address)
    w.transact(spotter, "file_mat", ETH_A, p["mat"])
    w.transact(spotter, "poke", ETH_A)
    w.transact(dog, "file_hole_total", p["Hole"])
    w.transact(dog, "file_ilk", ETH_A, b32("chop"), p["chop"])
    w.transact(dog, "file_ilk", ETH_A, b32("hole"), p["hole"])
    w.transact(dog, "file_clip", ETH_A, clip.address)
    w.transact(calc, "file", b32("tau"), p["tau"])
    for what in ("buf", "tail", "cusp", "chip", "tip"):
        w.transact(clip, "file", b32(what), p[what])
    w.transact(clip, "file_addr", b32("vow"), vow)
    w.transact(clip, "file_addr", b32("calc"), calc.address)
    w.transact(clip, "upchost")
    out = {"vat": vat, "pip": pip, "spotter": spotter, "dog": dog, "clipper": clip, "calc": calc, "gem_join": join}
    if dai is not None:  # DaiJoin escrow (see DaiJoin.vy): pre-fund DAI and the matching vat.dai
        dai_join = w.deploy(artifact("DaiJoin"), vat.address, dai)
        token = Contract(dai, _MINT_ABI)
        w.transact(token, "mint", dai_join.address, DAI_ESCROW, gas=200_000)
        w.transact(vat, "suck", vow, dai_join.address, DAI_ESCROW * RAY)
        out["dai_join"] = dai_join
    return out


def set_price(w: Wallet, maker: dict[str, Contract], price_wad: int) -> None:
    """Move the feed (pip) and poke the Spotter so vat.spot follows."""
    w.transact(maker["pip"], "poke", price_wad.to_bytes(32, "big"))
    w.transact(maker["spotter"], "poke", ETH_A)


# Vault owners: fresh deterministic keys (no dev account's nonce or balance is touched), 10 ETH each, drawn to these
# collateral ratios at the deploy-time WETH price. A 10% price drop makes the first two unsafe (ratio < 145%).
VAULT_RATIOS = (150, 158, 200, 300)  # percent


def vault_key(i: int) -> str:
    from eth_hash.auto import keccak

    return "0x" + keccak(f"defi devnet maker vault {i}".encode()).hex()


def deploy_phase(d: Any) -> None:
    """Deployer phase: the stand-ins, an ETH-A-like ilk priced from the Aave oracle's WETH answer, and vaults at
    VAULT_RATIOS; records `maker` in the deployment (`"standin": true`)."""
    from devnet.artifacts import load

    weth = d.record["tokens"]["WETH"]["address"]
    oracle = Contract(d.record["aave_v3"]["oracle"], load("aave_v3/AaveOracle").abi)
    price_wad = oracle.call(d.rpc, "getAssetPrice", weth) * 10**10  # 8-decimal USD → wad
    start = int(d.rpc.request("eth_blockNumber"), 16)
    m = deploy_maker(d.wallet, weth, price_wad, dai=d.record["tokens"]["DAI"]["address"])
    weth_c = Contract(weth, load("aave_v3/WETH9").abi)
    vaults = []
    for i, ratio in enumerate(VAULT_RATIOS):
        w = Wallet(d.rpc, vault_key(i))
        d.rpc.request("anvil_setBalance", w.address, hex(20 * WAD))
        w.transact(weth_c, "deposit", value=10 * WAD, gas=200_000)
        w.transact(weth_c, "approve", m["gem_join"].address, 10 * WAD, gas=200_000)
        w.transact(m["gem_join"], "join", w.address, 10 * WAD, gas=300_000)
        art = 10 * price_wad * 100 // ratio  # DAI (rate = RAY): ink * price / ratio
        w.transact(m["vat"], "frob", ETH_A, w.address, w.address, w.address, 10 * WAD, art, gas=500_000)
        vaults.append({"owner": w.address, "ink": str(10 * WAD), "art": str(art), "ratio_pct": ratio})
    d.record["maker"] = {
        "standin": True,
        "sources": "devnet/standins/maker (Vyper ports of makerdao/dss rules; see each file's header)",
        "deployment_block": start + 1,
        "ilk": "ETH-A",
        "params": {k: str(v) for k, v in PARAMS.items()},  # strings: rad values exceed 2^64
        "feed_price_wad": str(price_wad),
        "vaults": vaults,
        **{name: c.address for name, c in m.items()},
    }


def deploy_key_wallet_price(rpc: Any, dep: dict[str, Any], m: dict[str, Any], price_wad: int) -> None:
    """`move-price WETH`: poke the pip and the Spotter from the deployer (their ward)."""
    key = next(a["private_key"] for a in dep["accounts"] if a["address"] == dep["deployer"])
    w = Wallet(rpc, key)
    pip = Contract(m["pip"], artifact("Pip").abi)
    spotter = Contract(m["spotter"], artifact("Spotter").abi)
    w.transact(pip, "poke", price_wad.to_bytes(32, "big"), gas=100_000)
    w.transact(spotter, "poke", ETH_A, gas=200_000)


def bark_unsafe(rpc: Any, dep: dict[str, Any]) -> list[tuple[str, int]]:
    """`devnet.market maker-bark`: dog.bark every deployed vault with ink * spot < art * rate; (owner, auction id)."""
    m = dep.get("maker")
    if not m:
        raise SystemExit("devnet: no Maker stand-ins in this deployment")
    key = next(a["private_key"] for a in dep["accounts"] if a["address"] == dep["deployer"])
    w = Wallet(rpc, key)
    vat = Contract(m["vat"], artifact("Vat").abi)
    dog = Contract(m["dog"], artifact("Dog").abi)
    clip = Contract(m["clipper"], artifact("Clipper").abi)
    _, rate, spot, _, _ = vat.call(rpc, "ilks", ETH_A)
    out = []
    for v in m["vaults"]:
        ink, art = vat.call(rpc, "urns", ETH_A, v["owner"])
        if art > 0 and ink * spot < art * rate:
            w.transact(dog, "bark", ETH_A, v["owner"], w.address, gas=1_000_000)
            out.append((v["owner"], clip.call(rpc, "kicks")))
    return out
