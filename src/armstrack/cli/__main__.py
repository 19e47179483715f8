"""`python -m armstrack.cli`."""

from armstrack.cli import main

main()
