"""The shell: navigation, the keyboard, live language switching, settings that stick."""

import json

import pytest
from PySide6.QtCore import Qt

from core import i18n
from core.settings import SettingsStore
from tests.ui.visible import english_words, visible_texts
from ui.wiring import SCREENS


def allowed_latin(window) -> set[str]:
    """Names that stay in Latin script in every language: language names, channel values,
    brand names of official services, and Qt shortcut names."""
    allowed = {i18n.display_name(code) for code in i18n.catalogs().locales()}
    for region in window.services.regions.regions.values():
        for channel in region.channels:
            if channel.value:
                allowed.add(channel.value)
    allowed |= {"ScamShield", "Scamwatch", "ReportCyber", "IdentityTheft.gov", "Report Fraud", "Stop Scams UK",
                "Take Five", "FTC", "FBI", "IDCARE", "ACT", "Add", "Check", "Tell", "CALL", "App", "APP", "Alt", "Home",
                "Ctrl", "Enter", "Tab", "Esc", "PIN", "PDF", "SMS", "LINE", "QQ", "USDT", "GoIP", "SIM", "ETC", "QR",
                "OTP", "AI", "ID", "Left", "Right", "Space"}
    return allowed


def test_home_shows_in_english_with_the_region_numbers(make_window):
    window = make_window("en", region="CN")
    texts = " ".join(visible_texts(window))
    assert "ScamSense" in texts
    assert "96110" in texts and "110" in texts
    assert "12321" not in texts  # unconfirmed
    assert window.current == "home"
    assert not window.back_button.isEnabled()


@pytest.mark.parametrize("locale", ["zh_CN", "zh_TW"])
@pytest.mark.parametrize("key", sorted(SCREENS))
def test_a_live_switch_leaves_no_english_on_any_screen(make_window, qtbot, locale, key):
    window = make_window("en", region="CN")
    window.navigate(key, None)
    english_before = visible_texts(window)
    window.services.state.set_locale(locale)  # live, no restart
    qtbot.wait(10)
    after = visible_texts(window)
    assert after != english_before, "nothing changed on the screen"
    allowed = allowed_latin(window)
    leftovers = {text: english_words(text, allowed) for text in after}
    leftovers = {text: words for text, words in leftovers.items() if words}
    assert not leftovers, f"English left on the {key} screen in {locale}: {leftovers}"
    assert window.title_label.text() == window.screens[key].title()


def test_switching_back_to_english_restores_english(make_window):
    window = make_window("zh_CN")
    assert window.home_button.text() == "首页"
    window.services.state.set_locale("en")
    assert window.home_button.text() == "Home"
    assert window.screens["home"].heading.text().startswith("ScamSense")


def test_back_and_home_buttons_and_keys(make_window, qtbot):
    window = make_window("en")
    qtbot.mouseClick(window.screens["home"].tiles["settings"], Qt.MouseButton.LeftButton)
    assert window.current == "settings"
    assert window.back_button.isEnabled()
    qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.current == "home"
    window.navigate("settings", None)
    qtbot.keyClick(window, Qt.Key.Key_Home, Qt.KeyboardModifier.AltModifier)
    assert window.current == "home"
    assert not window.back_button.isEnabled()


def test_home_tiles_are_reached_with_tab_and_opened_with_the_keyboard(make_window, qtbot):
    window = make_window("en")
    tiles = list(window.screens["home"].tiles.values())
    tiles[0].setFocus()
    seen = {tiles[0]}
    for _ in range(len(tiles) - 1):
        qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Tab)
        seen.add(window.focusWidget())
    assert set(tiles) <= seen
    settings_tile = window.screens["home"].tiles["settings"]
    settings_tile.setFocus()
    qtbot.keyClick(settings_tile, Qt.Key.Key_Space)
    assert window.current == "settings"


def test_every_home_choice_leads_to_a_screen_with_a_title(make_window, qtbot):
    window = make_window("en")
    for key, tile in window.screens["home"].tiles.items():
        window.go_home()
        qtbot.mouseClick(tile, Qt.MouseButton.LeftButton)
        assert window.current == key
        assert window.title_label.text()


def test_language_and_region_chosen_in_settings_apply_at_once_and_survive_a_restart(make_window, tmp_path, qtbot):
    store = SettingsStore(tmp_path / "mine.json")
    window = make_window("en", store=store)
    window.navigate("settings", None)
    settings = window.screens["settings"]
    settings.region_buttons["HK"].click()
    window.go_home()
    assert "18222" in " ".join(visible_texts(window))
    window.navigate("settings", None)
    settings.language_buttons["zh_TW"].click()
    assert window.home_button.text() == "首頁"
    saved = json.loads((tmp_path / "mine.json").read_text(encoding="utf-8"))
    assert saved["language"] == "zh_TW" and saved["region"] == "HK"
    again = make_window(lang=None, store=SettingsStore(tmp_path / "mine.json"))
    assert i18n.current_locale() == "zh_TW"
    assert again.services.state.region == "HK"


def test_a_damaged_settings_file_shows_a_message_and_the_app_runs(make_window, tmp_path):
    path = tmp_path / "broken.json"
    path.write_text("{not json", encoding="utf-8")
    window = make_window("en", store=SettingsStore(path))
    assert window.banner.isVisible()
    assert "damaged" in window.banner_text.text()
    assert list(tmp_path.glob("broken.json.corrupt-*"))
    window.navigate("settings", None)
    assert window.current == "settings"


def test_text_size_restyles_the_app(make_window, qtbot):
    window = make_window("en")
    heading = window.screens["home"].heading
    before = heading.fontInfo().pixelSize()
    window.services.state.set_text_scale(200)
    qtbot.wait(10)
    assert heading.fontInfo().pixelSize() >= before * 1.8


