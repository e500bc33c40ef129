"""Stylesheets, scripts and icons named after their content, and every reference to them with them."""

from __future__ import annotations

import hashlib
import re

from fristed.assets.fingerprint import fingerprint_assets


def test_files_are_renamed_after_their_content_and_every_reference_follows(tmp_path):
    files = {
        "index.html": '<link href=assets/site.css rel=stylesheet><script src="assets/app.js" type=module></script>',
        "en/help.html": "<link href=../assets/site.css rel=stylesheet><a href=../index.html>Home</a>",
        "assets/site.css": "body{background:url(icon.svg)}",
        "assets/icon.svg": "<svg/>",
        "assets/app.js": 'import {init} from "./parts/part.js";const later=()=>import("./parts/lazy.js");',
        "assets/parts/part.js": "export function init(){}",
        "assets/parts/lazy.js": "export const x=1;",
    }
    for url, text in files.items():
        (tmp_path / url).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / url).write_text(text, encoding="utf-8")

    renamed = fingerprint_assets(tmp_path, ("assets/*.css", "assets/**/*.js", "assets/*.svg"))

    assert sorted(renamed) == [
        "assets/app.js",
        "assets/icon.svg",
        "assets/parts/lazy.js",
        "assets/parts/part.js",
        "assets/site.css",
    ]
    for old, new in renamed.items():
        stem, suffix = old.rsplit(".", 1)
        assert re.fullmatch(rf"{re.escape(stem)}\.[0-9a-f]{{12}}\.{suffix}", new)
        assert not (tmp_path / old).exists()
        # The name is the hash of the content as served, references rewritten.
        assert hashlib.sha256((tmp_path / new).read_bytes()).hexdigest()[:12] == new.rsplit(".", 2)[1]
    name = {old: new.rsplit("/", 1)[1] for old, new in renamed.items()}
    app = (tmp_path / renamed["assets/app.js"]).read_text(encoding="utf-8")
    assert f'from "./parts/{name["assets/parts/part.js"]}"' in app
    assert f'import("./parts/{name["assets/parts/lazy.js"]}")' in app
    assert f"url({name['assets/icon.svg']})" in (tmp_path / renamed["assets/site.css"]).read_text(encoding="utf-8")
    assert (tmp_path / "index.html").read_text(encoding="utf-8") == (
        f"<link href=assets/{name['assets/site.css']} rel=stylesheet>"
        f'<script src="assets/{name["assets/app.js"]}" type=module></script>'
    )
    assert (tmp_path / "en/help.html").read_text(encoding="utf-8") == (
        f"<link href=../assets/{name['assets/site.css']} rel=stylesheet><a href=../index.html>Home</a>"
    )


def test_a_changed_module_renames_the_script_that_imports_it(tmp_path):
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets/app.js").write_text('import {x} from "./part.js";', encoding="utf-8")
    (tmp_path / "assets/part.js").write_text("export const x = 1;", encoding="utf-8")
    first = fingerprint_assets(tmp_path, ("assets/*.js",))["assets/app.js"]
    for path in (tmp_path / "assets").iterdir():
        path.unlink()
    (tmp_path / "assets/app.js").write_text('import {x} from "./part.js";', encoding="utf-8")
    (tmp_path / "assets/part.js").write_text("export const x = 2;", encoding="utf-8")
    assert fingerprint_assets(tmp_path, ("assets/*.js",))["assets/app.js"] != first


def test_the_worker_precaches_the_built_assets_by_their_hashed_names(site):
    precache = (site / "sw-precache.js").read_text(encoding="utf-8")
    listed = set(re.findall(r'\["(assets/[^"]+)",', precache))
    built = {
        path.relative_to(site).as_posix()
        for path in (site / "assets").rglob("*")
        if path.is_file() and not path.name.endswith((".gz", ".br"))
    }
    assert listed and listed <= built
    assert all(re.search(r"\.[0-9a-f]{12}\.(css|js|png|svg)$", url) for url in listed), listed
    assert any(url.endswith(".css") for url in listed) and any(url.endswith(".png") for url in listed)
