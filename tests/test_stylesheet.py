"""The purged stylesheet and each page's critical CSS, from small stylesheets and pages (no build)."""

from __future__ import annotations

import pytest

from fristed.assets.critical import critical_css, parse_rules, style_hash
from fristed.assets.stylesheet import TokenParser, drop_unused_properties, purge
from fristed.safety import CONTENT_SECURITY_POLICY, content_security_policy

PAGE = '<html dir="ltr"><body><div class="a" data-md-color-primary="indigo"><p id="x">Hei</p></div></body></html>'


def tokens_of(html: str) -> set[str]:
    tokens = {"<html", "<body"}
    TokenParser(tokens).feed(html)
    return tokens


@pytest.mark.parametrize(
    ("css", "kept"),
    [
        (".a:not(.b){color:red}", True),  # the case: `.b` is only excluded, never required
        (".a:not(.b, .c) p{color:red}", True),  # a list inside :not() requires nothing either
        (".b{color:red}", False),  # a class no page has
        (".a .b{color:red}", False),  # every compound must be possible
        (":is(.b,.a) p{color:red}", True),  # :is() needs one of its selectors, not all
        (":is(.b,.c) p{color:red}", False),  # ...and none of these is there
        ("table td{color:red}", False),  # an element no page has
        ("#x::before{content:''}", True),  # pseudo-elements are not elements to look for
        ("[data-md-color-primary=indigo]{color:red}", True),  # the theme's own setting
        ("[data-md-color-primary=red]{color:red}", False),  # a setting the theme was not given
        ("[dir=rtl] .a{color:red}", True),  # other attributes need only their name: scripts set values
        ("@media screen{.b{color:red}}", False),  # an at-rule left empty goes too
        ("@media screen{.a{color:red}}", True),
    ],
)
def test_purge_keeps_a_rule_only_when_the_pages_can_match_it(css, kept):
    assert bool(purge(css, tokens_of(PAGE))) is kept


def test_purge_keeps_the_selectors_of_a_list_that_can_match():
    assert purge(".b,.a,p{color:red}", tokens_of(PAGE)) == ".a,p{color:red}"


def test_custom_properties_nothing_reads_are_dropped():
    css = ":root{--used:1px;--via:var(--used);--unused:url(x.svg)}.a{margin:var(--via)}"
    assert drop_unused_properties(css) == ":root{--used:1px;--via:var(--used)}.a{margin:var(--via)}"


SHEET = (
    ":root{--c:red;--unused:blue}"
    ".md-header{color:var(--c)}"
    ".md-header:hover{color:blue}"  # nothing is hovered before the reader touches the page
    "[dir=rtl] .md-header{float:right}"
    "[dir=ltr] .md-header{float:left}"
    ".md-nav__link{color:green}"  # a menu's entries: not the first screen
    "@media screen and (min-width:60em){.md-header{padding:0}}"
    ".md-typeset p{margin:0}"
    ".md-typeset table{border:0}"  # a table further down the page
    ".md-footer{color:gray}"
)
FRAME = (
    '<!doctype html><html dir="{dir}"><head></head><body><header class="md-header">Fristed</header>'
    '<main><nav class="md-nav md-nav--primary"><a class="md-nav__link">Hjem</a></nav>'
    '<article class="md-typeset"><h1>Tittel</h1>{blocks}<table></table></article></main>'
    '<footer class="md-footer"></footer></body></html>'
)


@pytest.mark.parametrize(
    ("direction", "expected"),
    [
        (
            "ltr",
            ":root{--c:red}.md-header{color:var(--c)}[dir=ltr] .md-header{float:left}"
            "@media screen and (min-width:60em){.md-header{padding:0}}.md-typeset p{margin:0}",
        ),
        (
            "rtl",
            ":root{--c:red}.md-header{color:var(--c)}[dir=rtl] .md-header{float:right}"
            "@media screen and (min-width:60em){.md-header{padding:0}}.md-typeset p{margin:0}",
        ),
    ],
)
def test_critical_css_holds_the_rules_of_the_first_screen_in_each_direction(direction, expected):
    page = FRAME.format(dir=direction, blocks="<p>Tekst</p>" * 8)
    assert critical_css(page, parse_rules(SHEET)) == expected


def test_critical_css_leaves_the_sidebars_menus_and_what_a_first_paint_does_not_draw_to_the_stylesheet():
    sheet = (
        ".md-sidebar{width:12rem}"  # the sidebar keeps its width, so the text stays where it is
        ".md-sidebar__scrollwrap{margin:0 .2rem}"  # the menus in it: their look comes later
        ".md-nav{font-size:.7rem}"
        ".md-select__inner{opacity:0}"  # the closed list of languages stays hidden
        ".md-select__inner:after{content:''}"  # the closed list's arrow draws nothing
        ".md-header{color:red;outline:none}"  # nothing is focused yet
    )
    page = (
        '<!doctype html><html dir="ltr"><head></head><body><header class="md-header">'
        '<div class="md-select"><div class="md-select__inner"></div></div></header><main>'
        '<div class="md-sidebar"><div class="md-sidebar__scrollwrap"><nav class="md-nav"></nav></div></div>'
        '<article class="md-typeset"><h1>Tittel</h1></article></main></body></html>'
    )
    assert (
        critical_css(page, parse_rules(sheet))
        == ".md-sidebar{width:12rem}.md-select__inner{opacity:0}.md-header{color:red}"
    )


def test_a_policy_allows_exactly_the_inline_style_it_names():
    policy = content_security_policy([style_hash("p{margin:0}")])
    digest = "QRQPRLGyxt3RJiKpYNjpkgHcmHU2PywsfL2e8oI0LQA="  # echo -n 'p{margin:0}' | openssl sha256 -binary | base64
    assert policy == f"{CONTENT_SECURITY_POLICY}; style-src 'self' 'sha256-{digest}'"
    assert "unsafe-inline" not in policy
