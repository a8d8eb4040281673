"""The kiosk configuration file, the admin PIN's hash and the wrong-PIN throttle."""

import io
import os
import stat
import sys

import pytest

from core import cli, kiosk
from core.regions import REGION_CODES

REGIONS = set(REGION_CODES)
LOCALES = ["en", "zh_CN", "zh_TW"]


def load(path):
    return kiosk.load_config(path, regions=REGIONS, locales=LOCALES)


def test_a_missing_file_gives_safe_defaults_and_says_so(tmp_path):
    path = tmp_path / "nowhere" / "kiosk.yaml"
    config = load(path)
    assert config.idle_timeout == 90
    assert config.printing is False
    assert not config.has_pin
    assert config.languages == ()
    [problem] = config.problems
    assert str(path) in str(problem) and "set-pin" in str(problem)


def test_the_default_path_is_in_the_user_config_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("SCAMSENSE_HOME", str(tmp_path))
    assert kiosk.default_path() == tmp_path / "config" / "kiosk.yaml"


def test_a_full_file_is_read(tmp_path):
    path = tmp_path / "kiosk.yaml"
    path.write_text(
        "# comment\nregion: hk\nlanguages: [zh_TW, en]\nidle_timeout: 120\ncountdown: 15\nprinting: true\n"
        f'admin_pin_hash: "{kiosk.hash_pin("2468")}"\n',
        encoding="utf-8",
    )
    config = load(path)
    assert not config.problems, config.warnings()
    assert (config.region, config.languages, config.idle_timeout, config.countdown, config.printing) == (
        "HK", ("zh_TW", "en"), 120, 15, True)
    assert kiosk.verify_pin("2468", config.admin_pin_hash)


def test_bad_values_are_named_with_their_line_and_the_rest_is_kept(tmp_path):
    path = tmp_path / "kiosk.yaml"
    path.write_text(
        "region: Atlantis\nlanguages: [zh_CN, fr]\nidle_timeout: soon\nprinting: maybe\ncolour: blue\ncountdown: 30\n",
        encoding="utf-8",
    )
    config = load(path)
    by_line = {}
    for problem in config.problems:
        by_line[problem.line] = by_line.get(problem.line, "") + problem.message
    assert "region" in by_line[1] and "Atlantis" in by_line[1]
    assert "'fr'" in by_line[2]
    assert "idle_timeout" in by_line[3] and config.idle_timeout == 90
    assert "printing" in by_line[4] and config.printing is False
    assert "colour" in by_line[5]
    assert config.region is None
    assert config.languages == ("zh_CN",)
    assert config.countdown == 30  # the good value on a later line survives
    assert all(p.file == str(path) for p in config.problems)


def test_a_broken_yaml_file_names_the_line_and_still_gives_defaults(tmp_path):
    path = tmp_path / "kiosk.yaml"
    path.write_text("region: CN\nlanguages: [en, zh_CN\nidle_timeout: 60\n", encoding="utf-8")
    config = load(path)
    assert config.idle_timeout == 90 and config.region is None
    assert any("YAML" in p.message and p.line >= 2 for p in config.problems)


def test_a_file_that_is_not_a_mapping_is_refused(tmp_path):
    path = tmp_path / "kiosk.yaml"
    path.write_text("- region\n- CN\n", encoding="utf-8")
    config = load(path)
    assert config.region is None and config.problems


@pytest.mark.parametrize("value", [0, 5, 99999, True, "90"])
def test_idle_timeouts_out_of_range_fall_back(tmp_path, value):
    path = tmp_path / "kiosk.yaml"
    path.write_text(f"idle_timeout: {value!r}\n".replace("'", '"'), encoding="utf-8")
    config = load(path)
    assert config.idle_timeout == 90
    assert any("idle_timeout" in p.message for p in config.problems)


# --- the PIN ---------------------------------------------------------------------------------------


def test_the_hash_is_salted_and_never_holds_the_pin():
    first, second = kiosk.hash_pin("135790"), kiosk.hash_pin("135790")
    assert first != second  # a random salt each time
    assert "135790" not in first
    assert kiosk.verify_pin("135790", first) and kiosk.verify_pin("135790", second)
    assert not kiosk.verify_pin("135791", first)
    assert not kiosk.verify_pin("", first)


@pytest.mark.parametrize("stored", [None, "", "1234", "sha256$abc", "scrypt$16384$8$1$!!$!!"])
def test_nothing_but_a_real_hash_verifies(stored):
    assert not kiosk.verify_pin("1234", stored)


