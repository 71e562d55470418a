"""`python -m apparat` runs the command line."""

from apparat.cli import main

raise SystemExit(main())
