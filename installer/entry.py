"""The frozen app's entry point: the same command line as ``sochibo`` and ``python -m desktop``.

Without a subcommand it opens the GUI; PyInstaller starts here.
"""

from desktop.cli import main

raise SystemExit(main())
