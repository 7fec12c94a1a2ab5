"""Rule types: one module per kind of check. Concrete rules are YAML data in `rules/`."""
