"""Reader of PETRARCH verb dictionaries, read as they are.

Two dialects share the block structure::

    &SYNSET             a synonym set, members on following ``+WORD`` lines
    --- NAME [code] --- a verb block: its default code ("---" = no event, "a:b" = a)
    VERB {forms} [code] verbs of the block (a verb with its own code gets its own entry)
    +VERB_PARTICLE      multi-word verbs
    - pattern [code]    patterns; ``*`` marks the verb

* PETRARCH2 (``CAMEO.2.0.txt``): words before ``*`` are the subject noun phrase,
  ``(PREP ...)`` a prepositional phrase, ``{...}`` a noun phrase whose last word is its head.
* PETRARCH-1 / TABARI (``PETR.Validate.verbs.txt``): ``_`` joins adjacent words (also a word
  to the verb: ``RECENTLY_*``); ``$``, ``+`` and ``%`` mark source, target and compound
  positions; ``^`` skips a noun phrase; words before ``*`` are context.  Multi-word verbs mark
  the parser's verb with ``+`` (``WIRE_+TAP``); a verb with its own code shares its block's
  patterns; synonym-set members also match their regular plural.

Each block and pattern becomes a :class:`~polybius.dictionaries.verb_types.VerbEntry` with
conditions on the parse (subject, object, prepositional object heads), so the same coder
runs on a user's PETRARCH dictionary.  Codes outside the CAMEO codebook are kept: the
events stage outputs such events with the code as it is and ``root`` null.
A malformed line raises :class:`VerbDictionaryError` with file and line.
"""
from __future__ import annotations

import logging
import re
from pathlib import Path

from .verb_types import Trigger, VerbDictionary, VerbDictionaryError, VerbEntry

log = logging.getLogger("polybius.dictionaries")

PREPOSITIONS = {"about", "above", "across", "after", "against", "along", "among", "around", "as", "at", "before",
                "behind", "between", "by", "during", "for", "from", "in", "inside", "into", "near", "of", "off",
                "on", "onto", "outside", "over", "since", "through", "to", "toward", "towards", "under", "until",
                "upon", "with", "within", "without"}
STOP = {"a", "an", "the", "his", "her", "its", "their", "our", "to", "not", "and", "or", "that", "this"}
_BLOCK = re.compile(r"^---\s*(.+?)\s*\[([^\]]*)\]")
_CODE = re.compile(r"\[([^\]]*)\]\s*$")


def _strip_comment(line: str) -> str:
    return line.split("#", 1)[0].rstrip()


def _plural(word: str) -> str:
    """PETRARCH's regular plural of a synonym-set member."""
    if word.endswith("y"):
        return word[:-1] + "ies"
    if word.endswith("s"):
        return word + "es"
    return word + "s"


def _first_code(raw: str) -> str | None:
    raw = raw.strip()
    if not raw or raw.startswith("---"):
        return None
    return raw.split(":", 1)[0].strip() or None


def _event_code(code: str) -> bool:
    """An event code has digits and letters only ("174", "174K"); "+++", "###", "025?" are not."""
    return bool(re.fullmatch(r"[0-9A-Za-z]+", code)) and any(ch.isdigit() for ch in code)


def _second_code(raw: str) -> str | None:
    """The reciprocal half of a paired code: "[032:033]" -> "033" (the target does it to the source)."""
    raw = raw.strip()
    if ":" not in raw or raw.startswith("---"):
        return None
    return raw.split(":", 1)[1].strip() or None


def read_petrarch_verbs(path: str | Path) -> VerbDictionary:
    path = Path(path)
    return _PetrarchReader(path, _read_text(path)).read()


