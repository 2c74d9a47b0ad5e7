"""What the Django side imports to talk to the Java backend: task senders and an HTTP client of the engine.

    from hybridmatch_client import tasks, EngineClient
    app.conf.task_routes = tasks.ROUTES            # send hybridmatch.* to the Java worker's queue
    tasks.index_candidate(app, candidate_dict)     # -> AsyncResult
    EngineClient('http://engine:8080').faiss_search('candidates', vector, top_k=10)
"""
from . import tasks
from .engine import EngineClient, EngineError, EngineUnavailable

__all__ = ['tasks', 'EngineClient', 'EngineError', 'EngineUnavailable']
