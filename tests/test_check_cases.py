"""The translation checker against honest and dishonest changes to real pages, in English and Arabic.

Each row changes one page of a copy of the project and says why the change must pass or fail.
A failing row must be refused on the changed page alone (no noise elsewhere), with a message
naming the fact; a passing row must produce no finding at all, since false alarms teach
translators to ignore the checker.
"""

# The cases are made of look-alike digits and letters on purpose, and of Arabic words.
# ruff: noqa: RUF001

from __future__ import annotations

import shutil
from pathlib import Path
from typing import NamedTuple

import pytest
import yaml

from fristed.check import check_project

PROJECT = Path(__file__).resolve().parent.parent
# What the checker reads; no build is needed.
CHECKED_PARTS = ("data", "source", "docs")  # and mkdocs.yml, for the region

ROSA_EN = "[22 33 11 60](tel:+4722331160). This"
ROSA_AR = "[22 33 11 60](tel:+4722331160). هذا"
POLICE_EN = "[112](tel:112)"
MAIL_EN = "[iomoslovm@iom.int](mailto:iomoslovm@iom.int)"
UDI_EN = "- UDI: [udi.no](https://www.udi.no/)"
SITE_EN = "- Website: [rosanorge.no](https://rosanorge.no/)"
SIX_MONTHS_EN = "lasts for six months"
ONE_YEAR_EN = "for up to one year"
SIX_MONTHS_AR = "مدته ستة أشهر"
ONE_YEAR_AR = "إلى سنة واحدة"


def see_fact(*location: str) -> str:
    """Where a message sends the reader in data/facts.yml: `data/facts.yml:18` for ("phones", "rosa")."""
    node = yaml.compose((PROJECT / "data/facts.yml").read_text(encoding="utf-8"))
    for key in location:
        node_key, node = next((k, v) for k, v in node.value if k.value == key)
    return f"data/facts.yml:{node_key.start_mark.line + 1}"


def see_source(page: str, text: str) -> str:
    """Where a message sends the reader on a Norwegian page: the first line holding `text`."""
    lines = (PROJECT / "docs/nb" / page).read_text(encoding="utf-8").splitlines()
    return f"docs/nb/{page}:{next(number for number, line in enumerate(lines, 1) if text in line)}"


# Where the messages send the reader, found the way a reader would find them.
NB_ROSA = see_source("contacts.md", "[22 33 11 60]")
NB_IOM_PHONE = see_source("contacts.md", "[23 10 53 20]")
NB_POLICE = see_source("contacts.md", "[112]")
NB_MAIL = see_source("contacts.md", "iomoslovm@iom.int")
NB_SITE = see_source("contacts.md", "[rosanorge.no]")
NB_UDI = see_source("contacts.md", "[udi.no]")
NB_SIX_MONTHS = see_source("permits.md", "seks måneder")
NB_ONE_YEAR = see_source("permits.md", "ett år")
NB_PENALTY = see_source("index.md", "inntil 6 år")
FACT_ROSA = see_fact("phones", "rosa")
FACT_PHONES = see_fact("phones")
FACT_MAIL = see_fact("emails", "iom-oslo")
FACT_SITE = see_fact("domains", "rosa")
FACT_DOMAINS = see_fact("domains")
FACT_DURATIONS = see_fact("durations")


class Case(NamedTuple):
    page: str  # under docs/
    old: str
    new: str
    expected: str | None  # part of the message of the finding on the changed page; None: no finding
    reason: str


def ok(page: str, old: str, new: str, reason: str) -> Case:
    return Case(page, old, new, None, reason)


def bad(page: str, old: str, new: str, expected: str, reason: str) -> Case:
    return Case(page, old, new, expected, reason)


