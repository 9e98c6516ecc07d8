"""The ``konzeptlotse`` command line: ingest, ask, sources, add, confirm, delete, eval, ui.

Exit codes: 0 success, 1 error (message on stderr), 3 ingest finished but some files failed.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.errors import KonzeptlotseError
from assistant.privacy import apply_offline_defaults
from assistant.settings import Settings, project_root
from assistant.texts import SENTENCE_SUPPORTED
from assistant.types import DocumentMeta
from ui import texts
from ui.formatting import inferred_mark, plural

if TYPE_CHECKING:
    from ingest.pipeline import IngestReport

__all__ = ["main"]

EXIT_ERROR = 1
EXIT_PARTIAL = 3
MIN_PASSWORD = 8
UI_APP = Path(__file__).with_name("app.py")
ERR_NO_PROJECT = (
    "Die Oberfläche braucht den Projektordner (mit .streamlit/config.toml), er wurde nicht "
    "gefunden. Bitte `konzeptlotse ui` aus einer Installation mit Projektordner starten "
    "(git clone + make run)."
)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script."""
    apply_offline_defaults()
    args = _parser().parse_args(argv)
    try:
        settings = Settings.from_env()  # validated here: a bad setting stops at start
        if args.data_dir:  # a path typed on the command line is relative to where one stands
            settings = settings.with_overrides(data_dir=Path(args.data_dir).resolve())
        if settings.chroma_url and args.handler not in _WITHOUT_INDEX:
            from assistant.chromaserver import check_server

            check_server(settings.chroma_url)  # an unreachable server stops at start, too
        return int(args.handler(args, settings))
    except KonzeptlotseError as exc:
        print(f"Fehler: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except (FileNotFoundError, ValueError) as exc:
        print(f"Fehler: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("Abgebrochen.", file=sys.stderr)
        return 130


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="konzeptlotse",
        description="Zitierende Auskunft über Kommunale Konzepte (offline).",
    )
    parser.add_argument("--data-dir", help="Index-Verzeichnis (sonst KONZEPTLOTSE_DATA_DIR)")
    sub = parser.add_subparsers(dest="command", required=True, metavar="BEFEHL")

    p = sub.add_parser("ingest", help="Dokumente einlesen bzw. Index aktualisieren")
    p.add_argument("paths", nargs="*", type=Path, help="Dateien/Ordner (Standard: Korpus)")
    p.add_argument("--rebuild", action="store_true", help="Index vollständig neu aufbauen")
    p.add_argument("--dry-run", action="store_true", help="Nur anzeigen, was sich ändern würde")
    p.add_argument("--quiet", action="store_true", help="Keine Fortschrittsanzeige")
    p.add_argument("--url", help="Webseite abrufen, als Schnappschuss ablegen und einlesen")
    p.add_argument("--sitemap", action="store_true", help="Mit --url: Seiten der Sitemap")
    p.add_argument(
        "--same-site", action="store_true", help="Mit --url: Links derselben Website folgen"
    )
    p.add_argument("--max-pages", type=int, default=50, help="Mit --url: höchstens N Seiten")
    p.add_argument("--delay", type=float, default=1.0, help="Mit --url: Sekunden zwischen Abrufen")
    p.add_argument("--kommune", default="", help="Mit --url: Kommune der Seiten")
    p.set_defaults(handler=_cmd_ingest)

    p = sub.add_parser("ask", help="Eine Frage stellen")
    p.add_argument("question", help="Die Frage (auf Deutsch)")
    p.add_argument("--kommune", action="append", default=[], help="Nur Dokumente dieser Kommune")
    p.add_argument("--json", action="store_true", help="Antwort als JSON-Objekt ausgeben")
    p.add_argument(
        "--vorher",
        dest="history",
        action="append",
        default=[],
        help="Frühere Frage des Gesprächs (mehrfach möglich, älteste zuerst)",
    )
    p.set_defaults(handler=_cmd_ask)

    p = sub.add_parser("sources", help="Eingelesene Dokumente auflisten")
    p.add_argument("--json", action="store_true", help="Als JSON ausgeben")
    p.set_defaults(handler=_cmd_sources)

    p = sub.add_parser("remove", help="Ein Dokument aus dem Index entfernen")
    p.add_argument("doc_id", help="Dokument-ID (siehe `konzeptlotse sources`)")
    p.set_defaults(handler=_cmd_remove)

    p = sub.add_parser("add", help="Datei in den Dokumentordner übernehmen und einlesen")
    p.add_argument("file", type=Path, help="PDF, DOCX, ODT, HTML, Markdown oder TXT")
    p.add_argument("--title", default="", help="Titel (leer = aus der Datei)")
    p.add_argument("--kommune", default="", help="Kommune")
    p.add_argument("--doc-type", default="", help="Dokumenttyp, z. B. „Kommunales Konzept“")
    p.add_argument("--stand", default="", help="Stand als JJJJ-MM-TT")
    p.add_argument("--issuer", default="", help="Herausgeber")
    p.add_argument("--source", default="", help="Herkunft")
    p.add_argument("--supersedes", default="", help="Dokument-ID, die dieses (teilweise) ersetzt")
    p.add_argument(
        "--replace", action="store_true", help="Vorhandene Datei gleichen Namens ersetzen"
    )
    p.add_argument("--no-ingest", action="store_true", help="Nur ablegen, nicht einlesen")
    p.set_defaults(handler=_cmd_add)

    p = sub.add_parser("confirm", help="Neue Fassung bestätigen (ersetzt dann das ältere Dokument)")
    p.add_argument("doc_id", help="Dokument-ID (siehe `konzeptlotse sources`)")
    p.set_defaults(handler=_cmd_confirm)

    p = sub.add_parser("delete", help="Dokument löschen: Datei, Manifest-Eintrag und Index")
    p.add_argument("doc_id", help="Dokument-ID (siehe `konzeptlotse sources`)")
    p.set_defaults(handler=_cmd_delete)

    p = sub.add_parser("admin-hash", help="Passwort-Hash für .env erzeugen (Verwaltung/Evaluation)")
    p.add_argument(
        "--role",
        choices=["admin", "evaluator"],
        default="admin",
        help="admin = Verwaltung (Standard), evaluator = nur Evaluationsseite",
    )
    p.set_defaults(handler=_cmd_admin_hash)

    p = sub.add_parser("audit", help="Prüfprotokoll der Antworten ausgeben")
    p.add_argument("--since", help="Erst ab diesem Tag (JJJJ-MM-TT)")
    p.add_argument("--json", action="store_true", help="Als JSON ausgeben")
    p.add_argument("--verify", action="store_true", help="Nur die Prüfkette kontrollieren")
    p.set_defaults(handler=_cmd_audit)

    p = sub.add_parser("feedback", help="Rückmeldungen als Kandidatenfragen (JSONL) ausgeben")
    p.add_argument("--out", type=Path, help="In diese Datei schreiben (sonst Standardausgabe)")
    p.set_defaults(handler=_cmd_feedback)

    p = sub.add_parser("eval", help="Evaluationssatz ausführen")
    p.add_argument("--dataset", type=Path, help="JSONL-Fragensatz oder BEIR-Ordner (XQuAD)")
    p.add_argument("--json", type=Path, dest="json_out", help="Ergebnis als JSON speichern")
    p.add_argument("--no-baselines", action="store_true", help="Vergleichsverfahren auslassen")
    p.add_argument("--split", choices=["dev", "test", "all"], default="all")
    p.add_argument("--limit", type=int, default=0, help="Nur die ersten N Fragen")
    p.set_defaults(handler=_cmd_eval)

    p = sub.add_parser(
        "calibrate", help="Ablehnungsschwelle auf eigenen, gelabelten Fragen kalibrieren"
    )
    p.add_argument(
        "--dataset", type=Path, required=True, help="JSONL-Fragensatz (Format wie evals/)"
    )
    p.add_argument("--split", choices=["dev", "test", "all"], default="all")
    p.set_defaults(handler=_cmd_calibrate)

    p = sub.add_parser("ui", help="Oberfläche starten: Chat, Verwaltung, Evaluation")
    p.add_argument("--port", type=int, default=8501)
    p.set_defaults(handler=_cmd_ui)
    return parser


def _cmd_ingest(args: argparse.Namespace, settings: Settings) -> int:
    from ingest.admin import run_and_record
    from ingest.priority import lower_process_priority

    if not args.dry_run:
        lower_process_priority()  # questions answered meanwhile keep their speed

    paths = list(args.paths) or None
    web_failed = False
    if args.url:
        folder, web_failed = _fetch_site(args, settings)
        paths = [folder]
        if not folder.is_dir():
            return EXIT_PARTIAL
    with _ProgressBar(disabled=args.quiet or args.dry_run) as bar:
        report = run_and_record(
            settings,
            paths=paths,
            rebuild=args.rebuild,
            dry_run=args.dry_run,
            on_progress=bar.update,
        )
    _print_report(report, show_unchanged=args.dry_run)
    return EXIT_PARTIAL if report.failed or web_failed else 0


def _fetch_site(args: argparse.Namespace, settings: Settings) -> tuple[Path, bool]:
    """Fetch the website of ``--url`` into snapshots; (snapshot folder, any page failed)."""
    from assistant.texts import WEB_STATUS
    from ingest.web import CrawlOptions, crawl

    options = CrawlOptions(
        sitemap=args.sitemap,
        same_site=args.same_site,
        max_pages=max(1, args.max_pages),
        delay_s=max(0.0, args.delay),
        kommune=args.kommune,
    )

    def show(page: Any) -> None:
        line = f"  {WEB_STATUS[page.status]:<15} {page.url}"
        print(line + (f"\n      Grund: {page.reason}" if page.reason else ""), flush=True)

    print(f"Webseite abrufen: {args.url}")
    report = crawl(args.url, settings.corpus_dir, options, on_page=None if args.quiet else show)
    for note in report.notes:
        print(f"  Hinweis: {note}")
    return report.folder, bool(report.failed)


def _print_report(report: IngestReport, show_unchanged: bool) -> None:
    from ingest.pipeline import STATUS_LABELS

    for outcome in report.outcomes:
        if outcome.status == "unchanged" and not show_unchanged:
            continue
        line = f"  {STATUS_LABELS[outcome.status]:<15} {outcome.doc_id}"
        if outcome.reason:
            line += f"\n      Grund: {outcome.reason}"
        for warning in outcome.warnings:
            line += f"\n      Hinweis: {warning}"
        print(line)
    print(report.summary())


class _ProgressBar:
    """tqdm over files on stderr, fed by the pipeline's progress notifications."""

    def __init__(self, disabled: bool) -> None:
        self.disabled = disabled
        self.bar: Any = None

    def __enter__(self) -> _ProgressBar:
        return self

    def update(self, progress: object) -> None:
        if self.disabled:
            return
        from tqdm import tqdm

        total = getattr(progress, "files_total", 0)
        if self.bar is None:
            self.bar = tqdm(total=total, unit="Datei", file=sys.stderr, leave=False)
        current = getattr(progress, "current", "")
        self.bar.n = getattr(progress, "files_done", 0)
        detail = getattr(progress, "detail", "")
        if detail:
            self.bar.write(f"  {current} – {detail}", file=sys.stderr)
        from .formatting import remaining_time

        embedded = getattr(progress, "chunks_embedded", 0)
        eta = remaining_time(getattr(progress, "eta_s", None))
        parts = [f"{embedded} Abschnitte", eta, current[-40:]]
        self.bar.set_postfix_str(" · ".join(p for p in parts if p), refresh=True)

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.close()


def _cmd_ask(args: argparse.Namespace, settings: Settings) -> int:
    from assistant import Answer, Filters, get_assistant
    from assistant.pii import redact, screen

    assistant = get_assistant(settings)
    places = [p for d in assistant.index.documents() for p in (d.meta.kommune, d.meta.issuer) if p]
    screening = screen(args.question, places)
    question = screening.redacted
    history = [redact(h, places) for h in args.history]
    if screening.personal:
        print(PRIVACY_NOTE.format(question=question), file=sys.stderr)
    filters = Filters(kommunen=tuple(args.kommune))
    if args.json:
        answer = assistant.ask(question, filters=filters, history=history)
        _audit(settings, assistant, answer, screening.kinds)
        print(json.dumps(answer.to_json(), ensure_ascii=False, indent=2))
        return 0
    streamed = ""
    final: Answer | None = None
    for item in assistant.ask_stream(question, filters=filters, history=history):
        if isinstance(item, Answer):
            final = item
        else:
            streamed += item
            print(item, end="", flush=True)
    assert final is not None
    _audit(settings, assistant, final, screening.kinds)
    _print_details(final, streamed)
    return 0


PRIVACY_NOTE = (
    "Hinweis: Die Frage enthielt persönliche Angaben. Der Konzeptlotse ist für Fragen zu den "
    "Konzepten da, nicht für Einzelfälle; gefragt wurde ohne sie: {question}"
)


def _audit(settings: Settings, assistant: Any, answer: Any, removed: Sequence[str]) -> None:
    from assistant.audit import AuditLog, entry_for

    documents = {d.doc_id: d for d in assistant.index.documents()}
    entry = entry_for(answer, documents, "cli", removed=removed)
    try:
        AuditLog.for_data_dir(settings.data_dir, settings.audit_retention_days).append(entry)
    except OSError as exc:
        print(f"Warnung: Prüfprotokoll nicht geschrieben ({exc}).", file=sys.stderr)


def _print_details(answer: Any, streamed: str) -> None:
    """After the streamed text: the checked answer if it differs, marks, notes and sources."""
    print()
    if answer.text.strip() != streamed.strip():
        print(f"\nGeprüfte Antwort:\n{answer.text}")
    if answer.rewritten_query:
        print(f"\n(Verstanden als: {answer.rewritten_query})")
    for check in answer.checks:
        if check.status != SENTENCE_SUPPORTED:
            print(f"  ⚠ {check.status}: {check.text}")
    for note in answer.notes:
        print(f"\n{note}")
    sources = answer.citations or answer.related
    if sources:
        print("\nQuellen:" if answer.found else "\nMöglicherweise relevant:")
        for c in sources:
            where = f"{c.title}" + (f" ({c.kommune})" if c.kommune else "")
            if c.paged:
                where += f", S. {c.page}"
            elif c.section:  # a text without pages and headings has neither to name
                where += f", Abschnitt {c.section.split(' > ')[-1]}"
            where += ", Text per Texterkennung (OCR)" if c.ocr else ""
            print(f"  [{c.n}] {where}\n      „{_shorten(c.quote, 220)}“")


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + " …"


def _cmd_sources(args: argparse.Namespace, settings: Settings) -> int:
    from assistant.embed import resolve_model
    from assistant.store import Index
    from ingest.review import version_warnings

    index = Index.open(
        settings.data_dir, resolve_model(settings.embedding_model), chroma_url=settings.chroma_url
    )
    records = index.documents()
    versions = version_warnings(index)
    warnings = {r.doc_id: [*versions.get(r.doc_id, ()), *r.warnings] for r in records}
    if args.json:
        rows = [
            {
                **r.meta.to_dict(),
                "pages": r.pages,
                "chunks": r.chunk_count,
                "ingested_at": r.ingested_at,
                "warnings": warnings[r.doc_id],
            }
            for r in records
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    for r in records:
        print(f"{r.doc_id}\n  {r.meta.title}")
        named = texts.NAMES_ONLY.format(place=r.meta.place) if r.meta.place else "ohne Kommune"
        kommune = _marked(r.meta, "kommune", r.meta.kommune or named)
        doc_type = _marked(r.meta, "doc_type", r.meta.doc_type or "Dokument")
        stand = _marked(r.meta, "stand", r.meta.stand or "unbekannt")
        print(
            f"  {kommune} · {doc_type} · Stand {stand} · {plural(r.pages, 'Seite', 'Seiten')} · "
            f"{plural(r.chunk_count, 'Abschnitt', 'Abschnitte')} · eingelesen {r.ingested_at}"
        )
        for warning in warnings[r.doc_id]:
            print(f"  Hinweis: {warning}")
    second = "an" if index.has_e5() else "aus"
    print(
        f"{plural(len(records), 'Dokument', 'Dokumente')}, Embedding-Modell {index.model_id}, "
        f"zweite Vektorsuche (e5) {second}"
    )
    return 0


def _marked(meta: DocumentMeta, name: str, value: str) -> str:
    """A metadata value, marked when it was read off the document (no manifest entry)."""
    return inferred_mark(value, meta.is_inferred(name))


def _cmd_remove(args: argparse.Namespace, settings: Settings) -> int:
    from ingest.admin import remove_from_index

    if not remove_from_index(settings, args.doc_id):
        print(f"Fehler: Dokument {args.doc_id!r} ist nicht im Index.", file=sys.stderr)
        return EXIT_ERROR
    print(f"Entfernt: {args.doc_id} (die Datei selbst bleibt liegen; bitte ggf. löschen).")
    return 0


def _cmd_add(args: argparse.Namespace, settings: Settings) -> int:
    from ingest.admin import UploadMeta, run_and_record, save_upload

    meta = UploadMeta(
        title=args.title,
        kommune=args.kommune,
        doc_type=args.doc_type,
        stand=args.stand,
        issuer=args.issuer,
        source=args.source,
        supersedes=args.supersedes,
    )
    target = save_upload(
        settings, args.file.name, args.file.read_bytes(), meta, replace=args.replace
    )
    print(f"Abgelegt: {target}")
    if meta.supersedes:
        doc_id = target.relative_to(settings.corpus_dir).as_posix()
        print(texts.CLI_CONFIRM_NEEDED.format(doc_id=doc_id))
    if args.no_ingest:
        return 0
    report = run_and_record(settings, paths=[target])
    _print_report(report, show_unchanged=True)
    return EXIT_PARTIAL if report.failed else 0


def _cmd_confirm(args: argparse.Namespace, settings: Settings) -> int:
    from ingest.admin import run_and_record
    from ingest.confirm import confirm_document

    path = confirm_document(settings, args.doc_id)
    print(texts.CLI_CONFIRMED.format(doc_id=args.doc_id))
    report = run_and_record(settings, paths=[path])
    _print_report(report, show_unchanged=True)
    return EXIT_PARTIAL if report.failed else 0


def _cmd_delete(args: argparse.Namespace, settings: Settings) -> int:
    from ingest.admin import delete_document

    result = delete_document(settings, args.doc_id)
    done = [
        name
        for name, flag in (
            ("Datei", result.file_removed),
            ("Manifest-Eintrag", result.manifest_removed),
            ("Index-Eintrag", result.index_removed),
        )
        if flag
    ]
    print(f"Gelöscht: {args.doc_id} ({', '.join(done)}).")
    return 0


ROLE_ENV = {
    "admin": "KONZEPTLOTSE_ADMIN_PASSWORD_HASH",
    "evaluator": "KONZEPTLOTSE_EVALUATOR_PASSWORD_HASH",
}


def _cmd_admin_hash(args: argparse.Namespace, settings: Settings) -> int:
    import getpass

    from ui.auth import hash_password

    label = "Admin" if args.role == "admin" else "Evaluations"
    password = getpass.getpass(f"Neues {label}-Passwort: ")
    if len(password) < MIN_PASSWORD:
        print(f"Fehler: Das Passwort braucht mindestens {MIN_PASSWORD} Zeichen.", file=sys.stderr)
        return EXIT_ERROR
    if getpass.getpass("Passwort wiederholen: ") != password:
        print("Fehler: Die beiden Eingaben stimmen nicht überein.", file=sys.stderr)
        return EXIT_ERROR
    print(f"{ROLE_ENV[args.role]}={hash_password(password)}")
    print("Diese Zeile in .env eintragen und den Konzeptlotsen neu starten.", file=sys.stderr)
    return 0


def _cmd_audit(args: argparse.Namespace, settings: Settings) -> int:
    from assistant.audit import AuditLog, parse_day

    log = AuditLog.for_data_dir(settings.data_dir, settings.audit_retention_days)
    log.purge()
    problems = log.verify()
    for problem in problems:
        print(f"Warnung: {problem}", file=sys.stderr)
    if args.verify:
        print("Prüfkette in Ordnung." if not problems else "Prüfkette unterbrochen.")
        return EXIT_ERROR if problems else 0
    records = log.entries(parse_day(args.since) if args.since else None)
    if args.json:
        print(json.dumps(records, ensure_ascii=False, indent=2))
        return 0
    for r in records:
        outcome = "beantwortet" if r.get("found") else "abgelehnt"
        docs = ", ".join(f"{d['doc_id']} (Stand {d['stand'] or '–'})" for d in r["documents"])
        print(f"{r['time']}  {r['channel']:<5} {outcome:<11} {r['question']}")
        print(f"    Index {r['index_generation']} · {r['generator']} · {docs or 'keine Quellen'}")
    print(f"{len(records)} Einträge.", file=sys.stderr)
    return 0


def _cmd_feedback(args: argparse.Namespace, settings: Settings) -> int:
    from assistant.feedback import FeedbackStore, candidates_jsonl

    text = candidates_jsonl(FeedbackStore.for_data_dir(settings.data_dir).records())
    if args.out:
        args.out.write_text(text, encoding="utf-8")
        print(f"{text.count(chr(10))} Kandidatenfragen geschrieben: {args.out}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


def _cmd_eval(args: argparse.Namespace, settings: Settings) -> int:
    from evals.runner import run_cli

    return run_cli(
        settings,
        dataset=args.dataset,
        json_out=args.json_out,
        baselines=not args.no_baselines,
        split=args.split,
        limit=args.limit,
    )


def _cmd_calibrate(args: argparse.Namespace, settings: Settings) -> int:
    from dataclasses import replace

    from assistant.calibration import save_calibration
    from evals.calibrate import (
        CONFIDENCE,
        MAX_FALSE_REFUSAL,
        calibrate_threshold,
        refusal_budget,
    )
    from evals.dataset import load_questions

    questions = load_questions(args.dataset)
    if args.split != "all":
        questions = [q for q in questions if q.split == args.split]
    calibration = calibrate_threshold(settings, questions)
    calibration = replace(calibration, dataset=str(args.dataset))
    path = save_calibration(settings.data_dir, calibration)
    print(
        f"Ablehnungsschwelle {calibration.answer_threshold:.3f} aus {len(questions)} Fragen "
        f"(mit {CONFIDENCE:.0%} Sicherheit höchstens {MAX_FALSE_REFUSAL:.0%} Fehl-Ablehnungen "
        "auf neuen Fragen): auf diesen Fragen "
        f"{calibration.refusal_accuracy:.0%} richtige Ablehnungen, "
        f"{calibration.false_refusal:.0%} Fehl-Ablehnungen. Gespeichert in {path}; gilt ab "
        "der nächsten Frage (Oberfläche neu laden)."
    )
    answerable = sum(1 for q in questions if q.answerable)
    if refusal_budget(answerable) == 0:
        print(
            f"Hinweis: {answerable} beantwortbare Fragen reichen nicht, um mit dieser Sicherheit "
            "Fragen nach ihrer Antwortwahrscheinlichkeit abzulehnen; abgelehnt wird nur, was "
            "die Anforderungen der Frage ausschließen (Ort, Jahr, Art der Angabe). Ab 27 "
            "beantwortbaren Fragen wird die Schwelle schärfer."
        )
    return 0


def _cmd_ui(args: argparse.Namespace, settings: Settings) -> int:
    from ui.server_config import streamlit_flags

    root = project_root()
    if root is None:
        raise KonzeptlotseError(ERR_NO_PROJECT)

    command = [sys.executable, "-m", "ui.serve", *streamlit_flags(settings, args.port)]
    env = dict(
        os.environ,
        KONZEPTLOTSE_DATA_DIR=str(settings.data_dir.resolve()),
        KONZEPTLOTSE_CORPUS_DIR=str(settings.corpus_dir.resolve()),
    )
    host = "127.0.0.1" if settings.server_address in {"0.0.0.0", "::"} else settings.server_address
    print(f"Konzeptlotse läuft auf http://{host}:{args.port} (Beenden mit Strg+C)")
    # Streamlit reads .streamlit/config.toml from its working directory: the project folder.
    _become(command, env=env, cwd=root)
    return 0  # not reached: this process is now the server


def _become(command: list[str], env: dict[str, str], cwd: Path) -> None:
    """Replace this process by ``command`` (a stop signal then reaches the server itself,
    no child is left behind)."""
    sys.stdout.flush()
    sys.stderr.flush()
    os.chdir(cwd)
    os.execve(command[0], command, env)


# Commands that never open the index (they work while the Chroma server is down).
_WITHOUT_INDEX = frozenset({_cmd_admin_hash, _cmd_audit, _cmd_feedback})


if __name__ == "__main__":
    sys.exit(main())
