"""The site's files made small: one purged stylesheet, minified code, pre-compressed copies."""
