"""Renderers: the model (with its annotations) as Markdown chapters."""
