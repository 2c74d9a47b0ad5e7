"""A minimal client of the matching engine's HTTP API (contract: contracts/.../openapi/matching-engine.yaml)."""
import json
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


class EngineClient:
    def __init__(self, base_url, timeout=30):
        self.base_url = base_url.rstrip('/')
        self.timeout = timeout

    def _call(self, method, path, body=None):
        data = None if body is None else json.dumps(body).encode('utf-8')
        request = urllib.request.Request(self.base_url + path, data=data, method=method,
                                         headers={'Content-Type': 'application/json'})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                return json.loads(response.read())
        except urllib.error.HTTPError as e:
            payload = e.read()
            try:
                problem = json.loads(payload)
            except ValueError:
                problem = {'detail': payload.decode('utf-8', 'replace')}
            raise EngineError(e.code, problem) from None

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
