"""Content rules: small functions from parsed files (and the date, the options) to Problems."""
