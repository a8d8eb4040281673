"""`content lint` catches a planted error of each kind, at the line to fix.

The whole tree is copied to a temporary folder, one error of each kind is
planted, and a single lint run must report every one of them.
"""

import json
import shutil
import subprocess
import sys

import pytest

from core import i18n
from core.lint import FactIndex, lint
from core.regions import load_regions


def line_of(path, needle: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


def replace_once(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= 1, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def po_entry_line(po, msgid: str) -> int:
    return line_of(po, f'msgid "{msgid}')  # an entry is reported at its msgid


@pytest.fixture(scope="module")
def planted(tmp_path_factory, roots):
    root = tmp_path_factory.mktemp("tree")
    ignore = shutil.ignore_patterns("*.mo", "__pycache__", "fonts", ".lock")
    for name in ("content", "locales", "core", "ui"):
        shutil.copytree(roots.app_dir / name, root / name, ignore=ignore)
    shutil.copy(roots.app_dir / "main.py", root / "main.py")
    regions = root / "content" / "regions.yaml"
    template = root / "content" / "templates" / "help.html.j2"
    po = root / "locales" / "zh_CN" / "LC_MESSAGES" / "content.po"
    expected = {}

    # 1. schema: a channel kind that does not exist
    replace_once(regions, "        kind: website\n        name: Police e-Report Centre", "        kind: fax\n        name: Police e-Report Centre")
    expected["schema"] = ("content/regions.yaml", line_of(regions, "kind: fax"), "expected one of")
    # 2. cross-reference: call_now names a channel that is not there
    replace_once(regions, "call_now: [sg-1799]", "call_now: [sg-1799, sg-nowhere]")
    expected["reference"] = ("content/regions.yaml", line_of(regions, "sg-nowhere"), "sg-nowhere")
    # 3. unconfirmed channel offered as a number to call
    replace_once(regions, "call_now: [cn-110, cn-96110]", "call_now: [cn-110, cn-96110, cn-12321]")
    expected["unconfirmed"] = ("content/regions.yaml", line_of(regions, "cn-12321]"), "unconfirmed")
    # 4. template: an undefined name
    replace_once(template, "<h3>", "{% if region.code == 'AU' %}<p>{{ no_such_value }}</p>{% endif %}\n<h3>")

    # 5. a number shown that is not in the region facts
    replace_once(template, "<ul class=\"channels\">", "<p>Call 400-000-1234 for a refund.</p>\n<ul class=\"channels\">")

    replace_once(regions, "purpose: Report fraud in Scotland.", "purpose: Report fraud in Scotland, or ring 0800 000 000.")
    expected["number in data"] = ("content/regions.yaml", line_of(regions, "0800 000 000"), "0800 000 000")
    # 6. stale catalog template: a new string nobody extracted
    replace_once(template, "<h3>", "<h3>{% trans %}A brand new heading{% endtrans %}</h3>\n<h3>")
    expected["stale"] = ("locales/content.pot", 1, "A brand new heading")
    # 7. untranslated, 8. fuzzy, 9. placeholders that differ from the source
    replace_once(po, 'msgstr "其他官方渠道"', 'msgstr ""')
    replace_once(po, 'msgid "Report fraud in Scotland."', '#, fuzzy\nmsgid "Report fraud in Scotland."')
    text = po.read_text(encoding="utf-8")
    start = text.index('msgid "Where to get help in %(region)s"')
    end = text.index("\n\n", start)
    po.write_text(text[:start] + 'msgid "Where to get help in %(region)s"\nmsgstr "求助渠道"' + text[end:], encoding="utf-8")
    help_file = "content/templates/help.html.j2"
    expected["template"] = (help_file, line_of(template, "no_such_value"), "does not render")
    expected["number"] = (help_file, line_of(template, "400-000-1234"), "400-000-1234")
    zh = "locales/zh_CN/LC_MESSAGES/content.po"
    expected["untranslated"] = (zh, po_entry_line(po, "Other official channels"), "untranslated")
    expected["fuzzy"] = (zh, po_entry_line(po, "Report fraud in Scotland."), "fuzzy")
    expected["placeholder"] = (zh, po_entry_line(po, "Where to get help in"), "placeholders differ")

    i18n.setup(root / "locales", "en")
    report = lint(root / "content", root)
    i18n.setup(roots.locale_dir, "en")
    return report, expected, root


KINDS = ("schema", "reference", "unconfirmed", "template", "number", "number in data", "stale", "untranslated", "fuzzy", "placeholder")


@pytest.mark.parametrize("kind", KINDS)
def test_lint_reports_each_planted_error_at_its_line(planted, kind):
    report, expected, _root = planted
    file, line, words = expected[kind]
    matches = [p for p in report.problems if p.file == file and words in p.message and (line is None or p.line == line)]
    assert matches, f"no {kind} problem at {file}:{line} mentioning {words!r}; got:\n" + "\n".join(
        str(p) for p in report.problems if p.file == file
    )


def test_a_broken_yaml_file_is_reported_and_the_rest_is_still_checked(tmp_path, roots):
    root = tmp_path
    shutil.copytree(roots.content_dir, root / "content", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(roots.locale_dir, root / "locales", ignore=shutil.ignore_patterns("*.mo", ".lock"))
    regions = root / "content" / "regions.yaml"
    replace_once(regions, "  HK:\n", "  HK: [unclosed\n")
    i18n.setup(root / "locales", "en")
    try:
        report = lint(root / "content", roots.app_dir)
    finally:
        i18n.setup(roots.locale_dir, "en")
    syntax = [p for p in report.problems if p.file == "content/regions.yaml" and "syntax" in p.message]
    assert syntax and syntax[0].line in (line_of(regions, "[unclosed"), line_of(regions, "[unclosed") + 1)
    assert report.counts["guides"]["en"] > 0 or not list((root / "content" / "guides").glob("*.yaml"))


def test_fact_index_accepts_facts_and_fiction_and_rejects_the_rest(roots):
    index = FactIndex(load_regions(roots.content_dir))
    assert index.check_text("Call 110 or 96110; a real call shows 025-96110.") == []
    assert index.check_text("Report at ReportFraud.ftc.gov or 1-877-FTC-HELP (1-877-382-4357).") == []
    assert index.check_text("Pay 3,000 yuan, or ¥8000, within 24 hours, since 2021.") == []
    assert index.check_text("It grew to 100,000 and then 2,000,000.") == []
    assert index.check_text("Your code is 4821. 验证码：5173，请勿泄露。尾号2290账户") == []
    assert index.check_text("Log in at bank-verify.example or call 555-0142.") == []
    assert index.check_text('Call <span class="fictional">400-000-1234</span>') == []
    assert len(index.check_text("Call 400-123-4567 now")) == 1
    assert index.check_text("Call 400-000-1234 now") == ["number '400-000-1234' is not in the region facts (a made-up number must be marked fictional)"]
    assert len(index.check_text("Log in at secure-bank.top")) == 1


@pytest.mark.slow
def test_the_json_contract(roots):
    run = subprocess.run(
        [sys.executable, str(roots.app_dir / "main.py"), "content", "lint", "--json"],
        capture_output=True, text=True, encoding="utf-8", timeout=300,
    )
    report = json.loads(run.stdout)
    assert set(report) >= {"ok", "problems", "counts"}
    assert run.returncode == (0 if report["ok"] else 1)
    assert report["ok"] == (report["problems"] == [])
    for problem in report["problems"]:
        assert set(problem) == {"file", "line", "message"}
        assert isinstance(problem["line"], int) and problem["line"] >= 1
    for key in ("guides", "quiz_questions", "checker_rules"):
        assert set(report["counts"][key]) == {"en", "zh_CN", "zh_TW"}
        assert all(isinstance(n, int) for n in report["counts"][key].values())
