# pragma version 0.4.3
# stand-in: no dss bytecode is obtainable here; a port of makerdao/dss src/clip.sol. Reproduces: kick (zero-tab,
# zero-lot, zero-usr, top = rmul(feedPrice, buf), keeper coin = tip + wmul(tab, chip) via vat.suck), take (status/
# needs-reset, too-expensive, slice = min(lot, amt), owe capped at tab, the chost no-partial-purchase rule with
# owe = tab - chost, vat.flux to `who`, the ClipperCallee callback when data is non-empty and who is neither vat nor
# dog, vat.move(msg.sender, vow, owe), dog.digs, leftover collateral to usr when tab is covered, _remove), redo
# (cannot-reset, new tic/top, incentive only when tab >= chost and lot * feedPrice >= chost), status (done when
# dur > tail or rdiv(price, top) < cusp), getStatus, list, count, sales(id) -> (pos, tab, lot, usr, tic, top),
# upchost (chost = wmul(dust, dog.chop(ilk))), getFeedPrice = rdiv(val * BLN, spotter.par()), and the Kick/Take/
# Redo events with the real signatures. Differs in: the `stopped` levels and yank are not implemented (always 0);
# file overloads are named `file` (uint) and `file_addr` (address); `active` is bounded at 1024 auctions;
# `take`'s callback data is bounded at 4096 bytes; the `lock` modifier is Vyper's @nonreentrant ("Clipper/system-
# locked" becomes Vyper's reentrancy revert); take's `max` argument is named `max_` (a Vyper builtin; same selector).

interface VatLike:
    def ilks(i: bytes32) -> (uint256, uint256, uint256, uint256, uint256): view
    def suck(u: address, v: address, rad: uint256): nonpayable
    def flux(i: bytes32, src: address, dst: address, wad: uint256): nonpayable
    def move(src: address, dst: address, rad: uint256): nonpayable

interface DogLike:
    def chop(i: bytes32) -> uint256: view
    def digs(i: bytes32, rad: uint256): nonpayable

interface SpotterLike:
    def ilks(i: bytes32) -> (address, uint256): view
    def par() -> uint256: view

interface PipLike:
    def peek() -> (bytes32, bool): view

interface AbacusLike:
    def price(top: uint256, dur: uint256) -> uint256: view

interface ClipperCallee:
    def clipperCall(sender: address, owe: uint256, slc: uint256, data: Bytes[4096]): nonpayable

RAY: constant(uint256) = 10**27
WAD: constant(uint256) = 10**18
BLN: constant(uint256) = 10**9

struct Sale:
    pos: uint256
    tab: uint256
    lot: uint256
    usr: address
    tic: uint96
    top: uint256

event Kick:
    id: indexed(uint256)
    top: uint256
    tab: uint256
    lot: uint256
    usr: indexed(address)
    kpr: indexed(address)
    coin: uint256

event Take:
    id: indexed(uint256)
    max: uint256
    price: uint256
    owe: uint256
    tab: uint256
    lot: uint256
    usr: indexed(address)

event Redo:
    id: indexed(uint256)
    top: uint256
    tab: uint256
    lot: uint256
    usr: indexed(address)
    kpr: indexed(address)
    coin: uint256

wards: public(HashMap[address, uint256])
ilk: public(bytes32)
vat: public(address)
dog: public(address)
vow: public(address)
spotter: public(address)
calc: public(address)
buf: public(uint256)
tail: public(uint256)
cusp: public(uint256)
chip: public(uint256)
tip: public(uint256)
chost: public(uint256)
kicks: public(uint256)
active: DynArray[uint256, 1024]
_sales: HashMap[uint256, Sale]


@deploy
def __init__(vat_: address, spotter_: address, dog_: address, ilk_: bytes32):
    self.wards[msg.sender] = 1
    self.vat = vat_
    self.spotter = spotter_
    self.dog = dog_
    self.ilk = ilk_
    self.buf = RAY


@internal
@view
def _auth():
    assert self.wards[msg.sender] == 1, "Clipper/not-authorized"


@external
def rely(usr: address):
    self._auth()
    self.wards[usr] = 1


@external
def file(what: bytes32, data: uint256):
    self._auth()
    if what == convert(b"buf", bytes32):
        self.buf = data
    elif what == convert(b"tail", bytes32):
        self.tail = data
    elif what == convert(b"cusp", bytes32):
        self.cusp = data
    elif what == convert(b"chip", bytes32):
        assert data < 2**64
        self.chip = data
    elif what == convert(b"tip", bytes32):
        assert data < 2**192
        self.tip = data
    else:
        raise "Clipper/file-unrecognized-param"


@external
def file_addr(what: bytes32, data: address):
    self._auth()
    if what == convert(b"spotter", bytes32):
        self.spotter = data
    elif what == convert(b"dog", bytes32):
        self.dog = data
    elif what == convert(b"vow", bytes32):
        self.vow = data
    elif what == convert(b"calc", bytes32):
        self.calc = data
    else:
        raise "Clipper/file-unrecognized-param"


@internal
@view
def _feed_price() -> uint256:
    pip: address = empty(address)
    mat: uint256 = 0
    pip, mat = staticcall SpotterLike(self.spotter).ilks(self.ilk)
    val: bytes32 = empty(bytes32)
    has: bool = False
    val, has = staticcall PipLike(pip).peek()
    assert has, "Clipper/invalid-price"
    return convert(val, uint256) * BLN * RAY // staticcall SpotterLike(self.spotter).par()


