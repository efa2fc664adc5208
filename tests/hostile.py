"""A handbook whose every text field holds hostile markup, made from the models, and a reader for
what in a page could run.

The handbook is the spec's example with each value of a plain-text or Markdown field (found by
reading the pydantic models, so a field added later is covered too) replaced by markup that runs
if anything lets it through, naming its field so that a failure says where it came from.
"""

from __future__ import annotations

import html as html_lib
import re
import types
from html.parser import HTMLParser
from pathlib import Path
from typing import Annotated, Any, Union, get_args, get_origin

import yaml
from pydantic import AfterValidator, BaseModel, BeforeValidator

from mkdocs_journeys.kinds import KINDS
from mkdocs_journeys.model.fields import as_text, check_ref, check_slug


def plain_payload(field: str) -> str:
    return (f"{field} </title></text></svg><script>window.__pwned='{field}'</script>"
            f"<img src=x onerror=\"window.__pwned='{field}'\"> &lt;script&gt;window.__pwned=1&lt;/script&gt; "
            f"&amp;lt;b&amp;gt; \" onmouseover=\"window.__pwned='{field}'\" ' onfocus='alert(1)' "
            "[x](javascript:alert(1)) <a href=\"javascript:window.__pwned=1\">link</a> "
            "&lt;a href=javascript:alert(1)&gt;plotly&lt;/a&gt; {{ config.site_name }}")


def markdown_payload(field: str) -> str:
    return (f"**{field}** <script>window.__pwned='{field}'</script>\n\n"
            f"<img src=x onerror=\"window.__pwned='{field}'\"> <iframe srcdoc=\"<script>parent.__pwned=1</script>\">"
            "</iframe>\n\n[a](JaVaScRiPt:alert(1)) [b](&#106;avascript:alert(1)) "
            "<a href=\"&#x6A;avascript:alert(1)\">c</a> "
            "[d](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) "
            "![e](https://evil.example/pixel.png) <svg onload=\"window.__pwned=1\"></svg> "
            "<a href=\"vbscript:msgbox(1)\">f</a> <form action=\"javascript:alert(1)\"><button>g</button></form>")


def _kind_of(annotation: Any) -> tuple[str, Any] | None:
    """What a field holds: ``text``, ``markdown``, a model or a list or mapping of them; None otherwise."""
    origin = get_origin(annotation)
    if origin in (Union, types.UnionType):
        kinds = [_kind_of(arg) for arg in get_args(annotation) if arg is not type(None)]
        return next((k for k in kinds if k is not None), None)
    if origin is Annotated:
        base, *metadata = get_args(annotation)
        if base is str and any(isinstance(m, BeforeValidator) and m.func is as_text for m in metadata):
            if any(isinstance(m, AfterValidator) and m.func in (check_slug, check_ref) for m in metadata):
                return None  # an id or a reference: a slug, no room for markup
            described = any(getattr(m, "json_schema", {}).get("description") == "Markdown" for m in metadata
                            if hasattr(m, "json_schema"))
            return ("markdown" if described else "text", None)
        return _kind_of(base)
    if origin is list:
        inner = _kind_of(get_args(annotation)[0])
        return ("list", inner) if inner else None
    if origin is dict:
        inner = _kind_of(get_args(annotation)[1])
        return ("dict", inner) if inner else None
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return ("model", annotation)
    return None


def _fill(value: Any, kind: tuple[str, Any], field: str, seen: set[str]) -> Any:
    what, inner = kind
    if what in ("text", "markdown") and isinstance(value, (str, int, float)) and not isinstance(value, bool):
        seen.add(f"{field}:{what}")
        return markdown_payload(field) if what == "markdown" else plain_payload(field)
    if what == "list" and isinstance(value, list):
        return [_fill(item, inner, field, seen) for item in value]
    if what == "dict" and isinstance(value, dict):
        return {key: _fill(item, inner, field, seen) for key, item in value.items()}
    if what == "model" and isinstance(value, dict):
        return _fill_model(value, inner, seen)
    return value


def _fill_model(data: dict[str, Any], model: type[BaseModel], seen: set[str]) -> dict[str, Any]:
    """Every text field of the object hostile, those the example leaves out included."""
    out = dict(data)
    for name, info in model.model_fields.items():
        key = info.alias or name
        if name in KEEP:
            continue
        # pydantic keeps a field's own Annotated[...] metadata apart from its annotation
        annotation = Annotated[(info.annotation, *info.metadata)] if info.metadata else info.annotation
        kind = _kind_of(annotation)
        if kind is None:
            continue
        if key not in out and kind[0] in ("text", "markdown"):
            out[key] = ""
        if key not in out and kind == ("list", ("text", None)):
            out[key] = [""]
        if key in out:
            out[key] = _fill(out[key], kind, f"{model.__name__}.{name}", seen)
    return out


# Fields whose value changes what the handbook means, not only what it shows.
KEEP = {"unit", "reviewed", "reviewers"}  # a date and handles: hostile text there is an error, not text


def hostile_handbook(example: Path, target: Path) -> set[str]:
    """The example handbook copied to ``target`` with every text field hostile; the fields filled."""
    seen: set[str] = set()
    for path in sorted(example.rglob("*.yml")):
        documents = [d for d in yaml.safe_load_all(path.read_text(encoding="utf-8")) if d]
        filled = []
        for document in documents:
            model = KINDS[document["kind"]].model if document.get("kind") in KINDS else None
            filled.append(_fill_model(document, model, seen) if model else document)
        out = target / path.relative_to(example)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(yaml.safe_dump_all(filled, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return seen


# --- what in a page could run -------------------------------------------------------------------

_URL_ATTRIBUTES = {"href", "src", "xlink:href", "action", "formaction", "srcdoc", "data", "poster", "background"}
_BAD_SCHEME = re.compile(r"^(javascript|vbscript|data):", re.IGNORECASE)
_IGNORED = re.compile(r"[\x00-\x20]+")


class _Live(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("iframe", "object", "embed", "frame"):
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}=...>")
            if name in _URL_ATTRIBUTES and value is not None and _BAD_SCHEME.match(_IGNORED.sub("", value)):
                self.found.append(f"<{tag} {name}={value[:40]!r}>")
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script and "__pwned" in data:
            self.found.append(f"<script>{data[:40]}")


def live_markup(html: str) -> list[str]:
    """Every element, attribute or address in some HTML that could run or load author-written code."""
    parser = _Live()
    parser.feed(html)
    parser.close()
    return parser.found


def title_of(html: str) -> str:
    """The raw HTML between ``<title>`` and ``</title>``."""
    return html[html.index("<title>") + len("<title>"):html.index("</title>")]


def decodes_to_markup(text: str) -> bool:
    """Whether the text, decoded up to three times, would hold a tag or a live entity."""
    for _ in range(3):
        if "<" in text:
            return True
        text = html_lib.unescape(text)
    return "<" in text
