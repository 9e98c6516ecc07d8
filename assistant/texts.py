"""User-facing German strings (answers, errors, warnings) in one place."""

from __future__ import annotations

__all__ = [
    "COMPARISON_NOTHING",
    "COMPARISON_SELECTED",
    "ERR_CHROMA_DOWN",
    "ERR_CHROMA_NEEDED",
    "ERR_EMBEDDING_MISMATCH",
    "ERR_INDEX_MISSING",
    "ERR_LEXICAL",
    "ERR_LOCKED",
    "LIMIT_CHARS",
    "LIMIT_PAGES",
    "LIMIT_SIZE",
    "LIMIT_TIME",
    "LOAD_CRASHED",
    "LOAD_EMPTY",
    "LOAD_ENCRYPTED",
    "LOAD_MISLABELLED",
    "LOAD_NO_TEXT",
    "LOAD_NO_TEXT_PAGES",
    "LOAD_OCR_EMPTY",
    "LOAD_OCR_FAILED",
    "LOAD_OCR_MISSING",
    "LOAD_OCR_OFF",
    "LOAD_OCR_PROGRESS",
    "LOAD_OCR_TIMEOUT",
    "LOAD_OFFICE_BOMB",
    "LOAD_OFFICE_BROKEN",
    "LOAD_OFFICE_ENCRYPTED",
    "LOAD_SCANNED_OCR_OFF",
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
    "PART_NOT_FOUND",
    "PUBLISH_E5",
    "PUBLISH_LEXICAL",
    "PUBLISH_VECTORS",
    "READ_DENIED",
    "READ_FAILED",
    "READ_GONE",
    "REFUSAL",
    "RELATED_HEADING",
    "SENTENCE_SUPPORTED",
    "SENTENCE_UNCITED",
    "SENTENCE_WEAK",
    "SKIP_DIRECTORY",
    "SKIP_DUPLICATE",
    "SKIP_SPECIAL",
    "SKIP_SYMLINK_BROKEN",
    "SKIP_SYMLINK_DIR",
    "SKIP_SYMLINK_OUTSIDE",
    "SKIP_UNSUPPORTED",
    "WEB_BAD_URL",
    "WEB_CONTENT_TYPE",
    "WEB_GONE",
    "WEB_HTTP_ERROR",
    "WEB_NETWORK",
    "WEB_OFFSITE_REDIRECT",
    "WEB_PAGE_LIMIT",
    "WEB_ROBOTS",
    "WEB_SITEMAP_BROKEN",
    "WEB_STATUS",
    "WEB_TOO_LARGE",
    "WEB_TOO_MANY_REDIRECTS",
    "WEB_TOO_SLOW",
]

