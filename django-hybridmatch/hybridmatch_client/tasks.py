"""Signatures of the Java worker's tasks (schemas: contracts/src/main/resources/contracts/tasks/)."""
QUEUE = 'hybridmatch'
ROUTES = {'hybridmatch.*': {'queue': QUEUE}}


def _send(app, name, args, kwargs=None, **options):
    return app.send_task(name, args=args, kwargs=kwargs or {}, **options)


def index_candidate(app, candidate, **options):
    """candidate: the serialised model (candidate_id, updated_at, headline/summary/skills, ...)."""
    return _send(app, 'hybridmatch.index_candidate', [candidate], **options)


def index_job_offer(app, job_offer, **options):
    return _send(app, 'hybridmatch.index_job_offer', [job_offer], **options)


def delete_candidate(app, candidate_id, deleted_at=None, **options):
    """deleted_at: ISO-8601 with offset; an update newer than it keeps the candidate."""
    return _send(app, 'hybridmatch.delete_candidate', [candidate_id], {'deleted_at': deleted_at}, **options)


def delete_job_offer(app, job_offer_id, deleted_at=None, **options):
    return _send(app, 'hybridmatch.delete_job_offer', [job_offer_id], {'deleted_at': deleted_at}, **options)


def index_candidates(app, candidates, **options):
    """Bulk load, at most 1000 per call."""
    return _send(app, 'hybridmatch.index_candidates', [candidates], **options)


def index_job_offers(app, job_offers, **options):
    return _send(app, 'hybridmatch.index_job_offers', [job_offers], **options)
