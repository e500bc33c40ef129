"""The translators' workflow: which page is translated from which Norwegian text, and tools to keep up.

A translation records in its front matter the hash of the Norwegian page it was made from
(`source: 3f2a9c1b7d4e`, see `fristed.pages.source_hash`). When the Norwegian page changes, the
hashes differ and the translation is outdated: readers see a notice with a link to the
Norwegian page, and `make check` warns until a translator updates the page and stamps it.

module      | does
status.py   | each page's state in each language; the warnings of `make check`; what a reader is told
report.py   | the state as a table (`make status`), as JSON, and on the translators' status page
stamp.py    | `make stamp PAGE=…`: record the Norwegian page's hash in a translation
changes.py  | `python -m fristed changes PAGE`: what changed in the Norwegian page since it was translated
scaffold.py | `make new-language LANG=xx`: a new language, every page still in Norwegian
cli.py      | the commands `status`, `stamp`, `changes` and `new-language` of `python -m fristed`
"""
