"""The conformance scenarios, in run order. Each one drives the worker under test as a Django client would and
records what the client can observe (see observe.Context); the Java test compares the records of two workers.

A scenario's name is `<group>.<what>`; it must not depend on an earlier scenario, except the first (task events on)
and the last (the worker shuts down).
"""
import time
from datetime import datetime, timedelta, timezone

from celery import chain, chord, chunks, group, xmap, xstarmap
from celery_progress.backend import KnownResult, Progress
from kombu import Exchange, Queue

from conformance import settings
from conformance.observe import REPLY_TIMEOUT as REPLY, TERMINAL

SCENARIOS = {}


def scenario(name, redis_only=False):
    """Registers a scenario; a Redis-only one records only that it was skipped on rpc://."""
    def register(fn):
        def run(ctx):
            if redis_only and ctx.redis is None:
                ctx.record('skipped', 'needs a result backend that stores states (Redis)')
            else:
                fn(ctx)
        SCENARIOS[name] = run
        return fn
    return register


# --- events: Flower turns task events on with enable_events (workers run without -E) ------------------------------

@scenario('events.enable_events')
def enable_events(ctx):
    ctx.record('reply', ctx.control('enable_events'))
    ctx.send('conformance.add', (1, 1), role='task')
    ctx.observe('task')
    ctx.task_events('task', full=True)


@scenario('events.worker_online')
def worker_online(ctx):
    # the runner's receiver started before the worker
    ctx.record('worker-online', ctx.worker_event('worker-online', timeout=1.0, mark=0))


@scenario('events.worker_heartbeat')
def worker_heartbeat(ctx):
    ctx.record('worker-heartbeat', ctx.worker_event('worker-heartbeat', timeout=3.0))


@scenario('events.task_failed')
def task_failed_events(ctx):
    ctx.send('conformance.fail', ('ValueError', 'event me'), role='task')
    ctx.outcome(ctx.result('task'))
    ctx.task_events('task', full=True)


@scenario('events.disable_enable')
def disable_enable_events(ctx):
    ctx.record('disable', ctx.control('disable_events'))
    ctx.send('conformance.add', (2, 2), role='while_disabled')
    ctx.record('while_disabled.get', ctx.outcome(ctx.result('while_disabled')))
    ctx.record('enable', ctx.control('enable_events'))
    ctx.send('conformance.add', (3, 3), role='after_enable')
    ctx.record('after_enable.get', ctx.outcome(ctx.result('after_enable')))
    ctx.task_events('while_disabled', 'after_enable')
    ctx.record('heartbeat_while_task_events_off',
               ctx.worker_event('worker-heartbeat', timeout=3.0) is not None)


# --- basics ---------------------------------------------------------------------------------------------------------

def simple(name, task, args=(), kwargs=None, event_counts=False, kills_pool_process=False, **options):
    @scenario(name)
    def run(ctx):
        ctx.send(task, args, kwargs, role='task', **options)
        ctx.observe('task')
        ctx.task_events('task', counts=event_counts)
        if kills_pool_process:
            ctx.await_pool()
    return run


simple('basic.add_args', 'conformance.add', (2, 3))
simple('basic.add_kwargs', 'conformance.add', kwargs={'x': 2, 'y': 3})
simple('basic.add_floats', 'conformance.add', (0.5, 0.25))
simple('basic.add_big_ints', 'conformance.add', (2 ** 62, 2 ** 62))
simple('basic.echo_unicode', 'conformance.echo', ('héllo wörld ✓ 日本語 🎉 \u0000 "quoted"',))
simple('basic.echo_nested', 'conformance.echo',
       ({'list': [1, 2.5, None, True, False, {'deep': ['x']}], 'empty': {}, 'none': None, 'neg': -7, 'e': 1e-9},))
simple('basic.echo_large', 'conformance.echo', ('0123456789abcdéf' * 32768,))
simple('basic.missing_argument', 'conformance.add', (1,))
simple('basic.unexpected_kwarg', 'conformance.add', (1, 2), {'z': 3})
simple('basic.not_registered', 'conformance.missing', (1,))

# --- compression: kombu compresses the body and names the method in a `compression` header --------------------------

for method in ('zlib', 'bzip2', 'lzma'):
    simple(f'compression.{method}', 'conformance.echo', ('compresses well ' * 512,), compression=method)
simple('compression.failure', 'conformance.fail', ('ValueError', 'compressed and failed'), compression='zlib')


