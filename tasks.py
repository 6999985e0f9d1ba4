#!/usr/bin/env python3
"""Set up the kit in a local ``.venv`` and run it. Needs only Python 3.11+.

    python3 tasks.py lab    # set up, then open JupyterLab on the first notebook
    python3 tasks.py test   # set up, then run the whole test suite (lint, unit, nbval)

Setting up installs the kit (editable) with its notebook and test dependencies into
``.venv``. It is skipped when ``pyproject.toml`` has not changed since the last install,
so a second run starts at once. Extra arguments go to ``jupyter lab`` or ``pytest``.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".idlibkit-installed"


def _fingerprint() -> str:
    spec = (ROOT / "pyproject.toml").read_bytes() + sys.version.encode()
    return hashlib.sha256(spec).hexdigest()


def _run(*cmd: str | Path) -> None:
    print("+", " ".join(map(str, cmd)), flush=True)
    subprocess.run([str(c) for c in cmd], check=True, cwd=ROOT)


def setup() -> None:
    """Create ``.venv`` and install the kit into it, unless already up to date."""
    if sys.version_info < (3, 11):  # noqa: UP036 -- tasks.py may be run by an older python3
        sys.exit(f"idlibkit needs Python 3.11 or newer; this is {sys.version.split()[0]}")
    if not PY.exists():
        _run(sys.executable, "-m", "venv", VENV)
    fingerprint = _fingerprint()
    if STAMP.exists() and STAMP.read_text().strip() == fingerprint:
        print("environment up to date (.venv)", flush=True)
        return
    _run(PY, "-m", "pip", "install", "--disable-pip-version-check", "-q", "-e", ".[dev]")
    STAMP.write_text(fingerprint + "\n")


def lab(args: list[str]) -> int:
    setup()
    notebooks = sorted((ROOT / "notebooks").glob("[0-9]*.ipynb"))
    target = notebooks[0] if notebooks else ROOT / "notebooks"
    # Containers and classroom VMs often run as root, which Jupyter refuses by default.
    as_root = ["--allow-root"] if hasattr(os, "geteuid") and os.geteuid() == 0 else []
    return subprocess.call(
        [str(BIN / "jupyter"), "lab", str(target.relative_to(ROOT)), *as_root, *args], cwd=ROOT
    )


def test(args: list[str]) -> int:
    setup()
    lint = subprocess.call([str(BIN / "ruff"), "check", "."], cwd=ROOT)
    tests = subprocess.call([str(PY), "-m", "pytest", *args], cwd=ROOT)
    return lint or tests


def main() -> int:
    commands = {"lab": lab, "test": test, "setup": lambda _: setup() or 0}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        print(__doc__)
        return 2
    return commands[sys.argv[1]](sys.argv[2:])


if __name__ == "__main__":
    sys.exit(main())
