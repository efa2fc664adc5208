"""A one-off build whose hand-written pages do not use the handbook writes the generated pages at
once and lets the handbook go before MkDocs reads any page; the site is the same either way."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from mkdocs_journeys.pages_ahead import PageAhead, carried, carry

from .sites import build, example_handbook, make_site

# Listed after the journeys plugin, this hook's on_files runs once the plugin's has: it records
# whether a handbook object is still alive anywhere in the process, what the renderers' link cache
# holds, and whether the generated pages were written already. REWRITES_FIRST rewrites Markdown
# before the journeys plugin reads it (changing nothing), as plugins such as macros do, which keeps
# the handbook until MkDocs has read the pages; REWRITES_AFTER does so after it (as Material's tags
# and blog plugins do), which cannot add anything the plugin would read.
HOOK = '''
import gc
import json
import subprocess
import sys
from pathlib import Path

from mkdocs.plugins import event_priority

from mkdocs_journeys.handbook import Handbook
from mkdocs_journeys.pages_ahead import PageAhead
from mkdocs_journeys.render.site import relative_path

seen = {}


def on_files(files, config):
    gc.unfreeze()
    seen["handbook_alive"] = any(isinstance(o, Handbook) for o in gc.get_objects())
    gc.freeze()
    seen["cached_links"] = relative_path.cache_info().currsize
    journeys = [f for f in files if f.src_uri.startswith("handbook/journeys/")]
    seen["written_ahead"] = [isinstance(getattr(f._write, "__self__", None), PageAhead) for f in journeys]
    return files


def on_post_build(config):
    Path(config.config_file_path).with_name("seen.json").write_text(json.dumps(seen), encoding="utf-8")
'''
REWRITES_FIRST = '''

@event_priority(100)
def on_page_markdown(markdown, page, config, files):
    return markdown
'''
REWRITES_AFTER = '''

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
    ahead, seen_ahead = _site(tmp_path / "ahead", HOOK + REWRITES_AFTER)
    assert seen_ahead["handbook_alive"] is False
    assert seen_ahead["cached_links"] == 0
    assert seen_ahead["written_ahead"] and all(seen_ahead["written_ahead"])  # type: ignore[arg-type]

    read, seen_read = _site(tmp_path / "read", HOOK + REWRITES_FIRST)
    assert seen_read["handbook_alive"] is True
    assert seen_read["cached_links"] > 0
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

record_files = on_files


def on_files(files, config):
    files.append(File.generated(config, "late.md", content="# Late\\n\\nSee [](journey:open-current-account).\\n"))
    return record_files(files, config)
'''


def test_a_page_added_after_the_handbook_went_has_it_read_again(tmp_path: Path) -> None:
    site = make_site(tmp_path / "late", example_handbook(), config={"hooks": ["hook.py"]})
    (site / "hook.py").write_text(HOOK + LATE_PAGE, encoding="utf-8")
    (site / "journeys/broken.yml").write_text("kind: journey\nid: broken\n", encoding="utf-8")
    result = build(site)
    assert result.returncode == 0, result.log
    seen = json.loads((site / "seen.json").read_text(encoding="utf-8"))
    assert seen["handbook_alive"] is False  # gone before the late page was read
    late = (site / "site/late/index.html").read_text(encoding="utf-8")
    assert 'href="../handbook/journeys/open-current-account/"' in late
    # the handbook's problems are logged once, not again when it is read for the late page
    problems = [line for line in result.warnings() if "broken.yml" in line]
    assert problems and len(problems) == len(set(problems)), result.log


def test_a_dirty_build_keeps_the_handbook_for_the_pages(tmp_path: Path) -> None:
    site = make_site(tmp_path / "dirty", example_handbook(), config={"hooks": ["hook.py"]})
    (site / "hook.py").write_text(HOOK, encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--dirty"], cwd=site, capture_output=True,
                            text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    seen = json.loads((site / "seen.json").read_text(encoding="utf-8"))
    assert seen["handbook_alive"] is True


def test_a_page_carried_across_comes_back_as_it_was() -> None:
    markdown = "# Caf\u00e9 \u2192 \u26a0\n\n" + "| a | b |\n" * 2000
    page = PageAhead.written("handbook/journeys/x.md", "Caf\u00e9", None, markdown)
    assert len(page.compressed) < len(markdown) // 10
    (back,), nav = carried(carry([page], [{"Handbook": ["handbook/index.md"]}]))
    assert back == page and back is not page
    assert back.markdown() == markdown
    assert nav == [{"Handbook": ["handbook/index.md"]}]
