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
