"""The question bank as plain objects, built from the checked content files.

Strings stay in English source here; whoever shows them translates them with
``core.i18n.content_gettext`` at that moment, so a live language switch works.
A question that breaks the format is left out of the bank (the linter names it);
one broken question never takes the quiz down.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from core.content import ContentLibrary
from core.message import Message
from core.schema import check
from core.yamlio import Problem

from core.quiz.schema import QUESTION


@dataclass(frozen=True)
class Option:
    text: str
    correct: bool
    feedback: str


@dataclass(frozen=True)
class Flag:
    text: str
    why: str


@dataclass(frozen=True)
class Reply:
    text: str
    next: str
    feedback: str


@dataclass(frozen=True)
class Step:
    id: str
    speaker: str
    line: str
    replies: tuple[Reply, ...]


@dataclass(frozen=True)
class Ending:
    id: str
    outcome: str  # safe | scammed
    text: str

    @property
    def safe(self) -> bool:
        return self.outcome == "safe"


@dataclass(frozen=True)
class Question:
    id: str
    scam_type: str
    format: str
    difficulty: str
    guide: str
    prompt: str
    audiences: tuple[str, ...] = ()
    options: tuple[Option, ...] = ()  # single, multiple
    message: Message | None = None  # scam_or_genuine, red_flags
    answer: str | None = None  # scam_or_genuine: "scam" | "genuine"
    explanation: str | None = None
    flags: tuple[Flag, ...] = ()  # red_flags
    start: str | None = None  # scenario
    steps: dict[str, Step] = field(default_factory=dict)
    endings: dict[str, Ending] = field(default_factory=dict)

    @property
    def correct_options(self) -> frozenset[int]:
        return frozenset(i for i, o in enumerate(self.options) if o.correct)


def _message(raw) -> Message | None:
    if not isinstance(raw, dict):
        return None
    return Message(str(raw["channel"]), str(raw["sender"]), str(raw["text"]))


def question_from(raw: dict, scam_type: str) -> Question:
    """Build a Question from one item that passed the schema."""
    fmt = str(raw["format"])
    kwargs = dict(
        id=str(raw["id"]),
        scam_type=scam_type,
        format=fmt,
        difficulty=str(raw["difficulty"]),
        guide=str(raw["guide"]),
        prompt=str(raw["prompt"]),
        audiences=tuple(str(a) for a in raw.get("audiences") or ()),
    )
    if fmt in ("single", "multiple"):
        kwargs["options"] = tuple(Option(str(o["text"]), bool(o["correct"]), str(o["feedback"])) for o in raw["options"])
    elif fmt == "scam_or_genuine":
        kwargs.update(message=_message(raw["message"]), answer=str(raw["answer"]), explanation=str(raw["explanation"]))
    elif fmt == "red_flags":
        kwargs.update(
            message=_message(raw["message"]),
            flags=tuple(Flag(str(f["text"]), str(f["why"])) for f in raw["flags"]),
            explanation=str(raw["explanation"]),
        )
    elif fmt == "scenario":
        kwargs.update(
            start=str(raw["start"]),
            steps={
                str(n["id"]): Step(
                    str(n["id"]), str(n["speaker"]), str(n["line"]),
                    tuple(Reply(str(r["text"]), str(r["next"]), str(r["feedback"])) for r in n["replies"]),
                )
                for n in raw["nodes"]
            },
            endings={str(e["id"]): Ending(str(e["id"]), str(e["outcome"]), str(e["text"])) for e in raw["endings"]},
        )
    return Question(**kwargs)


def _structural_problems(path: str, raw: dict) -> list[Problem]:
    from core.quiz import lint

    fmt = raw.get("format")
    if fmt in ("single", "multiple"):
        return lint._check_options(path, raw)
    if fmt == "red_flags":
        return lint._check_flags(path, raw, {})
    if fmt == "scenario":
        return lint._check_scenario(path, raw)
    return []


@dataclass
class Bank:
    questions: list[Question]
    skipped: list[str]  # ids (or file:line) of questions left out because they break the format

    def by_id(self, question_id: str) -> Question | None:
        return next((q for q in self.questions if q.id == question_id), None)

    def scam_types(self) -> list[str]:
        """The scam types that have questions, in taxonomy order."""
        from core.taxonomy import SCAM_TYPES

        present = {q.scam_type for q in self.questions}
        return [t for t in SCAM_TYPES if t in present]


def load_bank(library: ContentLibrary) -> Bank:
    questions, skipped, seen = [], [], set()
    for loaded in library.of_kind("quiz"):
        data = loaded.data if isinstance(loaded.data, dict) else {}
        scam_type = data.get("scam_type")
        items = data.get("questions")
        if not isinstance(scam_type, str) or not isinstance(items, list):
            continue
        for raw in items:
            if not isinstance(raw, dict):
                continue
            label = str(raw.get("id") or f"{loaded.path}:{getattr(raw, 'line', 0)}")
            if check(QUESTION, raw, loaded.path).problems or _structural_problems(loaded.path, raw) or label in seen:
                skipped.append(label)
                continue
            seen.add(label)
            questions.append(question_from(raw, scam_type))
    return Bank(questions, skipped)
