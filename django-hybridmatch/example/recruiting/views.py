from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404, render

from hybridmatch_django import EngineError
from hybridmatch_django.feedback import record_impressions
from hybridmatch_django.search import match_candidates

from .models import JobOffer


def offer_matches(request, pk):
    """The best candidates for an offer, with why; ?skills=a,b and ?locations=x,y are hard filters, ?page=n."""
    offer = get_object_or_404(JobOffer, pk=pk)
    filters = {name: [v.strip() for v in request.GET[name].split(',') if v.strip()]
               for name in ('skills', 'locations') if request.GET.get(name)}
    page = request.GET.get('page', '0')
    if not page.isdigit():
        return HttpResponseBadRequest(f'page: a number from 0, not {page!r}')
    try:
        matches = match_candidates(offer, filters=filters, page=int(page), size=10)
        record_impressions(matches)
    except EngineError as e:  # e.g. an offer saved a moment ago that the worker has not indexed yet: 404
        return render(request, 'recruiting/matches.html', {'offer': offer, 'problem': e.problem}, status=e.status or 503)
    return render(request, 'recruiting/matches.html', {'offer': offer, 'matches': matches, 'filters': filters})
