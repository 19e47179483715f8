"""Exports: one module per format, each a Writer (write a row, finalize), registered in registry.py."""
