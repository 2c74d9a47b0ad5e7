"""hybridmatch_reindex: bulk tasks, progress, --since, resumable (the check needs the engine: see the e2e test)."""
import datetime
import io
import json
import os
import tempfile

from django.core.management import CommandError, call_command
from django.test import TransactionTestCase

from hybridmatch_django.indexing import pause_indexing
from recruiting.models import Candidate, JobOffer

from .queue import SentTasks


class ReindexTest(TransactionTestCase):

    def setUp(self):
        self.queue = SentTasks().__enter__()
        self.addCleanup(self.queue.__exit__)
        with pause_indexing():
            self.candidates = [Candidate.objects.create(first_name=f'C{i}', last_name='X', headline='Java developer')
                               for i in range(5)]
            self.offer = JobOffer.objects.create(title='Java developer')
        self.state = os.path.join(tempfile.mkdtemp(), 'state.json')

    def reindex(self, *args):
        out = io.StringIO()
        call_command('hybridmatch_reindex', *args, '--state', self.state, stdout=out)
        return out.getvalue()

    def sent_ids(self):
        return [(task, [p.get('candidate_id', p.get('job_offer_id')) for p in args[0]]) for task, args, _ in self.queue.sent()]

    def test_every_model_in_bulk_tasks_with_a_progress_bar(self):
        out = self.reindex('--batch-size', '2')
        pks = [c.pk for c in self.candidates]
        self.assertEqual(self.sent_ids(), [('hybridmatch.index_candidates', pks[0:2]), ('hybridmatch.index_candidates', pks[2:4]),
                                           ('hybridmatch.index_candidates', pks[4:]), ('hybridmatch.index_job_offers', [self.offer.pk])])
        self.assertIn('recruiting.Candidate -> candidates [############..................] 2/5', out)
        self.assertIn('recruiting.Candidate -> candidates [##############################] 5/5', out)
        self.assertIn('sent 4 bulk tasks', out)
        self.assertFalse(os.path.exists(self.state), 'the checkpoint is gone once the run ended')

    def test_one_model_since_a_date(self):
        old = datetime.datetime(2020, 1, 1, tzinfo=datetime.timezone.utc)
        Candidate.objects.filter(pk__in=[c.pk for c in self.candidates[:3]]).update(updated_at=old)
        self.reindex('recruiting.Candidate', '--since', '2021-01-01')
        self.assertEqual(self.sent_ids(), [('hybridmatch.index_candidates', [c.pk for c in self.candidates[3:]])])

    def test_an_interrupted_run_resumes_after_the_last_batch_sent(self):
        with open(self.state, 'w') as f:
            json.dump({'recruiting.Candidate': self.candidates[1].pk}, f)
        out = self.reindex('recruiting.Candidate', '--resume')
        self.assertIn(f'resuming after primary key {self.candidates[1].pk}', out)
        self.assertEqual(self.sent_ids(), [('hybridmatch.index_candidates', [c.pk for c in self.candidates[2:]])])

    def test_bad_arguments_are_command_errors(self):
        for args, message in [(['recruiting.Nope'], 'not registered'), (['--since', 'yesterday'], 'not an ISO-8601'),
                              (['--batch-size', '5000'], '1 to 1000'), (['--resume'], 'no .*state.json')]:
            with self.assertRaisesRegex(CommandError, message):
                self.reindex(*args)
