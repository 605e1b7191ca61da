"""standgen charts stage."""
