"""apparat: raw text extractions of scholarly works in, annotated citable editions out.

Data flows one way: layout profile → structure stages → model → annotation → render → site.
"""

__version__ = "0.1.0"
