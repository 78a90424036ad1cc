/* The embed-height protocol, written once: a chart in an iframe posts its height and the page
   around the iframe sets the iframe to it. The same script runs in both places: the page of an
   article (the snippet under the embed code, the export's embed.js) listens; the app's embed
   page and the exported chart pages also call dashboardEmbedHeight.report. dashboard.share
   fills in the __NAMES__ and drops these comments. */
window.dashboardEmbedHeight = window.dashboardEmbedHeight || (function () {
  var type = __HEIGHT_MESSAGE__, lowest = __MIN_HEIGHT__, highest = __MAX_HEIGHT__;
  // Host page: size the iframe the message came from, within bounds.
  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!data || data.type !== type) return;
    var height = Math.round(Number(data.height));
    if (!(height >= lowest && height <= highest)) return;
    var frames = document.getElementsByTagName("iframe");
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) { frames[i].style.height = height + "px"; }
    }
  });
  // In a frame: post the height of measure() now and whenever it changes; returns the poster.
  function report(chart, measure) {
    function post() {
      if (window.parent === window) return;
      var height = Math.ceil(measure().getBoundingClientRect().height);
      window.parent.postMessage({type: type, chart: chart, height: height}, "*");
    }
    if (window.ResizeObserver) { new ResizeObserver(post).observe(measure()); }
    window.addEventListener("resize", post);
    window.addEventListener("load", post);
    post();
    return post;
  }
  return {report: report};
})();
