"""Qt translators: the app's own .qm and Qt's qtbase (standard buttons, QWizard's Back/Next)."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from lowback_timer.core.content import package_root

log = logging.getLogger(__name__)


def install_translators(app: QCoreApplication, lang: str) -> list[QTranslator]:
    """Install the translators for `lang`; returns them so the caller keeps them alive."""
    QLocale.setDefault(
        QLocale(QLocale.Language.Japanese if lang == "ja" else QLocale.Language.English)
    )
    wanted = [(str(package_root() / "i18n"), f"lowback_timer_{lang}")]
    if lang != "en":  # English needs only the app's plural forms, not Qt's own words
        wanted.append(
            (QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath), f"qtbase_{lang}")
        )
    installed = []
    for folder, name in wanted:
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            installed.append(translator)
        else:
            log.warning("translation %s not found in %s; some text stays English", name, folder)
    return installed
