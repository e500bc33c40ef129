"""Write `_headers`: the security and caching headers, for static hosts that read that format."""

from pathlib import Path

from _build_state import site_finished
from mkdocs.plugins import event_priority

from fristed.mirror.headers import write_headers_file


# After the offline files (-150), which it gives rules too; before the manifest (-170) lists it.
@event_priority(-155)
def on_post_build(config):
    """Write `_headers` at the site's root."""
    if not site_finished(config):
        return
    write_headers_file(Path(config.site_dir))
