"""What `build_installer.py` hands its work to: the Debian package (the archive is still there)."""
