# pragma version 0.4.3
# stand-in: no dss/OSM bytecode is obtainable here; a settable price source with the DSValue interface the
# Spotter and Clipper read: peek() -> (bytes32 val, bool has), read() -> bytes32 (reverts when unset), poke(bytes32)
# by a ward. Differs from the mainnet OSM in: no one-hour delay (the devnet moves it with `devnet.market move-price`).

wards: public(HashMap[address, uint256])
val: bytes32
has: bool


@deploy
def __init__():
    self.wards[msg.sender] = 1


@external
def rely(usr: address):
    assert self.wards[msg.sender] == 1, "Pip/not-authorized"
    self.wards[usr] = 1


@external
def poke(wut: bytes32):
    assert self.wards[msg.sender] == 1, "Pip/not-authorized"
    self.val = wut
    self.has = True


@external
@view
def peek() -> (bytes32, bool):
    return self.val, self.has


@external
@view
def read() -> bytes32:
    assert self.has, "haz-not"
    return self.val
