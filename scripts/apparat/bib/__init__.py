"""Citations and the bibliography: `bibliography.bib`, citation finders for both citation styles, pages.

The site builds against `publish.py`; the `apparat bib` command against `regenerate.py`.
"""
