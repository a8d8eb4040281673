"""Progress and past scores, remembered across runs on a personal PC.

One JSON file in the user data folder (the caller passes the path). Writes are
atomic: a temporary file in the same folder, then ``os.replace``. A file that cannot
be read is moved aside (kept, never deleted) and progress starts afresh;
``recovered_from`` then says where the old file went so the screen can tell the person.
In kiosk mode use ``NullProgress``: it remembers nothing, on disk or anywhere else.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from pathlib import Path

from core.quiz.session import Result
from core.settings import atomic_write_text, move_aside

FILE_NAME = "quiz_progress.json"
VERSION = 1
MAX_SESSIONS = 200
MAX_SEEN = 400


@dataclass(frozen=True)
class PastScore:
    set_id: str
    when: str  # ISO 8601, UTC
    score: float
    total: int


def _valid(data) -> bool:
    if not isinstance(data, dict) or data.get("version") != VERSION:
        return False
    sessions, types, seen = data.get("sessions"), data.get("types"), data.get("seen")
    if not isinstance(sessions, list) or not isinstance(types, dict) or not isinstance(seen, list):
        return False
    for s in sessions:
        if not (isinstance(s, dict) and isinstance(s.get("set"), str) and isinstance(s.get("when"), str)
                and isinstance(s.get("score"), (int, float)) and isinstance(s.get("total"), int)):
            return False
    for value in types.values():
        if not (isinstance(value, dict) and isinstance(value.get("answered"), int) and isinstance(value.get("score"), (int, float))):
            return False
    return all(isinstance(i, str) for i in seen)


def _empty() -> dict:
    return {"version": VERSION, "sessions": [], "types": {}, "seen": []}


class Progress:
    """Past scores, per-type totals and recently seen questions, kept in ``path``."""

    remembers = True

    def __init__(self, path: Path):
        self.path = Path(path)
        self.recovered_from: Path | None = None  # where a corrupt file was moved, if it was
        self.write_error: str | None = None
        self._data = self._load()

    def _load(self) -> dict:
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return _empty()
        except OSError as exc:
            self.write_error = str(exc)
            return _empty()
        try:
            data = json.loads(raw.decode("utf-8"))
        except ValueError:  # includes UnicodeDecodeError
            data = None
        if _valid(data):
            return data
        try:
            self.recovered_from = move_aside(self.path)
        except OSError as exc:
            self.write_error = str(exc)
        return _empty()

    def _save(self) -> None:
        try:
            atomic_write_text(self.path, json.dumps(self._data, ensure_ascii=False, indent=1))
            self.write_error = None
        except OSError as exc:  # a full disk must not end the quiz
            self.write_error = str(exc)

    def record(self, result: Result, when: float | None = None) -> None:
        if not result.total:
            return
        stamp = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() if when is None else when))
        sessions = self._data["sessions"]
        sessions.append({"set": result.quiz_set.id, "when": stamp, "score": round(result.score, 3), "total": result.total})
        del sessions[:-MAX_SESSIONS]
        types = self._data["types"]
        for answer in result.answers:
            entry = types.setdefault(answer.question.scam_type, {"answered": 0, "score": 0.0})
            entry["answered"] += 1
            entry["score"] = round(entry["score"] + answer.score, 3)
        seen = [i for i in self._data["seen"] if i not in {a.question.id for a in result.answers}]
        seen += [a.question.id for a in result.answers]
        self._data["seen"] = seen[-MAX_SEEN:]
        self._save()

    def history(self, set_id: str | None = None) -> list[PastScore]:
        return [
            PastScore(s["set"], s["when"], float(s["score"]), int(s["total"]))
            for s in self._data["sessions"]
            if set_id is None or s["set"] == set_id
        ]

    def best(self, set_id: str) -> PastScore | None:
        scores = self.history(set_id)
        return max(scores, key=lambda s: (s.score / s.total if s.total else 0, s.when)) if scores else None

    def type_totals(self) -> dict[str, tuple[int, float]]:
        """{scam type: (questions answered, points scored)} over all past sessions."""
        return {t: (int(v["answered"]), float(v["score"])) for t, v in self._data["types"].items()}

    def seen(self) -> frozenset[str]:
        return frozenset(self._data["seen"])

    def forget(self) -> None:
        self._data = _empty()
        self._save()


class NullProgress:
    """Kiosk mode: nothing is remembered, not even in memory between sessions."""

    remembers = False
    recovered_from = None
    write_error = None

    def record(self, result: Result, when: float | None = None) -> None:
        return None

    def history(self, set_id: str | None = None) -> list[PastScore]:
        return []

    def best(self, set_id: str) -> PastScore | None:
        return None

    def type_totals(self) -> dict[str, tuple[int, float]]:
        return {}

    def seen(self) -> frozenset[str]:
        return frozenset()

    def forget(self) -> None:
        return None


def open_progress(data_dir: Path | None, kiosk: bool) -> Progress | NullProgress:
    """The store for this run: nothing in kiosk mode or without a data folder."""
    if kiosk or data_dir is None:
        return NullProgress()
    return Progress(Path(data_dir) / FILE_NAME)
