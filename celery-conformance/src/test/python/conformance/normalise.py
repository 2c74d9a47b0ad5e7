"""Turns what a client observed into a comparable value: run-specific parts become placeholders."""
import hashlib
import re

UUID = re.compile(r'[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}')
DATE = re.compile(r'\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(\.\d+)?([+-]\d\d:\d\d|Z)?')
#: values that change from run to run; only their type is kept
VOLATILE = {'timestamp', 'clock', 'local_received', 'pid', 'runtime', 'uptime', 'loadavg', 'time_start',
            'worker_pid', 'date_done', 'processed', 'active', 'rusage', 'sw_ident', 'sw_ver', 'sw_sys'}
LONG_STRING = 300


class Normaliser:
    """Replaces task ids by their role, the worker's node name, queue names, dates, tracebacks and volatile fields."""

    def __init__(self, worker, queue):
        self.worker = worker
        self.queue = queue
        self.roles = {}

    def role(self, task_id, role):
        self.roles[task_id] = role

    def text(self, s):
        s = UUID.sub(lambda m: f'<id:{self.roles[m.group(0)]}>' if m.group(0) in self.roles else '<uuid>', s)
        s = s.replace(self.worker, '<worker>').replace(self.queue, '<queue>')
        s = DATE.sub('<date>', s)
        if len(s) > LONG_STRING:
            return f'<str len={len(s)} sha1={hashlib.sha1(s.encode()).hexdigest()[:12]}>'
        return s

    def value(self, v, key=None):
        if key in VOLATILE:
            return kind(v)
        if key == 'traceback' and isinstance(v, str):
            return '<traceback>'
        if isinstance(v, dict):
            return {self.text(str(k)): self.value(x, k) for k, x in v.items()}
        if isinstance(v, (list, tuple, set, frozenset)):
            items = [self.value(x) for x in v]
            return sorted(items, key=repr) if isinstance(v, (set, frozenset)) else items
        if isinstance(v, str):
            return self.text(v)
        if isinstance(v, bytes):
            return f'<bytes len={len(v)}>'
        if v is None or isinstance(v, (bool, int, float)):
            return v
        return self.text(repr(v))

    def shape(self, v):
        """Keys and value types only, as a monitoring tool (Flower) relies on them."""
        if isinstance(v, dict):
            return {self.text(str(k)): self.shape(x) for k, x in v.items()}
        if isinstance(v, (list, tuple)):
            return [self.shape(v[0])] if v else []
        return kind(v)


def kind(v):
    if v is None:
        return None
    if isinstance(v, bool):
        return '<bool>'
    if isinstance(v, int):
        return '<int>'
    if isinstance(v, float):
        return '<float>'
    if isinstance(v, str):
        return '<str>'
    if isinstance(v, (list, tuple)):
        return '<list>'
    if isinstance(v, dict):
        return '<dict>'
    return f'<{type(v).__name__}>'
