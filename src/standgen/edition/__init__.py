"""standgen edition stage."""
