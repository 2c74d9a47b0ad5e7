"""Sends N bench.noop tasks and waits for every result: prints tasks/s from first send to last result."""
import json
import sys
import time

from celery.result import ResultSet

from noop_app import app

n = int(sys.argv[1])
warmup = [app.send_task('bench.noop', args=[-i]) for i in range(50)]
ResultSet(warmup).get(timeout=120)
start = time.time()
results = ResultSet([app.send_task('bench.noop', args=[i]) for i in range(n)])
sent = time.time()
values = results.get(timeout=600)
done = time.time()
assert sorted(values) == list(range(n)), 'every task answered with its own argument'
print(json.dumps({'tasks': n, 'send_seconds': round(sent - start, 2), 'total_seconds': round(done - start, 2),
                  'tasks_per_second': round(n / (done - start), 1)}))
