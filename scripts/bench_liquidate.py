"""Liquidation sweep benchmark (issue 9): `defi liquidate --dry-run` over N indexed Aave positions.

Driven by scripts/bench-liquidate on a private devnet. Times, in one run on one chain state:
  cold     defi liquidate --protocol aave --dry-run --json, fresh history db (indexes from events);
  warm     the same with the index already built (median of --repeat runs);
  single   warm, with --per-position-health-checks (one eth_call per position, no Multicall);
  peer     the reference keepers' way: web3.py, the borrowers from the pool's Borrow events, then
           Pool.getUserAccountData per borrower over JSON-RPC (median of --repeat runs; the event
           scan is timed separately as peer_index_seconds).
Checks that all of them find the same set of liquidatable borrowers; prints one JSON document.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from web3 import Web3
from web3.providers import HTTPProvider

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from devnet.artifacts import load  # noqa: E402

BORROW_TOPIC = "0x" + Web3.keccak(text="Borrow(address,address,address,uint256,uint8,uint256,uint16)").hex().removeprefix("0x")


def run_defi(binary: str, config: str, url: str, db: str, extra: list[str]) -> tuple[float, dict]:
    args = [binary, "liquidate", "--config", config, "--rpc-url", url, "--db", db, "--protocol", "aave",
            "--dry-run", "--json", "--min-profit", "0usd", "--rpc-call-timeout", "900", *extra]
    t0 = time.perf_counter()
    p = subprocess.run(args, capture_output=True, text=True)
    elapsed = time.perf_counter() - t0
    if p.returncode not in (0, 6, 8):
        raise SystemExit(f"bench: {' '.join(args)} exited {p.returncode}: {p.stderr.strip()[-400:]}")
    return elapsed, json.loads(p.stdout)


def defi_liquidatable(report: dict) -> tuple[set[str], int, dict]:
    data = report.get("data", report)
    users = {e["user"].lower() for e in data.get("executed", [])} | {s["user"].lower() for s in data.get("skipped", [])}
    proto = next(p for p in data["protocols"] if p["protocol"] in ("aave_v3", "aave"))
    return users, proto["liquidatable"], proto


def peer(url: str, pool_addr: str, start_block: int) -> tuple[float, float, set[str], int]:
    w3 = Web3(HTTPProvider(url))
    pool = w3.eth.contract(address=Web3.to_checksum_address(pool_addr), abi=load("aave_v3/PoolInstance").abi)
    t0 = time.perf_counter()
    head = w3.eth.block_number
    borrowers: set[str] = set()
    step = 5_000
    for lo in range(start_block, head + 1, step):
        logs = w3.eth.get_logs({"address": pool.address, "topics": [BORROW_TOPIC], "fromBlock": lo,
                                "toBlock": min(head, lo + step - 1)})
        for log in logs:
            # Borrow(reserve indexed, user, onBehalfOf indexed, ...): the position owner is onBehalfOf (topic 2).
            borrowers.add(Web3.to_checksum_address("0x" + bytes(log["topics"][2])[-20:].hex()))
    t1 = time.perf_counter()
    liquidatable = set()
    for b in sorted(borrowers):
        hf = pool.functions.getUserAccountData(b).call(block_identifier=head)[5]
        if hf < 10**18:
            liquidatable.add(b.lower())
    t2 = time.perf_counter()
    return t1 - t0, t2 - t1, liquidatable, len(borrowers)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--defi", required=True)
    ap.add_argument("--config", required=True)
    ap.add_argument("--deployment", required=True)
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--workdir", required=True)
    args = ap.parse_args()
    dep = json.loads(Path(args.deployment).read_text())
    url = dep["rpc_url"]
    pool = dep["aave_v3"]["pool"]
    db = os.path.join(args.workdir, "bench-history.db")
    for suffix in ("", "-wal", "-shm", ".liquidate.lock"):
        Path(db + suffix).unlink(missing_ok=True)

    cold_s, cold = run_defi(args.defi, args.config, url, db, [])
    warm = [run_defi(args.defi, args.config, url, db, []) for _ in range(args.repeat)]
    single = [run_defi(args.defi, args.config, url, db, ["--per-position-health-checks"]) for _ in range(args.repeat)]
    peer_runs = [peer(url, pool, 0) for _ in range(args.repeat)]

    sets = {"defi_cold": defi_liquidatable(cold)[0], "defi_warm": defi_liquidatable(warm[-1][1])[0],
            "defi_per_position": defi_liquidatable(single[-1][1])[0], "peer_web3py": peer_runs[-1][2]}
    counts = {k: defi_liquidatable(r)[1] for k, r in (("defi_cold", cold), ("defi_warm", warm[-1][1]),
                                                        ("defi_per_position", single[-1][1]))}
    same = len({frozenset(s) for s in sets.values()}) == 1 and all(counts[k] == len(sets[k]) for k in counts)
    _, _, cold_p = defi_liquidatable(cold)
    _, _, warm_p = defi_liquidatable(warm[-1][1])
    _, _, single_p = defi_liquidatable(single[-1][1])
    warm_med = statistics.median(t for t, _ in warm)
    single_med = statistics.median(t for t, _ in single)
    peer_hc = statistics.median(r[1] for r in peer_runs)
    peer_idx = statistics.median(r[0] for r in peer_runs)
    warm_hc = statistics.median(defi_liquidatable(r)[2]["health_check_seconds"] for _, r in warm)
    single_hc = statistics.median(defi_liquidatable(r)[2]["health_check_seconds"] for _, r in single)
    doc = {
        "positions_indexed": warm_p["checked"],
        "peer_borrowers_found": peer_runs[-1][3],
        "liquidatable": sorted(sets["defi_warm"]),
        "same_liquidatable_set": same,
        "repeat": args.repeat,
        "seconds": {
            "defi_cold_sweep_wall": round(cold_s, 3),
            "defi_warm_sweep_wall": round(warm_med, 3),
            "defi_warm_health_checks": round(warm_hc, 3),
            "defi_per_position_sweep_wall": round(single_med, 3),
            "defi_per_position_health_checks": round(single_hc, 3),
            "peer_web3py_health_checks": round(peer_hc, 3),
            "peer_web3py_event_scan": round(peer_idx, 3),
        },
        "round_trips": {"defi_warm_health_checks": warm_p["health_check_round_trips"],
                        "defi_per_position_health_checks": single_p["health_check_round_trips"],
                        "defi_cold_health_checks": cold_p["health_check_round_trips"]},
        "ratios": {
            "peer_health_checks_over_defi_warm_health_checks": round(peer_hc / warm_hc, 2),
            "peer_health_checks_over_defi_warm_sweep_wall": round(peer_hc / warm_med, 2),
            "defi_per_position_over_defi_batched_health_checks": round(single_hc / warm_hc, 2),
            "defi_cold_over_warm_sweep_wall": round(cold_s / warm_med, 2),
        },
    }
    print(json.dumps(doc, indent=2))
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
