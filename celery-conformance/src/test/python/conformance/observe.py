"""What a Celery client can observe of a worker, collected per scenario: results, states, stored meta, events,
remote-control replies and the messages the worker publishes elsewhere."""
import json
import subprocess
from collections import Counter
import sys
import threading
import time
import uuid

import redis
from celery import states as celery_states
from celery.exceptions import TimeoutError as CeleryTimeout
from kombu import Exchange, Queue

from conformance import settings
from conformance.normalise import Normaliser

#: every wait is bounded; a task that should be done in a second gets this long
RESULT_TIMEOUT = 8.0
REPLY_TIMEOUT = 8.0  # a Python worker on 2 busy cores can take seconds to answer
STARTED_TIMEOUT = 30.0


class EventLog:
    """All events on the broker's `celeryev` exchange since the runner started, in arrival order."""

    def __init__(self, app):
        self.app = app
        self.events = []
        self.lock = threading.Condition()
        self.ready = threading.Event()

    def start(self):
        threading.Thread(target=self._capture, daemon=True, name='events').start()
        if not self.ready.wait(10):
            raise RuntimeError('events receiver did not start')

    def _capture(self):
        with self.app.connection_for_read() as conn:
            receiver = self.app.events.Receiver(conn, handlers={'*': self._on_event})
            consuming = receiver.on_consume_ready

            def on_consume_ready(*args, **kwargs):
                consuming(*args, **kwargs)
                self.ready.set()

            receiver.on_consume_ready = on_consume_ready
            receiver.capture(limit=None, timeout=None, wakeup=False)

    def _on_event(self, event):
        with self.lock:
            self.events.append(event)
            self.lock.notify_all()

    def mark(self):
        with self.lock:
            return len(self.events)

    def since(self, mark, predicate):
        with self.lock:
            return [e for e in self.events[mark:] if predicate(e)]

    def wait_for(self, mark, predicate, timeout):
        deadline = time.monotonic() + timeout
        with self.lock:
            while True:
                found = [e for e in self.events[mark:] if predicate(e)]
                remaining = deadline - time.monotonic()
                if found or remaining <= 0:
                    return found
                self.lock.wait(remaining)

    def settle(self, mark, predicate, done, timeout=5.0, silent=2.0):
        """The matching events once `done(events)` holds, or nothing matched for `silent` seconds (a worker that
        sends no events), or at the latest after `timeout`. The Python worker's events can trail its result by
        more than half a second on two busy cores (CI saw none within 0.5 s at load average 14)."""
        started = time.monotonic()
        while True:
            found = self.since(mark, predicate)
            elapsed = time.monotonic() - started
            if done(found) or elapsed > timeout or (not found and elapsed > silent):
                time.sleep(0.05)
                return self.since(mark, predicate)
            time.sleep(0.05)


TERMINAL = {'task-succeeded', 'task-failed', 'task-revoked', 'task-rejected'}


