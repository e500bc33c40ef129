"""The line at the foot of every page that says which copy of the site the reader holds.

A mirror can go stale without anyone noticing, and an old copy may show an old phone number. So
every page states its version and date, in the reader's language, with the date written the way
that language writes dates (Unicode CLDR, through Babel). The date is the commit's, never the
clock's (see fristed.build_info), so the line changes nothing about byte-for-byte reproducibility.
"""

from __future__ import annotations

import datetime

from babel.dates import format_date


def version_note(template: str, version: str, date: datetime.datetime, language_code: str) -> str:
    """Fill the `site_version` string's `{version}` and `{date}`, the date in the language's long format."""
    day = format_date(date.date(), format="long", locale=language_code)
    if day.endswith("."):
        # Bulgarian, Russian and Ukrainian dates end in an abbreviation of "year", whose full
        # stop also ends the sentence: one, not two.
        template = template.replace("{date}.", "{date}")
    return template.replace("{version}", version).replace("{date}", day)
