"""Unit tests of the content pipeline's pieces: links, options, discovery, parsing, rules."""