def _read_text(path: Path) -> str:
    """The file's text (UTF-8, else Latin-1) with ``<!-- -->`` comments blanked, lines kept."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        text = path.read_text(encoding="latin-1")
    return re.sub(r"<!--.*?-->", lambda m: "\n" * m.group(0).count("\n"), text, flags=re.S)


def _words_of(member: str) -> list[str]:
    return [w for w in re.split(r"[\s_]+", member.lower()) if w and w not in ("+", "$", "%")]


class _Synsets:
    """The file's synonym sets (``&NAME`` then ``+MEMBER`` lines) and the expansion of a
    pattern word that names one."""

    def __init__(self):
        self.members: dict[str, list[str]] = {}

    def _label(self, word: str) -> str:
        name = word[1:].upper().rstrip("_")
        return name if name in self.members else name + "_"

    @staticmethod
    def _unknown(word: str, where: str) -> VerbDictionaryError:
        return VerbDictionaryError(f"{where}: unknown synonym set {word}")

    def expand(self, word: str, where: str) -> frozenset:
        """A pattern word as the set of head words it stands for (a set's members' last words)."""
        if not word.startswith("&"):
            return frozenset({word.lower()})
        name = word[1:].upper().rstrip("_")
        members = self.members.get(name) or self.members.get(name + "_")
        if members is None:
            raise self._unknown(word, where)
        out = set()
        for m in members:
            if m.startswith("&"):
                out |= self.expand(m, where)
            else:
                ws = _words_of(m)
                if ws:
                    out.add(ws[-1])
        return frozenset(out)

    def expand_words(self, word: str, where: str) -> list[tuple]:
        """A pattern word as alternatives of adjacent lower-case words (a set's members)."""
        if not word.startswith("&"):
            return [(word.lower(),)]
        label = self._label(word)
        members = self.members.get(label)
        if members is None:
            raise self._unknown(word, where)
        out = []
        for m in members:
            if m.startswith("&"):
                out.extend(self.expand_words(m.split()[0], where))
                continue
            ws = tuple(_words_of(m))
            if ws:
                out.append(ws)
                # PETRARCH adds the regular plural of a member, unless the set's label or
                # the member ends with "_" ("&AUXVERB_", "+KRONER_")
                if not label.endswith("_") and not m.rstrip().endswith("_"):
                    out.append(ws[:-1] + (_plural(ws[-1]),))
        return out

    def as_sets(self) -> dict[str, frozenset]:
        return {k: frozenset(_words_of(" ".join(v))) for k, v in self.members.items()}


class _PetrarchReader:
    """One pass over one file: synonym sets, verb blocks, their verbs and patterns.

    A block's entries are made when the next block or synonym set opens (or at the end),
    when all its verbs and patterns are known."""

    def __init__(self, path: Path, text: str):
        self.path, self.text = path, text
        self.d = VerbDictionary(sources=[str(path)])
        # PETRARCH-1/TABARI patterns are word sequences; PETRARCH2 patterns use (PP) and {NP} groups
        self.tabari = not re.search(r"^\s*-[^\n#]*[({]", text, re.M)
        self.sets = _Synsets()
        self.cur_syn: str | None = None
        self.in_block = False
        self.block_code: str | None = None
        self.block_recip: str | None = None
        self.block_line = 0
        self.block_verbs: list[Trigger] = []
        self.own_verbs: list[Trigger] = []  # verbs of the block with their own code: they share its patterns
        self.pending: list[tuple[int, str]] = []

    def read(self) -> VerbDictionary:
        for n, raw in enumerate(self.text.splitlines(), 1):
            self._line(n, raw)
        self._finish_block()
        self.d.synsets = self.sets.as_sets()
        return self.d

    def _warn(self, message: str) -> None:
        self.d.warnings.append(message)

    def _sequence(self) -> tuple | None:
        return ([], []) if self.tabari else None

    def _line(self, n: int, raw: str) -> None:
        where = f"{self.path.name}:{n}"
        line = _strip_comment(raw).strip()
        if not line:
            if not raw.strip():
                self.cur_syn = None  # a blank line ends a synonym set; a comment line does not
            return
        m = _BLOCK.match(line)
        if m:
            self._open_block(m, n, where)
        elif line.startswith("&"):
            self.cur_syn = line.split()[0][1:].upper()
            self.sets.members[self.cur_syn] = []
            self.in_block = False
            self._finish_block()
        elif self.cur_syn is not None and line.startswith("+"):
            self.sets.members[self.cur_syn].append(line[1:].strip())
        elif not self.in_block:
            if line.startswith(("+", "-")):
                self._warn(f"{where}: pattern or member outside a verb block or synonym set (skipped)")
        elif line.startswith("-"):
            if "*" not in line:
                self._warn(f"{where}: a pattern needs '*' for the verb: {raw.strip()!r} (skipped)")
            else:
                self.pending.append((n, line[1:].strip()))
        else:
            self._verb(line, n, where)

    def _open_block(self, m: re.Match, n: int, where: str) -> None:
        self._finish_block()
        self.cur_syn = None
        self.in_block = True
        self.block_code = _first_code(m.group(2))
        if self.block_code is not None and not _event_code(self.block_code):
            self._warn(f"{where}: {self.block_code!r} is not an event code (the block codes nothing)")
            self.block_code = None
        self.block_recip = _second_code(m.group(2))
        self.block_line = n

    def _verb(self, line: str, n: int, where: str) -> None:
        """A verb of the block: with its own code it gets its own entry."""
        own = _CODE.search(line)
        body = _CODE.sub("", line).strip()
        body = re.sub(r"\{[^}]*\}", "", body).strip()
        if not body:
            return
        trig = _verb_trigger(body)
        if trig is None:
            self._warn(f"{where}: bad verb {body!r} (skipped)")
            return
        own_code = own.group(1).strip() if own else None
        if own_code is None or _first_code(own_code) == self.block_code:
            self.block_verbs.append(trig)
            return
        # a verb with its own code: that code when no pattern matches, the block's patterns all the same
        code = _first_code(own_code)
        if code is not None and not _event_code(code):
            self._warn(f"{where}: {code!r} is not an event code (the verb codes nothing)")
            code = None
        self.d.entries.append(VerbEntry(code=code or "000", triggers=[trig], rule=where, line=n, confidence=0.8,
                                        kind="event" if code else "content", dialect="petrarch",
                                        reciprocal=_second_code(own_code) if code else None,
                                        sequence=self._sequence()))
        self.own_verbs.append(trig)

    def _finish_block(self) -> None:
        if not self.block_verbs and not self.own_verbs:
            return
        base = self.block_code
        if self.block_verbs:
            self.d.entries.append(VerbEntry(code=base or "000", triggers=list(self.block_verbs),
                                            kind="event" if base else "content",
                                            rule=f"{self.path.name}:{self.block_line}", line=self.block_line,
                                            confidence=0.8, dialect="petrarch",
                                            reciprocal=self.block_recip if base else None,
                                            sequence=self._sequence()))
        for n, pat in self.pending:
            try:
                e = _pattern_entry(pat, n, self.block_verbs + self.own_verbs, self.sets, f"{self.path.name}:{n}",
                                   self.tabari)
            except VerbDictionaryError as exc:
                # PETRARCH itself skips a broken pattern; so do we, and say which
                log.warning("%s (pattern skipped)", exc)
                self._warn(f"{exc} (pattern skipped)")
                continue
            if e is not None:
                self.d.entries.append(e)
        self.block_verbs = []
        self.own_verbs = []
        self.pending.clear()


def _verb_trigger(body: str) -> Trigger | None:
    """The trigger of a verb line's first form, or None for a malformed verb.

    A multi-word verb: "+" marks the word the parser calls the verb ("WIRE_+TAP",
    "+CORDON_OFF"); the words before it must come right before the verb, the word after
    it is a particle; without "+" the first word is the verb."""
    form = body.split()[0]
    parts = [p for p in form.lower().split("_") if p and p != "+"]
    root = next((k for k, p in enumerate(parts) if p.startswith("+")), 0)
    parts = [p.lstrip("+") for p in parts]
    if not parts or not all(re.fullmatch(r"[a-z][a-z\-']*", p) for p in parts):
        return None
    after = parts[root + 1:]
    return Trigger(parts[root], ("VERB",), after[0] if after and after[0] not in ("and", "or") else None,
                   tuple(parts[:root]))


def _object_side(after: str) -> tuple[str | None, str | None, list[str]]:
    """``(preposition, head word, modifiers)`` of the pattern after the verb:
    ``(PREP ... HEAD)``, ``{... HEAD}`` or a run of plain words (the last is the head)."""
    tokens = re.findall(r"\(|\)|\{|\}|[^\s_(){}]+", after)
    tokens = [t for t in tokens if t not in ("$", "+", "%")]
    prep, head = None, None
    mods: list[str] = []  # words before the head in its phrase ("DIPLOMATIC TIES")
    i = 0
    while i < len(tokens):
        t = tokens[i]
        if t in ("(", ")", "}"):
            i += 1
            continue
        if t == "{":
            j = tokens.index("}", i) if "}" in tokens[i:] else len(tokens)
            grp = [x for x in tokens[i + 1:j] if x not in ("(", ")")]
            if grp:
                head = grp[-1]
                mods = [x for x in grp[:-1] if x.lower() not in STOP and x.lower() not in PREPOSITIONS]
            break
        low = t.lower()
        if low in PREPOSITIONS and prep is None and head is None:
            prep = low
            i += 1
            continue
        if low in STOP:
            i += 1
            continue
        head = t
        # a run of plain words: the head is the last before a boundary, the others modify it
        run = [t]
        k = i + 1
        while k < len(tokens) and tokens[k] not in ("(", ")", "{", "}") and tokens[k].lower() not in PREPOSITIONS:
            head = tokens[k]
            run.append(head)
            k += 1
        mods = [x for x in run[:-1] if x.lower() not in STOP]
        break
    return prep, head, mods


def _tabari_sequence(body: str, before: str, after: str, sets: _Synsets, where: str) -> tuple | None:
    """The TABARI word-order pattern of a pattern without (PP)/{NP} groups, or None when it
    constrains nothing."""
    if "(" in body or "{" in body:
        return None
    # "_" between a word and "*" ("RECENTLY_*", "*_ON") glues that word to the verb; PETRARCH
    # reads "_ " (underscore, space) as a plain space, so "WAS_ *" is an open match
    before = before.replace("_ ", " ")
    after = after.replace("_ ", " ")
    seq = (_sequence(before, sets.expand_words, where, glued="last" if before.endswith("_") else None),
           _sequence(after, sets.expand_words, where, glued="first" if after.startswith("_") else None))
    if not any(u[0] in ("words", "skip") or u[:2] == ("mark", "%") for side in seq for u in side):
        return None
    return seq


def _pattern_entry(pat: str, n: int, verbs: list[Trigger], sets: _Synsets, where: str,
                   tabari: bool = False) -> VerbEntry | None:
    m = _CODE.search(pat)
    if not m:
        raise VerbDictionaryError(f"{where}: pattern without [code]: {pat!r}")
    code = _first_code(m.group(1))
    if code is not None and not _event_code(code):
        raise VerbDictionaryError(f"{where}: {code!r} is not an event code")
    recip = _second_code(m.group(1)) if code else None
    body = _CODE.sub("", pat).strip()
    before, _, after = body.partition("*")
    conds: dict[str, frozenset] = {}
    # subject side (PETRARCH2): the head of the noun phrase before the verb
    bwords = [w for w in re.split(r"[\s_{}()]+", before) if w and w not in ("$", "+", "%")]
    bwords = [w for w in bwords if w.lower() not in STOP]
    prep, head, mods = _object_side(after)
    if head is not None:
        conds[f"prep:{prep}" if prep else "obj"] = sets.expand(head, where)
        for k, mod in enumerate(mods[-3:], 1):
            conds[f"{'pmod' if prep else 'objmod'}{k}"] = sets.expand(mod, where)
    elif prep is not None:
        conds[f"prep:{prep}"] = frozenset()
    if bwords and before.strip().startswith(("{", "&")) or (bwords and not after.strip()):
        conds["subj"] = sets.expand(bwords[-1], where)
    seq = _tabari_sequence(body, before, after, sets, where) if tabari else None
    if not conds and seq is None:
        return None
    return VerbEntry(code=code or "000", triggers=list(verbs), conditions=conds,
                     kind="event" if code else "content", rule=where, line=n, confidence=0.8, dialect="petrarch",
                     reciprocal=recip, sequence=seq)


def _sequence(side: str, expand_words, where: str, glued: str | None = None) -> list:
    """TABARI pattern words on one side of the verb, nearest the verb LAST on the before side
    and FIRST on the after side.  Units are ``(kind, value, adjacent)``:

    * ``("words", alternatives, adj)``: space-separated units may have words between them in
      the sentence; "_" joins words that must be adjacent; "&SET" is any member of the set (a
      member may be several adjacent words); ``adj`` is true for the unit joined to the verb
      by "_" ("RECENTLY_*", "*_ON"; ``glued`` says which unit that is, "last" before the
      verb, "first" after it): no word may come between it and the verb;
    * ``("mark", "$"|"+"|"%", False)``: where the source / target / compound is;
    * ``("skip", "^", False)``: one noun phrase is skipped there."""
    units: list = []
    chunks = side.split()
    for k, chunk in enumerate(chunks):
        if chunk in ("$", "+", "%"):
            units.append(("mark", chunk, False))
            continue
        if chunk == "^":
            units.append(("skip", "^", False))
            continue
        parts = [x for x in chunk.split("_") if x]
        marks = [x for x in parts if x in ("$", "+", "%")]
        skip = "^" in parts
        parts = [x for x in parts if x not in ("$", "+", "%", "^")]
        if not parts:
            continue
        alts = [()]
        for part in parts:
            opts = expand_words(part, where)
            alts = [a + o for a in alts for o in opts][:64]
        units.append(("words", tuple(alts), False))
        if skip:
            units.append(("skip", "^", False))
        units.extend(("mark", m, False) for m in marks)
    words = [i for i, u in enumerate(units) if u[0] == "words"]
    if glued and words:
        i = words[-1] if glued == "last" else words[0]
        units[i] = (units[i][0], units[i][1], True)
    return units
