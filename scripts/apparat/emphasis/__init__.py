"""The italics layer: titles of works and foreign words, set in italics where the text gives evidence.

The extractions carry no type styles. This layer recovers the italics a scholarly edition prints: titles
of books and periodicals from bibliography.bib (`titles.py`), and the transliterated Russian terms of the
glossary (`words.py`). It adds `emphasis` annotations, each with its evidence, and edits no text. It runs
after the bibliography and glossary layers and reads their data and their spans.

The public interface the site builds against is `apparat.emphasis.publish`.
"""
