"""``python -m desktop`` runs the same command line as ``sochibo``."""

from desktop.cli import main

raise SystemExit(main())
