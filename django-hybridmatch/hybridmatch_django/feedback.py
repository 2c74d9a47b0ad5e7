"""Result-quality feedback of a page of matches (CTR@k, apply and hire rates per fusion method in the engine).

    matches = match_candidates(offer)
    record_impressions(matches)               # the page was shown
    record_event(matches, candidate, 'click') # then 'apply', 'hire'
"""
from .conf import engine

EVENTS = ('impression', 'click', 'apply', 'hire')


def record_impressions(matches):
    client = engine()
    for match in matches:
        _send(client, matches, match, 'impression')


def record_event(matches, instance, event):
    """event: click, apply or hire, of an instance shown in these matches."""
    if event not in EVENTS:
        raise ValueError(f'event {event!r}: one of {EVENTS}')
    match = next((m for m in matches if m.instance.pk == instance.pk), None)
    if match is None:
        raise LookupError(f'{instance!r} is not in these matches (search {matches.search_id})')
    _send(engine(), matches, match, event)


def _send(client, matches, match, event):
    client.feedback(matches.search_id, match.instance.pk, match.rank, event, matches.fusion, index=matches.index)
