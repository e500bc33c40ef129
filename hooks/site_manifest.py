"""Write `site-manifest.json`: the version, commit and date the site was built from, and the
SHA-256 of every file, so anyone can check that a mirror is an exact copy."""

from pathlib import Path

from _build_state import site_finished
from mkdocs.plugins import event_priority

from fristed.mirror.manifest import write_site_manifest
from fristed.source import source_of


# The very last step: it hashes every file, the pre-compressed copies (-160) included.
@event_priority(-170)
def on_post_build(config):
    """List and hash the finished site."""
    if not site_finished(config):
        return
    source = source_of(Path(config.config_file_path).parent)
    write_site_manifest(Path(config.site_dir), source.version, source.commit, source.date_text)
