"""armstrack: evidence-linked arms-transfer claims from multilingual news."""

__version__ = "0.1.0"
EXTRACTOR_VERSION = "0.1.0"
