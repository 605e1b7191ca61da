"""Allow `python -m standgen`."""

from standgen.cli import run

run()
