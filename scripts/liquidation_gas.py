"""Gas of one Aave liquidation: the executor's Liquidator path vs an EOA through the protocols' own contracts.

On a running devnet (issue 8 bar), from one state S where the borrowers are liquidatable:
  executor  `defi liquidate --protocol aave --max-liquidations 1 --json` (live): flashLoanSimple of the
            debt asset -> Pool.liquidationCall -> swap of the seized collateral -> repay; gasUsed of its receipt.
  own       back at S, a fresh EOA with its own capital (debt tokens minted, gas via anvil_setBalance) does
            the same liquidation (same borrower, same debt repaid) in separate transactions:
            approve(debt, Pool) + Pool.liquidationCall + approve(collateral, router) + the same venue's
            router swap of the seized collateral (Uniswap V3 SwapRouter.exactInputSingle or V2 Router02
            swapExactTokensForTokens, whichever pool the executor's swap went through); sum of gasUsed.
The chain is reverted to its starting state at the end. Prints one JSON document.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from eth_hash.auto import keccak  # noqa: E402

from devnet.artifacts import load  # noqa: E402
from devnet.client import Contract, RpcClient, Wallet  # noqa: E402
from devnet.market import MAX_UINT, _ERC20_ABI, extra_key, move_price  # noqa: E402

V2_SWAP = "0x" + keccak(b"Swap(address,uint256,uint256,uint256,uint256,address)").hex()
V3_SWAP = "0x" + keccak(b"Swap(address,address,int256,int256,uint160,uint128,int24)").hex()
LIQ_CALL = "0x" + keccak(b"LiquidationCall(address,address,address,uint256,uint256,address,bool)").hex()


def word(data: str, i: int) -> int:
    return int(data[2 + 64 * i: 2 + 64 * (i + 1)], 16)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--defi", required=True)
    ap.add_argument("--deployment", required=True)
    ap.add_argument("--config", required=True)
    ap.add_argument("--price", type=float, default=1600)
    args = ap.parse_args()
    dep = json.loads(Path(args.deployment).read_text())
    rpc = RpcClient(dep["rpc_url"])
    pool = Contract(dep["aave_v3"]["pool"], load("aave_v3/PoolInstance").abi)
    start = rpc.request("evm_snapshot")
    try:
        move_price(rpc, dep, "WETH", args.price)
        s = rpc.request("evm_snapshot")
        # Every measured transaction starts 12 s after the last state change, so the V2/V3 price-oracle
        # writes (only when time has passed) happen alike in both measurements.
        rpc.request("evm_increaseTime", 12)
        key = dep["accounts"][0]["private_key"]
        with tempfile.TemporaryDirectory() as tmp:
            kf = Path(tmp, "key")
            kf.write_text(key)
            kf.chmod(0o600)
            p = subprocess.run([args.defi, "liquidate", "--config", args.config, "--rpc-url", dep["rpc_url"],
                                "--db", str(Path(tmp, "h.db")), "--protocol", "aave", "--min-profit", "1usd",
                                "--max-liquidations", "1", "--private-key-file", str(kf), "--json"],
                               capture_output=True, text=True)
        if p.returncode != 0:
            raise SystemExit(f"liquidation_gas: defi liquidate exited {p.returncode}: {p.stderr.strip()[-300:]}")
        report = json.loads(p.stdout)
        report = report.get("data", report)
        ex = report["executed"][0]
        receipt = rpc.request("eth_getTransactionReceipt", ex["tx_hash"])
        exec_gas = int(receipt["gasUsed"], 16)
        liq = next(l for l in receipt["logs"] if l["topics"][0] == LIQ_CALL and l["address"].lower() == pool.address.lower())
        coll = "0x" + liq["topics"][1][-40:]
        debt = "0x" + liq["topics"][2][-40:]
        user = "0x" + liq["topics"][3][-40:]
        debt_repaid, seized = word(liq["data"], 0), word(liq["data"], 1)
        swaps = [l for l in receipt["logs"] if l["topics"][0] in (V2_SWAP, V3_SWAP)]
        if len(swaps) != 1:
            raise SystemExit(f"liquidation_gas: expected one swap in {ex['tx_hash']}, found {len(swaps)}")
        swap = swaps[0]
        rpc.request("evm_revert", s)

        # The same liquidation by an EOA with its own capital.
        eoa = Wallet(rpc, extra_key("liquidation_gas_eoa"))
        rpc.request("anvil_setBalance", eoa.address, hex(100 * 10**18))
        debt_token, coll_token = Contract(debt, _ERC20_ABI), Contract(coll, _ERC20_ABI)
        eoa.transact(debt_token, "mint", eoa.address, debt_repaid, gas=200_000)  # funding, not counted
        steps = []
        rpc.request("evm_increaseTime", 12)
        r = eoa.transact(debt_token, "approve", pool.address, MAX_UINT, gas=100_000)
        steps.append(("approve debt to Pool", int(r["gasUsed"], 16)))
        before = coll_token.call(rpc, "balanceOf", eoa.address)
        rpc.request("evm_increaseTime", 12)
        r = eoa.transact(pool, "liquidationCall", coll, debt, user, debt_repaid, False, gas=1_500_000)
        steps.append(("Pool.liquidationCall", int(r["gasUsed"], 16)))
        got = coll_token.call(rpc, "balanceOf", eoa.address) - before
        if swap["topics"][0] == V3_SWAP:
            v3pool = Contract(swap["address"], load("uniswap_v3/UniswapV3Pool").abi)
            fee = v3pool.call(rpc, "fee")
            router = Contract(dep["contracts"]["uniswap_v3_router"]["address"] if isinstance(dep["contracts"]["uniswap_v3_router"], dict)
                              else dep["contracts"]["uniswap_v3_router"], load("uniswap_v3/SwapRouter").abi)
            venue = f"uniswap_v3 SwapRouter.exactInputSingle (fee {fee})"
            r = eoa.transact(coll_token, "approve", router.address, MAX_UINT, gas=100_000)
            steps.append(("approve collateral to router", int(r["gasUsed"], 16)))
            rpc.request("evm_increaseTime", 12)
            r = eoa.transact(router, "exactInputSingle", (coll, debt, fee, eoa.address, 2**63, got, 0, 0), gas=1_000_000)
        else:
            pair = Contract(swap["address"], load("sushi/UniswapV2Pair").abi)
            factory = pair.call(rpc, "factory").lower()
            name = next(n for n in ("uniswap_v2_a", "uniswap_v2_b")
                        if str(dep["contracts"][f"{n}_factory"] if not isinstance(dep["contracts"][f"{n}_factory"], dict)
                               else dep["contracts"][f"{n}_factory"]["address"]).lower() == factory)
            ra = dep["contracts"][f"{name}_router"]
            router = Contract(ra["address"] if isinstance(ra, dict) else ra, load("sushi/UniswapV2Router02").abi)
            venue = f"{name} Router02.swapExactTokensForTokens"
            r = eoa.transact(coll_token, "approve", router.address, MAX_UINT, gas=100_000)
            steps.append(("approve collateral to router", int(r["gasUsed"], 16)))
            rpc.request("evm_increaseTime", 12)
            r = eoa.transact(router, "swapExactTokensForTokens", got, 0, [coll, debt], eoa.address, 2**63, gas=1_000_000)
        steps.append((venue, int(r["gasUsed"], 16)))
        own = sum(g for _, g in steps)
        print(json.dumps({
            "borrower": user, "collateral": coll, "debt": debt, "debt_repaid": str(debt_repaid),
            "collateral_seized_executor": str(seized), "collateral_received_eoa": str(got),
            "executor_tx": ex["tx_hash"], "executor_gas": exec_gas,
            "own_contracts_steps": [{"step": n, "gas": g} for n, g in steps],
            "own_contracts_gas_total": own,
            "own_without_approvals": sum(g for n, g in steps if not n.startswith("approve")),
            "ratio_executor_over_own": round(exec_gas / own, 3),
        }, indent=2))
    finally:
        rpc.request("evm_revert", start)
    return 0


if __name__ == "__main__":
    sys.exit(main())
