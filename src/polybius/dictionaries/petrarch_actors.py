"""Reader of PETRARCH/TABARI actor dictionaries, read as they are.

Format (as in ``Phoenix.*.actors.txt`` and ``PETR.Validate.actors.txt``)::

    NAME_OF_ACTOR [CODE]            # one line, one code
    NAME                            # an entry, then synonyms and codes on later lines
    +SYNONYM_ONE
    +SYNONYM_TWO
        [HOB < 950601]              # dated roles: <DATE, >DATE, DATE-DATE (YYMMDD or YYYYMMDD)
        [HOBGOV 19950601 - 19990815]
        [HOBREB > 990816]
    ANN_VENEMAN_ [USAGOV 010120-050120] [IGOUNOKID >050501]

Words are joined by ``_`` (they must be consecutive in the text) or spaces (a "disconnected"
phrase: modifiers of the same noun phrase may come between, ``ITHILEN TELEVISION`` matches
"Ithilen state-run television"); a name whose last word lacks the final ``_`` is a stem
(``IRAN`` also matches ``Iranian``).  ``#`` starts a comment; ``<!-- ... -->`` blocks are
comments.  ``[A/B/C]`` names several actors at once.  A malformed line raises
:class:`DictionaryError` naming the file and line.
"""
from __future__ import annotations

import logging
import re

from .lexicon import ActorEntry, DictionaryError, Role, parse_date, read_lines, split_phrase_gaps

log = logging.getLogger("polybius.dictionaries")

_CODE_RE = re.compile(r"^[A-Za-z0-9\-+#~/]+$")
_RANGE_RE = re.compile(r"^(\d{6,8})\s*-\s*(\d{6,8})$")


def parse_role(body: str, where: tuple[str, int], *, lenient_dates: bool = True) -> Role:
    """One bracketed code block's body: ``CODE``, ``CODE <D``, ``CODE >D``, ``CODE D-D``."""
    body = body.strip()
    if not body:
        raise DictionaryError(where[0], where[1], "empty code block []")
    parts = body.split(None, 1)
    code = parts[0]
    rest = parts[1].strip() if len(parts) > 1 else ""
    if code[0] in "<>" or code[0].isdigit():
        raise DictionaryError(where[0], where[1], f"code block [{body}] has no code before its date")
    # codes glued to a restriction: "HOB<950601"
    m = re.match(r"^([^<>]+)([<>].*)$", code)
    if m:
        code, rest = m.group(1), (m.group(2) + " " + rest).strip()
    if not _CODE_RE.match(code):
        raise DictionaryError(where[0], where[1], f"bad actor code {code!r}")
    code = code.upper()
    if not rest:
        return Role(code)
    try:
        if rest[0] == "<":
            return Role(code, None, parse_date(rest[1:], where))
        if rest[0] == ">":
            return Role(code, parse_date(rest[1:], where), None)
        m = _RANGE_RE.match(rest)
        if m:
            return Role(code, parse_date(m.group(1), where), parse_date(m.group(2), where))
    except DictionaryError:
        if not lenient_dates:
            raise
    if not lenient_dates:
        raise DictionaryError(where[0], where[1], f"bad date restriction {rest!r} in [{body}]")
    log.warning("%s:%d: bad date restriction in [%s]; the role is kept without dates", where[0], where[1], body)
    return Role(code)


def _strip_comment(line: str) -> str:
    i = line.find("#")
    return line if i < 0 else line[:i]


def _code_blocks(text: str, where: tuple[str, int]) -> tuple[str, list[str]]:
    """Split ``NAME [A] [B 990101-]`` into the name part and the block bodies."""
    name_part = text
    blocks: list[str] = []
    i = text.find("[")
    if i >= 0:
        name_part = text[:i]
        rest = text[i:]
        while rest.strip():
            rest = rest.strip()
            if not rest.startswith("["):
                log.warning("%s:%d: text after a code block ignored: %r", where[0], where[1], rest[:40])
                break
            j = rest.find("]")
            if j < 0:
                raise DictionaryError(where[0], where[1], "unbalanced '[' (missing ']')")
            blocks.append(rest[1:j])
            rest = rest[j + 1 :]
    if "]" in name_part:
        log.warning("%s:%d: stray ']' in a name; ignored", where[0], where[1])
        name_part = name_part.replace("]", "")
    return name_part.strip(), blocks


def read_actor_dictionary(path: str) -> list[tuple[list[str], bool, ActorEntry]]:
    """Read a PETRARCH actor file: ``[(words, is_stem, entry)]`` for every name and synonym.

    Several names of one entry share one :class:`ActorEntry` object."""
    path = str(path)
    out: list[tuple[list[str], bool, ActorEntry]] = []
    current: ActorEntry | None = None
    names: list[tuple[list[str], bool]] = []
    in_comment = False
    pending: list[tuple[ActorEntry, list[tuple[list[str], bool]]]] = []

    def flush():
        nonlocal current, names
        if current is not None:
            pending.append((current, names))
        current, names = None, []

    for n, raw in read_lines(path):
        where = (path, n)
        line = raw
        if in_comment:
            if "-->" in line:
                in_comment = False
                line = line.split("-->", 1)[1]
            else:
                continue
        if line.lstrip().startswith("<!"):
            if "-->" not in line:
                in_comment = True
            continue
        text = _strip_comment(line).strip()
        if not text:
            continue
        if text.startswith("+"):
            if current is None:
                raise DictionaryError(path, n, "synonym '+' line before any actor entry")
            name, blocks = _code_blocks(text[1:], where)
            if name:
                names.append(_name(name, where))
            current.roles.extend(_roles(blocks, where, path))
            continue
        if text.startswith("["):
            if current is None:
                raise DictionaryError(path, n, "code line before any actor entry")
            _, blocks = _code_blocks(text, where)
            current.roles.extend(_roles(blocks, where, path))
            continue
        # a new entry
        flush()
        name, blocks = _code_blocks(text, where)
        if not name:
            raise DictionaryError(path, n, "entry without a name")
        words, stem = _name(name, where)
        current = ActorEntry(name=" ".join(words).title(), roles=_roles(blocks, where, path), source=f"{path}:{n}")
        names = [(words, stem)]
    flush()
    for entry, ns in pending:
        if not entry.roles:
            log.warning("%s: actor %r has no code; skipped", entry.source, entry.name)
            continue
        for words, stem in ns:
            out.append((words, stem, entry))
    return out


def _name(name: str, where) -> tuple[list[str], bool]:
    stem = not name.rstrip().endswith("_")
    words = split_phrase_gaps(name)
    if not words:
        raise DictionaryError(where[0], where[1], f"actor name {name!r} has no words")
    # a stem must be a word, not punctuation ("U.S." ends in "." and is exact)
    if stem and (not words[-1][-1].isalnum() or len(words[-1]) < 3):
        stem = False
    return words, stem


def _roles(blocks: list[str], where, path) -> list[Role]:
    roles = []
    for b in blocks:
        r = parse_role(b, where)
        roles.append(r)
    return roles