@internal
@view
def _status(tic: uint96, top: uint256) -> (bool, uint256):
    dur: uint256 = block.timestamp - convert(tic, uint256)
    price: uint256 = staticcall AbacusLike(self.calc).price(top, dur)
    done: bool = dur > self.tail or price * RAY // top < self.cusp
    return done, price


@external
@nonreentrant
def kick(tab: uint256, lot: uint256, usr: address, kpr: address) -> uint256:
    self._auth()
    assert tab > 0, "Clipper/zero-tab"
    assert lot > 0, "Clipper/zero-lot"
    assert usr != empty(address), "Clipper/zero-usr"
    self.kicks += 1
    id: uint256 = self.kicks
    self.active.append(id)
    top: uint256 = self._feed_price() * self.buf // RAY
    assert top > 0, "Clipper/zero-top-price"
    self._sales[id] = Sale(pos=len(self.active) - 1, tab=tab, lot=lot, usr=usr, tic=convert(block.timestamp, uint96), top=top)
    coin: uint256 = 0
    if self.tip > 0 or self.chip > 0:
        coin = self.tip + tab * self.chip // WAD
        extcall VatLike(self.vat).suck(self.vow, kpr, coin)
    log Kick(id=id, top=top, tab=tab, lot=lot, usr=usr, kpr=kpr, coin=coin)
    return id


@external
@nonreentrant
def redo(id: uint256, kpr: address):
    s: Sale = self._sales[id]
    assert s.usr != empty(address), "Clipper/not-running-auction"
    done: bool = False
    p: uint256 = 0
    done, p = self._status(s.tic, s.top)
    assert done, "Clipper/cannot-reset"
    self._sales[id].tic = convert(block.timestamp, uint96)
    feed: uint256 = self._feed_price()
    top: uint256 = feed * self.buf // RAY
    assert top > 0, "Clipper/zero-top-price"
    self._sales[id].top = top
    coin: uint256 = 0
    if self.tip > 0 or self.chip > 0:
        c: uint256 = self.chost
        if s.tab >= c and s.lot * feed >= c:
            coin = self.tip + s.tab * self.chip // WAD
            extcall VatLike(self.vat).suck(self.vow, kpr, coin)
    log Redo(id=id, top=top, tab=s.tab, lot=s.lot, usr=s.usr, kpr=kpr, coin=coin)


@internal
def _remove(id: uint256):
    last: uint256 = self.active[len(self.active) - 1]
    if id != last:
        index: uint256 = self._sales[id].pos
        self.active[index] = last
        self._sales[last].pos = index
    self.active.pop()
    self._sales[id] = empty(Sale)


@external
@nonreentrant
def take(id: uint256, amt: uint256, max_: uint256, who: address, data: Bytes[4096]):
    usr: address = self._sales[id].usr
    tic: uint96 = self._sales[id].tic
    assert usr != empty(address), "Clipper/not-running-auction"
    done: bool = False
    price: uint256 = 0
    done, price = self._status(tic, self._sales[id].top)
    assert not done, "Clipper/needs-reset"
    assert max_ >= price, "Clipper/too-expensive"

    lot: uint256 = self._sales[id].lot
    tab: uint256 = self._sales[id].tab
    slc: uint256 = min(lot, amt)
    owe: uint256 = slc * price
    if owe > tab:
        owe = tab
        slc = owe // price
    elif owe < tab and slc < lot:
        c: uint256 = self.chost
        if tab - owe < c:
            assert tab > c, "Clipper/no-partial-purchase"
            owe = tab - c
            slc = owe // price
    tab = tab - owe
    lot = lot - slc

    extcall VatLike(self.vat).flux(self.ilk, self, who, slc)
    if len(data) > 0 and who != self.vat and who != self.dog:
        extcall ClipperCallee(who).clipperCall(msg.sender, owe, slc, data)
    extcall VatLike(self.vat).move(msg.sender, self.vow, owe)
    if lot == 0:
        extcall DogLike(self.dog).digs(self.ilk, tab + owe)
    else:
        extcall DogLike(self.dog).digs(self.ilk, owe)

    if lot == 0:
        self._remove(id)
    elif tab == 0:
        extcall VatLike(self.vat).flux(self.ilk, self, usr, lot)
        self._remove(id)
    else:
        self._sales[id].tab = tab
        self._sales[id].lot = lot
    log Take(id=id, max=max_, price=price, owe=owe, tab=tab, lot=lot, usr=usr)


@external
@view
def sales(id: uint256) -> (uint256, uint256, uint256, address, uint96, uint256):
    s: Sale = self._sales[id]
    return s.pos, s.tab, s.lot, s.usr, s.tic, s.top


@external
@view
def count() -> uint256:
    return len(self.active)


@external
@view
def list() -> DynArray[uint256, 1024]:
    return self.active


@external
@view
def getStatus(id: uint256) -> (bool, uint256, uint256, uint256):
    s: Sale = self._sales[id]
    done: bool = False
    price: uint256 = 0
    done, price = self._status(s.tic, s.top)
    return s.usr != empty(address) and done, price, s.lot, s.tab


@external
def upchost():
    a: uint256 = 0
    r: uint256 = 0
    sp: uint256 = 0
    l: uint256 = 0
    dust: uint256 = 0
    a, r, sp, l, dust = staticcall VatLike(self.vat).ilks(self.ilk)
    self.chost = dust * staticcall DogLike(self.dog).chop(self.ilk) // WAD
