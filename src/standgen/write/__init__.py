"""standgen write stage."""
