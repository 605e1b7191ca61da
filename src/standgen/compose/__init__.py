"""standgen compose stage."""
