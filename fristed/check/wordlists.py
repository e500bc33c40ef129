"""Per-language words for durations, `data/durations/<code>.yml`, checked against a schema at load.

field              | required | default | meaning
units              | yes      |         | for each of hour, day, week, month, year: every form of its words
numbers            | yes      |         | number words that stand before a unit, with their values: `six: 6`;
                   |          |         | `{}` in a language just added, whose pages are still Norwegian
numbers_after_unit | no       | {}      | number words that stand after a unit: Arabic `واحدة` in `سنة واحدة`
phrases            | no       | {}      | words that are an amount and a unit at once: `سنتين`, `half a year`
connectors         | no       | []      | words that join two number words: `og`, Arabic `و`
multipliers        | no       | []      | number words that multiply a smaller one before them: `vingt`
fillers            | no       | []      | words that may stand between a number and its unit: Romanian `de`
prefixes           | no       | []      | letters that may be joined to the front of a word: Arabic `و`, `ل`
letters            | no       | {}      | letters read as another, to forgive spelling variants
ignore_marks       | no       | false   | read words without their combining marks: Arabic vowel marks
segment            | no       | false   | words are not parted by spaces (Thai): find listed words in a run

Number words in a row make one number (`number_value`): `twenty-four`, `أربع وعشرون`, `ثمانية عشر`,
`soixante-dix`, `quatre-vingt-dix`, Vietnamese `hai mươi mốt`; so do two written as one word:
`tjuefire`, `fireogtjue`. A row that follows none of these ways is read as no number at all, and
reported, rather than read wrong. A word may be both a number and a unit (Vietnamese `năm` is
five and year): its place decides.
"""

from __future__ import annotations

from pathlib import Path

import jsonschema
import yaml

from fristed.check.vocabulary import WordList
from fristed.data import DataError, Problem, describe_schema_error, line_of, lines_by_location, location_name
from fristed.facts import UNITS
from fristed.languages import Language

WORDLISTS_FOLDER = Path("data/durations")
_WORDS = {"type": "array", "minItems": 1, "items": {"type": "string", "minLength": 1}}
_VALUES = {
    "type": "object",
    "additionalProperties": {"type": "integer", "minimum": 1, "maximum": 1000, "description": "a whole number from 1"},
}
SCHEMA = {
    "type": "object",
    "required": ["units", "numbers"],
    "additionalProperties": False,
    "properties": {
        "units": {
            "type": "object",
            "required": list(UNITS),
            "additionalProperties": False,
            "properties": {unit: _WORDS for unit in UNITS},
        },
        # May be empty: a duration in words that the list cannot read is then found missing, against
        # the source page, so an empty list lets nothing pass unread.
        "numbers": _VALUES,
        "numbers_after_unit": _VALUES,
        "phrases": {
            "type": "object",
            "additionalProperties": {
                "type": "object",
                "required": ["amount", "unit"],
                "additionalProperties": False,
                "properties": {"amount": {"type": "integer", "minimum": 1}, "unit": {"enum": list(UNITS)}},
            },
        },
        "connectors": _WORDS,
        "multipliers": _WORDS,
        "fillers": _WORDS,
        "prefixes": _WORDS,
        "letters": {
            "type": "object",
            "additionalProperties": {"type": "string", "maxLength": 1, "description": "one letter"},
        },
        "ignore_marks": {"type": "boolean"},
        "segment": {"type": "boolean"},
    },
}
_VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_word_list(project: Path, language: Language) -> WordList:
    """Return a language's duration words, or raise a `DataError` listing every problem of the file."""
    relative = WORDLISTS_FOLDER / f"{language.code}.yml"
    if not (project / relative).is_file():
        message = (
            f"durations: expected a word list for {language.name} ({language.code}) at {relative.as_posix()}, "
            "found no such file; copy data/durations/en.yml and translate its words"
        )
        raise DataError([Problem(relative, 1, message)])
    data, lines = _read(project / relative)

    def problem(location: tuple, message: str) -> Problem:
        return Problem(relative, line_of(lines, location), f"{location_name(location)}: {message}")

    words = WordList(
        language.code,
        letters=str.maketrans(data.get("letters", {})),
        ignore_marks=data.get("ignore_marks", False),
        segment=data.get("segment", False),
    )
    words.prefixes = tuple(words.fold(prefix) for prefix in data.get("prefixes", []))
    words.connectors = {words.fold(word) for word in data.get("connectors", [])}
    words.multipliers = {words.fold(word) for word in data.get("multipliers", [])}
    words.fillers = {words.fold(word) for word in data.get("fillers", [])}
    problems = []

    def add(table: dict, word: str, value, location: tuple) -> None:
        folded = words.words(word)
        if len(folded) != 1 and table is not words.phrases:
            problems.append(problem(location, f"expected one word, found {word!r}"))
            return
        key = folded if table is words.phrases else folded[0]
        if key in table and table[key] != value:
            message = f"expected each word once, found {word!r} also meaning {table[key]!r}"
            problems.append(problem(location, message))
        table[key] = value

    for unit, forms in data["units"].items():
        for index, form in enumerate(forms):
            add(words.units, form, unit, ("units", unit, index))
    for word, value in data["numbers"].items():
        add(words.numbers, word, value, ("numbers", word))
    for word, value in data.get("numbers_after_unit", {}).items():
        add(words.numbers_after_unit, word, value, ("numbers_after_unit", word))
    for phrase, value in data.get("phrases", {}).items():
        add(words.phrases, phrase, (value["amount"], value["unit"]), ("phrases", phrase))
    for phrase, meaning in words.phrases.items():
        words.phrase_starts.setdefault(phrase[0], []).append((phrase, meaning))
        words._kept.update(phrase[1:])
    words._kept.update(words.connectors | words.fillers)
    words._known = {*words.numbers, *words.units, *words.numbers_after_unit, *words.phrase_starts, *words._kept}
    words._longest = max(map(len, words._known), default=0)
    words._initials = {word[:1] for word in words.numbers}
    if problems:
        raise DataError(problems)
    return words


def _read(path: Path) -> tuple[dict, dict[tuple, int]]:
    """Read and check a word list: with libyaml where installed, so fifteen lists take 15 ms, not 250.

    The messages are those of `fristed.data.load_yaml`, which every other data file goes through.
    """
    relative = Path(WORDLISTS_FOLDER, path.name)
    loader = _LOADER(path.read_text(encoding="utf-8"))
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as error:
        line = error.problem_mark.line + 1 if error.problem_mark else 1
        raise DataError([Problem(relative, line, f"not valid YAML: {error.problem}")]) from None
    finally:
        loader.dispose()
    lines = lines_by_location(node) if node is not None else {}
    problems = []
    for error in _VALIDATOR.iter_errors(data):
        location = tuple(error.absolute_path)
        if error.validator == "additionalProperties" and isinstance(error.instance, dict):
            # Point at the unknown field itself, not at the mapping that holds it.
            location = (*location, next(key for key in error.instance if key not in error.schema["properties"]))
        problems.append(Problem(relative, line_of(lines, location), describe_schema_error(error)))
    if problems:
        raise DataError(sorted(problems, key=lambda problem: problem.line))
    return data, lines
