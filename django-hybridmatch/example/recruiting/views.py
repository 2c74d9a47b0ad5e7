from django.shortcuts import get_object_or_404, render

from hybridmatch_django import EngineError
from hybridmatch_django.feedback import record_impressions
from hybridmatch_django.search import match_candidates

from .models import JobOffer


def offer_matches(request, pk):
    """The best candidates for an offer, with why; ?skills=a,b and ?locations=x,y are hard filters."""
    offer = get_object_or_404(JobOffer, pk=pk)
    filters = {name: [v.strip() for v in request.GET[name].split(',') if v.strip()]
               for name in ('skills', 'locations') if request.GET.get(name)}
    page = int(request.GET.get('page', 0))
    try:
        matches = match_candidates(offer, filters=filters, page=page, size=10)
    except EngineError as e:
        return render(request, 'recruiting/matches.html', {'offer': offer, 'problem': e.problem}, status=e.status or 503)
    record_impressions(matches)
    return render(request, 'recruiting/matches.html', {'offer': offer, 'matches': matches, 'filters': filters})
