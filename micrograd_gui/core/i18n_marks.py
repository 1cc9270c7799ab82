"""Marks display strings for translation without importing Qt: the UI translates them when it shows them."""


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name pyside6-lupdate looks for
    """Return `text` unchanged; pyside6-lupdate extracts it under `context` (QCoreApplication.translate)."""
    return text
