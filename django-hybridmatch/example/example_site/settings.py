"""The example project's settings; the environment chooses the database, the broker and the engine.

EXAMPLE_DATABASE: 'sqlite' (default, db.sqlite3 beside manage.py) or 'postgresql' (PGHOST/PGPORT/PGUSER/PGPASSWORD,
database EXAMPLE_DATABASE_NAME, default hybridmatch_example). HYBRIDMATCH_ENGINE_URL, HYBRIDMATCH_API_KEY (or
HYBRIDMATCH_API_KEY_FILE), HYBRIDMATCH_QUEUE, CELERY_BROKER_URL, CELERY_RESULT_BACKEND.
"""
import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
SECRET_KEY = os.environ.get('DJANGO_SECRET_KEY', 'example-only-not-secret')
DEBUG = os.environ.get('DJANGO_DEBUG', '1') == '1'
ALLOWED_HOSTS = ['127.0.0.1', 'localhost', 'testserver']

INSTALLED_APPS = [
    'django.contrib.admin', 'django.contrib.auth', 'django.contrib.contenttypes', 'django.contrib.sessions',
    'django.contrib.messages', 'django.contrib.staticfiles',
    'hybridmatch_django',
    'recruiting',
]
MIDDLEWARE = [
    'django.middleware.security.SecurityMiddleware', 'django.contrib.sessions.middleware.SessionMiddleware',
    'django.middleware.common.CommonMiddleware', 'django.middleware.csrf.CsrfViewMiddleware',
    'django.contrib.auth.middleware.AuthenticationMiddleware', 'django.contrib.messages.middleware.MessageMiddleware',
]
ROOT_URLCONF = 'example_site.urls'
TEMPLATES = [{
    'BACKEND': 'django.template.backends.django.DjangoTemplates', 'DIRS': [], 'APP_DIRS': True,
    'OPTIONS': {'context_processors': [
        'django.template.context_processors.request', 'django.contrib.auth.context_processors.auth',
        'django.contrib.messages.context_processors.messages']},
}]

if os.environ.get('EXAMPLE_DATABASE', 'sqlite') == 'postgresql':
    DATABASES = {'default': {
        'ENGINE': 'django.db.backends.postgresql',
        'NAME': os.environ.get('EXAMPLE_DATABASE_NAME', 'hybridmatch_example'),
        'HOST': os.environ.get('PGHOST', '127.0.0.1'), 'PORT': os.environ.get('PGPORT', '5432'),
        'USER': os.environ.get('PGUSER', 'postgres'), 'PASSWORD': os.environ.get('PGPASSWORD', ''),
    }}
else:
    DATABASES = {'default': {'ENGINE': 'django.db.backends.sqlite3', 'NAME': BASE_DIR / 'db.sqlite3'}}
DEFAULT_AUTO_FIELD = 'django.db.models.BigAutoField'
USE_TZ = True
TIME_ZONE = 'UTC'
STATIC_URL = '/static/'


def _api_key():
    path = os.environ.get('HYBRIDMATCH_API_KEY_FILE')
    if path:
        return Path(path).read_text().strip()
    return os.environ.get('HYBRIDMATCH_API_KEY')


HYBRIDMATCH = {
    'ENGINE_URL': os.environ.get('HYBRIDMATCH_ENGINE_URL', 'http://127.0.0.1:8080'),
    'API_KEY': _api_key(),
    'QUEUE': os.environ.get('HYBRIDMATCH_QUEUE', 'hybridmatch'),
}
CELERY_BROKER_URL = os.environ.get('CELERY_BROKER_URL', 'amqp://guest:guest@127.0.0.1:5672//')
CELERY_RESULT_BACKEND = os.environ.get('CELERY_RESULT_BACKEND', 'rpc://')
CELERY_BROKER_CONNECTION_TIMEOUT = 10
