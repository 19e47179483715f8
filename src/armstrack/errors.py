"""One exception tree for the library; the CLI turns these into one-line messages."""


class ArmstrackError(Exception):
    """Base of every error armstrack raises on purpose."""


class UnreadableDocument(ArmstrackError):
    """An input could not be read or parsed into a document."""


class UnsafeURL(ArmstrackError):
    """A URL refused before any connection: not http(s), userinfo, or an address that is not public."""


class UnsupportedLanguage(ArmstrackError):
    """No front-end exists for the requested language."""


class InvalidKB(ArmstrackError):
    """The knowledge base or a lexicon file is malformed."""


class StoreError(ArmstrackError):
    """The database could not be opened, migrated or written."""


class RefusedRow(StoreError):
    """The database refused a row (a value too long or not allowed, a broken constraint); nothing was written."""


class NotFound(ArmstrackError):
    """A transfer, claim or judgement id that the store does not hold."""


class ExportError(ArmstrackError):
    """An export was asked for in a form its format cannot give (unknown format, wrong rows, no output path)."""


class ScaleError(ArmstrackError):
    """A Dask cluster could not be started or reached, or its workers would extract differently."""


class Merged(NotFound):
    """A transfer id that a live merge took into another transfer: pages and the API redirect to that one."""

    def __init__(self, old: str, into: str) -> None:
        super().__init__(f"transfer {old} was merged into {into}")
        self.old = old
        self.into = into
