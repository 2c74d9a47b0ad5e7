"""Load driver of bench/indexing/run. Prints one JSON line.

embed <engine url> <key file> <texts> <salt>: texts/s of POST /embeddings in requests of 64 texts, one at a time
  (the model's batched rate, HTTP included, as the engine serves it); the salt makes the texts of each call new to the
  engine's cache.
index <tasks> <first id>: sends that many hybridmatch.index_candidate tasks, one per generated profile (what
  Django's post_save sends), and waits for every result: tasks/s from the first send to the last result.
Environment: BROKER, BACKEND, QUEUE.
"""
import json
import os
import sys
import time
import urllib.request

from celery import Celery
from celery.result import ResultSet

TITLES = ['Développeur Java', 'Data engineer', 'Infirmière de nuit', 'Pastry chef', 'Comptable', 'DevOps engineer',
          'Chargée de recrutement', 'Product designer', 'Électricien', 'Professeur de mathématiques']
SKILLS = ['Java', 'Spring Boot', 'Kafka', 'Python', 'Airflow', 'PostgreSQL', 'Soins infirmiers', 'Pâtisserie',
          'SAP', 'Kubernetes', 'Terraform', 'Figma', 'Excel', 'Habilitation électrique', 'Pédagogie', 'React']
CITIES = ['Paris', 'Lyon', 'Lille', 'Nantes', 'Bordeaux', 'Toulouse', 'Marseille', 'Remote']
FIRMS = ['une PME industrielle', 'un hôpital public', 'une start-up fintech', 'un grand groupe', 'a consulting firm',
         'a bakery chain', 'an e-commerce scale-up', 'une collectivité']


def profile(i):
    """A distinct profile per i: no two texts alike, so no embedding cache hit helps."""
    title = TITLES[i % len(TITLES)]
    skills = [SKILLS[(i * 7 + k * 3) % len(SKILLS)] for k in range(4)]
    years = 1 + i % 23
    return {
        'candidate_id': i,
        'headline': f'{title} ({years} ans)',
        'summary': f'{years} years at {FIRMS[i % len(FIRMS)]} and {FIRMS[(i // 8) % len(FIRMS)]}; '
                   f'project #{i}: {skills[0]} with {skills[1]}, team of {2 + i % 11}.',
        'skills': skills,
        'location': CITIES[(i // 3) % len(CITIES)],
        'experience_years': years,
        'updated_at': '2026-12-01T10:00:00+00:00',
    }


def embed(engine, key_file, n, salt):
    key = open(key_file).read().strip()
    texts = [f"{p['headline']}. {p['summary']} ({salt} {p['candidate_id']})" for p in map(profile, range(10**7, 10**7 + n))]

    def post(batch):
        request = urllib.request.Request(engine + '/embeddings', json.dumps({'texts': batch}).encode(), method='POST',
                                         headers={'Content-Type': 'application/json', 'Authorization': 'Bearer ' + key})
        with urllib.request.urlopen(request, timeout=120) as answer:
            assert len(json.load(answer)['vectors']) == len(batch)

    post([t + ' warm-up' for t in texts[:64]])
    start = time.time()
    for i in range(0, n, 64):
        post(texts[i:i + 64])
    seconds = time.time() - start
    return {'texts': n, 'seconds': round(seconds, 2), 'texts_per_second': round(n / seconds, 1)}


def index(n, first):
    app = Celery('bench-indexing', broker=os.environ['BROKER'], backend=os.environ['BACKEND'])
    app.conf.result_expires = 600
    queue = os.environ['QUEUE']
    ResultSet([app.send_task('hybridmatch.index_candidate', args=[profile(first - 1 - i)], queue=queue)
               for i in range(20)]).get(timeout=300)  # warm-up
    start = time.time()
    results = ResultSet([app.send_task('hybridmatch.index_candidate', args=[profile(first + i)], queue=queue)
                         for i in range(n)])
    sent = time.time()
    values = results.get(timeout=1800)
    done = time.time()
    indexed = sum(1 for v in values if v.get('status') == 'indexed')
    assert indexed == n, f'{indexed} of {n} indexed: {values[:3]}'
    return {'tasks': n, 'send_seconds': round(sent - start, 2), 'seconds': round(done - start, 2),
            'tasks_per_second': round(n / (done - start), 1)}


if __name__ == '__main__':
    if sys.argv[1] == 'embed':
        print(json.dumps(embed(sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5])))
    else:
        print(json.dumps(index(int(sys.argv[2]), int(sys.argv[3]))))
