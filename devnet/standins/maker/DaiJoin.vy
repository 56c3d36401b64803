# pragma version 0.4.3
# stand-in: no dss bytecode is obtainable here; reproduces makerdao/dss src/join.sol `DaiJoin` as a keeper sees it:
# join(usr, wad) takes `wad` DAI from msg.sender and credits vat.dai[usr] += wad * RAY; exit(usr, wad) debits
# vat.dai[msg.sender] by wad * RAY (vat.move, so msg.sender must have hope'd this join) and pays `wad` DAI to usr; the
# Join/Exit events. Differs in: the devnet's DAI is the Aave test token that carries the Uniswap liquidity and it
# cannot be minted/burned by a join, so this join ESCROWS instead of burn/mint: at deploy it is pre-funded with DAI
# and with the matching internal vat.dai (vat.suck from the vow), join transfers DAI in and moves its own vat.dai to
# usr, exit moves vat.dai back to itself and transfers DAI out. A join/exit larger than the escrow reverts (the real
# join would mint without limit).

interface VatLike:
    def move(src: address, dst: address, rad: uint256): nonpayable

interface DaiLike:
    def transferFrom(src: address, dst: address, wad: uint256) -> bool: nonpayable
    def transfer(dst: address, wad: uint256) -> bool: nonpayable

RAY: constant(uint256) = 10**27

event Join:
    usr: indexed(address)
    wad: uint256

event Exit:
    usr: indexed(address)
    wad: uint256

vat: public(address)
dai: public(address)


@deploy
def __init__(vat_: address, dai_: address):
    self.vat = vat_
    self.dai = dai_


@external
def join(usr: address, wad: uint256):
    assert extcall DaiLike(self.dai).transferFrom(msg.sender, self, wad), "DaiJoin/failed-transfer"
    extcall VatLike(self.vat).move(self, usr, wad * RAY)
    log Join(usr=usr, wad=wad)


@external
def exit(usr: address, wad: uint256):
    extcall VatLike(self.vat).move(msg.sender, self, wad * RAY)
    assert extcall DaiLike(self.dai).transfer(usr, wad), "DaiJoin/failed-transfer"
    log Exit(usr=usr, wad=wad)
