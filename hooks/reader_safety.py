"""Reader safety on every page: the helpline and the quick exit in the header, the content
security policy, and links to other sites that tell them nothing of this one."""

from pathlib import Path

from mkdocs.exceptions import PluginError

from fristed.safety import CONTENT_SECURITY_POLICY, mark_external_links, quick_exit_url
from fristed.site import load_site


def on_config(config):
    """Refuse a quick exit destination that is not an https address."""
    try:
        quick_exit_url(config.extra)
    except ValueError as error:
        raise PluginError(str(error)) from None


def on_env(env, config, files):
    """Give templates the helpline, the quick exit destination and the security policy."""
    env.globals["helpline"] = load_site(Path(config.config_file_path).parent).facts.phones["rosa"]
    env.globals["quick_exit_url"] = quick_exit_url(config.extra)
    env.globals["content_security_policy"] = CONTENT_SECURITY_POLICY
    return env


def on_page_content(html, page, config, files):
    """Mark links to other sites `noopener noreferrer`."""
    return mark_external_links(html)
