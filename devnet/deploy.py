"""Deploy the protocols to a running devnet and write `deployment.json` and `defi.yaml`.

Phases (each asserts what it built): tokens (WETH9 + mintable USDC/DAI/WBTC) and the Vyper
Multicall3; two independent Uniswap-V2-style venues (factory + Router02 each); Uniswap V3
(factory, NFT descriptor, position manager, SwapRouter, QuoterV2); an Aave V3.2 market
(provider, ACL, pool and configurator proxies, AaveOracle over replaceable MockAggregator
feeds, data provider, four reserves, 5 bps flash premium); the project's own artifacts; then
the demo market (`devnet.market.seed`).

Run: `python -m devnet.deploy --rpc-url http://127.0.0.1:PORT --out devnet/run` (any running chain
with chain id 31337), or let the server do it in-process with a state cache:
`python -m devnet.server --port 0 --deploy --out devnet/run` (what up.sh and the tests use).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from pathlib import Path
from typing import Any, Optional

from eth_abi import encode as abi_encode
from eth_account import Account
from eth_hash.auto import keccak

from . import CHAIN_ID, MNEMONIC
from . import artifacts as art
from .artifacts import load, log
from .client import Contract, RpcClient, Wallet

#: Pair init-code hash that the Sushi/Uniswap V2 Router02 artifact hard-codes in pairFor().
ROUTER02_INIT_CODE_HASH = "0xe18a34eb0e04b04f7a0ac29a6e80748dca96319b42c54d679cb821dca90c6303"
V2_FEE_BPS = 30

#: Token set: symbol -> (name, decimals). WETH is WETH9.
TOKENS = {
    "USDC": ("USD Coin (devnet)", 6),
    "DAI": ("Dai Stablecoin (devnet)", 18),
    "WBTC": ("Wrapped BTC (devnet)", 8),
}

#: Aave reserve risk settings (bps): LTV, liquidation threshold, liquidation bonus.
AAVE_RISK = {
    "WETH": (8000, 8250, 10500),
    "USDC": (7500, 7800, 10450),
    "DAI": (7500, 7800, 10500),
    "WBTC": (7000, 7500, 10650),
}
#: Interest rate data (bps): optimal usage, base rate, slope1, slope2.
AAVE_RATES = (8000, 0, 400, 6000)
FLASH_PREMIUM_BPS = 5


def dev_accounts(count: int = 10) -> list[tuple[str, str]]:
    """anvil's dev accounts: (checksummed address, 0x private key) from the anvil mnemonic."""
    Account.enable_unaudited_hdwallet_features()
    out = []
    for i in range(count):
        acct = Account.from_mnemonic(MNEMONIC, account_path=f"m/44'/60'/0'/0/{i}")
        out.append((acct.address, "0x" + bytes(acct.key).hex()))
    return out


