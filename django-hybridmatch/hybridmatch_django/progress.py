"""A text progress bar for the management commands: redrawn in place on a terminal, one line per step otherwise."""


class ProgressBar:
    WIDTH = 30

    def __init__(self, stream, label, total):
        self.stream = stream
        self.label = label
        self.total = total
        self.done = 0
        self.in_place = getattr(stream, 'isatty', lambda: False)()

    def advance(self, count):
        self.done += count
        filled = self.WIDTH * self.done // self.total if self.total else self.WIDTH
        line = f'{self.label} [{"#" * filled}{"." * (self.WIDTH - filled)}] {self.done}/{self.total}'
        if self.in_place:
            self.stream.write('\r' + line)
            if self.done >= self.total:
                self.stream.write('\n')
        else:
            self.stream.write(line + '\n')
        self.stream.flush()
