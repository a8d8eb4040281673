"""Scam guides: one YAML file per scam type (and four persuasion guides), rendered per region.

The data format is ``content/guides/<id>.yaml`` (see the schema below). Strings marked
``Text`` are English and translated through the ``content`` catalog; the template
``content/templates/guide.html.j2`` renders a guide, with the "where to get help"
section drawn from the current region's facts, never from the guide's own text.

This module registers the ``guides`` kind with the content library, the render jobs
(each guide in each region) and the guide checks the linter runs. It never imports Qt.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from core import regions as region_facts
from core.content import ContentLibrary, Kind, register, register_check, register_pages
from core.message import Message
from core.schema import Bool, List, Map, Opt, Ref, Str, Text
from core.taxonomy import AUDIENCES, SCAM_TYPES
from core.yamlio import Problem

PERSUASION = ("jobs_abroad", "genuine_channels", "helping_someone", "already_paid")
GUIDE_IDS = SCAM_TYPES + PERSUASION
CHANNELS = ("sms", "chat", "call", "email", "ad", "social")

TEMPLATE = "templates/guide.html.j2"

# Page colours: printed handouts and the normal theme; the high-contrast theme's reading view.
COLORS = {
    "text": "#1f2328", "heading": "#0b3d62", "muted": "#4a5560", "link": "#0b5cad", "value": "#0b3d62",
    "rule": "#7a1b0c", "rule_bg": "#fdf1e7", "rule_border": "#c05621",
    "phone_bg": "#eef3f7", "phone_border": "#9aa9b5", "bubble_bg": "#ffffff",
}
HIGH_CONTRAST = {
    "text": "#ffffff", "heading": "#ffff00", "muted": "#e0e0e0", "link": "#00ffff", "value": "#ffff00",
    "rule": "#ffffff", "rule_bg": "#000000", "rule_border": "#ffff00",
    "phone_bg": "#000000", "phone_border": "#ffffff", "bubble_bg": "#1a1a1a",
}

SCHEMA = Map(
    {
        "id": Str(pattern=r"[a-z][a-z_]*"),
        "scam_type": Opt(Str(choices=SCAM_TYPES)),
        "icon": Str(pattern=r"[a-z][a-z0-9_]*"),
        "audiences": List(Str(choices=AUDIENCES), min_items=1, unique=True),
        "title": Text(),
        "rule": Text(),
        "keywords": List(Text(), min_items=1, unique=True),
        "first_message": Map(
            {
                "channel": Str(choices=CHANNELS),
                "sender": Text(),
                "text": Text(),
            }
        ),
        "stages": List(Map({"title": Text(), "text": Text()}), min_items=3),
        "red_flags": List(Text(), min_items=4),
        "do": List(Text(), min_items=3),
        "dont": List(Text(), min_items=3),
        "story": Map({"title": Text(), "text": Text()}),
        "related": List(Ref("guide"), unique=True),
        "quiz": Opt(Str(choices=SCAM_TYPES)),
        # Optional: render the current region's official channels with their notes
        # (what a genuine call or text looks like). Used by genuine_channels.
        "show_channels": Opt(Bool()),
        # Optional: the region's numbers to call, large, right under the key rule, for a guide
        # read in the moment (already_paid, helping_someone); every guide has them at the end.
        "call_first": Opt(Bool()),
        # Optional: a guide's own heading for a section whose usual one does not fit it
        # ("How it starts" over the message that shows a victim they were scammed).
        "headings": Opt(Map({"first_message": Opt(Text()), "stages": Opt(Text())})),
    }
)

KIND = register(Kind(name="guides", glob="guides/*.yaml", schema=SCHEMA, ref="guide", count_key="guides"))

# The most items the format allows in each list (fewer is checked by the schema)
MAX_ITEMS = {"stages": 6, "red_flags": 8, "do": 6, "dont": 6}
SECTIONS = ("title", "rule", "keywords", "first_message", "stages", "red_flags", "do", "dont", "story", "related")


@dataclass(frozen=True)
class Stage:
    title: str
    text: str


@dataclass(frozen=True)
class Headings:
    """A guide's own section headings (English source); empty: the usual heading."""

    first_message: str = ""
    stages: str = ""


