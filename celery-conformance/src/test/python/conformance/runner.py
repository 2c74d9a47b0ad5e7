"""Runs conformance scenarios against one worker and writes what the client observed, one JSON line per scenario.

    python3 -m conformance.runner --worker conf-py@host --out observed.jsonl [scenario-glob ...]

Environment as conformance.settings. The runner starts its events receiver first and then waits for the worker to
answer a ping, so the worker may be started after it (worker-online is then observed).
"""
import argparse
import fnmatch
import json
import sys
import time
import traceback

from conformance import settings
from conformance.client import app
from conformance.observe import Context, EventLog
from conformance.scenarios import SCENARIOS


def wait_for_worker(worker, timeout):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if app.control.inspect(destination=[worker], timeout=1.0, limit=1).ping():
            return
    raise SystemExit(f'worker {worker} did not answer a ping within {timeout}s')


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--worker', required=True, help='the node name of the worker under test')
    parser.add_argument('--out', required=True)
    parser.add_argument('--startup-timeout', type=float, default=90)
    parser.add_argument('patterns', nargs='*', default=['*'])
    options = parser.parse_args()
    selected = [n for n in SCENARIOS if any(fnmatch.fnmatchcase(n, p) for p in options.patterns)]
    events = EventLog(app)
    events.start()
    print('runner: events receiver ready', flush=True)
    wait_for_worker(options.worker, options.startup_timeout)
    with open(options.out, 'w', encoding='utf-8') as out:
        for name in selected:
            started = time.monotonic()
            ctx = Context(app, options.worker, events, settings.BACKEND)
            try:
                SCENARIOS[name](ctx)
                record = {'scenario': name, 'observed': ctx.observed}
            except Exception:  # a broken scenario is reported as such, the others still run
                record = {'scenario': name, 'observed': ctx.observed, 'error': traceback.format_exc()}
            record['seconds'] = round(time.monotonic() - started, 2)
            out.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + '\n')
            out.flush()
            print(f'runner: {name} {record["seconds"]}s' + (' ERROR' if 'error' in record else ''), flush=True)


if __name__ == '__main__':
    sys.exit(main())