CASES = {
    # Phone numbers: honest ways to write a number ----------------------------------------------
    "passes-country-code": ok(
        "en/contacts.md", ROSA_EN, "[+47 22 33 11 60](tel:+4722331160). This", "the same number, dialled from abroad"
    ),
    "passes-double-zero-prefix": ok(
        "en/contacts.md", ROSA_EN, "[0047 22 33 11 60](tel:+4722331160). This", "00 is how + is dialled"
    ),
    "passes-no-spaces": ok("en/contacts.md", ROSA_EN, "[22331160](tel:+4722331160). This", "grouping is style"),
    "passes-no-break-spaces": ok(
        "en/contacts.md", ROSA_EN, "[22\u00a033\u00a011\u00a060](tel:+4722331160). This", "keeps the number on a line"
    ),
    "passes-narrow-no-break-spaces": ok(
        "en/contacts.md", ROSA_EN, "[22\u202f33\u202f11\u202f60](tel:+4722331160). This", "a typographer's space"
    ),
    "passes-dots-and-dashes": ok(
        "en/contacts.md", ROSA_EN, "[22.33.11.60](tel:+4722331160). This", "a common European grouping"
    ),
    "passes-fullwidth-digits": ok(
        "en/contacts.md", ROSA_EN, "[２２ ３３ １１ ６０](tel:+4722331160). This", "the right digits in another script"
    ),
    "passes-arabic-indic-digits": ok(
        "ar/contacts.md", ROSA_AR, "[٢٢ ٣٣ ١١ ٦٠](tel:+4722331160). هذا", "native digits in Arabic"
    ),
    "passes-persian-digits-with-country-code": ok(
        "ar/contacts.md", ROSA_AR, "[+۴۷ ۲۲ ۳۳ ۱۱ ۶۰](tel:+4722331160). هذا", "Persian digits, one script"
    ),
    "passes-digit-written-as-entity": ok(
        "en/contacts.md", ROSA_EN, "[&#50;2 33 11 60](tel:+4722331160). This", "the browser shows 22 33 11 60"
    ),
    "passes-raw-html-link": ok(
        "en/contacts.md",
        ROSA_EN,
        '<a href="tel:+4722331160">22 33 11 60</a>. This',
        "the same link, written in HTML",
    ),
    "passes-national-tel-target": ok(
        "en/contacts.md", ROSA_EN, "[22 33 11 60](tel:22331160). This", "dials the same number in Norway"
    ),
    "passes-ordinary-numbers": ok(
        "en/index.md",
        "It is open 24 hours, day and night.",
        "It is open 24 hours, day and night. From 2025–2026, on 15.01.2026, 08.00–16.00, see § 257 and 3 options.",
        "years, dates, times, sections and counts are not phone numbers",
    ),
    # Phone numbers: changed, removed, added, hidden ----------------------------------------------
    "refuses-transposed-digits": bad(
        "en/contacts.md",
        ROSA_EN,
        "[22 33 11 06](tel:+4722331160). This",
        f'phones.rosa: expected 22 33 11 60 (see {NB_ROSA}), found "22 33 11 06"',
        "two digits swapped",
    ),
    "refuses-transposed-digits-in-arabic-indic": bad(
        "ar/contacts.md",
        ROSA_AR,
        "[٢٢ ٣٣ ١١ ٠٦](tel:+4722331160). هذا",
        f'phones.rosa: expected 22 33 11 60 (see {NB_ROSA}), found "٢٢ ٣٣ ١١ ٠٦"',
        "two native digits swapped",
    ),
    "refuses-missing-digit": bad(
        "en/contacts.md",
        ROSA_EN,
        "[22 33 11 6](tel:+4722331160). This",
        'found "22 33 11 6"',
        "invalid, so phonenumbers skips it",
    ),
    "refuses-extra-digit": bad(
        "en/contacts.md",
        ROSA_EN,
        "[22 33 11 600](tel:+4722331160). This",
        'found "22 33 11 600"',
        "invalid, so phonenumbers skips it",
    ),
    "refuses-mixed-digit-scripts": bad(
        "en/contacts.md",
        ROSA_EN,
        "[22 33 ١١ 60](tel:+4722331160). This",
        "in ASCII and ARABIC-INDIC digits",
        "phonenumbers accepts it, a reader may misread it",
    ),
    "refuses-superscript-digits": bad(
        "en/contacts.md", POLICE_EN, "[¹¹²](tel:112)", "in SUPERSCRIPT digits", "not decimal digits"
    ),
    "refuses-zero-width-space-inside-number": bad(
        "en/contacts.md",
        ROSA_EN,
        "[22 33\u200b11 60](tel:+4722331160). This",
        'found "22 33<U+200B>11 60"',
        "phonenumbers accepts it; it hides an edit",
    ),
    "refuses-word-joiner-touching-number": bad(
        "en/contacts.md",
        ROSA_EN,
        "[22 33 11 60\u2060](tel:+4722331160). This",
        "expected no invisible character in or next to it",
        "touching a fact",
    ),
    "refuses-right-to-left-mark-next-to-number-in-arabic": bad(
        "ar/contacts.md",
        ROSA_AR,
        "[\u200f22 33 11 60](tel:+4722331160). هذا",
        'found "<U+200F>22 33 11 60"',
        "a mark can reorder what a reader sees",
    ),
    "refuses-bidi-override-anywhere-in-arabic": bad(
        "ar/contacts.md",
        "# من يمكنه مساعدتك؟",
        "# \u202eمن يمكنه مساعدتك؟",
        "found <U+202E> (RIGHT-TO-LEFT OVERRIDE)",
        "reorders the rest of the paragraph",
    ),
    "refuses-tel-target-differing-from-text": bad(
        "en/contacts.md",
        ROSA_EN,
        "[22 33 11 60](tel:+4722331161). This",
        "phones.rosa: expected tel:+4722331160, the number the link text shows (see data/facts.yml:",
        "the reader trusts the text, the phone dials the target",
    ),
    "refuses-tel-target-of-another-service": bad(
        "en/contacts.md",
        ROSA_EN,
        "[22 33 11 60](tel:+4723105320). This",
        "phones.iom-oslo: expected the link text to show 23 10 53 20, the number the link calls",
        "a registered number, but not the one shown",
    ),
    "refuses-tel-link-hiding-its-number": bad(
        "en/contacts.md",
        ROSA_EN,
        "[Call ROSA](tel:+4722331160). This",
        f'expected the link text to show 22 33 11 60, the number the link calls (see {FACT_ROSA}), found "Call ROSA"',
        "the number must be visible to write down",
    ),
    "refuses-removed-number": bad(
        "en/contacts.md",
        "- Phone IOM in Oslo: [23 10 53 20](tel:+4723105320)\n",
        "",
        f"phones.iom-oslo: expected 23 10 53 20 (see {NB_IOM_PHONE}), found nothing",
        "a fact of the source page is missing",
    ),
    "refuses-extra-unregistered-number": bad(
        "en/contacts.md",
        ROSA_EN,
        "[22 33 11 60](tel:+4722331160). Or call 22 33 11 66. This",
        f'phones: expected a number registered in data/facts.yml (see {FACT_PHONES}), found "22 33 11 66"',
        "nothing unregistered anywhere",
    ),
    "refuses-number-in-html-comment": bad(
        "ar/contacts.md",
        ROSA_AR,
        "[22 33 11 60](tel:+4722331160) <!-- 22 33 11 66 -->. هذا",
        'found "22 33 11 66"',
        "comments ship in the source",
    ),
    "refuses-number-in-raw-html-attribute": bad(
        "en/contacts.md",
        ROSA_EN,
        '[22 33 11 60](tel:+4722331160) <span title="call 23 10 53 21">ROSA</span>. This',
        'found "23 10 53 21"',
        "screen readers and tooltips show it",
    ),
    "refuses-wrong-number-written-as-entities": bad(
        "en/contacts.md",
        ROSA_EN,
        "[&#50;2 33 11 6&#x31;](tel:+4722331160). This",
        'found "&#50;2 33 11 6&#x31;"',
        "the browser shows 22 33 11 61",
    ),
    "refuses-added-emergency-number": bad(
        "en/contacts.md",
        POLICE_EN,
        "[112](tel:112), or 113 for an ambulance",
        'found "113"',
        "a short number one slip from 112",
    ),
    "refuses-112-changed-to-113": bad(
        "ar/contacts.md",
        "[112](tel:112)",
        "[113](tel:113)",
        f'phones.police-emergency: expected 112 (see {NB_POLICE}), found "113"',
        "short numbers are facts too",
    ),
    "refuses-wrong-number-in-thai-digits": bad(
        "ar/contacts.md",
        ROSA_AR,
        "[22 33 11 60](tel:+4722331160) ๒๒ ๓๓ ๑๑ ๖๑. هذا",
        'found "๒๒ ๓๓ ๑๑ ๖๑"',
        "any digit script",
    ),
    "refuses-number-in-front-matter": bad(
        "en/contacts.md",
        "reviewed: false",
        "reviewed: false\ntitle: Call 22 33 11 61",
        'found "22 33 11 61"',
        "front matter is shown",
    ),
    # E-mail addresses -------------------------------------------------------------------------
    "refuses-unlinked-address": bad(
        "en/contacts.md",
        MAIL_EN,
        "iomoslovm@iom.int",
        "structure: expected links to mailto:iomoslovm@iom.int in this block, found nothing",
        "the reader can no longer tap it: a translation keeps the source page's links",
    ),
    "refuses-changed-local-part": bad(
        "en/contacts.md",
        MAIL_EN,
        "[iomoslov@iom.int](mailto:iomoslov@iom.int)",
        f'emails.iom-oslo: expected iomoslovm@iom.int (see {NB_MAIL}), found "iomoslov@iom.int"',
        "one letter dropped",
    ),
    "refuses-changed-domain-of-address": bad(
        "ar/contacts.md",
        MAIL_EN,
        "[iomoslovm@iom.org](mailto:iomoslovm@iom.org)",
        'found "iomoslovm@iom.org"',
        "another organisation's domain",
    ),
    "refuses-address-in-other-case": bad(
        "en/contacts.md",
        MAIL_EN,
        "[IOMoslovm@iom.int](mailto:IOMoslovm@iom.int)",
        'found "IOMoslovm@iom.int"',
        "exact match: a local part may be case-sensitive",
    ),
    "refuses-cyrillic-letter-in-address": bad(
        "en/contacts.md",
        MAIL_EN,
        "[iomosl\u043evm@iom.int](mailto:iomoslovm@iom.int)",
        "(U+043E CYRILLIC SMALL LETTER O is not ASCII)",
        "looks identical, writes elsewhere",
    ),
    "refuses-mailto-target-differing-from-text": bad(
        "en/contacts.md",
        MAIL_EN,
        "[iomoslovm@iom.int](mailto:iomoslovm@evil.example)",
        f"emails.iom-oslo: expected mailto:iomoslovm@iom.int, the address the link text shows (see {FACT_MAIL}), "
        'found "mailto:iomoslovm@evil.example"',
        "the reader trusts the text",
    ),
    "refuses-mailto-with-copy-to-someone": bad(
        "en/contacts.md",
        MAIL_EN,
        "[iomoslovm@iom.int](mailto:iomoslovm@iom.int?cc=spy@evil.example)",
        'found "mailto:iomoslovm@iom.int?cc=spy@evil.example"',
        "a copy of every message would go to a stranger",
    ),
    "refuses-removed-address": bad(
        "ar/contacts.md",
        "- البريد الإلكتروني لمنظمة IOM في أوسلو: [iomoslovm@iom.int](mailto:iomoslovm@iom.int)\n",
        "",
        f"emails.iom-oslo: expected iomoslovm@iom.int (see {NB_MAIL}), found nothing",
        "a fact of the source page is missing",
    ),
    # Links -------------------------------------------------------------------------------------
    "passes-page-on-an-allowed-domain": ok(
        "en/contacts.md", UDI_EN, "- UDI: [udi.no](https://www.udi.no/en/)", "UDI's English pages, same domain"
    ),
    "refuses-address-without-link": bad(
        "en/contacts.md",
        UDI_EN,
        "- UDI: udi.no",
        "structure: expected links to https://www.udi.no/ in this block, found nothing",
        "the reader can no longer tap it: a translation keeps the source page's links",
    ),
    "passes-page-link-with-anchor": ok(
        "en/index.md",
        "[Who can help you?](contacts.md)",
        "[Who can help you?](contacts.md#udi-and-the-police)",
        "a page of this site",
    ),
    "refuses-look-alike-host": bad(
        "en/contacts.md",
        SITE_EN,
        "- Website: [rosanorge.no](https://rosanorge.no.evil.example/)",
        f"domains: expected rosanorge.no, udi.no or a subdomain of one (see {FACT_DOMAINS}), found "
        '"https://rosanorge.no.evil.example/"',
        "a registered name as a subdomain of another",
    ),
    "refuses-user-name-before-host": bad(
        "en/contacts.md",
        UDI_EN,
        "- UDI: [udi.no](https://udi.no@evil.example/)",
        'found "https://udi.no@evil.example/"',
        "the browser goes to evil.example",
    ),
    "refuses-cyrillic-letter-in-host": bad(
        "ar/contacts.md",
        "[rosanorge.no](https://rosanorge.no/)",
        "[rosanorge.no](https://ros\u0430norge.no/)",
        "(U+0430 CYRILLIC SMALL LETTER A is not ASCII;",
        "a homograph",
    ),
    "refuses-link-text-showing-another-address": bad(
        "en/contacts.md",
        SITE_EN,
        "- Website: [udi.no](https://rosanorge.no/)",
        "domains.rosa: expected the link text to show the address the link goes to, rosanorge.no "
        f'(see {FACT_SITE}), found "udi.no"',
        "the reader trusts the text",
    ),
    "refuses-javascript-link": bad(
        "en/index.md",
        "[Who can help you?](contacts.md)",
        "[Who can help you?](javascript:alert(1))",
        "links: expected a page of this site, https:// on rosanorge.no, udi.no, tel: or mailto:",
        "runs code",
    ),
    "refuses-javascript-link-hidden-by-entity": bad(
        "en/index.md",
        "[Who can help you?](contacts.md)",
        "[Who can help you?](jav&#x09;ascript:alert(1))",
        'found "jav&#x09;ascript:alert(1)"',
        "browsers drop the tab",
    ),
    "refuses-protocol-relative-link": bad(
        "en/contacts.md", UDI_EN, "- UDI: [udi.no](//evil.example/)", 'found "//evil.example/"', "another host"
    ),
    "refuses-look-alike-domain-in-text": bad(
        "en/contacts.md",
        UDI_EN,
        "- UDI: ud1.no",
        f'domains.udi: expected udi.no (see {NB_UDI}), found "ud1.no"',
        "a reader types it",
    ),
    "refuses-extra-look-alike-domain-in-text": bad(
        "en/contacts.md",
        UDI_EN,
        UDI_EN + " or ud1.no",
        f'domains: expected rosanorge.no, udi.no or a subdomain of one (see {FACT_DOMAINS}), found "ud1.no" '
        "(did you mean udi.no?)",
        "nothing unregistered anywhere, even unlinked",
    ),
    "refuses-image-from-another-host": bad(
        "ar/contacts.md",
        "- UDI: [udi.no](https://www.udi.no/)",
        '- UDI: [udi.no](https://www.udi.no/) <img src="https://tracker.example/x.png" alt="">',
        'found "https://tracker.example/x.png"',
        "tells a stranger who reads the page",
    ),
    "refuses-reference-link-to-another-host": bad(
        "en/contacts.md",
        SITE_EN,
        "- Website: [rosanorge.no][rosa]\n\n[rosa]: https://rosanorge.example/",
        'found "https://rosanorge.example/"',
        "reference links are links",
    ),
    "refuses-removed-link": bad(
        "en/contacts.md",
        SITE_EN + "\n",
        "",
        f"domains.rosa: expected rosanorge.no (see {NB_SITE}), found nothing",
        "a removed fact",
    ),
    # Durations ---------------------------------------------------------------------------------
    "passes-digits-for-words": ok("en/permits.md", SIX_MONTHS_EN, "lasts for 6 months", "6 months is six months"),
    "passes-no-break-space-in-duration": ok("en/permits.md", SIX_MONTHS_EN, "lasts for 6\u00a0months", "typography"),
    "passes-half-a-year": ok("en/permits.md", SIX_MONTHS_EN, "lasts for half a year", "the same length of time"),
    "passes-hyphenated-duration": ok(
        "en/permits.md", SIX_MONTHS_EN, "lasts for a six-month period", "an adjective, the same duration"
    ),
    "passes-compound-number-in-words": ok(
        "en/index.md", "It is open 24 hours", "It is open twenty-four hours", "24 in words"
    ),
    "passes-arabic-indic-digits-in-duration": ok("ar/permits.md", SIX_MONTHS_AR, "مدته ٦ أشهر", "native digits"),
    "passes-ascii-digits-in-arabic-duration": ok("ar/permits.md", SIX_MONTHS_AR, "مدته 6 أشهر", "digits for words"),
    "passes-arabic-vowel-marks": ok("ar/permits.md", SIX_MONTHS_AR, "مدته ستةُ أشهرٍ", "harakat are spelling"),
    "passes-arabic-synonym-for-year": ok("ar/permits.md", ONE_YEAR_AR, "إلى عام واحد", "عام and سنة are both a year"),
    "passes-arabic-tatweel": ok("ar/permits.md", ONE_YEAR_AR, "إلى سـنة واحدة", "kashida is justification"),
    "passes-arabic-number-word-for-digits": ok(
        "ar/index.md", "إلى 6 سنوات", "إلى ست سنوات", "the feminine form of six"
    ),
    "passes-arabic-compound-number": ok(
        "ar/index.md", "يعمل 24 ساعة", "يعمل أربعًا وعشرين ساعة", "four and twenty, with the و joined"
    ),
    "refuses-changed-number-in-words": bad(
        "en/permits.md",
        SIX_MONTHS_EN,
        "lasts for seven months",
        f'durations.reflection-period: expected 6 months (see {NB_SIX_MONTHS}), found "seven months"',
        "a longer permit than the law gives",
    ),
    "refuses-changed-unit": bad(
        "en/permits.md", SIX_MONTHS_EN, "lasts for six years", 'found "six years"', "months to years"
    ),
    "refuses-changed-number-in-digits": bad(
        "en/index.md",
        "up to 6 years in prison",
        "up to 8 years in prison",
        f'expected 6 years (see {NB_PENALTY}), found "8 years"',
        "a different sentence",
    ),
    "refuses-two-years-for-one": bad(
        "en/permits.md",
        ONE_YEAR_EN,
        "for up to two years",
        f'durations.limited-permit/iom-follow-up: expected 1 year (see {NB_ONE_YEAR}), found "two years"',
        "doubles the permit",
    ),
    "refuses-extra-duration": bad(
        "en/index.md",
        "It is open 24 hours, day and night.",
        "It is open 24 hours, day and night, 5 days a week.",
        f'durations: expected a duration registered in data/facts.yml (see {FACT_DURATIONS}), found "5 days"',
        "no more than the source page",
    ),
    "refuses-article-for-number": bad(
        "en/permits.md",
        ONE_YEAR_EN,
        "for up to a year",
        f"durations.limited-permit/iom-follow-up: expected 1 year (see {NB_ONE_YEAR}), found nothing",
        "'a' is not counted, since '24 hours a day' is not a duration",
    ),
    "refuses-changed-number-in-arabic-words": bad(
        "ar/permits.md", SIX_MONTHS_AR, "مدته سبعة أشهر", 'found "سبعة أشهر"', "seven months"
    ),
    "refuses-changed-unit-in-arabic": bad(
        "ar/permits.md",
        SIX_MONTHS_AR,
        "مدته ستة سنوات",
        f'expected 6 months (see {NB_SIX_MONTHS}), found "ستة سنوات"',
        "six years",
    ),
    "refuses-arabic-dual-for-one-year": bad(
        "ar/permits.md",
        ONE_YEAR_AR,
        "إلى سنتين",
        f'durations.limited-permit/iom-follow-up: expected 1 year (see {NB_ONE_YEAR}), found "سنتين"',
        "the dual is two years",
    ),
    "refuses-changed-arabic-indic-digit": bad(
        "ar/permits.md", SIX_MONTHS_AR, "مدته ٣ أشهر", 'found "٣ أشهر"', "three months"
    ),
    "refuses-zero-width-space-inside-arabic-duration": bad(
        "ar/permits.md", SIX_MONTHS_AR, "مدته ستة\u200bأشهر", 'found "ستة<U+200B>أشهر"', "hides an edit"
    ),
    "refuses-months-for-years-in-arabic": bad(
        "ar/index.md", "إلى 10 سنوات", "إلى 10 أشهر", 'found "10 أشهر"', "ten months is not ten years"
    ),
    # The source page itself --------------------------------------------------------------------
    "refuses-wrong-source-page": bad(
        "nb/contacts.md",
        "[22 33 11 60](tel:+4722331160)",
        "[22 33 11 61](tel:+4722331161)",
        f'phones: expected a number registered in data/facts.yml (see {FACT_PHONES}), found "22 33 11 61"',
        "the source language is checked against the registry, and translations are not blamed for it",
    ),
    "refuses-unregistered-duration-on-source-page": bad(
        "nb/permits.md",
        "varer i seks måneder",
        "varer i sju måneder",
        "durations: expected a duration registered in data/facts.yml (see data/facts.yml:",
        "a wrong duration in Norwegian",
    ),
}


