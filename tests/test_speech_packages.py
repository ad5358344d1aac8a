"""The install brings a Spanish voice: speech-dispatcher, its espeak-ng module, espeak-ng data."""

from __future__ import annotations

from kiosk import system_packages
from kiosk_build.deb import control

#: Debian 12: the service, its espeak-ng module, the synthesizer, and its voices
#: (espeak-ng-data holds es_dict and the es and es-419 voices).
SPANISH_VOICE = ["speech-dispatcher", "speech-dispatcher-espeak-ng", "espeak-ng", "espeak-ng-data"]


def test_the_speech_role_has_the_spanish_voice() -> None:
    packages = system_packages.load()
    assert system_packages.names(packages, ["speech"]) == SPANISH_VOICE
    assert "speech" in system_packages.OPTIONAL_ROLES  # missing: read aloud off, not a failure


def test_the_debian_package_recommends_them() -> None:
    text = control("1.0", 100, system_packages.load())
    recommends = next(line for line in text.splitlines() if line.startswith("Recommends:"))
    assert recommends == f"Recommends: {', '.join(SPANISH_VOICE)}"
