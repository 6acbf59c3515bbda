"""``python -m samenspel``: the same as the ``samenspel`` command."""

from samenspel.cli import main

main()
