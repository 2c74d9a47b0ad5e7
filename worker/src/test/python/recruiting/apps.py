from django.apps import AppConfig


class RecruitingConfig(AppConfig):
    name = 'recruiting'

    def ready(self):
        from . import signals  # noqa: F401 - connects the post_save/post_delete receivers
