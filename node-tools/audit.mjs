// Lighthouse on several pages with one browser: `node audit.mjs <categories> <url>...`, with
// CHROME_PATH (Debian's Chromium) and CHROME_FLAGS (a JSON list, the tests' flags) set.
// Prints, per URL, each category's score and the audits that fail in it, as JSON.
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";

const [categories, ...urls] = process.argv.slice(2);
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH,
  chromeFlags: ["--headless=new", ...JSON.parse(process.env.CHROME_FLAGS || "[]")],
});
const results = {};
try {
  for (const url of urls) {
    const { lhr } = await lighthouse(url, {
      port: chrome.port,
      logLevel: "error",
      onlyCategories: categories.split(","),
    });
    results[url] = {};
    for (const [id, category] of Object.entries(lhr.categories)) {
      // An audit fails when it counts towards the score and is not passed in full.
      const failing = category.auditRefs
        .map((ref) => lhr.audits[ref.id])
        .filter((audit) => ["binary", "numeric", "metricSavings"].includes(audit.scoreDisplayMode))
        .filter((audit) => audit.score !== null && audit.score < 1)
        .map((audit) => {
          // Where: the first elements it names, as CSS selectors.
          const where = (audit.details?.items || [])
            .map((item) => item.node?.selector)
            .filter(Boolean)
            .slice(0, 3);
          return `${audit.id}: ${audit.title}${where.length ? ` (${where.join("; ")})` : ""}`;
        });
      results[url][id] = { score: Math.round(category.score * 100), failing };
    }
  }
} finally {
  await chrome.kill();
}
console.log(JSON.stringify(results));