class Deployer:
    """Holds the RPC connection, the deployer wallet and the growing deployment record."""

    def __init__(self, client: RpcClient) -> None:
        self.rpc = client
        chain_id = int(self.rpc.request("eth_chainId"), 16)
        if chain_id != CHAIN_ID:
            raise SystemExit(f"devnet: {client.url} has chain id {chain_id}, expected {CHAIN_ID}; refusing to deploy")
        self.accounts = dev_accounts()
        self.wallet = Wallet(self.rpc, self.accounts[0][1])
        self.contracts: dict[str, Contract] = {}
        self.record: dict[str, Any] = {"contracts": {}, "tokens": {}, "venues": {}, "pools": {}}

    def add(self, name: str, contract: Contract) -> Contract:
        self.contracts[name] = contract
        self.record["contracts"][name] = contract.address
        return contract

    def deploy(self, name: str, artifact_path: str, *args: Any, **kw: Any) -> Contract:
        return self.add(name, self.wallet.deploy(load(artifact_path), *args, **kw))

    def tx(self, contract: Contract, fn: str, *args: Any, gas: int = 3_000_000, value: int = 0) -> dict[str, Any]:
        return self.wallet.transact(contract, fn, *args, gas=gas, value=value)

    # ------------------------------------------------------------------ phases

    def tokens_and_multicall(self) -> None:
        weth = self.deploy("WETH", "aave_v3/WETH9", gas=2_000_000)
        self.record["tokens"]["WETH"] = {"address": weth.address, "decimals": 18, "symbol": "WETH", "name": "Wrapped Ether"}
        for symbol, (name, decimals) in TOKENS.items():
            token = self.deploy(symbol, "aave_v3/MintableERC20", name, symbol, decimals, gas=3_000_000)
            assert token.call(self.rpc, "decimals") == decimals
            self.record["tokens"][symbol] = {"address": token.address, "decimals": decimals, "symbol": symbol, "name": name}
        for source in art.find_vyper_sources():
            artifact = art.compile_vyper(source)
            self.add(source.stem, self.wallet.deploy(artifact, gas=3_000_000))
        if "Multicall3" in self.contracts:
            self.record["multicall"] = self.contracts["Multicall3"].address

    def uniswap_v2(self, venue: str) -> None:
        """One V2 venue: factory from the replayed Sushi creation data + Router02; checks the init-code hash."""
        factory_artifact = load("sushi/UniswapV2Factory")
        factory = self.add(f"{venue}_factory", self.wallet.deploy(factory_artifact, code=art.sushi_factory_initcode(), gas=6_000_000))
        router = self.deploy(f"{venue}_router", "sushi/UniswapV2Router02", factory.address, self.contracts["WETH"].address, gas=6_000_000)
        pair_hash = "0x" + factory.call(self.rpc, "pairCodeHash").hex()
        router_code = self.rpc.request("eth_getCode", router.address, "latest")
        if pair_hash != ROUTER02_INIT_CODE_HASH or ROUTER02_INIT_CODE_HASH[2:] not in router_code:
            raise SystemExit(f"devnet: {venue}: factory pair code hash {pair_hash} does not match the router's {ROUTER02_INIT_CODE_HASH}")
        self.record["venues"][venue] = {
            "kind": "uniswap_v2",
            "factory": factory.address,
            "router": router.address,
            "init_code_hash": pair_hash,
            "fee_bps": V2_FEE_BPS,
        }

    def uniswap_v3(self) -> None:
        weth = self.contracts["WETH"].address
        factory = self.deploy("uniswap_v3_factory", "uniswap_v3/UniswapV3Factory", gas=8_000_000)
        lib = self.wallet.deploy(load("uniswap_v3/NFTDescriptor"), gas=8_000_000)
        label = b"ETH".ljust(32, b"\0")
        descriptor = self.deploy("uniswap_v3_position_descriptor", "uniswap_v3/NonfungibleTokenPositionDescriptor",
                                 weth, label, libraries={"NFTDescriptor": lib.address}, gas=8_000_000)
        npm = self.deploy("uniswap_v3_position_manager", "uniswap_v3/NonfungiblePositionManager",
                          factory.address, weth, descriptor.address, gas=10_000_000)
        router = self.deploy("uniswap_v3_router", "uniswap_v3/SwapRouter", factory.address, weth, gas=6_000_000)
        quoter = self.deploy("uniswap_v3_quoter", "uniswap_v3/QuoterV2", factory.address, weth, gas=6_000_000)
        pool_hash = "0x" + keccak(bytes.fromhex(load("uniswap_v3/UniswapV3Pool").bytecode[2:])).hex()
        self.record["venues"]["uniswap_v3"] = {
            "kind": "uniswap_v3",
            "factory": factory.address,
            "quoter": quoter.address,
            "router": router.address,
            "position_manager": npm.address,
            "pool_init_code_hash": pool_hash,
            "fee_tiers": [100, 500, 3000, 10000],
        }

    def aave_v3(self) -> None:
        me = self.wallet.address
        provider = self.deploy("aave_pool_addresses_provider", "aave_v3/PoolAddressesProvider", "defi devnet", me)
        self.tx(provider, "setACLAdmin", me)
        acl = self.deploy("aave_acl_manager", "aave_v3/ACLManager", provider.address)
        self.tx(provider, "setACLManager", acl.address)
        self.tx(acl, "addPoolAdmin", me)
        libs: dict[str, str] = {}
        for name in ("SupplyLogic", "BorrowLogic", "LiquidationLogic", "EModeLogic", "BridgeLogic", "PoolLogic",
                     "FlashLoanLogic", "ConfiguratorLogic"):
            libs[name] = self.wallet.deploy(load(f"aave_v3/{name}"), libraries=libs, gas=12_000_000).address
        pool_impl = self.deploy("aave_pool_impl", "aave_v3/PoolInstance", provider.address, libraries=libs, gas=14_000_000)
        self.tx(provider, "setPoolImpl", pool_impl.address, gas=3_000_000)
        pool_abi = load("aave_v3/PoolInstance").abi
        pool = self.add("aave_pool", Contract(provider.call(self.rpc, "getPool"), pool_abi, "aave_pool"))
        conf_impl = self.deploy("aave_pool_configurator_impl", "aave_v3/PoolConfiguratorInstance", libraries=libs, gas=12_000_000)
        self.tx(provider, "setPoolConfiguratorImpl", conf_impl.address, gas=3_000_000)
        conf = self.add("aave_pool_configurator",
                        Contract(provider.call(self.rpc, "getPoolConfigurator"), conf_impl.abi, "aave_pool_configurator"))
        # Oracle with one replaceable MockAggregator per asset (USD, 8 decimals).
        from .market import INITIAL_PRICES

        symbols = ["WETH", "USDC", "DAI", "WBTC"]
        assets = [self.contracts[s].address for s in symbols]
        feeds = [self.wallet.deploy(load("aave_v3/MockAggregator"), int(INITIAL_PRICES[s] * 10**8), gas=1_000_000) for s in symbols]
        oracle = self.deploy("aave_oracle", "aave_v3/AaveOracle", provider.address, assets, [f.address for f in feeds],
                             "0x" + "00" * 20, "0x" + "00" * 20, 10**8)
        self.tx(provider, "setPriceOracle", oracle.address)
        data_provider = self.deploy("aave_protocol_data_provider", "aave_v3/AaveProtocolDataProvider", provider.address)
        self.tx(provider, "setPoolDataProvider", data_provider.address)
        atoken = self.deploy("aave_atoken_impl", "aave_v3/ATokenInstance", pool.address, gas=8_000_000)
        vtoken = self.deploy("aave_variable_debt_token_impl", "aave_v3/VariableDebtTokenInstance", pool.address, gas=8_000_000)
        irs = self.deploy("aave_interest_rate_strategy", "aave_v3/DefaultReserveInterestRateStrategyV2", provider.address)
        rate_data = abi_encode(["(uint16,uint32,uint32,uint32)"], [AAVE_RATES])
        for symbol, asset in zip(symbols, assets):
            init = (atoken.address, vtoken.address, True, irs.address, asset, me, "0x" + "00" * 20,
                    f"Aave devnet {symbol}", f"a{symbol}", f"Aave devnet variable debt {symbol}", f"variableDebt{symbol}",
                    b"", rate_data)
            self.tx(conf, "initReserves", [init], gas=6_000_000)
            ltv, lt, bonus = AAVE_RISK[symbol]
            self.tx(conf, "configureReserveAsCollateral", asset, ltv, lt, bonus)
            self.tx(conf, "setReserveBorrowing", asset, True)
            self.tx(conf, "setReserveFlashLoaning", asset, True)
        self.tx(conf, "updateFlashloanPremiumTotal", FLASH_PREMIUM_BPS)
        assert pool.call(self.rpc, "FLASHLOAN_PREMIUM_TOTAL") == FLASH_PREMIUM_BPS
        reserves = {}
        for symbol, asset in zip(symbols, assets):
            data = data_provider.call(self.rpc, "getReserveTokensAddresses", asset)
            ltv, lt, bonus = AAVE_RISK[symbol]
            reserves[symbol] = {"asset": asset, "a_token": data[0], "variable_debt_token": data[2],
                                "ltv_bps": ltv, "liquidation_threshold_bps": lt, "liquidation_bonus_bps": bonus}
        self.record["aave_v3"] = {
            "version": "3.2",
            "pool": pool.address,
            "pool_configurator": conf.address,
            "addresses_provider": provider.address,
            "acl_manager": acl.address,
            "oracle": oracle.address,
            "data_provider": data_provider.address,
            "price_feeds": {s: f.address for s, f in zip(symbols, feeds)},
            "base_currency_unit": 10**8,
            "flash_loan_premium_bps": FLASH_PREMIUM_BPS,
            "pool_admin": me,
            "reserves": reserves,
        }

    def project_contracts(self) -> None:
        """Deploy `contracts/build/*.json` when the project has any (constructor-less ones only)."""
        deployed = {}
        # cometliq: contracts added after the first four deploy after them, so the existing addresses
        # (hard-coded in tests and docs) do not move.
        first = ["Arbitrage", "FlashLoans", "Liquidator", "Multicall"]
        for artifact in sorted(art.project_artifacts(), key=lambda a: (a.name not in first, a.name)):
            ctor = next((e for e in artifact.abi if e.get("type") == "constructor"), None)
            if ctor and ctor.get("inputs"):
                log(f"skipping project contract {artifact.name}: its constructor takes arguments")
                continue
            contract = self.wallet.deploy(artifact, gas=12_000_000)
            deployed[artifact.name] = contract.address
            self.contracts[f"project:{artifact.name}"] = contract
            log(f"deployed project contract {artifact.name} at {contract.address}")
        self.record["project_contracts"] = deployed
        self.register_strategies()

    def register_strategies(self) -> None:
        """Wire the executor (FlashLoans) to every strategy artifact (one with setExecutor):
        strategy.setExecutor(executor), executor.registerStrategy(keccak256(name), strategy).
        The owner of all of them is the deployer (dev account 0)."""
        executor = self.contracts.get("project:FlashLoans")
        if executor is None:
            return
        strategies = {}
        for key, contract in list(self.contracts.items()):
            if not key.startswith("project:") or not any(e.get("name") == "setExecutor" for e in contract.abi):
                continue
            name = key.split(":", 1)[1]
            strategy_id = keccak(name.encode())
            self.tx(contract, "setExecutor", executor.address, gas=200_000)
            self.tx(executor, "registerStrategy", strategy_id, contract.address, gas=200_000)
            assert executor.call(self.rpc, "strategies", strategy_id) == contract.address
            strategies[name] = {"id": "0x" + strategy_id.hex(), "address": contract.address}
        self.record["executor"] = {"address": executor.address, "owner": self.wallet.address, "strategies": strategies}


