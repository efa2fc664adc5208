"""A big handbook's pages are written only when MkDocs reads them, and held compressed between
MkDocs rendering and writing them; every other plugin and the theme still see each page whole."""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs_journeys.held_pages import HELD, HeldPages
from mkdocs_journeys.rebuilds import GeneratedPage

from .sites import build, example_handbook, make_site

# A hook file, run by MkDocs like any plugin listed after the journeys plugin: it records what the
# pages look like to a plugin at each event (its HTML hooks at the priorities plugins use to run
# last and first), whether a generated page was written before MkDocs read it, whether pages are
# really held between the events, and whether a one-off build let the handbook go.
HOOK = '''
import json
from pathlib import Path

from mkdocs.plugins import event_priority

seen = {"written_at_files": [], "content": {}, "context": {}, "post_page": {}, "held_at_env": [],
        "handbook_after_build": None}


def on_files(files, config):
    for file in files:
        if file.src_uri.startswith("handbook/journeys/"):
            seen["written_at_files"].append(file._text is not None)
    return files


@event_priority(-100)
def on_page_content(html, page, config, files):
    seen["content"][page.file.src_uri] = html
    return html


def on_env(env, config, files):
    seen["held_at_env"] = [file.page.content for file in files.documentation_pages()
                           if file.src_uri.startswith("handbook/journeys/") and file.page is not None]
    return env


@event_priority(100)
def on_page_context(context, page, config, nav):
    seen["context"][page.file.src_uri] = page.content
    return context


def on_post_page(output, page, config):
    seen["post_page"][page.file.src_uri] = output
    return output


def on_post_build(config):
    seen["handbook_after_build"] = config.plugins["journeys"].handbook is not None
    Path(config.config_file_path).with_name("seen.json").write_text(json.dumps(seen), encoding="utf-8")
'''


def test_other_plugins_see_whole_pages_and_pages_are_written_when_read(tmp_path: Path) -> None:
    # A hand-written page that links to a journey: the pages need the handbook while MkDocs reads
    # them, so they are written then (the other way is in test_pages_ahead).
    docs = {"index.md": "# Home\n\nSee [](journey:open-current-account).\n"}
    root = make_site(tmp_path / "site", example_handbook(), docs=docs, config={"hooks": ["hook.py"]})
    (root / "hook.py").write_text(HOOK, encoding="utf-8")
    result = build(root, strict=True)
    assert result.returncode == 0, result.log
    seen = json.loads((root / "seen.json").read_text(encoding="utf-8"))

    assert seen["written_at_files"] and not any(seen["written_at_files"])
    journey = "handbook/journeys/open-current-account.md"
    for event in ("content", "context"):
        html = seen[event][journey]
        assert HELD not in html and "journeys-html:" not in html
        assert 'class="journeys-map"' in html and '<table>' in html
    # the page a plugin saw is the page written, and the page in the search index
    assert seen["context"][journey] in seen["post_page"][journey]
    built = (root / "site/handbook/journeys/open-current-account/index.html").read_text(encoding="utf-8")
    assert seen["context"][journey] in built
    index = json.loads((root / "site/search/search_index.json").read_text(encoding="utf-8"))
    page = "handbook/journeys/open-current-account/"
    texts = " ".join(doc["text"] for doc in index["docs"] if doc["location"].startswith(page))
    assert "Line of visibility" in texts
    # between the events the pages are held, and by the end the handbook is let go
    assert seen["held_at_env"] and all(content == HELD for content in seen["held_at_env"])
    assert seen["handbook_after_build"] is False


def test_a_held_page_comes_back_as_it_was() -> None:
    held = HeldPages()
    html = "<p>Caf\u00e9 \u2192 \u26a0 " + "<td>x</td>" * 5000 + "</p>"
    assert held.hold("a.md", html) == HELD
    assert len(held.pages["a.md"]) < len(html) // 10
    assert held.give_back("a.md", HELD) == html
    assert held.give_back("a.md", HELD) == HELD  # given back once: no longer held


def test_a_page_changed_while_held_is_left_as_changed() -> None:
    held = HeldPages()
    held.hold("a.md", "<p>mine</p>")
    assert held.give_back("a.md", "<p>another plugin's</p>") == "<p>another plugin's</p>"
    assert held.give_back("b.md", None) is None


def test_a_generated_page_is_written_once_when_first_read() -> None:
    calls: list[int] = []

    def write() -> str:
        calls.append(1)
        return "# Written\n"

    page = GeneratedPage("handbook/x.md", src_dir=None, dest_dir="site", use_directory_urls=True)
    page._text, page._write = None, write
    assert calls == []
    assert page.content_string == "# Written\n"
    assert page.content_string == "# Written\n"
    assert calls == [1]
    page.content_string = "# Replaced\n"
    assert page.content_string == "# Replaced\n" and calls == [1]