# --- exceptions -----------------------------------------------------------------------------------------------------

simple('exc.value_error', 'conformance.fail', ('ValueError', 'bad value'))
simple('exc.key_error', 'conformance.fail', ('KeyError', 'missing key'))
simple('exc.custom_type', 'conformance.fail', ('ConformanceError', 'custom failure'))
simple('exc.no_message', 'conformance.fail', ('RuntimeError',))
simple('exc.unicode_message', 'conformance.fail', ('ValueError', 'échec ✗ 失敗'))

# --- states over time -----------------------------------------------------------------------------------------------

simple('state.untracked', 'conformance.sleep', (0.6,))
simple('state.track_started', 'conformance.tracked', (1.0,))
simple('state.progress', 'conformance.progress', (3, 0.5))


@scenario('state.celery_progress', redis_only=True)
def celery_progress_view(ctx):
    """What Debian's python3-celery-progress shows a web page while a task reports progress."""
    res = ctx.send('conformance.progress', (2, 0.6), role='task')
    infos = []
    deadline = time.monotonic() + 8
    while time.monotonic() < deadline:
        # one read per poll (get_info reads .state several times, which races with the task)
        meta = ctx.app.backend.get_task_meta(res.id, cache=False)
        info = Progress(KnownResult(res.id, meta['result'], meta['status'])).get_info()
        # whether it is seen PENDING first is a matter of timing
        if info['state'] != 'PENDING' and (not infos or infos[-1] != info):
            infos.append(info)
        if info.get('complete'):
            break
        time.sleep(0.05)
    ctx.record('progress_infos', infos)


# --- retries --------------------------------------------------------------------------------------------------------

simple('retry.then_success', 'conformance.retry', (2, 0.3), event_counts=True)
simple('retry.max_retries_with_exc', 'conformance.retry', (5, 0.2), event_counts=True)
simple('retry.max_retries_without_exc', 'conformance.retry', (5, 0.2, False), event_counts=True)

# --- eta, countdown, expires ----------------------------------------------------------------------------------------


def timed(ctx, **options):
    started = time.monotonic()
    ctx.send('conformance.add', (1, 1), role='task', **options)
    ctx.observe('task')
    ctx.record('waited_at_least_1s', time.monotonic() - started >= 1.0)
    ctx.task_events('task')


@scenario('schedule.countdown')
def countdown(ctx):
    timed(ctx, countdown=1.5)


@scenario('schedule.eta')
def eta(ctx):
    timed(ctx, eta=datetime.now(timezone.utc) + timedelta(seconds=1.5))


simple('schedule.expired', 'conformance.add', (1, 1), expires=datetime.now(timezone.utc) - timedelta(seconds=5))
simple('schedule.expires_later', 'conformance.add', (1, 1), expires=60)

# --- time limits ----------------------------------------------------------------------------------------------------

simple('limits.soft', 'conformance.sleep', (3,), soft_time_limit=0.5)
simple('limits.hard', 'conformance.sleep', (3,), time_limit=0.5, kills_pool_process=True)

# --- revoke ---------------------------------------------------------------------------------------------------------


@scenario('revoke.before_run')
def revoke_before_run(ctx):
    res = ctx.send('conformance.add', (1, 1), role='task', countdown=3)
    ctx.record('reply', ctx.app.control.revoke(res.id, reply=True, destination=[ctx.worker], timeout=REPLY, limit=1))
    ctx.observe('task')
    ctx.task_events('task')


@scenario('revoke.terminate')
def revoke_terminate(ctx):
    res = ctx.send('conformance.sleep', (4,), role='task')
    ctx.wait_started('task')
    ctx.record('reply', ctx.app.control.revoke(res.id, terminate=True, reply=True, destination=[ctx.worker],
                                               timeout=REPLY, limit=1))
    ctx.observe('task')
    ctx.task_events('task')
    ctx.await_pool()


@scenario('revoke.running_without_terminate')
def revoke_running(ctx):
    res = ctx.send('conformance.sleep', (1.5,), role='task')
    ctx.wait_started('task')
    ctx.app.control.revoke(res.id, reply=True, destination=[ctx.worker], timeout=REPLY, limit=1)
    ctx.observe('task')
    ctx.task_events('task')


# --- ignore_result --------------------------------------------------------------------------------------------------

