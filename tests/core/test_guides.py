"""The scam guides: data format, rendering per locale and region, search, filter, lint checks."""

from __future__ import annotations

import dataclasses
import re
import shutil
import textwrap

import pytest

from core import guides, i18n
from core.content import ContentLibrary
from core.guides import GUIDE_IDS, SECTION_ANCHORS, GuideBook, paragraphs, unconfirmed_shown
from core.regions import load_regions
from core.render import Renderer
from core.taxonomy import AUDIENCES, SCAM_TYPES
from tests.conftest import ROOT, SHIPPED_LOCALES

CONTENT = ROOT / "content"


@pytest.fixture(scope="module")
def library():
    return ContentLibrary.load(CONTENT)


@pytest.fixture(scope="module")
def book(library):
    return GuideBook(guides.load_guides(library))


@pytest.fixture(scope="module")
def facts():
    return load_regions(CONTENT)


def gettext_for(locale):
    return i18n.translator(locale, "content").gettext


# --- the set of guides and their format ---------------------------------------------------------


def test_there_is_a_guide_for_every_scam_type_and_every_persuasion_topic(book):
    assert set(GUIDE_IDS) == set(SCAM_TYPES) | {"jobs_abroad", "genuine_channels", "helping_someone", "already_paid"}
    assert [g.id for g in book.guides] == list(GUIDE_IDS)


def test_every_shipped_guide_file_passes_its_schema(library):
    problems = [p for p in library.problems if p.file.startswith("content/guides/")]
    assert problems == []


def test_every_guide_has_every_section_filled(book):
    for guide in book.guides:
        assert guide.title and guide.rule and guide.keywords, guide.id
        assert guide.first_message.sender and guide.first_message.text, guide.id
        assert 3 <= len(guide.stages) <= 6, guide.id
        assert 4 <= len(guide.red_flags) <= 8, guide.id
        assert 3 <= len(guide.do) <= 6 and 3 <= len(guide.dont) <= 6, guide.id
        assert guide.story_title and len(paragraphs(guide.story_text)) >= 2, guide.id
        assert guide.related and all(r in book.by_id and r != guide.id for r in guide.related), guide.id
        assert guide.audiences and set(guide.audiences) <= set(AUDIENCES), guide.id


def write_content(tmp_path, guide_yaml: str, name: str = "task_rebate"):
    content = tmp_path / "content"
    (content / "guides").mkdir(parents=True)
    shutil.copy(CONTENT / "regions.yaml", content / "regions.yaml")
    shutil.copytree(CONTENT / "templates", content / "templates")
    (content / "guides" / f"{name}.yaml").write_text(textwrap.dedent(guide_yaml), encoding="utf-8")
    return content


GOOD = """\
    id: task_rebate
    icon: task_rebate
    audiences: [students]
    title: "A title"
    rule: "A rule."
    keywords: ["word"]
    first_message: {channel: sms, sender: "Someone", text: "Hello."}
    stages:
      - {title: "One", text: "First."}
      - {title: "Two", text: "Second."}
      - {title: "Three", text: "Third."}
    red_flags: ["a", "b", "c", "d"]
    do: ["a", "b", "c"]
    dont: ["a", "b", "c"]
    story: {title: "A story", text: "One.\\n\\nTwo."}
    related: [fake_loan]
"""


def test_the_schema_names_the_line_of_a_missing_section_and_of_a_misspelt_key(tmp_path):
    broken = GOOD.replace('    dont: ["a", "b", "c"]\n', "").replace("red_flags:", "red_flag:")
    content = write_content(tmp_path, broken)
    problems = [str(p) for p in ContentLibrary.load(content).problems]
    assert "content/guides/task_rebate.yaml:1: the file is missing 'dont'" in problems
    assert any(p.startswith("content/guides/task_rebate.yaml:12: unknown key 'red_flag'") for p in problems)


