"""What a change does to a handbook, as a reviewer reads it: a semantic diff of two handbooks.

``compare`` builds the structured :class:`Report` (``report`` holds its parts): ``parts`` takes
definitions apart, ``renames`` recognises an id changed on an otherwise alike definition or part,
``fields``, ``ownership``, ``metrics``, ``emotion``, ``findings``, ``errors`` and ``layout`` each
compare one aspect. ``sections`` lays the report out as the comment's data (``comment``), which
``markdown`` writes, every handbook text made inert by ``inert`` and cut to one comment's length by
``budget``; ``as_text`` writes it for terminals and e-mail; ``summary`` and ``as_json`` write the
rest, with ``links`` to the published pages; ``git`` reads a handbook at a revision without touching
the work tree.
"""

from .as_json import report_data, report_json
from .as_text import render_text
from .compare import compare
from .links import Links
from .markdown import render_markdown
from .report import Report
from .summary import summary

__all__ = ["Links", "Report", "compare", "render_markdown", "render_text", "report_data", "report_json", "summary"]
