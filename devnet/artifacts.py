"""Compiled contract artifacts: fetch, unpack, load, link and compile.

Third-party bytecode (Uniswap V2/V3, Aave V3.2, WETH9, test tokens) comes from the
`web3-ethereum-defi==1.2` wheel, fetched with `pip download --no-deps` into `devnet/.cache/`
(never installed, never committed); only the needed artifacts are unzipped. The project's own
Vyper contracts in `devnet/contracts/` are compiled with the pinned vyper at deploy time, and
`contracts/build/*.json` ({abi, bytecode}) at the repo root are picked up when present.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

WHEEL_SPEC = "web3-ethereum-defi==1.2"
WHEEL_NAME = "web3_ethereum_defi-1.2-py3-none-any.whl"
DEVNET_DIR = Path(__file__).resolve().parent
REPO_ROOT = DEVNET_DIR.parent
CACHE_DIR = DEVNET_DIR / ".cache"
ABI_DIR = CACHE_DIR / "artifacts" / "eth_defi" / "abi"
SUSHI_FACTORY_INITCODE = CACHE_DIR / "artifacts" / "sushi_v2_factory_initcode.hex"
STAMP = CACHE_DIR / "artifacts" / ".complete"
#: Folders (and single files) of the wheel that the deployer reads.
WANTED = ("eth_defi/abi/sushi/", "eth_defi/abi/uniswap_v3/", "eth_defi/abi/aave_v3/")
WANTED_FILES = ("eth_defi/uniswap_v2/deployment.py",)


def log(message: str) -> None:
    """Progress goes to stderr (stdout of up.sh carries only the URL and deployment path)."""
    print(f"devnet: {message}", file=sys.stderr, flush=True)


def ensure_artifacts(cache_dir: Path = CACHE_DIR) -> Path:
    """Download the wheel (unless cached) and unzip the needed artifacts once; returns the abi dir."""
    if STAMP.exists():
        return ABI_DIR
    wheel_dir = cache_dir / "wheels"
    wheel = wheel_dir / WHEEL_NAME
    if not wheel.exists():
        log(f"downloading {WHEEL_SPEC} (artifacts only, --no-deps)")
        wheel_dir.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--disable-pip-version-check",
             WHEEL_SPEC, "-d", str(wheel_dir)],
            check=True,
        )
    out = cache_dir / "artifacts"
    out.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(wheel) as zf:
        for name in zf.namelist():
            if name.endswith(".json") and name.startswith(WANTED) or name in WANTED_FILES:
                zf.extract(name, out)
    source = (out / WANTED_FILES[0]).read_text()
    match = re.search(r'_SUSHI_FACTORY_DEPLOYMENT_DATA\s*=\s*"""\s*(0x[0-9a-fA-F]+)\s*"""', source)
    if not match:
        raise RuntimeError("cannot find _SUSHI_FACTORY_DEPLOYMENT_DATA in the wheel's uniswap_v2/deployment.py")
    SUSHI_FACTORY_INITCODE.write_text(match.group(1))
    STAMP.write_text(WHEEL_SPEC + "\n")
    return ABI_DIR


@dataclass
class Artifact:
    """ABI, creation bytecode (hex, may hold link placeholders) and library link references."""

    name: str
    abi: list[dict[str, Any]]
    bytecode: str
    link_references: dict[str, dict[str, list[dict[str, int]]]] = field(default_factory=dict)

    def linked(self, libraries: dict[str, str]) -> bytes:
        """Creation code with each library (by name) written at its link offsets."""
        code = self.bytecode[2:] if self.bytecode.startswith("0x") else self.bytecode
        chars = list(code)
        for _source, libs in self.link_references.items():
            for lib, refs in libs.items():
                if lib not in libraries:
                    raise KeyError(f"{self.name} needs library {lib}, which is not deployed yet")
                addr = libraries[lib].lower().removeprefix("0x")
                for ref in refs:
                    start = ref["start"] * 2
                    chars[start : start + ref["length"] * 2] = list(addr)
        linked = "".join(chars)
        if "__" in linked:
            raise ValueError(f"{self.name}: unlinked library placeholder left in bytecode")
        return bytes.fromhex(linked)


def load(path: str, abi_dir: Path = ABI_DIR) -> Artifact:
    """Load `path` (e.g. "aave_v3/PoolInstance") in hardhat or foundry format."""
    file = abi_dir / f"{path}.json"
    raw = json.loads(file.read_text())
    bytecode = raw.get("bytecode")
    if isinstance(bytecode, dict):  # foundry: {"object": "0x..", "linkReferences": {...}}
        return Artifact(path, raw["abi"], bytecode.get("object", ""), bytecode.get("linkReferences") or {})
    return Artifact(path, raw["abi"], bytecode or "", raw.get("linkReferences") or {})


def sushi_factory_initcode() -> bytes:
    """Replayed mainnet creation data of the Sushi (Uniswap V2) factory, constructor args baked in."""
    return bytes.fromhex(SUSHI_FACTORY_INITCODE.read_text().strip()[2:])


def compile_vyper(source: Path) -> Artifact:
    """Compile a Vyper source with the pinned compiler (same venv); cached by source hash in .cache/vyper."""
    import hashlib

    text = source.read_bytes()
    digest = hashlib.sha256(text + b"vyper==0.4.3").hexdigest()[:32]
    cached = CACHE_DIR / "vyper" / f"{source.stem}-{digest}.json"
    if cached.exists():
        raw = json.loads(cached.read_text())
        return Artifact(source.stem, raw["abi"], raw["bytecode"])
    result = subprocess.run(
        [sys.executable, "-m", "vyper", "-f", "abi,bytecode", str(source)],
        check=True,
        capture_output=True,
        text=True,
    )
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    artifact = Artifact(source.stem, json.loads(lines[0]), lines[1].strip())
    cached.parent.mkdir(parents=True, exist_ok=True)
    cached.write_text(json.dumps({"abi": artifact.abi, "bytecode": artifact.bytecode}))
    return artifact


def project_artifacts(root: Path = REPO_ROOT) -> list[Artifact]:
    """The project's own compiled contracts (`contracts/build/*.json` with abi + bytecode), if any."""
    build = root / "contracts" / "build"
    found: list[Artifact] = []
    if not build.is_dir():
        return found
    for file in sorted(build.glob("*.json")):
        try:
            raw = json.loads(file.read_text())
        except ValueError:
            log(f"skipping {file.name}: not JSON")
            continue
        bytecode = raw.get("bytecode")
        if isinstance(bytecode, dict):
            bytecode = bytecode.get("object")
        if not isinstance(raw, dict) or not raw.get("abi") or not bytecode or bytecode in ("0x", ""):
            log(f"skipping {file.name}: no abi or bytecode")
            continue
        found.append(Artifact(file.stem, raw["abi"], bytecode))
    return found


def find_vyper_sources(directory: Optional[Path] = None) -> list[Path]:
    return sorted((directory or DEVNET_DIR / "contracts").glob("*.vy"))


if __name__ == "__main__":
    print(ensure_artifacts())