# The one fixed refusal sentence. Evals and tests compare against it verbatim.
REFUSAL = "Dazu steht nichts in den Dokumenten."
RELATED_HEADING = "Möglicherweise relevant"
NOTE_SUPERSEDED = (
    "Hinweis: „{new_title}“ (Stand {new_stand}) ersetzt Teile von „{old_title}“ "
    "(Stand {old_stand}). Wo sich beide unterscheiden, gilt die neuere Fassung."
)
COMPARISON_NOTHING = "In den Dokumenten von {kommune} steht dazu nichts."
PART_NOT_FOUND = "Zur Frage „{question}“ steht nichts in den Dokumenten."
COMPARISON_SELECTED = (
    "Verglichen werden die {shown} von {total} Kommunen, deren Dokumente das Thema am "
    "deutlichsten behandeln. Für einen bestimmten Vergleich bitte die Kommunen nennen."
)
# Near misses: the topic is covered, but not for what the question asks.
NEAR_MISS_WHERE = "„{title}“, S. {page}"
NEAR_MISS_OTHER = (
    "Für {asked} steht dazu nichts in den Dokumenten; sie nennen es nur für {other} ({where})."
)
NEAR_MISS_NOTHING = "Für {asked} steht dazu nichts in den Dokumenten."
NEAR_MISS_TYPE = "Die Dokumente behandeln das Thema, nennen aber {what} ({where})."
NEAR_MISS_RATE = "{what} pro {rate}"

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
LOAD_UNSUPPORTED = (
    "Dateityp {suffix} wird nicht unterstützt (PDF, Word/DOCX, OpenDocument/ODT, HTML, "
    "Markdown, TXT)."
)
LOAD_OCR_OFF = (
    "Seiten ohne Textebene (gescannt): {pages}. Die Texterkennung (OCR) ist abgeschaltet "
    "(KONZEPTLOTSE_OCR); diese Seiten sind nicht durchsuchbar."
)
LOAD_SCANNED_OCR_OFF = (
    "Das PDF ist gescannt (keine Textebene), und die Texterkennung (OCR) ist abgeschaltet "
    "(KONZEPTLOTSE_OCR=false). Bitte die Texterkennung einschalten oder eine Fassung mit "
    "Text ablegen."
)
LOAD_OCR_EMPTY = (
    "Ein gescanntes PDF ohne lesbaren Text: Die Texterkennung (OCR) hat (fast) nichts "
    "erkannt. Bitte eine besser lesbare Fassung (mindestens 300 dpi) oder eine Fassung mit "
    "Text ablegen."
)
LOAD_OCR_MISSING = (
    "Das PDF ist gescannt, aber die Texterkennung ist nicht installiert ({tool} fehlt). "
    "Bitte `make ocr-deps` ausführen (Debian-Pakete ocrmypdf, tesseract-ocr, "
    "tesseract-ocr-deu) oder die Texterkennung mit KONZEPTLOTSE_OCR=false abschalten."
)
LOAD_OCR_TIMEOUT = (
    "Die Texterkennung (OCR) wurde nach {seconds:g} s abgebrochen ({done} von {total} "
    "Seiten erkannt). Die Datei wurde nicht übernommen; bitte KONZEPTLOTSE_OCR_TIMEOUT "
    "erhöhen oder das PDF in kleinere Teile aufteilen."
)
LOAD_OCR_FAILED = "Die Texterkennung (OCR) ist für Seite {page} fehlgeschlagen ({detail})."
LOAD_OCR_PROGRESS = "Texterkennung (OCR): Seite {page} ({done} von {total})"
LOAD_OFFICE_BOMB = (
    "Die Datei ist kein gewöhnliches Office-Dokument: entpackt wäre sie {size} groß "
    "(erlaubt {limit}) bzw. extrem stark komprimiert. Sie wurde aus Sicherheitsgründen nicht "
    "geöffnet; bitte das Dokument neu speichern oder als PDF ablegen."
)
LOAD_OFFICE_BROKEN = (
    "Die Datei ist kein gültiges {kind} ({detail}). Bitte im Schreibprogramm neu speichern."
)
LOAD_OFFICE_ENCRYPTED = (
    "Das Dokument ist mit einem Passwort geschützt oder im alten Word-Format (.doc). Bitte "
    "eine ungeschützte Fassung als DOCX, ODT oder PDF ablegen."
)

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
ERR_LEXICAL = (
    "Der Wortindex in {data_dir} ist unvollständig oder stammt von einer anderen "
    "Programmversion. Bitte den Index mit `konzeptlotse ingest --rebuild` neu aufbauen."
)
PUBLISH_VECTORS = "Neuer Indexstand wird fertiggestellt: Vektoren …"
PUBLISH_E5 = "Neuer Indexstand wird fertiggestellt: Vektoren der zweiten Suche (e5) …"
PUBLISH_LEXICAL = "Neuer Indexstand wird fertiggestellt: Wortindex …"
ERR_CHROMA_DOWN = (
    "Der Chroma-Server unter {url} ist nicht erreichbar. Bitte den Server starten "
    "(`chroma run --path … --host 127.0.0.1 --port …`) oder KONZEPTLOTSE_CHROMA_URL "
    "korrigieren; leer gelassen arbeitet der Konzeptlotse mit dem eingebetteten Speicher."
)
ERR_CHROMA_NEEDED = (
    "Der Index in {data_dir} hat seine Vektoren auf einem Chroma-Server. Bitte "
    "KONZEPTLOTSE_CHROMA_URL auf diesen Server setzen (wie beim Einlesen) oder mit "
    "`konzeptlotse ingest --rebuild` einen eingebetteten Index erstellen."
)

# Ingestion: a verdict for every file ({limit} etc. name the setting to change).
SKIP_DUPLICATE = "Duplikat von „{other}“ (gleicher Inhalt) – nur einmal eingelesen."
SKIP_SYMLINK_OUTSIDE = (
    "Verknüpfung auf eine Datei außerhalb des Dokumentordners ({target}) – übersprungen. "
    "Bitte die Datei selbst in den Dokumentordner legen."
)
SKIP_SYMLINK_BROKEN = "Verknüpfung ohne erreichbares Ziel – übersprungen."
SKIP_SYMLINK_DIR = (
    "Verknüpfung auf einen Ordner – wird nicht verfolgt. Bitte den Ordner selbst ablegen."
)
SKIP_SPECIAL = "Keine gewöhnliche Datei (z. B. Pipe oder Gerät) – übersprungen."
SKIP_DIRECTORY = (
    "Ein Ordner mit Dateiendung, keine Datei – übersprungen (Dateien darin werden einzeln "
    "eingelesen)."
)
SKIP_UNSUPPORTED = "Dateityp {suffix} wird nicht unterstützt – übersprungen."
LIMIT_SIZE = (
    "Die Datei ist {size:.1f} MB groß; eingelesen werden höchstens {limit} MB "
    "(KONZEPTLOTSE_INGEST_MAX_MB). Bitte die Datei aufteilen oder die Grenze erhöhen."
)
LIMIT_PAGES = (
    "Das Dokument hat {pages} Seiten; eingelesen werden höchstens {limit} "
    "(KONZEPTLOTSE_INGEST_MAX_PAGES). Bitte aufteilen oder die Grenze erhöhen."
)
LIMIT_CHARS = (
    "Das Dokument enthält {chars} Zeichen Text; eingelesen werden höchstens {limit} "
    "(KONZEPTLOTSE_INGEST_MAX_CHARS). Bitte aufteilen oder die Grenze erhöhen."
)
LIMIT_TIME = (
    "Einlesen nach {limit:g} s abgebrochen (KONZEPTLOTSE_INGEST_TIMEOUT): Die Datei ist zu groß "
    "oder ungewöhnlich aufgebaut. Bitte prüfen oder die Grenze erhöhen."
)
READ_DENIED = "Datei nicht lesbar: keine Leserechte. Bitte die Dateirechte prüfen."
READ_GONE = "Die Datei ist während des Einlesens verschwunden (gelöscht oder verschoben)."
READ_FAILED = "Datei nicht lesbar ({detail})."
LOAD_CRASHED = (
    "Die Datei ließ sich nicht verarbeiten ({detail}). Bitte prüfen, ob sie sich in einem "
    "anderen Programm öffnen lässt, und ggf. neu speichern."
)

