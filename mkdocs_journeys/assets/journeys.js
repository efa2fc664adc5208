/* mkdocs-journeys: draws the handbook's charts in the browser.
 *
 * The build writes each chart as
 *   <div class="journeys-chart" data-journeys-figure='{"data": …, "layout": …}' data-journeys-plotly="…/plotly.min.js">
 * followed by the same data as a table. The figure lives in an attribute, not in an inline script,
 * because Material's instant navigation re-creates inline scripts without their attributes.
 *
 * This one shared script, loaded on every page:
 * - draws the charts of each page it sees: at load, and after every instant navigation (Material's
 *   document$), loading plotly.js from the site itself once, and only on pages with a chart;
 * - colours them from the page's theme (figures carry no colours of their own) and again when the
 *   reader toggles the palette;
 * - resizes them with the layout and before printing;
 * - follows a click on a point whose customdata[0] is a link (a touchpoint, a journey);
 * - shows a short message in the chart's box, and opens its data table, when a chart cannot be drawn.
 * Nothing is fetched from another host, and nothing here throws into the page.
 */
(() => {
  "use strict";

  /* Charts show internal data: no button, link or default address may send it to another host.
     plotly.js 4 calls its upload button sendChartToCloud ("Share chart…") and posts to plotlyServerURL;
     earlier versions had sendDataToCloud, editInChartStudio and an "Edit chart" link (showLink). */
  const CONFIG = {
    responsive: true,
    displaylogo: false,
    showSendToCloud: false,
    showEditInChartStudio: false,
    showLink: false,
    sendData: false,
    linkText: "",
    plotlyServerURL: "",
    modeBarButtonsToRemove: ["sendChartToCloud", "sendDataToCloud", "editInChartStudio", "select2d", "lasso2d"],
  };
  const charts = new Set();  /* drawn charts, forgotten when instant navigation removes them */
  let plotly = null;         /* the one promise of plotly.js for the whole visit */
  let plotlyCss = null;      /* a copy of plotly.js's style sheet, see keepPlotlyCss */

  const resizer = "ResizeObserver" in window
    ? new ResizeObserver((entries) => entries.forEach((entry) => resize(entry.target)))
    : null;

  function loadPlotly(src) {
    if (window.Plotly) {
      return Promise.resolve(window.Plotly);
    }
    if (!plotly) {
      plotly = new Promise((resolve, reject) => {
        const script = document.createElement("script");
        script.src = src;
        script.async = true;
        script.onload = () => {
          if (window.Plotly) {
            keepPlotlyCss();
            resolve(window.Plotly);
          } else {
            reject(new Error("plotly.js did not start"));
          }
        };
        script.onerror = () => reject(new Error("plotly.js could not be loaded"));
        document.head.appendChild(script);
      }).catch((error) => {
        plotly = null;  /* the next page tries again */
        throw error;
      });
    }
    return plotly;
  }

  /* plotly.js writes its style sheet (hover, drag layers, mode bar) into <head> once, when it loads,
     and Material's instant navigation removes from <head> whatever the next page does not have:
     points would then swallow the mouse. Keep a copy in <body>, which instant navigation leaves be. */
  function keepPlotlyCss() {
    if (!plotlyCss) {
      const source = document.getElementById("plotly.js-style-global");
      if (!source || !source.sheet) {
        return;
      }
      plotlyCss = document.createElement("style");
      plotlyCss.setAttribute("data-journeys-plotly-css", "");
      plotlyCss.textContent = Array.from(source.sheet.cssRules, (rule) => rule.cssText).join("\n");
    }
    if (!plotlyCss.isConnected) {
      document.body.appendChild(plotlyCss);
    }
  }

  /* --- Colours: Material's custom properties, as the browser resolves them ------------------- */

  function scheme() {
    return document.body.getAttribute("data-md-color-scheme") || "default";
  }

  /* The colours of the current palette as rgb()/rgba() strings, which plotly reads whatever notation
     the theme uses (Material's dark palette is written in hsla() with degrees). */
  function palette() {
    const probe = document.createElement("span");
    probe.hidden = true;
    document.body.appendChild(probe);
    const colour = (name, fallback) => {
      probe.style.color = fallback;
      probe.style.color = `var(${name}, ${fallback})`;
      return getComputedStyle(probe).color;
    };
    const colours = {
      fg: colour("--md-default-fg-color", "#222"),
      light: colour("--md-default-fg-color--lighter", "rgba(0, 0, 0, 0.32)"),
      muted: colour("--md-default-fg-color--light", "rgba(0, 0, 0, 0.54)"),  /* 4.5:1 on either palette */
      lightest: colour("--md-default-fg-color--lightest", "rgba(0, 0, 0, 0.07)"),
      bg: colour("--md-default-bg-color", "#fff"),
      primary: colour("--md-primary-fg-color", "#4051b5"),
    };
    probe.remove();
    const text = document.querySelector(".md-typeset") || document.body;
    colours.font = getComputedStyle(text).fontFamily || "sans-serif";
    return colours;
  }

  /* Layout changes in Plotly.relayout's dotted form. */
  function themeUpdate() {
    const c = palette();
    const update = {
      "paper_bgcolor": "rgba(0,0,0,0)",
      "plot_bgcolor": "rgba(0,0,0,0)",
      "font.color": c.fg,
      "font.family": c.font,
      "hoverlabel.bgcolor": c.bg,
      "hoverlabel.bordercolor": c.primary,
      "hoverlabel.font.color": c.fg,
      "modebar.bgcolor": "rgba(0,0,0,0)",
      "modebar.color": c.muted,  /* buttons: 3:1 at least, which --lighter is not */
      "modebar.activecolor": c.primary,
    };
    for (const axis of ["xaxis", "yaxis"]) {
      update[`${axis}.gridcolor`] = c.lightest;
      update[`${axis}.zerolinecolor`] = c.light;
      update[`${axis}.linecolor`] = c.light;
    }
    return update;
  }

  /* The same changes written into a layout object, for Plotly.newPlot. */
  function themed(layout, update) {
    for (const [path, value] of Object.entries(update)) {
      const keys = path.split(".");
      let node = layout;
      for (const key of keys.slice(0, -1)) {
        if (typeof node[key] !== "object" || node[key] === null) {
          node[key] = {};
        }
        node = node[key];
      }
      node[keys[keys.length - 1]] = value;
    }
    return layout;
  }

  function retheme() {
    const current = scheme();
    if (!window.Plotly) {
      return;
    }
    const update = themeUpdate();
    for (const el of charts) {
      if (!el.isConnected) {
        forget(el);
      } else if (el.getAttribute("data-journeys-scheme") !== current) {
        Promise.resolve()
          .then(() => window.Plotly.relayout(el, Object.assign({}, update, markUpdate(el.layout))))
          .then(() => el.setAttribute("data-journeys-scheme", current))
          .catch(() => {});
      }
    }
  }

  /* "Highest" and "Lowest" on the emotion curve: plotly draws annotation arrows in a fixed dark grey,
     which vanishes on the dark palette; they take the text's colour instead. */
  function markUpdate(layout) {
    const update = {};
    const annotations = (layout && Array.isArray(layout.annotations)) ? layout.annotations : [];
    const fg = palette().fg;
    annotations.forEach((note, i) => {
      if (note && note.name === "journeys-extreme") {
        update[`annotations[${i}].arrowcolor`] = fg;
        update[`annotations[${i}].font.color`] = fg;
      }
    });
    return update;
  }

  /* --- Labels that fit the width drawn --------------------------------------------------------- */

  let measure = null;

  function textWidth(text, size, family) {
    measure = measure || document.createElement("canvas").getContext("2d");
    measure.font = `${size}px ${family}`;
    return Math.max(...String(text).split(/<br>/i).map((line) => measure.measureText(line).width));
  }

  function unescaped(text) {
    const box = document.createElement("textarea");
    box.innerHTML = String(text);
    return box.value;
  }

  function escaped(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }

  /* The stage labels over a curve (annotations named journeys-stage) in one row when each fits over
     its stage, else in two staggered rows; a label still too wide is shortened with "…", its full
     name in its hover. Touchpoint labels stand upright when their column is too narrow for them
     lying down, and a curve too narrow even for that scrolls sideways (layout.meta.journeysMinWidth). */
  function fitLabels(el, depth) {
    const full = el._fullLayout;
    const layout = el.layout;
    if (!full || !layout || !window.Plotly || !el.isConnected) {
      return null;
    }
    const update = {};
    const meta = layout.meta || {};
    const minWidth = Number(meta.journeysMinWidth) || 0;
    if (minWidth) {
      const room = el.clientWidth;
      if (room && room < minWidth && layout.width !== minWidth) {
        update.width = minWidth;
        update.autosize = false;
      } else if (room >= minWidth && layout.width) {
        update.width = room;
        update.autosize = true;
      }
    }
    const family = (full.font && full.font.family) || "sans-serif";
    const xa = full.xaxis;
    const width = update.width || full.width;
    const length = xa ? xa._length + (width - full.width) : 0;  /* the plot's width once resized */
    const at = (x) => xa._offset + (xa.l2p(x) / xa._length) * length;
    const ticks = (layout.xaxis && layout.xaxis.ticktext) || [];
    if (xa && ticks.length > 1) {
      const column = length / ticks.length;
      const widest = Math.max(...ticks.map((t) => textWidth(unescaped(t), 12, family)));
      const angle = widest + 8 <= column ? 0 : -90;
      if (layout.xaxis.tickangle !== angle) {
        update["xaxis.tickangle"] = angle;
      }
    }
    const annotations = Array.isArray(layout.annotations) ? layout.annotations : [];
    const stages = [];
    annotations.forEach((note, i) => {
      if (note && note.name === "journeys-stage") {
        stages.push(i);
      }
    });
    if (xa && stages.length) {
      const names = stages.map((i) => unescaped(annotations[i].hovertext || annotations[i].text));
      const centres = stages.map((i) => at(annotations[i].x));
      const widths = names.map((name) => textWidth(name, 12, family));
      const room = (k, rows) => {
        const left = k - rows >= 0 ? centres[k] - centres[k - rows] : 2 * centres[k];
        const right = k + rows < centres.length ? centres[k + rows] - centres[k] : 2 * (width - centres[k]);
        return Math.min(left, right) - 10;
      };
      const rows = widths.every((w, k) => w <= room(k, 1)) ? 1 : 2;
      stages.forEach((i, k) => {
        let text = names[k];
        const space = room(k, rows);
        while (text.length > 1 && textWidth(text.length < names[k].length ? `${text}…` : text, 12, family) > space) {
          text = text.slice(0, -1).trimEnd();
        }
        const shown = escaped(text.length < names[k].length ? `${text}…` : text);
        const shift = 20 + (rows === 2 && k % 2 ? 16 : 0);
        if (annotations[i].text !== shown) {
          update[`annotations[${i}].text`] = shown;
        }
        if (annotations[i].yshift !== shift) {
          update[`annotations[${i}].yshift`] = shift;
        }
      });
    }
    if (!Object.keys(update).length) {
      return null;
    }
    /* once more, with the margins plotly found for the new labels */
    return window.Plotly.relayout(el, update).then(() => (depth || 0) < 2 ? fitLabels(el, (depth || 0) + 1) : null);
  }

  /* --- Size ----------------------------------------------------------------------------------- */

  function resize(el) {
    if (el.isConnected && charts.has(el) && window.Plotly) {
      Promise.resolve().then(() => window.Plotly.Plots.resize(el)).then(() => fitLabels(el)).catch(() => {});
    }
  }

  function resizeAll() {
    charts.forEach(resize);
  }

  /* --- Links ---------------------------------------------------------------------------------- */

  /* An anchor of this page (the touchpoint under a point), or another page of the site. */
  function follow(href) {
    let url;
    try {
      url = new URL(href, document.baseURI);
    } catch (error) {
      return;
    }
    if (!/^(https?|file):$/.test(url.protocol)) {
      return;
    }
    const here = new URL(location.href);
    if (url.hash && url.origin === here.origin && url.pathname === here.pathname && url.search === here.search) {
      const target = document.getElementById(decodeURIComponent(url.hash.slice(1)));
      if (target) {
        if (location.hash === url.hash) {
          target.scrollIntoView({ block: "start" });
        } else {
          /* :target, so Material keeps the heading clear of its header (Material renders the page
             again for a new anchor, as for its own links: drawAll draws the charts again) */
          location.hash = url.hash;
        }
        return;
      }
    }
    /* Through a real link, so that Material's instant navigation takes it when it is enabled. */
    const link = document.createElement("a");
    link.href = url.href;
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    link.remove();
  }

  function onPointClick(event) {
    const point = event && event.points && event.points[0];
    const custom = point && point.customdata;
    const href = Array.isArray(custom) ? custom[0] : null;
    if (typeof href === "string" && href) {
      follow(href);
    }
  }

  /* Steps of the process diagram are SVG links, which Material's instant navigation cannot handle
     (an SVG link's href is not a string): it never sees their clicks. A plain click is followed
     here; with a modifier key, the browser does what it does for any link. */
  function onDiagramClick(event) {
    const link = event.target instanceof Element ? event.target.closest(".journeys-diagram a") : null;
    if (!link) {
      return;
    }
    event.stopPropagation();
    const href = link.getAttribute("href") || link.getAttribute("xlink:href");
    if (href && event.button === 0 && !(event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)) {
      event.preventDefault();
      follow(href);
    }
  }

  /* --- Drawing -------------------------------------------------------------------------------- */

  function fail(el, reason) {
    el.removeAttribute("data-journeys-drawing");
    el.setAttribute("data-journeys-error", reason);
    el.removeAttribute("role");  /* the message is text to read, not an image */
    if (window.Plotly) {
      try {
        window.Plotly.purge(el);
      } catch (error) { /* nothing was drawn */ }
    }
    const table = el.nextElementSibling;
    const hasTable = table !== null && table.matches("details.journeys-chart-alt");
    const note = document.createElement("p");
    note.className = "journeys-chart-error";
    note.textContent = `This chart could not be drawn: ${reason}.` + (hasTable ? " Its data is in the table below." : "");
    el.replaceChildren(note);
    if (hasTable) {
      table.open = true;
    }
  }

  function forget(el) {
    charts.delete(el);
    if (resizer) {
      resizer.unobserve(el);
    }
    try {
      window.Plotly.purge(el);  /* drops plotly's own listeners on window */
    } catch (error) { /* already gone */ }
  }

  function draw(el, Plotly) {
    let figure;
    try {
      figure = JSON.parse(el.getAttribute("data-journeys-figure"));
    } catch (error) {
      figure = null;
    }
    if (!figure || !Array.isArray(figure.data)) {
      return Promise.reject(new Error("its data cannot be read"));
    }
    const current = scheme();
    const layout = themed(figure.layout || {}, themeUpdate());
    for (const [path, value] of Object.entries(markUpdate(layout))) {
      const [, index, key] = /^annotations\[(\d+)\]\.(.+)$/.exec(path);
      themed(layout.annotations[Number(index)], { [key]: value });
    }
    return Promise.resolve()
      .then(() => Plotly.newPlot(el, figure.data, layout, CONFIG))
      .then(() => fitLabels(el))
      .then(() => {
        el.removeAttribute("data-journeys-drawing");
        el.setAttribute("data-journeys-drawn", "");
        el.setAttribute("data-journeys-scheme", current);
        el.on("plotly_click", onPointClick);
        charts.add(el);
        if (resizer) {
          resizer.observe(el);
        }
        if (scheme() !== current) {
          retheme();  /* the palette changed while the chart was being drawn */
        }
      });
  }

  /* Every chart of the page not drawn yet. */
  function drawAll() {
    for (const el of charts) {
      if (!el.isConnected) {
        forget(el);
      }
    }
    const pending = Array.from(document.querySelectorAll("[data-journeys-figure]")).filter((el) =>
      !["data-journeys-drawn", "data-journeys-drawing", "data-journeys-error"].some((a) => el.hasAttribute(a)));
    if (!pending.length) {
      return;
    }
    if (window.Plotly) {
      keepPlotlyCss();
    }
    for (const el of pending) {
      el.setAttribute("data-journeys-drawing", "");
      let src = null;
      try {
        src = new URL(el.getAttribute("data-journeys-plotly"), document.baseURI).href;
      } catch (error) { /* below */ }
      if (!el.getAttribute("data-journeys-plotly") || !src) {
        fail(el, "the address of plotly.js is missing");
        continue;
      }
      loadPlotly(src)
        .then((Plotly) => draw(el, Plotly))
        .catch((error) => fail(el, (error && error.message) || String(error)));
    }
  }

  function start() {
    new MutationObserver(retheme).observe(document.body, {
      attributes: true,
      attributeFilter: ["data-md-color-scheme"],
    });
    window.addEventListener("beforeprint", resizeAll);
    document.addEventListener("click", onDiagramClick, true);
    if (window.document$ && typeof window.document$.subscribe === "function") {
      window.document$.subscribe(drawAll);  /* the first page, and every page after instant navigation */
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
