"""What a change does to a handbook, as a reviewer reads it: a semantic diff of two handbooks.

``compare`` builds the structured change, ``renames`` recognises an id changed on an otherwise
unchanged definition, ``markdown`` writes the pull-request comment and ``git`` reads a handbook
at a revision without touching the work tree.
"""

from .compare import Change, Report, compare
from .markdown import render_markdown

__all__ = ["Change", "Report", "compare", "render_markdown"]
