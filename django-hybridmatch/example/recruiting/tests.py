"""End to end, against the real engine, Java worker and Elasticsearch that bin/run started (DjangoEndToEndIT):
rows created, changed and deleted through the ORM and the admin change the matches; a rolled-back save changes
nothing; hybridmatch_check repairs a document removed from Elasticsearch behind Django's back; the search page in
headless Chromium. Environment: HYBRIDMATCH_ENGINE_URL, HYBRIDMATCH_API_KEY_FILE, HYBRIDMATCH_QUEUE,
E2E_ELASTICSEARCH_URL, E2E_SCREENSHOT (where the page's screenshot goes)."""
import io
import json
import os
import re
import subprocess
import time
import urllib.request

from django.conf import settings
from django.contrib.auth.models import User
from django.core.management import call_command
from django.db import transaction
from django.test import LiveServerTestCase
from django.urls import reverse

from hybridmatch_django import EngineError
from hybridmatch_django.conf import engine
from hybridmatch_django.feedback import record_event
from hybridmatch_django.search import match_candidates, match_offers

from .models import Candidate, JobOffer

WAIT = 120


def wait_until(condition, what):
    """Polls until condition() is truthy: the worker indexes asynchronously (until then, the engine may not know
    the offer: 404)."""
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        try:
            value = condition()
        except EngineError as e:
            if e.status != 404:
                raise
            value = None
        if value:
            return value
        time.sleep(0.5)
    raise AssertionError(f'not within {WAIT} s: {what}')


def ranked_names(offer, **options):
    return [str(m.instance) for m in match_candidates(offer, size=20, **options)]


def held(index):
    return dict(engine().document_versions(index))


def command(name, *args):
    out = io.StringIO()
    call_command(name, *args, stdout=out)
    print(out.getvalue())
    return out.getvalue()