@pytest.fixture(scope="module")
def pristine(tmp_path_factory) -> Path:
    """The parts of the project the checker reads, copied once per module: the other languages'
    pages are left out, since no case changes them and checking them would only take time."""
    root = tmp_path_factory.mktemp("pristine")
    for part in CHECKED_PARTS:
        shutil.copytree(PROJECT / part, root / part, ignore=_other_languages if part == "docs" else None)
    shutil.copy2(PROJECT / "mkdocs.yml", root / "mkdocs.yml")
    return root


def _other_languages(folder: str, names: list[str]) -> list[str]:
    return [name for name in names if Path(folder).name == "docs" and name not in ("nb", "en", "ar")]


def changed(pristine: Path, target: Path, page: str, old: str, new: str) -> Path:
    """Copy the project and make one change to one page."""
    shutil.copytree(pristine, target)
    path = target / "docs" / page
    text = path.read_text(encoding="utf-8")
    assert old in text, f"the case no longer matches docs/{page}: {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return target


def test_checker_finds_nothing_wrong_on_the_site():
    """The real pages are correct: any finding here is a false alarm."""
    assert [str(problem) for problem in check_project(PROJECT)] == []


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_checker_passes_honest_changes_and_refuses_wrong_ones(case: Case, pristine: Path, tmp_path: Path):
    """Each row: an honest change gives no finding; a wrong one is refused on that page alone."""
    project = changed(pristine, tmp_path / "project", case.page, case.old, case.new)
    findings = [str(problem) for problem in check_project(project)]
    if case.expected is None:
        assert findings == [], case.reason
        return
    assert findings, f"not refused: {case.reason}"
    assert all(finding.startswith(f"docs/{case.page}:") for finding in findings), findings
    assert any(case.expected in finding for finding in findings), findings


