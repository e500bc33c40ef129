"""A build log that shows what a person must act on: warnings, errors and one line per build.

Libraries log their progress at the info level, hundreds of lines per build (static-i18n a note
on every page of every language); `Chatter` shows those as debug, which `--verbose` turns on.
"""

from __future__ import annotations

import logging


class Chatter(logging.Filter):
    """A handler filter that shows the info records of some loggers as debug records."""

    def __init__(self, loggers: tuple[str, ...], verbose_when: logging.Logger) -> None:
        super().__init__(name="fristed.build_log.chatter")
        self.loggers = loggers
        self.verbose_when = verbose_when

    def filter(self, record: logging.LogRecord) -> bool:
        """Demote an info record of one of `loggers`; keep it only when `verbose_when` shows debug."""
        if record.levelno != logging.INFO or not any(
            record.name == name or record.name.startswith(f"{name}.") for name in self.loggers
        ):
            return True
        record.levelno, record.levelname = logging.DEBUG, "DEBUG"
        return self.verbose_when.isEnabledFor(logging.DEBUG)


def quiet(logger: logging.Logger, chatter: tuple[str, ...]) -> None:
    """Give every handler of `logger` one `Chatter` filter for the `chatter` loggers."""
    for handler in logger.handlers:
        for old in [f for f in handler.filters if getattr(f, "name", None) == "fristed.build_log.chatter"]:
            handler.removeFilter(old)
        handler.addFilter(Chatter(chatter, logger))


def summary(languages: int, pages: int, seconds: float, warnings: int = 0) -> str:
    """The build's one line: `Built 15 languages, 90 pages in 11.4 s`, and how many warnings it logged."""
    line = f"Built {_count(languages, 'language')}, {_count(pages, 'page')} in {seconds:.1f} s"
    return f"{line}, with {_count(warnings, 'warning')} (above)" if warnings else line


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'s' * (number != 1)}"
