"""A small corpus of three fictional municipalities, a guide and an update (Markdown)."""

from __future__ import annotations

from pathlib import Path

DOCUMENTS = {
    "adorf.md": (
        "Stadt Adorf",
        "Kommunales Konzept",
        "2022-01-01",
        "",
        """# Konzept Adorf

## 1 Erstberatung

In Adorf führt das Kommunale Integrationszentrum die Erstberatung innerhalb von zehn
Werktagen durch.
Die Beratung findet im Haus der Bildung statt.

## 2 Sprachförderung

Die Kinder bleiben höchstens 18 Monate in der Sprachfördergruppe.
Dies gilt auch für Kinder, die im laufenden Schuljahr zuziehen.

## 3 Ehrenamt

In Adorf unterstützen 40 Lesepaten die Schulen beim Lesen.
""",
    ),
    "adorf-fortschreibung.md": (
        "Stadt Adorf",
        "Fortschreibung",
        "2025-02-01",
        "adorf.md",
        """# Fortschreibung Adorf 2025

## 1 Neue Verweildauer

Ab Februar 2025 bleiben die Kinder höchstens zwölf Monate in der Sprachfördergruppe.
""",
    ),
    "bedorf.md": (
        "Stadt Bedorf",
        "Kommunales Konzept",
        "2023-01-01",
        "",
        """# Konzept Bedorf

## 1 Clearing

In Bedorf übernimmt die Clearingstelle im Rathaus die Erstberatung innerhalb von drei Wochen.

## 2 Deutschförderklassen

Die Deutschförderklassen umfassen 20 Wochenstunden.
""",
    ),
    "cekreis.md": (
        "Kreis Cedorf",
        "Kommunales Konzept",
        "2021-01-01",
        "",
        """# Konzept Kreis Cedorf

## 1 Bildungsbüro

Im Kreis Cedorf führt das Regionale Bildungsbüro die Erstberatung binnen vier Wochen durch.

## 2 Lernpaten

Im Kreis Cedorf begleiten 85 Lernpaten die Kinder.
""",
    ),
}


def write_minicorpus(folder: Path) -> Path:
    """Write the documents and their manifest into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    entries = []
    for name, (kommune, doc_type, stand, supersedes, body) in DOCUMENTS.items():
        (folder / name).write_text(body, encoding="utf-8")
        entry = (
            f'  - file: "{name}"\n    title: "{doc_type} {kommune}"\n    kommune: "{kommune}"\n'
            f'    doc_type: "{doc_type}"\n    stand: "{stand}"\n'
        )
        if supersedes:
            entry += f'    supersedes: "{supersedes}"\n'
        entries.append(entry)
    (folder / "manifest.yaml").write_text("documents:\n" + "".join(entries), encoding="utf-8")
    return folder
