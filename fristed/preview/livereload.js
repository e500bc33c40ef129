// The preview's live reload (`make serve`), loaded as a file because the site's security policy
// runs no inline script. MkDocs' own inline poller, with its two numbers read from the tag: it
// asks the server for the newest build and reloads the page when there is one.
// A block, so its names stay out of the page's global scope.
{
  const script = document.currentScript;
  const epoch = Number(script.dataset.epoch);
  const requestId = script.dataset.request;
  let request;
  let timeout;

  const poll = () => {
    request = new XMLHttpRequest();
    request.onloadend = function () {
      if (parseFloat(this.responseText) > epoch) {
        location.reload();
      } else {
        timeout = setTimeout(poll, this.status === 200 ? 0 : 3000);
      }
    };
    // The server's own address, at its root whatever the page's path.
    request.open("GET", `/livereload/${epoch}/${requestId}`);
    request.send();
  };

  const stop = () => {
    if (request) request.abort();
    if (timeout) clearTimeout(timeout);
    request = timeout = undefined;
  };

  window.addEventListener("load", () => {
    if (document.visibilityState === "visible") poll();
  });
  window.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible") poll();
    else stop();
  });
  window.addEventListener("beforeunload", stop);
}
