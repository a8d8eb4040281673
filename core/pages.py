"""Registers the region facts and the pages rendered from them with the content library."""

from __future__ import annotations

from core import regions
from core.content import Kind, register, register_pages

register(Kind(name="regions", glob="regions.yaml", schema=regions.schema()))

HELP_TEMPLATE = "templates/help.html.j2"


def _help_pages(library):
    facts = regions.load_regions(library.content_dir)
    for code, region in facts.regions.items():
        yield HELP_TEMPLATE, f"region {code}", {"region": region}


register_pages(_help_pages)
