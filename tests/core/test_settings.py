"""Settings survive restarts; a damaged file is kept aside and never stops the app."""

import json

from core.settings import Settings, SettingsStore, config_dir


def test_settings_round_trip(tmp_path):
    store = SettingsStore(tmp_path / "settings.json")
    store.save(Settings(language="zh_TW", region="HK", text_scale=150, high_contrast=True))
    loaded = SettingsStore(tmp_path / "settings.json").load()
    assert loaded == Settings(language="zh_TW", region="HK", text_scale=150, high_contrast=True)


def test_first_run_has_defaults_and_no_warning(tmp_path):
    store = SettingsStore(tmp_path / "settings.json")
    assert store.load() == Settings()
    assert store.warning is None


def test_a_corrupt_file_is_moved_aside_with_a_message_naming_the_line(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text('{"language": "zh_CN",\n  "region": \n', encoding="utf-8")
    store = SettingsStore(path)
    assert store.load() == Settings()
    assert "line 3" in store.warning
    kept = list(tmp_path.glob("settings.json.corrupt-*"))
    assert len(kept) == 1
    assert kept[0].read_text(encoding="utf-8").startswith('{"language": "zh_CN"')
    assert not path.exists()


def test_binary_junk_is_handled_like_any_damage(tmp_path):
    path = tmp_path / "settings.json"
    path.write_bytes(b"\xff\xfe\x00junk\x9c" * 100)
    store = SettingsStore(path)
    assert store.load() == Settings()
    assert store.warning and "damaged" in store.warning


def test_invalid_values_are_dropped_one_by_one(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"language": "zh_CN", "text_scale": 999, "high_contrast": "yes"}), encoding="utf-8")
    store = SettingsStore(path)
    settings = store.load()
    assert settings.language == "zh_CN"
    assert settings.text_scale == 100 and settings.high_contrast is False
    assert "text_scale" in store.warning and "high_contrast" in store.warning


def test_saving_leaves_no_temporary_files(tmp_path):
    store = SettingsStore(tmp_path / "settings.json")
    for scale in (100, 125, 150):
        store.save(Settings(text_scale=scale))
    assert [p.name for p in tmp_path.iterdir()] == ["settings.json"]


def test_a_non_persistent_store_writes_nothing(tmp_path):
    store = SettingsStore(tmp_path / "settings.json", persistent=False)
    store.save(Settings(language="en"))
    assert not (tmp_path / "settings.json").exists()


def test_scamsense_home_moves_every_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("SCAMSENSE_HOME", str(tmp_path))
    assert config_dir() == tmp_path / "config"
