# pragma version 0.4.3
# stand-in: no dss bytecode is obtainable here; a port of makerdao/dss src/join.sol `GemJoin` for an 18-decimal
# token (the devnet's WETH). Reproduces: join(usr, wad): vat.slip(ilk, usr, +wad) then transferFrom(msg.sender);
# exit(usr, wad): vat.slip(ilk, msg.sender, -wad) then transfer(usr); the Join/Exit events. Differs in: no cage.

interface VatLike:
    def slip(i: bytes32, usr: address, wad: int256): nonpayable

interface GemLike:
    def transferFrom(src: address, dst: address, wad: uint256) -> bool: nonpayable
    def transfer(dst: address, wad: uint256) -> bool: nonpayable

event Join:
    usr: indexed(address)
    wad: uint256

event Exit:
    usr: indexed(address)
    wad: uint256

vat: public(address)
ilk: public(bytes32)
gem: public(address)
dec: public(uint256)


@deploy
def __init__(vat_: address, ilk_: bytes32, gem_: address):
    self.vat = vat_
    self.ilk = ilk_
    self.gem = gem_
    self.dec = 18


@external
def join(usr: address, wad: uint256):
    assert wad <= 2**255, "GemJoin/overflow"
    extcall VatLike(self.vat).slip(self.ilk, usr, convert(wad, int256))
    assert extcall GemLike(self.gem).transferFrom(msg.sender, self, wad), "GemJoin/failed-transfer"
    log Join(usr=usr, wad=wad)


@external
def exit(usr: address, wad: uint256):
    assert wad <= 2**255, "GemJoin/overflow"
    extcall VatLike(self.vat).slip(self.ilk, msg.sender, -convert(wad, int256))
    assert extcall GemLike(self.gem).transfer(usr, wad), "GemJoin/failed-transfer"
    log Exit(usr=usr, wad=wad)
