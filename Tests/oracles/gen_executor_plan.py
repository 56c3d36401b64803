"""Executor plans (contracts/README.md "The plan") encoded by eth-abi, for DeFiCore's ExecutorPlan tests.

calldata = 0x548913ad || abi.encode(bytes32 id, bytes params)
params   = abi.encode((uint8,address,address,uint256,uint256) flash, address profitToken, uint256 minProfit, bytes data)
"""
from eth_abi import encode
from eth_utils import keccak, to_checksum_address

HOP = "(uint8,address,address,address,uint256,uint256,uint256)[]"


def _addr(rng):
    return to_checksum_address(bytes(rng.getrandbits(8) for _ in range(20)))


def _u(rng):
    return rng.choice([0, 1, 2**256 - 1, rng.getrandbits(rng.choice([8, 64, 128, 255, 256]))])


def generate(rng):
    cases = []
    for n in range(60):
        liquidation = n % 3 == 2
        hop_count = rng.randint(1, 6)
        tokens = [_addr(rng) for _ in range(hop_count + 1)]
        hops = []
        for i in range(hop_count):
            hops.append((rng.randint(1, 5), _addr(rng), tokens[i], tokens[i + 1],
                         _u(rng) if i == 0 and not liquidation else 0, _u(rng), _u(rng)))
        kind = rng.randint(0, 6)
        amount = rng.getrandbits(128) + 1
        first_in = hops[0][4]
        if not liquidation and first_in > amount:
            hops[0] = hops[0][:4] + (amount,) + hops[0][5:]
        asset = tokens[-1] if liquidation else tokens[0]
        flash = (kind, _addr(rng), asset, amount, _u(rng))
        profit_token, min_profit = _addr(rng), _u(rng)
        if liquidation:
            pool, user, debt = _addr(rng), _addr(rng), _u(rng)
            data = encode(["address", "address", "address", "uint256", HOP], [pool, tokens[0], user, debt, hops])
            payload = {"kind": "liquidation", "pool": pool, "collateral": tokens[0], "user": user,
                       "debt_to_cover": str(debt)}
            name = "Liquidator"
        else:
            data = encode([HOP], [hops])
            payload = {"kind": "arbitrage"}
            name = "Arbitrage"
        params = encode(["(uint8,address,address,uint256,uint256)", "address", "uint256", "bytes"],
                        [flash, profit_token, min_profit, data])
        sid = keccak(text=name)
        calldata = bytes.fromhex("548913ad") + encode(["bytes32", "bytes"], [sid, params])
        payload["hops"] = [[h[0], h[1], h[2], h[3], str(h[4]), str(h[5]), str(h[6])] for h in hops]
        cases.append({
            "flash": [flash[0], flash[1], flash[2], str(flash[3]), str(flash[4])],
            "profit_token": profit_token, "min_profit": str(min_profit), "payload": payload,
            "strategy_id": "0x" + sid.hex(), "params": "0x" + params.hex(), "calldata": "0x" + calldata.hex(),
        })
    return {"cases": cases}
