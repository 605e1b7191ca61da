"""The PDF writer: a composed document tree laid out with reportlab platypus."""

from standgen.write.pdf.build import render_pdf, write_pdf
from standgen.write.pdf.fonts import FontSet, default_fonts
from standgen.write.pdf.glyphs import check_glyphs

__all__ = ["FontSet", "check_glyphs", "default_fonts", "render_pdf", "write_pdf"]
