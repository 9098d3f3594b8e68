"""store-audit: find the login weaknesses that cost online sellers their stores."""

__version__ = "0.1.0"
