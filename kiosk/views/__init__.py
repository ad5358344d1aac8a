"""Per-screen view models: what each screen shows and says, from Catalog and Session (no Qt)."""
