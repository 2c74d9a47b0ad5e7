"""How a model becomes the task payload the Java worker indexes: one Document class per model.

    class CandidateIndex(CandidateDocument):
        model = Candidate
        fields = ['headline', 'summary', 'location', 'experience_years']   # copied as they are
        tenant_field = 'company_id'                                           # -> tenant_id
        def prepare(self, candidate):                                         # anything else, computed
            return {'skills': [s.name for s in candidate.skills.all()]}

The payload always has the id (candidate_id / job_offer_id = the primary key) and updated_at (ISO-8601 with offset,
the version the engine keeps: an older update processed after a newer one changes nothing).
"""
import datetime
import decimal
from collections import namedtuple

from django.utils import timezone

from hybridmatch_client import tasks

Entity = namedtuple('Entity', 'index id_field index_one index_many delete')
CANDIDATES = Entity('candidates', 'candidate_id', tasks.index_candidate, tasks.index_candidates, tasks.delete_candidate)
JOB_OFFERS = Entity('job_offers', 'job_offer_id', tasks.index_job_offer, tasks.index_job_offers, tasks.delete_job_offer)


_EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)


class Document:
    entity = None
    model = None
    fields = ()
    updated_at_field = 'updated_at'
    tenant_field = None

    def __repr__(self):
        return f'{type(self).__name__}({self.model._meta.label} -> {self.entity.index})'

    def get_queryset(self):
        """What reindex and check consider the model's indexable rows."""
        return self.model._default_manager.all()

    def prepare(self, instance):
        """Payload values beyond `fields` (related objects, computed values); they override `fields`."""
        return {}

    def serialize(self, instance):
        payload = {name: _jsonable(_value(instance, name)) for name in self.fields}
        payload.update(self.prepare(instance))
        payload[self.entity.id_field] = instance.pk
        payload['updated_at'] = _iso(self.updated_at(instance))
        if self.tenant_field:
            tenant = _value(instance, self.tenant_field)
            payload['tenant_id'] = None if tenant is None else str(tenant)
        return payload

    def updated_at(self, instance):
        return getattr(instance, self.updated_at_field)

    def version(self, updated_at):
        """The engine's version of a document updated then: epoch milliseconds."""
        return (aware(updated_at) - _EPOCH) // datetime.timedelta(milliseconds=1)


class CandidateDocument(Document):
    entity = CANDIDATES


class JobOfferDocument(Document):
    entity = JOB_OFFERS


def _value(instance, name):
    value = getattr(instance, name)
    return value() if callable(value) else value


def aware(moment):
    return timezone.make_aware(moment) if timezone.is_naive(moment) else moment


def _iso(moment):
    return aware(moment).isoformat()


def _jsonable(value):
    if isinstance(value, datetime.datetime):
        return _iso(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return float(value)
    return value
