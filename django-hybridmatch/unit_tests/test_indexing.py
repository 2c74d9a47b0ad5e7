"""Signals, transactions and bulk helpers against real Celery publishing to a real RabbitMQ queue."""
import datetime

from celery import Celery
from django.db import transaction
from django.test import TransactionTestCase, override_settings
from django.utils import timezone

from hybridmatch_django.indexing import index_objects, index_queryset, pause_indexing, update_and_index
from recruiting.documents import CandidateIndex
from recruiting.models import Candidate, JobOffer

from .queue import SentTasks


def candidate(**fields):
    return Candidate.objects.create(**dict({'first_name': 'Ada', 'last_name': 'Byron', 'headline': 'Java developer',
                                            'skills': ['Java']}, **fields))


class SignalsTest(TransactionTestCase):

    def setUp(self):
        self.queue = SentTasks().__enter__()
        self.addCleanup(self.queue.__exit__)

    def test_a_save_outside_a_transaction_sends_the_serialised_row(self):
        ada = candidate(location='Paris', experience_years=6)
        [(task, [payload], _)] = self.queue.sent()
        self.assertEqual(task, 'hybridmatch.index_candidate')
        self.assertEqual(payload, {'candidate_id': ada.pk, 'first_name': 'Ada', 'last_name': 'Byron',
                                   'headline': 'Java developer', 'summary': '', 'skills': ['Java'], 'location': 'Paris',
                                   'experience_years': 6, 'updated_at': ada.updated_at.isoformat()})
        self.assertEqual(datetime.datetime.fromisoformat(payload['updated_at']), ada.updated_at)

    def test_saves_in_an_atomic_block_are_one_task_sent_after_the_commit(self):
        with transaction.atomic():
            ada = candidate()
            ada.headline = 'Kotlin developer'
            ada.save()
            ada.skills = ['Kotlin', 'Java']
            ada.save()
            self.assertEqual(self.queue.sent(), [], 'nothing before the commit')
        [(task, [payload], _)] = self.queue.sent()
        self.assertEqual((task, payload['headline'], payload['skills']),
                         ('hybridmatch.index_candidate', 'Kotlin developer', ['Kotlin', 'Java']))

    def test_a_rolled_back_transaction_sends_nothing(self):
        with self.assertRaises(RuntimeError):
            with transaction.atomic():
                candidate()
                raise RuntimeError('rollback')
        self.assertEqual(Candidate.objects.count(), 0)
        candidate(first_name='Grace')  # the next transaction is not held back by the rolled-back one
        self.assertEqual([payload['first_name'] for _, [payload], _ in self.queue.sent()], ['Grace'])

    def test_a_rolled_back_savepoint_drops_its_saves_only(self):
        with transaction.atomic():
            kept = candidate(first_name='Kept')
            try:
                with transaction.atomic():
                    candidate(first_name='Dropped')
                    raise RuntimeError('savepoint rollback')
            except RuntimeError:
                pass
        self.assertEqual([(args[0]['candidate_id'], args[0]['first_name']) for _, args, _ in self.queue.sent()],
                         [(kept.pk, 'Kept')])

    def test_a_delete_sends_the_delete_task_with_its_time(self):
        ada = candidate()
        pk = ada.pk
        self.queue.sent()
        before = timezone.now()
        ada.delete()
        [(task, args, kwargs)] = self.queue.sent()
        self.assertEqual((task, args), ('hybridmatch.delete_candidate', [pk]))
        self.assertGreaterEqual(datetime.datetime.fromisoformat(kwargs['deleted_at']), before)

    def test_a_save_then_a_delete_in_one_transaction_sends_the_delete_only(self):
        with transaction.atomic():
            ada = candidate()
            pk = ada.pk
            ada.delete()
        self.assertEqual([(task, args) for task, args, _ in self.queue.sent()], [('hybridmatch.delete_candidate', [pk])])

    def test_other_models_are_routed_to_their_own_task(self):
        offer = JobOffer.objects.create(title='Pastry chef', required_skills=['Pâtisserie'], location='Lyon')
        [(task, [payload], _)] = self.queue.sent()
        self.assertEqual((task, payload['job_offer_id'], payload['required_skills']),
                         ('hybridmatch.index_job_offer', offer.pk, ['Pâtisserie']))

    def test_paused_saves_send_nothing_and_index_queryset_sends_them_in_bulk(self):
        with pause_indexing():
            Candidate.objects.bulk_create(Candidate(first_name=f'C{i}', last_name='X', headline='Nurse') for i in range(3))
            candidate(first_name='Paused')
        self.assertEqual(self.queue.sent(), [])
        with transaction.atomic():
            index_queryset(Candidate.objects.all())
            self.assertEqual(self.queue.sent(), [], 'sent on commit')
        [(task, [payloads], _)] = self.queue.sent()
        self.assertEqual(task, 'hybridmatch.index_candidates')
        self.assertEqual(sorted(p['first_name'] for p in payloads), ['C0', 'C1', 'C2', 'Paused'])

    def test_update_and_index_updates_the_rows_with_a_newer_updated_at_and_sends_them(self):
        ada, grace = candidate(location='Paris'), candidate(first_name='Grace', location='Paris')
        candidate(first_name='Other', location='Lyon')
        self.queue.sent()
        self.assertEqual(update_and_index(Candidate.objects.filter(location='Paris'), location='Paris 11e'), 2)
        [(task, [payloads], _)] = self.queue.sent()
        self.assertEqual(task, 'hybridmatch.index_candidates')
        self.assertEqual({(p['candidate_id'], p['location']) for p in payloads}, {(ada.pk, 'Paris 11e'), (grace.pk, 'Paris 11e')})
        self.assertTrue(all(datetime.datetime.fromisoformat(p['updated_at']) > ada.updated_at for p in payloads))

    def test_index_objects_sends_saved_instances_and_refuses_unsaved_ones(self):
        with pause_indexing():
            ada, grace = candidate(), candidate(first_name='Grace')
        index_objects([ada, grace])
        [(task, [payloads], _)] = self.queue.sent()
        self.assertEqual((task, sorted(p['candidate_id'] for p in payloads)), ('hybridmatch.index_candidates', [ada.pk, grace.pk]))
        with self.assertRaisesRegex(ValueError, 'no primary key'):
            index_objects([Candidate(first_name='Unsaved')])

    def test_fixtures_loaded_raw_are_not_sent(self):
        from django.db.models.signals import post_save
        ada = Candidate(first_name='Raw', last_name='R', headline='h', updated_at=timezone.now())
        post_save.send(Candidate, instance=ada, created=True, raw=True, using='default')
        self.assertEqual(self.queue.sent(), [])


