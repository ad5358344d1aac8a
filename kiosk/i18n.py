"""The interface's own words: English sources, and Qt Linguist .ts files for other languages.

Translators edit ``resources/i18n/kiosk_<lang>.ts`` (Qt Linguist or any text editor);
``pyside6-lrelease`` compiles them to ``.qm`` during ``make`` and the installer build. Adding a
language needs only a new .ts file and the code in kiosk.yaml's ``languages``. After adding a
string here, run ``python -m kiosk.i18n`` to add it (unfinished) to every .ts file.
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

CONTEXT = "kiosk"
#: The source text translated into each language's own name (for the language button).
LANGUAGE_NAME_KEY = "language_name"

UI_STRINGS: dict[str, str] = {
    LANGUAGE_NAME_KEY: "English",
    "back": "Back",
    "home": "Home",
    "text_size": "Text size",
    "contrast": "High contrast",
    "contrast_on": "Normal colours",
    "listen": "Listen",
    "stop_listening": "Stop reading",
    "back_desc": "Go back to the previous screen",
    "home_desc": "Go to the start screen",
    "language_desc": "Show everything in this language",
    "text_size_desc": "Make the text larger; after the largest size it returns to normal",
    "contrast_desc": "Switch between normal colours and white text on black",
    "listen_desc": "Read this screen aloud",
    "key_desc": "Keyboard key",
    "search_desc": "Type with the keyboard below; matching medicines are listed above it",
    "list_desc": "Touch a medicine to open its page",
    "row_desc": "Touch to mark or unmark",
    "see_result_desc": "Shows what your answers mean",
    "start_over_desc": "Unmarks every item",
    "open_checklist_desc": "Opens the symptom checklist for this medicine",
    "call_now_desc": "Starts a call on the clinic phone",
    "still_here_desc": "Keeps your place on the screen",
    "call_cta_desc": "Shows the number to call and a code for your phone",
    "page_desc": "Swipe up and down to read",
    "size_0": "Normal",
    "size_1": "Large",
    "size_2": "Largest",
    "tile_medications": "Medication information",
    "tile_medications_sub": "What a medicine is for, how to stop it safely, warning signs",
    "tile_checklist": "Symptom checklist",
    "tile_checklist_sub": "Check how you feel and see when to get help",
    "tile_call": "Talk to someone now",
    "tile_call_sub": "Free and confidential, any time",
    "medications": "Medications",
    "search": "Search by name",
    "search_hint": "Type a medicine name",
    "clear": "Clear",
    "space": "Space",
    "delete": "Delete",
    "no_matches": "No medicine matches “{query}”. Check the spelling, or ask the front desk.",
    "no_pages": "There are no medication pages yet. Please ask the front desk.",
    "loading_pages": "The medication pages are loading. They will show here in a moment.",
    "also_called": "Also called: {names}",
    "get_help_now": "Get help right away if you have any of these:",
    "open_checklist": "Check your symptoms",
    "sources": "Sources",
    "reviewed": "Reviewed by {who} on {when}.",
    "next_review": "Next review: {when}.",
    "not_reviewed": "This page has not yet been reviewed by a clinician.",
    "checklists": "Symptom checklists",
    "no_checklists": "There are no checklists yet. Please ask the front desk.",
    "tick_all": "Touch each one you have now:",
    "see_result": "See what this means",
    "start_over": "Start over",
    "show_az": "A–Z",
    "show_az_desc": "Shows the letters A to Z instead of the keyboard",
    "show_keyboard": "Keyboard",
    "show_keyboard_desc": "Shows the keyboard to type a name",
    "undo_start_over": "Bring back my answers",
    "undo_start_over_desc": "Marks again the items you had marked before Start over",
    "urgent_sign": "This is an emergency sign. See what to do now",
    "urgent_sign_desc": "Shows what to do right away",
    "result_title": "What this means",
    "urgent_title": "This may be an emergency",
    "you_ticked": "You marked:",
    "level_immediate": "Immediate action required",
    "level_urgent": "Urgent advice",
    "level_non_urgent": "Non-urgent advice",
    "draft_banner": "Draft: a clinician has not checked this yet.",
    "call_cta_also": "You can also talk to an intake coordinator",
    "other_help": "Other free help lines",
    "other_help_note": "If someone is in danger now: {action}",
    "scan_to_call_line": "QR code to call {name}",
    "safe_mode_note": "This screen is showing only the most important help for now.",
    "score": "Score: {score}",
    "not_diagnosis": "This checklist is not a diagnosis.",
    "call_cta": "Call an intake coordinator",
    "call_now": "Call now",
    "calling": "Calling…",
    "call_failed": "The phone could not start. Please dial the number above.",
    "scan_to_call": "Scan with your phone's camera to call",
    "touch_for_call": "Touch to see the number large and more help lines",
    "checked": "checked",
    "not_checked": "not checked",
    "out_of_service": "This screen is being updated. Please ask the front desk for help.",
    "az_jump": "Jump to {letter}",
    "touch_to_start": "Touch the screen to start",
    "still_there": "Are you still there?",
    "reset_in": "To protect your privacy, this screen will start over in {seconds} seconds.",
    "still_here": "I'm still here",
    "audio": "Audio",
    "audio_on": "Audio on",
    "audio_desc": "Audio mode: touch anything once to hear it, and again to use it",
    "audio_started": (
        "Audio mode is on. Touch anything once to hear what it is, and touch it again to use it. "
        "With a keypad, the arrow keys move and Enter chooses. "
        "Listen reads the screen one part at a time; Next, Previous and Repeat move through it, "
        "and Louder and Softer change the volume. Touch Audio again to turn audio mode off."
    ),
    "audio_stopped": "Audio mode is off.",
    "audio_previous": "Previous",
    "audio_previous_desc": "Read the part before",
    "audio_repeat": "Repeat",
    "audio_repeat_desc": "Read this part again",
    "audio_next": "Next",
    "audio_next_desc": "Read the next part",
    "audio_softer": "Softer",
    "audio_softer_desc": "Make the voice quieter",
    "audio_louder": "Louder",
    "audio_louder_desc": "Make the voice louder",
    "audio_volume": "Volume {percent} percent",
    "audio_arrival_hint": "Touch Listen to hear this screen.",
    "audio_end": "End of the screen.",
    "audio_touch_again": "Touch again to use it.",
    "audio_button": "button",
    "audio_link": "with a link",
    "audio_results": "Medicines found: {count}. {names}",
}


def ts_path(folder: Path, language: str) -> Path:
    """Where the .ts file of ``language`` lives."""
    return folder / f"kiosk_{language}.ts"


def read_ts(path: Path) -> dict[str, str]:
    """Finished translations in a .ts file, by string key (the message's comment)."""
    root = ET.parse(path).getroot()
    found: dict[str, str] = {}
    for message in root.iter("message"):
        key = message.findtext("comment") or ""
        translation = message.find("translation")
        if translation is None or translation.get("type") in ("unfinished", "obsolete", "vanished"):
            continue
        if key and translation.text:
            found[key] = translation.text
    return found


def write_ts(path: Path, language: str, translations: dict[str, str]) -> None:
    """Write a .ts file with every interface string; untranslated ones are 'unfinished'."""
    root = ET.Element("TS", version="2.1", language=language.replace("-", "_"))
    context = ET.SubElement(root, "context")
    ET.SubElement(context, "name").text = CONTEXT
    for key, source in UI_STRINGS.items():
        message = ET.SubElement(context, "message")
        ET.SubElement(message, "source").text = source
        ET.SubElement(message, "comment").text = key
        translation = ET.SubElement(message, "translation")
        if key in translations:
            translation.text = translations[key]
        else:
            translation.set("type", "unfinished")
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8"
    )


def missing(folder: Path, language: str) -> list[str] | None:
    """Keys without a translation in ``language`` (None when there is no .ts file at all)."""
    if language == "en":
        return []
    path = ts_path(folder, language)
    if not path.is_file():
        return None
    try:
        done = read_ts(path)
    except (ET.ParseError, OSError):
        return None
    return [key for key in UI_STRINGS if key not in done]


def placeholders(text: str) -> set[str]:
    """The {names} a string fills in; a translation must keep them all."""
    import string

    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def update(folder: Path) -> list[Path]:
    """Add new strings (unfinished) to every .ts file and drop removed ones."""
    written = []
    for path in sorted(folder.glob("kiosk_*.ts")):
        language = path.stem.removeprefix("kiosk_")
        write_ts(path, language, read_ts(path))
        written.append(path)
    return written


if __name__ == "__main__":
    here = Path(__file__).resolve().parent.parent / "resources" / "i18n"
    for updated in update(here):
        print(updated)
    sys.exit(0)
