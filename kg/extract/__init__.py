"""Extractors: entity mentions (gazetteers, patterns, type rules) and relations (triggers, structure)."""