def test_show_channels_is_optional_and_must_be_true_or_false(tmp_path):
    content = write_content(tmp_path, GOOD + '    show_channels: "sometimes"\n')
    problems = [str(p) for p in ContentLibrary.load(content).problems]
    assert any(":17:" in p and "show_channels" in p and "true or false" in p for p in problems)
    assert ContentLibrary.load(write_content(tmp_path / "ok", GOOD)).problems == []


# --- lint checks --------------------------------------------------------------------------------


def run_checks(content):
    library = ContentLibrary.load(content)
    return [str(p) for check in (guides._check_set, guides._check_numbers) for p in check(library)]


def test_lint_reports_a_hotline_typed_into_a_guide_and_a_guide_relating_to_itself(tmp_path):
    text = GOOD.replace('rule: "A rule."', 'rule: "Call 96110 now."').replace("related: [fake_loan]", "related: [task_rebate]")
    problems = run_checks(write_content(tmp_path, text))
    assert any(p.startswith("content/guides/task_rebate.yaml:5: '96110' is typed into the text") for p in problems)
    assert any(p.startswith("content/guides/task_rebate.yaml:16: 'related' names the guide itself") for p in problems)
    assert any("guides missing: fake_investment" in p for p in problems)


def test_lint_reports_an_unconfirmed_channel_in_a_guide(tmp_path, facts):
    withheld = sorted(v for v in facts.withheld_values() if len(v) >= 5)[0]
    problems = run_checks(write_content(tmp_path, GOOD.replace('"Hello."', f'"Call {withheld}."')))
    assert any(f"'{withheld}' is an unconfirmed channel" in p for p in problems)


def test_lint_does_not_mistake_an_amount_for_a_hotline(tmp_path):
    problems = run_checks(write_content(tmp_path, GOOD.replace('"Hello."', '"Pay 999 yuan, or 3,000 yuan."')))
    assert not any("typed into" in p or "unconfirmed" in p for p in problems)


def test_the_shipped_guides_pass_every_guide_check(library, english):
    problems = [str(p) for check in (guides._check_set, guides._check_numbers, guides._check_translations) for p in check(library)]
    assert problems == []


# --- rendering ----------------------------------------------------------------------------------


@pytest.mark.slow
def test_every_guide_renders_in_every_locale_and_region_with_every_section(book, facts, english):
    renderer = Renderer(CONTENT)
    withheld = facts.withheld_values()
    for locale in SHIPPED_LOCALES:
        gettext = gettext_for(locale)
        for guide in book.guides:
            for region in facts.regions.values():
                for handout in (False, True):
                    html = guides.render(renderer, locale, guide, book, region, handout)
                    where = (guide.id, locale, region.code, handout)
                    assert [a for a in SECTION_ANCHORS if f'name="{a}"' not in html] == [], where
                    for channel in region.call_now:
                        assert channel.value in html, where
                    assert unconfirmed_shown(html, withheld) == [], where
                    title = gettext(guide.title)
                    assert title in html.replace("&#39;", "'").replace("&#34;", '"').replace("&quot;", '"'), where
                    if locale != "en":
                        assert title != guide.title, where  # translated, not the English fallback


def test_the_reading_view_links_related_guides_and_neighbours_the_handout_does_not(book, facts, english):
    renderer = Renderer(CONTENT)
    guide = book.get("fake_loan")
    region = facts.get("CN")
    html = guides.render(renderer, "en", guide, book, region)
    for other in guide.related:
        assert f'href="guide:{other}"' in html
    previous, following = book.neighbours("fake_loan")
    assert f'href="guide:{previous.id}"' in html and f'href="guide:{following.id}"' in html
    handout = guides.render(renderer, "en", guide, book, region, handout=True)
    assert 'href="guide:' not in handout


