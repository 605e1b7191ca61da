"""standgen write docx stage."""
