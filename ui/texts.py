"""All German user-facing strings of the Streamlit app in one place."""

from __future__ import annotations

APP_TITLE = "Konzeptlotse"
APP_ICON = "🧭"
OFFLINE_NOTE = "Läuft offline auf diesem Rechner."

# --- navigation
NAV_CHAT = "Chat"
NAV_ADMIN = "Verwaltung"
NAV_EVAL = "Evaluation"

# --- chat: first visit
CHAT_TITLE = "Konzeptlotse"
CHAT_CAPTION = (
    "Antworten aus den Kommunalen Konzepten und dem Orientierungsrahmen – jede Aussage mit "
    "nummerierter Quelle."
)
WELCOME_HEADING = "Willkommen beim Konzeptlotsen"
WELCOME_BODY = """\
**Was der Konzeptlotse kann:** Er sucht in den eingelesenen Konzepten und Leitfäden und
antwortet mit Sätzen aus diesen Dokumenten. Jede Aussage trägt eine Nummer wie [1]; darunter
stehen Dokument, Kommune, Stand, Seite und die zitierte Textstelle. Ein Klick auf
„Originalseite“ zeigt die Seite selbst.

**Was er nicht kann:** Er kennt nur die eingelesenen Dokumente, nicht das Internet und keine
Einzelfälle. Steht etwas nicht in den Dokumenten, sagt er das, statt zu raten. Er gibt keine
Rechtsberatung; maßgeblich bleibt das Originaldokument.

Alles bleibt auf diesem Rechner. Probieren Sie eine dieser Fragen:"""
EXAMPLE_QUESTIONS = (
    "Wann hat die Clearingstelle in Kesselbrück offene Sprechstunde?",
    "Wie oft tagt der Platzierungsausschuss im Kreis Ostwaldau?",
    "Was ist ein Kommunales Konzept?",
)
CHAT_PLACEHOLDER = "Ihre Frage, z. B. „Wer führt die Erstberatung durch?“"
NEW_CONVERSATION = "Neues Gespräch"
SEARCHING = "Suche in den Dokumenten …"
ASK_FAILED = (
    "Bei dieser Frage ist ein interner Fehler aufgetreten ({error}). Bitte die Frage anders "
    "formulieren oder die Administration informieren; Einzelheiten stehen im Server-Protokoll."
)
PRIVACY_NOTICE = (
    "Ihre Frage enthält offenbar persönliche Angaben ({kinds}). Der Konzeptlotse ist für "
    "Fragen zu den Konzepten da, nicht für Einzelfälle. Die Frage wurde deshalb nicht "
    "gestellt und nirgends gespeichert."
)
PRIVACY_REDACTED = "Ohne persönliche Angaben lautet sie:"
PRIVACY_ASK_REDACTED = "Ohne persönliche Angaben fragen"
PRIVACY_DISCARD = "Verwerfen"
AUDIT_WRITE_FAILED = (
    "Diese Antwort konnte nicht im Prüfprotokoll vermerkt werden (Speicher voll oder keine "
    "Schreibrechte im Datenverzeichnis). Bitte die Administration informieren."
)
NO_INDEX = (
    "Es sind noch keine Dokumente eingelesen. Eine Administratorin oder ein Administrator "
    "kann sie unter „Verwaltung“ hochladen und einlesen."
)

# --- chat: filters
FILTERS = "Filter"
FILTER_KOMMUNE = "Kommune"
FILTER_KOMMUNE_ALL = "Alle Kommunen"
FILTER_DOC_TYPE = "Dokumenttyp"
FILTER_DOC_TYPE_ALL = "Alle Dokumenttypen"
FILTER_STAND = "Stand ab Jahr"
FILTER_STAND_ALL = "Alle"
FILTERS_ACTIVE = "Gefiltert: {filters}"
FILTER_YEAR = "Stand ab {year}"