@dataclass(frozen=True)
class Guide:
    """One guide. Every string is the English source: translate with the content domain."""

    id: str
    icon: str
    audiences: tuple[str, ...]
    title: str
    rule: str
    keywords: tuple[str, ...]
    first_message: Message
    stages: tuple[Stage, ...]
    red_flags: tuple[str, ...]
    do: tuple[str, ...]
    dont: tuple[str, ...]
    story_title: str
    story_text: str
    related: tuple[str, ...]
    scam_type: str | None = None
    quiz: str | None = None
    show_channels: bool = False
    call_first: bool = False
    headings: Headings = Headings()
    file: str = ""

    def texts(self) -> list[str]:
        """Every translatable string of the guide, in reading order."""
        out = [self.title, self.rule, *self.keywords]
        out += [h for h in (self.headings.first_message,) if h]
        out += [self.first_message.sender, self.first_message.text]
        out += [h for h in (self.headings.stages,) if h]
        for stage in self.stages:
            out += [stage.title, stage.text]
        out += [*self.red_flags, *self.do, *self.dont, self.story_title, self.story_text]
        return out

    def story_paragraphs(self, gettext: Callable[[str], str]) -> list[str]:
        return paragraphs(gettext(self.story_text))


def paragraphs(text: str) -> list[str]:
    """Split text on blank lines; lines inside a paragraph are joined (with no space between
    Chinese characters, one space otherwise)."""
    out = []
    for block in re.split(r"\n\s*\n", text.strip()):
        lines = [line.strip() for line in block.splitlines() if line.strip()]
        if not lines:
            continue
        joined = lines[0]
        for line in lines[1:]:
            joined += ("" if _is_cjk(joined[-1]) or _is_cjk(line[0]) else " ") + line
        out.append(joined)
    return out


def _is_cjk(char: str) -> bool:
    return unicodedata.east_asian_width(char) in ("W", "F")


def _s(value) -> str:
    return str(value) if isinstance(value, str) else ""


def _strs(value) -> tuple[str, ...]:
    return tuple(str(v) for v in value if isinstance(v, str)) if isinstance(value, list) else ()


def _from_data(data: dict, file: str) -> Guide | None:
    if not isinstance(data.get("id"), str):
        return None
    first = data.get("first_message") if isinstance(data.get("first_message"), dict) else {}
    story = data.get("story") if isinstance(data.get("story"), dict) else {}
    headings = data.get("headings") if isinstance(data.get("headings"), dict) else {}
    stages = tuple(
        Stage(_s(s.get("title")), _s(s.get("text"))) for s in data.get("stages") or [] if isinstance(s, dict)
    ) if isinstance(data.get("stages"), list) else ()
    return Guide(
        id=str(data["id"]),
        icon=_s(data.get("icon")) or str(data["id"]),
        audiences=_strs(data.get("audiences")),
        title=_s(data.get("title")),
        rule=_s(data.get("rule")),
        keywords=_strs(data.get("keywords")),
        first_message=Message(_s(first.get("channel")), _s(first.get("sender")), _s(first.get("text"))),
        stages=stages,
        red_flags=_strs(data.get("red_flags")),
        do=_strs(data.get("do")),
        dont=_strs(data.get("dont")),
        story_title=_s(story.get("title")),
        story_text=_s(story.get("text")),
        related=_strs(data.get("related")),
        scam_type=_s(data.get("scam_type")) or None,
        quiz=_s(data.get("quiz")) or None,
        show_channels=data.get("show_channels") is True,
        call_first=data.get("call_first") is True,
        headings=Headings(_s(headings.get("first_message")), _s(headings.get("stages"))),
        file=file,
    )


