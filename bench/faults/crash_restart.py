"""Crash-only restart under load: kill -9 of the worker, then the engine, then the Elasticsearch node, each time
together with bin/run itself (so that nothing cleans up), then bin/run again. Candidates are indexed all along from
Python Celery (hybridmatch_client, broker-confirmed sends); at the end every acknowledged update must be in
Elasticsearch (at its newest acknowledged version) and in the engine's vectors, once.

Usage: crash_restart.py [--seconds-per-fault 20] [--rate 10] [--settle-seconds 300] [--faults worker,engine,elasticsearch]
Own ports and queue (ENGINE_PORT 28080, WORKER_MANAGEMENT_PORT 28081, ELASTICSEARCH_PORT 29200, queue ess-<random>),
a fresh data dir; only the first bin/run builds (none with HYBRIDMATCH_SKIP_BUILD=1). Prints one JSON line per fault and a
Markdown table; exits 1 if anything acknowledged was lost, stale or duplicated.
"""
import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
import uuid
from datetime import datetime, timedelta, timezone
from urllib.parse import quote

from celery import Celery
from hybridmatch_client import tasks

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
ENGINE, WORKER_MANAGEMENT, ELASTICSEARCH = 28080, 28081, 29200
FAULTS = ['worker', 'engine', 'elasticsearch']
IDS_PER_FAULT = 40
READY_TIMEOUT = 600


def log(message):
    print(f'[{time.strftime("%H:%M:%S")}] {message}', file=sys.stderr, flush=True)


def http_json(url, body=None, key=None, timeout=10):
    data = None if body is None else json.dumps(body).encode()
    headers = {'Content-Type': 'application/json'}
    if key:
        headers['Authorization'] = f'Bearer {key}'
    request = urllib.request.Request(url, data=data, method='POST' if body is not None else 'GET', headers=headers)
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return json.loads(response.read())


class Run:
    """bin/run as a background session of its own, on this test's ports, queue and data dir."""

    def __init__(self, data_dir, queue):
        self.data_dir = data_dir
        self.env = dict(os.environ, HYBRIDMATCH_DATA_DIR=data_dir,
                        ENGINE_PORT=str(ENGINE), WORKER_MANAGEMENT_PORT=str(WORKER_MANAGEMENT),
                        ELASTICSEARCH_PORT=str(ELASTICSEARCH), HYBRIDMATCH_WORKER_QUEUE=queue)
        self.env.pop('ELASTICSEARCH_URL', None)
        self.process = None
        self.starts = 0

    def start(self):
        self.starts += 1
        output = open(os.path.join(self.data_dir, f'run-{self.starts}.log'), 'w')
        building = self.env.get('HYBRIDMATCH_SKIP_BUILD') != '1'
        started = time.time()
        self.process = subprocess.Popen([os.path.join(ROOT, 'bin', 'run')], cwd=ROOT, env=self.env,
                                        stdout=output, stderr=subprocess.STDOUT, start_new_session=True)
        self.env['HYBRIDMATCH_SKIP_BUILD'] = '1'
        deadline = started + READY_TIMEOUT * (3 if building else 1)
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f'bin/run exited with {self.process.returncode}: see {output.name}')
            with open(output.name) as text:
                if 'run: ready' in text.read():
                    return time.time() - started
            time.sleep(1)
        raise RuntimeError(f'bin/run not ready after {READY_TIMEOUT} s: see {output.name}')

    def pid_of(self, name):
        with open(os.path.join(self.data_dir, 'run', f'{name}.pid')) as f:
            return int(f.read().split()[0])

    def crash(self, name):
        """kill -9 of bin/run (first, so that it cannot react) and of one of its processes."""
        target = self.pid_of(name)
        os.kill(self.process.pid, signal.SIGKILL)
        os.kill(target, signal.SIGKILL)
        self.process.wait(timeout=30)
        return target

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=120)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)


def broker_url():
    """The broker bin/run's worker uses: the same RABBITMQ_* variables, the same defaults (worker.yml)."""
    env = os.environ.get
    return 'amqp://{}:{}@{}:{}/{}'.format(quote(env('RABBITMQ_USER', 'guest'), safe=''),
                                          quote(env('RABBITMQ_PASSWORD', 'guest'), safe=''),
                                          env('RABBITMQ_HOST', '127.0.0.1'), env('RABBITMQ_PORT', '5672'),
                                          quote(env('RABBITMQ_VHOST', '/'), safe=''))


class Load(threading.Thread):
    """Index tasks at a steady rate; each fault has its own ids. Every 5th send replays an older update of an id
    (must end 'stale', not overwrite). Records what the broker confirmed: (fault, id, version)."""

    def __init__(self, queue, rate, faults):
        super().__init__(daemon=True)
        self.faults = faults
        self.app = Celery(broker=broker_url())
        self.app.conf.broker_transport_options = {'confirm_publish': True}
        self.app.conf.task_routes = {'hybridmatch.*': {'queue': queue}}
        self.queue, self.interval = queue, 1.0 / rate
        self.fault = None
        self.pushed = {f: 0 for f in FAULTS}
        self.acknowledged = {f: [] for f in FAULTS}
        self.stopping = threading.Event()
        self.base = datetime(2026, 1, 1, tzinfo=timezone.utc)

    def run(self):
        sequence = 0
        while not self.stopping.is_set():
            fault = self.fault
            candidate_id = 7_000_000 + FAULTS.index(fault) * 1000 + sequence % IDS_PER_FAULT
            revision = sequence // IDS_PER_FAULT
            if sequence % 5 == 4 and revision > 0:
                revision -= 1   # an older update arriving late
            version = self.base + timedelta(minutes=revision)
            self.pushed[fault] += 1
            try:
                tasks.index_candidate(self.app, {
                    'candidate_id': candidate_id, 'headline': f'Java developer revision {revision}',
                    'summary': 'Spring Boot and Kafka microservices.', 'skills': ['Java', 'Kafka'],
                    'location': 'Paris', 'updated_at': version.isoformat()}, ignore_result=True)
                self.acknowledged[fault].append((candidate_id, int(version.timestamp() * 1000)))
            except Exception as refused:   # not acknowledged: the producer knows it must resend
                log(f'send refused: {refused!r}')
            sequence += 1
            time.sleep(self.interval)


