"""The shipped data: the corpus is byte-identical to the seeds, and the kit never writes data/."""

from __future__ import annotations

import hashlib
import warnings
from pathlib import Path

import pytest
from conftest import CORPUS, ROOT

import idlibkit as ik
from idlibkit.cli import main as cli_main
from idlibkit.export import export_corpus

#: SHA-256 of the five seed documents as distributed (also listed in data/README.md).
SEED_SHA256 = {
    "000_ab56abd815f8b83b.txt": "6f8bebc5b48bccaae478c4c4c853fbc22b05428b6af1c0c59fc07b917e5561ae",
    "001_9d7bebba12a9dbdf.txt": "da20f01861cd0bfe9538e316cf3e326222ad7f3873bfecc720836263594d214c",
    "002_88d707cef1f5dffc.txt": "28aa2fdcad0bf559f1138dd15a9ac995df1879617c57fb692750700c82621901",
    "003_6614ec51c61cc8c4.txt": "9f32d74f6be1a205c8e9735fd2ace07a08cdaa3cc4dd7f5aef65eaa961e66ae8",
    "004_475e68448c0becbd.txt": "6fe288f192147382001762f32b30f760587c112bca4ec12af8c6cff4ca34a9fa",
}


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_corpus_is_the_seed_corpus_byte_for_byte() -> None:
    """data/corpus/ holds exactly the five seeds, unedited."""
    assert {p.name: _sha256(p) for p in CORPUS.iterdir()} == SEED_SHA256


def test_corpus_matches_shared_seeds_when_present() -> None:
    """Where the shared seeds sit beside the checkout (CI, developers), they agree too."""
    seeds = ROOT.parent / "shared" / "seeds"
    if not seeds.is_dir():
        pytest.skip("shared/seeds is not beside this checkout")
    assert {p.name: _sha256(p) for p in seeds.iterdir()} == SEED_SHA256


def test_data_readme_lists_every_hash() -> None:
    """data/README.md states each document's hash, so a reader can check their copy."""
    readme = (ROOT / "data" / "README.md").read_text(encoding="utf-8")
    for name, digest in SEED_SHA256.items():
        assert name in readme and digest in readme


def _snapshot(folder: Path) -> dict[str, tuple[int, str]]:
    return {
        str(p.relative_to(folder)): (p.stat().st_mtime_ns, _sha256(p))
        for p in sorted(folder.rglob("*")) if p.is_file()
    }


def test_the_kit_never_writes_into_data(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    """Loading, building every table, exporting and the CLI leave data/ untouched."""
    data = ROOT / "data"
    before = _snapshot(data)
    corpus = ik.load_corpus()
    for table in corpus.TABLES:
        getattr(corpus, table)
    export_corpus(corpus, tmp_path / "out")
    assert cli_main(["summary"]) == 0
    assert cli_main(["export", "--out", str(tmp_path / "cli")]) == 0
    with pytest.raises(ValueError, match="data folder"):
        export_corpus(corpus, data / "exports")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ik.load_corpus(data / "corpus", strict=True)
    assert _snapshot(data) == before
    assert not (data / "exports").exists()
