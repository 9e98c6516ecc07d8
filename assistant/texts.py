"""User-facing German strings (answers, errors, warnings) in one place."""

from __future__ import annotations

__all__ = [
    "COMPARISON_NOTHING",
    "ERR_EMBEDDING_MISMATCH",
    "ERR_INDEX_MISSING",
    "ERR_LOCKED",
    "LOAD_EMPTY",
    "LOAD_ENCRYPTED",
    "LOAD_MISLABELLED",
    "LOAD_NO_TEXT",
    "LOAD_NO_TEXT_PAGES",
    "LOAD_UNREADABLE",
    "LOAD_UNSUPPORTED",
    "NEAR_MISS_NOTHING",
    "NEAR_MISS_OTHER",
    "NEAR_MISS_RATE",
    "NEAR_MISS_TYPE",
    "NEAR_MISS_WHERE",
    "NOTE_FALLBACK",
    "NOTE_SUPERSEDED",
    "NOTE_UNSUPPORTED",
    "REFUSAL",
    "RELATED_HEADING",
    "SENTENCE_SUPPORTED",
    "SENTENCE_UNCITED",
    "SENTENCE_WEAK",
]

# The one fixed refusal sentence. Evals and tests compare against it verbatim.
REFUSAL = "Dazu steht nichts in den Dokumenten."
RELATED_HEADING = "Möglicherweise relevant"
NOTE_SUPERSEDED = (
    "Hinweis: „{new_title}“ (Stand {new_stand}) ersetzt Teile von „{old_title}“ "
    "(Stand {old_stand}). Wo sich beide unterscheiden, gilt die neuere Fassung."
)
COMPARISON_NOTHING = "In den Dokumenten von {kommune} steht dazu nichts."
# Near misses: the topic is covered, but not for what the question asks.
NEAR_MISS_WHERE = "„{title}“, S. {page}"
NEAR_MISS_OTHER = (
    "Für {asked} steht dazu nichts in den Dokumenten; sie nennen es nur für {other} ({where})."
)
NEAR_MISS_NOTHING = "Für {asked} steht dazu nichts in den Dokumenten."
NEAR_MISS_TYPE = "Die Dokumente behandeln das Thema, nennen aber {what} ({where})."
NEAR_MISS_RATE = "keinen Betrag pro {rate}"

# Generated answers: how well a sentence is backed by the passages it cites.
SENTENCE_SUPPORTED = "belegt"
SENTENCE_WEAK = "schwach belegt"
SENTENCE_UNCITED = "ohne Beleg"
NOTE_FALLBACK = (
    "Hinweis: Das Sprachmodell konnte nicht genutzt werden ({reason}) – angezeigt wird die "
    "extraktive Antwort aus den Dokumenten."
)
NOTE_UNSUPPORTED = (
    "Hinweis: {count} Satz/Sätze der generierten Antwort sind nicht oder nur schwach durch "
    "die Quellen belegt und markiert."
)

# Ingestion: why a file could not be read ({detail} is technical context, may be empty).
LOAD_EMPTY = "Die Datei ist leer."
LOAD_ENCRYPTED = (
    "Das PDF ist mit einem Passwort geschützt. Bitte eine ungeschützte Fassung ablegen."
)
LOAD_MISLABELLED = "Die Datei heißt {suffix}, enthält aber {actual}. Bitte richtig benennen."
LOAD_NO_TEXT = (
    "Das PDF enthält keine Textebene (gescanntes PDF?). Bitte eine Fassung mit Text "
    "ablegen oder vorher eine Texterkennung (OCR) durchführen."
)
LOAD_NO_TEXT_PAGES = "Seiten ohne Text (gescannt?): {pages}"
LOAD_UNREADABLE = "Die Datei ist beschädigt oder kein gültiges {kind} ({detail})."
LOAD_UNSUPPORTED = "Dateityp {suffix} wird nicht unterstützt (PDF, HTML, Markdown, TXT)."

# Index
ERR_INDEX_MISSING = (
    "Es gibt noch keinen Index in {data_dir}. Bitte zuerst `konzeptlotse ingest` ausführen "
    "(oder `make run`)."
)
ERR_EMBEDDING_MISMATCH = (
    "Der Index in {data_dir} wurde mit dem Embedding-Modell {indexed} erstellt, eingestellt "
    "ist aber {configured}. Vektoren verschiedener Modelle werden nicht gemischt. Entweder "
    "KONZEPTLOTSE_EMBEDDING_MODEL wieder auf das alte Modell setzen oder den Index mit "
    "`konzeptlotse ingest --rebuild` neu aufbauen."
)
ERR_LOCKED = "Es läuft bereits eine Indexierung für {data_dir}. Bitte warten, bis sie fertig ist."

