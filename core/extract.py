"""A Babel extractor for content data files (YAML).

``locales/content.cfg`` maps ``content/**.yaml`` here. The strings extracted are
exactly the ``Text`` fields of the file's schema, so the linter, the loader and
``pybabel extract`` always agree on what is translatable.
"""

from __future__ import annotations

from fnmatch import fnmatch
from pathlib import PurePath

from core.content import kinds
from core.schema import check
from core.yamlio import loads_yaml


def kind_for(path: str):
    """The registered kind whose glob matches a path under content/."""
    posix = PurePath(path).as_posix()
    relative = posix.split("content/", 1)[1] if "content/" in posix else posix
    for kind in kinds().values():
        if fnmatch(relative, kind.glob):
            return kind
    return None


def extract_content_yaml(fileobj, keywords, comment_tags, options):
    """Babel extraction method: yields (lineno, funcname, message, comments)."""
    name = getattr(fileobj, "name", "")
    kind = kind_for(name)
    if kind is None:
        return
    text = fileobj.read().decode(options.get("encoding", "utf-8"))
    data, _problems = loads_yaml(text, name)
    if data is None:
        return
    found = check(kind.schema, data, name)
    for line, message in found.texts:
        yield line, None, message, []
