"""Time the translation checker over the site, then over a synthetic site: 100 pages in each of 20 languages.

    python bench/bench_check.py [--pages 100] [--languages 20]

The pages are the real ones, repeated: every Norwegian page is a source page, and its translations
are the English or Arabic page of the same name, so the checker must find nothing, at any size.
The site is checked twice, with pages of one and of four times the text, and the time per KB of
Markdown printed for each: equal times per KB mean the checker stays linear in the amount of text.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

import yaml

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

from fristed.check import check_project  # noqa: E402  (after the path above, so it runs from a checkout)

# Languages known to Unicode CLDR, as data/languages.yml requires; each borrows the pages and
# word list of English or Arabic, by its script's direction.
LANGUAGES = [
    "en",
    "ar",
    "fa",
    "so",
    "ti",
    "uk",
    "pl",
    "ro",
    "bg",
    "sq",
    "es",
    "fr",
    "de",
    "ru",
    "tr",
    "ur",
    "ps",
    "vi",
    "th",
    "lt",
    "lv",
    "et",
    "fi",
    "sv",
    "da",
]
RIGHT_TO_LEFT = {"ar", "fa", "ur", "ps"}
SIZES = (1, 4)


def build(root: Path, pages: int, languages: int, repeat: int) -> int:
    """Write a synthetic project under `root`; return its Markdown size in bytes."""
    shutil.copytree(PROJECT / "source", root / "source")
    (root / "data" / "durations").mkdir(parents=True)
    shutil.copy2(PROJECT / "data" / "facts.yml", root / "data" / "facts.yml")
    shutil.copy2(PROJECT / "mkdocs.yml", root / "mkdocs.yml")
    codes = LANGUAGES[: languages - 1]
    entries = ["- code: nb\n  name: Norsk\n  default: true\n"] + [f"- code: {code}\n  name: {code}\n" for code in codes]
    (root / "data" / "languages.yml").write_text("".join(entries), encoding="utf-8")
    shutil.copy2(PROJECT / "data" / "durations" / "nb.yml", root / "data" / "durations" / "nb.yml")
    # The interface strings and the legal terms, each language's borrowed from English or Arabic too.
    (root / "data" / "strings").mkdir()
    shutil.copy2(PROJECT / "data" / "string-markup.yml", root / "data" / "string-markup.yml")
    terms = yaml.safe_load((PROJECT / "data" / "terms.yml").read_text(encoding="utf-8"))
    models = sorted(
        path.name
        for path in (PROJECT / "docs" / "nb").glob("*.md")
        if (PROJECT / "docs" / "en" / path.name).is_file() and (PROJECT / "docs" / "ar" / path.name).is_file()
    )
    size = 0
    for code in ["nb", *codes]:
        borrowed = code if code in ("nb", "en", "ar") else ("ar" if code in RIGHT_TO_LEFT else "en")
        shutil.copy2(PROJECT / "data" / "durations" / f"{borrowed}.yml", root / "data" / "durations" / f"{code}.yml")
        shutil.copy2(PROJECT / "data" / "strings" / f"{borrowed}.yml", root / "data" / "strings" / f"{code}.yml")
        for term in terms.values():
            term["wording"][code] = term["wording"][borrowed]
        folder = root / "docs" / code
        folder.mkdir(parents=True)
        for number in range(pages):
            text = (PROJECT / "docs" / borrowed / models[number % len(models)]).read_text(encoding="utf-8")
            body = text + "\n" + "\n".join([text.split("---\n", 2)[-1]] * (repeat - 1))
            (folder / f"page-{number:03}.md").write_text(body, encoding="utf-8")
            size += len(body.encode("utf-8"))
    (root / "data" / "terms.yml").write_text(yaml.safe_dump(terms, allow_unicode=True), encoding="utf-8")
    return size


def main() -> int:
    """Build two sizes of the synthetic site, check each, and print the times."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--languages", type=int, default=20, choices=range(2, len(LANGUAGES) + 2), metavar="N")
    arguments = parser.parse_args()
    check_project(PROJECT)  # Warm up: imports and phonenumbers' metadata load once per process.
    # The site itself, as `make check` reads it (every page rendered, its blocks aligned): the best
    # of three, in wall and processor time, since other work on the machine only adds to them.
    runs = []
    for _ in range(3):
        started, processor = time.perf_counter(), time.process_time()
        check_project(PROJECT)
        runs.append((time.perf_counter() - started, time.process_time() - processor))
    pages = len(list((PROJECT / "docs").rglob("*.md")))
    wall, cpu = min(runs)[0], min(cpu for _, cpu in runs)
    print(f"the site: {pages} pages in {wall:.2f} s ({cpu:.2f} s of processor time); the budget is 1 s")
    print(f"{arguments.pages} pages x {arguments.languages} languages")
    results = []
    for repeat in SIZES:
        with tempfile.TemporaryDirectory() as folder:
            root = Path(folder)
            size = build(root, arguments.pages, arguments.languages, repeat)
            started = time.perf_counter()
            problems = check_project(root)
            elapsed = time.perf_counter() - started
        kilobytes = size / 1024
        results.append(elapsed / kilobytes)
        print(
            f"  text x{repeat}: {kilobytes:8.0f} KB in {elapsed:6.2f} s = {elapsed / kilobytes * 1000:.3f} ms per KB, "
            f"{len(problems)} finding(s)"
        )
        for problem in problems[:5]:
            print(f"    {problem}")
    print(f"  time per KB, x{SIZES[1]} over x{SIZES[0]}: {results[1] / results[0]:.2f} (1.00 is linear)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
