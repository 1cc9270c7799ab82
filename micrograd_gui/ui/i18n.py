"""Languages: the app's Qt translation (resources/translations) and Qt's own, installed on the application."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from micrograd_gui.resources import resource_path

# code -> name, each in its own language: the menu shows them untranslated so anyone can find theirs
LANGUAGES = {"en": "English", "zh_CN": "简体中文"}
SOURCE_LANGUAGE = "en"  # the strings in the code; it needs no translation file
SETTINGS_KEY = "language"

_installed: list[QTranslator] = []
_current = [SOURCE_LANGUAGE]


def qm_path(language: str) -> Path:
    """The compiled translation of the app for `language`."""
    return resource_path("translations", f"micrograd_gui_{language}.qm")


def system_language() -> str:
    """Simplified Chinese on a Chinese system, English anywhere else."""
    return "zh_CN" if QLocale.system().name().startswith("zh") else SOURCE_LANGUAGE


def saved_language(settings: QSettings) -> str:
    """The language chosen in the Language menu last time, else the system's."""
    value = settings.value(SETTINGS_KEY)
    return value if isinstance(value, str) and value in LANGUAGES else system_language()


def current() -> str:
    """The language whose translators are installed now."""
    return _current[0]


def install(app: QCoreApplication, language: str) -> str:
    """Replace the installed translators by those of `language`; returns the language now in effect.

    A missing or unreadable translation is reported on stderr and leaves the app in English. Qt's own
    translation (standard buttons such as OK and Cancel) is used when this Qt has it; a frozen build may not.
    """
    for t in _installed:
        app.removeTranslator(t)
        t.deleteLater()
    _installed.clear()
    _current[0] = SOURCE_LANGUAGE
    if language == SOURCE_LANGUAGE or language not in LANGUAGES:
        return SOURCE_LANGUAGE
    try:
        path = qm_path(language)
    except FileNotFoundError as e:
        print(f"micrograd-gui: {e}", file=sys.stderr)
        return SOURCE_LANGUAGE
    own = QTranslator(app)
    if not own.load(str(path)):
        print(f"micrograd-gui: the {LANGUAGES[language]} translation could not be loaded from {path}", file=sys.stderr)
        return SOURCE_LANGUAGE
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    app.installTranslator(own)  # installed last, so it is asked first
    _installed.append(own)
    _current[0] = language
    return language
