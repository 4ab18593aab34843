"""Settings persisted with QSettings; values out of range are clamped and logged."""

from __future__ import annotations

import logging
from dataclasses import asdict, fields

from PySide6.QtCore import QSettings

from lowback_timer.core.settings import Settings, coerce

log = logging.getLogger(__name__)


def load_settings(store: QSettings) -> Settings:
    raw = {f.name: store.value(f.name) for f in fields(Settings) if store.contains(f.name)}
    return coerce(raw, log.warning)


def save_settings(store: QSettings, settings: Settings) -> None:
    for name, value in asdict(settings).items():
        # QSettings keeps lists, not tuples; an empty list reads back as None, so store a string.
        store.setValue(name, ",".join(value) if isinstance(value, tuple) else value)
    store.sync()
