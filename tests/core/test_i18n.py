"""The catalog plumbing: fallback, the placeholder guard, locale choice, language names."""

import textwrap

import pytest

from core import i18n


def write_po(localedir, locale, domain, entries: dict[str, str], extra: str = ""):
    path = localedir / locale / "LC_MESSAGES" / f"{domain}.po"
    path.parent.mkdir(parents=True, exist_ok=True)
    body = ['msgid ""', 'msgstr ""', '"Content-Type: text/plain; charset=UTF-8\\n"', ""]
    for source, translation in entries.items():
        body += [f'msgid "{source}"', f'msgstr "{translation}"', ""]
    path.write_text("\n".join(body) + extra, encoding="utf-8")
    return path


@pytest.fixture
def localedir(tmp_path):
    base = tmp_path / "locales"
    write_po(base, "xx", "ui", {"Home": "Hjem", "Hello {name}": "Hei {navn}", "{n} left": "{n} igjen"})
    write_po(base, "xx", "content", {"Stop and call": "Stopp og ring"})
    yield base
    i18n.setup(base, "en")


def test_translates_and_falls_back_to_the_source_for_missing_strings(localedir):
    i18n.setup(localedir, "xx")
    assert i18n._("Home") == "Hjem"
    assert i18n._("Settings") == "Settings"  # not in the catalog: the English source, never empty
    assert i18n.content_gettext("Stop and call") == "Stopp og ring"
    assert i18n._("") == ""


def test_a_translation_with_different_placeholders_is_rejected_and_the_source_shown(localedir):
    catalogs = i18n.setup(localedir, "xx")
    shown = i18n._("Hello {name}")
    assert shown == "Hello {name}"
    assert shown.format(name="Ana") == "Hello Ana"  # formatting does not crash
    assert i18n._("{n} left").format(n=3) == "3 igjen"  # same placeholders: accepted
    assert ("xx/ui", "Hello {name}", "Hei {navn}") in catalogs.rejected()


def test_a_broken_line_is_reported_with_its_line_and_the_rest_still_translates(tmp_path):
    base = tmp_path / "locales"
    po = write_po(base, "xx", "ui", {"Home": "Hjem"}, extra='this line is not gettext\n')
    catalogs = i18n.setup(base, "xx")
    assert i18n._("Home") == "Hjem"
    assert i18n._("Back") == "Back"
    assert len(catalogs.problems) == 1
    problem = catalogs.problems[0]
    assert problem.file == str(po)
    assert problem.line == 7  # header (3 lines), blank, the entry (2 lines), then the garbage


def test_a_missing_locale_or_catalog_means_english(tmp_path):
    i18n.setup(tmp_path / "nowhere", "zz")
    assert i18n._("Home") == "Home"


