"""Reusable touch widgets: buttons, on-screen keyboard, QR code, kinetic scrolling."""
