# pragma version 0.4.3
# stand-in: no dss bytecode is obtainable here; a port of makerdao/dss src/abaci.sol `LinearDecrease`.
# Reproduces: price(top, dur) = rmul(top, mul(tau - dur, RAY) / tau), zero once dur >= tau; file("tau"), wards.
# Differs in: nothing a keeper can observe (MakerReader probes `tau()` to recognise it).

RAY: constant(uint256) = 10**27

wards: public(HashMap[address, uint256])
tau: public(uint256)


@deploy
def __init__():
    self.wards[msg.sender] = 1


@external
def file(what: bytes32, data: uint256):
    assert self.wards[msg.sender] == 1, "LinearDecrease/not-authorized"
    if what == convert(b"tau", bytes32):
        self.tau = data
    else:
        raise "LinearDecrease/file-unrecognized-param"


@external
@view
def price(top: uint256, dur: uint256) -> uint256:
    if dur >= self.tau:
        return 0
    return top * ((self.tau - dur) * RAY // self.tau) // RAY
