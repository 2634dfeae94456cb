"""Names every docstring example may use without importing them (doctests run by pytest)."""

import numpy as np
import pandas as pd
import pytest

import analysis


@pytest.fixture(autouse=True)
def _doctest_names(doctest_namespace: dict) -> None:
    doctest_namespace.update(pd=pd, np=np, analysis=analysis)
    doctest_namespace.update({name: getattr(analysis, name) for name in analysis.__all__})
