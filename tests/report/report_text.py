#!/usr/bin/env python3
"""report_text.py REPORT.html -- the text a reader of an `entente report` page
sees outside the charts, one block a line: headings, the answer's lines,
notes, figure captions, the method and sources tables (cells joined by " | ")
and the reproducing command; plus each chart's <title> and <desc> (what a
screen reader says, with the chart's numbers).  Golden tests diff
this, so a change to the numbers, the coverage notes or the sources shows.
Options: --skip-command drops the command line (it names temporary paths)."""
import sys
from html.parser import HTMLParser

BLOCKS = {"h1", "h2", "h3", "p", "figcaption", "tr", "pre"}


class Text(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out, self.buf, self.depth_svg, self.in_title, self.cells = [], None, 0, False, None
        self.in_style = False
        self.narrow = False

    def handle_starttag(self, tag, attrs):
        if tag == "style":
            self.in_style = True
        elif tag == "svg":
            self.depth_svg += 1
            self.narrow = (dict(attrs).get("id") or "").endswith("-narrow")
        elif self.depth_svg and tag in ("title", "desc") and not self.narrow:
            self.in_title, self.buf = True, []
        elif not self.depth_svg and tag in BLOCKS:
            self.buf = []
            if tag == "tr":
                self.cells = []
        elif not self.depth_svg and tag in ("td", "th") and self.cells is not None:
            self.buf = []
        elif tag == "br" and self.buf is not None:
            self.buf.append(" ")

    def handle_endtag(self, tag):
        if tag == "style":
            self.in_style = False
        elif tag == "svg":
            self.depth_svg -= 1
        elif self.in_title and tag in ("title", "desc"):
            self.out.append(("chart: " if tag == "title" else "  ") + " ".join("".join(self.buf).split()))
            self.in_title, self.buf = False, None
        elif not self.depth_svg and tag in ("td", "th") and self.cells is not None:
            self.cells.append(" ".join("".join(self.buf or []).split()))
            self.buf = []
        elif not self.depth_svg and tag in BLOCKS and self.buf is not None:
            if tag == "tr":
                self.out.append(" | ".join(self.cells))
                self.cells = None
            else:
                text = " ".join("".join(self.buf).split())
                if text:
                    self.out.append(("$ " if tag == "pre" else "") + text)
            self.buf = None

    def handle_data(self, data):
        if self.in_style:
            return
        if self.buf is not None and (not self.depth_svg or self.in_title):
            self.buf.append(data)


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    t = Text()
    with open(args[0], encoding="utf-8") as f:
        t.feed(f.read())
    for line in t.out:
        if "--skip-command" in sys.argv and line.startswith("$ "):
            continue
        print(line)


if __name__ == "__main__":
    main()