# --- chat: answers and sources
REFUSAL_MARK = "Keine belegte Antwort – die Dokumente enthalten dazu nichts Ausreichendes."
SOURCES = "Quellen"
RELATED = "Möglicherweise relevant"
RELATED_HINT = "Diese Stellen kommen der Frage am nächsten, beantworten sie aber nicht sicher."
STAND = "Stand {stand}"
INFERRED_VALUE = "{value} (aus dem Dokument erschlossen)"  # no manifest entry gave it
NAMES_ONLY = "ohne Kommune, nennt nur {place}"
PAGE = "Seite {page}"
SECTION = "Abschnitt {section}"
OCR_SOURCE = "Text per Texterkennung (OCR)"
CONTEXT = "Im Zusammenhang lesen"
OPEN_PAGE = "Originalseite"
OPEN_PAGE_HELP = "Zeigt die Originalseite mit der markierten Textstelle."
PAGE_DIALOG = "Originalseite"
PAGE_OF = "Seite {page} von {count}"
PAGE_ALT = "Seite {page} des Dokuments „{title}“"
PAGE_MARKED = "Die zitierte Stelle ist gelb markiert."
PAGE_UNMARKED = (
    "Die zitierte Stelle konnte auf dem Seitenbild nicht automatisch markiert werden; "
    "sie lautet: „{quote}“"
)
PAGE_PREVIOUS = "Vorherige Seite"
PAGE_NEXT = "Nächste Seite"
PAGE_DOWNLOAD = "Originaldatei herunterladen"
PAGE_MISSING = "Die Originaldatei „{doc_id}“ ist nicht mehr vorhanden."
PAGE_FAILED = "Die Seite konnte nicht angezeigt werden ({detail})."
DOC_KIND_TEXT = "Textdokument (ohne Seiten); die zitierte Stelle ist gelb markiert."
CONTACT_HEADING = "Zuständig"
CONTACT_SOURCE = "Quelle"
CONTACT_HINT = "So steht es im zitierten Dokument; bitte vor Weitergabe dort prüfen."
FEEDBACK_HELPFUL = "Hilfreich"
FEEDBACK_UNHELPFUL = "Nicht hilfreich"
COMPARISON_HEADING = "Vergleich nach Kommunen"
COMPARISON_NOTHING = "In den Dokumenten von {kommune} steht dazu nichts."
COMPARISON_SOURCES = "Quellen: {numbers}"
GENERATED_BY = (
    "Formuliert vom Sprachmodell {generator}; jede Aussage wurde gegen die zitierten Stellen "
    "geprüft."
)
CHECKS_DOUBTFUL = "{count} Aussage(n) nicht ausreichend belegt – bitte an der Quelle prüfen"
DETAILS = "Details zur Suche"
DETAILS_REWRITTEN = "Gesucht wurde nach: „{query}“ (Folgefrage eigenständig formuliert)."
DETAILS_TIME = "Antwortzeit: {ms:.0f} ms"
DETAILS_INDEX = "Indexstand: {version}"

# --- chat: feedback and export
FEEDBACK_PROMPT = "War diese Antwort hilfreich?"
FEEDBACK_COMMENT = "Kommentar (optional)"
FEEDBACK_COMMENT_SAVE = "Kommentar speichern"
FEEDBACK_COMMENT_HELP = "Bitte ohne Namen oder andere persönliche Angaben; solche werden entfernt."
FEEDBACK_THANKS = "Danke! Ihre Rückmeldung ist gespeichert – nur auf diesem Rechner."
FEEDBACK_COMMENT_SAVED = "Kommentar gespeichert."
COPY = "Als Markdown kopieren"
COPY_HINT = "Mit dem Symbol oben rechts im Feld kopieren."
DOWNLOAD = "Als Markdown herunterladen"
EXPORT_QUESTION = "Frage"
EXPORT_ANSWER = "Antwort"
EXPORT_FILTERS = "Filter"
EXPORT_FOOTER = "Erstellt mit dem Konzeptlotsen (Indexstand {version})."

