"""A small declarative schema for content files.

One schema serves three jobs, so they can never disagree:

* validation, with a ``file:line`` problem for every mistake;
* extraction of the translatable strings (``Text`` fields) for ``pybabel``;
* collection of cross-references (``Ref`` fields) for the linter.

Example::

    GUIDE = Map({
        "id": Str(pattern=r"[a-z_]+"),
        "title": Text(),
        "related": Opt(List(Ref("guide"))),
    })
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from core.yamlio import LDict, Problem


@dataclass
class Found:
    """What a walk over one file collected."""

    file: str
    problems: list[Problem] = field(default_factory=list)
    texts: list[tuple[int, str]] = field(default_factory=list)  # (line, msgid)
    refs: list[tuple[int, str, str]] = field(default_factory=list)  # (line, kind, id)

    def problem(self, line: int, message: str) -> None:
        self.problems.append(Problem(self.file, line, message))


def _line(value, fallback: int) -> int:
    return getattr(value, "line", 0) or fallback


def _where(path: str) -> str:
    return f"'{path}'" if path else "the file"


class Node:
    def walk(self, value, path: str, line: int, found: Found) -> None:
        raise NotImplementedError

    def describe(self) -> str:
        return type(self).__name__.lower()


class Str(Node):
    """A plain, untranslated string (an id, a file name, a pattern)."""

    def __init__(self, pattern: str | None = None, choices: tuple[str, ...] | None = None):
        self.pattern = re.compile(pattern) if pattern else None
        self.choices = choices

    def describe(self) -> str:
        return "text"

    def walk(self, value, path, line, found):
        if not isinstance(value, str):
            found.problem(line, f"{_where(path)} should be {self.describe()}, not {_kind(value)}")
            return
        if not value.strip():
            found.problem(line, f"{_where(path)} is empty")
        elif self.choices is not None and value not in self.choices:
            found.problem(line, f"{_where(path)} is '{value}'; expected one of: {', '.join(self.choices)}")
        elif self.pattern is not None and not self.pattern.fullmatch(value):
            found.problem(line, f"{_where(path)} '{value}' does not match {self.pattern.pattern}")


class Text(Str):
    """A string shown to users: written in English, translated through the catalogs."""

    def walk(self, value, path, line, found):
        before = len(found.problems)
        super().walk(value, path, line, found)
        if len(found.problems) == before:
            found.texts.append((line, str(value)))


class Ref(Str):
    """The id of another content item of ``kind``; the linter checks it exists."""

    def __init__(self, kind: str):
        super().__init__()
        self.kind = kind

    def walk(self, value, path, line, found):
        before = len(found.problems)
        super().walk(value, path, line, found)
        if len(found.problems) == before:
            found.refs.append((line, self.kind, str(value)))


class Regex(Str):
    """A regular expression; it must compile."""

    def walk(self, value, path, line, found):
        super().walk(value, path, line, found)
        if isinstance(value, str):
            try:
                re.compile(value)
            except re.error as exc:
                found.problem(line, f"{_where(path)} is not a valid pattern: {exc}")


class Number(Node):
    def __init__(self, minimum: float | None = None, maximum: float | None = None, integer: bool = False):
        self.minimum, self.maximum, self.integer = minimum, maximum, integer

    def describe(self) -> str:
        return "a whole number" if self.integer else "a number"

    def walk(self, value, path, line, found):
        ok_types = (int,) if self.integer else (int, float)
        if isinstance(value, bool) or not isinstance(value, ok_types):
            found.problem(line, f"{_where(path)} should be {self.describe()}, not {_kind(value)}")
            return
        if self.minimum is not None and value < self.minimum:
            found.problem(line, f"{_where(path)} is {value}; the least allowed is {self.minimum}")
        if self.maximum is not None and value > self.maximum:
            found.problem(line, f"{_where(path)} is {value}; the most allowed is {self.maximum}")


class Bool(Node):
    def walk(self, value, path, line, found):
        if not isinstance(value, bool):
            found.problem(line, f"{_where(path)} should be true or false, not {_kind(value)}")


class List(Node):
    def __init__(self, item: Node, min_items: int = 0, unique: bool = False):
        self.item, self.min_items, self.unique = item, min_items, unique

    def walk(self, value, path, line, found):
        if not isinstance(value, list):
            found.problem(line, f"{_where(path)} should be a list, not {_kind(value)}")
            return
        line = _line(value, line)
        if len(value) < self.min_items:
            found.problem(line, f"{_where(path)} needs at least {self.min_items} item(s), has {len(value)}")
        seen = set()
        for index, item in enumerate(value):
            item_line = _line(item, line)
            if self.unique and isinstance(item, str):
                if item in seen:
                    found.problem(item_line, f"'{item}' appears twice in {_where(path)}")
                seen.add(item)
            self.item.walk(item, f"{path}[{index + 1}]", item_line, found)


class Opt:
    """Marks a field of a Map as optional."""

    def __init__(self, node: Node):
        self.node = node


class Map(Node):
    """A mapping with known keys; unknown keys are reported (they are usually typos)."""

    def __init__(self, fields: dict[str, Node | Opt]):
        self.fields = fields

    def walk(self, value, path, line, found):
        if not isinstance(value, dict):
            found.problem(line, f"{_where(path)} should be a mapping of keys to values, not {_kind(value)}")
            return
        line = _line(value, line)
        for key, spec in self.fields.items():
            node = spec.node if isinstance(spec, Opt) else spec
            sub = f"{path}.{key}" if path else key
            if key not in value:
                if not isinstance(spec, Opt):
                    found.problem(line, f"{_where(path)} is missing '{key}'")
                continue
            key_line = value.line_of(key) if isinstance(value, LDict) else line
            node.walk(value[key], sub, _line(value[key], key_line), found)
        for key in value:
            if key not in self.fields:
                key_line = value.line_of(key) if isinstance(value, LDict) else line
                found.problem(key_line, f"unknown key '{key}' in {_where(path)}; expected: {', '.join(self.fields)}")


class Dict(Node):
    """A mapping whose keys are free (for example one entry per language)."""

    def __init__(self, value: Node, keys: tuple[str, ...] | None = None):
        self.value, self.keys = value, keys

    def walk(self, value, path, line, found):
        if not isinstance(value, dict):
            found.problem(line, f"{_where(path)} should be a mapping, not {_kind(value)}")
            return
        line = _line(value, line)
        for key, item in value.items():
            key_line = value.line_of(key) if isinstance(value, LDict) else line
            if self.keys is not None and key not in self.keys:
                found.problem(key_line, f"'{key}' in {_where(path)} is not one of: {', '.join(self.keys)}")
                continue
            self.value.walk(item, f"{path}.{key}", _line(item, key_line), found)


class Tagged(Node):
    """A mapping whose ``tag`` key chooses which Map describes it (quiz question formats)."""

    def __init__(self, tag: str, variants: dict[str, Map]):
        self.tag, self.variants = tag, variants

    def walk(self, value, path, line, found):
        if not isinstance(value, dict):
            found.problem(line, f"{_where(path)} should be a mapping, not {_kind(value)}")
            return
        kind = value.get(self.tag)
        variant = self.variants.get(kind) if isinstance(kind, str) else None
        if variant is None:
            found.problem(
                _line(value, line),
                f"{_where(path)} has {self.tag} '{kind}'; expected one of: {', '.join(self.variants)}",
            )
            return
        variant.walk(value, path, line, found)


def _kind(value) -> str:
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return f"true/false ({'yes' if value else 'no'} is read as true/false: put it in quotes)"
    if isinstance(value, str):
        return "text"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def check(schema: Node, data, file: str) -> Found:
    """Walk ``data`` with ``schema``: problems, translatable texts and references."""
    found = Found(file)
    schema.walk(data, "", _line(data, 1), found)
    return found
