"""Workshop mode: a facilitator with a laptop and a projector teaching a room with no devices.

Everything here is plain Python (no Qt):

* ``Plan``: who the session is for, which guides are shown and which quiz questions the
  room answers. Saved as a small YAML file with a ``version`` field that a facilitator can
  read, edit by hand and pass to a colleague. Loading reports every problem with its
  line; a wrong entry is left out and the rest of the plan is kept.
* ``guide_slides``: a guide cut into slides, one idea each (the rule, the first message,
  each stage, the warning signs, what to do, what never to do, where to get help), each
  with the facilitator's notes.
* ``room_options`` and ``Tally``: the group quiz. The room answers by raising hands; the
  facilitator enters how many hands went up for each option, or skips the question.
* ``chart_data``: the room's result by question and by scam type, for the chart.
* ``tally_csv``: the anonymous tallies as CSV for the organiser's report. It holds counts of
  hands only: no names, and not even the plan's title (a facilitator may put a name there).

Strings shown to people are English sources: ui strings are marked with ``N_`` and
translated by the caller's ``ui`` gettext, guide and question text by its ``content``
gettext, so a live language switch only has to build the slides again.
"""

from __future__ import annotations

import csv
import io
import random
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from core.i18n import N_
from core.problems import Problem
from core.taxonomy import SCAM_TYPES
from core.yamlio import LDict, loads_yaml

PLAN_VERSION = 1
PLAN_SUFFIX = ".yaml"

# The audiences a workshop is planned for (ids from core.taxonomy.AUDIENCES).
AUDIENCES = ("older_adults", "job_seekers", "students")
AUDIENCE_NAMES = {
    "older_adults": N_("Older adults"),
    "job_seekers": N_("Job seekers"),
    "students": N_("Students"),
}

# Question formats a room can answer by raising hands: one hand per option.
ROOM_FORMATS = ("single", "multiple", "scam_or_genuine")

# The most lines on one slide: beyond this a list goes on to a second slide.
MAX_LINES = 4

Gettext = Callable[[str], str]


def _same(text: str) -> str:
    return text


# --- the plan --------------------------------------------------------------------------------


@dataclass
class Plan:
    title: str = ""
    audience: str = "older_adults"
    guides: list[str] = field(default_factory=list)
    questions: list[str] = field(default_factory=list)

    def to_yaml(self) -> str:
        """The plan as a YAML file a person can read and edit."""
        header = (
            "# ScamSense workshop plan. Open it in ScamSense (Workshop > Open plan).\n"
            "# You may edit it by hand: audience is one of " + ", ".join(AUDIENCES) + ";\n"
            "# guides and questions are ids, shown in the order listed.\n"
        )
        body = {
            "version": PLAN_VERSION,
            "title": self.title,
            "audience": self.audience,
            "guides": list(self.guides),
            "questions": list(self.questions),
        }
        return header + yaml.safe_dump(body, allow_unicode=True, sort_keys=False, default_flow_style=False, width=100)


class PlanError(Exception):
    """The file could not be read as a plan at all. ``problems`` say where and why."""

    def __init__(self, problems: list[Problem]):
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