# --- admin: access
ADMIN_TITLE = "Verwaltung"
ADMIN_DISABLED = """\
Der Verwaltungsbereich ist ausgeschaltet, weil kein Admin-Passwort eingerichtet ist.

So schalten Sie ihn ein:

1. Im Projektordner `.venv/bin/konzeptlotse admin-hash` ausführen und zweimal das gewünschte
   Passwort eingeben.
2. Die ausgegebene Zeile `KONZEPTLOTSE_ADMIN_PASSWORD_HASH=…` in die Datei `.env` im
   Projektordner eintragen (oder als Umgebungsvariable setzen).
3. Den Konzeptlotsen neu starten (`make run`).

Ohne Passwort bleiben Hochladen, Einlesen und Löschen gesperrt; die Kommandozeile
(`konzeptlotse ingest`, `konzeptlotse add`, `konzeptlotse delete`) steht Administratoren
weiterhin zur Verfügung."""
ADMIN_HASH_INVALID = (
    "Der eingerichtete Wert von KONZEPTLOTSE_ADMIN_PASSWORD_HASH ist kein gültiger Hash. "
    "Bitte mit `konzeptlotse admin-hash` neu erzeugen und eintragen."
)
LOGIN_HEADING = "Anmeldung"
LOGIN_PASSWORD = "Admin-Passwort"
LOGIN_SUBMIT = "Anmelden"
LOGIN_WRONG = "Das Passwort ist falsch."
LOGIN_THROTTLED = "Zu viele Fehlversuche. Bitte in {seconds} Sekunden erneut versuchen."
LOGIN_THROTTLED_ONE = "Zu viele Fehlversuche. Bitte in 1 Sekunde erneut versuchen."
LOGIN_EXPIRED = (
    "Ihre Anmeldung ist nach {minutes} Minuten ohne Aktivität abgelaufen. Bitte erneut anmelden."
)
LOGOUT = "Abmelden"
LOGGED_IN = "Angemeldet als Administrator/in."
LOGGED_IN_AS = "Angemeldet als {role}."
ROLE_NAMES = {"admin": "Administrator/in", "evaluator": "Evaluator/in"}

# --- admin: documents
TAB_DOCUMENTS = "Dokumente"
TAB_UPLOAD = "Hochladen"
TAB_INGEST = "Einlesen"
TAB_AUDIT = "Protokoll"
DOCS_EMPTY = "Noch keine Dokumente im Dokumentordner oder im Index."
DOCS_SUMMARY = "{indexed} eingelesen · {failed} fehlgeschlagen · {pending} nicht eingelesen"
COL_DOC = "Dokument"
COL_TITLE = "Titel"
COL_KOMMUNE = "Kommune"
COL_TYPE = "Typ"
COL_STAND = "Stand"
COL_PAGES = "Seiten"
COL_CHUNKS = "Abschnitte"
COL_INGESTED = "Eingelesen"
COL_STATUS = "Status"
COL_WARNINGS = "Hinweise"
DOC_STATUS = {
    "indexed": "eingelesen",
    "failed": "fehlgeschlagen",
    "skipped": "übersprungen",
    "pending": "nicht eingelesen",
}
CONFIRM_HEADING = "Neue Fassungen bestätigen"
CONFIRM_INTRO = (
    "Diese Dokumente wurden mit „ersetzt“ eingestellt oder sind laut ihrem Titel Fortschreibungen "
    "eines anderen Dokuments, und sie sind noch nicht bestätigt. Bis zur "
    "Bestätigung stehen in Antworten die Aussagen des älteren Dokuments vorn, die neue Fassung "
    "erscheint mit einem Hinweis. Bitte vorher prüfen, ob das Dokument echt ist (Herkunft, "
    "abweichende Angaben in der Liste oben)."
)
CONFIRM_ITEM = "**{title}** (`{doc_id}`, Stand {stand}) soll `{old}` ersetzen."
CONFIRM_ITEM_INFERRED = (
    "**{title}** (`{doc_id}`, Stand {stand}) ist offenbar eine Fortschreibung von `{old}` "
    "(aus dem Dokument erschlossen)."
)
CONFIRM_BUTTON = "Als gültige Fassung bestätigen"
UPLOAD_UNCONFIRMED = (
    "„{name}“ ersetzt laut Angabe „{old}“ und ist als neu, noch nicht bestätigt markiert. "
    "Bestätigen unter „Dokumente“, sobald die Fassung geprüft ist."
)
CONFIRM_DONE = "Bestätigt: {doc_id}. Das Dokument wird neu eingelesen – Fortschritt oben."
JOB_CONFIRM = "Einlesen der bestätigten Fassung {doc_id}"
CLI_CONFIRM_NEEDED = (
    "Neue Fassung, noch nicht bestätigt: Bis zur Bestätigung mit `konzeptlotse confirm {doc_id}` "
    "(oder in der Verwaltung) stehen in Antworten die Aussagen des älteren Dokuments vorn."
)
CLI_CONFIRMED = "Bestätigt: {doc_id}. Das Dokument wird neu eingelesen …"
DELETE_HEADING = "Dokument löschen"
DELETE_SELECT = "Dokument"
DELETE_CONFIRM = "Ich möchte dieses Dokument endgültig löschen (Datei, Manifest-Eintrag, Index)."
DELETE_BUTTON = "Löschen"
DELETE_DONE = "Gelöscht: {doc_id}."
DELETE_KEPT_FILE = "Die Datei liegt außerhalb des Dokumentordners und wurde nicht angetastet."

