"""Web3 Secret Storage v3 oracle: keystores written by eth-keyfile (and by hand with hashlib scrypt for r/p
variations eth-keyfile does not expose), all with tiny work factors, plus raw scrypt / PBKDF2 outputs from
hashlib for the Swift KDFs. The Swift tests decrypt each keystore and recompute each derived key."""
import hashlib

from Crypto.Cipher import AES
from Crypto.Util import Counter
from eth_hash.auto import keccak
from eth_keyfile import create_keyfile_json, decode_keyfile_json
from eth_keys import keys

N = 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141
PASSWORDS = ["", "password123", "pässwörd ✓ 🦄", "x" * 200, "with\nnewline and \u0000 nul"]


def _key(rng):
    return rng.randrange(1, N).to_bytes(32, "big")


def _manual_scrypt(rng, key, password, n, r, p):
    salt, iv = rng.randbytes(rng.choice([16, 32])), rng.randbytes(16)
    dk = hashlib.scrypt(password.encode(), salt=salt, n=n, r=r, p=p, dklen=32, maxmem=1 << 30)
    ctr = Counter.new(128, initial_value=int.from_bytes(iv, "big"))
    ct = AES.new(dk[:16], AES.MODE_CTR, counter=ctr).encrypt(key)
    return {"version": 3, "id": "00000000-0000-4000-8000-000000000000",
            "crypto": {"cipher": "aes-128-ctr", "cipherparams": {"iv": iv.hex()}, "ciphertext": ct.hex(),
                       "kdf": "scrypt", "kdfparams": {"dklen": 32, "n": n, "r": r, "p": p, "salt": salt.hex()},
                       "mac": keccak(dk[16:32] + ct).hex()}}


def generate(rng):
    cases = []
    for i in range(12):
        key, password = _key(rng), PASSWORDS[i % len(PASSWORDS)]
        c = [1, 2, 7, 100, 1000][i % 5]
        ks = create_keyfile_json(key, password.encode(), kdf="pbkdf2", iterations=c)
        cases.append({"name": f"eth-keyfile pbkdf2 c={c}", "keystore": ks, "password": password})
    for i in range(12):
        key, password = _key(rng), PASSWORDS[i % len(PASSWORDS)]
        n = [2, 4, 16, 64, 256, 1024][i % 6]
        ks = create_keyfile_json(key, password.encode(), kdf="scrypt", iterations=n)
        cases.append({"name": f"eth-keyfile scrypt n={n}", "keystore": ks, "password": password})
    for n, r, p in [(2, 1, 1), (16, 1, 8), (1024, 1, 1), (64, 2, 3), (8, 16, 1), (256, 4, 2)]:
        key, password = _key(rng), PASSWORDS[rng.randrange(len(PASSWORDS))]
        cases.append({"name": f"hashlib scrypt n={n} r={r} p={p}",
                      "keystore": _manual_scrypt(rng, key, password, n, r, p), "password": password})
    for c in cases:
        key = decode_keyfile_json(c["keystore"], c["password"].encode())
        c["private_key"] = key.hex()
        c["address"] = keys.PrivateKey(key).public_key.to_canonical_address().hex()
    kdfs = []
    for _ in range(40):
        password, salt = rng.randbytes(rng.randrange(0, 80)), rng.randbytes(rng.randrange(0, 70))
        n, r, p = 1 << rng.randrange(1, 9), rng.randrange(1, 9), rng.randrange(1, 4)
        dklen = rng.choice([32, 33, 64, 100])
        kdfs.append({"kind": "scrypt", "password": password.hex(), "salt": salt.hex(), "n": n, "r": r, "p": p,
                     "dklen": dklen, "dk": hashlib.scrypt(password, salt=salt, n=n, r=r, p=p, dklen=dklen).hex()})
        c = rng.choice([1, 2, 3, 50, 1000])
        kdfs.append({"kind": "pbkdf2", "password": password.hex(), "salt": salt.hex(), "c": c, "dklen": dklen,
                     "dk": hashlib.pbkdf2_hmac("sha256", password, salt, c, dklen).hex()})
    return {"cases": cases, "kdfs": kdfs}
