"""Exporters: one module per format, each a write/read pair (html and cypher are write-only: a Cypher script is
read back by a database). ``records``, ``style`` and ``xmltext`` are the pieces several formats share."""