# Websites (ingest --url): per page, German, what happened and what to do.
WEB_HTTP_ERROR = "Die Seite antwortet mit HTTP-Status {status}."
WEB_NETWORK = "Die Seite ist nicht erreichbar ({detail}). Bitte Adresse und Netz prüfen."
WEB_OFFSITE_REDIRECT = (
    "Die Seite leitet auf eine andere Website um ({target}); fremde Websites werden nicht "
    "übernommen. Bitte die Zieladresse direkt angeben, wenn sie gewollt ist."
)
WEB_TOO_MANY_REDIRECTS = "Die Seite leitet mehr als {count}-mal weiter und wurde übersprungen."
WEB_TOO_SLOW = (
    "Die Seite hat nicht innerhalb von {seconds:.0f} s fertig geladen und wurde übersprungen."
)
WEB_TOO_LARGE = "Die Seite ist größer als {limit} MB und wurde übersprungen."
WEB_ROBOTS = "robots.txt der Website erlaubt das Abrufen dieser Seite nicht."
WEB_CONTENT_TYPE = "Kein HTML oder PDF (Inhaltstyp „{content_type}“); übersprungen."
WEB_PAGE_LIMIT = (
    "Seitenlimit erreicht: {limit} Seiten übernommen, mindestens {found} gefunden. Mit "
    "--max-pages lässt sich das Limit erhöhen."
)
WEB_BAD_URL = "„{url}“ ist keine gültige http(s)-Adresse."
WEB_SITEMAP_BROKEN = "Die Sitemap {url} ist nicht lesbar ({detail})."
WEB_GONE = "Die Seite ist nicht mehr abrufbar ({reason}); die gespeicherte Fassung bleibt."
WEB_STATUS = {
    "new": "neu",
    "changed": "geändert",
    "unchanged": "unverändert",
    "failed": "fehlgeschlagen",
    "skipped": "übersprungen",
}
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
    "NOTE_INFERRED_VERSION",
    "NOTE_INFERRED_VERSION_ALONE",
    "NOTE_UNCONFIRMED",
    "NOTE_UNCONFIRMED_ALONE",
    "NOTE_VALUES_DIFFER",
    "UNCONFIRMED_PAIR",
    "WARN_CONFLICT",
    "WARN_INFERRED_VERSION",
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
# A version link read off the documents (an update without a manifest ``supersedes``).
NOTE_INFERRED_VERSION = (
    "Hinweis: „{new_title}“ (Stand {new_stand}) ist offenbar eine Fortschreibung von "
    "„{old_title}“ (Stand {old_stand}); das ist aus den Dokumenten erschlossen und von der "
    "Verwaltung noch nicht bestätigt, darum steht die bisherige Fassung vorn."
)
NOTE_INFERRED_VERSION_ALONE = (
    "Hinweis: „{new_title}“ (Stand {new_stand}) ist offenbar eine Fortschreibung von „{old}“ "
    "(aus den Dokumenten erschlossen, noch nicht bestätigt). Bitte seine Angaben mit Vorsicht "
    "lesen."
)
UNCONFIRMED_PAIR = "{old} (Stand {old_stand}) gegenüber {new} (Stand {new_stand}, nicht bestätigt)"
WARN_UNCONFIRMED = (
    "Neu, noch nicht bestätigt: soll {other} ersetzen. Bis zur Bestätigung (Verwaltung oder "
    "`konzeptlotse confirm {doc_id}`) stehen in Antworten die Aussagen von {other} vorn."
)
WARN_INFERRED_VERSION = (
    "Offenbar eine Fortschreibung von {other} (aus dem Dokument erschlossen, kein Eintrag "
    "„supersedes“ im Manifest). Bis zur Bestätigung (`konzeptlotse confirm {doc_id}` oder "
    "ein Manifest-Eintrag) stehen in Antworten die Aussagen von {other} vorn."
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