def ignored(ctx, name, args, **options):
    res = ctx.send(name, args, role='task', **options)
    ctx.wait_event('task', *TERMINAL)
    time.sleep(0.3)
    if ctx.redis is not None:
        ctx.record('task.state_after_run', res.state)
        ctx.record_meta('task')
    ctx.record('task.get', ctx.outcome(res, timeout=1.0))
    ctx.task_events('task')


@scenario('ignore.task_success')
def ignore_task_success(ctx):
    ignored(ctx, 'conformance.ignored', ('quiet',))


@scenario('ignore.task_failure')
def ignore_task_failure(ctx):
    ignored(ctx, 'conformance.ignored_fail', ('loud',))


@scenario('ignore.client_option')
def ignore_client_option(ctx):
    ignored(ctx, 'conformance.add', (1, 2), ignore_result=True)


# --- duplicate delivery ---------------------------------------------------------------------------------------------

@scenario('duplicate.success_kept')
def duplicate(ctx):
    """The same task id published twice: the first SUCCESS stays (a redelivered duplicate must not overwrite it)."""
    first = ctx.send('conformance.echo', ('first',), role='task')
    ctx.record('first.get', ctx.outcome(first))
    ctx.app.send_task('conformance.echo', args=['second'], task_id=first.id)
    deadline = time.monotonic() + 3
    while time.monotonic() < deadline:  # two task-succeeded; without events (a worker that sends none) 1.5 s
        mine = ctx.events.since(ctx.mark, lambda e: e.get('uuid') == first.id)
        if sum(e['type'] == 'task-succeeded' for e in mine) >= 2 or (not mine and time.monotonic() > deadline - 1.5):
            break
        time.sleep(0.05)
    time.sleep(0.2)
    ctx.record('after_duplicate.get', ctx.outcome(ctx.app.AsyncResult(first.id)))
    ctx.record_meta('task')
    ctx.task_events('task', counts=True)


# --- priorities -----------------------------------------------------------------------------------------------------

def received_by_wave(events, priorities):
    """The priorities in received order, where tasks received while the same number of them had succeeded (by the
    worker's clock) count as received together, highest priority first. Celery's one consumer gets them all at once,
    in the queue's order; a worker with one consumer per slot, each prefetching one (the Java worker), gets the next
    ones at once as its slots free up, and the order of those received events is a race between its consumers."""
    done, keyed = 0, []
    for event in sorted(events, key=lambda e: e['clock']):
        if event['type'] == 'task-succeeded':
            done += 1
        else:
            keyed.append((done, -priorities[event['uuid']]))
    return [-priority for _, priority in sorted(keyed)]


@scenario('priority.order')
def priority_order(ctx):
    """Tasks queued with priorities before the worker consumes the queue are received highest first."""
    name = settings.PRIORITY_QUEUE
    queue = Queue(name, Exchange(name), routing_key=name, queue_arguments={'x-max-priority': 10})
    priorities = [1, 9, 5, 3, 7]
    for p in priorities:
        ctx.send('conformance.add', (p, 0), role=f'p{p}', queue=queue, priority=p)
    ctx.record('add_consumer', ctx.app.control.add_consumer(
        name, exchange=name, routing_key=name, options={'queue_arguments': {'x-max-priority': 10}},
        destination=[ctx.worker], reply=True, timeout=REPLY, limit=1))
    ctx.record('results', [ctx.outcome(ctx.result(f'p{p}'), timeout=4 if i == 0 else 1)
                           for i, p in enumerate(priorities)])
    ids = {ctx.ids[f'p{p}']: p for p in priorities}
    seen = ctx.events.settle(ctx.mark, lambda e: e['type'] in ('task-received', 'task-succeeded')
                             and e.get('uuid') in ids, lambda found: len(found) == 2 * len(priorities))
    ctx.record('received_order', received_by_wave(seen, ids))
    ctx.record('active_queue', [q for q in ctx.inspect('active_queues') if q.get('name') == name])
    ctx.record('cancel_consumer', ctx.app.control.cancel_consumer(
        name, destination=[ctx.worker], reply=True, timeout=REPLY, limit=1))
    with ctx.app.connection_for_write() as conn:
        queue(conn.default_channel).delete()


# --- canvas ---------------------------------------------------------------------------------------------------------

def add(ctx, *args, role, immutable=False):
    return ctx.sig('conformance.add', *args, role=role, immutable=immutable)


