/* mkdocs-journeys: the journey map's "Download" buttons, as SVG or PNG for slides.
 *
 * The map is HTML and CSS. To hand it over as a picture, the grid is copied with the styles the
 * browser computed for it (colours of the current palette included) written onto each copied
 * element, and put into an SVG <foreignObject>; the PNG is that SVG drawn on a canvas. Everything
 * happens in the page: nothing is sent anywhere. One click handler on the document serves every map,
 * also on pages reached by instant navigation.
 */
(() => {
  "use strict";

  const SVG_NS = "http://www.w3.org/2000/svg";
  const PROPERTIES = [
    "display", "box-sizing", "position", "top", "left", "transform", "z-index",
    "width", "height", "min-width", "min-height",
    "grid-template-columns", "grid-template-rows", "grid-row", "grid-column", "column-gap", "row-gap",
    "align-items", "align-self", "justify-self", "flex-direction", "flex-wrap", "gap",
    "margin-top", "margin-right", "margin-bottom", "margin-left",
    "padding-top", "padding-right", "padding-bottom", "padding-left",
    "border-top-width", "border-right-width", "border-bottom-width", "border-left-width",
    "border-top-style", "border-right-style", "border-bottom-style", "border-left-style",
    "border-top-color", "border-right-color", "border-bottom-color", "border-left-color",
    "border-radius", "background-color", "color", "opacity",
    "font-family", "font-size", "font-weight", "font-style", "line-height", "letter-spacing",
    "text-align", "text-decoration-line", "text-transform", "white-space", "overflow-wrap", "word-break",
    "overflow", "clip", "clip-path", "vertical-align",
    "fill", "stroke", "stroke-width", "stroke-dasharray", "vector-effect",
  ];

  /* The page's own background: a transparent grid would show as black or white on a slide. */
  function background(element) {
    for (let node = element; node && node.nodeType === 1; node = node.parentElement) {
      const colour = getComputedStyle(node).backgroundColor;
      if (colour && colour !== "transparent" && !/rgba\(.*,\s*0\)$/.test(colour)) {
        return colour;
      }
    }
    return "#ffffff";
  }

  function inlineStyles(source, copy) {
    if (source.nodeType !== 1) {
      return;
    }
    const computed = getComputedStyle(source);
    const declarations = PROPERTIES.map((name) => `${name}: ${computed.getPropertyValue(name)}`);
    if (computed.position === "sticky") {
      declarations.push("position: relative", "left: 0");  /* the picture does not scroll */
    }
    copy.setAttribute("style", declarations.join("; "));
    copy.removeAttribute("class");
    for (let i = 0; i < source.children.length; i += 1) {
      inlineStyles(source.children[i], copy.children[i]);
    }
  }

  function toSvg(map) {
    const grid = map.querySelector(".journeys-map-grid");
    const width = Math.ceil(grid.scrollWidth);
    const height = Math.ceil(grid.scrollHeight);
    const copy = grid.cloneNode(true);
    inlineStyles(grid, copy);
    copy.style.width = `${width}px`;
    copy.style.minWidth = `${width}px`;
    copy.style.backgroundColor = background(map);
    copy.setAttribute("xmlns", "http://www.w3.org/1999/xhtml");
    const svg = document.createElementNS(SVG_NS, "svg");
    svg.setAttribute("xmlns", SVG_NS);
    svg.setAttribute("width", String(width));
    svg.setAttribute("height", String(height));
    svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
    const object = document.createElementNS(SVG_NS, "foreignObject");
    object.setAttribute("x", "0");
    object.setAttribute("y", "0");
    object.setAttribute("width", String(width));
    object.setAttribute("height", String(height));
    object.appendChild(copy);
    svg.appendChild(object);
    return { text: new XMLSerializer().serializeToString(svg), width, height };
  }

  function save(blob, name) {
    const url = URL.createObjectURL(blob);
    const link = document.createElement("a");
    link.href = url;
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  function toPng(svg, done) {
    const scale = Math.min(2, Math.max(1, window.devicePixelRatio || 1));
    const image = new Image();
    image.onload = () => {
      const canvas = document.createElement("canvas");
      canvas.width = Math.ceil(svg.width * scale);
      canvas.height = Math.ceil(svg.height * scale);
      const context = canvas.getContext("2d");
      context.scale(scale, scale);
      context.drawImage(image, 0, 0);
      canvas.toBlob((blob) => done(blob), "image/png");
    };
    image.onerror = () => done(null);
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg.text)}`;
  }

  function download(button) {
    const map = button.closest(".journeys-map");
    if (!map) {
      return;
    }
    const name = `journey-map-${map.getAttribute("data-journeys-map") || "journey"}`;
    const svg = toSvg(map);
    if (button.getAttribute("data-journeys-map-download") === "png") {
      toPng(svg, (blob) => {
        if (blob) {
          save(blob, `${name}.png`);
        } else {
          button.setAttribute("data-journeys-map-failed", "");
          button.title = "This browser could not draw the map as PNG: download the SVG instead.";
        }
      });
    } else {
      save(new Blob([svg.text], { type: "image/svg+xml" }), `${name}.svg`);
    }
  }

  document.addEventListener("click", (event) => {
    const target = event.target instanceof Element ? event.target : null;
    const button = target && target.closest("[data-journeys-map-download]");
    if (button) {
      event.preventDefault();
      try {
        download(button);
      } catch (error) {
        button.setAttribute("data-journeys-map-failed", "");
      }
    }
  });
})();
