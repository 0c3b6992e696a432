"""`python -m nerpipe`."""

from nerpipe.cli import main

main()