def observe_all(ctx, first, *others, worker_sent=()):
    """The first task over time; the others may be done before they are looked at: their last state only.
    `worker_sent`: tasks the worker publishes (link callbacks), whose rpc:// replies go to the worker, not here."""
    ctx.observe(first, timeout=6)
    for role in others + worker_sent:
        if ctx.redis is not None or role not in worker_sent:
            ctx.observe(role, timeout=2, over_time=False)
    ctx.task_events(first, *others, *worker_sent)


@scenario('canvas.chain')
def canvas_chain(ctx):
    ctx.adopt(chain(add(ctx, 1, 2, role='s1'), add(ctx, 3, role='s2'), add(ctx, 4, role='s3')).apply_async())
    observe_all(ctx, 's3', 's1', 's2')


@scenario('canvas.chain_failing_step')
def canvas_chain_failing(ctx):
    """Celery marks every remaining step FAILURE with the same error, so the caller of the last step gets it now."""
    ctx.adopt(chain(add(ctx, 1, 2, role='s1'),
                    ctx.sig('conformance.fail', 'ValueError', 'chain broke', role='s2', immutable=True),
                    add(ctx, 10, role='s3'), add(ctx, 100, role='s4')).apply_async())
    observe_all(ctx, 's4', 's3', 's2', 's1')


@scenario('canvas.chain_compressed')
def canvas_chain_compressed(ctx):
    """The chain's first message compressed: its later steps are sent by the worker."""
    ctx.adopt(chain(add(ctx, 1, 2, role='s1'), add(ctx, 3, role='s2')).apply_async(compression='zlib'))
    observe_all(ctx, 's2', 's1')


@scenario('canvas.immutable')
def canvas_immutable(ctx):
    ctx.adopt(chain(add(ctx, 1, 2, role='s1'), add(ctx, 5, 5, role='s2', immutable=True)).apply_async())
    observe_all(ctx, 's2', 's1')


@scenario('canvas.group')
def canvas_group(ctx):
    res = ctx.adopt(group(add(ctx, i, i, role=f'g{i}') for i in range(3)).apply_async())
    ctx.record('group.get', ctx.outcome(res))
    observe_all(ctx, 'g0', 'g1', 'g2')


def chord_outcome(ctx, header, body_role, body=None):
    # the body's parent is whichever header task finished last
    for task_id in (s.options['task_id'] for s in header):
        ctx.norm.role(task_id, 'a header task')
    try:
        res = ctx.adopt(chord(header)(body or ctx.sig('conformance.total', role=body_role)))
    except Exception as e:  # rpc:// refuses chords on the client side
        ctx.record('send', {'raised': {'type': type(e).__name__, 'args': list(e.args)}})
        return
    ctx.observe(body_role, res, timeout=6)


@scenario('canvas.chord')
def canvas_chord(ctx):
    chord_outcome(ctx, [add(ctx, 1, 1, role='h1'), add(ctx, 2, 2, role='h2')], 'body')
    if 'body.get' in ctx.observed:
        observe_all(ctx, 'h1', 'h2', 'body')


@scenario('canvas.chord_failing_header')
def canvas_chord_failing(ctx):
    chord_outcome(ctx, [add(ctx, 1, 1, role='h1'),
                        ctx.sig('conformance.fail', 'ValueError', 'header broke', role='h2', immutable=True)], 'body')


@scenario('canvas.chord_failing_body')
def canvas_chord_failing_body(ctx):
    chord_outcome(ctx, [add(ctx, 1, 1, role='h1'), add(ctx, 2, 2, role='h2')], 'body',
                  ctx.sig('conformance.fail', 'ValueError', 'body broke', role='body', immutable=True))


@scenario('canvas.group_failing_member')
def canvas_group_failing_member(ctx):
    res = ctx.adopt(group(add(ctx, 1, 1, role='g1'),
                          ctx.sig('conformance.fail', 'ValueError', 'member broke', role='g2'),
                          add(ctx, 3, 3, role='g3')).apply_async())
    ctx.record('group.get', ctx.outcome(res))
    observe_all(ctx, 'g2', 'g1', 'g3')


def builtin(ctx, signature):
    """Celery's built-in canvas tasks (celery.map, celery.starmap): the task called once per item, in the worker."""
    res = signature.apply_async()
    ctx.record('get', ctx.outcome(res))
    ctx.record('state', res.state)


