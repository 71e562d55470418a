"""The downloadable editions of a work: EPUB 3 (`epub.py`) and a print PDF (`pdf.py`).

Both are made from the annotated document model, the same model the web chapters come from, through the
XHTML renderer (`apparat.render.xhtml`). `contents.py` cuts a work into the parts both formats share
(title page, chapters, glossaries, bibliography); `apparatus.py` writes the glossary and bibliography
parts from the glossary and bibliography layers; `annotated.py` converts and annotates the works for the
`apparat epub` and `apparat pdf` commands.
"""
