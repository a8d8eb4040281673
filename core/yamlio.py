"""YAML loading that remembers where every value came from.

Content files are edited by people who are not programmers, so every problem
we report must name the file and the line. PyYAML's nodes carry marks; this
loader keeps them on the values it builds: mappings and sequences get a
``line`` attribute and strings are ``LStr`` (a ``str`` with a ``line``).

Only the safe subset of YAML is accepted (no arbitrary Python objects).
Duplicate keys, which YAML silently collapses, are reported as problems.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from core.problems import Problem  # noqa: F401  (re-exported: content modules import it from here)

try:  # libyaml's parser is much faster; construction stays in Python
    _BaseLoader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - wheels ship libyaml
    _BaseLoader = yaml.SafeLoader


class LStr(str):
    """A string that knows the line it was written on."""

    line: int = 0


class LDict(dict):
    """A mapping that knows its own line and the line of each key."""

    line: int = 0
    key_lines: dict

    def line_of(self, key) -> int:
        return self.key_lines.get(key, self.line)


class LList(list):
    """A sequence that knows its own line."""

    line: int = 0


class _LineLoader(_BaseLoader):
    def __init__(self, stream):
        super().__init__(stream)
        self.duplicates: list[tuple[int, str]] = []

    def construct_mapping(self, node, deep=False):
        result = LDict()
        result.line = node.start_mark.line + 1
        result.key_lines = {}
        self.flatten_mapping(node)
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=True)
            line = key_node.start_mark.line + 1
            if key in result:
                self.duplicates.append((line, f"key '{key}' appears twice; the second one would win"))
            result[key] = self.construct_object(value_node, deep=True)
            result.key_lines[key] = line
        return result

    def construct_sequence(self, node, deep=False):
        result = LList(self.construct_object(child, deep=True) for child in node.value)
        result.line = node.start_mark.line + 1
        return result

    def construct_yaml_str(self, node):
        value = LStr(super().construct_scalar(node))
        value.line = node.start_mark.line + 1
        return value


_LineLoader.add_constructor("tag:yaml.org,2002:map", _LineLoader.construct_mapping)
_LineLoader.add_constructor("tag:yaml.org,2002:seq", _LineLoader.construct_sequence)
_LineLoader.add_constructor("tag:yaml.org,2002:str", _LineLoader.construct_yaml_str)


def load_yaml(path: Path, display_name: str | None = None, lines: bool = True) -> tuple[object, list[Problem]]:
    """Load one YAML file. Returns ``(data, problems)``; data is None if unreadable.

    ``lines=False`` builds plain ``str``, ``dict`` and ``list`` without line numbers: a third
    of the memory, for the app, which shows content but never reports where in a file a
    problem is (the linter does, and loads with lines).
    """
    name = display_name or str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        return None, [Problem(name, 1, f"not UTF-8 text ({exc.reason} at byte {exc.start})")]
    except OSError as exc:
        return None, [Problem(name, 1, f"cannot read the file: {exc.strerror or exc}")]
    return loads_yaml(text, name, lines)


def loads_yaml(text: str, name: str, lines: bool = True) -> tuple[object, list[Problem]]:
    loader = _LineLoader(text) if lines else _BaseLoader(text)
    try:
        data = loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        return None, [Problem(name, line, f"YAML syntax error: {exc.problem or exc.context}")]
    except yaml.YAMLError as exc:
        return None, [Problem(name, 1, f"YAML error: {exc}")]
    finally:
        loader.dispose()
    problems = [Problem(name, line, msg) for line, msg in getattr(loader, "duplicates", [])]
    return data, problems
