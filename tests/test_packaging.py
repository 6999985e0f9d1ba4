"""Packaging: one environment described twice, light imports, data found when installed."""

from __future__ import annotations

import doctest
import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml
from conftest import ROOT

# conda-forge names that differ from PyPI names (none today; keep the map explicit).
CONDA_TO_PYPI: dict[str, str] = {}


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _split(req: str) -> tuple[str, str]:
    m = re.match(r"\s*([A-Za-z0-9_.\-]+)(?:\[[^\]]*\])?\s*(.*)", req)
    assert m, req
    return _norm(m.group(1)), m.group(2).replace(" ", "")


def _pyproject_requirements() -> dict[str, str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    reqs = list(project["dependencies"])
    for extra in project["optional-dependencies"].values():
        reqs += extra
    pairs = [_split(r) for r in reqs]
    return {name: spec for name, spec in pairs if name != "idlibkit"}


def _conda_requirements() -> dict[str, str]:
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    assert env["channels"] == ["conda-forge"]
    out = {}
    for dep in env["dependencies"]:
        if isinstance(dep, dict):
            # The pip section: packages conda-forge lacks, then the kit itself, last.
            pip = dep["pip"]
            assert pip[-1] == "-e ."
            out.update(_split(req) for req in pip[:-1])
            continue
        name, spec = _split(dep)
        out[CONDA_TO_PYPI.get(name, name)] = spec
    return out


def test_environment_yml_and_pyproject_agree() -> None:
    """Same dependency names and the same lower bounds in both files."""
    conda = _conda_requirements()
    python = conda.pop("python")
    conda.pop("pip")
    requires = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["requires-python"]
    assert python == requires
    assert conda == _pyproject_requirements()


def test_import_is_light() -> None:
    """``import idlibkit`` loads none of the heavy libraries (they are imported on use)."""
    code = (
        "import sys, idlibkit\n"
        "heavy = ['geopandas', 'matplotlib', 'ipywidgets', 'pandas', 'networkx', 'shapely']\n"
        "print(','.join(m for m in heavy if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == ""


def test_corpus_loads_from_any_working_directory(tmp_path: Path) -> None:
    code = "import idlibkit as ik; c = ik.load_corpus(); print(len(c.articles), len(c.problems))"
    done = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True,
                          text=True, check=True)
    assert done.stdout.split() == ["5", "0"]


@pytest.mark.slow
def test_installed_wheel_carries_its_data(tmp_path: Path) -> None:
    """A non-editable install (a built wheel) finds the corpus inside the package."""
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q"]
    subprocess.run([*pip, "wheel", "--no-deps", "--no-build-isolation", "-w", tmp_path / "dist",
                    ROOT], check=True)
    (wheel,) = (tmp_path / "dist").glob("idlibkit-*.whl")
    site = tmp_path / "site"
    subprocess.run([*pip, "install", "--no-deps", "--target", site, wheel], check=True)
    code = (
        "import idlibkit as ik\n"
        "from idlibkit._paths import data_dir\n"
        "c = ik.load_corpus()\n"
        "print(ik.__file__, data_dir(), len(c.articles), len(c.belligerents))"
    )
    env = {**os.environ, "PYTHONPATH": str(site)}
    done = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env,
                          capture_output=True, text=True, check=True)
    module, data, n_docs, n_bell = done.stdout.split()
    assert Path(module).is_relative_to(site)
    assert Path(data) == site / "idlibkit" / "_data"
    assert (n_docs, n_bell) == ("5", "36")


def test_readme_quick_start_runs() -> None:
    """The README's quick start is a doctest: what it shows is what the kit returns."""
    result = doctest.testfile(
        str(ROOT / "README.md"), module_relative=False,
        optionflags=doctest.NORMALIZE_WHITESPACE | doctest.ELLIPSIS,
    )
    assert result.attempted > 0 and result.failed == 0


def test_ci_runs_the_readme_test_command() -> None:
    readme = (ROOT / "README.md").read_text()
    ci = (ROOT / ".ci" / "run").read_text()
    command = "python3 tasks.py test"
    assert re.search(rf"^{re.escape(command)}\b", readme, re.MULTILINE)
    assert re.search(rf"^exec {re.escape(command)}$", ci, re.MULTILINE)


def test_second_setup_installs_nothing() -> None:
    """``tasks.py`` skips the install when pyproject.toml has not changed."""
    sys.path.insert(0, str(ROOT))
    try:
        import tasks
    finally:
        sys.path.pop(0)
    if not tasks.STAMP.exists() or tasks.STAMP.read_text().strip() != tasks._fingerprint():
        pytest.skip("this environment was not set up by tasks.py")
    done = subprocess.run([sys.executable, str(ROOT / "tasks.py"), "setup"],
                          capture_output=True, text=True, check=True, timeout=60)
    assert "environment up to date" in done.stdout
    assert "pip" not in done.stdout