class EndToEndTest(LiveServerTestCase):

    def test_orm_admin_rollback_check_and_the_search_page(self):
        self.the_database_is_the_source_of_truth_from_the_start()
        offer = self.orm_creates_updates_and_deletes_change_the_matches()
        self.a_rolled_back_save_changes_nothing(offer)
        self.the_admin_creates_changes_and_deletes(offer)
        self.check_repairs_a_document_removed_behind_djangos_back(offer)
        self.errors_are_engine_errors_with_the_problem(offer)
        self.the_search_page_in_headless_chromium(offer)

    def the_database_is_the_source_of_truth_from_the_start(self):
        # the engine may hold documents this empty database does not have (bin/run's demo, an earlier run): orphans
        out = command('hybridmatch_check', '--wait', str(WAIT))
        self.assertRegex(out, r'recruiting.Candidate -> candidates: 0 in the database, \d+ in the engine')
        wait_until(lambda: not held('candidates') and not held('job_offers'), 'orphans deleted')

    def orm_creates_updates_and_deletes_change_the_matches(self):
        Candidate.objects.create(first_name='Camille', last_name='Durand', headline='Senior Java developer',
                                 summary='Spring Boot and Kafka microservices for a bank.', location='Paris',
                                 skills=['Java', 'Spring Boot', 'Kafka', 'PostgreSQL'], experience_years=8)
        Candidate.objects.create(first_name='Léa', last_name='Garnier', headline='Pâtissière',
                                 summary='Desserts de saison, gestion d’équipe.', location='Lyon', skills=['Pâtisserie'])
        nurse = Candidate.objects.create(first_name='Noor', last_name='Haddad', headline='Registered nurse',
                                         summary='Night shifts in intensive care.', location='Paris', skills=['Nursing'])
        offer = JobOffer.objects.create(title='Java backend developer', company='Banque Horizon', location='Paris',
                                        description='Microservices with Spring Boot and Kafka.',
                                        required_skills=['Java', 'Spring Boot', 'Kafka'])
        names = wait_until(lambda: len(ranked_names(offer)) == 3 and ranked_names(offer), 'three candidates indexed')
        self.assertEqual(names[0], 'Camille Durand')
        first = match_candidates(offer)[0]
        self.assertLessEqual({'java', 'spring', 'kafka'}, set(first.explanation['matched_skills']))
        self.assertTrue(match_candidates(offer).search_id)

        nurse.headline, nurse.skills = 'Java developer (career change)', ['Java', 'Kafka']
        nurse.save()
        wait_until(lambda: 'java' in next(m for m in match_candidates(offer) if m.instance == nurse)
                   .explanation['matched_skills'], 'the update indexed')
        wait_until(lambda: ranked_names(offer, filters={'skills': ['Java']}) == ['Camille Durand', 'Noor Haddad'],
                   'both Java developers, and only they, pass the skills filter')

        Candidate.objects.get(last_name='Garnier').delete()
        wait_until(lambda: 'Léa Garnier' not in ranked_names(offer), 'the deleted candidate gone')
        self.assertEqual([str(m.instance) for m in match_offers(nurse)], ['Java backend developer'])
        return offer

    def a_rolled_back_save_changes_nothing(self, offer):
        camille = Candidate.objects.get(first_name='Camille')
        version = held('candidates')[camille.pk]
        try:
            with transaction.atomic():
                camille.headline, camille.skills = 'Pastry chef', ['Pâtisserie']
                camille.save()
                raise RuntimeError('rolled back')
        except RuntimeError:
            pass
        # a later committed change goes through the same queue and worker: once it shows, the rollback sent nothing
        offer.required_skills = ['Java', 'Spring Boot', 'Kafka', 'PostgreSQL']
        offer.save()
        wait_until(lambda: 'postgresql' in match_candidates(offer)[0].explanation['matched_skills'], 'later save indexed')
        self.assertEqual(held('candidates')[camille.pk], version)
        self.assertEqual(ranked_names(offer)[0], 'Camille Durand')

    def the_admin_creates_changes_and_deletes(self, offer):
        User.objects.create_superuser('admin', 'admin@example.com', 'e2e-password')
        self.client.login(username='admin', password='e2e-password')
        form = {'first_name': 'Ines', 'last_name': 'Benali', 'headline': 'Java engineer', 'location': 'Paris',
                'summary': 'Kafka streaming and Spring Boot.', 'skills': '["Java", "Kafka", "Spring Boot"]',
                'experience_years': '5'}
        response = self.client.post(reverse('admin:recruiting_candidate_add'), form)
        self.assertEqual(response.status_code, 302, response.content[:2000])
        ines = Candidate.objects.get(last_name='Benali')
        wait_until(lambda: 'Ines Benali' in ranked_names(offer), 'the admin-created candidate indexed')

        response = self.client.post(reverse('admin:recruiting_candidate_change', args=[ines.pk]),
                                    dict(form, headline='Pastry chef', skills='["Pâtisserie"]', summary='Croissants.'))
        self.assertEqual(response.status_code, 302, response.content[:2000])
        wait_until(lambda: 'Ines Benali' not in ranked_names(offer, filters={'skills': ['Java']}),
                   'the admin change indexed')

        response = self.client.post(reverse('admin:recruiting_candidate_delete', args=[ines.pk]), {'post': 'yes'})
        self.assertEqual(response.status_code, 302, response.content[:2000])
        wait_until(lambda: ines.pk not in held('candidates'), 'the admin delete indexed')

    def check_repairs_a_document_removed_behind_djangos_back(self, offer):
        noor = Candidate.objects.get(first_name='Noor')
        version = held('candidates')[noor.pk]
        # as a restore of an older snapshot would: the document is gone, no newer delete marker stays behind
        url = (f"{os.environ['E2E_ELASTICSEARCH_URL']}/candidates/_doc/{noor.pk}"
               f"?version={version}&version_type=external_gte&refresh=true")
        urllib.request.urlopen(urllib.request.Request(url, method='DELETE')).read()
        self.assertNotIn(noor.pk, held('candidates'))
        self.assertNotIn('Noor Haddad', ranked_names(offer))

        out = command('hybridmatch_check', '--dry-run')
        self.assertIn(f'missing 1 [{noor.pk}], stale 0 [], orphans 0 []', out)
        self.assertIn('dry run: nothing sent', out)
        self.assertNotIn(noor.pk, held('candidates'))

        out = command('hybridmatch_check', '--wait', str(WAIT))
        self.assertIn('worker: 1 indexed, 0 deleted', out)
        wait_until(lambda: held('candidates').get(noor.pk) == version, 'back at its own version')
        wait_until(lambda: 'Noor Haddad' in ranked_names(offer), 'the repaired candidate matched again')
        self.assertIn('missing 0 [], stale 0 [], orphans 0 []', command('hybridmatch_check', '--dry-run'))

    def errors_are_engine_errors_with_the_problem(self, offer):
        with self.assertRaises(EngineError) as raised:
            match_candidates(offer, size=1000)
        self.assertEqual(raised.exception.status, 400)
        self.assertEqual(raised.exception.problem['type'], 'urn:hybridmatch:problem:invalid-request')
        with self.settings(HYBRIDMATCH=dict(settings.HYBRIDMATCH, API_KEY='hm_not_a_key')):
            with self.assertRaises(EngineError) as raised:
                match_candidates(offer)
        self.assertEqual((raised.exception.status, raised.exception.detail), (401, 'the API key is not known'))
        matches = match_candidates(offer)
        record_event(matches, matches[0].instance, 'click')

    def the_search_page_in_headless_chromium(self, offer):
        expected = ranked_names(offer)
        self.assertEqual(self.client.get(reverse('offer-matches', args=[offer.pk]), {'page': 'last'}).status_code, 400)
        url = self.live_server_url + reverse('offer-matches', args=[offer.pk])
        chromium = ['chromium', '--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
                    '--window-size=1200,560']
        dom = subprocess.run(chromium + ['--dump-dom', url], capture_output=True, text=True, timeout=WAIT,
                             check=True).stdout
        names = re.findall(r'<a class="name" href="[^"]*">([^<]*)</a>', dom)
        self.assertEqual(names, expected)
        self.assertIn('java, spring, kafka, postgresql', dom)
        screenshot = os.environ.get('E2E_SCREENSHOT')
        if screenshot:
            subprocess.run(chromium + ['--hide-scrollbars', f'--screenshot={screenshot}', url], capture_output=True,
                           timeout=WAIT, check=True)
            with open(screenshot, 'rb') as png:
                self.assertEqual(png.read(8), b'\x89PNG\r\n\x1a\n')
