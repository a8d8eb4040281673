"""The quiz bank's data format (content/quiz/<scam_type>.yaml), as a core.schema schema.

The format is fixed and shared by everyone who writes questions; it is described
for humans in the project brief (quiz_format.md). One file per scam type, with a
list of questions; the ``format`` key chooses which fields a question has.
Every ``Text`` is English source, translated through the ``content`` catalog.
"""

from __future__ import annotations

from core.content import Kind, register
from core.schema import Bool, List, Map, Opt, Ref, Str, Tagged, Text
from core.taxonomy import AUDIENCES, SCAM_TYPES

FORMATS = ("single", "multiple", "scam_or_genuine", "red_flags", "scenario")
DIFFICULTIES = ("easy", "hard")
CHANNELS = ("sms", "chat", "call", "email", "ad", "social")
ANSWERS = ("scam", "genuine")
OUTCOMES = ("safe", "scammed")

QUESTION_ID = r"[a-z_]+-[0-9]{2,}"
NODE_ID = r"[A-Za-z0-9_-]+"


def _common(**fields) -> Map:
    base = {
        "id": Str(pattern=QUESTION_ID),
        "format": Str(choices=FORMATS),
        "difficulty": Str(choices=DIFFICULTIES),
        "audiences": Opt(List(Str(choices=AUDIENCES), min_items=1, unique=True)),
        "guide": Ref("guide"),
        "prompt": Text(),
    }
    base.update(fields)
    return Map(base)


OPTION = Map({"text": Text(), "correct": Bool(), "feedback": Text()})

MESSAGE = Map({"channel": Str(choices=CHANNELS), "sender": Text(), "text": Text()})

FLAG = Map({"text": Text(), "why": Text()})

REPLY = Map({"text": Text(), "next": Str(pattern=NODE_ID), "feedback": Text()})

NODE = Map({"id": Str(pattern=NODE_ID), "speaker": Text(), "line": Text(), "replies": List(REPLY, min_items=1)})

ENDING = Map({"id": Str(pattern=NODE_ID), "outcome": Str(choices=OUTCOMES), "text": Text()})

QUESTION = Tagged(
    "format",
    {
        "single": _common(options=List(OPTION, min_items=1)),
        "multiple": _common(options=List(OPTION, min_items=1)),
        "scam_or_genuine": _common(message=MESSAGE, answer=Str(choices=ANSWERS), explanation=Text()),
        "red_flags": _common(message=MESSAGE, flags=List(FLAG, min_items=1), explanation=Text()),
        "scenario": _common(start=Str(pattern=NODE_ID), nodes=List(NODE, min_items=1), endings=List(ENDING, min_items=1)),
    },
)

SCHEMA = Map({"scam_type": Str(choices=SCAM_TYPES), "questions": List(QUESTION, min_items=1)})

KIND = register(
    Kind(
        name="quiz",
        glob="quiz/*.yaml",
        schema=SCHEMA,
        ref="question",
        count_key="quiz_questions",
        items_key="questions",
    )
)
