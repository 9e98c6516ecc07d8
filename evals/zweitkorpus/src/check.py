#!/usr/bin/env python3
"""Validator für den Zweitkorpus.

  .venv/bin/python src/check.py                 # alles prüfen, Zählungen ausgeben
  .venv/bin/python src/check.py --dump DIR      # normalisierte Seitentexte nach DIR schreiben
  .venv/bin/python src/check.py --grep BEGRIFF  # Begriff in allen Seitentexten suchen

Die Seitentexte werden unabhängig vom Build extrahiert: PDF seitenweise mit pypdf,
HTML mit BeautifulSoup (nur <main>), Markdown/Text als eine Seite.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

import yaml
from bs4 import BeautifulSoup
from pypdf import PdfReader

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "documents"
FRAGEN = ROOT / "fragen.jsonl"
KOPFZEILE = "// Zweitkorpus Evaluationsset, format 1"

KATEGORIEN = ["fakt", "prozess", "vergleich", "mehrteilig", "folgefrage", "nicht_enthalten"]
DOC_TYPES = {"Kommunales Konzept", "Fortschreibung", "Webseite", "Bericht", "Handreichung", "Leitfaden"}
QUELLE = "Fiktives Beispieldokument (Zweitkorpus), verfasst für die Evaluation"

ZEICHEN = {
    "\u201e": '"', "\u201c": '"', "\u201d": '"', "\u201f": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2039": "'", "\u203a": "'", "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'",
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
    "\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2007": " ",
}


def normalisiere(text: str) -> str:
    t = unicodedata.normalize("NFC", text)
    t = t.replace("\u00ad", "")
    for k, v in ZEICHEN.items():
        t = t.replace(k, v)
    t = re.sub(r"-[ \t]*\r?\n[ \t]*", "", t)  # Trennstrich am Zeilenende zusammenziehen
    t = t.lower()
    t = re.sub(r"\s+", " ", t).strip()
    return t


def seiten(datei: Path) -> list[str]:
    """Roh-Seitentexte eines Dokuments (Liste, Index 0 = Seite 1)."""
    if datei.suffix.lower() == ".pdf":
        return [p.extract_text() or "" for p in PdfReader(str(datei)).pages]
    if datei.suffix.lower() in (".html", ".htm"):
        soup = BeautifulSoup(datei.read_text(encoding="utf-8"), "html.parser")
        main = soup.find("main") or soup.body or soup
        for tag in main.find_all(["script", "style", "noscript"]):
            tag.decompose()
        return [main.get_text("\n")]
    return [datei.read_text(encoding="utf-8")]


class Pruefung:
    def __init__(self):
        self.fehler: list[str] = []
        self.warnungen: list[str] = []

    def f(self, msg: str):
        self.fehler.append(msg)

    def w(self, msg: str):
        self.warnungen.append(msg)


def lade_manifest(p: Pruefung) -> dict:
    man = yaml.safe_load((DOCS / "manifest.yaml").read_text(encoding="utf-8"))
    if man.get("version") != 1:
        p.f("manifest: version muss 1 sein")
    eintraege = {}
    for d in man.get("documents", []):
        for feld in ("file", "title", "issuer", "kommune", "doc_type", "stand", "source"):
            if feld not in d:
                p.f(f"manifest: {d.get('file')}: Feld {feld} fehlt")
        if d.get("doc_type") not in DOC_TYPES:
            p.f(f"manifest: {d.get('file')}: doc_type {d.get('doc_type')!r} unbekannt")
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(d.get("stand", ""))):
            p.f(f"manifest: {d.get('file')}: stand nicht im Format JJJJ-MM-TT")
        if d.get("source") != QUELLE:
            p.f(f"manifest: {d.get('file')}: source weicht ab")
        if not (DOCS / d["file"]).exists():
            p.f(f"manifest: Datei {d['file']} fehlt")
        eintraege[d["file"]] = d
    for d in eintraege.values():
        if "supersedes" in d and d["supersedes"] not in eintraege:
            p.f(f"manifest: supersedes {d['supersedes']} nicht im Manifest")
    return eintraege


def pruefe_dokumente(p: Pruefung, man: dict, texte: dict):
    for f in man:
        roh = texte[f]
        if f.endswith(".pdf"):
            anfang = normalisiere(roh[0])
        else:  # HTML/Markdown: Kennzeichnung im Dateikopf (bei HTML als Banner vor <main>)
            anfang = normalisiere((DOCS / f).read_text(encoding="utf-8")[:4000])
        if "fiktives beispieldokument" not in anfang:
            p.f(f"{f}: Kennzeichnung 'Fiktives Beispieldokument' am Anfang fehlt")
        if f.endswith(".pdf"):
            n = len(roh)
            if not 6 <= n <= 16:
                p.f(f"{f}: {n} Seiten (erwartet 6–16)")
            for i, s in enumerate(roh[1:], start=2):
                if "fiktives beispieldokument" not in normalisiere(s):
                    p.w(f"{f}: Seite {i} ohne Kopfzeilen-Kennzeichnung")


def pruefe_fragen(p: Pruefung, man: dict, norm: dict) -> list[dict]:
    zeilen = FRAGEN.read_text(encoding="utf-8").split("\n")
    if zeilen[0].strip() != KOPFZEILE:
        p.f("fragen.jsonl: erste Zeile ist nicht die Kommentarzeile")
    fragen = []
    for nr, z in enumerate(zeilen[1:], start=2):
        if not z.strip():
            continue
        if "\\u" in z:
            p.f(f"Zeile {nr}: enthält \\u-Escapes")
        try:
            fragen.append(json.loads(z))
        except json.JSONDecodeError as e:
            p.f(f"Zeile {nr}: kein gültiges JSON ({e})")
    kommunen_man = {d["kommune"] for d in man.values() if d["kommune"]}
    ersetzt = {d["supersedes"]: f for f, d in man.items() if d.get("supersedes")}

    pos_in_kat: Counter = Counter()
    for i, q in enumerate(fragen, start=1):
        qid = q.get("id", f"#{i}")
        erlaubt = {"id", "split", "category", "question", "expected", "gold", "facts", "kommunen", "history", "lexical_overlap", "notes"}
        fremd = set(q) - erlaubt
        if fremd:
            p.f(f"{qid}: unbekannte Felder {sorted(fremd)}")
        for feld in ("id", "split", "category", "question", "expected", "gold", "facts", "lexical_overlap"):
            if feld not in q:
                p.f(f"{qid}: Feld {feld} fehlt")
        if q.get("id") != f"z{i:03d}":
            p.f(f"{qid}: id sollte z{i:03d} sein")
        kat = q.get("category")
        if kat not in KATEGORIEN:
            p.f(f"{qid}: Kategorie {kat!r} unbekannt")
            continue
        pos_in_kat[kat] += 1
        soll = "dev" if pos_in_kat[kat] % 2 == 1 else "test"
        if q.get("split") != soll:
            p.f(f"{qid}: split {q.get('split')!r}, erwartet {soll!r} ({pos_in_kat[kat]}. Frage der Kategorie {kat})")
        if not isinstance(q.get("lexical_overlap"), bool):
            p.f(f"{qid}: lexical_overlap muss true/false sein")
        if not str(q.get("question", "")).strip():
            p.f(f"{qid}: leere Frage")
        exp = q.get("expected")
        gold, facts = q.get("gold", []), q.get("facts", [])
        if kat == "nicht_enthalten" and exp != "refuse":
            p.f(f"{qid}: nicht_enthalten muss expected=refuse haben")
        if kat == "vergleich":
            if not q.get("kommunen"):
                p.f(f"{qid}: vergleich ohne kommunen")
        elif "kommunen" in q:
            p.f(f"{qid}: kommunen nur bei vergleich")
        if kat == "folgefrage":
            h = q.get("history")
            if not (isinstance(h, list) and h and all(isinstance(x, str) and x.strip() for x in h)):
                p.f(f"{qid}: folgefrage braucht history (Liste von Fragen)")
        elif "history" in q:
            p.f(f"{qid}: history nur bei folgefrage")
        if exp == "refuse":
            if gold or facts:
                p.f(f"{qid}: refuse braucht gold=[] und facts=[]")
            if not str(q.get("notes", "")).strip():
                p.f(f"{qid}: refuse braucht notes (Near-Miss-Begründung)")
            continue
        if exp != "answer":
            p.f(f"{qid}: expected {exp!r} unbekannt")
            continue
        # --- Antwortfragen -------------------------------------------------
        if not gold:
            p.f(f"{qid}: answer ohne gold")
        seitenliste = []
        for g in gold:
            doc = g.get("doc")
            if doc not in man:
                p.f(f"{qid}: gold-Dokument {doc!r} nicht im Manifest")
                continue
            pages = g.get("pages")
            if not (isinstance(pages, list) and pages and all(isinstance(x, int) for x in pages)):
                p.f(f"{qid}: pages für {doc} fehlerhaft")
                continue
            for pg in pages:
                if not 1 <= pg <= len(norm[doc]):
                    p.f(f"{qid}: Seite {pg} von {doc} existiert nicht")
                else:
                    seitenliste.append((doc, pg))
        docs_in_gold = [g.get("doc") for g in gold]
        for alt, neu in ersetzt.items():
            if alt in docs_in_gold and neu in docs_in_gold and docs_in_gold.index(neu) > docs_in_gold.index(alt):
                p.f(f"{qid}: Fortschreibung muss vor dem ersetzten Konzept in gold stehen")
        if kat == "mehrteilig" and len(seitenliste) < 2:
            p.f(f"{qid}: mehrteilig braucht mindestens zwei gold-Seiten")
        if not isinstance(facts, list) or not facts:
            p.f(f"{qid}: answer ohne facts")
            continue
        if kat == "vergleich":
            if len(facts) != len(q.get("kommunen", [])):
                p.f(f"{qid}: vergleich braucht genau einen Fakt je Kommune")
            for k in q.get("kommunen", []):
                if k not in kommunen_man:
                    p.f(f"{qid}: Kommune {k!r} nicht im Manifest")
        elif not 1 <= len(facts) <= 3:
            p.f(f"{qid}: 1–3 facts erwartet, {len(facts)} vorhanden")
        for fk in facts:
            if not (isinstance(fk, list) and fk and all(isinstance(x, str) for x in fk)):
                p.f(f"{qid}: Fakt muss eine nicht-leere Liste von Schreibweisen sein")
                continue
            for alt in fk:
                nw = len(alt.split())
                if not 1 <= nw <= 4:
                    p.f(f"{qid}: Schreibweise {alt!r} hat {nw} Wörter (1–4 erlaubt)")
            treffer = [
                (doc, pg)
                for (doc, pg) in seitenliste
                for alt in fk
                if normalisiere(alt) and normalisiere(alt) in norm[doc][pg - 1]
            ]
            if not treffer:
                p.f(f"{qid}: Fakt {fk} auf keiner gold-Seite gefunden")
    return fragen


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--dump", help="normalisierte Seitentexte in dieses Verzeichnis schreiben")
    ap.add_argument("--grep", nargs="+", help="Begriffe in allen Seitentexten suchen")
    args = ap.parse_args()

    p = Pruefung()
    man = lade_manifest(p)
    roh = {f: seiten(DOCS / f) for f in man}
    norm = {f: [normalisiere(s) for s in roh[f]] for f in man}

    if args.dump:
        out = Path(args.dump)
        out.mkdir(parents=True, exist_ok=True)
        for f, ss in roh.items():
            for i, s in enumerate(ss, start=1):
                (out / f"{f.replace('/', '__')}__s{i:02d}.txt").write_text(s, encoding="utf-8")
        print(f"Seitentexte nach {out} geschrieben")
        return 0
    if args.grep:
        for begriff in args.grep:
            nb = normalisiere(begriff)
            hits = [(f, i + 1) for f in norm for i, s in enumerate(norm[f]) if nb in s]
            print(f"{begriff!r}: " + (", ".join(f"{f} S. {i}" for f, i in hits) if hits else "—"))
        return 0

    print("Dokumente:")
    for f in man:
        print(f"  {f}: {len(roh[f])} Seite(n), {sum(len(s) for s in norm[f])} Zeichen normalisiert")
    pruefe_dokumente(p, man, roh)
    fragen = pruefe_fragen(p, man, norm)

    # --- Zählungen und Mengenregeln ------------------------------------------
    n = len(fragen)
    kat = Counter(q.get("category") for q in fragen)
    split = Counter(q.get("split") for q in fragen)
    exp = Counter(q.get("expected") for q in fragen)
    ks = Counter((q.get("category"), q.get("split")) for q in fragen)
    lex = sum(1 for q in fragen if q.get("lexical_overlap") is True)
    folge_refuse = sum(1 for q in fragen if q.get("category") == "folgefrage" and q.get("expected") == "refuse")
    if n < 80:
        p.f(f"nur {n} Fragen (mindestens 80)")
    if kat["nicht_enthalten"] < 25:
        p.f(f"nur {kat['nicht_enthalten']} nicht_enthalten (mindestens 25)")
    if kat["vergleich"] < 8:
        p.f(f"nur {kat['vergleich']} vergleich (mindestens 8)")
    if kat["mehrteilig"] < 6:
        p.f(f"nur {kat['mehrteilig']} mehrteilig (mindestens 6)")
    if kat["folgefrage"] < 8:
        p.f(f"nur {kat['folgefrage']} folgefrage (mindestens 8)")
    if folge_refuse < 2:
        p.f(f"nur {folge_refuse} folgefrage mit expected=refuse (mindestens 2)")
    if not 0.35 <= kat["fakt"] / max(n, 1) <= 0.45:
        p.w(f"Anteil fakt {kat['fakt'] / max(n, 1):.0%} (Ziel etwa 40 %)")
    if not 0.07 <= kat["prozess"] / max(n, 1) <= 0.13:
        p.w(f"Anteil prozess {kat['prozess'] / max(n, 1):.0%} (Ziel etwa 10 %)")
    if lex / max(n, 1) >= 0.20:
        p.f(f"lexical_overlap bei {lex} von {n} Fragen (muss unter 20 % liegen)")

    print(f"\nFragen insgesamt: {n}")
    print(f"{'Kategorie':<17}{'dev':>5}{'test':>6}{'gesamt':>8}")
    for k in KATEGORIEN:
        print(f"{k:<17}{ks[(k, 'dev')]:>5}{ks[(k, 'test')]:>6}{kat[k]:>8}")
    print(f"{'Summe':<17}{split['dev']:>5}{split['test']:>6}{n:>8}")
    print(f"expected: answer {exp['answer']}, refuse {exp['refuse']} (davon folgefrage/refuse: {folge_refuse})")
    print(f"lexical_overlap=true: {lex} ({lex / max(n, 1):.1%})")

    for w in p.warnungen:
        print("WARNUNG:", w)
    for e in p.fehler:
        print("FEHLER:", e)
    if p.fehler:
        print(f"\nErgebnis: {len(p.fehler)} Fehler")
        return 1
    print("\nErgebnis: alle Prüfungen bestanden")
    return 0


if __name__ == "__main__":
    sys.exit(main())
