"""The command line, run as a person would run it."""

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

MAIN = Path(__file__).resolve().parent.parent / "main.py"


def run(*args, timeout=300):
    return subprocess.run([sys.executable, str(MAIN), *args], capture_output=True, text=True, encoding="utf-8", timeout=timeout)


def test_help_lists_every_option_and_command():
    result = run("--help")
    assert result.returncode == 0
    for word in ("--lang", "--region", "--version", "--self-test", "content"):
        assert word in result.stdout


def test_version():
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.startswith("ScamSense ")


def test_an_unknown_region_is_refused_with_the_choices():
    result = run("--region", "XX")
    assert result.returncode == 2
    assert "CN" in result.stderr and "AU" in result.stderr


@pytest.mark.slow
def test_self_test_passes_on_this_checkout():
    result = run("--self-test")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "self-test OK" in result.stdout
    assert "screens:" in result.stdout and "templates:" in result.stdout


# The app's own start parses its options with a smaller parser (start-up time); whatever is
# typed, the outcome must be the one the full parser gives.
@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["--lang", "zh_CN"],
        ["--lang=zh_TW", "--region", "hk"],
        ["--kiosk", "--kiosk-config", "/tmp/kiosk-test.yaml"],
        ["--self-test"],
        ["--reg", "uk"],  # an abbreviation, as argparse allows
    ],
)
def test_starting_the_app_parses_as_the_full_command_line_does(argv):
    from core.cli import build_parser, parse_args

    expected = vars(build_parser().parse_args(argv))
    assert vars(parse_args(argv)) == expected


_WORDS = ["--lang", "--lang=zh_CN", "--lang=", "zh_TW", "en", "--region", "--region=hk", "uk", "XX", "--reg",
          "--kiosk", "--kiosk-config", "--kiosk-config=/tmp/k.test.yaml", "/tmp/k.test.yaml", "--self-test",
          "--self-test=1", "-x", "check", "-", "--help", "--version", ""]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=5))
def test_any_command_line_parses_as_the_full_parser_parses_it(argv):
    """The start-up reading of the app's options (no argparse) never answers differently."""
    import contextlib
    import io

    from core.cli import build_parser, parse_args

    def outcome(parse):
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                return vars(parse(argv)), out.getvalue(), err.getvalue()
            except SystemExit as stop:
                return stop.code, out.getvalue(), err.getvalue()

    assert outcome(parse_args) == outcome(build_parser().parse_args)


@pytest.mark.parametrize(
    "argv",
    [["--region", "XX"], ["--lang"], ["--help"], ["check", "--format", "yaml"], ["lint"], ["--version"]],
)
def test_mistakes_help_and_commands_get_the_full_parsers_answer(argv, capsys):
    from core.cli import build_parser, parse_args

    with pytest.raises(SystemExit) as full:
        build_parser().parse_args(argv)
    full_out = capsys.readouterr()
    with pytest.raises(SystemExit) as quick:
        parse_args(argv)
    quick_out = capsys.readouterr()
    assert quick.value.code == full.value.code
    assert (quick_out.out, quick_out.err) == (full_out.out, full_out.err)


def test_a_command_is_parsed_with_its_own_options():
    from core.cli import parse_args

    args = parse_args(["--lang", "en", "check", "--format", "jsonl", "-"])
    assert (args.command, args.format, args.file, args.lang) == ("check", "jsonl", "-", "en")


def test_self_test_fails_a_bundle_without_the_chinese_word_list(monkeypatch, tmp_path):
    """Without it the quiz would cut Chinese into pairs of characters without a word of warning."""
    import io

    from core import selftest
    from core.quiz import scoring

    assert selftest._check_the_word_list(io.StringIO()) == []
    monkeypatch.setattr(scoring, "WORDS_FILE", tmp_path / "zh_words.txt")
    failures = selftest._check_the_word_list(io.StringIO())
    assert failures and "word list" in failures[0]