class DocumentTest(TransactionTestCase):

    def test_the_version_is_updated_at_in_epoch_milliseconds_as_the_engine_keeps_it(self):
        moment = datetime.datetime(2026, 11, 25, 9, 0, 0, 123456, tzinfo=datetime.timezone.utc)
        self.assertEqual(CandidateIndex().version(moment), 1795597200123)


# a real connection refused; the write URL, because Celery prefers $CELERY_BROKER_URL to an app's own broker_url
broken_broker = Celery('broken', set_as_current=False)
broken_broker.conf.broker_write_url = 'amqp://guest:guest@127.0.0.1:1//'
broken_broker.conf.broker_connection_timeout = 1
broken_broker.conf.task_publish_retry_policy = {'max_retries': 0}


class UnsentTasksTest(TransactionTestCase):

    @override_settings(HYBRIDMATCH={'CELERY_APP': 'unit_tests.test_indexing.broken_broker'})
    def test_a_broker_that_refuses_the_send_after_the_commit_leaves_the_commit_and_logs_what_was_not_sent(self):
        with self.assertLogs('hybridmatch_django.indexing', 'ERROR') as logged:
            with transaction.atomic():
                ada = candidate()
        self.assertTrue(Candidate.objects.filter(pk=ada.pk).exists())
        self.assertIn(f'index of CandidateIndex(recruiting.Candidate -> candidates) [{ada.pk}] not sent', logged.output[0])
