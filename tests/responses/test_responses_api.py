"""The public names of samenspel.responses resolve to the real functions."""

from __future__ import annotations

import subprocess
import sys

import samenspel.responses as responses
from samenspel.responses import reader, template, writer


def test_all_names_resolve():
    assert responses.read_responses is reader.read_responses
    assert responses.write_csv is writer.write_csv
    assert responses.write_template is template.write_template
    assert all(callable(getattr(responses, name)) for name in responses.__all__)


def test_model_import_does_not_load_spreadsheet_libraries():
    code = "import sys, samenspel.responses.model; print('openpyxl' in sys.modules, 'python_calamine' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60).stdout
    assert out.strip() == "False False"