def test_the_compiled_catalog_is_refreshed_when_the_po_changes(localedir):
    i18n.setup(localedir, "xx")
    assert i18n._("Home") == "Hjem"
    po = localedir / "xx" / "LC_MESSAGES" / "ui.po"
    text = po.read_text(encoding="utf-8").replace("Hjem", "Heim")
    po.write_text(text, encoding="utf-8")
    mo = po.with_suffix(".mo")
    import os

    stat = mo.stat()
    os.utime(po, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    i18n.setup(localedir, "xx")
    assert i18n._("Home") == "Heim"


def test_the_shipped_catalogs_read_through_the_cache_translate_as_parsed(roots, tmp_path):
    """Every entry, plural forms included, is the same from the cache as from the .mo itself."""
    cache = tmp_path / "cache"
    for locale in i18n.Catalogs(roots.locale_dir).locales()[1:]:
        for domain in i18n.DOMAINS:
            parsed = i18n.Catalogs(roots.locale_dir).translations(locale, domain)
            i18n.Catalogs(roots.locale_dir, cache).translations(locale, domain)  # writes the cache
            cached = i18n.Catalogs(roots.locale_dir, cache).translations(locale, domain)
            assert cached._catalog == parsed._catalog and cached._catalog
            assert [cached.plural(n) for n in range(5)] == [parsed.plural(n) for n in range(5)]
    assert len(list(cache.glob("*.marshal"))) == 2 * (len(i18n.Catalogs(roots.locale_dir).locales()) - 1)


def test_a_catalog_edit_is_seen_through_the_cache_and_a_damaged_cache_is_replaced(localedir, tmp_path):
    cache = tmp_path / "cache"
    i18n.setup(localedir, "xx", cache_dir=cache)
    assert i18n._("Home") == "Hjem"
    write_po(localedir, "xx", "ui", {"Home": "Heim"})
    i18n.setup(localedir, "xx", cache_dir=cache)
    assert i18n._("Home") == "Heim"
    assert len(list(cache.glob("xx-ui-*.marshal"))) == 1  # the old one is gone
    for damaged in cache.glob("*.marshal"):
        damaged.write_bytes(b"\x00not marshal")
    i18n.setup(localedir, "xx", cache_dir=cache)
    assert i18n._("Home") == "Heim"
    assert i18n.content_gettext("Stop and call") == "Stopp og ring"
    i18n.setup(localedir, "xx", cache_dir=cache)
    assert i18n._("Home") == "Heim"


def test_listeners_hear_a_language_switch(localedir):
    i18n.setup(localedir, "en")
    heard = []
    i18n.add_listener(heard.append)
    try:
        i18n.set_locale("xx")
        i18n.set_locale("xx")  # no change, no second call
    finally:
        i18n.remove_listener(heard.append)
    assert heard == ["xx"]


@pytest.mark.parametrize(
    "system, expected",
    [
        ("zh_CN.UTF-8", "zh_CN"),
        ("zh-TW", "zh_TW"),
        ("zh_HK", "zh_TW"),  # Hong Kong reads Traditional
        ("zh_Hant_MO", "zh_TW"),
        ("zh_SG", "zh_CN"),
        ("zh", "zh_CN"),
        ("en_GB.UTF-8", "en"),
        ("en_AU", "en"),
        ("fr_FR", None),
        ("C", None),
        ("", None),
    ],
)
def test_system_locale_matching(system, expected):
    assert i18n.match_locale(system, ["en", "zh_CN", "zh_TW"]) == expected


def test_first_start_follows_the_system_else_english():
    available = ["en", "zh_CN", "zh_TW"]
    assert i18n.choose_locale(["fr_FR", "zh_TW.UTF-8"], available) == "zh_TW"
    assert i18n.choose_locale(["fr_FR"], available) == "en"
    assert i18n.choose_locale([], available) == "en"


def test_each_language_is_named_in_its_own_script():
    assert i18n.display_name("en") == "English"
    assert "简体" in i18n.display_name("zh_CN")
    assert "繁體" in i18n.display_name("zh_TW")


def test_chinese_is_offered_by_script_as_chinese_menus_name_it():
    """简体中文 / 繁體中文, not CLDR's country-qualified "中文 (简体, 中国)"."""
    names = {code: i18n.cldr_name(code) for code in ("zh_CN", "zh_SG", "zh_TW", "zh_HK")}
    assert names["zh_CN"] == names["zh_SG"] != names["zh_TW"] == names["zh_HK"]
    for name in names.values():
        assert name.endswith("中文") and "(" not in name and "中国" not in name and "台灣" not in name
    assert i18n.cldr_name("en") == "English"


def test_placeholders_of_both_styles_are_found():
    assert i18n.placeholders("Call {number} now, {{literal}}") == {"number"}
    assert i18n.placeholders("Where to get help in %(region)s") == {"region"}


def test_the_stored_language_names_are_babels(roots):
    """locales/languages.json saves loading CLDR at start-up; it must say what CLDR says."""
    import json

    from core.catalogs import shipped_locales

    stored = json.loads((roots.locale_dir / "languages.json").read_text(encoding="utf-8"))
    assert set(stored) == {"en", *shipped_locales(roots.app_dir)}
    for code, name in stored.items():
        assert name == i18n.cldr_name(code)
    i18n.setup(roots.locale_dir, "en")
    assert i18n.display_name("zh_TW") == stored["zh_TW"]
    assert i18n.display_name("ja") == "日本語"  # not shipped: asked of Babel


def test_language_names_come_through_the_start_up_cache_and_follow_an_edit(roots, tmp_path, monkeypatch):
    import shutil

    locales = tmp_path / "locales"
    shutil.copytree(roots.locale_dir, locales)
    cache = tmp_path / "cache"

    def name_at_start(code):
        monkeypatch.setattr(i18n, "_names_cache", None)
        i18n.setup(locales, "en", cache_dir=cache)
        return i18n.display_name(code)

    first = name_at_start("zh_TW")
    assert list(cache.glob("languages-*.marshal"))
    assert name_at_start("zh_TW") == first  # from the cache
    for damaged in cache.glob("languages-*.marshal"):
        damaged.write_bytes(b"\x00not marshal")
    assert name_at_start("zh_TW") == first  # read afresh
    path = locales / "languages.json"
    path.write_text(path.read_text(encoding="utf-8").replace(first, "Taiwan test name"), encoding="utf-8")
    assert name_at_start("zh_TW") == "Taiwan test name"
    assert len(list(cache.glob("languages-*.marshal"))) == 1  # the old entry is gone
