"""Address reference results: EIP-55 checksums (eth-utils to_checksum_address), CREATE addresses
(keccak(pyrlp.encode([sender, nonce]))[12:]) and CREATE2 addresses (EIP-1014 formula over eth-hash keccak)."""
from eth_hash.auto import keccak
from eth_utils import to_checksum_address
import rlp


def _addr(rng):
    kind = rng.randrange(4)
    if kind == 0:
        return bytes(20)
    if kind == 1:
        return bytes([0xFF] * 20)
    return bytes(rng.randrange(256) for _ in range(20))


def _nonce(rng):
    kind = rng.randrange(5)
    if kind == 0:
        return rng.randrange(256)
    if kind == 1:
        return rng.choice([0, 1, 0x7F, 0x80, 0xFF, 0x100, 0xFFFF, 0x10000, (1 << 64) - 1, (1 << 63)])
    return rng.randrange(1 << rng.randrange(1, 65))


def generate(rng):
    checksums, creates, creates2 = [], [], []
    for _ in range(500):
        a = _addr(rng)
        checksums.append({"lower": "0x" + a.hex(), "checksummed": to_checksum_address(a)})
    for _ in range(500):
        sender, nonce = _addr(rng), _nonce(rng)
        creates.append({"sender": "0x" + sender.hex(), "nonce": str(nonce),
                        "address": to_checksum_address(keccak(rlp.encode([sender, nonce]))[12:])})
    for _ in range(300):
        deployer = _addr(rng)
        salt = bytes(rng.randrange(256) for _ in range(32))
        code = bytes(rng.randrange(256) for _ in range(rng.randrange(0, 300)))
        addr = keccak(b"\xff" + deployer + salt + keccak(code))[12:]
        creates2.append({"deployer": "0x" + deployer.hex(), "salt": "0x" + salt.hex(), "init_code": "0x" + code.hex(),
                         "address": to_checksum_address(addr)})
    return {"cases": checksums, "create": creates, "create2": creates2}