def test_show_channels_lists_the_regions_confirmed_channels_with_their_notes(book, facts, english):
    renderer = Renderer(CONTENT)
    guide = dataclasses.replace(book.get("impersonate_authority"), show_channels=True)
    plain = guides.render(renderer, "en", book.get("impersonate_authority"), book, facts.get("CN"))
    assert 'name="sec-genuine"' not in plain
    for locale in SHIPPED_LOCALES:
        gettext = gettext_for(locale)
        for region in facts.regions.values():
            html = guides.render(renderer, locale, guide, book, region)
            assert 'name="sec-genuine"' in html
            for channel in region.channels:
                if channel.value:
                    assert channel.value in html
                if channel.note:
                    note = gettext(channel.note)
                    assert note.split("。")[0].split(". ")[0][:20] in html.replace("&#34;", '"').replace("&#39;", "'")
            assert unconfirmed_shown(html, facts.withheld_values()) == []


def test_story_paragraphs_split_on_blank_lines_and_join_chinese_lines_without_spaces():
    assert paragraphs("One line\nwraps here.\n\nSecond.") == ["One line wraps here.", "Second."]
    assert paragraphs("第一行\n接着。\n\n  第二段。 ") == ["第一行接着。", "第二段。"]


# --- search and filter --------------------------------------------------------------------------


@pytest.mark.parametrize("locale", SHIPPED_LOCALES)
def test_search_finds_every_guide_from_each_of_its_keywords_in_each_language(book, locale, english):
    gettext = gettext_for(locale)
    for guide in book.guides:
        for keyword in guide.keywords:
            query = gettext(keyword)
            assert guide in book.search(query, gettext), (locale, guide.id, query)
        assert book.search(gettext(guide.title), gettext)[0] is guide, (locale, guide.id)


@pytest.mark.parametrize(
    "locale, query, expected",
    [
        ("en", "safe account", "impersonate_authority"),
        ("en", "STUCK order", "task_rebate"),
        ("zh_CN", "刷单", "task_rebate"),
        ("zh_CN", "屏幕共享", "fake_customer_service"),
        ("zh_CN", "解冻费", "fake_loan"),
        ("zh_TW", "監管帳戶", "impersonate_authority"),
        ("zh_TW", "刷單", "task_rebate"),
        ("zh_TW", "內線消息", "fake_investment"),
    ],
)
def test_search_finds_a_guide_from_what_a_person_would_type(book, locale, query, expected, english):
    results = [g.id for g in book.search(query, gettext_for(locale))]
    assert expected in results[:3], results


def test_search_looks_in_the_body_text_not_only_titles_and_keywords(book, english):
    gettext = gettext_for("zh_CN")
    stage_text = gettext(book.get("fake_customer_service").stages[2].text)
    fragment = stage_text[4:10]
    assert book.get("fake_customer_service") in book.search(fragment, gettext)


def test_search_needs_every_word_and_ignores_a_blank_query(book, english):
    gettext = gettext_for("en")
    assert book.search("zzqx-no-such-word", gettext) == []
    assert book.search("   ", gettext) == book.guides
    both = book.search("loan collateral", gettext)
    assert both and all("collateral" in " ".join(g.texts()).lower() for g in both)


def test_the_audience_filter_keeps_exactly_the_guides_for_that_audience(book, english):
    for audience in AUDIENCES:
        shown = book.filter(audience)
        assert shown, audience
        assert shown == [g for g in book.guides if audience in g.audiences]
        assert all(audience in g.audiences for g in book.search("scam", gettext_for("en"), audience=audience))
    assert book.filter(None) == book.guides


# --- the linter's counts -----------------------------------------------------------------------


@pytest.mark.slow
def test_content_lint_json_counts_the_guides_per_locale(english):
    from core.lint import lint

    report = lint(CONTENT, ROOT)
    assert report.counts["guides"] == {locale: len(GUIDE_IDS) for locale in SHIPPED_LOCALES}
    assert [p for p in report.problems if p.file.startswith("content/guides/") or "guide.html" in p.file] == []


# --- the numbers to call, and a guide's own headings ---------------------------------------------

IN_THE_MOMENT = ("already_paid", "helping_someone")  # read by someone who has paid, or is watching it happen


