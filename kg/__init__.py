"""regwatch knowledge graph: model, store, views, analysis, exports and CLI."""

__version__ = "0.1.0"