def defi_yaml(record: dict[str, Any]) -> str:
    """The ready `defi.yaml` for the devnet (shape read by the defi CLI)."""
    venues = record["venues"]
    aave = record["aave_v3"]
    lines = [
        "# Generated by devnet/deploy.py for the local devnet; regenerated on every deploy.",
        "defi:",
        "  chains:",
        f'    devnet: {{chain_id: {record["chain_id"]}, rpc_urls: ["{record["rpc_url"]}"]}}',
        "  tokens:",
    ]
    for symbol, token in record["tokens"].items():
        lines.append(f'    {symbol}: {{address: "{token["address"]}", decimals: {token["decimals"]}}}')
    lines.append("  venues:")
    for name in ("uniswap_v2_a", "uniswap_v2_b"):
        v = venues[name]
        lines.append(f'    {name}: {{kind: uniswap_v2, factory: "{v["factory"]}", router: "{v["router"]}", '
                     f'init_code_hash: "{v["init_code_hash"]}", fee_bps: {v["fee_bps"]}}}')
    v3 = venues["uniswap_v3"]
    lines.append(f'    uniswap_v3: {{kind: uniswap_v3, factory: "{v3["factory"]}", quoter: "{v3["quoter"]}", '
                 f'router: "{v3["router"]}", position_manager: "{v3["position_manager"]}"}}')
    lines += [
        "  protocols:",
        f'    aave_v3: {{pool: "{aave["pool"]}", addresses_provider: "{aave["addresses_provider"]}", '
        f'oracle: "{aave["oracle"]}", data_provider: "{aave["data_provider"]}", version: "3.2"}}',
        *maker_yaml(record),
    ]
    # --- cometliq: protocols.compound_v3 (the Comet stand-in) ---
    from .comet import yaml_lines as comet_yaml_lines

    lines += comet_yaml_lines(record)
    # --- end cometliq ---
    lines += [
        f'  multicall: "{record["multicall"]}"',
        "  strategies:",
        "    arbitrage: {min_profit_usd: 1, min_spread_bps: 10, max_position_usd: 100000}",
        "  execution:",
        "    flash_loan: {contract_address: %s, max_gas_price_gwei: 100}"
        % (f'"{record["executor"]["address"]}"' if record.get("executor") else "null"),
        "    capital: {max_allocation_pct: 50}",
        "  risk: {max_daily_loss_usd: 1000, max_position_count: 10, var_confidence: 0.95}",
    ]
    return "\n".join(lines) + "\n"


