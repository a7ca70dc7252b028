"""Markdown extension that keeps tooltips to the ones a reader needs.

The abbr extension marks every occurrence of an abbreviation: on the KVM page that is "KVM"
eighty times, each underlined. The toc extension gives every heading's permalink the English
title "Permanent link", on the Chinese site too. So:

- an abbreviation keeps its tooltip only at its first mention in a section (up to the next
  `<h2>`); later mentions are plain text;
- a permalink is named by `aria-label`, in the page's language, instead of a `title`.

(Material's `content.tooltips` feature stays off: it mounts a scripted tooltip on every element
with a title, up to half a second of a phone's main thread on the long pages.)
"""

from __future__ import annotations

from xml.etree.ElementTree import Element

from markdown import Extension
from markdown.treeprocessors import Treeprocessor

SECTION = "h2"


class TooltipExtension(Extension):
    def __init__(self, permalink_label: str) -> None:
        super().__init__()
        self.permalink_label = permalink_label

    def extendMarkdown(self, md) -> None:  # Markdown's API name
        md.treeprocessors.register(FirstMention(md), "atlas-first-mention", 6)  # after abbr (7)
        label = PermalinkLabel(md, self.permalink_label)
        md.treeprocessors.register(label, "atlas-permalink-label", 4)  # after toc (5)


class FirstMention(Treeprocessor):
    def run(self, root: Element) -> None:
        seen: set[tuple[str, str]] = set()
        for block in list(root):
            if block.tag == SECTION:
                seen = set()
            abbrs = list(block.iter("abbr"))
            if not abbrs:
                continue
            parents = {child: parent for parent in block.iter() for child in parent}
            for abbr in abbrs:
                key = (abbr.text or "", abbr.get("title", ""))
                if key in seen:
                    _unwrap(abbr, parents[abbr])
                seen.add(key)


class PermalinkLabel(Treeprocessor):
    def __init__(self, md, label: str) -> None:
        super().__init__(md)
        self.label = label

    def run(self, root: Element) -> None:
        for link in root.iter("a"):
            if link.get("class") == "headerlink":
                link.attrib.pop("title", None)
                link.set("aria-label", self.label)


def _unwrap(element: Element, parent: Element) -> None:
    """Replace the element by its text, keeping what follows it."""
    text = (element.text or "") + (element.tail or "")
    index = list(parent).index(element)
    if index == 0:
        parent.text = (parent.text or "") + text
    else:
        previous = parent[index - 1]
        previous.tail = (previous.tail or "") + text
    parent.remove(element)
