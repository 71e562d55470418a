"""Tools for reviewing a contribution: what a change does to the rendered edition."""
