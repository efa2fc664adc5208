/* mkdocs-journeys: draws the handbook's charts.
 *
 * Each chart is a <div data-journeys-figure='{"data":…,"layout":…}' data-journeys-plotly="…/plotly.min.js">
 * written by the build. Figure data lives in an attribute, not in an inline script, because
 * Material's instant navigation re-creates inline scripts without their attributes. This one
 * shared script finds the charts after every page load (Material's document$ when present),
 * loads plotly.js once from the site itself, applies the page's colours, re-themes on the
 * palette toggle and resizes with the layout. Nothing is fetched from another host.
 */
(function () {
  "use strict";

  var plotlyPromise = null;
  var drawn = [];

  function loadPlotly(src) {
    if (window.Plotly) {
      return Promise.resolve(window.Plotly);
    }
    if (!plotlyPromise) {
      plotlyPromise = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = src;
        script.async = true;
        script.setAttribute("data-journeys-plotly-loader", "");
        script.onload = function () {
          if (window.Plotly) {
            resolve(window.Plotly);
          } else {
            reject(new Error("plotly.js did not define Plotly"));
          }
        };
        script.onerror = function () {
          plotlyPromise = null;
          reject(new Error("plotly.js could not be loaded from " + src));
        };
        document.head.appendChild(script);
      });
    }
    return plotlyPromise;
  }

  function scheme() {
    return document.body.getAttribute("data-md-color-scheme") || "default";
  }

  function cssVar(name, fallback) {
    var value = getComputedStyle(document.body).getPropertyValue(name).trim();
    return value || fallback;
  }

  /* The page's colours, from Material's custom properties, so charts match light and dark. */
  function theme() {
    var dark = scheme() === "slate";
    var fg = cssVar("--md-default-fg-color", dark ? "#e2e4e9" : "#000000de");
    var light = cssVar("--md-default-fg-color--lighter", dark ? "#e2e4e952" : "#00000052");
    var lightest = cssVar("--md-default-fg-color--lightest", dark ? "#e2e4e91f" : "#00000012");
    var font = cssVar("--md-text-font-family", "") || getComputedStyle(document.body).fontFamily;
    return {
      "paper_bgcolor": "rgba(0,0,0,0)",
      "plot_bgcolor": "rgba(0,0,0,0)",
      "font.color": fg,
      "font.family": font,
      "xaxis.gridcolor": lightest,
      "yaxis.gridcolor": lightest,
      "xaxis.zerolinecolor": light,
      "yaxis.zerolinecolor": light,
      "xaxis.linecolor": light,
      "yaxis.linecolor": light,
      "hoverlabel.bgcolor": cssVar("--md-default-bg-color", dark ? "#1e2129" : "#ffffff"),
      "hoverlabel.font.color": fg,
      "hoverlabel.bordercolor": light
    };
  }

  function setPath(target, path, value) {
    var parts = path.split(".");
    var node = target;
    for (var i = 0; i < parts.length - 1; i++) {
      if (typeof node[parts[i]] !== "object" || node[parts[i]] === null) {
        node[parts[i]] = {};
      }
      node = node[parts[i]];
    }
    node[parts[parts.length - 1]] = value;
  }

  function themedLayout(layout) {
    var colours = theme();
    Object.keys(colours).forEach(function (path) {
      setPath(layout, path, colours[path]);
    });
    return layout;
  }

  function showError(el, message) {
    el.setAttribute("data-journeys-error", message);
    var note = document.createElement("p");
    note.className = "journeys-chart-error";
    note.textContent = "The chart could not be drawn (" + message + "). Its data is in the table below.";
    el.replaceChildren(note);
  }

  /* Go to an anchor of this page, or to another page. */
  function follow(href) {
    if (href.charAt(0) === "#") {
      var target = document.getElementById(decodeURIComponent(href.slice(1)));
      if (target && location.hash === href) {
        target.scrollIntoView({ block: "start" });
        return;
      }
      if (target) {
        location.hash = href;  /* updates :target, so Material keeps the heading clear of its header */
        return;
      }
    }
    window.location.href = href;
  }

  function onClick(event) {
    var point = event && event.points && event.points[0];
    var href = point && point.customdata && point.customdata[0];
    if (typeof href === "string" && href) {
      follow(href);
    }
  }

  /* Links inside the process diagrams are SVG links, which Material's instant navigation does not
     handle (an SVG link's href is not a string); follow them here before it sees the click. */
  function onDiagramClick(event) {
    var link = event.target && event.target.closest && event.target.closest("svg a");
    if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
      return;
    }
    var href = link.getAttribute("href") || link.getAttribute("xlink:href");
    if (href) {
      event.preventDefault();
      event.stopPropagation();
      follow(href);
    }
  }

  function draw(el, Plotly) {
    var figure;
    try {
      figure = JSON.parse(el.getAttribute("data-journeys-figure"));
    } catch (error) {
      showError(el, "its data is not valid JSON");
      return Promise.resolve();
    }
    var layout = themedLayout(figure.layout || {});
    var config = { responsive: true, displaylogo: false, modeBarButtonsToRemove: ["sendDataToCloud"] };
    return Plotly.newPlot(el, figure.data || [], layout, config).then(function () {
      el.setAttribute("data-journeys-drawn", "");
      el.setAttribute("data-journeys-scheme", scheme());
      el.on("plotly_click", onClick);
      drawn.push(el);
      if (window.ResizeObserver) {
        new ResizeObserver(function () {
          if (el.isConnected) {
            Plotly.Plots.resize(el);
          }
        }).observe(el);
      }
    });
  }

  function drawAll() {
    var pending = Array.prototype.slice.call(
      document.querySelectorAll("[data-journeys-figure]:not([data-journeys-drawn]):not([data-journeys-error])"));
    drawn = drawn.filter(function (el) { return el.isConnected; });
    if (!pending.length) {
      return;
    }
    var src = new URL(pending[0].getAttribute("data-journeys-plotly"), document.baseURI).href;
    loadPlotly(src).then(function (Plotly) {
      pending.forEach(function (el) {
        draw(el, Plotly).catch(function (error) {
          showError(el, String(error && error.message || error));
        });
      });
    }, function (error) {
      pending.forEach(function (el) { showError(el, error.message); });
    });
  }

  function retheme() {
    var current = scheme();
    drawn.forEach(function (el) {
      if (el.isConnected && el.getAttribute("data-journeys-scheme") !== current && window.Plotly) {
        window.Plotly.relayout(el, theme()).then(function () {
          el.setAttribute("data-journeys-scheme", current);
        });
      }
    });
  }

  function resizeAll() {
    drawn.forEach(function (el) {
      if (el.isConnected && window.Plotly) {
        window.Plotly.Plots.resize(el);
      }
    });
  }

  function start() {
    new MutationObserver(retheme).observe(document.body, {
      attributes: true, attributeFilter: ["data-md-color-scheme"]
    });
    window.addEventListener("beforeprint", resizeAll);
    window.addEventListener("click", onDiagramClick, true);
    if (window.document$ && typeof window.document$.subscribe === "function") {
      window.document$.subscribe(drawAll);  /* every page, after instant navigation too */
    } else {
      drawAll();
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
