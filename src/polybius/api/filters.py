"""What a valid query value looks like, for the API and the command line alike."""
from __future__ import annotations

CODE = r"^[A-Za-z0-9*_.\-]{1,64}$"  # actor codes (prefix wildcard allowed)
ROOT = r"^(0[1-9]|1[0-9]|20)$"  # CAMEO roots 01..20
CAMEO = r"^\d{2,4}$"  # a CAMEO code or prefix
PLOVER = r"^[A-Za-z_]{1,40}$"  # a PLOVER event type
