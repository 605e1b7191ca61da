"""Compose stage: the validated model and an edition to a layout-neutral document tree."""

from standgen.compose.document import ComposeOptions, compose_document
from standgen.compose.dump import dump_document

__all__ = ["ComposeOptions", "compose_document", "dump_document"]
