// Firefox for the tests, over WebDriver BiDi with puppeteer-core: no geckodriver exists here.
// tests/engines/firefox.py starts this script and sends one JSON command a line on stdin:
//   {"id": 1, "command": "goto", "tab": 2, "url": "http://..."}
// and reads one JSON answer a line on stdout: {"id": 1, "value": ...} or {"id": 1, "error": "..."}.
// The first line it writes is {"ready": true}, once Firefox runs. Closing stdin closes Firefox.
import { createInterface } from "node:readline";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

// puppeteer-core lives in the project's node-tools/, not beside this script.
const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(join(here, "..", "..", "node-tools", "package.json"));
const puppeteer = require("puppeteer-core");

const options = JSON.parse(process.argv[2]);
const browser = await puppeteer.launch({
  browser: "firefox",
  protocol: "webDriverBiDi",
  executablePath: options.executable,
  headless: true,
  acceptInsecureCerts: true,
  extraPrefsFirefox: options.prefs,
  defaultViewport: options.viewport,
});

const tabs = new Map();
let lastTab = 0;

// Each command gets the message and answers with a JSON value (or throws).
const commands = {
  async open() {
    // A user context of its own: storage, service workers and permissions start empty.
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    tabs.set(++lastTab, page);
    return lastTab;
  },
  async close({ tab }) {
    await tabs.get(tab).browserContext().close();
    tabs.delete(tab);
  },
  async goto({ tab, url }) {
    await tabs.get(tab).goto(url, { waitUntil: "load" });
  },
  async evaluate({ tab, script, args }) {
    return tabs.get(tab).evaluate(`(${script})(...${JSON.stringify(args)})`);
  },
  async click({ tab, selector }) {
    await tabs.get(tab).click(selector);
  },
  async type({ tab, selector, text }) {
    await tabs.get(tab).type(selector, text);
  },
  async press({ tab, key }) {
    await tabs.get(tab).keyboard.press(key);
  },
  async url({ tab }) {
    // The document's own address: puppeteer's page.url() misses a page restored by Back from
    // the back-forward cache.
    return tabs.get(tab).evaluate("location.href").catch(() => tabs.get(tab).url());
  },
  async back({ tab }) {
    // Not goBack(): a page restored from the back-forward cache fires no load event to wait for.
    // The test waits for the address it expects.
    await tabs.get(tab).evaluate("history.back()");
  },
  async screenshot({ tab, path }) {
    await tabs.get(tab).screenshot({ path });
  },
};

const answer = (message) => process.stdout.write(`${JSON.stringify(message)}\n`);
answer({ ready: true });

const lines = createInterface({ input: process.stdin });
lines.on("line", async (line) => {
  const message = JSON.parse(line);
  try {
    const value = await commands[message.command](message);
    answer({ id: message.id, value: value ?? null });
  } catch (error) {
    answer({ id: message.id, error: String(error?.message ?? error).split("\n")[0] });
  }
});
lines.on("close", async () => {
  await browser.close();
  process.exit(0);
});
