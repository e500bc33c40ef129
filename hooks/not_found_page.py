"""Keep the site's root 404.html in the default language, and give each language its own.

Every language build writes `404.html` to the site root, so stock, the last language wins.
"""

from pathlib import Path

from mkdocs.plugins import event_priority

from fristed.site import load_site

default_not_found = ""


# After page_language.py has marked the page's language, so the copy filed here carries it.
@event_priority(-50)
def on_post_template(output_content, template_name, config):
    """File the 404 page of other languages under their folder; the root keeps the default one."""
    global default_not_found
    if template_name != "404.html":
        return output_content
    language = load_site(Path(config.config_file_path).parent).language(config.theme["language"])
    if language.default:
        default_not_found = output_content
        return output_content
    target = Path(config.site_dir) / language.folder / "404.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(output_content, encoding="utf-8")
    return default_not_found