def parse_plan(
    text: str,
    name: str = "plan",
    guide_ids: Iterable[str] | None = None,
    question_ids: Iterable[str] | None = None,
) -> tuple[Plan, list[Problem]]:
    """Read a plan from YAML text.

    Raises ``PlanError`` when nothing can be used (not YAML, not a plan, a newer version).
    Otherwise returns the plan and the problems found: each wrong entry (an unknown guide, a
    question id that is not in the bank, a duplicate) is named with its line and left out,
    and everything else in the file is kept.
    """
    data, problems = loads_yaml(text, name)
    if data is None and problems:
        raise PlanError([_with_context(text, p) for p in problems])
    if not isinstance(data, dict):
        raise PlanError([Problem(name, getattr(data, "line", 1) or 1, "this is not a workshop plan: expected keys such as 'version', 'guides' and 'questions'")])
    if not any(key in data for key in ("version", "guides", "questions", "audience")):
        raise PlanError([Problem(name, getattr(data, "line", 1) or 1, "this is not a workshop plan: it has none of the keys 'version', 'audience', 'guides', 'questions'")])

    def line(key) -> int:
        return data.line_of(key) if isinstance(data, LDict) else 1

    version = data.get("version")
    if version is None:
        problems.append(Problem(name, 1, f"no 'version'; read as version {PLAN_VERSION}"))
    elif not isinstance(version, int) or isinstance(version, bool):
        raise PlanError([Problem(name, line("version"), f"'version' should be a whole number such as {PLAN_VERSION}, not '{version}'")])
    elif version > PLAN_VERSION:
        raise PlanError([Problem(name, line("version"), f"this plan is version {version}, made by a newer ScamSense; this one reads version {PLAN_VERSION}")])
    elif version < 1:
        raise PlanError([Problem(name, line("version"), f"'version' {version} is not a plan version; expected {PLAN_VERSION}")])

    plan = Plan()
    known_keys = ("version", "title", "audience", "guides", "questions")
    for key in data:
        if key not in known_keys:
            problems.append(Problem(name, line(key), f"unknown key '{key}' ignored; a plan has: {', '.join(known_keys)}"))

    title = data.get("title")
    if title is None:
        plan.title = ""
    elif isinstance(title, (str, int, float)) and not isinstance(title, bool):
        plan.title = str(title)
    else:
        problems.append(Problem(name, line("title"), "'title' should be one line of text"))

    audience = data.get("audience")
    if audience is None:
        problems.append(Problem(name, 1, f"no 'audience'; using {plan.audience}"))
    elif audience in AUDIENCES:
        plan.audience = str(audience)
    else:
        problems.append(Problem(name, line("audience"), f"audience '{audience}' is not one of: {', '.join(AUDIENCES)}; using {plan.audience}"))

    plan.guides = _ids(data, "guides", name, line, None if guide_ids is None else set(guide_ids), "guide", problems)
    plan.questions = _ids(data, "questions", name, line, None if question_ids is None else set(question_ids), "question", problems)
    return plan, problems


_PLAIN = {
    "flow sequence": "list in [ ]",
    "flow mapping": "{ }",
    "quoted scalar": "quoted text",
    "block mapping": "key",
    "block collection": "list",
    "simple key": "key",
}