def test_a_tampered_hash_fails():
    stored = kiosk.hash_pin("1234")
    head, digest = stored.rsplit("$", 1)
    flipped = ("A" if digest[0] != "A" else "B") + digest[1:]
    assert not kiosk.verify_pin("1234", f"{head}${flipped}")


def test_a_hash_asking_for_absurd_work_is_refused():
    stored = kiosk.hash_pin("1234").replace("scrypt$16384$", "scrypt$1073741824$", 1)
    assert not kiosk.verify_pin("1234", stored)


@pytest.mark.parametrize("pin", ["123", "1234567890123", "12a4", " 1234", ""])
def test_only_4_to_12_digits_make_a_pin(pin, tmp_path):
    assert not kiosk.valid_pin(pin)
    with pytest.raises(ValueError):
        kiosk.set_pin(tmp_path / "k.yaml", pin)


def test_set_pin_creates_a_documented_file_that_loads_cleanly(tmp_path):
    path = tmp_path / "sub" / "kiosk.yaml"
    kiosk.set_pin(path, "97531")
    text = path.read_text(encoding="utf-8")
    assert "97531" not in text
    assert "kiosk set-pin" in text and "idle_timeout" in text
    config = load(path)
    assert not config.problems, config.warnings()
    assert kiosk.verify_pin("97531", config.admin_pin_hash)
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_set_pin_keeps_every_other_line(tmp_path):
    path = tmp_path / "kiosk.yaml"
    path.write_text("# our hall\nregion: TW\nadmin_pin_hash: \"old\"\nidle_timeout: 60  # shorter here\n", encoding="utf-8")
    kiosk.set_pin(path, "8642")
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "# our hall" and lines[1] == "region: TW" and lines[3] == "idle_timeout: 60  # shorter here"
    config = load(path)
    assert config.region == "TW" and config.idle_timeout == 60
    assert kiosk.verify_pin("8642", config.admin_pin_hash)


# --- the throttle ----------------------------------------------------------------------------------


def test_wrong_pins_slow_down_and_a_right_one_clears_the_count():
    now = [100.0]
    throttle = kiosk.PinThrottle(clock=lambda: now[0])
    stored = kiosk.hash_pin("1357")
    delays = []
    for _ in range(6):
        accepted, delay = throttle.attempt("0000", stored)
        assert not accepted
        delays.append(delay)
        now[0] += delay
    assert delays[:3] == [0, 0, 0]
    assert all(later > earlier for earlier, later in zip(delays[2:], delays[3:]))
    # while locked, even the right PIN is not looked at
    throttle.attempt("0000", stored)
    accepted, wait = throttle.attempt("1357", stored)
    assert not accepted and wait > 0
    now[0] += wait
    assert throttle.attempt("1357", stored) == (True, 0.0)
    assert throttle.failures == 0


def test_the_delay_has_a_ceiling():
    throttle = kiosk.PinThrottle(cap=300)
    assert throttle.delay_for(50) == 300


# --- the command -------------------------------------------------------------------------------------


def test_kiosk_set_pin_reads_standard_input(tmp_path, monkeypatch, capsys, roots):
    path = tmp_path / "kiosk.yaml"
    monkeypatch.setattr(sys, "stdin", io.StringIO("424242\n"))
    assert cli.main(["kiosk", "set-pin", "--kiosk-config", str(path)], roots) == 0
    assert str(path) in capsys.readouterr().out
    assert kiosk.verify_pin("424242", load(path).admin_pin_hash)


def test_kiosk_set_pin_refuses_a_bad_pin_and_changes_nothing(tmp_path, monkeypatch, roots):
    path = tmp_path / "kiosk.yaml"
    monkeypatch.setattr(sys, "stdin", io.StringIO("12\n"))
    assert cli.main(["kiosk", "set-pin", "--kiosk-config", str(path)], roots) == 1
    assert not path.exists()


def test_kiosk_set_pin_asks_twice_without_echo_on_a_terminal(tmp_path, monkeypatch, roots):
    import getpass

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    answers = iter(["5555", "5556"])
    monkeypatch.setattr(sys, "stdin", Terminal())
    monkeypatch.setattr(getpass, "getpass", lambda prompt="": next(answers))
    path = tmp_path / "kiosk.yaml"
    assert cli.main(["kiosk", "set-pin", "--kiosk-config", str(path)], roots) == 1  # the two differ
    assert not path.exists()
