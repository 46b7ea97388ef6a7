"""One catalogue of error codes: the CLI, the logs and the API speak of the same E0xx."""

from __future__ import annotations

CATALOGUE = {
    "E001": "file is empty",
    "E002": "file looks binary, not text",
    "E003": "file is not valid UTF-8",
    "E004": "file is larger than the size limit",
    "E005": "HTML could not be parsed into any text",
    "E006": "JSON Lines row is not valid JSON",
    "E007": "JSON Lines row lacks a required field",
    "E008": "file type is not supported",
    "E009": "path does not exist",
    "E010": "no article text left after removing boilerplate and comments",
    "E020": "gold file could not be read",
    "E030": "ledger could not be opened",
    "E040": "an optional extra is not installed",
}


class DatelineError(Exception):
    """Base of every error dateline raises on purpose; carries a catalogue code."""

    def __init__(self, code: str, detail: str = "") -> None:
        self.code = code
        self.detail = detail
        message = CATALOGUE.get(code, "error")
        super().__init__(f"{code} {message}" + (f": {detail}" if detail else ""))


class InputError(DatelineError):
    """An input file or row cannot be used."""


class LedgerError(DatelineError):
    """The ledger (database) cannot be opened or written."""
