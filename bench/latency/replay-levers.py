"""Elasticsearch's share of a /match request, and what each change of the keyword query's shape would save (issue 13).

Replays the keyword-retrieval queries an engine sent, as Elasticsearch's search slow log recorded them, against the
same node, once as sent and once per variant, and prints the node's own `took` and the client's round trip (mean,
p50, p99). Variants: without the description clause (the offer's whole text against the candidates' summaries),
the occupation also as a filter, no `_source`, size 50 instead of 100. Measurement only: the relevance effect of a
variant is eval/'s to measure before any of them ships.

Usage: record the queries first (a node of bench/latency/run kept with BENCH_WORK, the log on before the requests):
  curl -XPUT <node>/candidates/_settings -H 'Content-Type: application/json' \
       -d '{"index.search.slowlog.threshold.query.info": "0ms"}'
and off again after them (threshold "-1": the replays would be recorded too), then:
  /usr/bin/python3 bench/latency/replay-levers.py <node URL> <BENCH_WORK>/es/logs/elasticsearch_index_search_slowlog.json [rounds]
With a second node's URL after the rounds, the queries go as sent to both nodes in turn instead (e.g. a copy of the
stores force-merged, started on another port): took per node.
"""
import copy
import json
import statistics
import sys
import time
import urllib.request


def recorded_queries(slowlog):
    """The distinct keyword-retrieval bodies (a bool of should clauses) of the query-phase lines."""
    bodies, seen = [], set()
    for line in open(slowlog):
        entry = json.loads(line)
        source = entry['elasticsearch.slowlog.source'].replace('\\"', '"')
        if not entry['log.logger'].endswith('.query') or source in seen:
            continue
        seen.add(source)
        body = json.loads(source)
        if 'should' in body.get('query', {}).get('bool', {}):
            bodies.append(body)
    return bodies


def search(node, body):
    request = urllib.request.Request(f'{node}/candidates/_search?request_cache=false', data=json.dumps(body).encode(),
                                     headers={'Content-Type': 'application/json'})
    start = time.perf_counter()
    answer = json.loads(urllib.request.urlopen(request).read())
    return answer['took'], (time.perf_counter() - start) * 1000


def without_description(body):
    should = body['query']['bool']['should']
    body['query']['bool']['should'] = [c for c in should if not any(
        'summary' in field for q in c.get('dis_max', {}).get('queries', []) for field in q['match'])]
    return body


def occupation_filtered(body):
    for clause in body['query']['bool']['should']:
        if 'occupation' in clause.get('term', {}):
            value = clause['term']['occupation']['value']
            body['query']['bool'].setdefault('filter', []).append({'term': {'occupation': value}})
    return body


def no_source(body):
    body['_source'] = False
    return body


def size_50(body):
    body['size'] = 50
    return body


VARIANTS = {'as sent': lambda body: body, 'without the description clause': without_description,
            'occupation also as a filter': occupation_filtered, 'no _source': no_source, 'size 50': size_50}


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(p * len(ordered)))]


def against(nodes, bodies, rounds):
    """The queries as sent to two nodes, one after the other query by query (a like load for both), e.g. an index and
    its force-merged copy."""
    for node in nodes:
        for body in bodies:
            search(node, body)
    took = {node: [] for node in nodes}
    for _ in range(rounds):
        for body in bodies:
            for node in nodes:
                took[node].append(search(node, body)[0])
    for node, times in took.items():
        print(f'{node:32} {statistics.mean(times):6.1f} {percentile(times, .5):4} {percentile(times, .95):4} '
              f'{percentile(times, .99):4}')


def main():
    node, slowlog = sys.argv[1], sys.argv[2]
    rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 2
    bodies = recorded_queries(slowlog)
    if len(sys.argv) > 4:
        print(f'{len(bodies)} distinct recorded queries as sent, {rounds} rounds; ms of the node\'s took: mean / p50 / p95 / p99')
        against([node, sys.argv[4]], bodies, rounds)
        return
    print(f'{len(bodies)} distinct recorded queries; ms: node took mean / p50 / p99 | client round trip mean / p99')
    for body in bodies:  # warm the page cache: the first pass would be the slowest whatever its shape
        search(node, body)
    for round_number in range(1, rounds + 1):
        for name, change in VARIANTS.items():
            took, client = zip(*(search(node, change(copy.deepcopy(body))) for body in bodies))
            print(f'round {round_number} {name:32} {statistics.mean(took):6.1f} {percentile(took, .5):4} '
                  f'{percentile(took, .99):4} | {statistics.mean(client):6.1f} {percentile(client, .99):6.1f}')


if __name__ == '__main__':
    main()
