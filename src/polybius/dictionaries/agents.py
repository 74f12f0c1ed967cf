"""Reader of PETRARCH agent dictionaries (``Phoenix.agents.txt``, ``PETR.Validate.agents.txt``).

Format::

    !PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON     # a substitution set
    CONGRESS!PERSON! [~LEG]                      # expands to CONGRESSMAN, CONGRESSMEN, ...
    FOREIGN_MINISTER [~GOVFRM]                   # "~X": X follows the actor's code (ARNGOVFRM)
    HUMAN_RIGHTS_BODY [NGO~]                     # "X~": X precedes the actor's code (NGOARN)
    POLICE {} [~COP]                             # {}: no plural forms
    ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]  # {...}: explicit plural(s)

``#`` starts a comment and ``<!-- -->`` lines are comments.
"""
from __future__ import annotations

import logging
import re

from .lexicon import AgentEntry, DictionaryError, Phrase, read_lines, split_phrase, split_phrase_gaps

log = logging.getLogger("polybius.dictionaries")
_SUBST_RE = re.compile(r"^(![A-Z0-9_]+!)\s*=\s*(.+)$", re.I)
_LINE_RE = re.compile(r"^(?P<name>[^\[{]+?)\s*(?:\{(?P<plural>[^}]*)\})?\s*\[(?P<code>[^\]}]*)(?P<close>[\]}])\s*$")
_CODE_RE = re.compile(r"^(~?)([A-Za-z0-9]*)(~?)$")


def read_agent_dictionary(path: str) -> list[tuple[list[str], AgentEntry]]:
    """``[(words, entry)]`` for every agent phrase (substitutions expanded, plurals given)."""
    path = str(path)
    subst: dict[str, list[str]] = {}
    out: list[tuple[list[str], AgentEntry]] = []
    in_comment = False
    for n, raw in read_lines(path):
        line = raw
        if in_comment:
            if "-->" in line:
                in_comment = False
            continue
        if line.lstrip().startswith("<!"):
            in_comment = "-->" not in line
            continue
        i = line.find("#")
        text = (line if i < 0 else line[:i]).strip()
        if not text:
            continue
        m = _SUBST_RE.match(text)
        if m:
            subst[m.group(1).upper()] = [w.strip() for w in m.group(2).split(",") if w.strip()]
            continue
        m = _LINE_RE.match(text)
        if not m and "[" not in text and "]" not in text:
            log.warning("%s:%d: agent %r has no code; skipped", path, n, text)
            continue
        if not m:
            raise DictionaryError(path, n, f"not an agent line (expected NAME [~CODE]): {text!r}")
        if m.group("close") != "]":
            log.warning("%s:%d: code block closed by %r; read as ']'", path, n, m.group("close"))
        cm = _CODE_RE.match(m.group("code").strip())
        if not cm or not cm.group(2) or (cm.group(1) and cm.group(3)) or not (cm.group(1) or cm.group(3)):
            raise DictionaryError(path, n, f"bad agent code [{m.group('code').strip()}] (expected [~XXX] or [XXX~])")
        code, prefix = cm.group(2).upper(), bool(cm.group(3))
        plural = m.group("plural")
        names = _expand(m.group("name").strip(), subst, path, n)
        extra = []
        if plural:
            for p in plural.split(","):
                extra.extend(_expand(p.strip(), subst, path, n))
        key = " ".join(split_phrase(names[0])).lower()
        for nm in names + extra:
            words = split_phrase_gaps(nm)
            if not words:
                continue
            entry = AgentEntry(name=" ".join(words).lower(), code=code, source=f"{path}:{n}", prefix=prefix,
                               key=key, lemma_ok=plural is None)
            out.append((words, entry))
            if plural is None and nm in names:
                for pw in _plurals(words):
                    out.append((pw, entry))
    return out


def _expand(name: str, subst: dict[str, list[str]], path: str, n: int) -> list[str]:
    m = re.search(r"![A-Z0-9_]+!", name, re.I)
    if not m:
        return [name]
    key = m.group(0).upper()
    if key not in subst:
        raise DictionaryError(path, n, f"unknown substitution set {m.group(0)}")
    out = []
    for w in subst[key]:
        out.extend(_expand(name[: m.start()] + w + name[m.end() :], subst, path, n))
    return out


def _plurals(words: list[str]) -> list[list[str]]:
    """Regular English plurals of the last word (as PETRARCH forms them)."""
    last = words[-1]
    low = last.lower()
    if not low.isalpha() or len(low) < 3:
        return []
    if low.endswith(("s", "x", "z", "ch", "sh")):
        forms = [last + "ES"]
    elif low.endswith("y") and low[-2] not in "aeiou":
        forms = [last[:-1] + "IES"]
    elif low.endswith("man"):
        forms = [last[:-3] + "MEN"]
    else:
        forms = [last + "S"]
    out = []
    for f in forms:
        p = Phrase(words[:-1] + [f])
        p.gaps = getattr(words, "gaps", ())
        out.append(p)
    return out