def test_a_guide_read_in_the_moment_shows_the_numbers_to_call_right_under_its_rule(book, facts, english):
    """"I already paid: what now?" opens already_paid: its numbers were some 2,500 px down."""
    renderer = Renderer(CONTENT)
    for guide_id in IN_THE_MOMENT:
        for locale in SHIPPED_LOCALES:
            for region in facts.regions.values():
                html = guides.render(renderer, locale, book.get(guide_id), book, region)
                rule, first = html.index('name="sec-rule"'), html.index('name="sec-first"')
                between = html[rule:first]
                assert 'name="sec-call"' in between, (guide_id, locale, region.code)
                for channel in region.call_now:
                    assert f'<span class="channel-value">{channel.value}</span>' in between, (guide_id, locale, channel.value)
        handout = guides.render(renderer, "en", book.get(guide_id), book, facts.get("CN"), handout=True)
        assert 'name="sec-call"' not in handout  # one page: its help table is enough
    for guide in book.guides:  # every other guide keeps its story first; its numbers are in "Where to get help"
        if guide.id not in IN_THE_MOMENT:
            assert 'name="sec-call"' not in guides.render(renderer, "en", guide, book, facts.get("CN")), guide.id


def test_a_guide_can_give_a_section_its_own_heading(book, facts, english):
    """"How it starts" makes no sense over the message that shows a victim they were scammed."""
    renderer = Renderer(CONTENT)
    paid = book.get("already_paid")
    assert paid.headings.first_message
    for locale in SHIPPED_LOCALES:
        gettext = gettext_for(locale)
        usual = gettext("How it starts")
        html = guides.render(renderer, locale, paid, book, facts.get("CN"))
        assert gettext(paid.headings.first_message) in html and usual not in html, locale
        if locale != "en":
            assert gettext(paid.headings.first_message) != paid.headings.first_message, locale
        assert usual in guides.render(renderer, locale, book.get("fake_loan"), book, facts.get("CN")), locale
    retitled = dataclasses.replace(book.get("fake_loan"), headings=guides.Headings(stages="Step by step"))
    html = guides.render(renderer, "en", retitled, book, facts.get("CN"))
    assert "Step by step" in html and "How it unfolds" not in html


def test_call_first_and_headings_are_optional_and_checked_like_the_rest(tmp_path):
    """A misspelt heading key or a call_first that is not true/false is named with its line; an
    own heading is translatable text like the rest of the guide."""
    extra = '    call_first: "yes please"\n    headings:\n      first_message: "Own heading"\n      story: "x"\n'
    library = ContentLibrary.load(write_content(tmp_path, GOOD + extra))
    problems = [str(p) for p in library.problems]
    assert any(":17:" in p and "call_first" in p and "true or false" in p for p in problems), problems
    assert any(":20:" in p and "unknown key 'story'" in p for p in problems), problems
    good = ContentLibrary.load(write_content(tmp_path / "ok", GOOD + '    call_first: true\n    headings:\n      first_message: "Own heading"\n'))
    assert good.problems == []
    assert "Own heading" in [text for loaded in good.files["guides"] for _line, text in loaded.found.texts]
    guide = guides.load_guides(good)[0]
    assert guide.call_first and guide.headings.first_message == "Own heading"


def test_where_to_get_help_shows_each_number_large_and_its_name_without_the_number_again(facts, english):
    """'96110' over '96110 anti-fraud warning line' said the number twice."""
    renderer = Renderer(CONTENT)
    for locale in SHIPPED_LOCALES:
        gettext = gettext_for(locale)
        for region in facts.regions.values():
            html = renderer.render("templates/help.html.j2", locale, region=region)
            for channel in region.call_now:
                assert f'<p class="call-number"><span class="channel-value">{channel.value}</span></p>' in html
                names = re.findall(r'<p class="call-name"><b>(.*?)</b></p>', html)
                assert not any(channel.value in name for name in names), (locale, region.code, names)
                if channel.value not in gettext(channel.name):
                    assert any(gettext(channel.name).replace("'", "&#39;") == name for name in names), (locale, channel.name)
            for channel in region.channels:
                if channel.value and channel not in region.call_now:  # said once, inside its name or beside it
                    assert html.count(f'<span class="channel-value">{channel.value}</span>') == 1, (locale, channel.value)
