"""Write each language's search index, which the page's search loads only when the reader opens it."""

from pathlib import Path

from _build_state import site_finished
from mkdocs.plugins import event_priority

from fristed.search import write_search_indexes
from fristed.site import load_site


# After the pages are minified (-110), before the offline files (-150) list the index for saving.
@event_priority(-130)
def on_post_build(config):
    """Index the finished pages of every language."""
    if not site_finished(config):
        return
    write_search_indexes(Path(config.site_dir), load_site(Path(config.config_file_path).parent).languages)
