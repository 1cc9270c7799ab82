#!/usr/bin/env bash
# Update the translation source from the code, then compile it for the app (it loads only the .qm at run time).
#   .ci/update_translations.sh          after changing a user-visible string; then translate the new entries
#                                         (pyside6-linguist resources/translations/micrograd_gui_zh_CN.ts) and run
#                                         it again, so the .qm has them too; commit both files
# Strings are found in self.tr(...) / QCoreApplication.translate("Context", ...) calls and, in the Qt-free core, in
# QT_TRANSLATE_NOOP("Context", ...) marks (micrograd_gui/core/i18n_marks.py). tests/ui/test_i18n.py fails while
# an entry is untranslated or the .qm is stale.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${VENV:-.venv}/bin
for ts in resources/translations/micrograd_gui_*.ts; do
  "$bin/pyside6-lupdate" -silent -no-obsolete -extensions py micrograd_gui -ts "$ts"
  "$bin/pyside6-lrelease" -silent "$ts" -qm "${ts%.ts}.qm"
  echo "$ts: $(grep -c '<message' "$ts") strings, $(grep -c 'type="unfinished"' "$ts" || true) untranslated"
done
