"""Tagged PDF (PDF/UA-1, PDF/A-2a): a structure tree built alongside the flowables, marked
content emitted while they draw, and the tree, metadata and output intent written at the end."""

from standgen.write.pdf.tagging.elements import StructElem
from standgen.write.pdf.tagging.tagger import Tagger, tagger_of

__all__ = ["StructElem", "Tagger", "tagger_of"]
