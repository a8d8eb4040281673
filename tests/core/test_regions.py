"""Region facts: what each region shows, and the default from the locale."""

import marshal
import re
from pathlib import Path

import pytest

from core.regions import REGION_CODES, load_regions

HOTLINES = Path(__file__).resolve().parents[3] / "shared" / "facts" / "hotlines.md"


@pytest.fixture(scope="module")
def facts(roots):
    return load_regions(roots.content_dir)


def test_region_file_loads_cleanly_with_every_region(facts):
    assert facts.problems == []
    assert set(facts.regions) == set(REGION_CODES)
    for region in facts.regions.values():
        assert region.call_now, f"{region.code} needs a number to call now"


@pytest.mark.parametrize(
    "system, app_locale, expected",
    [
        (["zh_CN.UTF-8"], "zh_CN", "CN"),
        (["zh_TW"], "zh_TW", "TW"),
        (["zh_HK"], "zh_TW", "HK"),
        (["en_GB.UTF-8"], "en", "UK"),
        (["en_US"], "en", "US"),
        (["en_AU"], "en", "AU"),
        (["en_SG"], "en", "SG"),
        ([], "zh_CN", "CN"),  # no country in the system locale: from the app language
        ([], "zh_TW", "TW"),
        (["C"], "en", "US"),
    ],
)
def test_region_defaults_from_the_locale(facts, system, app_locale, expected):
    assert facts.default_for(system, app_locale) == expected


def test_unconfirmed_channels_are_never_offered(facts):
    for region in facts.regions.values():
        shown = {c.id for c in region.channels} | {c.id for c in region.call_now}
        assert not shown & {c.id for c in region.withheld}
    assert {"12321", "159", "1300 432 273", "report@phishing.gov.uk"} <= facts.withheld_values()
    assert "12321" not in facts.shown_values()


@pytest.mark.skipif(not HOTLINES.is_file(), reason="shared/facts/hotlines.md is not beside the checkout")
def test_every_value_shown_is_in_a_confirmed_row_of_the_hotlines_file(facts):
    rows = [line for line in HOTLINES.read_text(encoding="utf-8").splitlines() if line.startswith("|")]
    for value in facts.shown_values():
        matching = [row for row in rows if value.lower() in row.lower()]
        assert matching, f"{value} is not in hotlines.md"
        cells = [row.rstrip("|").split("|")[-1] for row in matching]
        assert any(re.search(r"\bconfirmed\b", cell) and "UNCONFIRMED" not in cell.split("(")[0] for cell in cells), (
            f"{value} is only in unconfirmed rows"
        )


def test_the_start_up_cache_gives_the_same_facts_and_notices_an_edit(roots, tmp_path):
    import shutil

    content = tmp_path / "content"
    content.mkdir()
    shutil.copy(roots.content_dir / "regions.yaml", content / "regions.yaml")
    cache = tmp_path / "cache"
    first = load_regions(content, cache_dir=cache)
    assert (cache / "regions.marshal").is_file()
    again = load_regions(content, cache_dir=cache)
    assert again.regions == first.regions and again.problems == first.problems
    assert again.get("CN").call_now[1].value == "96110"

    text = (content / "regions.yaml").read_text(encoding="utf-8")
    (content / "regions.yaml").write_text(text.replace("call_now: [sg-1799]", "call_now: [sg-1799, sg-nowhere]"), encoding="utf-8")
    edited = load_regions(content, cache_dir=cache)
    assert any("sg-nowhere" in p.message for p in edited.problems)


def test_a_name_inside_a_sentence_reads_as_english_does(facts, roots):
    """"Where to get help in the United Kingdom", not "in United Kingdom"; a region without
    its own in_text uses its name."""
    from core import i18n
    from core.render import Renderer

    i18n.setup(roots.locale_dir, "en")
    for region in facts.regions.values():
        assert region.in_text.endswith(region.name)
    uk = facts.get("UK")
    assert uk.in_text != uk.name  # the United Kingdom
    html = Renderer(roots.content_dir).render("templates/help.html.j2", "en", region=uk)
    assert f"in {uk.in_text}" in html


@pytest.mark.parametrize(
    "damage",
    [b"\x00not marshal data", b"", marshal.dumps(["a list", "not the cache"]), marshal.dumps({"key": 1, "regions": {"CN": {}}})],
)
def test_a_damaged_cache_is_ignored(roots, tmp_path, damage):
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / "regions.marshal").write_bytes(damage)
    facts = load_regions(roots.content_dir, cache_dir=cache)
    assert facts.problems == [] and set(facts.regions) == set(REGION_CODES)


def test_numbers_to_call_come_before_websites_in_every_region_and_after_the_cache(roots, tmp_path):
    """Someone in a panic dials: the US and Australia list a website first in hotlines.md, but
    every screen shows the phone number first. The YAML keeps its order."""
    import shutil

    content = tmp_path / "content"
    content.mkdir()
    shutil.copy(roots.content_dir / "regions.yaml", content / "regions.yaml")
    yaml_text = (content / "regions.yaml").read_text(encoding="utf-8")
    assert "call_now: [us-ftc-web, us-ftc-help]" in yaml_text  # the file itself is not reordered
    for facts in (load_regions(content, cache_dir=tmp_path / "cache"), load_regions(content, cache_dir=tmp_path / "cache")):
        for region in facts.regions.values():
            kinds = [c.kind for c in region.call_now]
            assert kinds == sorted(kinds, key=lambda kind: kind != "phone"), (region.code, kinds)
        us = facts.get("US")
        assert [c.id for c in us.call_now] == ["us-ftc-help", "us-ftc-web"]
        assert facts.get("CN").call_now[0].value == "110"  # phones among themselves keep their order


def test_only_phones_tells_a_call_list_from_a_call_or_report_list(facts):
    from core.regions import only_phones

    assert only_phones(facts.get("CN").call_now)
    assert not only_phones(facts.get("US").call_now)
    assert not only_phones(facts.get("AU").call_now)


def test_a_name_on_its_own_under_its_number_starts_with_a_capital():
    from core.regions import name_on_its_own

    assert name_on_its_own("96110", "96110 anti-fraud warning line") == "Anti-fraud warning line"
    assert name_on_its_own("110", "Police") == "Police"
    assert name_on_its_own("96110", "96110反诈预警劝阻专线") == "反诈预警劝阻专线"  # no case in Chinese
    assert name_on_its_own("18222", "18222") == ""
