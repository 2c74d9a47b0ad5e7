"""The platform's Candidate model, as a Django project would declare it (seed fields)."""
from django.db import models


class Candidate(models.Model):
    first_name = models.CharField(max_length=100)
    last_name = models.CharField(max_length=100)
    headline = models.CharField(max_length=200)
    summary = models.TextField(blank=True)
    skills = models.JSONField(default=list)
    location = models.CharField(max_length=100, blank=True)
    experience_years = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        app_label = 'recruiting'
