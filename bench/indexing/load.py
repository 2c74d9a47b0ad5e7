"""Load driver of bench/indexing/run. Prints one JSON line.

embed <engine url> <key file> <texts> <first id>: texts/s of POST /embeddings in requests of 64 texts, one at a time
  (the model's batched rate, HTTP included, as the engine serves it), on the very texts the worker embedded for the
  candidates first id.. (read back from Elasticsearch, ELASTICSEARCH_URL): new to the engine's cache, since the
  worker embeds in its own process; checked against the vector the worker stored for the first of them.
index <tasks> <first id> <warm-up tasks>: sends that many hybridmatch.index_candidate tasks, one per generated profile (what
  Django's post_save sends), and waits for every result: tasks/s from the first send to the last result; before,
  warm-up tasks with ids below the first (untimed).
Both also report the CPU seconds of the processes BENCH_PIDS names (engine, worker, Elasticsearch; from /proc) over
the timed part only, warm-ups and checks left out.
Environment: BROKER, BACKEND, QUEUE, BENCH_PIDS.
"""
import json
import math
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


def cpu():
    """CPU seconds used so far by each process of BENCH_PIDS (0 for one not running)."""
    seconds = []
    for pid in os.environ.get('BENCH_PIDS', '').split():
        try:
            fields = open(f'/proc/{pid}/stat').read().rsplit(')', 1)[1].split()
            seconds.append((int(fields[11]) + int(fields[12])) / os.sysconf('SC_CLK_TCK'))
        except (OSError, ValueError):
            seconds.append(0.0)
    return seconds


def timed(work):
    """work() run once, with its wall seconds and the CPU seconds each process of BENCH_PIDS spent meanwhile."""
    cpu_before, start = cpu(), time.time()
    work()
    seconds, cpu_after = time.time() - start, cpu()
    return seconds, [round(b - a, 3) for a, b in zip(cpu_before, cpu_after)]


def request(url, key, body=None):
    headers = {'Content-Type': 'application/json'} | ({'Authorization': 'Bearer ' + key} if key else {})
    data = None if body is None else json.dumps(body).encode()
    with urllib.request.urlopen(urllib.request.Request(url, data, headers=headers), timeout=120) as answer:
        return json.load(answer)


def sentence(part):
    part = part.strip()
    return part if part.endswith('.') else part + '.'


def embedding_text(doc):
    """NormalizedCandidate.embeddingText of a stored candidate (its assertion in embed() keeps the two alike)."""
    skills = 'Skills: ' + ', '.join(s.replace('_', ' ') for s in doc['skills']) if doc.get('skills') else None
    return ' '.join(sentence(p) for p in (doc.get('headline'), doc.get('summary'), skills) if p and p.strip())


def embed(engine, key_file, n, first):
    key = open(key_file).read().strip()
    ids = list(range(first, first + n))
    docs = request(os.environ['ELASTICSEARCH_URL'] + '/candidates/_mget', None, {'ids': ids})['docs']
    texts = [embedding_text(d['_source']) for d in docs]

    def post(batch):
        return request(engine + '/embeddings', key, {'texts': batch})['vectors']

    for i in range(0, n, 64):  # as many texts first: the engine's path compiled, as the worker's is by its warm-up
        post([t + ' warm-up' for t in texts[i:i + 64]])
    def run():
        for i in range(0, n, 64):
            assert len(post(texts[i:i + 64])) == len(texts[i:i + 64])

    seconds, cpu_seconds = timed(run)
    stored = request(f'{engine}/faiss/indexes/candidates/vectors/{first}', key)['vector']
    here = post(texts[:1])[0]
    cosine = sum(a * b for a, b in zip(stored, here)) / math.sqrt(sum(a * a for a in stored) * sum(b * b for b in here))
    # fp32 gives the same vector (> 0.9999); int8's dynamic quantisation makes a vector depend a little on the batch
    # it was computed in (0.990-0.992 seen), a text missing its skills sentence differs far more
    assert cosine > 0.98, f'the reference text of {first} is not what the worker embedded (cosine {cosine}): {texts[0]}'
    return {'texts': n, 'seconds': round(seconds, 2), 'texts_per_second': round(n / seconds, 1),
            'cpu_seconds': cpu_seconds, 'mean_chars': round(sum(map(len, texts)) / n, 1)}


def index(n, first, warmup):
    app = Celery('bench-indexing', broker=os.environ['BROKER'], backend=os.environ['BACKEND'])
    app.conf.result_expires = 600
    queue = os.environ['QUEUE']
    warm = ResultSet([app.send_task('hybridmatch.index_candidate', args=[profile(first - 1 - i)], queue=queue)
                      for i in range(warmup)])
    warm.get(timeout=1800)
    values = []
    sent = []

    def run():
        results = ResultSet([app.send_task('hybridmatch.index_candidate', args=[profile(first + i)], queue=queue)
                             for i in range(n)])
        sent.append(results)
        values.extend(results.get(timeout=1800))

    seconds, cpu_seconds = timed(run)
    # the worker keeps results a day (its result_expires): deleted, so the bench's result DB is left as found
    # (bench/worker/run needs it empty)
    for results in [warm, *sent]:
        results.forget()
    indexed = sum(1 for v in values if v.get('status') == 'indexed')
    assert indexed == n, f'{indexed} of {n} indexed: {values[:3]}'
    return {'tasks': n, 'seconds': round(seconds, 2), 'tasks_per_second': round(n / seconds, 1),
            'cpu_seconds': cpu_seconds}


if __name__ == '__main__':
    if sys.argv[1] == 'embed':
        print(json.dumps(embed(sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]))))
    else:
        print(json.dumps(index(int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]))))
