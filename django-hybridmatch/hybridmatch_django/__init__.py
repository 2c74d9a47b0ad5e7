"""Django integration of the hybridmatch backend.

    # documents.py of an app
    from hybridmatch_django import CandidateDocument, registry

    @registry.register
    class CandidateIndex(CandidateDocument):
        model = Candidate
        fields = ['headline', 'summary', 'skills', 'location']

Saves and deletes of registered models are sent to the Java worker after their transaction commits; see
`hybridmatch_django.indexing` (pause, bulk helpers), `.search` (match_candidates / match_offers) and `.feedback`.
"""
from hybridmatch_client import EngineError, EngineUnavailable

from .documents import CandidateDocument, Document, JobOfferDocument
from .registry import registry

__all__ = ['CandidateDocument', 'Document', 'JobOfferDocument', 'registry', 'EngineError', 'EngineUnavailable']
