"""YAML files as fazhi-lint reads them: every mapping key's line kept for errors that name it
(reader.py), and the built-in files' parses kept between runs (parse_cache.py). Read alike by the engine
(rule packs, configs), document/ (word lists, the gazetteer) and crossdoc/; it imports none of them."""
