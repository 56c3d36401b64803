# pragma version 0.4.3
# stand-in: no dss bytecode is obtainable here; a port of makerdao/dss src/dog.sol. Reproduces: ilks(bytes32) ->
# (clip, chop, hole, dirt), chop(ilk), Hole/Dirt, bark with its exact rules (not-unsafe, liquidation-limit-hit,
# room = min(Hole - Dirt, hole - dirt), dart = min(art, room * WAD / rate / chop), the dust/partial-liquidation
# branch, dink = ink * dart / art, null-auction, vat.grab to the clipper, tab = due * chop / WAD, Dirt/dirt
# bookkeeping, clip.kick with the keeper, the Bark event with the real signature) and digs (auth). Differs in:
# there is no Vow contract, so `vow.fess(due)` is omitted (the `vow` address only accumulates sin/dai in the Vat;
# keepers never read it); file overloads are named `file_hole_total`/`file_ilk`/`file_clip`; no cage (always live).

interface VatLike:
    def urns(i: bytes32, u: address) -> (uint256, uint256): view
    def ilks(i: bytes32) -> (uint256, uint256, uint256, uint256, uint256): view
    def grab(i: bytes32, u: address, v: address, w: address, dink: int256, dart: int256): nonpayable

interface ClipperLike:
    def kick(tab: uint256, lot: uint256, usr: address, kpr: address) -> uint256: nonpayable

WAD: constant(uint256) = 10**18

struct Ilk:
    clip: address
    chop: uint256
    hole: uint256
    dirt: uint256

event Bark:
    ilk: indexed(bytes32)
    urn: indexed(address)
    ink: uint256
    art: uint256
    due: uint256
    clip: address
    id: indexed(uint256)

event Digs:
    ilk: indexed(bytes32)
    rad: uint256

wards: public(HashMap[address, uint256])
vat: public(address)
vow: public(address)
live: public(uint256)
Hole: public(uint256)
Dirt: public(uint256)
_ilks: HashMap[bytes32, Ilk]


@deploy
def __init__(vat_: address, vow_: address):
    self.wards[msg.sender] = 1
    self.vat = vat_
    self.vow = vow_
    self.live = 1


@internal
@view
def _auth():
    assert self.wards[msg.sender] == 1, "Dog/not-authorized"


@external
def rely(usr: address):
    self._auth()
    self.wards[usr] = 1


@external
@view
def ilks(i: bytes32) -> (address, uint256, uint256, uint256):
    k: Ilk = self._ilks[i]
    return k.clip, k.chop, k.hole, k.dirt


@external
@view
def chop(i: bytes32) -> uint256:
    return self._ilks[i].chop


@external
def file_hole_total(data: uint256):
    self._auth()
    self.Hole = data


@external
def file_ilk(i: bytes32, what: bytes32, data: uint256):
    self._auth()
    if what == convert(b"chop", bytes32):
        assert data >= WAD, "Dog/file-chop-lt-WAD"
        self._ilks[i].chop = data
    elif what == convert(b"hole", bytes32):
        self._ilks[i].hole = data
    else:
        raise "Dog/file-unrecognized-param"


@external
def file_clip(i: bytes32, clip: address):
    self._auth()
    self._ilks[i].clip = clip


@external
def bark(ilk: bytes32, urn: address, kpr: address) -> uint256:
    assert self.live == 1, "Dog/not-live"
    ink: uint256 = 0
    art: uint256 = 0
    ink, art = staticcall VatLike(self.vat).urns(ilk, urn)
    milk: Ilk = self._ilks[ilk]
    a: uint256 = 0
    rate: uint256 = 0
    spot: uint256 = 0
    l: uint256 = 0
    dust: uint256 = 0
    a, rate, spot, l, dust = staticcall VatLike(self.vat).ilks(ilk)
    assert spot > 0 and ink * spot < art * rate, "Dog/not-unsafe"
    assert self.Hole > self.Dirt and milk.hole > milk.dirt, "Dog/liquidation-limit-hit"
    room: uint256 = min(self.Hole - self.Dirt, milk.hole - milk.dirt)
    dart: uint256 = min(art, room * WAD // rate // milk.chop)
    if art > dart:
        if (art - dart) * rate < dust:
            dart = art
        else:
            assert dart * rate >= dust, "Dog/dusty-auction-from-partial-liquidation"
    dink: uint256 = ink * dart // art
    assert dink > 0, "Dog/null-auction"
    assert dart <= 2**255 and dink <= 2**255, "Dog/overflow"
    extcall VatLike(self.vat).grab(ilk, urn, milk.clip, self.vow, -convert(dink, int256), -convert(dart, int256))
    due: uint256 = dart * rate
    tab: uint256 = due * milk.chop // WAD
    self.Dirt += tab
    self._ilks[ilk].dirt = milk.dirt + tab
    id: uint256 = extcall ClipperLike(milk.clip).kick(tab, dink, urn, kpr)
    log Bark(ilk=ilk, urn=urn, ink=dink, art=dart, due=due, clip=milk.clip, id=id)
    return id


@external
def digs(ilk: bytes32, rad: uint256):
    self._auth()
    self.Dirt -= rad
    self._ilks[ilk].dirt -= rad
    log Digs(ilk=ilk, rad=rad)
