"""The HTML of generated pages between MkDocs rendering them and writing them, held compressed.

MkDocs renders every page before it writes the first one (the navigation of each page needs them
all), so a big handbook's pages would all sit in memory as text at once: for 1,000 journeys that
is most of the build's memory. Handbook pages compress about tenfold, so each is held compressed
once every plugin has seen its content, and given back, whole, just before the theme and the
search plugins read it.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass, field

# What the page's content reads while it is held: no plugin between the two events reads it.
HELD = "<!--journeys-held-->"


@dataclass
class HeldPages:
    """Compressed HTML by page source path."""

    pages: dict[str, bytes] = field(default_factory=dict)

    def hold(self, path: str, html: str) -> str:
        """Keep the page's HTML (compressed) and give the stand-in MkDocs keeps meanwhile."""
        # Level 1: a tenth of the size at a few milliseconds a page; higher levels gain little more.
        self.pages[path] = zlib.compress(html.encode("utf-8", "surrogatepass"), 1)
        return HELD

    def give_back(self, path: str, content: str | None) -> str | None:
        """The page's HTML, when it is held (and its content still the stand-in); else ``content``."""
        held = self.pages.pop(path, None)
        if held is None or content != HELD:
            return content
        return zlib.decompress(held).decode("utf-8", "surrogatepass")

    def clear(self) -> None:
        self.pages.clear()
