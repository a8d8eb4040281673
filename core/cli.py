"""The command line. ``python main.py --help`` lists everything.

With no subcommand the desktop app starts. Subcommands run without a display and
without importing Qt, except ``--self-test``, which also builds every screen offscreen.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import NamedTuple

from core import __version__, i18n
from core.regions import REGION_CODES


class Roots(NamedTuple):
    """Resource folders, resolved once in main.py (a checkout or a frozen bundle)."""

    content_dir: Path
    locale_dir: Path
    app_dir: Path


_APP_VALUES = ("--lang", "--region", "--kiosk-config")  # the app's options that take a value
_APP_FLAGS = ("--self-test", "--kiosk")


def _app_options(argv: list[str]) -> argparse.Namespace | None:
    """The app's own options, when ``argv`` holds nothing else, each spelt out in full and valid;
    otherwise None.

    argparse is not used here: each parser it makes looks for its own translations on disk and
    imports ``locale`` (about 3 ms of start-up). Anything this does not read plainly (a command,
    --help, an abbreviation, a value that is not valid, a repeated option) returns None, and the
    full parser answers, with its own help and error messages.
    """
    found: dict = {"lang": None, "region": None, "self_test": False, "kiosk": False, "kiosk_config": None}
    seen = set()
    i = 0
    while i < len(argv):
        word = argv[i]
        name, eq, value = word.partition("=")
        if name in seen:
            return None
        seen.add(name)
        if name in _APP_FLAGS and not eq:
            found[name[2:].replace("-", "_")] = True
            i += 1
            continue
        if name not in _APP_VALUES:
            return None
        if not eq:
            if i + 1 >= len(argv) or argv[i + 1].startswith("-"):
                return None
            value = argv[i + 1]
            i += 1
        i += 1
        if not value:
            return None
        if name == "--region":
            value = value.upper()
            if value not in REGION_CODES:
                return None
        found[name[2:].replace("-", "_")] = Path(value) if name == "--kiosk-config" else value
    return argparse.Namespace(**found, command=None)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """The command line, parsed.

    Starting the app with its own options is read without argparse (``_app_options``), for
    start-up time. Anything else (a command, --help, a mistake) goes to the full parser, so its
    help and error messages are the ones it always gives.
    """
    argv = sys.argv[1:] if argv is None else list(argv)
    quick = _app_options(argv)
    if quick is not None:
        return quick
    return build_parser().parse_args(argv)


def _add_app_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lang", metavar="LOCALE", help="language, e.g. zh_CN, zh_TW, en (default: the system's)")
    parser.add_argument("--region", choices=REGION_CODES, type=str.upper, help="region whose hotlines are shown")
    parser.add_argument("--version", action="version", version=f"ScamSense {__version__}")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="load every content file in every language, render every template, build every screen offscreen; exit 0 or 1",
    )
    parser.add_argument("--kiosk", action="store_true", help="run as an unattended kiosk: fullscreen, idle reset, admin PIN to leave")
    parser.add_argument(
        "--kiosk-config", metavar="PATH", type=Path, help="the kiosk configuration file (default: kiosk.yaml in the user config folder)"
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="scamsense",
        description="ScamSense (识骗): learn to recognise telecom and internet fraud. "
        "With no command, the desktop app starts.",
    )
    _add_app_options(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    content_parser = sub.add_parser("content", help="work with the content files")
    content_sub = content_parser.add_subparsers(dest="content_command", metavar="ACTION", required=True)
    lint_parser = content_sub.add_parser("lint", help="check schemas, templates, catalogs, references and numbers")
    lint_parser.add_argument("--json", action="store_true", help="print one JSON object instead of file:line lines")

    # The self-check's arguments are a contract other tools depend on; its engine (and the
    # libraries it needs) is imported only when the command runs, never for the app's start.
    check_parser = sub.add_parser(
        "check",
        help="check a message for signs of a scam, offline (text, json or jsonl)",
        description="Check a pasted message for signs of a scam. Nothing is sent anywhere or saved.",
    )
    check_parser.add_argument("--format", choices=("text", "json", "jsonl"), default="text", help="output format (default: text)")
    check_parser.add_argument("file", nargs="?", default="-", metavar="FILE", help="a file to read, or - for standard input (default)")
    check_parser.set_defaults(run=_run_check)

    kiosk_parser = sub.add_parser("kiosk", help="set up kiosk mode")
    kiosk_sub = kiosk_parser.add_subparsers(dest="kiosk_command", metavar="ACTION", required=True)
    pin_parser = kiosk_sub.add_parser(
        "set-pin",
        help="set the admin PIN (4-12 digits) that leaves the kiosk; read without echo, or from standard input",
    )
    pin_parser.add_argument("--kiosk-config", metavar="PATH", type=Path, default=argparse.SUPPRESS, help="the kiosk configuration file")
    pin_parser.set_defaults(run=_run_set_pin)
    return parser


def _run_set_pin(args, roots: Roots) -> int:
    import getpass

    from core import kiosk

    if sys.stdin.isatty():
        pin = getpass.getpass("New admin PIN (4-12 digits): ")
        if getpass.getpass("The same PIN again: ") != pin:
            print("The two PINs differ; nothing was changed.", file=sys.stderr)
            return 1
    else:
        pin = sys.stdin.readline().strip()
    if not kiosk.valid_pin(pin):
        print("A PIN is 4 to 12 digits; nothing was changed.", file=sys.stderr)
        return 1
    path = kiosk.set_pin(args.kiosk_config, pin)
    print(f"The admin PIN's hash was written to {path}")
    return 0


def _run_check(args, roots: Roots) -> int:
    from core.selfcheck.cli import run

    return run(args, roots)


def setup_i18n(roots: Roots, requested: str | None) -> str:
    """Choose the language: --lang, else the system's, else English."""
    catalogs = i18n.setup(roots.locale_dir)
    available = catalogs.locales()
    candidates = [requested] if requested else i18n.system_locale_names()
    locale = i18n.choose_locale(candidates, available)
    i18n.set_locale(locale)
    return locale


def run_lint(roots: Roots, as_json: bool) -> int:
    from core.lint import lint

    setup_i18n(roots, i18n.SOURCE_LOCALE)
    report = lint(roots.content_dir, roots.app_dir)
    if as_json:
        import json

        print(json.dumps(report.as_json(), ensure_ascii=False, indent=2))
    else:
        for problem in report.problems:
            print(problem)
        summary = ", ".join(f"{key}: " + " ".join(f"{loc}={n}" for loc, n in per.items()) for key, per in report.counts.items())
        print(f"{len(report.problems)} problem(s). {summary}", file=sys.stderr)
    return 0 if report.ok else 1


def main(argv: list[str] | None, roots: Roots) -> int:
    args = parse_args(argv)
    if args.lang and not i18n.normalize(args.lang):
        build_parser().error(f"--lang {args.lang!r} is not a locale name such as zh_CN or en")

    if args.command == "content":
        return run_lint(roots, args.json)
    if args.command is not None:
        setup_i18n(roots, args.lang)
        return args.run(args, roots)
    if args.self_test:
        from core.selftest import run_self_test

        return run_self_test(roots)

    from ui.app import run_app

    if args.kiosk or args.kiosk_config:
        return run_app(roots, lang=args.lang, region=args.region, kiosk=True, kiosk_config=args.kiosk_config)
    return run_app(roots, lang=args.lang, region=args.region)
