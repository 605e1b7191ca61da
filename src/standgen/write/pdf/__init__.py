"""standgen write pdf stage."""
