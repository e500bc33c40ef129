"""Write `.gz` and `.br` copies beside every text file, for a mirror's server to send as they are."""

from pathlib import Path

from mkdocs.plugins import event_priority

from fristed.assets.compress import precompress


# After the offline files (-150), which are compressed too.
@event_priority(-160)
def on_post_build(config):
    """Pre-compress the finished site."""
    i18n = config.plugins.get("i18n")
    if i18n is not None and i18n.building:
        return  # a language build inside static-i18n's: the site is not finished yet
    precompress(Path(config.site_dir))