# Personal-data guard (assistant.pii), audit trail (assistant.audit), contacts
# (assistant.contacts). Kept together so the privacy wording is reviewed in one place.
__all__ += [
    "AUDIT_BAD_DATE",
    "CONTACT_KINDS",
    "PII_KIND_NAMES",
    "PII_PLACEHOLDERS",
]
PII_PLACEHOLDERS = {
    "name": "[Name]",
    "birthdate": "[Geburtsdatum]",
    "address": "[Adresse]",
    "phone": "[Telefon]",
    "email": "[E-Mail]",
    "case_id": "[Kennung]",
}
PII_KIND_NAMES = {
    "name": "Namen",
    "birthdate": "Geburtsdaten",
    "address": "Adressen",
    "phone": "Telefonnummern",
    "email": "E-Mail-Adressen",
    "case_id": "Akten- oder Fallkennungen",
}
AUDIT_BAD_DATE = "Ungültiges Datum {value!r}: bitte als JJJJ-MM-TT angeben, z. B. 2026-11-01."
CONTACT_KINDS = {
    "office": "Stelle",
    "role": "Ansprechperson",
    "phone": "Telefon",
    "email": "E-Mail",
    "place": "Ort",
    "hours": "Sprechzeiten",
}

# Versions of a document (issue 14): contradicting values, new versions awaiting confirmation.
__all__ += [
    "CONFLICT_PAIR",
    "ERR_CONFIRM_NOTHING",
    "ERR_CONFIRM_UNKNOWN",
    "NOTE_UNCONFIRMED",
    "NOTE_UNCONFIRMED_ALONE",
    "NOTE_VALUES_DIFFER",
    "UNCONFIRMED_PAIR",
    "WARN_CONFLICT",
    "WARN_INSTRUCTIONS",
    "WARN_UNCONFIRMED",
]
NOTE_VALUES_DIFFER = " Die Angaben unterscheiden sich: {pairs}."
CONFLICT_PAIR = "{new} (Stand {new_stand}) statt {old} (Stand {old_stand})"
NOTE_UNCONFIRMED = (
    "Hinweis: „{new_title}“ (Stand {new_stand}) wurde neu eingestellt und ist noch nicht "
    "bestätigt; es soll „{old_title}“ (Stand {old_stand}) ersetzen. Bis die Verwaltung die neue "
    "Fassung bestätigt, steht die bisherige vorn."
)
NOTE_UNCONFIRMED_ALONE = (
    "Hinweis: „{new_title}“ (Stand {new_stand}) wurde neu eingestellt und ist noch nicht "
    "bestätigt; es soll „{old}“ ersetzen. Bitte seine Angaben mit Vorsicht lesen."
)
UNCONFIRMED_PAIR = "{old} (Stand {old_stand}) gegenüber {new} (Stand {new_stand}, nicht bestätigt)"
WARN_UNCONFIRMED = (
    "Neu, noch nicht bestätigt: soll {other} ersetzen. Bis zur Bestätigung (Verwaltung oder "
    "`konzeptlotse confirm {doc_id}`) stehen in Antworten die Aussagen von {other} vorn."
)
WARN_INSTRUCTIONS = (
    "Enthält {count} Textstelle(n), die sich an ein Sprachmodell richten (werden nie zitiert "
    "und keinem Sprachmodell gegeben), z. B. „{example}“"
)
WARN_CONFLICT = "Abweichende Angaben gegenüber {other} (Stand {stand}): {pairs}"
ERR_CONFIRM_UNKNOWN = (
    "Zum Dokument „{doc_id}“ gibt es keinen Eintrag im Manifest des Dokumentordners. "
    "Bitte die Dokument-ID aus `konzeptlotse sources` verwenden."
)
ERR_CONFIRM_NOTHING = (
    "Das Dokument „{doc_id}“ wartet auf keine Bestätigung (es ersetzt kein anderes Dokument "
    "oder ist schon bestätigt)."
)
