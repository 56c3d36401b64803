# pragma version 0.4.3
# stand-in: no dss bytecode is obtainable here (no Solidity compiler can be installed); a port of
# makerdao/dss src/vat.sol. Reproduces its rules for: wards (rely/deny), hope/nope/can/wish, init, file of
# Line/spot/line/dust, slip, flux, move, frob (ceiling, not-safe, not-allowed-u/v/w, dust checks, same order),
# grab, suck, fold, and the getters ilks(bytes32) -> (Art, rate, spot, line, dust) and urns(bytes32,address) ->
# (ink, art) with the Solidity ABI shapes. Differs in: Vyper has no overloading, so the ilk-level
# `file(bytes32,bytes32,uint256)` is named `file_ilk`, and `init` (reserved in Vyper) is `init_ilk`; no cage/fork/heal/live switch (always live); revert
# strings of underflows are Vyper's (the Solidity _add/_sub revert without a message as well).

RAY: constant(uint256) = 10**27

struct Ilk:
    Art: uint256
    rate: uint256
    spot: uint256
    line: uint256
    dust: uint256

struct Urn:
    ink: uint256
    art: uint256

wards: public(HashMap[address, uint256])
can: public(HashMap[address, HashMap[address, uint256]])
_ilks: HashMap[bytes32, Ilk]
_urns: HashMap[bytes32, HashMap[address, Urn]]
gem: public(HashMap[bytes32, HashMap[address, uint256]])
dai: public(HashMap[address, uint256])
sin: public(HashMap[address, uint256])
debt: public(uint256)
vice: public(uint256)
Line: public(uint256)
live: public(uint256)


@deploy
def __init__():
    self.wards[msg.sender] = 1
    self.live = 1


@internal
@view
def _auth():
    assert self.wards[msg.sender] == 1, "Vat/not-authorized"


@internal
@pure
def _add(x: uint256, y: int256) -> uint256:
    if y >= 0:
        return x + convert(y, uint256)
    return x - convert(-y, uint256)


@internal
@pure
def _sub(x: uint256, y: int256) -> uint256:
    if y >= 0:
        return x - convert(y, uint256)
    return x + convert(-y, uint256)


@internal
@pure
def _mul(x: uint256, y: int256) -> int256:
    return convert(x, int256) * y


@internal
@view
def _wish(bit: address, usr: address) -> bool:
    return bit == usr or self.can[bit][usr] == 1


@external
def rely(usr: address):
    self._auth()
    self.wards[usr] = 1


@external
def deny(usr: address):
    self._auth()
    self.wards[usr] = 0


@external
def hope(usr: address):
    self.can[msg.sender][usr] = 1


@external
def nope(usr: address):
    self.can[msg.sender][usr] = 0


@external
@view
def ilks(i: bytes32) -> (uint256, uint256, uint256, uint256, uint256):
    k: Ilk = self._ilks[i]
    return k.Art, k.rate, k.spot, k.line, k.dust


@external
@view
def urns(i: bytes32, u: address) -> (uint256, uint256):
    r: Urn = self._urns[i][u]
    return r.ink, r.art


@external
def init_ilk(i: bytes32):
    self._auth()
    assert self._ilks[i].rate == 0, "Vat/ilk-already-init"
    self._ilks[i].rate = RAY


@external
def file(what: bytes32, data: uint256):
    self._auth()
    assert self.live == 1, "Vat/not-live"
    if what == convert(b"Line", bytes32):
        self.Line = data
    else:
        raise "Vat/file-unrecognized-param"


@external
def file_ilk(i: bytes32, what: bytes32, data: uint256):
    self._auth()
    assert self.live == 1, "Vat/not-live"
    if what == convert(b"spot", bytes32):
        self._ilks[i].spot = data
    elif what == convert(b"line", bytes32):
        self._ilks[i].line = data
    elif what == convert(b"dust", bytes32):
        self._ilks[i].dust = data
    else:
        raise "Vat/file-unrecognized-param"


@external
def slip(i: bytes32, usr: address, wad: int256):
    self._auth()
    self.gem[i][usr] = self._add(self.gem[i][usr], wad)


@external
def flux(i: bytes32, src: address, dst: address, wad: uint256):
    assert self._wish(src, msg.sender), "Vat/not-allowed"
    self.gem[i][src] -= wad
    self.gem[i][dst] += wad


@external
def move(src: address, dst: address, rad: uint256):
    assert self._wish(src, msg.sender), "Vat/not-allowed"
    self.dai[src] -= rad
    self.dai[dst] += rad


@external
def frob(i: bytes32, u: address, v: address, w: address, dink: int256, dart: int256):
    assert self.live == 1, "Vat/not-live"
    urn: Urn = self._urns[i][u]
    ilk: Ilk = self._ilks[i]
    assert ilk.rate != 0, "Vat/ilk-not-init"

    urn.ink = self._add(urn.ink, dink)
    urn.art = self._add(urn.art, dart)
    ilk.Art = self._add(ilk.Art, dart)

    dtab: int256 = self._mul(ilk.rate, dart)
    tab: uint256 = ilk.rate * urn.art
    self.debt = self._add(self.debt, dtab)

    assert dart <= 0 or (ilk.Art * ilk.rate <= ilk.line and self.debt <= self.Line), "Vat/ceiling-exceeded"
    assert (dart <= 0 and dink >= 0) or tab <= urn.ink * ilk.spot, "Vat/not-safe"
    assert (dart <= 0 and dink >= 0) or self._wish(u, msg.sender), "Vat/not-allowed-u"
    assert dink <= 0 or self._wish(v, msg.sender), "Vat/not-allowed-v"
    assert dart >= 0 or self._wish(w, msg.sender), "Vat/not-allowed-w"
    assert urn.art == 0 or tab >= ilk.dust, "Vat/dust"

    self.gem[i][v] = self._sub(self.gem[i][v], dink)
    self.dai[w] = self._add(self.dai[w], dtab)
    self._urns[i][u] = urn
    self._ilks[i] = ilk


@external
def grab(i: bytes32, u: address, v: address, w: address, dink: int256, dart: int256):
    self._auth()
    urn: Urn = self._urns[i][u]
    ilk: Ilk = self._ilks[i]
    urn.ink = self._add(urn.ink, dink)
    urn.art = self._add(urn.art, dart)
    ilk.Art = self._add(ilk.Art, dart)
    dtab: int256 = self._mul(ilk.rate, dart)
    self.gem[i][v] = self._sub(self.gem[i][v], dink)
    self.sin[w] = self._sub(self.sin[w], dtab)
    self.vice = self._sub(self.vice, dtab)
    self._urns[i][u] = urn
    self._ilks[i] = ilk


@external
def suck(u: address, v: address, rad: uint256):
    self._auth()
    self.sin[u] += rad
    self.dai[v] += rad
    self.vice += rad
    self.debt += rad


@external
def fold(i: bytes32, u: address, rate: int256):
    self._auth()
    assert self.live == 1, "Vat/not-live"
    ilk: Ilk = self._ilks[i]
    ilk.rate = self._add(ilk.rate, rate)
    rad: int256 = self._mul(ilk.Art, rate)
    self.dai[u] = self._add(self.dai[u], rad)
    self.debt = self._add(self.debt, rad)
    self._ilks[i] = ilk