# --- admin: upload
UPLOAD_FILE = "Datei (PDF, Word/DOCX, OpenDocument/ODT, HTML, Markdown oder TXT, höchstens {mb} MB)"
UPLOAD_TITLE = "Titel (leer = aus der Datei)"
UPLOAD_KOMMUNE = "Kommune"
UPLOAD_KOMMUNE_PLACEHOLDER = "Kommune wählen oder neu eintippen"
CHOOSE = "Bitte wählen"
UPLOAD_KOMMUNE_HELP = "Vorhandene Kommune wählen oder einen neuen Namen eintippen."
UPLOAD_DOC_TYPE = "Dokumenttyp"
UPLOAD_STAND = "Stand (Datum der Fassung)"
UPLOAD_ISSUER = "Herausgeber"
UPLOAD_SOURCE = "Herkunft (z. B. Webadresse oder Ablageort)"
UPLOAD_SUPERSEDES = "Ersetzt (teilweise) das Dokument"
UPLOAD_SUPERSEDES_NONE = "– keines –"
UPLOAD_REPLACE = "Vorhandene Datei gleichen Namens ersetzen"
UPLOAD_SUBMIT = "Hochladen und einlesen"
UPLOAD_MISSING_FILE = "Bitte zuerst eine Datei auswählen."
UPLOAD_SAVED = "Gespeichert als „{name}“. Das Einlesen läuft – Fortschritt oben."
UPLOAD_RENAMED = "Der Dateiname wurde zu „{name}“ vereinfacht."

# --- admin: website
WEB_INTRO = (
    "**Webseite übernehmen:** Die Seiten werden abgerufen (robots.txt wird beachtet, mit "
    "Pause zwischen den Abrufen), als datierte Schnappschüsse im Dokumentordner unter `web/` "
    "abgelegt und eingelesen. Erneutes Abrufen holt nur geänderte Seiten."
)
WEB_URL = "Adresse der Webseite"
WEB_SITEMAP = "Alle Seiten der Sitemap"
WEB_SAME_SITE = "Links derselben Website folgen"
WEB_MAX_PAGES = "Höchstens so viele Seiten"
WEB_SUBMIT = "Abrufen und einlesen"
WEB_BAD_URL = "Bitte eine Adresse angeben, die mit http:// oder https:// beginnt."
WEB_STARTED = "Abruf von {url} gestartet – Fortschritt oben."
JOB_WEB = "Webseite {url}"
BUSY = "Es läuft gerade ein Einlesevorgang. Änderungen sind bis zu seinem Ende gesperrt."

