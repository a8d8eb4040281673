"""A tiny quiz content tree for tests: one file per scam type, each valid, with catalogs."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml
from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po

from core.schema import check
from core.taxonomy import SCAM_TYPES

from core.quiz.schema import QUESTION


def question(scam_type: str, number: int, fmt: str, difficulty: str = "easy", audiences=None) -> dict:
    q = {
        "id": f"{scam_type}-{number:02d}",
        "format": fmt,
        "difficulty": difficulty,
        "guide": scam_type,
        "prompt": f"Prompt {scam_type} {number}",
    }
    if audiences:
        q["audiences"] = list(audiences)
    tag = f"{scam_type} {number}"
    if fmt in ("single", "multiple"):
        correct = [True, False, False] if fmt == "single" else [True, True, False]
        q["options"] = [
            {"text": f"Option {i} of {tag}", "correct": c, "feedback": f"Because {i} of {tag}"} for i, c in enumerate(correct)
        ]
    elif fmt == "scam_or_genuine":
        q.update(message={"channel": "sms", "sender": "Bank", "text": f"Message of {tag}"}, answer="scam",
                 explanation=f"Explanation of {tag}")
    elif fmt == "red_flags":
        q.update(
            message={"channel": "chat", "sender": "HR", "text": f"Hello {tag}. Pay first now. Keep it secret."},
            flags=[{"text": "Pay first", "why": "Paying first is the scam."},
                   {"text": "Keep it secret", "why": "Secrecy isolates you."}],
            explanation=f"Explanation of {tag}",
        )
    elif fmt == "scenario":
        q.update(
            start="n1",
            nodes=[{"id": "n1", "speaker": "Mentor", "line": f"Pay more, {tag}",
                    "replies": [{"text": "No", "next": "safe", "feedback": "Good"},
                                {"text": "Yes", "next": "lost", "feedback": "Bad"}]}],
            endings=[{"id": "safe", "outcome": "safe", "text": "Safe end"},
                     {"id": "lost", "outcome": "scammed", "text": "Lost end"}],
        )
    assert not check(QUESTION, q, "x").problems
    return q


FORMATS_CYCLE = ["single", "multiple", "scam_or_genuine", "red_flags", "scenario"]


def type_file(scam_type: str, count: int = 10) -> dict:
    questions = []
    for n in range(1, count + 1):
        audiences = ["older_adults"] if n % 3 == 0 else (["job_seekers"] if n % 3 == 1 else None)
        questions.append(question(scam_type, n, FORMATS_CYCLE[(n - 1) % 5], "easy" if n % 2 else "hard", audiences))
    return {"scam_type": scam_type, "questions": questions}


def translate(text: str, locale: str) -> str:
    # a stand-in translation that keeps each phrase a substring of the text it came from
    return text.upper() if locale == "zh_CN" else text.swapcase()


class Tree:
    """content/quiz/*.yaml and locales/<loc>/LC_MESSAGES/{ui,content}.po under a temp root."""

    def __init__(self, root: Path):
        self.root = root
        self.content = root / "content"
        (self.content / "quiz").mkdir(parents=True)
        self.files = {t: type_file(t) for t in SCAM_TYPES}
        self.untranslated: dict[str, set[str]] = {"zh_CN": set(), "zh_TW": set()}
        self.overrides: dict[str, dict[str, str]] = {"zh_CN": {}, "zh_TW": {}}

    def write(self) -> "Tree":
        from core.quiz.lint import question_texts

        for scam_type, data in self.files.items():
            (self.content / "quiz" / f"{scam_type}.yaml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        texts = {t for data in self.files.values() for q in data["questions"] for t in question_texts(q)}
        for locale in ("zh_CN", "zh_TW"):
            folder = self.root / "locales" / locale / "LC_MESSAGES"
            folder.mkdir(parents=True, exist_ok=True)
            for domain in ("ui", "content"):
                catalog = Catalog(locale=locale, domain=domain)
                if domain == "content":
                    for text in sorted(texts):
                        if text not in self.untranslated[locale]:
                            catalog.add(text, self.overrides[locale].get(text, translate(text, locale)))
                with open(folder / f"{domain}.po", "wb") as handle:
                    write_po(handle, catalog)
        return self

    def library(self):
        from core.content import ContentLibrary

        return ContentLibrary.load(self.content)

    def q(self, scam_type: str, number: int) -> dict:
        return self.files[scam_type]["questions"][number - 1]


@pytest.fixture
def tree(tmp_path, monkeypatch) -> Tree:
    """The guides the questions point at are stood in for by a one-field kind."""
    from core import content
    from core.content import Kind
    from core.schema import Map, Str

    content.kinds()  # import the real kinds first, then swap the guides
    monkeypatch.delitem(content._KINDS, "guides", raising=False)
    monkeypatch.setitem(content._KINDS, "test_guides", Kind("test_guides", "testguides/*.yaml", Map({"id": Str()}), ref="guide"))
    made = Tree(tmp_path)
    (made.content / "testguides").mkdir()
    for scam_type in SCAM_TYPES:
        (made.content / "testguides" / f"{scam_type}.yaml").write_text(f"id: {scam_type}\n", encoding="utf-8")
    return made


@pytest.fixture
def deep():
    return copy.deepcopy
