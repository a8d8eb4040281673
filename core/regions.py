"""Region facts: which hotlines and official channels a person in each region is shown.

The data is ``content/regions.yaml``, copied from shared/facts/hotlines.md. Channels
marked ``unconfirmed`` are loaded (so the linter can see them) but never shown.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from core.problems import Problem

REGION_CODES = ("CN", "HK", "TW", "SG", "UK", "US", "AU")
CHANNEL_KINDS = ("phone", "sms", "app", "website", "slogan")

def schema():
    """The schema of content/regions.yaml (built on demand: the start-up reads a cache instead)."""
    from core.schema import Dict, List, Map, Opt, Ref, Str, Text

    channel = Map(
        {
            "id": Str(pattern=r"[a-z]{2,}(-[a-z0-9]+)+"),
            "kind": Str(choices=CHANNEL_KINDS),
            "value": Opt(Str()),
            "name": Text(),
            "purpose": Text(),
            "note": Opt(Text()),
            "source": Str(),
            "status": Str(choices=("confirmed", "unconfirmed")),
        }
    )
    return Map(
        {
            "regions": Dict(
                Map(
                    {
                        "name": Text(),
                        "in_text": Opt(Text()),
                        "territories": List(Str(pattern=r"[A-Z]{2}")),
                        "locales": List(Str()),
                        "call_now": List(Ref("channel"), min_items=1),
                        "channels": List(channel, min_items=1),
                    }
                ),
                keys=REGION_CODES,
            )
        }
    )


class Channel(NamedTuple):
    id: str
    kind: str
    value: str | None
    name: str  # English source; translate with the content domain
    purpose: str
    note: str | None
    confirmed: bool


def phones_first(channels) -> tuple[Channel, ...]:
    """``channels`` with the phone numbers first, otherwise in their given order.

    Every list of numbers to call uses this order (``Region.call_now`` is built with it): a
    person in a panic dials; a web address is for reporting afterwards. regions.yaml keeps
    the order of hotlines.md, which for the US and Australia names the website first."""
    return tuple(sorted(channels, key=lambda c: c.kind != "phone"))


def only_phones(channels) -> bool:
    """Whether every one of ``channels`` is a number to call: a list that holds a website
    too needs a heading that says "call or report", not only "call"."""
    return all(c.kind == "phone" for c in channels)


def name_beside_number(value: str | None, name: str) -> str:
    """A channel's (translated) name to show beside its number, without the number again:
    beside a large 96110, '96110反诈预警劝阻专线' reads '反诈预警劝阻专线' ('' when the name
    is only the number)."""
    if value and value in name:
        return name.replace(value, "", 1).strip(" :：-–·")
    return name


def name_on_its_own(value: str | None, name: str) -> str:
    """``name_beside_number`` for a label of its own under or beside a large number: it starts
    with a capital ("Anti-fraud warning line" under 96110, as "Police" under 110)."""
    rest = name_beside_number(value, name)
    return rest[:1].upper() + rest[1:]


class Region(NamedTuple):
    code: str
    name: str  # as a label: "United Kingdom"
    in_text: str  # inside a sentence: "Where to get help in the United Kingdom"
    territories: tuple[str, ...]
    locales: tuple[str, ...]
    call_now: tuple[Channel, ...]  # phones first (phones_first), then websites
    channels: tuple[Channel, ...]  # confirmed only: what users may see
    withheld: tuple[Channel, ...]  # unconfirmed: never shown

    def channel(self, channel_id: str) -> Channel | None:
        return next((c for c in self.channels if c.id == channel_id), None)


class RegionFacts:
    def __init__(self, regions: dict[str, Region], problems: list[Problem]):
        self.regions = regions
        self.problems = problems

    def get(self, code: str) -> Region:
        return self.regions.get(code) or next(iter(self.regions.values()))

    def shown_values(self) -> set[str]:
        """Every number and address any region may show."""
        return {c.value for r in self.regions.values() for c in r.channels if c.value}

    def withheld_values(self) -> set[str]:
        shown = self.shown_values()
        return {c.value for r in self.regions.values() for c in r.withheld if c.value and c.value not in shown}

    def default_for(self, locale_names: list[str], app_locale: str) -> str:
        """The region a person most likely lives in: from the system locale's country,
        else from the app language (zh_CN -> CN), else the first region."""
        from core.i18n import normalize

        for name in locale_names:
            parts = normalize(name).split("_")
            for part in parts[1:]:
                for region in self.regions.values():
                    if part.upper() in region.territories:
                        return region.code
        for region in self.regions.values():
            if app_locale in region.locales:
                return region.code
        return next(iter(self.regions))


_CACHE_VERSION = 3


def load_regions(content_dir: Path, cache_dir: Path | None = None) -> RegionFacts:
    """Read content/regions.yaml, checked against its schema.

    With ``cache_dir``, the checked result is also kept there as marshal data, keyed by the file's
    path, size and modification time, so an ordinary start needs neither the YAML parser
    nor the schema (about 20 ms). Editing the file invalidates the cache.
    """
    path = Path(content_dir) / "regions.yaml"
    key = None
    if cache_dir is not None:
        try:
            stat = path.stat()
            key = f"{path.resolve()}|{stat.st_size}|{stat.st_mtime_ns}|{_CACHE_VERSION}"
            cached = _read_cache(Path(cache_dir) / "regions.marshal", key)
            if cached is not None:
                return cached
        except OSError:
            key = None
    facts = _load_checked(path)
    if key is not None:
        _write_cache(Path(cache_dir) / "regions.marshal", key, facts)
    return facts


def _read_cache(cache: Path, key: str) -> RegionFacts | None:
    import marshal  # not json: marshal is built in, json is a package to import (1.5 ms)

    try:
        data = marshal.loads(cache.read_bytes())
        if data.get("key") != key:
            return None
        regions = {}
        for code, raw in data["regions"].items():
            channels = {c["id"]: Channel(**c) for c in raw["channels"] + raw["withheld"]}
            regions[code] = Region(
                code=code,
                name=raw["name"],
                in_text=raw["in_text"],
                territories=tuple(raw["territories"]),
                locales=tuple(raw["locales"]),
                call_now=phones_first(channels[i] for i in raw["call_now"]),
                channels=tuple(channels[c["id"]] for c in raw["channels"]),
                withheld=tuple(channels[c["id"]] for c in raw["withheld"]),
            )
        problems = [Problem(*p) for p in data["problems"]]
        return RegionFacts(regions, problems)
    except (OSError, ValueError, KeyError, TypeError, EOFError, AttributeError):
        return None  # missing, damaged or old: read the YAML again


def _write_cache(cache: Path, key: str, facts: RegionFacts) -> None:
    import marshal

    from core.settings import atomic_write_bytes

    data = {
        "key": key,
        "regions": {
            str(code): {  # plain str: a key read from the YAML carries its line number (LStr)
                "name": r.name,
                "in_text": r.in_text,
                "territories": list(r.territories),
                "locales": list(r.locales),
                "call_now": [c.id for c in r.call_now],
                "channels": [c._asdict() for c in r.channels],
                "withheld": [c._asdict() for c in r.withheld],
            }
            for code, r in facts.regions.items()
        },
        "problems": [[p.file, p.line, p.message] for p in facts.problems],
    }
    try:
        atomic_write_bytes(cache, marshal.dumps(data))
    except OSError:
        pass  # a read-only profile only costs the next start a few milliseconds


def _load_checked(path: Path) -> RegionFacts:
    from core.schema import check
    from core.yamlio import load_yaml

    display = "content/regions.yaml"
    data, problems = load_yaml(path, display)
    if data is None:
        return RegionFacts({}, problems)
    found = check(schema(), data, display)
    problems += found.problems
    regions: dict[str, Region] = {}
    raw_regions = data.get("regions") if isinstance(data, dict) else None
    if not isinstance(raw_regions, dict):
        return RegionFacts({}, problems)
    for code, raw in raw_regions.items():
        if code not in REGION_CODES or not isinstance(raw, dict):
            continue
        all_channels = [_channel(c) for c in raw.get("channels") or [] if isinstance(c, dict)]
        all_channels = [c for c in all_channels if c is not None]
        by_id = {c.id: c for c in all_channels}
        call_now = []
        for ref in raw.get("call_now") or []:
            target = by_id.get(ref)
            if target is None:
                problems.append(Problem(display, getattr(ref, "line", 1), f"call_now names '{ref}', which is not a channel of {code}"))
            elif not target.confirmed:
                problems.append(Problem(display, getattr(ref, "line", 1), f"call_now names '{ref}', which is unconfirmed and must not be shown"))
            else:
                call_now.append(target)
        regions[code] = Region(
            code=code,
            name=str(raw.get("name") or code),
            in_text=str(raw.get("in_text") or raw.get("name") or code),
            territories=tuple(str(t) for t in raw.get("territories") or []),
            locales=tuple(str(t) for t in raw.get("locales") or []),
            call_now=phones_first(call_now),
            channels=tuple(c for c in all_channels if c.confirmed),
            withheld=tuple(c for c in all_channels if not c.confirmed),
        )
    missing = [code for code in REGION_CODES if code not in regions]
    if missing:
        problems.append(Problem(display, 1, f"regions missing: {', '.join(missing)}"))
    return RegionFacts(regions, problems)


def _channel(raw: dict) -> Channel | None:
    if not isinstance(raw.get("id"), str) or not isinstance(raw.get("name"), str):
        return None
    value = raw.get("value")
    return Channel(
        id=str(raw["id"]),
        kind=str(raw.get("kind", "")),
        value=str(value) if value is not None else None,
        name=str(raw["name"]),
        purpose=str(raw.get("purpose") or ""),
        note=str(raw["note"]) if raw.get("note") else None,
        confirmed=raw.get("status") == "confirmed",
    )
