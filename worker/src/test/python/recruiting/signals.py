"""What the Django team writes: saving or deleting a Candidate enqueues the Java worker's task."""
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.forms.models import model_to_dict
import json

from .models import Candidate

SENT = []  # AsyncResults, so the test can wait for them


def payload(candidate):
    data = model_to_dict(candidate)
    data['candidate_id'] = data.pop('id')
    data['updated_at'] = candidate.updated_at
    return json.loads(json.dumps(data, cls=DjangoJSONEncoder))


@receiver(post_save, sender=Candidate)
def index_candidate(sender, instance, **kwargs):
    from interop_app import app
    SENT.append(app.send_task('hybridmatch.index_candidate', args=[payload(instance)]))


@receiver(post_delete, sender=Candidate)
def delete_candidate(sender, instance, **kwargs):
    from interop_app import app
    from django.utils import timezone
    SENT.append(app.send_task('hybridmatch.delete_candidate', args=[instance.id],
                              kwargs={'deleted_at': timezone.now().isoformat()}))
