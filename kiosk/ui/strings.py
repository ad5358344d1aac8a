"""The interface's own words in every shipped language (content text comes from YAML)."""

from __future__ import annotations

from kiosk.content.text import FALLBACK_LANGUAGE

#: Name of each language in that language, for the language button.
LANGUAGE_NAMES = {"en": "English", "es": "Español"}

_STRINGS: dict[str, dict[str, str]] = {
    "back": {"en": "Back", "es": "Atrás"},
    "home": {"en": "Home", "es": "Inicio"},
    "text_size": {"en": "Text size", "es": "Tamaño del texto"},
    "contrast": {"en": "High contrast", "es": "Alto contraste"},
    "contrast_on": {"en": "Normal colours", "es": "Colores normales"},
    "listen": {"en": "Listen", "es": "Escuchar"},
    "stop_listening": {"en": "Stop reading", "es": "Dejar de leer"},
    "size_0": {"en": "Normal", "es": "Normal"},
    "size_1": {"en": "Large", "es": "Grande"},
    "size_2": {"en": "Largest", "es": "Más grande"},
    "language_button": {"en": "Cambiar a español", "es": "Switch to English"},
    "tile_medications": {"en": "Medication information", "es": "Información sobre medicamentos"},
    "tile_medications_sub": {
        "en": "What a medicine is for, how to stop it safely, warning signs",
        "es": "Para qué sirve, cómo dejarlo con seguridad, señales de alarma",
    },
    "tile_checklist": {"en": "Symptom checklist", "es": "Lista de síntomas"},
    "tile_checklist_sub": {
        "en": "Check how you feel and see when to get help",
        "es": "Revise cómo se siente y sepa cuándo pedir ayuda",
    },
    "tile_call": {"en": "Talk to someone now", "es": "Hablar con alguien ahora"},
    "tile_call_sub": {
        "en": "Free and confidential, any time",
        "es": "Gratis y confidencial, a cualquier hora",
    },
    "medications": {"en": "Medications", "es": "Medicamentos"},
    "search": {"en": "Search by name", "es": "Buscar por nombre"},
    "search_hint": {"en": "Type a medicine name", "es": "Escriba el nombre de un medicamento"},
    "clear": {"en": "Clear", "es": "Borrar"},
    "space": {"en": "Space", "es": "Espacio"},
    "delete": {"en": "Delete", "es": "Borrar letra"},
    "no_matches": {
        "en": "No medicine matches “{query}”. Check the spelling, or ask the front desk.",
        "es": "Ningún medicamento coincide con “{query}”. "
        "Revise cómo lo escribió o pregunte en recepción.",
    },
    "no_pages": {
        "en": "There are no medication pages yet. Please ask the front desk.",
        "es": "Todavía no hay páginas de medicamentos. Pregunte en la recepción.",
    },
    "also_called": {"en": "Also called: {names}", "es": "También llamado: {names}"},
    "get_help_now": {
        "en": "Get help right away if you have any of these:",
        "es": "Pida ayuda de inmediato si tiene alguno de estos:",
    },
    "open_checklist": {"en": "Check your symptoms", "es": "Revise sus síntomas"},
    "sources": {"en": "Sources", "es": "Fuentes"},
    "reviewed": {"en": "Reviewed by {who} on {when}.", "es": "Revisado por {who} el {when}."},
    "next_review": {"en": "Next review: {when}.", "es": "Próxima revisión: {when}."},
    "not_reviewed": {
        "en": "This page has not yet been reviewed by a clinician.",
        "es": "Un profesional de la salud todavía no ha revisado esta página.",
    },
    "checklists": {"en": "Symptom checklists", "es": "Listas de síntomas"},
    "no_checklists": {
        "en": "There are no checklists yet. Please ask the front desk.",
        "es": "Todavía no hay listas de síntomas. Pregunte en la recepción.",
    },
    "tick_all": {
        "en": "Touch each one you have now:",
        "es": "Toque cada uno que tenga ahora:",
    },
    "see_result": {"en": "See what this means", "es": "Ver qué significa"},
    "start_over": {"en": "Start over", "es": "Empezar de nuevo"},
    "result_title": {"en": "What this means", "es": "Qué significa"},
    "urgent_title": {"en": "This may be an emergency", "es": "Esto puede ser una emergencia"},
    "you_ticked": {"en": "You marked:", "es": "Usted marcó:"},
    "score": {"en": "Score: {score}", "es": "Puntuación: {score}"},
    "not_diagnosis": {
        "en": "This checklist is not a diagnosis.",
        "es": "Esta lista no es un diagnóstico.",
    },
    "call_cta": {"en": "Call an intake coordinator", "es": "Llamar a un coordinador de admisión"},
    "call_now": {"en": "Call now", "es": "Llamar ahora"},
    "calling": {"en": "Calling…", "es": "Llamando…"},
    "call_failed": {
        "en": "The phone could not start. Please dial the number above.",
        "es": "No se pudo iniciar la llamada. Marque el número de arriba.",
    },
    "scan_to_call": {
        "en": "Scan with your phone's camera to call",
        "es": "Escanee con la cámara de su teléfono para llamar",
    },
    "touch_for_call": {"en": "Touch here for help", "es": "Toque aquí para ayuda"},
    "checked": {"en": "checked", "es": "marcado"},
    "not_checked": {"en": "not checked", "es": "sin marcar"},
    "out_of_service": {
        "en": "This screen is being updated. Please ask the front desk for help.",
        "es": "Esta pantalla se está actualizando. Pida ayuda en la recepción.",
    },
    "az_jump": {"en": "Jump to {letter}", "es": "Ir a {letter}"},
    "touch_to_start": {"en": "Touch the screen to start", "es": "Toque la pantalla para empezar"},
    "still_there": {"en": "Are you still there?", "es": "¿Sigue ahí?"},
    "reset_in": {
        "en": "To protect your privacy, this screen will start over in {seconds} seconds.",
        "es": "Para proteger su privacidad, esta pantalla empezará de nuevo en {seconds} segundos.",
    },
    "still_here": {"en": "I'm still here", "es": "Sigo aquí"},
}


def ui_text(key: str, language: str, **values: str) -> str:
    """The interface string ``key`` in ``language`` (English when missing), filled in."""
    entry = _STRINGS[key]
    template = entry.get(language) or entry[FALLBACK_LANGUAGE]
    return template.format(**values) if values else template


def languages_covered() -> dict[str, set[str]]:
    """For tests: which keys each language has."""
    found: dict[str, set[str]] = {}
    for key, entry in _STRINGS.items():
        for language in entry:
            found.setdefault(language, set()).add(key)
    return found