class Context:
    """One scenario's view: its task ids by role, and the recorded observations."""

    def __init__(self, app, worker, events, backend):
        self.app = app
        self.worker = worker
        self.events = events
        self.redis = redis.Redis.from_url(backend) if backend.startswith('redis') else None
        self.norm = Normaliser(worker, settings.QUEUE)
        self.observed = {}
        self.mark = events.mark()
        self.ids = {}
        self.results = {}

    # --- sending -------------------------------------------------------------------------------------------------

    def id(self, role):
        task_id = str(uuid.uuid4())
        self.ids[role] = task_id
        self.norm.role(task_id, role)
        return task_id

    def send(self, name, args=(), kwargs=None, role='task', **options):
        res = self.app.send_task(name, args=list(args), kwargs=kwargs or {}, task_id=self.id(role), **options)
        self.results[role] = res
        return res

    def adopt(self, res):
        """Keeps the result objects of a canvas by role: on rpc:// only the object that received a reply has it."""
        roles = {task_id: role for role, task_id in self.ids.items()}
        todo = [res]
        while todo:
            r = todo.pop()
            if r is None:
                continue
            if r.id in roles:
                self.results.setdefault(roles[r.id], r)
            todo.extend(getattr(r, 'results', None) or [])
            todo.append(r.parent)
        return res

    def sig(self, name, *args, role, immutable=False, kwargs=None, **options):
        return self.app.signature(name, args=args, kwargs=kwargs or {}, immutable=immutable,
                                  task_id=self.id(role), **options)

    def result(self, role):
        return self.results.setdefault(role, self.app.AsyncResult(self.ids[role]))

    # --- recording -----------------------------------------------------------------------------------------------

    def record(self, key, value):
        self.observed[key] = self.norm.value(value)

    def record_shape(self, key, value):
        self.observed[key] = self.norm.shape(value)

    def outcome(self, res, timeout=RESULT_TIMEOUT):
        """What AsyncResult.get() gives: the value, or the exception's type, module and args, or a timeout."""
        try:
            return {'value': res.get(timeout=timeout, disable_sync_subtasks=False)}
        except CeleryTimeout:
            return {'timeout': f'no result within {timeout}s'}
        except Exception as e:  # the exception itself is the observation
            return {'raised': exception(e)}

    def watch(self, res, timeout=RESULT_TIMEOUT, interval=0.05):
        """The distinct states of a task in order, the distinct stored metas (Redis), and whether it became ready.

        Redis: AsyncResult.state and the stored meta are sampled. rpc://: every state message the worker sends is
        seen through get(on_message=...); sampling .state cannot work there (in Celery 5.2, once a get() ran, the
        client's result consumer owns the reply queue and keeps only the ready states it receives)."""
        if self.redis is None:
            seen = ['PENDING']

            def on_message(meta):
                if meta.get('task_id') == res.id and seen[-1] != meta['status']:
                    seen.append(meta['status'])
            try:
                res.get(timeout=timeout, propagate=False, on_message=on_message, disable_sync_subtasks=False)
            except CeleryTimeout:
                return ' > '.join(seen + ['<still not ready>']), [], False
            if seen[-1] != res.state:
                seen.append(res.state)
            return ' > '.join(seen), [], True
        seen, metas = [], []
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            meta = self.meta(res.id)  # what AsyncResult.state reads on Redis, one GET
            state = meta['status'] if meta else 'PENDING'
            if not seen or seen[-1] != state:
                seen.append(state)
            if meta is not None and (not metas or metas[-1] != meta):
                metas.append(meta)
            if state in celery_states.READY_STATES:
                return ' > '.join(seen), metas, True
            time.sleep(interval)
        return ' > '.join(seen + ['<still not ready>']), metas, False

    def observe(self, role, res=None, timeout=RESULT_TIMEOUT, over_time=True):
        """The usual record of one task: states and stored metas over time (or only the last ones: for a task
        that may be done before it is looked at), then get()."""
        res = res or self.result(role)
        states, metas, ready = self.watch(res, timeout)
        # a client sees PENDING first, or not at all when the task is done before the first look: not compared
        states = states.removeprefix('PENDING > ') if states != 'PENDING > <still not ready>' else states
        self.record(f'{role}.states', states if over_time else states.split(' > ')[-1])
        if self.redis is not None:
            self.record(f'{role}.metas', metas if over_time else metas[-1:])
        self.record(f'{role}.get', self.outcome(res, timeout=timeout if ready else 0.5))

    def meta(self, task_id):
        """The Redis backend's stored `celery-task-meta-<id>` JSON, None when absent or on rpc://."""
        if self.redis is None:
            return None
        raw = self.redis.get('celery-task-meta-' + task_id)
        return json.loads(raw) if raw is not None else None

    def record_meta(self, role):
        if self.redis is not None:
            self.record(f'{role}.meta', self.meta(self.ids[role]))

    def task_events(self, *roles, full=False, counts=False):
        """Event types per task role, in time order (full: the normalised events themselves; counts: how many
        of each type, where events of different messages interleave, e.g. a retry's task-retried and the
        task-received of its new message)."""
        ids = {self.ids[r]: r for r in roles}

        def all_ended(events):
            return all(any(e['type'] in TERMINAL and e.get('uuid') == i for e in events) for i in ids)

        matching = self.events.settle(self.mark, lambda e: e.get('uuid') in ids, all_ended)
        for role in roles:
            # in time order: events of one task may come from different threads or processes (the receiver's
            # arrival order then varies, while Flower orders them by time too)
            mine = sorted((e for e in matching if e.get('uuid') == self.ids[role]), key=lambda e: e['timestamp'])
            if full:
                self.record(f'{role}.events', [without_type_extras(e) for e in mine])
            elif counts:
                self.record(f'{role}.events', dict(sorted(Counter(e['type'] for e in mine).items())))
            else:
                self.record(f'{role}.events', ' '.join(e['type'] for e in mine) or '<none>')

    def wait_event(self, role, *types, timeout=3.0, silent=1.0):
        """Waits for one of the task's events of `types`; gives up after `silent` seconds when the task has no
        event at all (a worker that sends none). True when seen."""
        task_id = self.ids[role]
        started = time.monotonic()
        while True:
            mine = self.events.since(self.mark, lambda e: e.get('uuid') == task_id)
            elapsed = time.monotonic() - started
            if any(e['type'] in types for e in mine):
                return True
            if elapsed > timeout or (not mine and elapsed > silent):
                return False
            time.sleep(0.05)

    def wait_started(self, role, timeout=STARTED_TIMEOUT):
        """Waits until the task runs: its task-started event or, from a worker that sends no events, `inspect active`
        listing it. A scenario that acts on a running task (warm shutdown, revoke, inspect) must not act on one still
        reserved: a warm shutdown leaves that one unrun, and on a loaded machine the first event can come seconds
        after the send (CI once saw the Python worker's result never come after a fixed one-second wait)."""
        task_id = self.ids[role]
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.wait_event(role, 'task-started', timeout=1.0, silent=1.0):
                return
            active = self.inspect('active', timeout=1.0)
            if isinstance(active, list) and any(t.get('id') == task_id for t in active):
                return
        raise TimeoutError(f'the task {role} did not start within {timeout}s')

    def worker_event(self, event_type, timeout, mark=None):
        found = self.events.wait_for(self.mark if mark is None else mark,
                                     lambda e: e['type'] == event_type and e.get('hostname') == self.worker, timeout)
        return found[0] if found else None

    # --- remote control ------------------------------------------------------------------------------------------

    def await_pool(self):
        """After a pool process was killed (terminate, hard time limit), waits until the worker runs tasks again,
        so the next scenario does not see Celery's process replacement."""
        for i in range(2):
            self.app.send_task('conformance.add', args=[i, i]).get(timeout=60, propagate=False)

    def inspect(self, method, *args, timeout=REPLY_TIMEOUT):
        """The worker's reply to `celery inspect <method>`, or '<no reply>'."""
        replies = getattr(self.app.control.inspect(destination=[self.worker], timeout=timeout, limit=1),
                          method)(*args)
        return replies.get(self.worker, '<no reply>') if replies else '<no reply>'

    def queue_names(self, until=lambda names: True, timeout=3.0):
        """The names of the queues the worker consumes (inspect active_queues), polled until `until` holds."""
        deadline = time.monotonic() + timeout
        while True:
            reply = self.inspect('active_queues')
            names = sorted(q['name'] for q in reply) if isinstance(reply, list) else reply
            if until(names) or time.monotonic() > deadline:
                return names
            time.sleep(0.1)

    def control(self, command, timeout=REPLY_TIMEOUT, **arguments):
        """The worker's replies to a broadcast control command, normalised."""
        replies = self.app.control.broadcast(command, arguments=arguments, destination=[self.worker], reply=True,
                                             timeout=timeout, limit=1)
        return [r.get(self.worker, r) for r in replies] or '<no reply>'

    def cli(self, *args, timeout=30):
        """`celery -A conformance.client <args>`: exit code and output (lines, or the shape of a JSON answer)."""
        run = subprocess.run([sys.executable, '-m', 'celery', '-A', 'conformance.client', *args],
                             capture_output=True, text=True, timeout=timeout)
        lines = [line for line in run.stdout.splitlines() if line.strip()]
        if '--json' in args and lines and lines[0].startswith('{'):
            return {'exit': run.returncode, 'json': self.norm.shape(json.loads(lines[0]))}
        return {'exit': run.returncode, 'stdout': lines}

    # --- messages published elsewhere ----------------------------------------------------------------------------

    def find_message(self, queue, role, timeout=2.0):
        """Takes the message of task `role` from `queue` (others are left there): where a callback landed."""
        task_id = self.ids[role]
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self.app.connection_for_write() as conn:
                channel = conn.default_channel
                # as the Python worker that consumes it would have declared it
                Queue(queue, Exchange(queue), routing_key=queue)(channel).declare()
                for _ in range(500):
                    message = channel.basic_get(queue, no_ack=False)
                    if message is None:
                        break
                    if message.headers.get('id') == task_id:
                        channel.basic_ack(message.delivery_tag)
                        body = json.loads(message.body)
                        return {'queue': queue, 'task': message.headers.get('task'), 'args': body[0],
                                'kwargs': body[1], 'priority': message.properties.get('priority'),
                                'parent_id': message.headers.get('parent_id'),
                                'root_id': message.headers.get('root_id')}
                # messages of others are not acked: closing the channel puts them back
            time.sleep(0.1)
        return f'<not in {queue}>'


def exception(e):
    return {'type': type(e).__name__, 'module': type(e).__module__, 'args': list(e.args)}


def without_type_extras(event):
    """An event as Flower reads it; the receiver's own additions are dropped."""
    return {k: v for k, v in sorted(event.items()) if k not in ('local_received',)}
