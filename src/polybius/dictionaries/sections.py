"""The one reader of Polybius's ``[section]`` data files.

Format: ``# comments`` anywhere, blank lines ignored, a ``[name]`` line opens a section,
every other line is an entry of the section above it.  A reader that names the sections it
expects (``expected=``) gets, at load time, an error with file and line for a section that
is missing or unknown (a misspelt section never silently turns a rule off).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator

_HEADER = re.compile(r"\[(\w+)\]")


class SectionError(ValueError):
    """A data file that does not have the sections its reader expects."""


@dataclass(frozen=True)
class Entry:
    line: int  # 1-based line number in the file
    text: str  # the entry with comments and outer white space removed


class SectionFile:
    """The sections of one file, in file order: ``file["name"]`` -> tuple of :class:`Entry`."""

    def __init__(self, path: str, sections: dict[str, tuple[Entry, ...]], lines: dict[str, int]):
        self.path = path
        self._sections = sections
        self._lines = lines  # line of each section header

    def __contains__(self, name: str) -> bool:
        return name in self._sections

    def __getitem__(self, name: str) -> tuple[Entry, ...]:
        if name not in self._sections:
            raise SectionError(f"{self.path}: no section [{name}]")
        return self._sections[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._sections)

    def names(self) -> list[str]:
        return list(self._sections)

    def words(self, name: str) -> frozenset[str]:
        """The entries of a section, lower-cased, as a set."""
        return frozenset(e.text.lower() for e in self[name])

    def fields(self, name: str) -> list[tuple[int, list[str]]]:
        """``(line, entry split on white space)`` for every entry of a section."""
        return [(e.line, e.text.split()) for e in self[name]]

    def error(self, name: str, entry: Entry | None, message: str) -> SectionError:
        line = entry.line if entry is not None else self._lines.get(name, 0)
        return SectionError(f"{self.path}:{line}: [{name}] {message}")

    def expect(self, expected: Iterable[str]) -> "SectionFile":
        """Raise for a missing expected section or a section no reader knows."""
        expected = list(expected)
        missing = [n for n in expected if n not in self._sections]
        if missing:
            raise SectionError(f"{self.path}: missing section(s) {', '.join(f'[{n}]' for n in missing)}")
        unknown = [n for n in self._sections if n not in expected]
        if unknown:
            n = unknown[0]
            raise SectionError(f"{self.path}:{self._lines[n]}: unknown section [{n}] "
                               f"(known: {', '.join(sorted(expected))})")
        return self


def parse_sections(text: str, path: str = "<text>") -> SectionFile:
    sections: dict[str, list[Entry]] = {}
    lines: dict[str, int] = {}
    cur: list[Entry] | None = None
    for n, raw in enumerate(text.splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        m = _HEADER.fullmatch(line)
        if m:
            name = m.group(1)
            if name in lines:
                raise SectionError(f"{path}:{n}: section [{name}] repeats the one at line {lines[name]}")
            lines[name] = n
            cur = sections.setdefault(name, [])
        elif cur is None:
            raise SectionError(f"{path}:{n}: entry outside a [section]")
        else:
            cur.append(Entry(n, line))
    return SectionFile(path, {k: tuple(v) for k, v in sections.items()}, lines)


@lru_cache(maxsize=None)
def _read(path: str) -> SectionFile:
    return parse_sections(Path(path).read_text(encoding="utf-8"), path)


def read_sections(path: str | Path, expected: Iterable[str] | None = None) -> SectionFile:
    """Read (once per process) and, with ``expected``, validate a section file."""
    f = _read(str(path))
    return f.expect(expected) if expected is not None else f
