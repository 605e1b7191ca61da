"""standgen: Dutch government performance reports from typed data to DOCX and PDF.

The pipeline: load -> validate -> select the edition -> compose -> write.
"""

__version__ = "0.1.0"
