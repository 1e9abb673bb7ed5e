"""Exporters: one module per format, each a write/read pair (html is write-only)."""