def _order(guide: Guide) -> tuple[int, str]:
    return (GUIDE_IDS.index(guide.id) if guide.id in GUIDE_IDS else len(GUIDE_IDS), guide.id)


def load_guides(library: ContentLibrary) -> list[Guide]:
    """Every readable guide, in taxonomy order then the persuasion guides."""
    guides = [g for loaded, item in library.items(KIND.name) if (g := _from_data(item, loaded.path)) is not None]
    return sorted(guides, key=_order)


class GuideBook:
    """The guides, with search and audience filter. Translation is passed in, so the same
    book serves the app's current language and any explicit locale (tests, lint)."""

    def __init__(self, guides: Iterable[Guide]):
        self.guides = list(guides)
        self.by_id = {g.id: g for g in self.guides}

    @classmethod
    def load(cls, content_dir: Path) -> "GuideBook":
        return cls(load_guides(ContentLibrary.lazy(content_dir)))

    def get(self, guide_id: str) -> Guide | None:
        return self.by_id.get(guide_id)

    def neighbours(self, guide_id: str) -> tuple[Guide | None, Guide | None]:
        ids = [g.id for g in self.guides]
        if guide_id not in ids:
            return None, None
        i = ids.index(guide_id)
        return (self.guides[i - 1] if i > 0 else None, self.guides[i + 1] if i + 1 < len(ids) else None)

    def filter(self, audience: str | None = None) -> list[Guide]:
        if not audience:
            return list(self.guides)
        return [g for g in self.guides if audience in g.audiences]

    def search(self, query: str, gettext: Callable[[str], str], audience: str | None = None) -> list[Guide]:
        """Guides matching every word of ``query`` in the given language (and in English,
        so a keyword typed in English still works), best first: title, then keywords and
        rule, then the rest of the text."""
        terms = _terms(query)
        pool = self.filter(audience)
        if not terms:
            return pool
        scored = []
        for index, guide in enumerate(pool):
            score = _score(guide, terms, gettext)
            if score:
                scored.append((-score, index, guide))
        return [g for _score_, _i, g in sorted(scored, key=lambda t: (t[0], t[1]))]


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


def _terms(query: str) -> list[str]:
    return [t for t in re.split(r"[\s,，、;；]+", _fold(query or "")) if t]


def _score(guide: Guide, terms: list[str], gettext: Callable[[str], str]) -> int:
    def both(text: str) -> str:
        translated = gettext(text) if text else ""
        return _fold(translated + "\n" + text)

    title = both(guide.title)
    strong = "\n".join(both(t) for t in (guide.rule, *guide.keywords))
    body = "\n".join(both(t) for t in guide.texts())
    total = 0
    for term in terms:
        if term in title:
            total += 10
        elif term in strong:
            total += 5
        elif term in body:
            total += 1
        else:
            return 0
    return total


# --- render jobs --------------------------------------------------------------------------


def context(guide: Guide, book: GuideBook, region, handout: bool = False, colors: dict | None = None) -> dict:
    """What guide.html.j2 needs: the guide, the region's facts, the guides it links to."""
    previous, following = book.neighbours(guide.id)
    related = [book.by_id[r] for r in guide.related if r in book.by_id]
    return {
        "guide": guide,
        "region": region,
        "related": related,
        "previous": previous,
        "next": following,
        "handout": handout,
        "paragraphs": paragraphs,
        "colors": colors or COLORS,
    }


def _pages(library: ContentLibrary):
    book = GuideBook(load_guides(library))
    facts = region_facts.load_regions(library.content_dir)
    for guide in book.guides:
        for code, region in facts.regions.items():
            yield TEMPLATE, f"guide {guide.id} region {code}", context(guide, book, region)
            yield TEMPLATE, f"guide {guide.id} handout region {code}", context(guide, book, region, handout=True)


register_pages(_pages)


# --- lint checks --------------------------------------------------------------------------