@scenario('canvas.map')
def canvas_map(ctx):
    builtin(ctx, xmap(ctx.app.signature('conformance.echo'), ['a', 'b', 'c'], app=ctx.app))


@scenario('canvas.starmap')
def canvas_starmap(ctx):
    builtin(ctx, xstarmap(ctx.app.signature('conformance.add'), [(1, 2), (3, 4)], app=ctx.app))


@scenario('canvas.chunks')
def canvas_chunks(ctx):
    """chunks: a group of celery.starmap tasks over parts of the items. Celery 5.2 routes the parts by their own name
    (`celery.starmap`), not the task's, so without a route of their own they go to the default queue: sent to the
    worker's queue here, as a project would route them."""
    res = chunks(ctx.app.signature('conformance.add'), [(i, i) for i in range(5)], 2, app=ctx.app).apply_async(
        queue=settings.QUEUE)
    ctx.record('parts', [ctx.outcome(part, timeout=4) for part in res.results])
    ctx.record('get', ctx.outcome(res))


@scenario('canvas.group_in_chain')
def canvas_group_in_chain(ctx):
    res = ctx.adopt(chain(add(ctx, 1, 1, role='s1'),
                          group(add(ctx, 10, role='g1'), add(ctx, 20, role='g2'))).apply_async())
    ctx.record('chain.get', ctx.outcome(res, timeout=4))
    observe_all(ctx, 's1', 'g1', 'g2')


@scenario('canvas.chain_in_group')
def canvas_chain_in_group(ctx):
    res = ctx.adopt(group(chain(add(ctx, 1, 1, role='a1'), add(ctx, 1, role='a2')),
                          chain(add(ctx, 2, 2, role='b1'), add(ctx, 2, role='b2'))).apply_async())
    ctx.record('group.get', ctx.outcome(res, timeout=4))
    observe_all(ctx, 'a1', 'a2', 'b1', 'b2')


@scenario('canvas.chain_to_chord')
def canvas_chain_to_chord(ctx):
    """A group followed by a task in a chain is a chord (Redis native join; rpc:// refuses it)."""
    try:
        res = chain(add(ctx, 1, 1, role='s1'), group(add(ctx, 1, role='g1'), add(ctx, 2, role='g2')),
                    ctx.sig('conformance.total', role='body')).apply_async()
    except Exception as e:
        ctx.record('send', {'raised': {'type': type(e).__name__, 'args': list(e.args)}})
        return
    ctx.record('chain.get', ctx.outcome(res, timeout=4))


@scenario('canvas.link')
def canvas_link(ctx):
    ctx.send('conformance.add', (1, 2), role='task', link=add(ctx, 10, role='callback'))
    observe_all(ctx, 'task', worker_sent=('callback',))


@scenario('canvas.link_error')
def canvas_link_error(ctx):
    ctx.send('conformance.fail', ('ValueError', 'linked failure'), role='task',
             link_error=ctx.sig('conformance.echo', 'errback ran', role='errback', immutable=True))
    observe_all(ctx, 'task', worker_sent=('errback',))


@scenario('canvas.link_group')
def canvas_link_group(ctx):
    ctx.send('conformance.add', (1, 2), role='task', link=group(add(ctx, 10, role='c1'), add(ctx, 20, role='c2')))
    observe_all(ctx, 'task', worker_sent=('c1', 'c2'))


@scenario('canvas.link_python_only_routed')
def canvas_link_routed(ctx):
    """A callback the worker does not know goes where the worker's task_routes send it, priority not inherited."""
    ctx.send('conformance.add', (1, 2), role='task', priority=5,
             link=ctx.sig('pyonly.routed.notify', role='callback'))
    ctx.observe('task')
    ctx.record('callback.message', ctx.find_message(settings.ROUTED_QUEUE, 'callback'))


@scenario('canvas.link_python_only_default_queue')
def canvas_link_default_queue(ctx):
    """A callback with no route goes to task_default_queue, `celery`, where a Python worker runs it."""
    ctx.send('conformance.add', (1, 2), role='task', link=ctx.sig('pyonly.notify', role='callback'))
    ctx.observe('task')
    ctx.record('callback.message', ctx.find_message('celery', 'callback'))


@scenario('canvas.chain_python_only_step')
def canvas_chain_python_only(ctx):
    ctx.adopt(chain(add(ctx, 1, 2, role='s1'), ctx.sig('pyonly.routed.next', role='s2')).apply_async())
    ctx.observe('s1')
    ctx.record('s2.message', ctx.find_message(settings.ROUTED_QUEUE, 's2'))


