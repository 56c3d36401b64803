# pragma version 0.4.3
"""
@title Chainlink-style price feed over the devnet's Aave oracle (stand-in for a Chainlink aggregator)
@notice stand-in: the devnet has no Chainlink; this feed answers `latestRoundData()` with the Aave
        oracle's current USD price (8 decimals) for one asset, so `devnet.market move-price`, which swaps
        the Aave oracle's source, moves the Comet stand-in's prices too. Round ids are fixed at 1 and the
        timestamps are the current block's (Comet reads only the answer).
"""

interface IAaveOracle:
    def getAssetPrice(asset: address) -> uint256: view

oracle: public(immutable(address))
asset: public(immutable(address))


@deploy
def __init__(aave_oracle: address, asset_: address):
    oracle = aave_oracle
    asset = asset_


@external
@view
def decimals() -> uint8:
    return 8


@external
@view
def latestRoundData() -> (uint80, int256, uint256, uint256, uint80):
    price: uint256 = staticcall IAaveOracle(oracle).getAssetPrice(asset)
    return 1, convert(price, int256), block.timestamp, block.timestamp, 1