# --- admin: ingest
INGEST_INTRO = (
    "Einlesen aktualisiert den Index aus dem Dokumentordner `{corpus}`. Der Chat beantwortet "
    "währenddessen weiter Fragen aus dem bisherigen Stand; schlägt ein Lauf fehl, bleibt der "
    "bisherige Index erhalten."
)
DRY_RUN = "Probelauf: was würde sich ändern?"
INGEST_CHANGED = "Geänderte Dokumente einlesen"
REBUILD = "Index komplett neu aufbauen"
REBUILD_CONFIRM = "Ja, den Index komplett neu aufbauen (dauert länger)."
DRY_RUN_NOTHING = "Alles aktuell – ein Lauf würde nichts ändern."
DRY_RUN_UNCHANGED = "{count} unverändert."
JOB_RUNNING = "{label}: {done} von {total} · {chunks} eingebettet · {current}"
ETA = "noch etwa {time}"  # remaining time of an ingest run, e.g. "noch etwa 3 min"
JOB_STARTING = "{label} startet …"
JOB_DONE = "{label} abgeschlossen. {summary}"
JOB_FAILED = "{label} fehlgeschlagen: {error} Der bisherige Index bleibt in Gebrauch."
JOB_BUSY = "Es läuft bereits ein Vorgang („{label}“). Bitte warten."
JOB_INGEST = "Einlesen"
JOB_REBUILD = "Neuaufbau"
JOB_UPLOAD = "Einlesen von {name}"
COL_OUTCOME = "Ergebnis"
COL_REASON = "Grund / Hinweis"