# --- inspect --------------------------------------------------------------------------------------------------------

def inspect_simple(name, method, *args):
    @scenario(name)
    def run(ctx):
        ctx.record_shape('reply', ctx.inspect(method, *args))
    return run


@scenario('inspect.ping')
def inspect_ping(ctx):
    ctx.record('reply', ctx.inspect('ping'))


@scenario('inspect.registered')
def inspect_registered(ctx):
    ctx.record('reply', sorted(ctx.inspect('registered') or []))


inspect_simple('inspect.stats', 'stats')
inspect_simple('inspect.conf', 'conf')
inspect_simple('inspect.clock', 'clock')
inspect_simple('inspect.report', 'report')


@scenario('inspect.active_queues')
def inspect_active_queues(ctx):
    ctx.record_shape('reply', ctx.inspect('active_queues'))
    ctx.record('queues', ctx.queue_names())


def request_ids(reply):
    """The task ids of an `inspect active/reserved` reply (a list of Request.info() dicts); any other reply as is."""
    return [t.get('id') for t in reply] if isinstance(reply, list) else reply


def query_states(reply):
    """`inspect query_task`'s state per task id ({id: [state, info]}); any other reply as is."""
    return {k: v[0] if isinstance(v, list) else v for k, v in reply.items()} if isinstance(reply, dict) else reply


@scenario('inspect.active')
def inspect_active(ctx):
    ctx.send('conformance.sleep', (1.5,), role='task')
    ctx.wait_started('task')
    reply = ctx.inspect('active')
    ctx.record_shape('reply', reply)
    ctx.record('ids', request_ids(reply))
    ctx.outcome(ctx.result('task'))


@scenario('inspect.query_task')
def inspect_query_task(ctx):
    res = ctx.send('conformance.sleep', (1.5,), role='task')
    ctx.wait_started('task')
    reply = ctx.inspect('query_task', res.id)
    ctx.record_shape('reply', reply)
    ctx.record('states', query_states(reply))
    ctx.outcome(res)


@scenario('inspect.reserved')
def inspect_reserved(ctx):
    """Two running sleeps fill the pool (-c 2); the third is reserved (prefetched, not started); none once all ran."""
    for role in ('busy1', 'busy2', 'waiting'):
        ctx.send('conformance.sleep', (3,), role=role)
    ctx.wait_started('busy2')
    reply = ctx.inspect('reserved')
    ctx.record_shape('reply', reply)
    ctx.record('ids', request_ids(reply))
    ctx.record('query_task', query_states(ctx.inspect('query_task', ctx.ids['waiting'])))
    for role in ('busy1', 'busy2', 'waiting'):
        ctx.outcome(ctx.result(role))
    ctx.record('ids_after', request_ids(ctx.inspect('reserved')))


@scenario('inspect.scheduled')
def inspect_scheduled(ctx):
    res = ctx.send('conformance.add', (1, 1), role='task', countdown=2)
    time.sleep(0.5)
    reply = ctx.inspect('scheduled')
    ctx.record_shape('reply', reply)
    ctx.record('ids', [t.get('request', {}).get('id') for t in reply] if isinstance(reply, list) else reply)
    ctx.outcome(res)


@scenario('inspect.revoked')
def inspect_revoked(ctx):
    res = ctx.send('conformance.add', (1, 1), role='task', countdown=1)
    ctx.app.control.revoke(res.id, reply=True, destination=[ctx.worker], timeout=REPLY, limit=1)
    reply = ctx.inspect('revoked')
    ctx.record_shape('reply', reply)
    ctx.record('contains_task', res.id in reply if isinstance(reply, list) else reply)
    ctx.outcome(res)


# --- control --------------------------------------------------------------------------------------------------------

@scenario('control.rate_limit')
def control_rate_limit(ctx):
    ctx.record('set', ctx.control('rate_limit', task_name='conformance.echo', rate_limit='4/s'))
    started = time.monotonic()
    results = [ctx.send('conformance.echo', (i,), role=f't{i}') for i in range(4)]
    ctx.record('results', [ctx.outcome(r) for r in results])
    ctx.record('throttled', time.monotonic() - started >= 0.6)
    ctx.record('unknown_task', ctx.control('rate_limit', task_name='conformance.nope', rate_limit='1/s'))
    ctx.record('reset', ctx.control('rate_limit', task_name='conformance.echo', rate_limit=None))