def stored(ids, key):
    """id -> Elasticsearch version, and id -> number of vector hits, for these ids."""
    es = {}
    for chunk in range(0, len(ids), 500):
        docs = http_json(f'http://127.0.0.1:{ELASTICSEARCH}/candidates/_mget', {'ids': [str(i) for i in ids[chunk:chunk + 500]]})
        es.update({int(d['_id']): d['_version'] for d in docs['docs'] if d.get('found')})
    probe = http_json(f'http://127.0.0.1:{ENGINE}/embeddings', {'texts': ['Java developer']}, key)['vectors'][0]
    hits = http_json(f'http://127.0.0.1:{ENGINE}/faiss/search',
                     {'index': 'candidates', 'vector': probe, 'top_k': len(ids), 'allowed_ids': ids}, key)['hits']
    vectors = {}
    for hit in hits:
        vectors[hit['id']] = vectors.get(hit['id'], 0) + 1
    return es, vectors


def figures(load, key):
    newest = {}
    for fault in load.faults:
        for candidate_id, version in load.acknowledged[fault]:
            newest[candidate_id] = max(newest.get(candidate_id, 0), version)
    es, vectors = stored(sorted(newest), key)
    rows = []
    for fault in load.faults:
        ids = {i for i, _ in load.acknowledged[fault]}
        rows.append({'fault': fault, 'pushed': load.pushed[fault], 'acknowledged': len(load.acknowledged[fault]),
                     'lost': sum(1 for i in ids if i not in es or i not in vectors),
                     'duplicated': sum(vectors.get(i, 0) - 1 for i in ids if vectors.get(i, 0) > 1),
                     'stale': sum(1 for i in ids if i in es and es[i] < newest[i])})
    return rows


def settled(load, key):
    rows = figures(load, key)
    return rows, all(r['lost'] == 0 and r['stale'] == 0 for r in rows)


def delete_queues(queue):
    names = subprocess.run(['rabbitmqctl', 'list_queues', '-q', 'name'], capture_output=True, text=True).stdout.split()
    for name in names:
        if name == queue or name.startswith(queue + '.'):
            subprocess.run(['rabbitmqctl', 'delete_queue', name], capture_output=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--seconds-per-fault', type=float, default=20)
    parser.add_argument('--rate', type=float, default=10, help='tasks per second')
    parser.add_argument('--settle-seconds', type=float, default=300)
    parser.add_argument('--faults', type=lambda v: v.split(','), default=FAULTS,
                        help='comma-separated, in order, among ' + ','.join(FAULTS))
    args = parser.parse_args()
    unknown = set(args.faults) - set(FAULTS)
    if unknown:
        parser.error(f'unknown faults {sorted(unknown)}')

    queue = f'ess-{uuid.uuid4().hex[:8]}'
    data_dir = tempfile.mkdtemp(prefix='crash-restart-')
    os.chmod(data_dir, 0o755)   # the node runs as its own user when we are root
    run = Run(data_dir, queue)
    load = Load(queue, args.rate, args.faults)
    restarts = []
    try:
        log(f'bin/run (queue {queue}, data {data_dir}): ready after {run.start():.0f} s')
        load.fault = args.faults[0]
        load.start()
        for fault in args.faults:
            load.fault = fault
            time.sleep(args.seconds_per_fault / 2)
            pid = run.crash(fault)
            log(f'kill -9 of the {fault} (pid {pid}) and of bin/run')
            time.sleep(args.seconds_per_fault / 2)   # the load goes on meanwhile
            restarts.append(run.start())
            log(f'bin/run again: ready after {restarts[-1]:.0f} s')
        time.sleep(args.seconds_per_fault / 2)
        load.stopping.set()
        load.join(timeout=60)
        deadline = time.time() + args.settle_seconds
        with open(os.path.join(data_dir, 'secrets', 'demo.key')) as demo_key:   # made by bin/run (bin/demo-keys)
            key = demo_key.read().strip()
        rows, done = settled(load, key)
        while not done and time.time() < deadline:
            time.sleep(5)
            rows, done = settled(load, key)
    finally:
        load.stopping.set()
        run.stop()
        delete_queues(queue)
    for row in rows:
        print(json.dumps(dict(row, restart_seconds=round(restarts[args.faults.index(row['fault'])], 1))), flush=True)
    print('| fault | pushed | acknowledged | lost | duplicated | stale |')
    print('|---|---|---|---|---|---|')
    for row in rows:
        print(f"| `kill -9` {row['fault']} + bin/run | {row['pushed']} | {row['acknowledged']} | {row['lost']} "
              f"| {row['duplicated']} | {row['stale']} |")
    failed = any(r['lost'] or r['stale'] or r['duplicated'] or not r['acknowledged'] for r in rows)
    if not failed:
        shutil.rmtree(data_dir, ignore_errors=True)
    else:
        log(f'kept {data_dir} for inspection')
    sys.exit(1 if failed else 0)


if __name__ == '__main__':
    main()
