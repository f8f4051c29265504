#!/usr/bin/env python3
"""check_page.py DOM.html SHOT.png [SVGDIR] [--expect TEXT]... -- checks what
headless Chromium made of an `entente report` page:
  - the screenshot is not blank: it has many distinct colours, among them
    the subject's vermillion (#D55E00) and the group's blue (#0072B2);
  - the DOM Chromium dumped holds the six sections in order, the 15 inline
    charts (12 and 3 narrow variants), each with <title> and <desc>, every
    --expect text, and no parser error, script, or external reference;
  - every inline SVG and every file in SVGDIR is well-formed XML whose root
    is an <svg> in the SVG namespace.
Prints one line per failure and exits 1 if any; pure Python (zlib)."""
import os
import re
import struct
import sys
import xml.etree.ElementTree as ET
import zlib

SVGNS = "{http://www.w3.org/2000/svg}"
fails = []


def fail(msg):
    fails.append(msg)
    print("FAIL: " + msg)


def png_pixels(path):
    """(width, height, channels, rows of bytes) of an 8-bit RGB/RGBA PNG."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    pos, idat, w = 8, b"", 0
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            w, h, depth, ctype = struct.unpack(">IIBB", body[:10])
            if depth != 8 or ctype not in (2, 6):
                raise ValueError("PNG depth %d colour type %d" % (depth, ctype))
            ch = 3 if ctype == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    raw = zlib.decompress(idat)
    stride = w * ch
    rows, prev = [], bytearray(stride)
    for y in range(h):
        ft = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - ch] if i >= ch else 0
            b = prev[i]
            c = prev[i - ch] if i >= ch else 0
            if ft == 1:
                line[i] = (line[i] + a) & 255
            elif ft == 2:
                line[i] = (line[i] + b) & 255
            elif ft == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif ft == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        prev = line
    return w, h, ch, rows


def check_shot(path):
    w, h, ch, rows = png_pixels(path)
    colours = set()
    for row in rows[::2]:
        for x in range(0, w * ch, ch * 2):
            colours.add(row[x:x + 3])
    near = lambda rgb: any(abs(c[0] - rgb[0]) + abs(c[1] - rgb[1]) + abs(c[2] - rgb[2]) < 30
                           for c in colours)
    print("screenshot %s: %dx%d, %d distinct colours" % (os.path.basename(path), w, h, len(colours)))
    if len(colours) < 50:
        fail("%s: only %d distinct colours: a blank or unstyled page" % (path, len(colours)))
    if not near((0xD5, 0x5E, 0x00)):
        fail("%s: no vermillion (the subject) on screen" % path)
    if not near((0x00, 0x72, 0xB2)):
        fail("%s: no blue (the group) on screen" % path)


def check_svg_text(label, text):
    try:
        root = ET.fromstring(text)
    except ET.ParseError as e:
        fail("%s: not well-formed XML: %s" % (label, e))
        return
    if root.tag != SVGNS + "svg":
        fail("%s: root is %s, not svg" % (label, root.tag))
    for t in ("title", "desc"):
        el = root.find(SVGNS + t)
        if el is None or not (el.text or "").strip():
            fail("%s: no <%s>" % (label, t))


def main():
    args, expect = [], []
    it = iter(sys.argv[1:])
    for a in it:
        if a == "--expect":
            expect.append(next(it))
        else:
            args.append(a)
    dom_path, shots, svgdir = args[0], [a for a in args[1:] if a.endswith(".png")], None
    for a in args[1:]:
        if os.path.isdir(a):
            svgdir = a
    with open(dom_path, encoding="utf-8") as f:
        dom = f.read()
    for s in shots:
        check_shot(s)
    last = -1
    for sec in ("answer", "over-time", "comparison", "robustness", "coverage", "method"):
        at = dom.find('id="%s"' % sec)
        if at < 0 or at < last:
            fail("section %s missing or out of order" % sec)
        last = at
    svgs = re.findall(r"<svg\b.*?</svg>", dom, re.S)
    print("DOM: %d bytes, %d inline charts" % (len(dom), len(svgs)))
    if len(svgs) != 15:
        fail("%d inline SVG charts, expected 15" % len(svgs))
    for i, s in enumerate(svgs):
        check_svg_text("inline chart %d" % (i + 1), s)
    for e in expect:
        if e not in dom:
            fail("the DOM lacks %r" % e)
    for bad in ("parsererror", "<script", "src=", "href=", "@import", "url("):
        if bad in dom:
            fail("the DOM holds %r" % bad)
    if svgdir:
        files = sorted(f for f in os.listdir(svgdir) if f.endswith(".svg"))
        print("SVG files: %d in %s" % (len(files), svgdir))
        if len(files) != 12:
            fail("%d SVG files, expected 12" % len(files))
        for f in files:
            with open(os.path.join(svgdir, f), encoding="utf-8") as fh:
                check_svg_text(f, fh.read())
    sys.exit(1 if fails else 0)


if __name__ == "__main__":
    main()
