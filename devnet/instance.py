"""Start a private devnet (own process, free port) for tests and scripts.

    from devnet.instance import DevnetInstance
    with DevnetInstance() as dn:          # server + full deploy + demo market + snapshot
        print(dn.url, dn.deployment["tokens"]["WETH"]["address"])

`python -m devnet.instance wait URL` polls eth_chainId until the server answers (used by up.sh).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any, Optional

from .artifacts import REPO_ROOT


def wait_for_rpc(url: str, timeout: float = 60.0) -> None:
    """Poll eth_chainId until it answers; raises TimeoutError after `timeout` seconds."""
    body = json.dumps({"jsonrpc": "2.0", "id": 1, "method": "eth_chainId", "params": []}).encode()
    deadline = time.monotonic() + timeout
    while True:
        try:
            req = urllib.request.Request(url, body, {"Content-Type": "application/json"})
            with urllib.request.urlopen(req, timeout=5) as resp:
                if "result" in json.loads(resp.read()):
                    return
        except OSError:
            pass
        if time.monotonic() > deadline:
            raise TimeoutError(f"devnet at {url} did not answer eth_chainId within {timeout:.0f}s")
        time.sleep(0.05)


class DevnetInstance:
    """A devnet server subprocess on a free port, optionally deployed and seeded."""

    def __init__(self, deploy: bool = True, out_dir: Optional[Path] = None, startup_timeout: float = 120.0) -> None:
        self.deploy = deploy
        self.startup_timeout = startup_timeout
        self._tmp: Optional[tempfile.TemporaryDirectory[str]] = None
        self.out_dir = out_dir
        self.proc: Optional[subprocess.Popen[str]] = None
        self.url = ""
        self.deployment: dict[str, Any] = {}
        self.deployment_path: Optional[Path] = None
        self.timings: dict[str, float] = {}

    def start(self) -> "DevnetInstance":
        t0 = time.monotonic()
        env = dict(os.environ, PYTHONPATH=str(REPO_ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "devnet.server", "--port", "0"],
            cwd=REPO_ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
        )
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline().strip()
        if not line.startswith("http://"):
            self.stop()
            raise RuntimeError("devnet server did not start (no URL on stdout)")
        self.url = line
        wait_for_rpc(self.url, self.startup_timeout)
        self.timings["server"] = time.monotonic() - t0
        if self.deploy:
            from .deploy import deploy_all

            if self.out_dir is None:
                self._tmp = tempfile.TemporaryDirectory(prefix="devnet-")
                self.out_dir = Path(self._tmp.name)
            t1 = time.monotonic()
            self.deployment = deploy_all(self.url, self.out_dir)
            self.deployment_path = self.out_dir / "deployment.json"
            self.timings["deploy"] = time.monotonic() - t1
        return self

    def stop(self) -> None:
        if self.proc is not None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
            if self.proc.stdout:
                self.proc.stdout.close()
            self.proc = None
        if self._tmp is not None:
            self._tmp.cleanup()
            self._tmp = None

    def __enter__(self) -> "DevnetInstance":
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def main(argv: list[str]) -> int:
    if len(argv) == 2 and argv[0] == "wait":
        try:
            wait_for_rpc(argv[1])
        except TimeoutError as exc:
            print(f"devnet: {exc}", file=sys.stderr)
            return 1
        return 0
    print("usage: python -m devnet.instance wait URL", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
