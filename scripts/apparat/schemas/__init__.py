"""JSON Schemas of the YAML data contributors edit (content/data/*.yml, works.yml); see apparat.datacheck."""
