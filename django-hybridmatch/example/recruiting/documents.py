from hybridmatch_django import CandidateDocument, JobOfferDocument, registry

from .models import Candidate, JobOffer


@registry.register
class CandidateIndex(CandidateDocument):
    model = Candidate
    fields = ['first_name', 'last_name', 'headline', 'summary', 'skills', 'location', 'experience_years']


@registry.register
class JobOfferIndex(JobOfferDocument):
    model = JobOffer
    fields = ['title', 'company', 'description', 'location', 'is_remote', 'required_skills']