# --- makerliq: protocols.maker for the dss stand-ins ---
def maker_yaml(record: dict[str, Any]) -> list[str]:
    """`protocols.maker` (what MakerSweep reads) when the dss stand-ins are deployed."""
    m = record.get("maker")
    if not m:
        return []
    return [f'    maker: {{dog: "{m["dog"]}", vat: "{m["vat"]}", clipper_eth_a: "{m["clipper"]}", '
            f'gem_join_eth_a: "{m["gem_join"]}", dai_join: "{m["dai_join"]}", '
            f'deployment_block: {m["deployment_block"]}}}']


def build(client: RpcClient, seed_market: bool = True) -> dict[str, Any]:
    """Run every phase against `client`; returns the deployment record (without URL/snapshot)."""
    from . import maker_standins, market

    started = time.monotonic()
    art.ensure_artifacts()
    d = Deployer(client)
    phases = [("tokens + Multicall3", d.tokens_and_multicall),
              ("Uniswap V2 venue A", lambda: d.uniswap_v2("uniswap_v2_a")),
              ("Uniswap V2 venue B", lambda: d.uniswap_v2("uniswap_v2_b")),
              ("Uniswap V3", d.uniswap_v3),
              ("Aave V3.2", d.aave_v3),
              ("project contracts", d.project_contracts)]
    if seed_market:
        phases.append(("demo market", lambda: market.seed(d)))
    # --- cometliq: Compound III stand-in (devnet/comet.py), last so no earlier address moves ---
    from . import comet

    phases.append(("Comet stand-in", lambda: comet.deploy_comet(d, seed_borrowers=seed_market)))
    # --- end cometliq ---
    # --- makerliq: dss stand-ins last, so every earlier address stays what it was ---
    phases.append(("Maker (dss stand-ins)", lambda: maker_standins.deploy_phase(d)))
    for label, phase in phases:
        t = time.monotonic()
        phase()
        log(f"{label}: {time.monotonic() - t:.2f}s")
    record = d.record
    record["chain_id"] = CHAIN_ID
    record["block_number"] = int(client.request("eth_blockNumber"), 16)
    record["deployer"] = d.wallet.address
    record["accounts"] = [{"address": a, "private_key": k} for a, k in d.accounts]
    record["deploy_seconds"] = round(time.monotonic() - started, 2)
    return record


