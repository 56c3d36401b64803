#!/usr/bin/env python3
"""Writes test oracles: cases computed by independent reference libraries (eth-abi, eth-account, rlp, pycryptodome,
coincurve), one JSON file per gen_*.py module, into the folder given by --out.

Each module defines `generate(rng) -> dict` and is run with its own seeded random generator, so a run is
reproducible (--seed) and the Swift tests compare defi's results with these byte for byte.
"""
import argparse
import importlib
import json
import pathlib
import random
import subprocess
import sys
import time

# Modules whose reference library needs its own venv (pins that conflict with .venv's): generate.py re-runs
# itself with that venv's interpreter for them. scripts/bootstrap creates it.
OWN_VENV = {"degenbot": ".venv-degenbot"}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=20261126)
    ap.add_argument("--only", nargs="*", help="module names (without gen_) to run")
    args = ap.parse_args()
    here = pathlib.Path(__file__).resolve().parent
    sys.path.insert(0, str(here))
    out = pathlib.Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    root = here.parent.parent
    for path in sorted(here.glob("gen_*.py")):
        name = path.stem[4:]
        if args.only and name not in args.only:
            continue
        venv = root / OWN_VENV[name] if name in OWN_VENV else None
        if venv is not None and pathlib.Path(sys.prefix).resolve() != venv.resolve():
            python = venv / "bin" / "python"
            if not python.exists():
                print(f"[oracles] {name}: skipped, {venv.name} is missing (run scripts/bootstrap)", file=sys.stderr)
                continue
            subprocess.run([str(python), __file__, "--out", str(out), "--seed", str(args.seed), "--only", name],
                           check=True)
            continue
        start = time.time()
        module = importlib.import_module(path.stem)
        data = module.generate(random.Random(f"{args.seed}:{name}"))
        data.setdefault("generator", f"Tests/oracles/{path.name}")
        (out / f"{name}.json").write_text(json.dumps(data, indent=0, sort_keys=True))
        print(f"[oracles] {name}: {len(data.get('cases', []))} cases in {time.time() - start:.1f}s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
