from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html

from .models import Candidate, JobOffer


@admin.register(Candidate)
class CandidateAdmin(admin.ModelAdmin):
    list_display = ('__str__', 'headline', 'location', 'updated_at')
    search_fields = ('first_name', 'last_name', 'headline')


@admin.register(JobOffer)
class JobOfferAdmin(admin.ModelAdmin):
    list_display = ('title', 'company', 'location', 'updated_at', 'matches')
    search_fields = ('title', 'company')

    @admin.display(description='matches')
    def matches(self, offer):
        return format_html('<a href="{}">best candidates</a>', reverse('offer-matches', args=[offer.pk]))
