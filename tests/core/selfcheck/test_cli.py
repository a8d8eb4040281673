import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from core.cli import main


class _Stdin:
    def __init__(self, data: bytes):
        self.buffer = io.BytesIO(data)


def run(roots, monkeypatch, capsys, argv, data: bytes = b""):
    monkeypatch.setattr(sys, "stdin", _Stdin(data))
    code = main(argv, roots)
    return code, capsys.readouterr()


def test_jsonl_contract_and_per_line_errors(roots, monkeypatch, capsys):
    lines = [
        json.dumps({"id": "a", "text": "把验证码发给我，我是客服"}, ensure_ascii=False),
        "this is not json",
        json.dumps({"id": 7, "text": 12}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "big", "text": "x" * (100 * 1024 + 1)}),
        "",
        json.dumps({"id": "b", "text": "Dinner was $60, $15 each."}),
    ]
    code, out = run(roots, monkeypatch, capsys, ["--lang", "en", "check", "--format", "jsonl"], "\n".join(lines).encode())
    assert code == 0
    rows = [json.loads(line) for line in out.out.splitlines()]
    assert [r.get("id") for r in rows] == ["a", None, 7, None, "big", "b"]
    first = rows[0]
    assert set(first) == {"id", "verdict", "score", "scam_types", "signals"}
    assert first["verdict"] in ("high", "medium")
    text = json.loads(lines[0])["text"]
    signal = next(s for s in first["signals"] if s["id"] == "code_request")
    assert "验证码" in text[signal["start"] : signal["end"]]
    assert all("error" in r for r in rows[1:5])
    assert rows[5]["verdict"] == "low"


def test_json_is_one_object(roots, monkeypatch, capsys):
    code, out = run(roots, monkeypatch, capsys, ["check", "--format", "json", "-"], "Move your savings to a safe account now.".encode())
    assert code == 0
    data = json.loads(out.out)
    assert data["verdict"] != "low" and data["scam_types"][0] == "impersonate_authority"


def test_text_names_the_region_helplines(roots, monkeypatch, capsys):
    from core.regions import load_regions

    code, out = run(roots, monkeypatch, capsys, ["--lang", "en", "--region", "CN", "check"], "请把钱转到安全账户".encode())
    assert code == 0
    assert "This looks like a scam." in out.out or "Be careful" in out.out
    for channel in load_regions(roots.content_dir).get("CN").call_now:
        assert channel.value in out.out


def test_text_low_verdict_never_says_safe(roots, monkeypatch, capsys):
    code, out = run(roots, monkeypatch, capsys, ["--lang", "en", "check"], b"See you at 10 tomorrow.")
    assert "No known warning signs found." in out.out
    assert "not proof" in out.out


def test_unreadable_file_exits_non_zero(roots, monkeypatch, capsys, tmp_path):
    code, out = run(roots, monkeypatch, capsys, ["check", str(tmp_path / "missing.txt")])
    assert code != 0 and out.err


def test_too_large_input_is_refused_but_not_an_error_exit(roots, monkeypatch, capsys):
    code, out = run(roots, monkeypatch, capsys, ["check", "--format", "json"], b"a" * (100 * 1024 + 10))
    assert code == 0
    assert "error" in json.loads(out.out)


def test_text_output_in_chinese(roots, monkeypatch, capsys):
    code, out = run(roots, monkeypatch, capsys, ["--lang", "zh_CN", "--region", "CN", "check"], "请把钱转到安全账户".encode())
    assert code == 0
    assert "安全账户" in out.out  # the matched words from the message


# --- the text format, as a person reads it ------------------------------------------------------

GRANDCHILD = "Hi Grandma, it is me, I lost my phone, this is my new number. Please send 500 by gift card and do not tell Mum."
POLICE_ZH = "我是市公安局刑侦支队的民警，你名下的银行卡涉嫌一起洗钱案，现在需要你配合调查，把资金转入安全账户进行资金清查，此事保密，不要告诉任何人，否则影响你的工作。"
CREDIT_ZH = "您好，根据国家最新政策，您以前借过的网贷利息超过法定上限，可以申请利息退还并同步修复征信。需要您先把各借款平台的额度全部借出来，转入监管账户验证流水。"


