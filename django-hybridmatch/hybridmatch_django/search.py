"""Matching for views: model instances in rank order, each with its score and explanation.

    matches = match_candidates(offer, filters={'locations': ['Paris']}, page=0, size=10)
    for match in matches:            # Match(instance, rank, score, explanation)
        match.instance.headline, match.explanation['matched_skills']
    matches.search_id                # for the feedback helpers
"""
from .conf import engine
from .registry import registry


class Match:
    def __init__(self, instance, rank, score, explanation):
        self.instance = instance
        self.rank = rank
        self.score = score
        self.explanation = explanation

    def __repr__(self):
        return f'Match({self.instance!r}, rank={self.rank}, score={self.score:.3f})'


class Matches(list):
    """The page of matches; hits whose row is no longer in the database are left out and listed in missing_ids."""

    def __init__(self, matches, response, index, missing_ids):
        super().__init__(matches)
        self.search_id = response['search_id']
        self.fusion = response['fusion']
        self.pool = response['pool']
        self.index = index
        self.missing_ids = missing_ids


def match_candidates(offer, filters=None, page=0, size=10, inline=False, **options):
    """The best candidates for a job offer instance (by its id in the engine; inline=True sends the offer as it is
    now, e.g. one not indexed yet). options: fusion, importance, weights, ... as the engine's /match/candidates."""
    query = _query(registry.for_model(type(offer)), offer, 'job_offer', inline)
    return _matches(engine().match_candidates(**query, **_request(filters, page, size, options)), 'candidates')


def match_offers(candidate, filters=None, page=0, size=10, inline=False, **options):
    """The best job offers for a candidate instance; same arguments as match_candidates."""
    query = _query(registry.for_model(type(candidate)), candidate, 'candidate', inline)
    return _matches(engine().match_offers(**query, **_request(filters, page, size, options)), 'job_offers')


def _query(document, instance, name, inline):
    if document is None:
        raise LookupError(f'{type(instance)._meta.label} is not registered with hybridmatch_django.registry')
    return {name: document.serialize(instance)} if inline else {name + '_id': instance.pk}


def _request(filters, page, size, options):
    request = dict(options, page=page, size=size)
    if filters:
        request['filters'] = filters
    return request


def _matches(response, index):
    document = registry.for_index(index)
    ids = [hit['id'] for hit in response['hits']]
    rows = document.get_queryset().in_bulk(ids)
    matches = [Match(rows[hit['id']], hit['rank'], hit['score'], hit['explanation'])
               for hit in response['hits'] if hit['id'] in rows]
    return Matches(matches, response, index, [i for i in ids if i not in rows])