# --- evaluation
EVAL_TITLE = "Evaluation"
EVAL_CAPTION = (
    "Der feste Fragensatz misst Suche (hit@k, MRR), Antworten (Fakten, Zitate, Ablehnungen) "
    "und Antwortzeit – für den Konzeptlotsen und die Vergleichsverfahren im selben Lauf."
)
EVAL_LOGIN_PASSWORD = "Passwort (Evaluation oder Verwaltung)"
EVAL_DISABLED = """\
Die Evaluationsseite ist ausgeschaltet, weil weder ein Evaluations- noch ein Admin-Passwort
eingerichtet ist.

So schalten Sie sie ein:

1. Im Projektordner `.venv/bin/konzeptlotse admin-hash --role evaluator` ausführen und
   zweimal das gewünschte Passwort eingeben.
2. Die ausgegebene Zeile `KONZEPTLOTSE_EVALUATOR_PASSWORD_HASH=…` in die Datei `.env` im
   Projektordner eintragen (oder als Umgebungsvariable setzen).
3. Den Konzeptlotsen neu starten (`make run`).

Mit dem Admin-Passwort ist die Seite ebenfalls zugänglich."""
TAB_RUN_VIEW = "Lauf ansehen"
TAB_COMPARE = "Zwei Läufe vergleichen"
TAB_NEW_RUN = "Neuer Lauf"
TAB_FEEDBACK = "Rückmeldungen"
RUNS_NONE = "Noch keine gespeicherten Läufe. Starten Sie einen unter „Neuer Lauf“."
RUN_SELECT = "Lauf"
RUN_LABEL = "{timestamp} · {questions} Fragen · Commit {commit} · {name}"
RUN_OVERALL = "Gesamt"
RUN_SYSTEMS = "Alle Verfahren im selben Lauf"
RUN_SPLITS = "Nach Teilmenge (dev = zum Abstimmen, test = nur berichtet)"
RUN_CATEGORIES = "Nach Kategorie"
RUN_CHART_METRIC = "Kennzahl im Diagramm"
CHART_SYSTEMS = "Balkendiagramm: hit@1, hit@5 und MRR@10 je Verfahren"
CHART_CATEGORIES = "Balkendiagramm: {metric} je Kategorie"
RUN_QUESTIONS = "Fragen einzeln"
RUN_ONLY_FAILED = "Nur nicht bestandene"
RUN_CATEGORY_FILTER = "Kategorie"
ALL_CATEGORIES = "Alle Kategorien"
COL_ID = "ID"
COL_CATEGORY = "Kategorie"
COL_SPLIT = "Teil"
COL_QUESTION = "Frage"
COL_GOLD = "Gold"
COL_ANSWER = "Antwort"
COL_CITATIONS = "Zitate"
COL_PASSED = "Bestanden"
COL_RANK = "Rang"
COL_SYSTEM = "Verfahren"
COL_METRIC = "Kennzahl"
COL_BEFORE = "Vorher"
COL_AFTER = "Nachher"
COL_DELTA = "Differenz"
COMPARE_BEFORE = "Vorher (Basis)"
COMPARE_AFTER = "Nachher"
COMPARE_NEED_TWO = "Für einen Vergleich braucht es mindestens zwei gespeicherte Läufe."
COMPARE_METRICS = "Kennzahlen im Vergleich"
COMPARE_CATEGORIES = "Bestehensquote je Kategorie"
COMPARE_IMPROVED = "Neu bestanden ({count})"
COMPARE_REGRESSED = "Neu nicht bestanden ({count})"
COMPARE_ONLY = "Nur in einem Lauf: {before} nur vorher, {after} nur nachher."
COMPARE_STABLE = "Unverändert: {passed} weiter bestanden, {failed} weiter nicht bestanden."
COMPARE_NONE = "Keine."
NEW_RUN_DATASET = "Fragensatz (JSONL)"
NEW_RUN_DATASET_HELP = (
    "Zur Wahl stehen die JSONL-Fragensätze im Ordner `evals/` und im Datenverzeichnis; "
    "andere Pfade sind hier aus Sicherheitsgründen nicht möglich."
)
NEW_RUN_NO_DATASETS = (
    "Es gibt keinen Fragensatz im Ordner `evals/` oder im Datenverzeichnis. Bitte eine "
    "JSONL-Datei im Format von `evals/fragen.jsonl` dort ablegen."
)
DATASET_IN_EVALS = "Ordner evals"
DATASET_IN_DATA = "Datenverzeichnis"
NEW_RUN_BASELINES = "Vergleichsverfahren mitmessen (LangChain-Standard, Nur BM25, Nur Dense)"
NEW_RUN_SPLIT = "Teilmenge"
NEW_RUN_SPLITS = {"all": "alle", "dev": "dev", "test": "test"}
NEW_RUN_LIMIT = "Höchstens so viele Fragen (0 = alle)"
NEW_RUN_START = "Evaluation starten"
NEW_RUN_HINT = (
    "Ein vollständiger Lauf dauert einige Minuten. Sie können die Seite verlassen; der Lauf "
    "geht weiter und wird unter `{runs}` gespeichert."
)
EVAL_JOB = "Evaluation"
EVAL_PROGRESS = "Evaluation: {system} – Frage {done} von {total}"
EVAL_DONE = "Evaluation abgeschlossen und gespeichert: {path}"
FEEDBACK_NONE = "Noch keine Rückmeldungen."
FEEDBACK_COUNTS = "{helpful} hilfreich · {unhelpful} nicht hilfreich"
FEEDBACK_EXPORT = "Als Kandidatenfragen exportieren (JSONL)"
FEEDBACK_EXPORT_HINT = (
    "Jede Rückmeldung wird eine Kandidatenfrage im Format von `evals/fragen.jsonl` "
    "(„candidate“: true). Hilfreiche Antworten schlagen ihre zitierten Seiten als Gold vor; "
    "nicht hilfreiche sind zur Prüfung markiert. Kategorie, Gold und Fakten ergänzt eine "
    "Prüferin oder ein Prüfer, bevor eine Frage in den Satz aufgenommen wird."
)
COL_HELPFUL = "Hilfreich"
COL_COMMENT = "Kommentar"
COL_DATE = "Datum"
YES = "ja"
NO = "nein"

METRIC_LABELS = {
    "pass_rate": "Bestanden",
    "hit@1": "hit@1",
    "hit@5": "hit@5",
    "mrr@10": "MRR@10",
    "fact_recall": "Fakten",
    "citation_precision": "Zitat-Präzision",
    "refusal_accuracy": "Ablehnung korrekt",
    "false_refusal": "Fehl-Ablehnungen",
    "kommune_coverage": "Kommunen abgedeckt",
    "p50_ms": "Antwortzeit p50 (ms)",
    "p95_ms": "Antwortzeit p95 (ms)",
    "n": "Fragen",
}
SETTINGS_INVALID = (
    "Die Konfiguration ist fehlerhaft: {error} Bitte die Einstellung korrigieren (Umgebung "
    "oder .env im Projektordner) und den Konzeptlotsen neu starten."
)

