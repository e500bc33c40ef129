"""Load the YAML files people edit, validate them against a schema, and report every problem.

Each problem names the file, the line, the field, what was expected and what was found, so a
translator fixes them all in one round.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jsonschema
import yaml


@dataclass(frozen=True)
class Problem:
    """One thing wrong in one file, at one place."""

    path: Path
    line: int
    message: str
    column: int = 1
    severity: str = "error"

    def __str__(self) -> str:
        return f"{_shown(self.path)}:{self.line}:{self.column}: {self.severity}: {self.message}"


def _shown(path: Path) -> str:
    """A path as a reader types it: relative to the working folder when it is inside it."""
    try:
        return str(Path(path).resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


@dataclass(frozen=True)
class Document:
    """The data of a YAML file, with the line where each value stands."""

    path: Path
    data: Any
    lines: dict[tuple, int]
    problems: list[Problem]

    def problem(self, location: tuple, message: str) -> Problem:
        """Return a problem at a location such as `("phones", "helpline", "number")`."""
        return Problem(self.path, line_of(self.lines, location), f"{location_name(location)}: {message}")

    def check(self, more: list[Problem] = ()) -> Any:
        """Return the data, or raise every problem of the schema and of `more` together."""
        problems = sorted([*self.problems, *more], key=lambda problem: problem.line)
        if problems:
            raise DataError(problems)
        return self.data


class DataError(Exception):
    """Every problem found in the data, reported together."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(problem) for problem in problems))


def load_yaml(path: Path, schema: dict[str, Any]) -> Document:
    """Read a YAML file and check it against a JSON schema; its problems go in the `Document`.

    Only a missing file or broken YAML raise at once, since nothing more can be checked then.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataError([Problem(path, 1, "file not found: create it, or check the path")]) from None
    # The C loader where PyYAML has it: `make check` must stay well under a second. One parse
    # gives both the nodes, which know their lines, and the data built from them.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(text)
    try:
        root = loader.get_single_node()
        data = loader.construct_document(root) if root is not None else None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        line = mark.line + 1 if mark else 1
        raise DataError([Problem(path, line, f"not valid YAML: {error.problem}")]) from None
    finally:
        loader.dispose()
    lines = lines_by_location(root) if root is not None else {}
    validator = jsonschema.Draft202012Validator(schema)
    problems = [
        Problem(path, line_of(lines, _location(error)), describe_schema_error(error))
        for error in validator.iter_errors(data)
    ]
    return Document(path, data, lines, problems)


def lines_by_location(node: yaml.Node, location: tuple = ()) -> dict[tuple, int]:
    """Map each location in the document (a tuple of keys and indexes) to its line number."""
    lines = {location: node.start_mark.line + 1}
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            lines.update(lines_by_location(value, (*location, key.value)))
            lines[(*location, key.value)] = key.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            lines.update(lines_by_location(item, (*location, index)))
    return lines


def line_of(lines: dict[tuple, int], location) -> int:
    """Return the line of a location, or of its nearest enclosing one."""
    location = tuple(location)
    while location not in lines and location:
        location = location[:-1]
    return lines.get(location, 1)


def _location(error: jsonschema.ValidationError) -> tuple:
    """Where in the document an error is: for an unknown field, the field itself."""
    location = tuple(error.absolute_path)
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        extra = [key for key in error.instance if key not in error.schema.get("properties", {})]
        location = (*location, extra[0])
    return location


def location_name(location) -> str:
    """Spell a location the way a reader finds it in the file: `phones.helpline.number`, `[1].code`."""
    name = "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in location).lstrip(".")
    return name or "the file"


def describe_schema_error(error: jsonschema.ValidationError) -> str:
    """Turn a schema error into 'field: expected …, found …', with a hint where one is cheap."""
    where = location_name(error.absolute_path)
    schema = error.schema
    if error.validator == "required":
        missing = error.message.split("'")[1]
        return f"{where}: missing required field '{missing}'"
    if error.validator == "additionalProperties":
        allowed = sorted(schema.get("properties", {}))
        extra = sorted(set(error.instance) - set(allowed))
        hints = []
        for key in extra:
            close = difflib.get_close_matches(str(key), allowed, n=1)
            hints.append(f"'{key}'" + (f" (did you mean '{close[0]}'?)" if close else ""))
        listed = f"; expected one of: {', '.join(allowed)}" if len(allowed) <= 8 else ""
        return f"{where}: unknown field {', '.join(hints)}{listed}"
    expected = schema.get("description") or _expected_from(error)
    return f"{where}: expected {expected}, found {error.instance!r}"


def _expected_from(error: jsonschema.ValidationError) -> str:
    """Say what a schema keyword wanted, in words."""
    value = error.validator_value
    if error.validator == "type":
        kinds = value if isinstance(value, list) else [value]
        return " or ".join({"object": "a mapping", "array": "a list"}.get(k, f"a {k}") for k in kinds)
    if error.validator == "enum":
        return "one of " + ", ".join(repr(v) for v in value)
    if error.validator == "pattern":
        return f"text matching {value}"
    if error.validator in ("minItems", "minProperties", "minLength"):
        return f"at least {value} item(s)"
    return f"{error.validator} {value!r}"
