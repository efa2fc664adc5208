"""A one-off build whose hand-written pages do not use the handbook writes the generated pages at
once and lets the handbook go before MkDocs reads any page; the site is the same either way."""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs_journeys.pages_ahead import PageAhead, carried, carry

from .sites import build, example_handbook, make_site

# Listed after the journeys plugin, this hook's on_files runs once the plugin's has: it records
# whether a handbook object is still alive anywhere in the process, and whether the generated
# pages were written already. With REWRITES set it also rewrites Markdown (changing nothing), as
# plugins such as macros do, which keeps the handbook until MkDocs has read the pages.
HOOK = '''
import gc
import json
from pathlib import Path

from mkdocs_journeys.handbook import Handbook
from mkdocs_journeys.pages_ahead import PageAhead

seen = {}


def on_files(files, config):
    gc.unfreeze()
    seen["handbook_alive"] = any(isinstance(o, Handbook) for o in gc.get_objects())
    gc.freeze()
    journeys = [f for f in files if f.src_uri.startswith("handbook/journeys/")]
    seen["written_ahead"] = [isinstance(getattr(f._write, "__self__", None), PageAhead) for f in journeys]
    return files


def on_post_build(config):
    Path(config.config_file_path).with_name("seen.json").write_text(json.dumps(seen), encoding="utf-8")
'''
REWRITES = '''

def on_page_markdown(markdown, page, config, files):
    return markdown
'''


def _site(root: Path, hook: str, docs: dict[str, str] | None = None) -> tuple[Path, dict[str, object]]:
    site = make_site(root, example_handbook(), docs=docs, config={"hooks": ["hook.py"]})
    (site / "hook.py").write_text(hook, encoding="utf-8")
    result = build(site, strict=True)
    assert result.returncode == 0, result.log
    return site, json.loads((site / "seen.json").read_text(encoding="utf-8"))


def _built(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted((site / "site").rglob("*"))
            if path.is_file() and path.suffix in (".html", ".json", ".xml")}


def test_the_handbook_goes_before_mkdocs_reads_a_page_and_the_site_is_the_same(tmp_path: Path) -> None:
    ahead, seen_ahead = _site(tmp_path / "ahead", HOOK)
    assert seen_ahead["handbook_alive"] is False
    assert seen_ahead["written_ahead"] and all(seen_ahead["written_ahead"])  # type: ignore[arg-type]

    read, seen_read = _site(tmp_path / "read", HOOK + REWRITES)
    assert seen_read["handbook_alive"] is True
    assert seen_read["written_ahead"] and not any(seen_read["written_ahead"])  # type: ignore[arg-type]

    pages, other = _built(ahead), _built(read)
    assert "site/handbook/journeys/open-current-account/index.html" in pages
    assert "site/search/search_index.json" in pages
    assert sorted(pages) == sorted(other)
    differing = [path for path in pages if pages[path] != other[path]]
    assert differing == []


def test_a_hand_written_link_to_an_entity_keeps_the_handbook_for_the_pages(tmp_path: Path) -> None:
    docs = {"index.md": "# Home\n\nStart with [](journey:open-current-account).\n"}
    site, seen = _site(tmp_path / "linked", HOOK, docs)
    assert seen["handbook_alive"] is True
    home = (site / "site/index.html").read_text(encoding="utf-8")
    assert 'href="handbook/journeys/open-current-account/"' in home


LATE_PAGE = '''
from mkdocs.structure.files import File


def on_files(files, config):
    files.append(File.generated(config, "late.md", content="# Late\\n\\nSee [](journey:open-current-account).\\n"))
    return files
'''


def test_a_page_added_after_the_handbook_went_is_reported_not_silently_left(tmp_path: Path) -> None:
    site = make_site(tmp_path / "late", example_handbook(), config={"hooks": ["hook.py"]})
    (site / "hook.py").write_text(LATE_PAGE, encoding="utf-8")
    result = build(site)
    assert result.returncode == 0, result.log
    assert any("late.md: its links to handbook entities and embeds are left as written" in line
               and "before `journeys`" in line for line in result.warnings()), result.log


def test_a_page_carried_across_comes_back_as_it_was() -> None:
    markdown = "# Caf\u00e9 \u2192 \u26a0\n\n" + "| a | b |\n" * 2000
    page = PageAhead.written("handbook/journeys/x.md", "Caf\u00e9", None, markdown)
    assert len(page.compressed) < len(markdown) // 10
    (back,), nav = carried(carry([page], [{"Handbook": ["handbook/index.md"]}]))
    assert back == page and back is not page
    assert back.markdown() == markdown
    assert nav == [{"Handbook": ["handbook/index.md"]}]