def finish(record: dict[str, Any], client: RpcClient, rpc_url: str, out_dir: Path, snapshot: bool = True) -> dict[str, Any]:
    """Stamp URL and snapshot id into the record and write deployment.json and defi.yaml."""
    record = dict(record, rpc_url=rpc_url)
    if snapshot:
        record["snapshot_id"] = client.request("evm_snapshot")
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "deployment.json").write_text(json.dumps(record, indent=2) + "\n")
    (out_dir / "defi.yaml").write_text(defi_yaml(record))
    return record


def deploy_all(rpc_url: str, out_dir: Path, snapshot: bool = True, seed_market: bool = True) -> dict[str, Any]:
    """Deploy everything to a running chain over HTTP, snapshot, and write the two files."""
    client = RpcClient(rpc_url)
    record = build(client, seed_market)
    log(f"deployed in {record['deploy_seconds']}s up to block {record['block_number']}")
    return finish(record, client, rpc_url, out_dir, snapshot)


def cache_key() -> str:
    """Hash of everything the deployed state depends on: devnet code, contracts, pins, wheel, project artifacts."""
    h = hashlib.sha256(art.WHEEL_SPEC.encode())
    code = [f for f in sorted(art.DEVNET_DIR.glob("*.py")) if f.name not in ("server.py", "instance.py")]
    files = code + art.find_vyper_sources() + [art.DEVNET_DIR / "requirements.txt"]
    files += sorted((art.REPO_ROOT / "contracts" / "build").glob("*.json"))
    files += sorted((art.DEVNET_DIR / "standins").rglob("*.vy"))  # the Comet and dss stand-in sources
    for file in files:
        h.update(file.name.encode() + b"\0" + file.read_bytes() + b"\0")
    return h.hexdigest()[:24]


