"""Links, read without the network.

Finds web addresses in the normalised text and says what is wrong with them:
a raw IP address, a link shortener, punycode or look-alike characters, a brand
name used inside somebody else's domain, words like "verify" or "refund" in the
address, or a top-level domain that scam sites favour. The lists are data
(content/selfcheck/links.yaml). Domains are split with the public-suffix list
shipped inside the pinned ``publicsuffixlist`` package: nothing is fetched.
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass, field
from functools import lru_cache

from publicsuffixlist import PublicSuffixList

# Letters allowed in a host label: ASCII, plus Latin-extended, Greek and Cyrillic
# (the scripts look-alike domains borrow from). Not CJK: in Chinese text a domain is
# often written right against the words around it.
_L = "a-z0-9\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff"
URL_RE = re.compile(
    r"(?<![" + _L + r"@.-])"
    r"(?P<scheme>https?://)?"
    r"(?P<host>(?:[" + _L + r"](?:[" + _L + r"-]{0,62})\.){1,8}(?:[a-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff]{2,24}|xn--[a-z0-9-]{1,59}))"
    r"(?![" + _L + r"-])"
    r"(?P<port>:\d{1,5})?"
    r"(?P<path>/[!-~]{0,200})?"
)
IP_RE = re.compile(r"(?<![\d.])(?P<scheme>https?://)?(?P<host>(?:\d{1,3}\.){3}\d{1,3})(?![\d.]\d)(?P<port>:\d{1,5})?(?P<path>/[!-~]{0,200})?")

# Digits and letter pairs that stand in for letters in look-alike domains.
_SKELETON = [("rn", "m"), ("vv", "w"), ("0", "o"), ("1", "l"), ("3", "e"), ("5", "s"), ("4", "a"), ("7", "t")]


@lru_cache(maxsize=1)
def _psl() -> PublicSuffixList:
    return PublicSuffixList()


@lru_cache(maxsize=1)
def _known_tlds() -> PublicSuffixList:
    """The list without its "any unknown ending is a suffix" rule, to tell real endings from file.jpg."""
    return PublicSuffixList(accept_unknown=False)


# Reserved for documentation and tests (RFC 2606): real endings for our purposes.
_RESERVED_TLDS = frozenset({"test", "example", "invalid"})


@dataclass
class LinkLists:
    shorteners: frozenset[str] = frozenset()
    risky_tlds: frozenset[str] = frozenset()
    brands: tuple[str, ...] = ()
    bait_words: tuple[str, ...] = ()


@dataclass
class Link:
    start: int  # in the norm view
    end: int
    host: str
    findings: list[str] = field(default_factory=list)  # detector names


def skeleton(label: str) -> str:
    out = label
    for fake, real in _SKELETON:
        out = out.replace(fake, real)
    return out


def _decode(label: str) -> str:
    if label.startswith("xn--"):
        import idna  # here: its tables cost 2.4 MB, and most messages have no punycode

        try:
            return idna.decode(label)
        except (idna.IDNAError, UnicodeError, ValueError):
            return label
    return label


def _is_domain(host: str) -> bool:
    """True if the host ends in a real top-level domain (so 'e.g' or 'file.jpg' are not links)."""
    tld = host.rsplit(".", 1)[-1]
    if tld.startswith("xn--"):
        return True
    return tld in _RESERVED_TLDS or (_known_tlds().is_public(tld) if tld.isascii() else False)


def analyse_host(host: str, lists: LinkLists) -> list[str]:
    findings: list[str] = []
    labels = host.split(".")
    decoded = [_decode(label) for label in labels]
    non_ascii = any(not d.isascii() for d in decoded) or any(label.startswith("xn--") for label in labels)
    if non_ascii:
        findings.append("link_punycode")
    registrable = _psl().privatesuffix(host) or host
    suffix = _psl().publicsuffix(host) or labels[-1]
    main_label = registrable[: -len(suffix) - 1] if registrable.endswith("." + suffix) else registrable
    main_label = main_label.split(".")[-1]
    if registrable in lists.shorteners or host in lists.shorteners:
        findings.append("link_shortener")
    tld = labels[-1]
    if tld in lists.risky_tlds:
        findings.append("link_risky_tld")
    # a brand inside somebody else's name: paypal-secure.example, apple.id-verify.example, paypa1.example
    words = re.split(r"[-.]", host[: -len(suffix) - 1] if host.endswith("." + suffix) else host)
    for brand in lists.brands:
        if main_label == brand:
            continue
        in_words = brand in words or any(w.startswith(brand) or w.endswith(brand) for w in words if len(brand) >= 4)
        looks_like = skeleton(main_label) == brand or skeleton(_decode(main_label)) == brand
        if in_words or looks_like:
            findings.append("link_brand")
            break
    # the labels the owner chose, not the ending: "gov" in scamwatch.gov.au is no bait word
    # (a host that is itself a public ending, gov.uk or gov.sg, has no label its owner chose)
    owned = labels[: -len(suffix.split("."))] if host == suffix or host.endswith("." + suffix) else labels[:-1]
    joined = "-".join(_decode(label) for label in owned)
    if any(word in joined for word in lists.bait_words):
        findings.append("link_bait_words")
    return findings


def find_links(norm: str, lists: LinkLists) -> list[Link]:
    links: list[Link] = []
    taken: list[tuple[int, int]] = []
    for match in IP_RE.finditer(norm):
        host = match.group("host")
        try:
            ipaddress.ip_address(host)
        except ValueError:
            continue
        # a bare "1.2.3.4" in prose may be a version number; an address with a scheme, port or path is a link
        if not (match.group("scheme") or match.group("port") or match.group("path")):
            continue
        links.append(Link(match.start(), match.end(), host, ["link_any", "link_ip"]))
        taken.append((match.start(), match.end()))
    for match in URL_RE.finditer(norm):
        if any(s <= match.start() < e for s, e in taken):
            continue
        host = match.group("host")
        if not _is_domain(host):
            continue
        links.append(Link(match.start(), match.end(), host, ["link_any"] + analyse_host(host, lists)))
    links.sort(key=lambda link: link.start)
    return links
