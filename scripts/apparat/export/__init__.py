"""Exports of the model: JSON (`apparat model`), validated by `model.schema.json`."""
