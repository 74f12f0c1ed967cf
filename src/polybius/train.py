"""Train Polybius's learned components, reproducibly, on CPU.

    python -m polybius.train factuality [options]    # the factuality model (polybius.factuality)
"""
from __future__ import annotations

import sys

COMPONENTS = {"factuality": "polybius.factuality.train"}


def main(argv=None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] not in COMPONENTS:
        print(f"usage: python -m polybius.train {{{','.join(COMPONENTS)}}} [options]", file=sys.stderr)
        return 2
    import importlib

    return importlib.import_module(COMPONENTS[argv[0]]).main(argv[1:])


if __name__ == "__main__":
    raise SystemExit(main())
