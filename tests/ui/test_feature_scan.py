"""PySide's scan of each imported module, made quicker (ui/feature_scan.py), answers as PySide's own."""

from __future__ import annotations

import sys

import dgfacil.ui.app  # noqa: F401 (puts the quicker scan in place)
import dgfacil.ui.main_window  # noqa: F401 (a module that uses PySide)
from dgfacil.ui import feature_scan


def test_the_quicker_scan_answers_as_pysides_own_for_every_loaded_module():
    feature = sys.modules["shibokensupport.feature"]
    quick = feature._mod_uses_pyside
    own = quick.pysides_own  # PySide's check, still used for a module without a .py file
    modules = [m for m in list(sys.modules.values()) if isinstance(getattr(m, "__file__", None), str)]
    answers = {m.__name__: quick(m) for m in modules}
    assert answers == {m.__name__: own(m) for m in modules}
    assert answers["dgfacil.ui.main_window"] and not answers["json"]
    feature_scan.quicken()  # a second time changes nothing
    assert feature._mod_uses_pyside is quick
