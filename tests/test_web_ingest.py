"""Websites in: `konzeptlotse ingest --url` against a real fixture site on 127.0.0.1."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from assistant import get_assistant
from assistant.settings import Settings
from ingest.web import USER_AGENT, CrawlOptions, FetchLimits, crawl
from ingest.web.snapshots import STATE_FILE
from ui.cli import main

from .web_site import fixture_site

FAST = CrawlOptions(delay_s=0.0, limits=FetchLimits(timeout_s=2.0, deadline_s=2.0))


def _ingest_url(settings: Settings, *args: str) -> int:
    env_args = ["--data-dir", str(settings.data_dir), "ingest", "--delay", "0", *args]
    return main(env_args)


@pytest.fixture
def cli_settings(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> Settings:
    monkeypatch.setenv("KONZEPTLOTSE_CORPUS_DIR", str(settings.corpus_dir))
    return settings


def test_site_is_fetched_by_sitemap_stored_and_answerable_offline(
    cli_settings: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    with fixture_site() as site:
        code = _ingest_url(cli_settings, "--url", site.base + "/", "--sitemap")
        requests = list(site.requests)
    out = capsys.readouterr().out
    assert code == 0, out
    assert all(agent == USER_AGENT for _, agent in requests)
    assert not any(path.startswith("/intern/") for path, _ in requests)  # robots.txt
    assert "robots.txt" in out and "fremde-seite" not in out
    folder = cli_settings.corpus_dir / "web" / f"127.0.0.1-{site.base.rsplit(':', 1)[1]}"
    snapshot = folder / "angebote" / "erstberatung.html"
    assert snapshot.read_text(encoding="utf-8").startswith("<!-- Konzeptlotse-Snapshot: ")
    manifest = (cli_settings.corpus_dir / "manifest.yaml").read_text(encoding="utf-8")
    assert "abgerufen am" in manifest and "Webseite" in manifest

    # The server is gone: answers and citations come from the snapshots.
    answer = get_assistant(cli_settings).ask("Wie lange dauert die Erstberatung?")
    assert answer.found
    cited = answer.citations[0]
    assert cited.doc_id.endswith("angebote/erstberatung.html")
    assert not cited.paged


def test_web_chrome_never_reaches_chunks_and_tables_read_as_rows(settings: Settings) -> None:
    with fixture_site() as site:
        crawl(site.base + "/", settings.corpus_dir, CrawlOptions(same_site=True, delay_s=0))
    from ingest import run_ingest

    run_ingest(settings)
    chunks = get_assistant(settings).index.chunks()
    text = "\n".join(c.text for c in chunks)
    for chrome in (
        "Cookies",
        "Alle akzeptieren",
        "Druckansicht",
        "Seite teilen",
        "Impressum",
        "Sie sind hier",
        "Startseite",
        "©",
    ):
        assert chrome not in text, chrome
    rows = [c for c in chunks if c.kind == "table"]
    assert rows and "Tabelle 1: Fristen der Erstberatung" in rows[0].section
    assert "Schritt: Erstberatung; Frist – Ziel: 5 Werktage; Frist – Ist 2025: 7 Werktage" in (
        rows[0].text
    )


def test_refetch_is_conditional_and_keeps_unchanged_files(settings: Settings) -> None:
    with fixture_site() as site:
        first = crawl(site.base + "/", settings.corpus_dir, FAST)
        snapshot = settings.corpus_dir / first.pages[0].doc_id
        stamp = snapshot.stat().st_mtime_ns
        second = crawl(site.base + "/", settings.corpus_dir, FAST)
    assert [p.status for p in first.pages] == ["new"]
    assert [p.status for p in second.pages] == ["unchanged"]
    assert snapshot.stat().st_mtime_ns == stamp
    state = json.loads((first.folder / STATE_FILE).read_text())
    assert state[site.base + "/"]["etag"]


def test_changed_page_is_archived_under_its_date(settings: Settings, tmp_path: Path) -> None:
    with fixture_site() as site:
        report = crawl(site.base + "/", settings.corpus_dir, FAST)
        snapshot = settings.corpus_dir / report.pages[0].doc_id
        state_file = report.folder / STATE_FILE
        state = json.loads(state_file.read_text())
        state[site.base + "/"].update(sha256="alt", etag="")  # as if the page had changed
        state_file.write_text(json.dumps(state))
        again = crawl(site.base + "/", settings.corpus_dir, FAST)
    assert [p.status for p in again.pages] == ["changed"]
    archived = list((report.folder / ".archiv").rglob("index.html"))
    assert len(archived) == 1 and archived[0].parent.name[:4].isdigit()
    assert snapshot.is_file()


@pytest.mark.parametrize(
    ("path", "expected"),
    [("/weiter-fremd", "andere Website"), ("/langsam", "nicht innerhalb von 2 s")],
)
def test_bad_pages_fail_alone_with_a_german_reason(
    settings: Settings, path: str, expected: str
) -> None:
    with fixture_site() as site:
        started = time.monotonic()
        report = crawl(site.base + path, settings.corpus_dir, FAST)
        elapsed = time.monotonic() - started
    assert [p.status for p in report.pages] == ["failed"]
    assert expected in report.pages[0].reason
    assert elapsed < 10


def test_same_site_redirect_is_followed(settings: Settings) -> None:
    with fixture_site() as site:
        report = crawl(site.base + "/weiter-intern", settings.corpus_dir, FAST)
    assert [p.status for p in report.pages] == ["new"]
    assert report.pages[0].doc_id.endswith("angebote/schulplatz.html")


def test_a_site_with_ten_thousand_pages_stops_at_the_limit(settings: Settings) -> None:
    options = CrawlOptions(sitemap=True, max_pages=5, delay_s=0)
    with fixture_site() as site:
        by_sitemap = crawl(site.base + "/viele-sitemap.xml", settings.corpus_dir, options)
        by_links = crawl(
            site.base + "/viele/0.html",
            settings.corpus_dir,
            CrawlOptions(same_site=True, max_pages=5, delay_s=0),
        )
    for report in (by_sitemap, by_links):
        assert len(report.pages) == 5
        assert any("Seitenlimit erreicht" in note for note in report.notes)
    assert "10000" in " ".join(by_sitemap.notes).replace(".", "")


def test_delay_between_requests_is_kept(settings: Settings) -> None:
    options = CrawlOptions(sitemap=True, delay_s=0.3, limits=FAST.limits)
    with fixture_site() as site:
        started = time.monotonic()
        report = crawl(site.base + "/", settings.corpus_dir, options)
        elapsed = time.monotonic() - started
    fetched = len([p for p in report.pages if p.status != "skipped"]) + 1  # + sitemap
    assert elapsed >= 0.3 * (fetched - 1)


def test_not_a_web_address_is_a_clear_error(settings: Settings) -> None:
    with pytest.raises(ValueError, match="keine gültige"):
        crawl("ftp://127.0.0.1/", settings.corpus_dir, FAST)
