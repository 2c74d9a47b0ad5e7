"""manage.py load_demo_data: the engine's demo candidates and offers (contracts/.../samples) as rows of this project,
inserted in bulk with indexing paused: index them afterwards with hybridmatch_reindex."""
import json
from pathlib import Path

from django.core.management.base import BaseCommand
from django.db import transaction

from hybridmatch_django.indexing import pause_indexing
from recruiting.models import Candidate, JobOffer

SAMPLES = Path(__file__).resolve().parents[5] / 'contracts/src/main/resources/contracts/samples'
CANDIDATE_FIELDS = ['first_name', 'last_name', 'headline', 'summary', 'skills', 'location', 'experience_years']
OFFER_FIELDS = ['title', 'company', 'description', 'location', 'is_remote', 'required_skills']


class Command(BaseCommand):
    help = 'Inserts the demo candidates and job offers (no index task is sent: run hybridmatch_reindex afterwards).'

    def handle(self, **options):
        candidates = json.loads((SAMPLES / 'demo-candidates.json').read_text())
        offers = json.loads((SAMPLES / 'demo-job-offers.json').read_text())
        with pause_indexing(), transaction.atomic():
            Candidate.objects.bulk_create(Candidate(**_pick(c, CANDIDATE_FIELDS)) for c in candidates)
            JobOffer.objects.bulk_create(JobOffer(**_pick(o, OFFER_FIELDS)) for o in offers)
        self.stdout.write(f'{len(candidates)} candidates, {len(offers)} job offers inserted')


def _pick(record, fields):
    return {name: record[name] for name in fields if record.get(name) is not None}
