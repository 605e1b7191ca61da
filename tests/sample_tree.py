"""A small hand-built document tree with every node type, for writer tests.

Writers are tested against this tree so that their tests do not depend on compose.
The figures point at tiny chart files drawn here with matplotlib.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from standgen.compose import tree as t


def _chart_files(directory: Path) -> tuple[Path, Path]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(6, 3))
    ax.plot([2021, 2022, 2023, 2024, 2025], [53.9, 54.0, 53.5, 53.9, 54.2])
    vector = directory / "chart.pdf"
    raster = directory / "chart.png"
    fig.savefig(vector, metadata={"CreationDate": None, "Creator": None, "Producer": None})
    fig.savefig(raster, dpi=200, metadata={"Software": None})
    plt.close(fig)
    return vector, raster


def sample_document(directory: Path, marking: t.Marking | None = None) -> t.Document:
    """A document with a cover, TOC, two sections and every block type."""
    vector, raster = _chart_files(directory)
    note = t.FootnoteRef(1, (t.Text("Kamerstuk 36 592, nr. 52"),))
    note2 = t.FootnoteRef(2, (t.Text("Zie "), t.Link("https://www.defensie.nl",
                                                    (t.Text("defensie.nl"),))))
    table = t.Table(
        caption="Instroom beroepsmilitairen",
        number=1,
        anchor="tabel-1",
        header_rows=(
            t.TableRow((t.Cell((t.Text(""),)), t.Cell((t.Text("2024"),), "right"),
                        t.Cell((t.Text("2025"),), "right"))),
        ),
        body_rows=(
            t.TableRow((t.Cell((t.Text("Realisatie instroom"),)),
                        t.Cell((t.Text("4.326"),), "right"),
                        t.Cell((t.Text("5.138"),), "right"))),
            t.TableRow((t.Cell((t.Text("Plancijfer instroom"),)),
                        t.Cell((t.Text("6.217"),), "right"),
                        t.Cell((t.Text("6.969"),), "right"))),
            t.TableRow((t.Cell((t.Text("% realisatie"),)),
                        t.Cell((t.Text("69,6%"),), "right"),
                        t.Cell((t.Text("73,7%"),), "right")), role="total"),
        ),
        column_widths=(0.5, 0.25, 0.25),
        notes=(t.Paragraph((t.Text("* Voorlopige cijfers."),), "note"),),
        alt_text="Tabel: instroom beroepsmilitairen 2024–2025.",
    )
    grouped = t.Table(
        caption="Ervaren geluidsoverlast bij militaire vliegbewegingen",
        number=2,
        anchor="tabel-2",
        header_rows=(
            t.TableRow((t.Cell((t.Text("Vliegbasis"),), rowspan=2),
                        t.Cell((t.Text("2024"),), "center", colspan=2),
                        t.Cell((t.Text("2025"),), "center", colspan=2))),
            t.TableRow((t.Cell((t.Text("Aantal melders"),), "right"),
                        t.Cell((t.Text("Aantal meldingen"),), "right"),
                        t.Cell((t.Text("Aantal melders"),), "right"),
                        t.Cell((t.Text("Aantal meldingen"),), "right"))),
        ),
        body_rows=tuple(
            t.TableRow((t.Cell((t.Text(name),)),
                        *(t.Cell((t.Text(v),), "right") for v in values)), role=role)
            for name, values, role in [
                ("Gilze-Rijen", ("161", "633", "417", "878"), "data"),
                ("Volkel", ("396", "3.035", "222", "1.693"), "data"),
                ("Totaal", ("557", "3.668", "639", "2.571"), "total"),
            ]
        ),
        column_widths=(0.28, 0.18, 0.18, 0.18, 0.18),
    )
    figure = t.Figure(
        caption="Gemiddelde materiële gereedheid",
        alt_text="Lijndiagram: gemiddelde materiële gereedheid 2021–2025, van 53,9% naar 54,2%.",
        kind="chart", vector_path=vector, raster_path=raster, width_cm=15.0, height_cm=7.5,
        source_note="Bron: Defensie", number=1, anchor="figuur-1",
    )
    placeholder = t.Figure(
        caption="Kaart personeelsopbouw per provincie", alt_text="Kaart (niet beschikbaar)",
        kind="placeholder", placeholder_text="De gegevens van deze figuur zijn niet opgenomen.",
        number=2, anchor="figuur-2",
    )
    voorwoord = t.DocSection("Voorwoord", (
        t.Heading(1, "Voorwoord", "voorwoord", in_toc=True),
        t.Paragraph((t.Text("Dit jaar draaide om "), t.Text("Orange Shield", italic=True),
                     t.Text(" en de 1.000"), t.Text("e", script="super"),
                     t.Text(" dienjaarmilitair.")),),
        t.Paragraph((t.Text("Minister van Defensie"),), "signature"),
    ))
    chapter = t.DocSection("Vervullen personele behoefte", (
        t.Heading(1, "Vervullen personele behoefte", "h-2", number="2", in_toc=True),
        t.Paragraph((t.Text("De CO"), t.Text("2", script="sub"),
                     t.Text("-uitstoot daalde"), note, t.Text(" en "),
                     t.Text("sterk", bold=True), t.Text(" ook."), note2)),
        t.Heading(2, "Instroom en uitstroom van personeel", "h-2-2", number="2.2",
                  in_toc=True),
        t.Heading(3, "Beroepsmilitairen", "t-beroepsmilitairen"),
        t.Heading(4, "Doelstelling", "t-beroepsmilitairen-doelstelling"),
        t.Paragraph((t.Text("Defensie groeit: € 26,3 miljard, 79,5% en ≥ 7ᵉ plaats."),)),
        table,
        t.ListBlock(((t.Text("Eerste punt"),), (t.Text("Tweede "), t.Text("punt",
                                                                         italic=True)))),
        t.Heading(4, "Toelichting", "t-beroepsmilitairen-toelichting"),
        figure,
        grouped,
        placeholder,
        t.PageBreak(),
        t.Paragraph((t.Text("Na de pagina-einde."),)),
    ))
    return t.Document(
        metadata=t.Metadata(
            title="Stand van Defensie voorjaar 2026", subject="Openbare versie",
            author="Ministerie van Defensie", language="nl-NL",
            created=dt.datetime(2026, 5, 20, 9, 0, 0), keywords=("Defensie",),
        ),
        cover=t.Cover(title="Stand van Defensie", ministry="Ministerie van Defensie",
                      edition_label="Openbare versie", period="Voorjaar 2026",
                      tagline="Samen bouwen aan een sterke en slimme krijgsmacht"),
        toc=t.TableOfContents("Inhoud", (
            t.TocEntry(1, "Voorwoord", "voorwoord"),
            t.TocEntry(1, "Vervullen personele behoefte", "h-2", "2"),
            t.TocEntry(2, "Instroom en uitstroom van personeel", "h-2-2", "2.2"),
        )),
        sections=(voorwoord, chapter),
        marking=marking,
    )