def test_checker_refuses_transposed_digits_in_arabic(pristine: Path, tmp_path: Path):
    """The whole message, as a translator reads it: file, line, column, fact, expected, source, found."""
    project = changed(pristine, tmp_path / "p", "ar/contacts.md", ROSA_AR, "[22 33 11 06](tel:+4722331160). هذا")
    assert [str(problem) for problem in check_project(project)] == [
        f'docs/ar/contacts.md:12:12: error: phones.rosa: expected 22 33 11 60 (see {NB_ROSA}), found "22 33 11 06"'
    ]


def test_checker_spells_out_invisible_characters(pristine: Path, tmp_path: Path):
    """An invisible character is named by its code point, at its own column."""
    project = changed(pristine, tmp_path / "p", "en/contacts.md", ROSA_EN, "[22 33\u200b11 60](tel:+4722331160). This")
    assert [str(problem) for problem in check_project(project)] == [
        "docs/en/contacts.md:12:16: error: phones.rosa: expected no invisible character in or next to it "
        f'(see {FACT_ROSA}), found "22 33<U+200B>11 60"'
    ]


def test_checker_refuses_a_changed_arabic_duration_in_words(pristine: Path, tmp_path: Path):
    """A duration in words is read through the word list, and compared with the source page's line."""
    project = changed(pristine, tmp_path / "p", "ar/permits.md", SIX_MONTHS_AR, "مدته سبعة أشهر")
    assert [str(problem) for problem in check_project(project)] == [
        "docs/ar/permits.md:13:36: error: durations.reflection-period: expected 6 months "
        f'(see {NB_SIX_MONTHS}), found "سبعة أشهر"'
    ]


