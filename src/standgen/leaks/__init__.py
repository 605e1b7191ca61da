"""Leak check: prove that no confidential text or figure from the source is in an artifact."""

from standgen.leaks.candidates import confidential_candidates
from standgen.leaks.check import Leak, check_artifact

__all__ = ["Leak", "check_artifact", "confidential_candidates"]
