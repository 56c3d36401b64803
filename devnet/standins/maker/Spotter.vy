# pragma version 0.4.3
# stand-in: no dss bytecode is obtainable here; a port of makerdao/dss src/spot.sol. Reproduces: ilks(bytes32) ->
# (pip, mat), par (ray, starts at RAY), poke(ilk): spot = has ? rdiv(rdiv(mul(val, 10**9), par), mat) : 0, then
# vat.file(ilk, "spot", spot) and the Poke event. Differs in: file overloads are named `file_pip`/`file_mat`/
# `file_par` (Vyper has no overloading); no cage.

interface VatLike:
    def file_ilk(i: bytes32, what: bytes32, data: uint256): nonpayable

interface PipLike:
    def peek() -> (bytes32, bool): view

RAY: constant(uint256) = 10**27

struct Ilk:
    pip: address
    mat: uint256

event Poke:
    ilk: bytes32
    val: bytes32
    spot: uint256

wards: public(HashMap[address, uint256])
_ilks: HashMap[bytes32, Ilk]
vat: public(address)
par: public(uint256)


@deploy
def __init__(vat_: address):
    self.wards[msg.sender] = 1
    self.vat = vat_
    self.par = RAY


@external
@view
def ilks(i: bytes32) -> (address, uint256):
    return self._ilks[i].pip, self._ilks[i].mat


@external
def file_pip(i: bytes32, pip_: address):
    assert self.wards[msg.sender] == 1, "Spotter/not-authorized"
    self._ilks[i].pip = pip_


@external
def file_mat(i: bytes32, mat: uint256):
    assert self.wards[msg.sender] == 1, "Spotter/not-authorized"
    self._ilks[i].mat = mat


@external
def file_par(data: uint256):
    assert self.wards[msg.sender] == 1, "Spotter/not-authorized"
    self.par = data


@external
def poke(i: bytes32):
    val: bytes32 = empty(bytes32)
    has: bool = False
    val, has = staticcall PipLike(self._ilks[i].pip).peek()
    spot: uint256 = 0
    if has:
        spot = (convert(val, uint256) * 10**9 * RAY // self.par) * RAY // self._ilks[i].mat
    extcall VatLike(self.vat).file_ilk(i, convert(b"spot", bytes32), spot)
    log Poke(ilk=i, val=val, spot=spot)
