"""Write `.gz` and `.br` copies beside every text file, for a mirror's server to send as they are."""

from pathlib import Path

from _build_state import site_finished
from mkdocs.plugins import event_priority

from fristed.assets.compress import precompress


# After the offline files (-150), which are compressed too.
@event_priority(-160)
def on_post_build(config):
    """Pre-compress the finished site."""
    if not site_finished(config):
        return
    precompress(Path(config.site_dir))
