"""One kind of error for bad content: it names the file, the line, the problem and the fix."""

from __future__ import annotations


class ContentError(Exception):
    """Bad input in a content file. Printed as one message, never as a traceback."""

    def __init__(self, path: str, line: int | None, problem: str, fix: str):
        self.path, self.line, self.problem, self.fix = path, line, problem, fix
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.problem}\n  How to fix: {self.fix}"


class ContentErrors(ContentError):
    """Every problem found in one read of the content, reported together (the first one's fields are its own)."""

    def __init__(self, errors: list[ContentError]):
        self.errors = errors
        first = errors[0]
        super().__init__(first.path, first.line, first.problem, first.fix)

    def __str__(self) -> str:
        if len(self.errors) == 1:
            return str(self.errors[0])
        listed = "\n".join(f"{n}. {e}" for n, e in enumerate(self.errors, 1))
        return f"{len(self.errors)} problems in the content; each names its file, line and fix:\n{listed}"
