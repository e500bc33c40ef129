# Fristed's commands, for people and CI alike. `make help` lists them.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Fonts for every script the site is written in (Ethiopic, Thai, Arabic...), so the browser
# tests' screenshots show the text a reader's phone shows, not empty boxes.
FONTS := /usr/share/fonts/truetype/noto/NotoSansEthiopic-Regular.ttf
# Material prints a notice about MkDocs 2.0 on every build; this is its documented switch.
export NO_MKDOCS_2_WARNING := 1

.DEFAULT_GOAL := help
.PHONY: help site serve test check lint bench lock clean release verify-mirror sync-mirror signing-key zim posters status \
	stamp new-language

help: ## List the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

site: $(VENV)/installed ## Build the site into site/ (sets up .venv first)
	$(BIN)/mkdocs build --strict

# The preview's port: `make serve PORT=8001` when 8000 is taken.
PORT ?= 8000

serve: $(VENV)/installed ## Preview the site at http://127.0.0.1:8000/, rebuilt on every save (PORT=8000)
	$(BIN)/mkdocs serve --strict --dev-addr 127.0.0.1:$(PORT)

# Two workers, one test file each at a time (a file's browser and built sites stay in one worker):
# the browser tests spend much of their time waiting on pages and timers, so two halve the wait.
TEST_WORKERS ?= 2

test: $(VENV)/installed test-tools lint check ## Run every test, browser tests in all three engines included
	$(BIN)/python -m pytest --numprocesses $(TEST_WORKERS) --dist loadfile

.PHONY: test-quick
test-quick: $(VENV)/installed ## The tests that need no site build and no browser: a quick answer
	$(BIN)/python -m pytest -m "not browser and not slow and not engines"

check: $(VENV)/installed ## Check every page and interface string: numbers, addresses, links, durations, legal terms (fast, no build)
	$(BIN)/python -m fristed check

lint: $(VENV)/installed ## Check the Python code's style
	$(BIN)/ruff check fristed hooks tests bench
	$(BIN)/ruff format --check fristed hooks tests bench

bench: $(VENV)/installed test-tools ## Print the benchmarks' figures (sizes, times, Lighthouse scores)
	@for script in bench/bench_*.py; do echo "== $$script"; $(BIN)/python $$script || exit 1; done

# The key mirrors trust: the project's own, or another (a fork's) given as PUBLIC_KEY=<file>.
PUBLIC_KEY ?= mirror/minisign.pub
# Where `make signing-key` writes the secret key: outside the project, so it is never committed.
SECRET_KEY ?= $(HOME)/.config/fristed/minisign.key

release: site ## Pack site/ into dist/: .tar.gz, .zip, SHA256SUMS; signed if FRISTED_SIGNING_KEY names the secret key
	$(BIN)/python -m fristed release --site site --out dist

signing-key: $(VENV)/installed ## Make the project's signing key pair: the secret key in SECRET_KEY, the public one in mirror/
	$(BIN)/python -m fristed signing-key --secret "$(SECRET_KEY)" --public mirror/minisign.pub

verify-mirror: site ## Check a mirror is an exact, signed, current copy: make verify-mirror URL=https://mirror.example/fristed/
	@test -n "$(URL)" || { echo "Give the mirror's address: make verify-mirror URL=https://mirror.example/fristed/" >&2; exit 2; }
	$(BIN)/python -m fristed verify-mirror "$(URL)" --reference site/site-manifest.json --public-key "$(PUBLIC_KEY)"

sync-mirror: $(VENV)/installed ## Install a signed release as a mirror's folder: make sync-mirror FROM=<archive or folder/> TO=<folder>
	@test -n "$(FROM)" -a -n "$(TO)" || { echo "Give the release and the folder: make sync-mirror FROM=https://example.org/releases/fristed-0.2.0.tar.gz TO=/var/www/fristed" >&2; exit 2; }
	$(BIN)/python -m fristed sync-mirror "$(FROM)" "$(TO)" --public-key "$(PUBLIC_KEY)" $(if $(FORCE),--force)

