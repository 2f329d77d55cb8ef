"""Analysis: from prose to a spaCy Doc, quotation scopes and phrase matches."""
