"""A generated cover: the work's title and author set on a plain ground, as a PNG (every reading system shows
a raster cover in its library view; not all of them show an SVG one).

Set in the fonts the PDF uses (Debian's Linux Libertine, else DejaVu Serif); the same work always gives
the same bytes, since the PNG carries no timestamp.
"""

from __future__ import annotations

from functools import cache
from io import BytesIO
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from apparat.works import Work

SIZE = (1400, 2100)
GROUND = (78, 52, 46)  # the site's brown
INK = (250, 243, 230)
FAINT = (215, 190, 160)
FONTS = {
    "regular": (
        "/usr/share/fonts/opentype/linux-libertine/LinLibertine_R.otf",
        "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
    ),
    "bold": (
        "/usr/share/fonts/opentype/linux-libertine/LinLibertine_RB.otf",
        "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf",
    ),
    "italic": (
        "/usr/share/fonts/opentype/linux-libertine/LinLibertine_RI.otf",
        "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Italic.ttf",
    ),
}

Font = ImageFont.FreeTypeFont | ImageFont.ImageFont


@cache
def _font(style: str, size: int) -> Font:
    for path in FONTS[style]:
        if Path(path).is_file():
            return ImageFont.truetype(path, size)
    return ImageFont.load_default(size)


def _wrap(draw: ImageDraw.ImageDraw, words: list[str], font: Font, width: int) -> list[str]:
    lines: list[str] = []
    for word in words:
        trial = f"{lines[-1]} {word}" if lines else word
        if lines and draw.textlength(trial, font=font) <= width:
            lines[-1] = trial
        else:
            lines.append(word)
    return lines


def cover_png(work: Work) -> bytes:
    image = Image.new("RGB", SIZE, GROUND)
    draw = ImageDraw.Draw(image)
    width, height = SIZE
    margin = 130
    draw.rectangle((60, 60, width - 61, height - 61), outline=FAINT, width=4)
    title, _, subtitle = work.title.partition(": ")
    y = 330
    for text, style, size, colour, gap in (
        (title, "bold", 112, INK, 24),
        (subtitle, "regular", 72, INK, 18),
    ):
        font = _font(style, size)
        for line in _wrap(draw, text.split(), font, width - 2 * margin):
            draw.text((width / 2, y), line, font=font, fill=colour, anchor="ma")
            y += size + gap
        y += 40
    draw.line((width / 2 - 160, y + 20, width / 2 + 160, y + 20), fill=FAINT, width=3)
    draw.text((width / 2, y + 90), work.author, font=_font("italic", 80), fill=INK, anchor="ma")
    imprint = ", ".join(p for p in (work.publisher, str(work.year) if work.year else None) if p)
    footer = ["apparat edition", f"with the original page numbers{f' ({imprint})' if imprint else ''}"]
    for index, line in enumerate(footer):
        draw.text(
            (width / 2, height - 330 + index * 70), line, font=_font("regular", 52), fill=FAINT, anchor="ma"
        )
    out = BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()
