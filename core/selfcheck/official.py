"""Known official channels, to tell them from a scammer's: the names and web addresses of every
region's channels in content/regions.yaml (loaded through core.regions, never typed here), in
every shipped language (the names' translations come from the content catalogs).

A link to one of these addresses, or an app named as one of these channels ("下载国家反诈中心APP
举报"), is the advice of a genuine message, not a scammer's link or app. A longer address that
merely contains an official one (scamwatch.gov.au.verify.example) is not official.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from core.selfcheck.normalize import normalize

#: Names shorter than this (in the dense view) are too common to mark anything ("110", "警察").
MIN_NAME = 4


@dataclass(frozen=True)
class OfficialNames:
    hosts: frozenset[str] = frozenset()  # web addresses, lower case, without "www."
    dense: re.Pattern | None = None  # the names as the dense view reads them
    norm: re.Pattern | None = None  # the names as the norm view reads them
    numbers: re.Pattern | None = None  # numbers to call or text (96110, 165), as whole numbers

    def is_official_host(self, host: str) -> bool:
        host = host.lower()
        return (host[4:] if host.startswith("www.") else host) in self.hosts


def _host(value: str) -> str | None:
    value = value.strip().lower()
    if "@" in value or " " in value or "." not in value:
        return None
    value = re.sub(r"^https?://", "", value).split("/", 1)[0]
    return value[4:] if value.startswith("www.") else value


def load_official(content_dir: Path, locale_dir: Path | None = None) -> OfficialNames:
    """Every confirmed channel's name and web address; never raises (no regions: nothing official)."""
    try:
        from core.regions import load_regions

        facts = load_regions(Path(content_dir))
    except Exception:  # noqa: BLE001 - a broken regions file is the linter's to report
        return OfficialNames()
    translators = []
    if locale_dir is None:
        locale_dir = Path(content_dir).parent / "locales"
    if Path(locale_dir).is_dir():
        from core.i18n import SOURCE_LOCALE, Catalogs

        catalogs = Catalogs(Path(locale_dir))
        translators = [catalogs.translations(code, "content") for code in catalogs.locales() if code != SOURCE_LOCALE]
    hosts: set[str] = set()
    names: set[str] = set()
    numbers: set[str] = set()
    for region in facts.regions.values():
        for channel in region.channels:
            if channel.value:
                host = _host(channel.value)
                if host:
                    hosts.add(host)
                names.add(channel.value)
                if channel.kind in ("phone", "sms") and channel.value.isdigit():
                    numbers.add(channel.value)
            for name in [channel.name] + [t.gettext(channel.name) for t in translators]:
                names.add(name)
    dense, norm = set(), set()
    for name in names:
        views = normalize(name)
        for view, out in ((views.dense.text, dense), (views.norm.text.strip(), norm)):
            if len(view) >= MIN_NAME and not view.isdigit():
                out.add(view)

    def pattern(found: set[str]) -> re.Pattern | None:
        if not found:
            return None
        return re.compile("|".join(re.escape(n) for n in sorted(found, key=lambda n: (-len(n), n))))

    number = None
    if numbers:
        number = re.compile(r"(?<![\d+])(?:" + "|".join(sorted(numbers, key=lambda n: (-len(n), n))) + r")(?!\d)")
    return OfficialNames(frozenset(hosts), pattern(dense), pattern(norm), number)
