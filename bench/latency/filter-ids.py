#!/usr/bin/env python3
"""The vector side's filter requests on a node, before and after VectorRetriever counted first (issue 13 item 2).

Usage: bench/latency/filter-ids.py NODE_URL [ROUNDS]   (a node holding bench/latency's generated candidates)

Per filter, interleaved ROUNDS times after 3 of warm-up: before, up to 10,000 ids with an exact count; after, a
count that stops at 10,001, then the ids only when 10,000 or fewer pass. Prints the node's `took` and the client's
round trip, medians and maxima, and the response bytes.
"""
import http.client
import json
import statistics
import sys
import time
import urllib.parse

MAX_ALLOWED = 10_000
FILTERS = {
    'seniority lead': [{'term': {'seniority': 'lead'}}],
    'occupation cook': [{'term': {'occupation': 'cook'}}],
    'cook in Paris': [{'term': {'occupation': 'cook'}}, {'term': {'location': 'Paris'}}],
    'cook in Paris, lead': [{'term': {'occupation': 'cook'}}, {'term': {'location': 'Paris'}},
                            {'term': {'seniority': 'lead'}}],
}


def main():
    url = urllib.parse.urlparse(sys.argv[1])
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    node = http.client.HTTPConnection(url.hostname, url.port)

    def search(body):
        node.request('POST', '/candidates/_search', json.dumps(body), {'Content-Type': 'application/json'})
        raw = node.getresponse().read()
        return json.loads(raw), len(raw)

    def before(clauses):
        answer, size = search({'size': MAX_ALLOWED, '_source': False, 'track_total_hits': True,
                               'query': {'bool': {'filter': clauses}}})
        return answer['took'], size, answer['hits']['total']['value']

    def after(clauses):
        counted, size = search({'size': 0, 'track_total_hits': MAX_ALLOWED + 1, 'query': {'bool': {'filter': clauses}}})
        took, total = counted['took'], counted['hits']['total']['value']
        if total <= MAX_ALLOWED:
            ids, more = search({'size': MAX_ALLOWED, '_source': False, 'track_total_hits': False,
                                'query': {'bool': {'filter': clauses}}})
            took, size = took + ids['took'], size + more
        return took, size, total

    print('load average', open('/proc/loadavg').read().split()[:3])
    for name, clauses in FILTERS.items():
        results = {'before': [], 'after': []}
        for i in range(rounds + 3):
            for label, request in (('before', before), ('after', after)):
                start = time.perf_counter()
                took, size, total = request(clauses)
                if i >= 3:
                    results[label].append((took, (time.perf_counter() - start) * 1e3, size, total))
        for label, runs in results.items():
            took = [r[0] for r in runs]
            trip = [r[1] for r in runs]
            print(f'{name} ({runs[0][3]} passing, {label}): took median {statistics.median(took):.1f} max {max(took):.1f}'
                  f' ms, round trip median {statistics.median(trip):.1f} max {max(trip):.1f} ms, {runs[0][2]} bytes')
    print('load average', open('/proc/loadavg').read().split()[:3])


if __name__ == '__main__':
    main()
