"""The content library: every data file in content/, checked against its schema.

Each kind of content (guides, quiz questions, self-check rules) registers a
``Kind``: where its files are, the schema that validates them and names their
translatable strings, and how to count its items. The library, the linter, the
string extractor and ``--self-test`` all work from this one registry, so a new
kind of content is one ``register()`` call away from being linted and translated.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from core.schema import Found, Node, check
from core.yamlio import Problem, load_yaml


@dataclass(frozen=True)
class Kind:
    name: str  # "guides"
    glob: str  # relative to content/, e.g. "guides/*.yaml"
    schema: Node
    ref: str | None = None  # what a Ref(...) to one item is called, e.g. "guide"
    count_key: str | None = None  # key in ``content lint --json`` counts
    # one file may hold several items (a list under ``items_key``) or be one item
    items_key: str | None = None


_KINDS: dict[str, Kind] = {}
# Render jobs: callables that, given the library, yield (template, label, context)
_PAGES: list[Callable[["ContentLibrary"], Iterable[tuple[str, str, dict]]]] = []
# Extra checks a kind adds to the linter: callables(library) -> problems
_CHECKS: list[Callable[["ContentLibrary"], Iterable[Problem]]] = []

COUNT_KEYS = ("guides", "quiz_questions", "checker_rules")


def register(kind: Kind) -> Kind:
    _KINDS[kind.name] = kind
    return kind


def register_pages(producer: Callable[["ContentLibrary"], Iterable[tuple[str, str, dict]]]) -> None:
    _PAGES.append(producer)


def register_check(checker: Callable[["ContentLibrary"], Iterable[Problem]]) -> None:
    _CHECKS.append(checker)


def kinds() -> dict[str, Kind]:
    _import_kinds()
    return dict(_KINDS)


def pages() -> list:
    _import_kinds()
    return list(_PAGES)


def checks() -> list:
    _import_kinds()
    return list(_CHECKS)


def _import_kinds() -> None:
    """Import the modules that register content kinds (kept lazy for a fast start)."""
    # Each module registers its kind(s) when imported; add a line per new kind.
    import core.pages  # noqa: F401  (regions and the help page)
    import core.guides  # noqa: F401  (scam guides)
    import core.quiz  # noqa: F401  (quiz questions)
    import core.selfcheck.rules  # noqa: F401  (self-check rules)


@dataclass
class LoadedFile:
    path: str  # relative display path, e.g. content/guides/romance.yaml
    data: object
    found: Found


@dataclass
class ContentLibrary:
    """Every content file, loaded and checked. Broken files are reported, not fatal.

    ``load()`` reads everything at once (the linter, the self-test, the string extractor).
    ``lazy()`` reads each kind of content the first time it is asked for (``of_kind`` or
    ``items``), so a screen that shows guides does not hold the quiz bank or the self-check
    rules in memory. ``files`` always means every kind, loading what is missing.
    """

    content_dir: Path
    _files: dict[str, list[LoadedFile]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    lines: bool = True  # keep each value's line number (for problems reported at file:line)

    @classmethod
    def load(cls, content_dir: Path) -> "ContentLibrary":
        library = cls(Path(content_dir))
        for name in kinds():
            library.of_kind(name)
        return library

    @classmethod
    def lazy(cls, content_dir: Path, lines: bool = True) -> "ContentLibrary":
        return cls(Path(content_dir), lines=lines)

    @property
    def files(self) -> dict[str, list[LoadedFile]]:
        for name in kinds():
            self.of_kind(name)
        return self._files

    def of_kind(self, name: str) -> list[LoadedFile]:
        """The files of one kind of content, read on first use."""
        if name not in self._files:
            kind = kinds()[name]
            self._files[name] = [self._load_file(kind, path) for path in sorted(self.content_dir.glob(kind.glob))]
        return self._files[name]

    def _load_file(self, kind: Kind, path: Path) -> LoadedFile:
        display = f"content/{path.relative_to(self.content_dir).as_posix()}"
        data, problems = load_yaml(path, display, lines=self.lines)
        found = check(kind.schema, data, display) if data is not None else Found(display)
        found.problems[:0] = problems
        self.problems.extend(found.problems)
        return LoadedFile(display, data, found)

    def items(self, kind_name: str) -> list[tuple[LoadedFile, dict]]:
        """Valid items of a kind: (file, item). Items in files with problems are skipped
        only if the item itself could not be read as a mapping."""
        kind = kinds()[kind_name]
        out = []
        for loaded in self.of_kind(kind_name):
            data = loaded.data
            if kind.items_key:
                data = data.get(kind.items_key) if isinstance(data, dict) else None
                entries = data if isinstance(data, list) else []
            else:
                entries = [data]
            out.extend((loaded, item) for item in entries if isinstance(item, dict))
        return out

    def texts(self) -> list[tuple[str, int, str]]:
        """Every translatable string in the content data: (file, line, msgid)."""
        return [(f.path, line, text) for files in self.files.values() for f in files for line, text in f.found.texts]
