"""The report model: typed, validated data that knows nothing of Word or PDF."""

from standgen.model.base import Classified, Node, SourceRef
from standgen.model.charts import ChartSpec, Series
from standgen.model.report import (
    BijlageVerwijzing,
    Block,
    BlockContainer,
    ChangeList,
    Chapter,
    FigureBlock,
    Footnote,
    FrontMatter,
    HeadingBlock,
    Inleiding,
    ListBlock,
    Part,
    Report,
    Section,
    Signatory,
    TableBlock,
    TextBlock,
    Topic,
)
from standgen.model.tables import Column, Derivation, IndicatorTable, Row, TableNote
from standgen.model.values import Cell, Status, Unit

__all__ = [
    "BijlageVerwijzing", "Block", "BlockContainer", "Cell", "ChangeList", "Chapter",
    "ChartSpec", "Classified", "Column", "Derivation", "FigureBlock", "Footnote",
    "FrontMatter", "HeadingBlock", "IndicatorTable", "Inleiding", "ListBlock", "Node",
    "Part", "Report", "Row", "Section", "Series", "Signatory", "SourceRef", "Status",
    "TableBlock", "TableNote", "TextBlock", "Topic", "Unit",
]