def _check_set(library: ContentLibrary) -> Iterable[Problem]:
    """All 13 taxonomy guides and the 4 persuasion guides exist, each in a file named by its id;
    lists stay within the format's sizes; related guides exist and are not the guide itself."""
    present = set()
    for loaded, item in library.items(KIND.name):
        guide_id = item.get("id")
        if not isinstance(guide_id, str):
            continue
        present.add(guide_id)
        expected = Path(loaded.path).stem
        if guide_id != expected:
            yield Problem(loaded.path, _line(item, "id"), f"id '{guide_id}' should match the file name '{expected}'")
        elif guide_id not in GUIDE_IDS:
            yield Problem(loaded.path, _line(item, "id"), f"'{guide_id}' is not a guide id; expected one of: {', '.join(GUIDE_IDS)}")
        for key, most in MAX_ITEMS.items():
            value = item.get(key)
            if isinstance(value, list) and len(value) > most:
                yield Problem(loaded.path, _line(item, key), f"'{key}' has {len(value)} items; keep it to {most} at most")
        related = item.get("related")
        if isinstance(related, list) and guide_id in related:
            yield Problem(loaded.path, _line(item, "related"), f"'related' names the guide itself ('{guide_id}')")
        icon = item.get("icon")
        icons = library.content_dir.parent / "ui" / "icons" / "guides"
        if isinstance(icon, str) and icons.is_dir() and not (icons / f"{icon}.svg").is_file():
            yield Problem(loaded.path, _line(item, "icon"), f"no icon ui/icons/guides/{icon}.svg")
    missing = [g for g in GUIDE_IDS if g not in present]
    if missing:
        yield Problem(f"content/{Path(KIND.glob).parent.as_posix()}/", 1, f"guides missing: {', '.join(missing)}")


def _line(item, key: str) -> int:
    value = item.get(key) if isinstance(item, dict) else None
    line = getattr(value, "line", 0)
    if not line and hasattr(item, "line_of"):
        line = item.line_of(key)
    return line or getattr(item, "line", 1) or 1


def _distinctive(value: str) -> bool:
    """Long enough not to be an amount in a story ("999 yuan"): 5+ characters or an address."""
    return len(value) >= 5 or any(c.isalpha() for c in value)


def _occurs(value: str, text: str) -> bool:
    return re.search(rf"(?<![\w.,]){re.escape(value)}(?![\w]|[.,]\w)", text, re.IGNORECASE) is not None


def _check_numbers(library: ContentLibrary) -> Iterable[Problem]:
    """No hotline number or official address typed into a guide's text: the template renders
    them from the region facts. An unconfirmed channel's value may never appear at all.
    (Short numbers like 110 or 999 are skipped here: they collide with amounts in stories.)"""
    facts = region_facts.load_regions(library.content_dir)
    withheld = {v for v in facts.withheld_values() if _distinctive(v)}
    shown = {v for v in facts.shown_values() if _distinctive(v)}
    for loaded in library.files.get(KIND.name, []):
        for line, text in loaded.found.texts:
            for value in sorted(withheld | shown, key=len, reverse=True):
                if _occurs(value, text):
                    if value in withheld:
                        yield Problem(loaded.path, line, f"'{value}' is an unconfirmed channel and must never be shown")
                    else:
                        yield Problem(
                            loaded.path, line,
                            f"'{value}' is typed into the text; describe the channel in words "
                            "(\"your police\", \"the anti-fraud line\"): the help section shows the number for the reader's region",
                        )
                    break


@lru_cache(maxsize=16)
def _po_strings(po_path: str, mtime_ns: int) -> dict[str, str]:
    from babel.messages.pofile import read_po

    with open(po_path, "rb") as handle:
        catalog = read_po(handle)
    return {m.id: m.string for m in catalog if isinstance(m.id, str) and m.id and m.string and not m.fuzzy}