def test_checker_reports_every_finding_of_every_page_in_one_run(pristine: Path, tmp_path: Path):
    """A translator fixes everything in one round: all pages' findings come together."""
    project = changed(pristine, tmp_path / "p", "en/contacts.md", ROSA_EN, "[22 33 11 06](tel:+4722331160). This")
    for page, old, new in (
        ("ar/permits.md", SIX_MONTHS_AR, "مدته سبعة أشهر"),
        ("en/index.md", "[Who can help you?](contacts.md)", "[Who can help you?](https://evil.example/)"),
    ):
        path = project / "docs" / page
        path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    pages = [str(problem).split(":")[0] for problem in check_project(project)]
    assert pages == ["docs/ar/permits.md", "docs/en/contacts.md", "docs/en/index.md"]


def test_checker_refuses_a_translation_without_a_source_page(pristine: Path, tmp_path: Path):
    """A page only in a translation has nothing to be compared with."""
    project = changed(pristine, tmp_path / "p", "en/help.md", "reviewed: false", "reviewed: false")
    shutil.copy(project / "docs/en/help.md", project / "docs/en/extra.md")
    assert [str(problem) for problem in check_project(project)] == [
        "docs/en/extra.md:1:1: error: page: expected a source page docs/nb/extra.md to compare with, found none; "
        "translate an existing page, or write the Norsk one first"
    ]
