"""The escapers' quick ways give exactly what their full work gives."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from mkdocs_journeys import escape

# What means something to the escaping, and what looks like it: Unicode spaces and digits count as
# the start of a Markdown list, as they do for the full escaping.
MARKDOWN_MEANINGFUL = st.sampled_from([*"&<>*_`[]()\\{}#|~^=:!+$@", "\n", "\r", "\r\n", " ", "\t", "\u2003",
                                       "1", "42", ".", ")", "-", "a", "Zoë", "٣"])


@given(st.one_of(st.text(), st.lists(MARKDOWN_MEANINGFUL, max_size=12).map("".join)))
@example("1. x")
@example(" 2. x")
@example("\u2003٣. x")
@example("- x")
@example("a\rb")
@example("x\r\n")
@example("Checks the overdraft status")
def test_plain_text_is_escaped_alike_whether_it_takes_the_quick_way_or_not(text: str) -> None:
    """The quick way (nothing to escape: the text itself) gives what the full escaping gives."""
    assert escape.plain(text) == (escape._escaped(text) if text else "")
