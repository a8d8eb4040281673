"""``python main.py check [--format text|json|jsonl] [FILE|-]``: the self-check on the command line.

A stable contract other tools depend on:

* ``text`` (default): a human-readable verdict in the UI language, shown as the screen shows
  it (core.selfcheck.present: merged findings, the strongest first, whole-word excerpts).
* ``json``: one object for the whole input.
* ``jsonl``: each input line is ``{"id": ..., "text": ...}``; each output line is
  ``{"id", "verdict", "score", "scam_types", "signals": [{"id", "start", "end", ...}]}``,
  offsets being Python string indices into the given text. A malformed line yields
  ``{"id": <id or null>, "error": "..."}`` and the run goes on.

Exit status 0 unless the input cannot be read (2). Nothing read is written anywhere but stdout.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from core.i18n import N_, _, content_gettext
from core.selfcheck import present as presenting
from core.selfcheck.engine import MAX_INPUT_BYTES, Checker, InputRejected, InputTooLarge, Result, load_checker

VERDICT_TEXT = {
    "high": N_("This looks like a scam."),
    "medium": N_("Be careful: warning signs found."),
    "low": N_("No known warning signs found."),
}

# The wording comparison's explanation as plain text says it: the screen's version speaks of the
# highlighted words, and plain text has no highlights (the words are quoted on the next line).
WORDING_PLAIN = {
    "wording_like_scams": N_("The words of this message are close to those of scam messages that ScamSense has collected (the words quoted below count most). This is a comparison, not a proof; look at the other signs too."),
}

# one JSON line may escape every character (\uXXXX): allow for that before calling a line too long
_LINE_LIMIT = MAX_INPUT_BYTES * 6 + 1024


def run(args, services_like) -> int:
    """``services_like`` needs ``content_dir``; ``args.region`` (optional) picks the helplines.

    A reader that stops reading (``check ... | head``) ends the run quietly, with status 0: the
    output it wanted was written, and a traceback about the closed pipe would only alarm."""
    try:
        return _run(args, services_like)
    except BrokenPipeError:
        _drop_stdout()
        return 0


def _drop_stdout() -> None:
    """Point stdout at the null device, so that Python's own flush at exit does not fail on the
    closed pipe again ("Exception ignored ... BrokenPipeError")."""
    import os

    try:
        fd = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):
        return  # not a real file (a test's capture): nothing will flush to the pipe
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, fd)
    os.close(devnull)


def _run(args, services_like) -> int:
    content_dir = Path(services_like.content_dir)
    checker = load_checker(content_dir, getattr(services_like, "locale_dir", None))
    try:
        stream = sys.stdin.buffer if args.file == "-" else open(args.file, "rb")  # noqa: SIM115
    except OSError as exc:
        print(_("Cannot read {file}: {reason}").format(file=args.file, reason=exc.strerror or exc), file=sys.stderr)
        return 2
    try:
        if args.format == "jsonl":
            return _run_jsonl(checker, stream, sys.stdout)
        try:
            data = stream.read(MAX_INPUT_BYTES + 1)
            rest = stream.read(1) if len(data) > MAX_INPUT_BYTES else b""
        except OSError as exc:
            print(_("Cannot read {file}: {reason}").format(file=args.file, reason=exc.strerror or exc), file=sys.stderr)
            return 2
        text = data.decode("utf-8", errors="replace")
        try:
            if len(data) > MAX_INPUT_BYTES or rest:
                raise InputTooLarge(len(data) + len(rest))
            result = checker.check(text)
        except InputRejected as exc:
            if args.format == "json":
                print(json.dumps({"error": str(exc)}, ensure_ascii=False))
            else:
                print(too_large_message() if isinstance(exc, InputTooLarge) else str(exc))
            return 0
        if args.format == "json":
            print(json.dumps(result.as_dict(), ensure_ascii=False))
        elif not text.strip():
            print(_("There was nothing to check: the input is empty."))
        else:
            print(format_text(result, text, _region(content_dir, getattr(args, "region", None)), content_dir))
        return 0
    finally:
        if stream is not sys.stdin.buffer:
            stream.close()


def too_large_message() -> str:
    return _("This text is too long to check: the limit is {kb} KB. Paste only the message itself.").format(kb=MAX_INPUT_BYTES // 1024)


def _run_jsonl(checker: Checker, stream, out) -> int:
    while True:
        try:
            raw = stream.readline(_LINE_LIMIT)
        except OSError as exc:
            print(_("Cannot read the input: {reason}").format(reason=exc.strerror or exc), file=sys.stderr)
            return 2
        if not raw:
            return 0
        if len(raw) >= _LINE_LIMIT and not raw.endswith(b"\n"):
            while True:  # skip the rest of an over-long line
                more = stream.readline(_LINE_LIMIT)
                if not more or more.endswith(b"\n"):
                    break
            out.write(json.dumps({"id": None, "error": "line too long"}) + "\n")
            continue
        if not raw.strip():
            continue
        out.write(json.dumps(check_line(checker, raw), ensure_ascii=False) + "\n")
        out.flush()


def check_line(checker: Checker, raw: bytes) -> dict:
    """One jsonl input line to one output object (never raises)."""
    try:
        item = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        return {"id": None, "error": f"not a JSON line: {exc}"}
    if not isinstance(item, dict):
        return {"id": None, "error": "each line must be a JSON object with \"id\" and \"text\""}
    item_id = item.get("id")
    if isinstance(item_id, (dict, list)):
        return {"id": None, "error": "\"id\" must be a string, a number or null"}
    text = item.get("text")
    if not isinstance(text, str):
        return {"id": item_id, "error": "\"text\" must be a string"}
    try:
        result = checker.check(text)
    except InputRejected as exc:
        return {"id": item_id, "error": str(exc)}
    return {
        "id": item_id,
        "verdict": result.verdict,
        "score": result.score,
        "scam_types": list(result.scam_types),
        "signals": [s.as_dict() for s in result.signals],
    }


def _region(content_dir: Path, code: str | None):
    from core import i18n
    from core.regions import load_regions

    facts = load_regions(content_dir)
    if not facts.regions:
        return None
    if not code:
        code = facts.default_for(i18n.system_locale_names(), i18n.current_locale())
    return facts.get(code)


def type_names(content_dir: Path) -> dict[str, str]:
    """Scam type id -> guide title (English source; translate with content_gettext)."""
    from core.yamlio import load_yaml

    names = {}
    for path in sorted((Path(content_dir) / "guides").glob("*.yaml")):
        data, _problems = load_yaml(path)
        if isinstance(data, dict) and isinstance(data.get("title"), str):
            names[path.stem] = str(data["title"])
    return names


def format_text(result: Result, text: str, region, content_dir: Path) -> str:
    from core import i18n
    from core.quiz.session import SCAM_TYPE_NAMES

    call_now = region.call_now if region is not None else ()
    shown = presenting.present(result, text, helplines_shown=bool(call_now))
    lines = [
        _(VERDICT_TEXT[result.verdict]),
        _("Score: {score} out of 100 (the higher, the more it looks like a scam)").format(score=result.score),
    ]
    if result.verdict == "low":  # as the screen's banner says it: no sign found is not "safe"
        lines.insert(1, _("That is not proof that it is safe. If it asks for money, a code or a download, check first."))
    if shown.types:
        separator = "、" if i18n.current_locale().startswith("zh") else ", "
        names = type_names(content_dir) if any(t not in SCAM_TYPE_NAMES for t in shown.types) else {}
        shown_types = separator.join(_(SCAM_TYPE_NAMES[t]) if t in SCAM_TYPE_NAMES else content_gettext(names.get(t, t)) for t in shown.types)
        lines.append(_("Looks like: {types}").format(types=shown_types))
    warnings = [f for f in shown.top if not f.genuine]
    reassuring = [f for f in shown.top if f.genuine]
    if warnings and not shown.outweighed:
        lines += ["", _("Warning signs:")]
        for finding in warnings:
            lines.append(f"  ! {content_gettext(finding.explanation)}")
            lines.append("    " + _("Words: {words}").format(words=presenting.quote(finding.excerpt)))
    if reassuring:
        lines += ["", _("Signs of a genuine message (not proof of safety):")]
        for finding in reassuring:
            lines.append(f"  - {content_gettext(finding.explanation)}")
    if warnings and shown.outweighed:
        # a low verdict: after "No known warning signs found" these are not called warning signs
        lines += ["", _("Words often seen in scams, outweighed here:")]
        for finding in warnings:
            lines.append(f"  · {content_gettext(finding.explanation)}")
            lines.append("    " + _("Words: {words}").format(words=presenting.quote(finding.excerpt)))
    if shown.more:
        lines += ["", _("{n} more signs are not listed here (--format json lists every one).").format(n=shown.more)]
    if shown.wording is not None:
        explanation = _(WORDING_PLAIN[shown.wording.signal.id]) if shown.wording.signal.id in WORDING_PLAIN else content_gettext(shown.wording.explanation)
        lines += ["", _("Also, by word comparison: {explanation}").format(explanation=explanation)]
        lines.append("    " + _("Words: {words}").format(words=presenting.quote(shown.wording.excerpt)))
    lines += ["", _("What to do now:")]
    lines += [f"  - {_(text)}" for text in (presenting.advice_text(key) for key in shown.advice) if text]
    if call_now:
        lines += ["", presenting.call_heading(call_now, definite=result.verdict == "high")]
        # phones first, then websites (core.regions.phones_first builds call_now)
        lines += [f"  {channel_line(channel)}" for channel in call_now]
    return "\n".join(lines)


def channel_line(channel) -> str:
    """'110 Police', '96110 anti-fraud warning line': one format on every screen."""
    return presenting.channel_line(channel.value, content_gettext(channel.name))
