"""Every link of the ``diff`` comment leads to a page and an anchor of the published site.

The published site is built for real from the old handbook, with and without directory URLs and
with an ``output`` folder of its own; each link of the comment is then looked up in the built files.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote

import pytest

from .conftest import Builder, SiteFactory
from .sites import anchors
from .test_diff import base, journey, run, touchpoint, write

SITE_URL = "https://cx.example.org/docs/"


def edit(files: dict[str, list[dict[str, object]]]) -> None:
    """Changes that link to every kind of page and anchor: journey, stage, touchpoint, step, persona
    removed, department, a resolved finding."""
    touchpoint(files, "sign")["emotion"] = 1
    journey(files)["stages"][0]["name"] = "Looking around"
    journey(files)["metrics"]["churn"]["actual"] = "2%"
    journey(files)["personas"] = ["saver"]
    del files["personas/parent.yml"]
    files["processes/kyc.yml"][0]["steps"][0]["sla"] = "2h"
    files["departments.yml"][0]["name"] = "Marketing and brand"


@pytest.mark.parametrize("directory_urls", [True, False])
def test_every_link_leads_to_a_built_page_and_anchor(directory_urls: bool, tmp_path: Path, site: SiteFactory,
                                                     build_site: Builder, capsys: pytest.CaptureFixture[str],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    old = write(tmp_path / "old", base())
    root = site(old, config={"site_url": SITE_URL, "use_directory_urls": directory_urls},
                plugin={"output": "cx/handbook"})
    built = build_site(root)
    assert built.returncode == 0, built.log
    files = base()
    edit(files)
    new = write(tmp_path / "new", files)

    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, str(root / "journeys"), str(new), "--config", str(root / "mkdocs.yml"))
    assert code == 0, err
    links = re.findall(r"\]\((https://[^)\s]+)\)", out)
    assert len(links) >= 7, out
    kinds = set()
    for link in links:
        assert link.startswith(SITE_URL), link
        path, _, anchor = unquote(link.removeprefix(SITE_URL)).partition("#")
        assert path.startswith("cx/handbook/"), link
        assert path.endswith("/") if directory_urls else path.endswith(".html"), link
        page = built.site / (path + "index.html" if path.endswith("/") else path)
        assert page.is_file(), link
        if anchor:
            assert anchor in anchors(page.read_text(encoding="utf-8")).ids, link
            kinds.add(anchor.split("-", 1)[0])
    assert kinds >= {"stage", "touchpoint", "step", "finding"}