zim: site ## Write a ZIM file per language, for Kiwix, into dist/zim/
	$(BIN)/python -m fristed zim --site site --out dist/zim

posters: $(VENV)/installed $(FONTS) ## Write a poster and a card per language into dist/posters/ (BASE_URL=...)
	@test -n "$(BASE_URL)" || { echo "Give the site's address: make posters BASE_URL=https://example.org/fristed/" >&2; exit 2; }
	$(BIN)/python -m fristed posters --base-url "$(BASE_URL)" --out dist/posters

lock: $(VENV)/installed ## Re-pin requirements.txt (versions and hashes) from requirements.in
	$(BIN)/python -m pip install --quiet pip-tools==7.6.2
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url \
		--no-emit-find-links --output-file requirements.txt requirements.in

clean: ## Remove the build output, the virtual environment and the Node tools
	rm -rf site dist build $(VENV) test-artifacts node-tools/node_modules

# The virtual environment, with the pinned requirements and this project, rebuilt when they change.
$(VENV)/installed: requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes --requirement requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps --editable .
	touch $@

# What the tests drive, all from Debian (Playwright, Puppeteer and Selenium cannot download
# browsers here): the three engines readers' phones run, with WebKit's driver and a virtual
# screen for it; the web servers mirrors run; minisign, to check signatures as an NGO would.
TEST_PACKAGES := chromium chromium-driver firefox-esr webkit2gtk-driver xvfb fonts-noto-core \
	nginx libnginx-mod-http-brotli-static apache2 caddy minisign openssl
# Node tools (puppeteer-core for Firefox, Lighthouse), pinned in node-tools/package-lock.json.
NODE_TOOLS := node-tools/node_modules/.package-lock.json

.PHONY: test-tools
test-tools: $(NODE_TOOLS)
	@missing=$$(for package in $(TEST_PACKAGES); do \
		dpkg-query -W -f='$${Status}\n' $$package 2>/dev/null | grep -q '^install ok installed' || echo $$package; \
	done); \
	if [ -n "$$missing" ]; then $(MAKE) --no-print-directory debian-packages PACKAGES="$$(echo $$missing)"; fi

$(NODE_TOOLS): node-tools/package.json node-tools/package-lock.json
	cd node-tools && PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
	touch $@

$(FONTS):
	@$(MAKE) --no-print-directory debian-packages PACKAGES="fonts-noto-core"

# As root, installs PACKAGES without starting their services (the tests start the servers they
# need, on free ports); otherwise says what to install.
.PHONY: debian-packages
debian-packages:
	@if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		policy=/usr/sbin/policy-rc.d; written=; \
		if [ ! -e $$policy ]; then printf '#!/bin/sh\nexit 101\n' > $$policy && chmod +x $$policy && written=1; fi; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(PACKAGES); status=$$?; \
		if [ -n "$$written" ]; then rm -f $$policy; fi; \
		exit $$status; \
	else \
		echo "The browser tests need Debian packages that are missing. Install them with:" >&2; \
		echo "    sudo apt-get install $(PACKAGES)" >&2; \
		exit 1; \
	fi

# The translators' commands (see CONTRIBUTING.md). -------------------------------------------

status: $(VENV)/installed ## Show each page's translation state; also writes build/translation-status.json
	$(BIN)/python -m fristed status --json build/translation-status.json

stamp: $(VENV)/installed ## Mark a translated page up to date with its Norwegian page: make stamp PAGE=docs/fr/help.md
	@test -n "$(PAGE)" || { echo "Give the page you translated: make stamp PAGE=docs/fr/help.md" >&2; exit 2; }
	$(BIN)/python -m fristed stamp $(PAGE)

# LANG is also the shell's locale: only a LANG given on the command line names a language, and
# the command itself runs in a real locale, not in one named "so".
new-language: $(VENV)/installed ## Add a language, its pages in Norwegian to translate: make new-language LANG=so
	@test "$(origin LANG)" = "command line" || { echo "Give the language's code: make new-language LANG=so" >&2; exit 2; }
	LANG=C.UTF-8 $(BIN)/python -m fristed new-language "$(LANG)"
