"""dateline: news reports about armed conflict in, an evidence-backed event ledger out."""

import logging

__version__ = "0.1.0"

# Library code never configures logging; only the CLI does.
logging.getLogger(__name__).addHandler(logging.NullHandler())
