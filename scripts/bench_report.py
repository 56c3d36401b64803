"""Merges benchmark JSON files and prints the metrics plus defi-vs-peer ratios (higher = defi faster)."""
import json
import sys

RATIOS = [
    # (name, defi metric, peer metric, kind) kind 'time': peer/defi; 'rate': defi/peer
    ("mulDiv full-width vs BigInt", "u256_muldiv_full_ns", "bigint_muldiv_full_ns", "time"),
    ("mulDiv uniswap-sized vs BigInt", "u256_muldiv_uniswap_ns", "bigint_muldiv_uniswap_ns", "time"),
    ("mul full-width vs BigInt", "u256_mul_full_ns", "bigint_mul_full_ns", "time"),
    ("div full-width vs BigInt", "u256_div_full_ns", "bigint_div_full_ns", "time"),
    ("keccak 1 MiB vs pycryptodome", "keccak_1mib_mb_per_s", "pycryptodome_keccak_1mib_mb_per_s", "rate"),
    ("keccak 64 B vs pycryptodome", "keccak_64b_hashes_per_s", "pycryptodome_keccak_64b_hashes_per_s", "rate"),
    ("sign vs coincurve", "secp256k1_sign_per_s", "coincurve_sign_per_s", "rate"),
    ("recover vs coincurve", "secp256k1_recover_per_s", "coincurve_recover_per_s", "rate"),
    ("curve get_dy vs curvesim", "curve_get_dy_per_s", "curvesim_get_dy_per_s", "rate"),
    ("sign+recover vs coincurve", "secp256k1_sign_recover_per_s", "coincurve_sign_recover_per_s", "rate"),
    ("V3 quote crossing 10 ticks vs degenbot", "v3_quote_10_ticks_ns", "degenbot_v3_quote_10_ticks_ns", "time"),
    ("V2 getAmountOut vs degenbot", "v2_amount_out_ns", "degenbot_v2_amount_out_ns", "time"),
    ("arb: index 2-3 hop cycles vs Python", "arb_index_ms", "peer_arb_index_ms", "time"),
    ("arb: evaluate+size all cycles vs Python", "arb_evaluate_all_ms", "peer_arb_evaluate_all_ms", "time"),
    ("arb: full scan (index+evaluate) vs Python", "arb_full_scan_ms", "peer_arb_full_scan_ms", "time"),
    ("arb: re-scan after 50 pools change vs Python", "arb_rescan_50_pools_ms", "peer_arb_rescan_50_pools_ms", "time"),
]

metrics = {}
for path in sys.argv[1:]:
    with open(path) as f:
        metrics.update(json.load(f))
ratios = {}
for name, ours, peer, kind in RATIOS:
    if ours in metrics and peer in metrics and metrics[ours] and metrics[peer]:
        r = metrics[peer] / metrics[ours] if kind == "time" else metrics[ours] / metrics[peer]
        ratios[name] = round(r, 2)
print(json.dumps({"metrics": {k: round(v, 2) for k, v in sorted(metrics.items())}, "ratios": ratios}, indent=2))
