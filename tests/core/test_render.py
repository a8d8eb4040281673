"""The one Jinja environment: strict, escaped, translated with the extraction's policy."""

import configparser

import jinja2
import pytest

from core import i18n, render
from core.regions import load_regions
from core.render import Renderer


def test_trimmed_policy_matches_the_extraction_config(roots):
    cfg = configparser.ConfigParser()
    cfg.read(roots.locale_dir / "content.cfg", encoding="utf-8")
    section = next(s for s in cfg.sections() if s.startswith("jinja2:"))
    assert cfg.getboolean(section, "trimmed") is render.TRIMMED
    assert Renderer(roots.content_dir).env.policies["ext.i18n.trimmed"] is render.TRIMMED


def write(tmp_path, name, text):
    (tmp_path / name).write_text(text, encoding="utf-8")


def test_undefined_names_are_errors_not_blanks(tmp_path, english):
    write(tmp_path, "t.html.j2", "Hello {{ nobody }}")
    with pytest.raises(jinja2.UndefinedError):
        Renderer(tmp_path).render("t.html.j2", "en")


def test_values_are_escaped(tmp_path, english):
    write(tmp_path, "t.html.j2", "{{ text }}")
    assert Renderer(tmp_path).render("t.html.j2", "en", text="<b>x</b>") == "&lt;b&gt;x&lt;/b&gt;"


def test_help_page_renders_the_region_numbers_in_each_language(roots):
    i18n.setup(roots.locale_dir, "en")
    facts = load_regions(roots.content_dir)
    renderer = Renderer(roots.content_dir)
    english = renderer.render("templates/help.html.j2", "en", region=facts.get("CN"))
    chinese = renderer.render("templates/help.html.j2", "zh_CN", region=facts.get("CN"))
    for html in (english, chinese):
        assert "96110" in html and ">110<" in html
        assert "12321" not in html  # unconfirmed
    assert "Where to get help in Mainland China" in english
    assert "中国大陆" in chinese and "Where to get help" not in chinese
    assert i18n.current_locale() == "en"  # rendering another locale does not switch the app


def test_trimmed_blocks_are_translated(tmp_path, roots):
    """A multi-line trans block must find its single-line msgid in the catalog."""
    i18n.setup(roots.locale_dir, "en")
    html = Renderer(roots.content_dir).render("templates/help.html.j2", "zh_TW", region=load_regions(roots.content_dir).get("TW"))
    assert "If someone is asking you for money" not in html