def deploy_in_process(rpc: Any, rpc_url: str, out_dir: Path, use_cache: bool = True) -> dict[str, Any]:
    """Deploy into the server's own chain before it serves, reusing a cached state when possible.

    The cache (devnet/.cache/state/<key>.state + .json) holds the chain database right after
    seeding; loading it takes a fraction of a second instead of a full deploy. Any change to the
    devnet code, its contracts, the pins or contracts/build invalidates it (the key hashes them).
    """
    from .client import LocalClient

    client = LocalClient(rpc, rpc_url)
    key = cache_key()
    state_file = art.CACHE_DIR / "state" / f"{key}.state"
    record_file = state_file.with_suffix(".json")
    t = time.monotonic()
    if use_cache and state_file.exists() and record_file.exists():
        rpc.chain.load_state(state_file)
        record = json.loads(record_file.read_text())
        log(f"loaded the cached deployment {state_file.name} in {time.monotonic() - t:.2f}s")
    else:
        record = build(client)
        log(f"deployed in {record['deploy_seconds']}s up to block {record['block_number']}")
        if use_cache:
            state_file.parent.mkdir(parents=True, exist_ok=True)
            rpc.chain.save_state(state_file)
            tmp = record_file.with_name(record_file.name + ".tmp")
            tmp.write_text(json.dumps(record))
            tmp.replace(record_file)
            log(f"cached the deployed state as {state_file.relative_to(art.REPO_ROOT)}")
    return finish(record, client, rpc_url, out_dir)


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m devnet.deploy", description="deploy the devnet protocols and demo market")
    parser.add_argument("--rpc-url", required=True)
    parser.add_argument("--out", type=Path, default=art.DEVNET_DIR / "run", help="directory for deployment.json and defi.yaml")
    parser.add_argument("--no-market", action="store_true", help="deploy the protocols only")
    parser.add_argument("--no-snapshot", action="store_true")
    args = parser.parse_args(argv)
    deploy_all(args.rpc_url, args.out, snapshot=not args.no_snapshot, seed_market=not args.no_market)
    print(args.out / "deployment.json")
    return 0


if __name__ == "__main__":
    sys.exit(main())