def test_adding_a_language_is_adding_a_catalog(qtbot, roots, tmp_path):
    """No code change: a new catalog folder appears in the picker, named in its own script,
    and what it does not translate yet shows in English."""
    import shutil

    from core.cli import Roots
    from ui.app import build_window

    locales = tmp_path / "locales"
    shutil.copytree(roots.locale_dir, locales, ignore=shutil.ignore_patterns("*.mo", ".lock"))
    po = locales / "ja" / "LC_MESSAGES" / "ui.po"
    po.parent.mkdir(parents=True)
    po.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "Home"\nmsgstr "ホーム"\n', encoding="utf-8")
    window = build_window(Roots(roots.content_dir, locales, roots.app_dir), lang="en",
                          store=SettingsStore(tmp_path / "s.json", persistent=False))
    qtbot.addWidget(window)
    try:
        with qtbot.waitSignal(window.firstPainted):  # the menu's entries are made once the window shows
            window.show()
        names = [action.text() for action in window.language_menu.actions()]
        assert "日本語" in names
        japanese = next(a for a in window.language_menu.actions() if a.text() == "日本語")
        japanese.trigger()
        assert i18n.current_locale() == "ja"
        assert window.home_button.text() == "ホーム"
        assert window.back_button.text().endswith("Back")  # not translated yet: English, never empty
    finally:
        window.services.state.close()
        i18n.setup(roots.locale_dir, "en")


def test_the_home_button_is_hidden_on_home_and_shown_elsewhere(make_window, qtbot):
    window = make_window("en")
    assert window.current == "home"
    assert not window.home_button.isVisibleTo(window), "a Home button beside the Home title"
    window.navigate("settings", None)
    assert window.home_button.isVisibleTo(window)
    qtbot.mouseClick(window.home_button, Qt.MouseButton.LeftButton)
    assert window.current == "home" and not window.home_button.isVisibleTo(window)
    window.navigate("guides", None)
    qtbot.keyClick(window, Qt.Key.Key_Home, Qt.KeyboardModifier.AltModifier)
    assert window.current == "home"


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
@pytest.mark.parametrize("scale", [100, 200])
def test_the_numbers_to_call_are_seen_on_home_without_scrolling(make_window, qtbot, lang, scale):
    """Someone in trouble sees the region's numbers at once, in the default 1100x800 window."""
    from PySide6.QtCore import QPoint, QRect
    from PySide6.QtWidgets import QAbstractScrollArea, QLabel

    window = make_window(lang, region="CN")
    window.resize(1100, 800)
    window.services.state.set_text_scale(scale)
    qtbot.wait(30)
    home = window.screens["home"]
    page = home.findChild(QAbstractScrollArea).viewport()
    assert home.findChild(QAbstractScrollArea).verticalScrollBar().value() == 0
    numbers = [label for label in home.help_box.findChildren(QLabel) if label.property("role") == "value" and label.isVisibleTo(window)]
    assert [label.text() for label in numbers] == [c.value for c in window.services.regions.get("CN").call_now if c.value]
    for label in numbers + [home.help_title]:
        rect = QRect(label.mapTo(page, QPoint(0, 0)), label.size())
        assert page.rect().contains(rect), f"{label.text()!r} at {rect.getRect()} is outside the page's {page.rect().getRect()}"


def test_a_new_region_replaces_the_numbers_at_once(make_window):
    """No old number stays on screen beside the new ones until the event loop comes round."""
    from PySide6.QtWidgets import QLabel

    window = make_window("en", region="CN")
    home = window.screens["home"]
    window.services.state.set_region("HK")  # no event processed after this
    shown = [label.text() for label in home.help_box.findChildren(QLabel) if label.isVisibleTo(window)]
    assert "110" not in shown and "96110" not in shown
    hk = [c.value for c in window.services.regions.get("HK").call_now if c.value]
    assert hk and all(value in shown for value in hk)


def test_a_hidden_tile_leaves_no_hole_in_the_grid(make_window, qtbot):
    """The kiosk hides the workshop tile: the tiles after it move up into its place."""
    window = make_window("en")
    window.resize(1100, 800)
    home = window.screens["home"]
    tiles = list(home.tiles.values())
    home.tiles["workshop"].hide()
    qtbot.wait(10)
    shown = [t for t in tiles if t.isVisibleTo(window)]
    assert home.tiles["workshop"] not in shown
    cells = sorted({(t.y(), t.x()) for t in shown})
    columns = sorted({x for _y, x in cells})
    rows = sorted({y for y, _x in cells})
    # every row but the last is full, so no empty cell sits between two tiles
    for y in rows[:-1]:
        assert [x for yy, x in cells if yy == y] == columns, f"a hole in the row at y={y}"
    home.tiles["workshop"].show()
    qtbot.wait(10)
    assert len({(t.y(), t.x()) for t in tiles}) == len(tiles)


@pytest.mark.parametrize("lang", ["en", "zh_TW"])
def test_the_homes_numbers_are_not_repeated_inside_their_names(make_window, lang):
    """A large 96110 sat over '96110 anti-fraud warning line' / '96110反詐預警勸阻專線'."""
    from PySide6.QtWidgets import QLabel

    window = make_window(lang, region="CN")
    home = window.screens["home"]
    for block in home.help_blocks:
        number, name = [label.text() for label in block.findChildren(QLabel)]
        assert name and (number not in name or number == name), (number, name)
    assert any(block.findChildren(QLabel)[0].text() == "96110" for block in home.help_blocks)
