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

Each block and pattern becomes a :class:`~polybius.dictionaries.verbs.VerbEntry` with
conditions on the parse (subject, object, prepositional object heads), so the same coder
runs on a user's PETRARCH dictionary.  Codes outside the CAMEO codebook are kept: the
events stage outputs such events with the code as it is and ``root`` null.
A malformed line raises :class:`VerbDictionaryError` with file and line.
"""
from __future__ import annotations

import logging
import re
from pathlib import Path

from .verbs import Trigger, VerbDictionary, VerbDictionaryError, VerbEntry

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
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        text = path.read_text(encoding="latin-1")
    text = re.sub(r"<!--.*?-->", lambda m: "\n" * m.group(0).count("\n"), text, flags=re.S)
    d = VerbDictionary(sources=[str(path)])
    # PETRARCH-1/TABARI patterns are word sequences; PETRARCH2 patterns use (PP) and {NP} groups
    tabari = not re.search(r"^\s*-[^\n#]*[({]", text, re.M)
    synsets: dict[str, list[str]] = {}
    cur_syn: str | None = None
    block_code: str | None = None
    block_recip: str | None = None
    block_verbs: list[Trigger] = []
    own_verbs: list[Trigger] = []  # verbs of the block with their own code: they share its patterns
    block_line = 0
    in_block = False
    pending: list[tuple[int, str]] = []

    def words_of(member: str) -> list[str]:
        return [w for w in re.split(r"[\s_]+", member.lower()) if w and w not in ("+", "$", "%")]

    def expand(word: str, where: str) -> frozenset:
        if word.startswith("&"):
            name = word[1:].upper().rstrip("_")
            members = synsets.get(name) or synsets.get(name + "_")
            if members is None:
                raise VerbDictionaryError(f"{where}: unknown synonym set {word}")
            out = set()
            for m in members:
                if m.startswith("&"):
                    out |= expand(m, where)
                else:
                    ws = words_of(m)
                    if ws:
                        out.add(ws[-1])
            return frozenset(out)
        return frozenset({word.lower()})

    def expand_words(word: str, where: str) -> list[tuple]:
        """A pattern word as alternatives of adjacent lower-case words (a set's members)."""
        if word.startswith("&"):
            name = word[1:].upper().rstrip("_")
            label = name if name in synsets else name + "_"
            members = synsets.get(label)
            if members is None:
                raise VerbDictionaryError(f"{where}: unknown synonym set {word}")
            out = []
            for m in members:
                if m.startswith("&"):
                    out.extend(expand_words(m.split()[0], where))
                else:
                    ws = tuple(words_of(m))
                    if ws:
                        out.append(ws)
                        # PETRARCH adds the regular plural of a member, unless the set's label or
                        # the member ends with "_" ("&AUXVERB_", "+KRONER_")
                        if not label.endswith("_") and not m.rstrip().endswith("_"):
                            out.append(ws[:-1] + (_plural(ws[-1]),))
            return out
        return [(word.lower(),)]

    def finish_block():
        nonlocal block_verbs, own_verbs
        if not block_verbs and not own_verbs:
            return
        base = block_code
        if block_verbs:
            d.entries.append(VerbEntry(code=base or "000", triggers=list(block_verbs), kind="event" if base else "content",
                                       rule=f"{path.name}:{block_line}", line=block_line, confidence=0.8,
                                       dialect="petrarch", reciprocal=block_recip if base else None,
                                       sequence=([], []) if tabari else None))
        for n, pat in pending:
            try:
                e = _pattern_entry(pat, n, block_verbs + own_verbs, expand, f"{path.name}:{n}", tabari, expand_words)
            except VerbDictionaryError as exc:
                # PETRARCH itself skips a broken pattern; so do we, and say which
                log.warning("%s (pattern skipped)", exc)
                d.warnings.append(f"{exc} (pattern skipped)")
                continue
            if e is not None:
                d.entries.append(e)
        block_verbs = []
        own_verbs = []
        pending.clear()

    for n, raw in enumerate(text.splitlines(), 1):
        where = f"{path.name}:{n}"
        line = _strip_comment(raw).strip()
        if not line:
            if not raw.strip():
                cur_syn = None  # a blank line ends a synonym set; a comment line does not
            continue
        m = _BLOCK.match(line)
        if m:
            finish_block()
            cur_syn = None
            in_block = True
            block_code = _first_code(m.group(2))
            if block_code is not None and not _event_code(block_code):
                d.warnings.append(f"{where}: {block_code!r} is not an event code (the block codes nothing)")
                block_code = None
            block_recip = _second_code(m.group(2))
            block_line = n
            continue
        if line.startswith("&"):
            cur_syn = line.split()[0][1:].upper()
            synsets[cur_syn] = []
            in_block = False
            finish_block()
            continue
        if cur_syn is not None and line.startswith("+"):
            synsets[cur_syn].append(line[1:].strip())
            continue
        if not in_block:
            if line.startswith(("+", "-")):
                d.warnings.append(f"{where}: pattern or member outside a verb block or synonym set (skipped)")
            continue
        if line.startswith("-"):
            if "*" not in line:
                d.warnings.append(f"{where}: a pattern needs '*' for the verb: {raw.strip()!r} (skipped)")
                continue
            pending.append((n, line[1:].strip()))
            continue
        # a verb of the block
        own = _CODE.search(line)
        body = _CODE.sub("", line).strip()
        body = re.sub(r"\{[^}]*\}", "", body).strip()
        if not body:
            continue
        form = body.split()[0]
        parts = [p for p in form.lower().split("_") if p and p != "+"]
        # a multi-word verb: "+" marks the word the parser calls the verb ("WIRE_+TAP",
        # "+CORDON_OFF"); the words before it must come right before the verb, the word after
        # it is a particle; without "+" the first word is the verb
        root = next((k for k, p in enumerate(parts) if p.startswith("+")), 0)
        parts = [p.lstrip("+") for p in parts]
        if not parts or not all(re.fullmatch(r"[a-z][a-z\-']*", p) for p in parts):
            d.warnings.append(f"{where}: bad verb {body!r} (skipped)")
            continue
        after = parts[root + 1:]
        trig = Trigger(parts[root], ("VERB",), after[0] if after and after[0] not in ("and", "or") else None,
                       tuple(parts[:root]))
        own_code = own.group(1).strip() if own else None
        if own_code is not None and _first_code(own_code) != block_code:
            # a verb with its own code: that code when no pattern matches, the block's patterns all the same
            code = _first_code(own_code)
            if code is not None and not _event_code(code):
                d.warnings.append(f"{where}: {code!r} is not an event code (the verb codes nothing)")
                code = None
            d.entries.append(VerbEntry(code=code or "000", triggers=[trig], rule=where, line=n, confidence=0.8,
                                       kind="event" if code else "content", dialect="petrarch",
                                       reciprocal=_second_code(own_code) if code else None,
                                       sequence=([], []) if tabari else None))
            own_verbs.append(trig)
        else:
            block_verbs.append(trig)
    finish_block()
    d.synsets = {k: frozenset(words_of(" ".join(v))) for k, v in synsets.items()}
    return d


def _pattern_entry(pat: str, n: int, verbs: list[Trigger], expand, where: str, tabari: bool = False,
                   expand_words=None) -> VerbEntry | None:
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
    # object side: (PREP ... HEAD) or {... HEAD} or WORD
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
    if head is not None:
        vals = expand(head, where)
        conds[f"prep:{prep}" if prep else "obj"] = vals
        for k, m in enumerate(mods[-3:], 1):
            conds[f"{'pmod' if prep else 'objmod'}{k}"] = expand(m, where)
    elif prep is not None:
        conds[f"prep:{prep}"] = frozenset()
    if bwords and before.strip().startswith(("{", "&")) or (bwords and not after.strip()):
        try:
            conds["subj"] = expand(bwords[-1], where)
        except VerbDictionaryError:
            raise
    seq = None
    if tabari and "(" not in body and "{" not in body:
        # "_" between a word and "*" ("RECENTLY_*", "*_ON") glues that word to the verb; PETRARCH
        # reads "_ " (underscore, space) as a plain space, so "WAS_ *" is an open match
        before = before.replace("_ ", " ")
        after = after.replace("_ ", " ")
        seq = (_sequence(before, expand_words, where, glued="last" if before.endswith("_") else None),
               _sequence(after, expand_words, where, glued="first" if after.startswith("_") else None))
        if not any(u[0] in ("words", "skip") or u[:2] == ("mark", "%") for side in seq for u in side):
            seq = None
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
