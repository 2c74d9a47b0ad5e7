from django.core.exceptions import ImproperlyConfigured
from django.test import SimpleTestCase, override_settings

from hybridmatch_django import CandidateDocument, registry
from hybridmatch_django.conf import engine, setting
from recruiting.documents import CandidateIndex, JobOfferIndex
from recruiting.models import Candidate


class RegistryTest(SimpleTestCase):

    def test_the_example_documents_are_found_by_model_label_and_index(self):
        self.assertIsInstance(registry.for_model(Candidate), CandidateIndex)
        self.assertEqual([type(d) for d in registry.documents(['recruiting.joboffer', 'recruiting.Candidate'])],
                         [JobOfferIndex, CandidateIndex])
        self.assertIsInstance(registry.for_index('job_offers'), JobOfferIndex)

    def test_an_unknown_label_is_named(self):
        with self.assertRaisesRegex(LookupError, 'not registered: recruiting.Nope; registered: recruiting.candidate'):
            registry.documents(['recruiting.Nope'])

    def test_a_model_registered_twice_is_refused(self):
        class Again(CandidateDocument):
            model = Candidate
        with self.assertRaisesRegex(ImproperlyConfigured, 'recruiting.Candidate already has CandidateIndex'):
            registry.register(Again)


class SettingsTest(SimpleTestCase):

    @override_settings(HYBRIDMATCH={'ENGINE_URL': 'http://engine:9', 'API_KEY': 'hm_from_settings'})
    def test_the_engine_client_takes_url_and_key_from_the_settings_and_hides_the_key(self):
        client = engine()
        self.assertEqual(client.base_url, 'http://engine:9')
        self.assertEqual(client._api_key, 'hm_from_settings')
        self.assertNotIn('hm_from_settings', repr(client))
        self.assertEqual(setting('QUEUE'), 'hybridmatch')

    @override_settings(HYBRIDMATCH={'ENGINE': 'http://engine:9'})
    def test_a_misspelt_key_is_refused(self):
        with self.assertRaisesRegex(ImproperlyConfigured, r"unknown keys \['ENGINE'\]"):
            setting('QUEUE')
