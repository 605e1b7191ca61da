"""The house style of charts: Rijkshuisstijl colours, the document font and the page width."""

from __future__ import annotations

from dataclasses import dataclass

LOGOBLAUW = "#154273"
HEMELBLAUW = "#007BC7"
DONKERBLAUW = "#01689B"
LICHTBLAUW = "#8FCAE7"
ORANJE = "#E17000"


@dataclass(frozen=True)
class ChartStyle:
    """Colours, font and size of every chart; part of the cache key, so keep it frozen."""

    logoblauw: str = LOGOBLAUW
    hemelblauw: str = HEMELBLAUW
    donkerblauw: str = DONKERBLAUW
    lichtblauw: str = LICHTBLAUW
    oranje: str = ORANJE
    text_colour: str = "#1A1A1A"
    grid_colour: str = "#D9D9D9"
    font_family: str = "Liberation Sans"
    font_size: float = 8.5
    width_cm: float = 16.0
    dpi: int = 200

    @property
    def data_colours(self) -> tuple[str, ...]:
        """Colours for data series and slices, in order of use (contrasting neighbours)."""
        return (self.logoblauw, self.hemelblauw, self.lichtblauw, self.donkerblauw,
                self.oranje)

    @property
    def slice_colours(self) -> tuple[str, ...]:
        """Colours for pie and donut slices: orange before the second dark blue, for contrast."""
        return (self.logoblauw, self.hemelblauw, self.lichtblauw, self.oranje,
                self.donkerblauw)

    @property
    def reference_colours(self) -> tuple[str, ...]:
        """Colours for norm, target and plan series; orange first so they stand out."""
        return (self.oranje, self.donkerblauw, self.hemelblauw)

    def text_on(self, colour: str) -> str:
        """White on the dark blues and orange, dark text on light blue."""
        return self.text_colour if colour.upper() == self.lichtblauw.upper() else "#FFFFFF"