def _with_context(text: str, problem: Problem) -> Problem:
    """A syntax error is found where the parser gave up; name the line where the broken
    part began too (an unclosed bracket or quote is usually the mistake)."""
    try:
        yaml.safe_load(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.context_mark
        if mark is not None and mark.line + 1 != problem.line:
            where = mark.line + 1
            what = _PLAIN.get(re.sub(r"^while (parsing|scanning) (an? )?", "", exc.context or ""), "part")
            return Problem(problem.file, where, f"{problem.message} (noticed on line {problem.line}; check the {what} that begins on line {where})")
    except yaml.YAMLError:
        pass
    return problem


def _ids(data, key: str, name: str, line, known: set[str] | None, what: str, problems: list[Problem]) -> list[str]:
    value = data.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        problems.append(Problem(name, line(key), f"'{key}' should be a list of {what} ids, one per line starting with '- '"))
        return []
    out: list[str] = []
    for item in value:
        where = getattr(item, "line", 0) or line(key)
        if not isinstance(item, str) or not item.strip():
            problems.append(Problem(name, where, f"'{item}' in '{key}' is not a {what} id; left out"))
        elif known is not None and item not in known:
            problems.append(Problem(name, where, f"no {what} '{item}'; left out, the rest of the plan is kept"))
        elif item in out:
            problems.append(Problem(name, where, f"{what} '{item}' is listed twice; shown once"))
        else:
            out.append(str(item))
    return out


def load_plan(path: Path, guide_ids=None, question_ids=None) -> tuple[Plan, list[Problem]]:
    """Read a plan file. Raises ``PlanError`` (with the file and line) if it cannot be used.
    Never changes the file."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise PlanError([Problem(str(path), 1, f"cannot read the file: {exc.strerror or exc}")]) from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise PlanError([Problem(str(path), raw[: exc.start].count(b"\n") + 1, "not UTF-8 text")]) from exc
    return parse_plan(text, str(path), guide_ids, question_ids)


def save_plan(plan: Plan, path: Path) -> None:
    """Write the plan whole or not at all (a crash never leaves half a file)."""
    from core.settings import atomic_write_text

    atomic_write_text(Path(path), plan.to_yaml())


def suggest(audience: str, guides: Sequence, questions: Sequence, most_guides: int = 3, per_guide: int = 3) -> tuple[list[str], list[str]]:
    """A short starting plan for an audience: the first ``most_guides`` scam
    guides written for it, and for each up to ``per_guide`` room questions meant for that
    audience (easy first)."""
    chosen_guides = [g.id for g in guides if audience in getattr(g, "audiences", ()) and getattr(g, "scam_type", None)][:most_guides]
    picked: list[str] = []
    for guide_id in chosen_guides:
        pool = [q for q in questions if q.guide == guide_id and q.format in ROOM_FORMATS]
        pool.sort(key=lambda q: (audience not in q.audiences, q.difficulty != "easy", q.id))
        picked += [q.id for q in pool[:per_guide]]
    return chosen_guides, picked


# --- slides ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Slide:
    """One slide, already in the language it is shown in."""

    guide_id: str
    kind: str  # title | rule | message | stage | flags | do | dont | help
    heading: str
    lines: tuple[str, ...] = ()
    caption: str = ""  # small text above the lines: "Text message from: ..."
    notes: tuple[str, ...] = ()
    big: bool = False  # one short sentence to show as large as it fits


NOTES = {
    "title": N_("Introduce the topic. Ask the room: has anyone had a message or call like this, or heard of one?"),
    "rule": N_("Read the rule aloud, slowly. Ask the room to say it back to you. Come back to it at the end."),
    "message": N_("This is how it often starts. Read the message aloud. Ask: what would you do if this reached you? Take two or three answers before you go on."),
    "stage": N_("Stage {n} of {total}. Ask: what does the scammer want from you at this point, and what could you do instead?"),
    "flags": N_("Go through the warning signs one by one. Ask who has seen one of them. Any one of them is enough to stop and check."),
    "do": N_("These are the steps to take. Ask the room which one they would find hardest, and why."),
    "dont": N_("Never do these, whoever asks and however urgent it sounds."),
    "help": N_("Point out where to call. Suggest that everyone saves the number in their phone today."),
    "story": N_("A story you can tell:"),
}

HEADINGS = {
    "rule": N_("Remember"),
    "flags": N_("Warning signs"),
    "do": N_("What to do"),
    "dont": N_("Never"),
    "help": N_("Where to get help"),
    "message": N_("How it starts"),
    "part": N_("{heading} ({n} of {total})"),
    "stage": N_("Step {n}: {title}"),
}

CHANNEL_CAPTIONS = {
    "sms": N_("Text message from: {sender}"),
    "chat": N_("Chat message from: {sender}"),
    "call": N_("Phone call from: {sender}"),
    "email": N_("Email from: {sender}"),
    "ad": N_("Advert from: {sender}"),
    "social": N_("Social media post from: {sender}"),
}


def _chunks(items: Sequence[str], size: int = MAX_LINES) -> list[tuple[str, ...]]:
    """Split a list into near-equal parts of at most ``size`` (7 items: 4 + 3, not 4 + 4 ...)."""
    items = list(items)
    if not items:
        return []
    parts = -(-len(items) // size)
    per = -(-len(items) // parts)
    return [tuple(items[i:i + per]) for i in range(0, len(items), per)]


def guide_slides(guide, region=None, ui: Gettext = _same, content: Gettext = _same) -> list[Slide]:
    """The guide as slides, one idea each, with the facilitator's notes.

    ``region`` (core.regions.Region) gives the last slide: the numbers to call, taken from the
    region's facts. Strings are translated with ``ui`` and ``content``."""
    gid = guide.id
    title = content(guide.title)
    story = [content(guide.story_title)] if guide.story_title else []
    from core.guides import paragraphs

    story += paragraphs(content(guide.story_text)) if guide.story_text else []
    title_notes = (ui(NOTES["title"]),) + ((ui(NOTES["story"]), *story) if story else ())
    slides = [Slide(gid, "title", title, notes=title_notes, big=True)]
    slides.append(Slide(gid, "rule", ui(HEADINGS["rule"]), (content(guide.rule),), notes=(ui(NOTES["rule"]),), big=True))
    message = guide.first_message
    if message.text:
        caption = ui(CHANNEL_CAPTIONS.get(message.channel, CHANNEL_CAPTIONS["sms"])).format(sender=content(message.sender))
        slides.append(Slide(gid, "message", ui(HEADINGS["message"]), (content(message.text),), caption=caption, notes=(ui(NOTES["message"]),)))
    total = len(guide.stages)
    for n, stage in enumerate(guide.stages, 1):
        heading = ui(HEADINGS["stage"]).format(n=n, title=content(stage.title))
        notes = (ui(NOTES["stage"]).format(n=n, total=total),)
        slides.append(Slide(gid, "stage", heading, (content(stage.text),), notes=notes))
    for kind, items in (("flags", guide.red_flags), ("do", guide.do), ("dont", guide.dont)):
        parts = _chunks([content(t) for t in items])
        for n, part in enumerate(parts, 1):
            heading = ui(HEADINGS[kind])
            if len(parts) > 1:
                heading = ui(HEADINGS["part"]).format(heading=heading, n=n, total=len(parts))
            slides.append(Slide(gid, kind, heading, part, notes=(ui(NOTES[kind]),)))
    if region is not None and region.call_now:
        lines = tuple(_channel_line(c.value, content(c.name)) for c in region.call_now)
        slides.append(Slide(gid, "help", ui(HEADINGS["help"]), lines, caption=content(region.name), notes=(ui(NOTES["help"]),)))
    return slides


def _channel_line(value: str | None, name: str) -> str:
    """"110 · Police"; just the name when it already holds the number ("96110 anti-fraud line")."""
    return f"{value} · {name}" if value and value not in name else name


def deck(guides: Iterable, region=None, ui: Gettext = _same, content: Gettext = _same) -> list[Slide]:
    """The slides of several guides, one after another."""
    out: list[Slide] = []
    for guide in guides:
        out += guide_slides(guide, region, ui, content)
    return out


# --- the group quiz ---------------------------------------------------------------------------

LETTERS = "ABCDEFGHIJ"
VERDICTS = (("scam", N_("Scam")), ("genuine", N_("Genuine")))


@dataclass(frozen=True)
class RoomOption:
    """One answer the room can raise hands for."""

    key: str  # option index in the data ("0", "1"...) or "scam" / "genuine"
    text: str  # English source: content domain for options, ui domain for verdicts
    correct: bool
    domain: str  # "content" or "ui"


def can_ask_room(question) -> bool:
    return question.format in ROOM_FORMATS and bool(room_options(question))


def room_options(question) -> list[RoomOption]:
    """The answers in the order shown to the room. Options are shuffled the same way every
    time (seeded by the question id), so the correct one is not always first and a
    facilitator who runs the same plan twice sees the same letters."""
    if question.format == "scam_or_genuine":
        return [RoomOption(key, text, question.answer == key, "ui") for key, text in VERDICTS]
    if question.format not in ("single", "multiple"):
        return []
    order = list(range(len(question.options)))
    random.Random(question.id).shuffle(order)
    return [RoomOption(str(i), question.options[i].text, question.options[i].correct, "content") for i in order]


def explanation(question) -> list[str]:
    """What to read out when the answer is revealed (English source, content domain)."""
    if question.format == "scam_or_genuine":
        return [question.explanation] if question.explanation else []
    return [o.feedback for o in question.options if o.correct]


@dataclass
class QuestionTally:
    """Hands raised for each shown option of one question; ``None`` if it was skipped."""

    question_id: str
    counts: tuple[int, ...] | None = None

    @property
    def skipped(self) -> bool:
        return self.counts is None


class Tally:
    """The room's answers for a session: counts of hands only, never who raised them."""

    def __init__(self, questions: Sequence):
        self.questions = [q for q in questions if can_ask_room(q)]
        self._by_id = {q.id: q for q in self.questions}
        self.entries: dict[str, QuestionTally] = {}

    def options(self, question_id: str) -> list[RoomOption]:
        return room_options(self._by_id[question_id])

    def record(self, question_id: str, counts: Sequence[int]) -> None:
        """Hands for each option, in the order shown."""
        if question_id not in self._by_id:
            raise KeyError(question_id)
        counts = tuple(counts)
        if len(counts) != len(self.options(question_id)):
            raise ValueError(f"{question_id}: {len(counts)} counts for {len(self.options(question_id))} options")
        if any(not isinstance(c, int) or isinstance(c, bool) or c < 0 for c in counts):
            raise ValueError(f"{question_id}: counts of hands are whole numbers, 0 or more")
        self.entries[question_id] = QuestionTally(question_id, counts)

    def skip(self, question_id: str) -> None:
        if question_id not in self._by_id:
            raise KeyError(question_id)
        self.entries[question_id] = QuestionTally(question_id, None)

    def get(self, question_id: str) -> QuestionTally | None:
        return self.entries.get(question_id)

    def right_and_total(self, question_id: str) -> tuple[int, int] | None:
        """(hands on a correct option, all hands) for an answered question; None if skipped
        or not reached."""
        entry = self.entries.get(question_id)
        if entry is None or entry.counts is None:
            return None
        options = self.options(question_id)
        right = sum(c for c, o in zip(entry.counts, options) if o.correct)
        return right, sum(entry.counts)


@dataclass(frozen=True)
class Bar:
    key: str  # question id or scam type
    number: int  # 1-based position (question number; scam types in taxonomy order)
    right: int
    total: int
    skipped: bool = False

    @property
    def share(self) -> float:
        return self.right / self.total if self.total else 0.0

    @property
    def percent(self) -> int:
        return round(100 * self.share)


@dataclass(frozen=True)
class ChartData:
    by_question: tuple[Bar, ...]
    by_type: tuple[Bar, ...]


def chart_data(tally: Tally) -> ChartData:
    """The room's result: for each question asked, the hands on a correct answer out of all
    hands raised; and the same summed over the questions of each scam type. Skipped
    questions are listed (marked) but not counted in their type."""
    by_question = []
    sums: dict[str, list[int]] = {}
    for number, question in enumerate(tally.questions, 1):
        entry = tally.get(question.id)
        if entry is None:
            continue
        counted = tally.right_and_total(question.id)
        if counted is None:
            by_question.append(Bar(question.id, number, 0, 0, skipped=True))
            continue
        right, total = counted
        by_question.append(Bar(question.id, number, right, total))
        bucket = sums.setdefault(question.scam_type, [0, 0])
        bucket[0] += right
        bucket[1] += total
    order = {t: i for i, t in enumerate(SCAM_TYPES)}
    types = sorted(sums, key=lambda t: (order.get(t, len(order)), t))
    by_type = tuple(Bar(t, i, sums[t][0], sums[t][1]) for i, t in enumerate(types, 1))
    return ChartData(tuple(by_question), by_type)


CSV_COLUMNS = ("question_number", "question_id", "scam_type", "format", "option", "option_text", "correct", "hands", "skipped")


def _cell(value) -> str:
    """A spreadsheet never runs a cell as a formula."""
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def tally_csv(tally: Tally, ui: Gettext = _same, content: Gettext = _same, audience: str = "", date: str = "") -> str:
    """The session's tallies as CSV: one row per option shown (hands raised for it) and one
    row per skipped question. Only counts, ids and the question's own text: no names, and
    not the plan's title."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(("audience", "date"))
    writer.writerow((audience, date))
    writer.writerow(())
    writer.writerow(CSV_COLUMNS)
    for number, question in enumerate(tally.questions, 1):
        entry = tally.get(question.id)
        if entry is None:
            continue
        if entry.counts is None:
            writer.writerow((number, question.id, question.scam_type, question.format, "", "", "", "", "yes"))
            continue
        for letter, option, hands in zip(LETTERS, tally.options(question.id), entry.counts):
            text = ui(option.text) if option.domain == "ui" else content(option.text)
            writer.writerow((number, question.id, question.scam_type, question.format, letter, _cell(text), "yes" if option.correct else "no", hands, "no"))
    return out.getvalue()
