import importlib
import pkgutil

import checker.reporters
from checker.reporters import MODULES, reporters


def test_format_table_names_every_reporter_module_and_its_format():
    declared = {}
    for info in pkgutil.iter_modules(checker.reporters.__path__):
        module = importlib.import_module(f"checker.reporters.{info.name}")
        if hasattr(module, "FORMAT"):
            declared[module.FORMAT] = info.name
    assert MODULES == declared


def test_reporters_by_format_are_the_modules_declaring_it():
    assert sorted(reporters()) == sorted(MODULES)
    for name in reporters():
        assert reporters()[name].FORMAT == name
    assert "pdf" not in reporters()
