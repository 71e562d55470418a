"""The annotation layer for Russian terms, factions and persons: data, matcher, annotation stage, pages.

The public interface the site builds against is `apparat.glossary.publish`.
"""
