"""standgen validate stage."""
