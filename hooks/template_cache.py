"""Compile the theme's templates once per run, not once per language.

static-i18n builds each language as a full MkDocs build, each with a new Jinja environment that
compiles every template again: with fifteen languages, most of the build's time. Jinja's
bytecode cache, kept here in memory for the run, lets every build after the first reuse them.
"""

import jinja2

# Keyed by template name and source checksum, so an edited template (`mkdocs serve`) compiles anew.
_compiled: dict[str, bytes] = {}


class _MemoryBytecodeCache(jinja2.BytecodeCache):
    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in _compiled:
            bucket.bytecode_from_string(_compiled[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        _compiled[bucket.key] = bucket.bytecode_to_string()


def on_env(env, config, files):
    """Share compiled templates between the language builds."""
    env.bytecode_cache = _MemoryBytecodeCache()
    return env
