"""A minimal client of the matching engine's HTTP API (contract: contracts/.../openapi/matching-engine.yaml)."""
import json
import os
import urllib.error
import urllib.request


class EngineError(Exception):
    """A problem answer (RFC 7807): .status, .type, .detail and the whole .problem dict."""

    def __init__(self, status, problem):
        super().__init__(f"{status} {problem.get('type')}: {problem.get('detail')}")
        self.status = status
        self.problem = problem
        self.type = problem.get('type')
        self.detail = problem.get('detail')


class EngineUnavailable(EngineError):
    """The engine did not answer (refused connection, timeout): .status is None, the problem names the cause."""

    def __init__(self, url, reason):
        super().__init__(None, {'type': 'urn:hybridmatch:problem:unavailable', 'detail': f'{url}: {reason}'})


class EngineClient:
    """api_key: the engine's API key, sent as `Authorization: Bearer <key>`; default: the HYBRIDMATCH_API_KEY
    environment variable. A key bound to a tenant confines matching and feedback to that tenant."""

    def __init__(self, base_url, timeout=30, api_key=None):
        self.base_url = base_url.rstrip('/')
        self.timeout = timeout
        self._api_key = os.environ.get('HYBRIDMATCH_API_KEY') if api_key is None else api_key

    def __repr__(self):  # never shows the key
        return f'EngineClient({self.base_url!r})'

    def _call(self, method, path, body=None):
        with self._open(method, path, body) as response:
            return json.loads(response.read())

    def _lines(self, path):
        """The JSON lines of a streamed answer, read as they come."""
        with self._open('GET', path) as response:
            for line in response:
                if line.strip():
                    yield json.loads(line)

    def _open(self, method, path, body=None):
        data = None if body is None else json.dumps(body).encode('utf-8')
        headers = {'Content-Type': 'application/json'}
        if self._api_key:
            headers['Authorization'] = 'Bearer ' + self._api_key
        request = urllib.request.Request(self.base_url + path, data=data, method=method, headers=headers)
        try:
            return urllib.request.urlopen(request, timeout=self.timeout)
        except urllib.error.HTTPError as e:
            payload = e.read()
            try:
                problem = json.loads(payload)
            except ValueError:
                problem = {'detail': payload.decode('utf-8', 'replace')}
            raise EngineError(e.code, problem) from None
        except (urllib.error.URLError, OSError) as e:
            raise EngineUnavailable(self.base_url, getattr(e, 'reason', e)) from None

    def embeddings(self, texts):
        return self._call('POST', '/embeddings', {'texts': list(texts)})['vectors']

    def faiss_search(self, index, vector, top_k=10, allowed_ids=None):
        body = {'index': index, 'vector': list(vector), 'top_k': top_k}
        if allowed_ids is not None:
            body['allowed_ids'] = list(allowed_ids)
        return self._call('POST', '/faiss/search', body)['hits']

    def faiss_upsert(self, index, items):
        """items: iterable of (id, vector)."""
        return self._call('POST', '/faiss/upsert',
                          {'index': index, 'items': [{'id': i, 'vector': list(v)} for i, v in items]})

    def faiss_delete(self, index, ids):
        return self._call('POST', '/faiss/delete', {'index': index, 'ids': list(ids)})

    def index_info(self, index):
        return self._call('GET', f'/faiss/indexes/{index}')

    def match_candidates(self, job_offer_id=None, job_offer=None, **options):
        """The best candidates for an indexed offer (job_offer_id) or an inline one; options: filters, size, ..."""
        return self._call('POST', '/match/candidates', _one_of('job_offer', job_offer_id, job_offer, options))

    def match_offers(self, candidate_id=None, candidate=None, **options):
        return self._call('POST', '/match/offers', _one_of('candidate', candidate_id, candidate, options))

    def feedback(self, search_id, result_id, rank, event, fusion, **fields):
        """event: impression, click, apply or hire; fields: index, occurred_at, tenant_id."""
        return self._call('POST', '/feedback', dict(fields, search_id=search_id, result_id=result_id, rank=rank,
                                                    event=event, fusion=fusion))

    def document_versions(self, index):
        """Every document the engine holds in an index, as (id, version) pairs; version = updated_at in epoch ms."""
        for line in self._lines(f'/admin/consistency/{index}/documents'):
            yield line['id'], line['version']


def _one_of(name, id_, document, options):
    body = dict(options)
    if id_ is not None:
        body[name + '_id'] = id_
    if document is not None:
        body[name] = document
    return body
