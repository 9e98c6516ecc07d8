"""HTML -> page text: the page's main content without navigation, banners and footers.

Web chrome is removed in three layers: elements that are chrome by tag, role or name
(cookie banners, navigation, breadcrumbs, share and print links) are dropped first; then
trafilatura, a library made for main-content extraction, picks the article; last, short
blocks that are only chrome phrases ("Druckansicht", "Seite teilen") are dropped. Tables are
rendered from the original markup (spans intact) before trafilatura sees the page, and put
back in place through a placeholder paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..clean import first_heading, normalize_chars
from .tables import TableCell, is_caption, table_block

__all__ = ["CHROME_PHRASES", "HtmlPage", "html_to_text", "is_chrome_line", "read_html"]

_DROP_TAGS = ("script", "style", "noscript", "nav", "form", "template", "svg", "iframe")
_LINK_SHARE = 0.5  # an aside whose text is mostly link text is a teaser box, not content
# A phone number, e-mail address or German postcode with its town: a contact box.
_CONTACT = re.compile(
    r"\b(?:Tel(?:efon)?\.?:?\s*[+(\d]|[\w.+-]{1,64}@[\w-]{1,63}\.|\d{5} [A-ZÄÖÜ])"
)
_CHROME_ROLES = {"navigation", "banner", "contentinfo", "search", "dialog", "alertdialog"}
# Matched against id, class and aria-label (linear: a plain alternation of literals).
_CHROME_NAMES = re.compile(
    r"cookie|consent|gdpr|dsgvo|banner|breadcrumb|brotkrume|skip|social|share|teilen|"
    r"menu|menue|navigation|navbar|sidebar|footer|print|druck|newsletter|toolbar|pagination|"
    r"rootline",
    re.I,
)
_FOLDED_NAMES = re.compile(r"accordion|collapse|tab-?pane|tabpanel|panel", re.I)
CHROME_PHRASES = frozenset(
    s.lower()
    for s in (
        "Druckansicht",
        "Drucken",
        "Seite drucken",
        "Seite teilen",
        "Teilen",
        "Diese Seite teilen",
        "Nach oben",
        "Zum Seitenanfang",
        "Zurück",
        "Zurück zur Übersicht",
        "Zum Inhalt springen",
        "Zum Hauptinhalt springen",
        "Zur Navigation springen",
        "Zur Suche springen",
        "Navigation überspringen",
        "Direkt zum Inhalt",
        "Hauptnavigation",
        "Menü",
        "Suche",
        "Startseite",
        "Sie sind hier:",
        "Alle akzeptieren",
        "Alle ablehnen",
        "Nur notwendige Cookies",
        "Cookie-Einstellungen",
        "Einstellungen speichern",
        "Akzeptieren",
        "Ablehnen",
        "Impressum",
        "Datenschutz",
        "Datenschutzerklärung",
        "Barrierefreiheit",
        "Kontakt",
        "Leichte Sprache",
        "Gebärdensprache",
        "Seite vorlesen",
        "Vorlesen",
        "Link kopieren",
        "E-Mail",
        "Facebook",
        "Instagram",
        "X",
        "Mastodon",
        "WhatsApp",
        "Mehr erfahren",
        "Weiterlesen",
    )
)
_PLACEHOLDER = "KLTABELLE{:04d}X"
_PLACEHOLDER_RE = re.compile(r"^KLTABELLE(\d{4})X$")
_MAX_ATTR_SPAN = 1000
# Control characters are not allowed in XML; lxml refuses strings that contain them.
_CONTROL = {c: None for c in [*range(0, 9), 11, 12, *range(14, 32)]}


def is_chrome_line(text: str) -> bool:
    """A block that is only web chrome: a known phrase or a row of them ("Drucken | Teilen")."""
    stripped = text.strip().lstrip("-•›» ").strip()
    if not stripped or len(stripped) > 120:
        return False
    parts = [p.strip().lower() for p in re.split(r"[|·•/]", stripped) if p.strip()]
    return bool(parts) and all(p in CHROME_PHRASES for p in parts)


@dataclass(frozen=True)
class HtmlPage:
    """What an HTML page gives: its title, main-content text and the date it states in its
    metadata (ISO ``YYYY-MM-DD``, "" if none)."""

    title: str
    text: str
    dated: str = ""


def html_to_text(html: str) -> tuple[str, str]:
    """(title, page text) of an HTML page: main content only, tables as row lines."""
    page = read_html(html)
    return page.title, page.text


def read_html(html: str) -> HtmlPage:
    """Title, main-content text and stated date of an HTML page (see ``html_to_text``)."""
    import lxml.html
    from lxml.etree import ParserError

    try:
        root = lxml.html.document_fromstring(html.translate(_CONTROL) or "<html></html>")
    except (ParserError, ValueError):  # no element at all (only whitespace or a comment)
        return HtmlPage("", "")
    title, dated = _title(root), _stated_date(root)
    for br in root.iter("br"):  # a line break separates words ("Feldau<br>Marktplatz 4")
        br.tail = "\n" + (br.tail or "")
    contacts = _contact_boxes(root)
    _drop_chrome(root)
    _unfold_structure(root)
    tables = _replace_tables(root)
    _unwrap_figures(root)
    blocks = _main_blocks(root) + contacts
    text = "\n\n".join(_restore(block, tables) for block in blocks if not is_chrome_line(block))
    body = normalize_chars(text)
    return HtmlPage(title or first_heading(body), body, dated)


# Metadata that dates a page's content, most specific first (a change before publication).
_DATE_META = (
    "article:modified_time",
    "og:updated_time",
    "dcterms.modified",
    "dc.date.modified",
    "last-modified",
    "revised",
    "date",
    "dcterms.date",
    "dc.date",
    "article:published_time",
)
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_GERMAN_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")


def _stated_date(root: Any) -> str:
    """The date a page's ``<meta>`` tags (or, failing them, a ``<time datetime>`` in its
    article) give its content; "" if none."""
    found: dict[str, str] = {}
    for meta in root.iter("meta"):
        key = (meta.get("name") or meta.get("property") or meta.get("http-equiv") or "").lower()
        date = _iso_date(meta.get("content") or "")
        if key in _DATE_META and date:
            found.setdefault(key, date)
    for key in _DATE_META:
        if key in found:
            return found[key]
    for time in root.iter("time"):
        date = _iso_date(time.get("datetime") or "")
        if date and _inside(time, ("main", "article")):
            return date
    return ""


def _iso_date(value: str) -> str:
    value = value.strip()
    iso, german = _ISO_DATE.match(value), _GERMAN_DATE.match(value)
    if iso:
        year, month, day = iso.groups()
    elif german:
        day, month, year = german.groups()
    else:
        return ""
    if not (1 <= int(month) <= 12 and 1 <= int(day) <= 31):
        return ""
    return f"{year}-{int(month):02d}-{int(day):02d}"


def _title(root: Any) -> str:
    found = root.find(".//title")
    return " ".join((found.text_content() if found is not None else "").split())


def _drop_chrome(root: Any) -> None:
    for element in list(root.iter()):
        if not isinstance(element.tag, str):  # comments, processing instructions
            _remove(element)
            continue
        if element.tag in _DROP_TAGS or _is_chrome(element) or _is_teaser(element):
            _remove(element)
            continue
        if _folded(element):  # shown as content: the extractor drops what is hidden
            for attribute in ("aria-hidden", "hidden", "style"):
                element.attrib.pop(attribute, None)
        elif element.tag == "aside":
            element.tag = "section"  # content: the main-content extractor drops asides


def _is_chrome(element: Any) -> bool:
    tag = element.tag
    if tag in ("html", "body", "main", "article"):
        return False
    if tag in ("header", "footer") and not _inside(element, ("main", "article")):
        return True
    role = (element.get("role") or "").lower()
    if role in _CHROME_ROLES or (element.get("aria-hidden") == "true" and not _folded(element)):
        return True
    names = " ".join(
        [element.get("id") or "", element.get("class") or "", element.get("aria-label") or ""]
    )
    return bool(names.strip()) and bool(_CHROME_NAMES.search(names))


def _folded(element: Any) -> bool:
    """A closed accordion entry or inactive tab: hidden from screen readers until opened,
    but content."""
    role = (element.get("role") or "").lower()
    return role in ("tabpanel", "region") or bool(_FOLDED_NAMES.search(element.get("class") or ""))


def _is_teaser(element: Any) -> bool:
    """An aside outside the article, or one made of links ("Das könnte Sie interessieren").

    An aside in the article with running text (a contact box with office, address, phone
    and opening hours) is content: staff ask exactly that. Contact boxes beside the article
    are taken out before (``_contact_boxes``).
    """
    if element.tag != "aside":
        return False
    if not _inside(element, ("main", "article")):
        return True
    return _mostly_links(element)


def _mostly_links(element: Any) -> bool:
    text = len(" ".join(element.text_content().split()))
    links = sum(len(" ".join(a.text_content().split())) for a in element.iter("a"))
    return text == 0 or links > _LINK_SHARE * text


# Asides in these are no contact box beside the article: inside it they stay where they are,
# and the site's own address in a page footer answers nothing about the topic.
_NOT_BESIDE = ("main", "article", "aside", "header", "footer", "nav")


def _contact_boxes(root: Any) -> list[str]:
    """Blocks of the asides beside the article that give a phone number, e-mail address or
    postcode (a contact box: office, address, opening hours), taken out of the page.

    The main-content extractor would drop them as a sidebar, or, left in place, take the
    whole body for the article; they are added after the article's blocks instead.
    """
    blocks: list[str] = []
    for aside in list(root.iter("aside")):
        if _inside(aside, _NOT_BESIDE) or _mostly_links(aside):
            continue
        text = " ".join(aside.text_content().split())
        if _CONTACT.search(text):
            blocks += _own_blocks(aside) or [text]
            _remove(aside)
    return blocks


def _unfold_structure(root: Any) -> None:
    """Markup whose structure the main-content extractor flattens into one paragraph:

    * an accordion entry (``<details><summary>Wie läuft die Erstberatung ab?</summary>…``)
      becomes a heading one level below the last heading before it, over its content;
    * a description list (``<dl><dt>Montag</dt><dd>9 bis 12 Uhr</dd>…``) becomes a list
      of "Begriff: Beschreibung" items, so a value is never read apart from its term;
    * a heading made of a button (a scripted accordion's toggle) keeps its text, and other
      markup that makes the extractor flatten an article is unwrapped (``_unwrap_inline``);
    * a short paragraph that is all bold and ends in no full stop or colon ("<p><strong>Wer
      ist zuständig?</strong></p>", an editor's heading) becomes a heading;
    * a tab's label becomes the heading of its panel (the row of tabs goes).
    """
    import lxml.html
    from lxml import etree

    _label_tab_panels(root)
    _unwrap_inline(root)
    level = 1
    for element in list(root.iter("h1", "h2", "h3", "h4", "h5", "h6", "summary", "dl", "p")):
        if element.tag == "p":
            if _bold_heading(element):
                element.tag = f"h{min(level + 1, 6)}"
        elif element.tag[0] == "h":
            level = int(element.tag[1])
        elif element.tag == "summary":
            element.tag = f"h{min(level + 1, 6)}"
            details = element.getparent()
            if details is not None and details.tag == "details":
                details.tag = "section"
        else:
            replacement = lxml.html.Element("ul")
            for item in _described_terms(element):
                etree.SubElement(replacement, "li").text = item
            replacement.tail = element.tail
            element.getparent().replace(element, replacement)


_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


def _unwrap_inline(root: Any) -> None:
    """Elements that make the main-content extractor flatten a whole article into one
    paragraph (measured with trafilatura 2.3: ``time``, ``button``, ``label``, ``select``;
    figures: ``_unwrap_figures``): a date keeps its text, a button in a heading (an
    accordion's toggle) too, other buttons and form fields go."""
    for element in list(root.iter("time", "button", "label", "select")):
        if element.getparent() is None:
            continue
        if element.tag == "time" or (element.tag == "button" and _inside(element, _HEADINGS)):
            element.drop_tag()
        else:
            _remove(element)


def _unwrap_figures(root: Any) -> None:
    """A ``figure`` (which also makes the extractor flatten the article) becomes a plain
    block: a table in it stays (its caption was taken with it), an image's caption stays
    as a paragraph, the image goes."""
    for figure in list(root.iter("figure")):
        has_table = any(_PLACEHOLDER_RE.match((p.text or "").strip()) for p in figure.iter("p"))
        for child in list(figure.iter("figcaption", "img", "picture", "svg")):
            if child.getparent() is None:
                continue
            if child.tag == "figcaption" and not has_table:
                child.tag = "p"
            else:
                _remove(child)
        figure.tag = "div"


def _label_tab_panels(root: Any) -> None:
    """Each tab's label as a ``summary`` (made a heading above) at the start of its panel:
    the panel named by ``aria-controls``, else the panel in the same place of the order."""
    import lxml.html

    for tablist in list(root.xpath('//*[@role="tablist"]')):
        container = tablist.getparent()
        if container is None:
            continue
        tabs = tablist.xpath('.//*[@role="tab"]')
        panels = container.xpath('.//*[@role="tabpanel"]')
        by_id = {panel.get("id"): panel for panel in panels if panel.get("id")}
        for index, tab in enumerate(tabs):
            panel = by_id.get(tab.get("aria-controls") or "")
            if panel is None and index < len(panels):
                panel = panels[index]
            label = " ".join(tab.text_content().split())
            if panel is not None and label:
                summary = lxml.html.Element("summary")
                summary.text = label
                panel.insert(0, summary)
        _remove(tablist)


_BOLD_HEADING_CHARS = 100


def _bold_heading(paragraph: Any) -> bool:
    text = " ".join(paragraph.text_content().split())
    children = [c for c in paragraph if isinstance(c.tag, str) and c.tag != "br"]
    if not text or len(text) > _BOLD_HEADING_CHARS or text[-1] in ".:;,":
        return False
    if len(children) != 1 or children[0].tag not in ("strong", "b"):
        return False
    return " ".join(children[0].text_content().split()) == text


def _described_terms(dl: Any) -> list[str]:
    """ "Begriff: Beschreibung" of a description list (several descriptions joined by ";")."""
    items: list[tuple[str, list[str]]] = []
    for child in dl.iter("dt", "dd"):
        text = " ".join(child.text_content().split())
        if not text:
            continue
        if child.tag == "dt" or not items:
            items.append((text if child.tag == "dt" else "", []))
        if child.tag == "dd":
            items[-1][1].append(text)
    return [
        f"{term}: {'; '.join(values)}" if term and values else term or "; ".join(values)
        for term, values in items
    ]


def _inside(element: Any, tags: tuple[str, ...]) -> bool:
    return any(parent.tag in tags for parent in element.iterancestors())


def _remove(element: Any) -> None:
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail
    if tail and tail.strip():  # keep text that follows the removed element
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(element)


def _replace_tables(root: Any) -> list[str]:
    """Render every outermost table to a block and leave a placeholder paragraph in its place."""
    import lxml.html

    blocks: list[str] = []
    for table in list(root.iter("table")):
        if any(parent.tag == "table" for parent in table.iterancestors()):
            continue
        blocks.append(table_block(_table_rows(table), _caption(table)))
        placeholder = lxml.html.fromstring(f"<p>{_PLACEHOLDER.format(len(blocks) - 1)}</p>")
        placeholder.tail = table.tail
        table.getparent().replace(table, placeholder)
    return blocks


def _table_rows(table: Any) -> list[list[TableCell]]:
    rows = []
    for tr in table.iter("tr"):
        if next((p for p in tr.iterancestors("table")), None) is not table:
            continue  # a row of a nested table
        cells = [
            TableCell(
                " ".join(cell.text_content().split()),
                colspan=_span(cell.get("colspan")),
                rowspan=_span(cell.get("rowspan")),
                header=cell.tag == "th",
            )
            for cell in tr
            if cell.tag in ("td", "th")
        ]
        rows.append(cells)
    return rows


def _span(value: str | None) -> int:
    digits = (value or "").strip()[:4]
    return max(1, min(int(digits), _MAX_ATTR_SPAN)) if digits.isdigit() else 1


def _caption(table: Any) -> str:
    caption = table.find("caption")
    if caption is not None:
        return " ".join(caption.text_content().split())
    figure = next(table.iterancestors("figure"), None)
    if figure is not None and figure.find(".//figcaption") is not None:
        return " ".join(figure.find(".//figcaption").text_content().split())
    previous = table.getprevious()
    if previous is not None and previous.tag in ("p", "h3", "h4", "h5", "h6", "strong", "b"):
        text = " ".join(previous.text_content().split())
        if is_caption(text):
            previous.getparent().remove(previous)
            return text
    return ""


def _main_blocks(root: Any) -> list[str]:
    """Main-content blocks by trafilatura; the whole (cleaned) body if it finds nothing."""
    import lxml.html

    markup = lxml.html.tostring(root, encoding="unicode")
    blocks = _trafilatura_blocks(markup)
    own = _own_blocks(root)
    # trafilatura may judge a short page (or one made only of tables) as having no article.
    if not blocks or _words(blocks) < 0.3 * _words(own):
        return own
    if _headings(own) and not _headings(blocks):
        # Its recall mode sometimes returns a whole article as one paragraph, headings gone
        # (a "Veröffentlicht am" line above the title was enough); its precision mode keeps
        # the structure, else the page's own blocks do.
        precise = _trafilatura_blocks(markup, precise=True)
        keeps = _headings(precise) and _words(precise) >= 0.7 * _words(blocks)
        return precise if keeps else own
    return blocks


def _headings(blocks: list[str]) -> int:
    return sum(1 for block in blocks if block.startswith("#"))


def _words(blocks: list[str]) -> int:
    return sum(len(b.split()) for b in blocks)


def _trafilatura_blocks(markup: str, precise: bool = False) -> list[str]:
    import trafilatura
    from lxml import etree

    xml = trafilatura.extract(
        markup,
        output_format="xml",
        include_tables=False,
        include_comments=False,
        include_images=False,
        include_links=False,
        include_formatting=False,
        favor_recall=not precise,
        favor_precision=precise,
        deduplicate=False,
        with_metadata=False,
    )
    if not xml:
        return []
    doc = etree.fromstring(xml.encode("utf-8"), etree.XMLParser(resolve_entities=False))
    main = doc.find("main")
    return _xml_blocks(main if main is not None else doc)


_XML_BLOCKS = ("head", "p", "list", "quote", "code", "div")


def _xml_blocks(parent: Any) -> list[str]:
    """Blocks of trafilatura's XML: head, p, list/item, quote, code."""
    blocks: list[str] = []
    for element in parent:
        tag = element.tag
        if tag == "div" and any(child.tag in _XML_BLOCKS for child in element):
            blocks += _xml_blocks(element)  # a section the extractor kept as a whole
            continue
        text = " ".join("".join(element.itertext()).split())
        if tag == "head":
            rend = element.get("rend") or "h2"
            level = int(rend[1]) if len(rend) == 2 and rend[1].isdigit() else 2
            blocks.append("#" * level + " " + text)
        elif tag == "list":
            blocks += [b if b.startswith("- ") else f"- {b}" for b in _list_items(element)]
        elif tag in ("p", "quote", "code", "div", "lb") and text:
            blocks.append(text)
    return blocks


def _list_items(list_element: Any) -> list[str]:
    items = []
    for item in list_element.iter("item"):
        own = (item.text or "") + "".join(
            (child.tail or "")
            if child.tag == "list"
            else "".join(child.itertext()) + (child.tail or "")
            for child in item
        )
        text = " ".join(own.split())
        if text:
            items.append(f"- {text}")
    return items


_BLOCK_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "pre", "dt", "dd", "blockquote")


def _own_blocks(root: Any) -> list[str]:
    """Fallback walk over the cleaned document (main/article if present)."""
    found = (root.find(f".//{tag}") for tag in ("main", "article", "body"))
    body = next((element for element in found if element is not None), root)
    blocks = []
    for element in body.iter(*_BLOCK_TAGS):
        if any(parent.tag in ("li", "p") for parent in element.iterancestors()):
            continue
        text = " ".join(element.text_content().split())
        if not text:
            continue
        tag = element.tag
        if tag[0] == "h" and tag[1:].isdigit():
            blocks.append("#" * int(tag[1:]) + " " + text)
        else:
            blocks.append(f"- {text}" if tag == "li" else text)
    return blocks


def _restore(block: str, tables: list[str]) -> str:
    match = _PLACEHOLDER_RE.match(block.strip())
    return tables[int(match.group(1))] if match and int(match.group(1)) < len(tables) else block
