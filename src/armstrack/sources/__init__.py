"""Readers that turn inputs (files, stdin) into Documents."""
