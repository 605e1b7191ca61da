"""standgen format stage."""
