"""The Word review round trip (issue #23): list a reviewed DOCX's comments and tracked
changes with their sources, and take prose edits back into the YAML sources."""

from standgen.review.run import ReviewOptions, run_review

__all__ = ["ReviewOptions", "run_review"]
