"""Progress across runs: atomic writes, recovery from a corrupt file, nothing in kiosk mode."""

from __future__ import annotations

import json
import random

import pytest

from core.quiz.bank import load_bank
from core.quiz.progress import FILE_NAME, NullProgress, Progress, open_progress
from core.quiz.session import QUICK, Session


@pytest.fixture
def result(tree):
    bank = load_bank(tree.write().library())
    session = Session(QUICK, bank, random.Random(0))
    while not session.finished:
        q = session.current
        if q.format in ("single", "multiple"):
            session.answer_choice(set(q.correct_options))
        elif q.format == "scam_or_genuine":
            session.answer_verdict("genuine")  # wrong: every test message is a scam
        elif q.format == "red_flags":
            session.answer_flags([], set())
        else:
            session.scenario_run().choose(0)
            session.answer_scenario()
        session.next()
    return session.result()


def test_scores_are_remembered_across_runs(tmp_path, result):
    store = open_progress(tmp_path, kiosk=False)
    store.record(result, when=0)
    again = open_progress(tmp_path, kiosk=False)
    history = again.history("quick")
    assert len(history) == 1
    assert history[0].score == pytest.approx(result.score) and history[0].total == 10
    assert history[0].when == "1970-01-01T00:00:00Z"
    assert again.best("quick") == history[0]
    assert again.seen() == {a.question.id for a in result.answers}
    answered = sum(n for n, _s in again.type_totals().values())
    assert answered == 10


def test_the_file_is_whole_json_and_no_temporary_file_is_left(tmp_path, result):
    tmp_path = tmp_path / "data"
    store = Progress(tmp_path / FILE_NAME)
    for _ in range(3):
        store.record(result)
    assert json.loads((tmp_path / FILE_NAME).read_text(encoding="utf-8"))["version"] == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == [FILE_NAME]


@pytest.mark.parametrize(
    "damage",
    [b"{not json", b"\xff\xfe\x00garbage", b'{"version": 1, "sessions": "oops", "types": {}, "seen": []}', b"[]", b""],
)
def test_a_corrupt_file_means_a_fresh_start_and_the_old_file_is_kept(tmp_path, result, damage):
    path = tmp_path / FILE_NAME
    path.write_bytes(damage)
    store = Progress(path)
    assert store.history() == []
    assert store.recovered_from is not None and store.recovered_from.parent == tmp_path
    assert store.recovered_from.read_bytes() == damage
    assert not path.exists()
    store.record(result)
    assert len(Progress(path).history()) == 1
    assert Progress(path).recovered_from is None


def test_kiosk_mode_remembers_nothing(tmp_path, result):
    tmp_path = tmp_path / "data"
    tmp_path.mkdir()
    store = open_progress(tmp_path, kiosk=True)
    assert isinstance(store, NullProgress) and not store.remembers
    store.record(result)
    assert store.history() == [] and store.seen() == frozenset()
    assert list(tmp_path.iterdir()) == []


def test_a_folder_that_cannot_be_written_does_not_stop_the_quiz(tmp_path, result):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    store = Progress(blocker / FILE_NAME)  # its folder is a file
    store.record(result)
    assert store.write_error
    assert len(store.history()) == 1  # kept for this run