def _check_translations(library: ContentLibrary) -> Iterable[Problem]:
    """Every string of every guide section is translated in every shipped locale."""
    from core.catalogs import shipped_locales

    root = library.content_dir.parent
    for locale in shipped_locales(root):
        po = root / "locales" / locale / "LC_MESSAGES" / "content.po"
        if not po.is_file():
            continue
        try:
            translated = _po_strings(str(po), po.stat().st_mtime_ns)
        except Exception as exc:  # a broken catalog is reported by the catalog checks
            yield Problem(f"locales/{locale}/LC_MESSAGES/content.po", 1, f"cannot read: {exc}")
            continue
        for loaded in library.files.get(KIND.name, []):
            missing = [(line, text) for line, text in loaded.found.texts if text not in translated]
            for line, text in missing[:5]:
                short = " ".join(text.split())
                short = short if len(short) <= 50 else short[:49] + "…"
                yield Problem(loaded.path, line, f"not translated in {locale}: '{short}'")
            if len(missing) > 5:
                yield Problem(loaded.path, missing[5][0], f"{len(missing) - 5} more strings not translated in {locale}")


SECTION_ANCHORS = ("sec-rule", "sec-first", "sec-stages", "sec-flags", "sec-do", "sec-dont", "sec-help")


def render(renderer, locale: str, guide: Guide, book: GuideBook, region, handout: bool = False, colors: dict | None = None) -> str:
    return renderer.render(TEMPLATE, locale, **context(guide, book, region, handout, colors))


def _check_rendering(library: ContentLibrary) -> Iterable[Problem]:
    """Every guide renders in every shipped locale and region, reading view and handout, with
    every section present and no unconfirmed channel value in the page."""
    from core import i18n
    from core.catalogs import shipped_locales
    from core.render import Renderer

    root = library.content_dir.parent
    try:
        i18n.catalogs()
    except RuntimeError:
        i18n.setup(root / "locales")
    book = GuideBook(load_guides(library))
    facts = region_facts.load_regions(library.content_dir)
    withheld = facts.withheld_values()
    renderer = Renderer(library.content_dir)
    locales = [i18n.SOURCE_LOCALE] + [loc for loc in shipped_locales(root) if loc != i18n.SOURCE_LOCALE]
    for guide in book.guides:
        reported = False
        for locale in locales:
            for code, region in facts.regions.items():
                for handout in (False, True):
                    try:
                        html = render(renderer, locale, guide, book, region, handout)
                    except Exception as exc:  # noqa: BLE001 - any template error is a lint problem
                        yield Problem(guide.file, 1, f"does not render ({locale}, {code}): {type(exc).__name__}: {exc}")
                        reported = True
                        break
                    missing = [a for a in SECTION_ANCHORS if f'name="{a}"' not in html]
                    if missing:
                        yield Problem(guide.file, 1, f"rendered without section(s) {', '.join(missing)} ({locale}, {code})")
                        reported = True
                    shown = unconfirmed_shown(html, withheld)
                    if shown:
                        yield Problem(guide.file, 1, f"shows unconfirmed channel value(s) {', '.join(shown)} ({locale}, {code})")
                        reported = True
                    if reported:
                        break
                if reported:
                    break
            if reported:
                break


def unconfirmed_shown(html: str, withheld: set[str]) -> list[str]:
    """Unconfirmed channel values a rendered page shows: any rendered as a channel value,
    and distinctive ones (5+ characters, addresses) anywhere in the text."""
    values = {v.strip() for v in re.findall(r'class="channel-value"[^>]*>([^<]*)<', html)}
    text = _visible(html)
    return sorted(v for v in withheld if v in values or (_distinctive(v) and _occurs(v, text)))


def _visible(html: str) -> str:
    """The text of a page without its tags and style block."""
    html = re.sub(r"<style.*?</style>", " ", html, flags=re.S)
    return re.sub(r"<[^>]+>", " ", html)


register_check(_check_set)
register_check(_check_numbers)
register_check(_check_translations)
register_check(_check_rendering)
