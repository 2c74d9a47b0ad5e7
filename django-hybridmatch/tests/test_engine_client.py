"""The Python client against a running engine: `test_engine_client.py <engine url>` (run by PythonClientIT).

Keys from the environment: HYBRIDMATCH_API_KEY (every scope), TENANT_API_KEY (a key bound to tenant 'acme',
scope match)."""
import os
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..'))
from hybridmatch_client import EngineClient, EngineError  # noqa: E402

URL = sys.argv.pop(1) if len(sys.argv) > 1 else 'http://127.0.0.1:8080'
ENGINE = EngineClient(URL)


class EngineClientTest(unittest.TestCase):
    def test_embed_upsert_search_delete(self):
        java, nurse = ENGINE.embeddings(['Java backend developer', 'Night nurse in intensive care'])
        self.assertEqual(len(java), ENGINE.index_info('job_offers')['dimension'])
        ENGINE.faiss_upsert('job_offers', [(880001, java), (880002, nurse)])
        hits = ENGINE.faiss_search('job_offers', java, top_k=2, allowed_ids=[880001, 880002])
        self.assertEqual([h['id'] for h in hits], [880001, 880002])
        self.assertEqual(ENGINE.faiss_delete('job_offers', [880001])['applied'], 1)
        hits = ENGINE.faiss_search('job_offers', java, top_k=2, allowed_ids=[880001, 880002])
        self.assertEqual([h['id'] for h in hits], [880002])

    def test_problems_are_exceptions_with_the_problem_type(self):
        with self.assertRaises(EngineError) as raised:
            ENGINE.faiss_search('job_offers', [0.1, 0.2])
        self.assertEqual(raised.exception.status, 400)
        self.assertEqual(raised.exception.type, 'urn:hybridmatch:problem:invalid-vector')
        with self.assertRaises(EngineError) as raised:
            ENGINE.faiss_delete('nope', [1])
        self.assertEqual(raised.exception.type, 'urn:hybridmatch:problem:unknown-index')

    def test_the_key_is_sent_and_its_tenant_holds(self):
        with self.assertRaises(EngineError) as raised:
            EngineClient(URL, api_key='').embeddings(['no key'])
        self.assertEqual((raised.exception.status, raised.exception.type), (401, 'urn:hybridmatch:problem:unauthorized'))
        tenant = EngineClient(URL, api_key=os.environ['TENANT_API_KEY'])
        self.assertNotIn(os.environ['TENANT_API_KEY'], repr(tenant))
        hits = tenant.match_candidates(job_offer={'job_offer_id': 1, 'title': 'Java developer',
                                                  'updated_at': '2026-11-01T00:00:00Z'}, size=50)['hits']
        # the demo candidates (ids 1-12) belong to no tenant: an 'acme' key never sees them
        self.assertFalse({hit['id'] for hit in hits} & set(range(1, 13)))
        with self.assertRaises(EngineError) as raised:
            tenant.match_candidates(job_offer_id=101, filters={'tenant_id': 'globex'})
        self.assertEqual((raised.exception.status, raised.exception.type), (403, 'urn:hybridmatch:problem:forbidden'))


if __name__ == '__main__':
    unittest.main(verbosity=2)
