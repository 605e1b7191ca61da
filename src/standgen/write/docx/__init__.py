"""The DOCX writer: a composed document tree as an editable Word document."""

from standgen.write.docx.document import build_docx, write_docx

__all__ = ["build_docx", "write_docx"]
