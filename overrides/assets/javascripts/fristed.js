// Starts each component on the elements that ask for it with `data-module`. Components are
// ES modules exporting `init(root, config)`; their strings come from the element's data-*.
import * as discreetBrowsing from "./components/discreet-browsing.js";
import * as exitThisPage from "./components/exit-this-page.js";
import * as offline from "./components/offline.js";
import * as search from "./components/search.js";

const components = {
  "discreet-browsing": discreetBrowsing,
  "exit-this-page": exitThisPage,
  offline,
  search,
};

for (const root of document.querySelectorAll("[data-module]")) {
  components[root.dataset.module]?.init(root, { ...root.dataset });
}