def test_empty_input_says_there_was_nothing_to_check(roots, monkeypatch, capsys):
    for data in (b"", b"  \n\t"):
        code, out = run(roots, monkeypatch, capsys, ["--lang", "en", "check"], data)
        assert code == 0
        assert "nothing to check" in out.out
        assert "No known warning signs" not in out.out and "Score" not in out.out
    code, out = run(roots, monkeypatch, capsys, ["check", "--format", "json"], b"")
    assert code == 0 and json.loads(out.out)["verdict"] == "low"  # the JSON contract is unchanged


def test_the_score_says_what_it_means(roots, monkeypatch, capsys):
    _code, out = run(roots, monkeypatch, capsys, ["--lang", "en", "check"], POLICE_ZH.encode())
    score_line = next(line for line in out.out.splitlines() if line.startswith("Score"))
    assert "out of 100" in score_line and "scam" in score_line


def test_chinese_names_short_types_joined_with_a_chinese_comma(roots, monkeypatch, capsys):
    from core.i18n import _
    from core.quiz.session import SCAM_TYPE_NAMES

    _code, out = run(roots, monkeypatch, capsys, ["--lang", "zh_CN", "check", "--format", "json"], CREDIT_ZH.encode())
    types = json.loads(out.out)["scam_types"][:2]
    _code, out = run(roots, monkeypatch, capsys, ["--lang", "zh_CN", "check"], CREDIT_ZH.encode())
    line = next(line for line in out.out.splitlines() if line.startswith("看起来像"))
    assert line.endswith("、".join(_(SCAM_TYPE_NAMES[t]) for t in types))  # both close: both named
    assert ", " not in line and "？" not in line  # no guide titles with their question marks


def test_fake_police_is_named_once_not_also_a_job_scam(roots, monkeypatch, capsys):
    _code, out = run(roots, monkeypatch, capsys, ["--lang", "en", "check"], POLICE_ZH.encode())
    line = next(line for line in out.out.splitlines() if line.startswith("Looks like"))
    assert line == "Looks like: Fake police and officials"


def test_advice_fits_a_grandchild_scam(roots, monkeypatch, capsys):
    _code, out = run(roots, monkeypatch, capsys, ["--lang", "en", "--region", "UK", "check"], GRANDCHILD.encode())
    advice = out.out.split("What to do now:")[1].split("\n\n")[0]
    assert "official" not in advice and "organisation" not in advice
    assert "family" in advice


def test_signals_are_capped_merged_and_cut_at_whole_words(roots, monkeypatch, capsys):
    from core.selfcheck.present import TOP

    _code, out = run(roots, monkeypatch, capsys, ["--lang", "zh_CN", "check"], POLICE_ZH.encode())
    assert sum(line.startswith("  ! ") for line in out.out.splitlines()) <= TOP
    assert "json" in out.out  # says that more were found and where to see them
    _code, out = run(roots, monkeypatch, capsys, ["--lang", "en", "check"], GRANDCHILD.encode())
    assert "send 500" in out.out and "“send 5 " not in out.out and "send 5 …" not in out.out
    words = [line for line in out.out.splitlines() if line.strip().startswith("Words:")]
    assert len(words) == len(set(words))


def test_a_definite_scam_says_call_now_and_the_helpline_is_not_repeated_as_advice(roots, monkeypatch, capsys):
    _code, out = run(roots, monkeypatch, capsys, ["--lang", "en", "--region", "CN", "check"], POLICE_ZH.encode())
    assert "Call now to check:" in out.out and "Still not sure" not in out.out
    assert "Not sure? Call the anti-fraud helpline" not in out.out


def test_helplines_in_the_regions_order_one_format(roots, monkeypatch, capsys):
    from core.regions import load_regions

    for region, lang in (("UK", "en"), ("CN", "zh_CN"), ("TW", "zh_TW")):
        _code, out = run(roots, monkeypatch, capsys, ["--lang", lang, "--region", region, "check"], "请把钱转到安全账户".encode())
        channels = load_regions(roots.content_dir).get(region).call_now
        tail = out.out.rstrip().splitlines()[-len(channels) :]
        for line, channel in zip(tail, channels):
            assert line.strip().startswith(channel.value + " "), (line, channel.value)  # number first, in call_now order
            assert line.count(channel.value) == 1  # "96110 反诈预警劝阻专线", not "96110反诈预警劝阻专线 96110"
            assert ":" not in line.replace(channel.value, "")