# --- admin: audit trail
AUDIT_INTRO = (
    "Zu jeder Antwort wird festgehalten, welcher Indexstand und welche Dokumentfassungen sie "
    "ergeben haben – die Frage nur ohne persönliche Angaben. Aufbewahrung: {retention}."
)
AUDIT_FOREVER = "unbegrenzt"
AUDIT_SINCE = "Antworten ab"
AUDIT_EMPTY = "Keine Antworten in diesem Zeitraum."
AUDIT_COUNT_SUFFIX = " im Zeitraum (neueste zuerst)."
AUDIT_INTACT = "Protokoll vollständig und unverändert (Prüfkette in Ordnung)."
AUDIT_BROKEN = "Das Protokoll wurde verändert oder ist unvollständig: {details}"
AUDIT_EXPORT = "Als JSON herunterladen"
AUDIT_FOUND = "beantwortet"
AUDIT_REFUSED = "abgelehnt"
AUDIT_CHANNELS = {"chat": "Chat", "cli": "Kommandozeile"}
COL_TIME = "Zeit"
COL_CHANNEL = "Kanal"
COL_RESULT = "Ergebnis"
COL_SOURCES = "Dokumente (Stand, Prüfsumme)"
COL_GENERATOR = "Erzeugt von"
COL_SUPPORT = "Belegung"
COL_PII = "Entfernt"
COL_INDEX = "Indexstand"
PII_KIND_LABELS = {
    "name": "Name",
    "birthdate": "Geburtsdatum",
    "address": "Adresse",
    "phone": "Telefon",
    "email": "E-Mail",
    "case_id": "Kennung",
}

# --- German for texts Streamlit's frontend writes itself (ui/german_dom.py)
DOM_TEXT = {
    "Browse files": "Datei auswählen",
    "Upload": "Datei auswählen",
    "Drag and drop file here": "Datei hierher ziehen",
    "Drag and drop files here": "Dateien hierher ziehen",
    "Press Enter to submit form": "Eingabetaste sendet das Formular",
    "Press Enter to apply": "Eingabetaste übernimmt",
    "No results": "Keine Treffer",
    "No options to select": "Keine Auswahl möglich",
    "Choose an option": "Bitte wählen",
    "Running...": "Läuft …",
    "Stop": "Anhalten",
    "Copy to clipboard": "In die Zwischenablage kopieren",
    "Copied to clipboard": "Kopiert",
    "Search": "Suchen",
    "Download as CSV": "Als CSV herunterladen",
    "Fullscreen": "Vollbild",
    "Close fullscreen": "Vollbild beenden",
    "Show password text": "Passwort anzeigen",
    "Hide password text": "Passwort verbergen",
}
DOM_ARIA = {
    "Close": "Schließen",
    "Clear all": "Alle entfernen",
    "Remove": "Entfernen",
    "Open": "Öffnen",
    "Show password text": "Passwort anzeigen",
    "Hide password text": "Passwort verbergen",
    "Increment": "Erhöhen",
    "Decrement": "Verringern",
    "Previous month": "Voriger Monat",
    "Next month": "Nächster Monat",
    "Choose a date": "Datum wählen",
    "Collapse sidebar": "Seitenleiste einklappen",
    "Expand sidebar": "Seitenleiste ausklappen",
    "Main menu": "Hauptmenü",
}
DOM_PATTERNS = [
    [r"^(?:Limit )?(\d+)\s?MB per file • (.+)$", "Höchstens $1 MB je Datei • $2"],
    [r"^(?:Limit )?(\d+)\s?MB per file$", "Höchstens $1 MB je Datei"],
    [r"^[dD]{2}\.[mM]{2}\.[yY]{4}$", "TT.MM.JJJJ"],
    [r"^day, (.+)$", "Tag, $1"],
    [r"^month, (.+)$", "Monat, $1"],
    [r"^year, (.+)$", "Jahr, $1"],
]
