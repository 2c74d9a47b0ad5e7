"""One measurement of bench/worker/run or bench/worker/startup. Prints one JSON line.

drain.py ready -- <worker command ...>
  the worker's start-up: process start -> a consumer on QUEUE (declared first as kombu declares it), then its CPU
  seconds and peak RSS so far; it is stopped (SIGTERM).
drain.py <tasks> <producers> -- <worker command ...>
  1. with no worker running, <producers> processes send <tasks> bench.noop(i) tasks (ids <run>-<i>) to QUEUE;
     the queue must then hold them all (each publish is confirmed);
  2. the worker command is started; the Redis result DB (BACKEND, which must be empty: the count of its keys is the
     count of stored results) is polled every 5 ms until every result is there;
  3. the worker's process tree is read from /proc (CPU seconds, peak RSS) before it is stopped (SIGTERM, then
     SIGKILL after DRAIN_STOP_SECONDS);
  4. every result is checked (SUCCESS, its own argument), the queue must be empty; the results are deleted.
Times: ready = process start -> first result stored; drain rates from the first result and from process start.
Environment: CELERY_BROKER_URL, BACKEND, QUEUE.
"""
import json
import multiprocessing
import os
import signal
import subprocess
import sys
import time
import uuid

import redis
from celery import Celery
from kombu import Connection, Exchange, Queue

BROKER = os.environ['CELERY_BROKER_URL']
QUEUE = os.environ['QUEUE']
TICKS = os.sysconf('SC_CLK_TCK')
PAGE_KB = os.sysconf('SC_PAGE_SIZE') // 1024


def produce(run, first, last):
    """Sends bench.noop(i) for i in [first, last): a producer without result backend, as a web process sends."""
    app = Celery('bench-producer', broker=BROKER)
    # confirmed: the pool terminates this process with its connection open, and RabbitMQ drops what it had not read
    app.conf.broker_transport_options = {'confirm_publish': True}
    with app.producer_or_acquire() as producer:
        for i in range(first, last):
            app.send_task('bench.noop', args=[i], task_id=f'{run}-{i}', queue=QUEUE, producer=producer)


def queue_depth():
    with Connection(BROKER) as connection:
        return connection.default_channel.queue_declare(QUEUE, passive=True).message_count


def ready(command):
    with Connection(BROKER) as connection:
        Queue(QUEUE, Exchange(QUEUE), routing_key=QUEUE)(connection.default_channel).declare()
    start = time.monotonic()
    worker = subprocess.Popen(command, stdout=sys.stderr, stderr=sys.stderr, start_new_session=True)
    with Connection(BROKER) as connection:
        while not connection.default_channel.queue_declare(QUEUE, passive=True).consumer_count:
            if worker.poll() is not None:
                sys.exit(f'ready: the worker stopped with {worker.returncode}')
            time.sleep(0.02)
    seconds = time.monotonic() - start
    cpu, rss = usage(worker.pid)
    stop(worker)
    print(json.dumps({'ready_seconds': round(seconds, 3), 'cpu_seconds': round(cpu, 2), 'peak_rss_mib': round(rss, 1)}))


def stop(worker):
    """SIGTERM, and SIGKILL after DRAIN_STOP_SECONDS (default 120; a JVM writing its AOT cache at exit needs more)."""
    os.killpg(worker.pid, signal.SIGTERM)
    try:
        worker.wait(float(os.environ.get('DRAIN_STOP_SECONDS', 120)))
    except subprocess.TimeoutExpired:
        print('drain: the worker did not stop, killed', file=sys.stderr)
        os.killpg(worker.pid, signal.SIGKILL)
        worker.wait()


def tree(root):
    """The pids of root and its descendants, from /proc."""
    parents = {}
    for entry in os.listdir('/proc'):
        if entry.isdigit():
            try:
                with open(f'/proc/{entry}/stat') as stat:
                    parents[int(entry)] = int(stat.read().rsplit(')', 1)[1].split()[1])
            except OSError:
                pass
    pids, frontier = [root], [root]
    while frontier:
        frontier = [pid for pid, parent in parents.items() if parent in frontier]
        pids += frontier
    return pids


def usage(root):
    """CPU seconds (user + system, reaped children included) and the sum of each process's peak RSS, in MiB."""
    ticks, peak_kb = 0, 0
    for pid in tree(root):
        try:
            with open(f'/proc/{pid}/stat') as stat:
                fields = stat.read().rsplit(')', 1)[1].split()
            ticks += sum(int(f) for f in fields[11:15])  # utime stime cutime cstime
            with open(f'/proc/{pid}/status') as status:
                peak_kb += next(int(line.split()[1]) for line in status if line.startswith('VmHWM:'))
        except (OSError, StopIteration):
            pass
    return ticks / TICKS, peak_kb / 1024


def main():
    command = sys.argv[sys.argv.index('--') + 1:]
    if sys.argv[1] == 'ready':
        return ready(command)
    n, producers = int(sys.argv[1]), int(sys.argv[2])
    results = redis.Redis.from_url(os.environ['BACKEND'])
    if results.dbsize():
        sys.exit(f"drain: the result DB {os.environ['BACKEND']} is not empty: give the bench a Redis DB of its own")
    run = uuid.uuid4().hex[:12]
    bounds = [n * k // producers for k in range(producers + 1)]
    with multiprocessing.get_context('fork').Pool(producers) as pool:
        pool.starmap(produce, [(run, bounds[k], bounds[k + 1]) for k in range(producers)])
    assert queue_depth() == n, f'{queue_depth()} of {n} tasks queued'

    start = time.monotonic()
    worker = subprocess.Popen(command, stdout=sys.stderr, stderr=sys.stderr, start_new_session=True)
    first = half = None
    half_stored = 0
    while (stored := results.dbsize()) < n:
        if first is None and stored:
            first = time.monotonic()
        if half is None and 2 * stored >= n:
            # the second half's rate: the JIT done warming, as in a worker that runs for days
            half, half_stored = time.monotonic(), stored
        if worker.poll() is not None:
            sys.exit(f'drain: the worker stopped with {worker.returncode} after {stored} results')
        time.sleep(0.005)
    done = time.monotonic()
    first = first or done
    half, half_stored = (half, half_stored) if half else (done, n)
    cpu, rss = usage(worker.pid)
    stop(worker)

    keys = [f'celery-task-meta-{run}-{i}' for i in range(n)]
    for k in range(0, n, 1000):
        for i, value in enumerate(results.mget(keys[k:k + 1000]), k):
            # the drain counted keys: another process writing into this DB ends it before every result is stored
            assert value is not None, f'task {i} has no result: the result DB is shared (give the bench its own)'
            meta = json.loads(value)
            assert meta['status'] == 'SUCCESS' and meta['result'] == i, f'task {i}: {meta}'
        results.delete(*keys[k:k + 1000])
    assert queue_depth() == 0, f'{queue_depth()} tasks left in the queue'
    print(json.dumps({'tasks': n, 'ready_seconds': round(first - start, 3), 'drain_seconds': round(done - first, 3),
                      'tasks_per_second_from_first_result': round((n - 1) / max(done - first, 1e-9), 1),
                      'tasks_per_second_from_start': round(n / (done - start), 1),
                      'tasks_per_second_second_half': round((n - half_stored) / max(done - half, 1e-9), 1),
                      'cpu_seconds': round(cpu, 2), 'peak_rss_mib': round(rss, 1)}))


if __name__ == '__main__':
    main()