@pytest.mark.parametrize(("lang", "opening", "closing"), [("zh_TW", "「", "」"), ("zh_CN", "“", "”"), ("en", "“", "”")])
def test_quoted_words_use_the_languages_quotation_marks(roots, monkeypatch, capsys, lang, opening, closing):
    """Taiwan writes 「…」; the findings quoted the message in “…” whatever the language."""
    _code, result = run(roots, monkeypatch, capsys, ["--lang", lang, "check"], "請把錢轉到安全帳戶".encode())
    quoted = [line for line in result.out.splitlines() if opening in line and closing in line]
    assert quoted, result.out
    if lang == "zh_TW":
        assert "“" not in result.out


# --- a low verdict, the word comparison in plain text, a reader that stops reading --------------

CODE_WITH_LINK = "Your Example code: 381-092\nYou can also tap this link to verify your phone: v.example.test/381092\nDo not give this code to anyone."


def test_a_low_verdict_lists_no_warning_signs_only_outweighed_words_after_the_genuine_ones(roots, monkeypatch, capsys):
    _code, out = run(roots, monkeypatch, capsys, ["--lang", "en", "--region", "UK", "check"], CODE_WITH_LINK.encode())
    text = out.out
    assert text.startswith("No known warning signs found.")
    assert "Warning signs:" not in text and "\n  ! " not in text
    genuine = text.index("Signs of a genuine message")
    outweighed = text.index("Words often seen in scams, outweighed here:")
    assert genuine < outweighed
    assert "“tap this link”" in text[outweighed:]


def test_a_low_verdict_in_chinese_says_no_warning_signs_once(roots, monkeypatch, capsys):
    _code, out = run(roots, monkeypatch, capsys, ["--lang", "zh_CN", "--region", "CN", "check"], CODE_WITH_LINK.encode())
    assert out.out.count("危险信号") == 1  # the verdict "没有发现已知的危险信号", no "危险信号：" list after it
    assert "诈骗中常见的词" in out.out


def test_the_word_comparison_in_plain_text_does_not_speak_of_highlights(roots, monkeypatch, capsys):
    for lang, highlighted in (("en", "highlighted"), ("zh_CN", "高亮"), ("zh_TW", "標示")):
        _code, out = run(roots, monkeypatch, capsys, ["--lang", lang, "check"], POLICE_ZH.encode())
        lines = out.out.splitlines()
        footnote = next(i for i, line in enumerate(lines) if line.startswith(("Also, by word comparison", "另外")))
        assert highlighted not in out.out, lang
        assert lines[footnote + 1].strip().startswith(("Words:", "相关文字", "相關文字"))  # the words it means follow


def test_a_reader_that_stops_reading_gets_no_traceback(tmp_path):
    """``check --format jsonl big.jsonl | head -1``: the pipe closes while lines are still written."""
    root = Path(__file__).resolve().parents[3]
    source = tmp_path / "many.jsonl"
    source.write_text("".join(json.dumps({"id": i, "text": "Pay the fee at http://parcel.example now."}) + "\n" for i in range(3000)), encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, str(root / "main.py"), "--lang", "en", "check", "--format", "jsonl", str(source)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    first = process.stdout.readline()
    process.stdout.close()  # as head does after its lines
    error = process.stderr.read().decode()
    process.stderr.close()
    assert process.wait(timeout=120) == 0
    assert json.loads(first)["id"] == 0
    assert "Traceback" not in error and "BrokenPipe" not in error, error


def test_a_closed_pipe_in_the_text_format_ends_quietly(roots, monkeypatch, capsys):
    class ClosedPipe(io.StringIO):
        def write(self, _text):
            raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr(sys, "stdin", _Stdin(CODE_WITH_LINK.encode()))
    monkeypatch.setattr(sys, "stdout", ClosedPipe())
    assert main(["--lang", "en", "check"], roots) == 0


@pytest.mark.parametrize(("region", "says_report"), [("US", True), ("AU", True), ("UK", False), ("CN", False)])
def test_the_heading_over_the_numbers_says_report_only_when_a_website_is_listed(roots, monkeypatch, capsys, region, says_report):
    """Nobody can call a website: where the region's list holds one (the US, Australia), the
    heading says "call ... or report", and a scam verdict still says "now", not "still not sure"."""
    from core.regions import load_regions

    channels = load_regions(roots.content_dir).get(region).call_now
    _code, out = run(roots, monkeypatch, capsys, ["--lang", "en", "--region", region, "check"], b"Move your savings to a safe account now, tell no one.")
    lines = out.out.rstrip().splitlines()
    heading = lines[-len(channels) - 1]
    assert heading.startswith("Call now to check")
    assert ("or report" in heading) == says_report
