"""Reader safety on every page: the helpline and the quick exit in the header, the content
security policy, and links to other sites that tell them nothing of this one."""

from _build import project_of, settings_of

from fristed.safety import CONTENT_SECURITY_POLICY, mark_external_links


def on_env(env, config, files):
    """Give templates the helpline, the quick exit destination and the security policy."""
    env.globals["helpline"] = project_of(config).facts.phone("helpline")
    env.globals["quick_exit_url"] = settings_of(config).quick_exit_url
    env.globals["content_security_policy"] = CONTENT_SECURITY_POLICY
    return env


def on_page_content(html, page, config, files):
    """Mark links to other sites `noopener noreferrer`."""
    return mark_external_links(html)