@scenario('control.time_limit')
def control_time_limit(ctx):
    ctx.record('set', ctx.control('time_limit', task_name='conformance.limited', soft=0.5, hard=5))
    ctx.send('conformance.limited', (2,), role='task')
    ctx.observe('task')
    ctx.record('reset', ctx.control('time_limit', task_name='conformance.limited', soft=None, hard=None))


@scenario('control.add_cancel_consumer')
def control_consumers(ctx):
    name = settings.QUEUE + '.extra'
    ctx.record('add', ctx.control('add_consumer', queue=name, exchange=name, exchange_type='direct',
                                  routing_key=name))
    # Celery applies add/cancel_consumer after replying (call_soon): wait until the queue list changes
    ctx.record('queues_after_add', ctx.queue_names(until=lambda names: name in names))
    ctx.send('conformance.add', (4, 4), role='task', queue=name)
    ctx.record('task.get', ctx.outcome(ctx.result('task'), timeout=4))
    ctx.record('cancel', ctx.control('cancel_consumer', queue=name))
    ctx.record('queues_after_cancel', ctx.queue_names(until=lambda names: name not in names))
    with ctx.app.connection_for_write() as conn:
        Queue(name)(conn.default_channel).delete()


@scenario('control.heartbeat')
def control_heartbeat(ctx):
    mark = ctx.events.mark()
    ctx.record('reply', ctx.control('heartbeat'))
    ctx.record('heartbeat_event', ctx.worker_event('worker-heartbeat', timeout=3.0, mark=mark) is not None)


@scenario('control.hello')
def control_hello(ctx):
    reply = ctx.control('hello', from_node='conf-client@localhost', revoked={})
    # `revoked` holds whatever ids were revoked on this broker: its type only
    ctx.record_shape('reply', [{k: {} if k == 'revoked' else v for k, v in r.items()} if isinstance(r, dict) else r
                               for r in reply] if isinstance(reply, list) else reply)


@scenario('control.pool_grow_shrink')
def control_pool(ctx):
    ctx.record('grow', ctx.control('pool_grow', n=1))
    ctx.record('shrink', ctx.control('pool_shrink', n=1))


@scenario('control.autoscale')
def control_autoscale(ctx):
    ctx.record('reply', ctx.control('autoscale', max=4, min=1))


@scenario('control.unknown_command')
def control_unknown(ctx):
    ctx.record('reply', ctx.control('no_such_command'))


# --- command line ---------------------------------------------------------------------------------------------------

@scenario('cli.status')
def cli_status(ctx):
    ctx.record('status', ctx.cli('status', '-d', ctx.worker, '-t', '3'))


@scenario('cli.inspect_active_queues')
def cli_inspect(ctx):
    ctx.record('inspect', ctx.cli('inspect', 'active_queues', '-d', ctx.worker, '-t', '3', '--json'))


# --- last: the worker goes away -------------------------------------------------------------------------------------

@scenario('control.shutdown')
def control_shutdown(ctx):
    """Warm shutdown: the running tasks finish, a task still reserved is not run and goes back to its queue for
    the next worker, worker-offline is sent, the worker stops answering."""
    for role in ('task', 'busy'):  # -c 2: both pool slots
        ctx.send('conformance.sleep', (5.0,), role=role)
    ctx.wait_started('task')
    ctx.wait_started('busy')
    # sent once both run, so that it waits prefetched whatever the pool's start-up (a Python process still starting
    # once let the third run in the slot the second freed before the shutdown came)
    ctx.send('conformance.sleep', (5.0,), role='waiting')
    time.sleep(0.5)
    ctx.record('reply', ctx.control('shutdown', timeout=3.0))  # Celery does not answer it
    ctx.record('task.get', ctx.outcome(ctx.result('task')))
    ctx.record('busy.get', ctx.outcome(ctx.result('busy')))
    ctx.record('waiting.get', ctx.outcome(ctx.result('waiting'), timeout=2.0))
    ctx.record('waiting.requeued', ctx.find_message(settings.QUEUE, 'waiting', timeout=5.0))
    ctx.record('worker-offline', ctx.worker_event('worker-offline', timeout=6.0) is not None)
    ctx.record('ping_after', ctx.inspect('ping', timeout=1.0))
