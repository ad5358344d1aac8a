"""One screen per visitor place: home, lists, drug page, checklist, result, call card."""
