"""Allow `python -m standgen`."""

from standgen.cli import main

raise SystemExit(main())
